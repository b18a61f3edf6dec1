"""Schema migrations: bring a database to the models' schema with the revisions in
tracker/migrations (Alembic), and adopt a database that `init-db` made before them.

Every change to the schema runs on one connection, in one transaction, under a lock: an
upgrade that fails leaves the database as it was, and two nodes upgrading at once take
turns (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE).
"""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, func, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from tracker import models  # noqa: F401 - registers the tables on SQLModel.metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The schema of the last release without migrations; a database it made is stamped with it.
BASELINE = "0001"
VERSION_TABLE = "alembic_version"
_LOCK_KEY = 0x7472_6163_6B65  # any fixed number: the advisory lock every upgrade takes


class MigrationError(RuntimeError):
    """The database cannot be brought to the models' schema; the message says why."""


@dataclass(frozen=True)
class Upgrade:
    """What an upgrade did: the revision before (None: an empty database) and after, and,
    for a database made before migrations, the tables and indexes it lacked and was given."""

    before: str | None
    after: str | None
    adopted: tuple[str, ...] | None = None


def alembic_config(connection: Connection | None = None, *,
                   location: Path = MIGRATIONS_DIR) -> Config:
    """Alembic's settings, made here rather than read from an alembic.ini: the database is
    the app's, handed over as an open connection (see migrations/env.py)."""
    config = Config()
    config.set_main_option("script_location", str(location))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


def scripts(location: Path = MIGRATIONS_DIR) -> ScriptDirectory:
    # Reading the revisions imports each file; a test's app runs init-db every time, so they
    # are read again only when the folder changes (a new revision).
    return _scripts(str(location), (location / "versions").stat().st_mtime_ns)


@functools.cache
def _scripts(location: str, _changed: int) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(location=Path(location)))


def head(location: Path = MIGRATIONS_DIR) -> str:
    return scripts(location).get_current_head()


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def differences(conn: Connection, metadata: MetaData = SQLModel.metadata) -> list:
    """What autogenerate would write to turn the database into `metadata` (empty: none)."""
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return compare_metadata(context, metadata)


def describe(diff) -> str:
    """One readable line for one of compare_metadata's differences."""
    if isinstance(diff, list):  # a column's changes come as a list of modify_* tuples
        return "; ".join(describe(d) for d in diff)
    action, *rest = diff
    if action.startswith("modify_"):
        _schema, table, column, _info, old, new = rest
        return f"{action} {table}.{column}: {old!r} in the database, {new!r} in the models"
    names = [getattr(x, "name", None) or str(x) for x in rest if x is not None]
    return f"{action} {' '.join(map(str, names))}"


@contextmanager
def schema_transaction(engine: Engine):
    """One connection, in one transaction, held by one process at a time."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Batch mode copies a table to change it; SQLite's foreign keys would refuse
            # the copy's drop. They can only be switched outside a transaction; their
            # integrity is checked before the commit instead.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(_LOCK_KEY)))
        try:
            yield conn
            if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise MigrationError("the migration left rows whose foreign keys point "
                                     "nowhere; nothing was changed")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def upgrade_database(engine: Engine, revision: str = "head", *,
                     location: Path = MIGRATIONS_DIR) -> Upgrade:
    """Bring the database to `revision`: an empty one is built by the revisions, one made
    before migrations is checked against the baseline and stamped, then upgraded."""
    with schema_transaction(engine) as conn:
        before = current_revision(conn)
        if before is not None and revision == "head" and before == head(location):
            return Upgrade(before, before)
        adopted = None
        if before is None and _has_tracker_tables(conn, location):
            adopted = adopt(conn, location)
            before = BASELINE
        command.upgrade(alembic_config(conn, location=location), revision)
        return Upgrade(before, current_revision(conn), adopted)


def _baseline(location: Path):
    return scripts(location).get_revision(BASELINE).module


def _has_tracker_tables(conn: Connection, location: Path) -> bool:
    return bool(set(inspect(conn).get_table_names()) & set(_baseline(location).metadata.tables))


def adopt(conn: Connection, location: Path = MIGRATIONS_DIR) -> tuple[str, ...]:
    """Stamp a database made by `init-db` before migrations with the baseline revision,
    once it holds exactly the baseline's schema: what an older release had not yet made
    (a table, an index) is added, as `init-db` did then; any other difference stops here."""
    baseline = _baseline(location)
    added = baseline.create_missing(conn)
    found = differences(conn, baseline.metadata)
    if found:
        lines = "\n".join(f"  {describe(d)}" for d in found)
        raise MigrationError(
            "This database was made before migrations, but its tables differ from the "
            f"schema of that release, so it was left as it was:\n{lines}\nMend these by "
            "hand, or back it up (`tracker backup`) and restore it into an empty database "
            "(`tracker restore`), then run `tracker db upgrade` again.")
    command.stamp(alembic_config(conn, location=location), BASELINE)
    return tuple(added)


def drop_everything(engine: Engine) -> None:
    """Drop every table of the tracker, the record of applied revisions included."""
    with schema_transaction(engine) as conn:
        SQLModel.metadata.drop_all(conn)
        Table(VERSION_TABLE, MetaData()).drop(conn, checkfirst=True)


def next_revision_id(location: Path = MIGRATIONS_DIR) -> str:
    """Revisions are numbered 0001, 0002…, so the folder lists them in order."""
    numbers = [int(r.revision) for r in scripts(location).walk_revisions()
               if re.fullmatch(r"\d+", r.revision)]
    return f"{max(numbers, default=0) + 1:04d}"


def new_revision(engine: Engine, message: str, *, autogenerate: bool,
                 location: Path = MIGRATIONS_DIR) -> Path:
    """Write a revision file; with autogenerate, holding what the models have and the
    database (which must be at the head revision) lacks. Returns its path."""
    with engine.connect() as conn:
        if autogenerate and current_revision(conn) != head(location):
            raise MigrationError("the database is not at the newest revision: run `tracker "
                                 "db upgrade` first, so that autogenerate compares the models "
                                 "with the schema the revisions make")
        script = command.revision(alembic_config(conn, location=location), message=message,
                                  autogenerate=autogenerate,
                                  rev_id=next_revision_id(location))
    return Path(script.path)
