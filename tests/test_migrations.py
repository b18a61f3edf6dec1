"""The schema comes from the revisions in tracker/migrations, on SQLite and PostgreSQL; a
database made before migrations is adopted with every row kept."""

import shutil

import pytest
import sqlalchemy as sa
from alembic import command
from sqlmodel import Session, SQLModel

from tracker import audit, changelog, create_app
from tracker.db import make_engine
from tracker.importers import import_files
from tracker.ingest import Tally
from tracker.migrate import (
    BASELINE,
    MIGRATIONS_DIR,
    VERSION_TABLE,
    alembic_config,
    current_revision,
    differences,
    drop_everything,
    head,
    new_revision,
    schema_transaction,
    scripts,
    upgrade_database,
)
from tracker.models import AuditEvent, Communication, Resolution, State
from tracker.reference import load_reference_data

from .conftest import _test_config, add_account, data_files


@pytest.fixture
def bare(tmp_path, monkeypatch, server_database_url):
    """An app and an engine on a database without a single table: a SQLite file, or the
    PostgreSQL test database emptied (and rebuilt by the migrations afterwards)."""
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path / "instance"))
    url = server_database_url or f"sqlite:///{tmp_path / 'bare.sqlite'}"
    engine = make_engine(url)
    drop_everything(engine)
    app = create_app(_test_config(url))
    yield app, engine
    if app.extensions["tracker"]["engine"] is not None:
        app.extensions["tracker"]["engine"].dispose()
    if server_database_url:
        drop_everything(engine)
        upgrade_database(engine)
    engine.dispose()


def _tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def _previous_release() -> sa.MetaData:
    """The tables of the last release without migrations: the baseline revision's, not
    today's models, which have gained tables since."""
    return scripts().get_revision(BASELINE).module.metadata


def _init_db_before_migrations(engine) -> None:
    """What `tracker init-db` did in the last release without migrations."""
    _previous_release().create_all(engine)
    for table in _previous_release().sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)
    with pytest.MonkeyPatch.context() as mp, Session(engine) as session:
        mp.setattr(changelog, "SEARCHABLE", {})  # it wrote no search change log
        load_reference_data(session=session)
        session.commit()


def _every_row(engine) -> dict[str, list[tuple]]:
    """Each table of the previous release's rows, in primary-key order."""
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(
                    sa.select(t).order_by(*t.primary_key.columns))]
                for t in _previous_release().sorted_tables}


def test_migrating_an_empty_database_gives_the_models_schema(bare):
    _app, engine = bare
    done = upgrade_database(engine)
    assert (done.before, done.after, done.adopted) == (None, head(), None)
    assert _tables(engine) == set(SQLModel.metadata.tables) | {VERSION_TABLE}
    with engine.connect() as conn:
        assert differences(conn) == []
        assert current_revision(conn) == head()


def test_migrated_audit_log_refuses_changes(bare):
    """The revisions make the audit log's triggers, as create_all's events did."""
    _app, engine = bare
    upgrade_database(engine)
    with Session(engine) as session:
        session.add(AuditEvent(action="login", username="ana"))
        session.commit()
    for statement in ("UPDATE auditevent SET username = 'x'", "DELETE FROM auditevent"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), engine.begin() as c:
            c.execute(sa.text(statement))


def test_upgrade_keeps_every_row_of_a_database_from_the_previous_release(bare):
    app, engine = bare
    # Filled at today's schema, as today's importers write today's columns, then taken down
    # to the baseline and unstamped: the tables and rows the last release would have left.
    upgrade_database(engine)
    with Session(engine) as session:
        load_reference_data(session=session)
        session.commit()
    import_files(data_files(), lambda: Session(engine, expire_on_commit=False), Tally())
    add_account(app, "ana", "editor")
    with Session(engine) as session:
        audit.record(session, "login", username="ana", ip="127.0.0.1", user_agent="test")
        session.commit()
    with schema_transaction(engine) as conn:
        command.downgrade(alembic_config(conn), BASELINE)
        conn.execute(sa.text(f"DROP TABLE {VERSION_TABLE}"))
    before = _every_row(engine)
    assert VERSION_TABLE not in _tables(engine)
    filled = {name for name, rows in before.items() if rows}
    assert {"state", "communication", "resolution", "sponsorship", "user",
            "auditevent"} <= filled

    result = app.test_cli_runner().invoke(args=["init-db"])

    assert result.exit_code == 0, result.output
    assert "made before migrations, checked and stamped" in result.output
    after = _every_row(engine)
    assert {t: len(rows) for t, rows in after.items()} == {
        t: len(rows) for t, rows in before.items()}
    assert after == before
    with engine.connect() as conn:
        assert current_revision(conn) == head()
        assert differences(conn) == []
    with Session(engine) as session:
        assert session.get(State, "HND").name == "Honduras"
        assert session.exec(sa.select(sa.func.count()).select_from(Communication)).one()[0]
        assert session.exec(sa.select(sa.func.count()).select_from(Resolution)).one()[0]


def test_a_database_unlike_the_previous_release_is_left_alone(bare):
    app, engine = bare
    _init_db_before_migrations(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE state ADD COLUMN nickname VARCHAR(20)"))

    result = app.test_cli_runner().invoke(args=["db", "upgrade"])

    assert result.exit_code == 1
    assert "differ from the schema of that release" in result.output
    assert "state" in result.output and "nickname" in result.output
    assert "Traceback" not in result.output
    assert VERSION_TABLE not in _tables(engine)


def test_a_new_revision_applies_over_data(bare, tmp_path):
    """A revision written by `tracker db revision` runs over a filled database; on SQLite
    batch mode copies the table (referenced by many others) and keeps every row."""
    _app, engine = bare
    upgrade_database(engine)
    with Session(engine) as session:
        load_reference_data(session=session)
        session.commit()
    import_files(data_files(), lambda: Session(engine, expire_on_commit=False), Tally())
    before = _every_row(engine)
    newest = head()
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))

    path = new_revision(engine, "States get a nickname", autogenerate=True,
                        location=location)

    assert path.name == f"{int(newest) + 1:04d}_states_get_a_nickname.py"
    text = path.read_text()
    empty = ("def upgrade() -> None:\n    # ### commands auto generated by Alembic - please "
             "adjust! ###\n    pass")
    assert empty in text  # the models did not change
    path.write_text(text.replace(empty, (
        "def upgrade() -> None:\n"
        "    with op.batch_alter_table('state') as batch:\n"
        "        batch.add_column(sa.Column('nickname', sa.String(40), nullable=True))\n"
        "    op.execute(\"UPDATE state SET nickname = iso3 WHERE status = 'member'\")"), 1))

    done = upgrade_database(engine, location=location)

    assert (done.before, done.after) == (newest, path.name[:4])
    with engine.connect() as conn:
        assert conn.execute(sa.text(
            "SELECT nickname FROM state WHERE iso3 = 'HND'")).scalar() == "HND"
        after = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                 for t in _previous_release().sorted_tables}
    assert after == {t: len(rows) for t, rows in before.items()}


def test_db_commands_say_where_the_schema_stands(bare):
    app, _engine = bare
    runner = app.test_cli_runner()
    assert "none (newest: " in runner.invoke(args=["db", "current"]).output
    upgraded = runner.invoke(args=["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert f"upgraded from an empty database to revision {head()}" in upgraded.output
    assert f"{head()} (newest: {head()}; up to date)" in runner.invoke(
        args=["db", "current"]).output
    checked = runner.invoke(args=["db", "check"])
    assert checked.exit_code == 0 and "matches the models" in checked.output
    again = runner.invoke(args=["db", "upgrade"])
    assert "nothing to do" in again.output
