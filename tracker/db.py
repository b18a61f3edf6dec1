"""The engine, the per-request session, and init_db."""

from contextlib import contextmanager

import click
from flask import current_app, g
from flask.cli import with_appcontext
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from tracker import changelog, models  # noqa: F401 - the tables, and the change log's hooks


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL and foreign keys, as PostgreSQL has by nature."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def get_engine() -> Engine:
    ext = current_app.extensions["tracker"]
    if ext.get("engine") is None:
        ext["engine"] = make_engine(current_app.config["DATABASE_URL"])
    return ext["engine"]


def get_session() -> Session:
    """Return the request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = Session(get_engine(), expire_on_commit=False)
    return g.db_session


def close_session(_exc=None):
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@contextmanager
def session_scope():
    """Give a session that commits on success and rolls back on any error (CLI and jobs)."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics, after an import that grew the tables: until
    autovacuum gets to it (or never, where it is off), PostgreSQL plans a State's few
    letters as a scan of every letter, and SQLite has no statistics at all."""
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def init_db(*, drop: bool = False) -> dict:
    """Bring the schema to the newest revision and load the reference data; safe to run
    again. A database made before migrations is adopted (see tracker.migrate)."""
    return init_db_report(drop=drop)[1]


def init_db_report(*, drop: bool = False):
    """As init_db, and say what the upgrade did (tracker.migrate.Upgrade)."""
    from tracker.migrate import drop_everything, upgrade_database
    from tracker.reference import load_reference_data

    engine = get_engine()
    if drop:
        drop_everything(engine)
    upgrade = upgrade_database(engine)
    with session_scope() as session:
        return upgrade, load_reference_data(session=session)


@click.command("init-db")
@with_appcontext
@click.option("--drop", is_flag=True, help="Drop every table first (destroys all data).")
def init_db_command(drop):
    """Upgrade the schema (`tracker db upgrade`) and load states, regions and mandates
    (idempotent)."""
    from flask import current_app

    from tracker.casekey import create_key_file
    from tracker.cli_db import echo_upgrade, migration_errors

    with migration_errors():
        upgrade, counts = init_db_report(drop=drop)
    echo_upgrade(upgrade)
    click.echo("Database ready: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if not current_app.config.get("CASE_KEY"):
        written = create_key_file(current_app.instance_path)
        if written:
            click.echo(f"Case key written to {written}: back it up apart from the database; "
                       "without it the case register's names and notes cannot be read.")


def init_app(app):
    app.extensions["tracker"] = {"engine": None}
    app.teardown_appcontext(close_session)
    app.cli.add_command(init_db_command)
