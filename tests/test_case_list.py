"""The register's list: one page of what it shows, read from an index, never a name."""

import datetime as dt

import sqlalchemy
from alembic import command
from sqlmodel import Session

from tracker.case_list import CaseFilter, count_cases, list_cases
from tracker.casekey import current_keys
from tracker.cases import CaseInput, save_case
from tracker.db import get_engine, init_db
from tracker.migrate import BASELINE, VERSION_TABLE, alembic_config, schema_transaction


def _add(app, count: int) -> None:
    with app.app_context(), Session(get_engine()) as s:
        for k in range(count):
            save_case(s, current_keys(), CaseInput(
                pseudonym=f"Ana {k:02d}", iso3="HND", province="Atlántida" if k % 2 else "",
                name="Ana Real Name", notes="met at the office",
                incident_dates=(dt.date(2020, 1, 1 + k),)), "tester")
        s.commit()


def test_a_page_holds_what_the_list_shows_and_never_the_name_or_notes(app):
    _add(app, 7)
    with app.app_context(), Session(get_engine()) as s:
        flt = CaseFilter(q="atlánt")
        rows = list_cases(s, flt, page=1, size=2)
        assert count_cases(s, flt) == 3
        assert [r.pseudonym for r in rows] == ["Ana 05", "Ana 03"]  # the last saved first
        assert rows[0].incident_dates == "2020-01-06" and rows[0].province == "Atlántida"
        assert not hasattr(rows[0], "identity") and not hasattr(rows[0], "notes")
        assert [r.pseudonym for r in list_cases(s, flt, page=2, size=2)] == ["Ana 01"]


def test_init_db_adds_the_lists_index_to_a_database_made_before_it(app):
    """A database an older release made (no list index, no migrations yet) gets it when
    init-db adopts it."""
    with app.app_context():
        engine = get_engine()
        # The tables as the last release before migrations left them: today's taken down
        # to the first revision, unstamped, without the index.
        with schema_transaction(engine) as connection:
            command.downgrade(alembic_config(connection), BASELINE)
            connection.execute(sqlalchemy.text(f"DROP TABLE {VERSION_TABLE}"))
            connection.execute(sqlalchemy.text("DROP INDEX ix_case_listed"))
        assert "ix_case_listed" not in {i["name"] for i in
                                        sqlalchemy.inspect(engine).get_indexes("case")}
        init_db()
        assert "ix_case_listed" in {i["name"] for i in
                                    sqlalchemy.inspect(engine).get_indexes("case")}
