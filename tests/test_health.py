"""/healthz, and the log lines of requests and scrape steps."""

import datetime as dt
import logging

import pytest
from sqlmodel import Session, select

from tracker.db import get_engine, make_engine
from tracker.health import report
from tracker.logs import logfmt
from tracker.migrate import head
from tracker.models import Communication, SearchChange
from tracker.search import rebuild_index

from .conftest import FIXTURES, sign_in

PAGE = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"


def _index(app):
    with app.app_context(), Session(get_engine()) as session:
        return rebuild_index(app.config["SEARCH_INDEX_DIR"], session)


def _import(app):
    result = app.test_cli_runner().invoke(args=["import", str(PAGE)])
    assert result.exit_code == 0, result.output


def test_healthz_healthy_says_revision_index_and_no_lag(app):
    _import(app)
    _index(app)
    response = app.test_client().get("/healthz")
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["status"] == "ok" and body["problems"] == []
    assert body["database"] == {"ok": True, "revision": head(), "newest_revision": head()}
    assert body["index"]["ok"] and body["index"]["generation"].startswith("gen-")
    assert body["index"]["documents"] == body["lag"]["documents_in_database"] > 0
    assert body["lag"]["documents_missing"] == 0 and body["lag"]["seconds"] == 0
    assert body["lag"]["behind_since"] is None
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_healthz_answers_anyone_even_when_public_data_is_private(app):
    _index(app)
    app.config["PUBLIC_READ"] = False
    assert app.test_client().get("/healthz").status_code == 200


def test_healthz_without_an_index_is_503(app):
    response = app.test_client().get("/healthz")
    body = response.get_json()
    assert response.status_code == 503
    assert body["status"] == "unhealthy"
    assert body["problems"] == ["no search index: run `tracker reindex`"]
    assert body["database"]["ok"] and body["lag"] == {}


def test_healthz_with_the_database_down_is_503_and_names_no_host(app, server_database_url,
                                                                 tmp_path):
    _index(app)
    client = sign_in(app, "ana", "viewer")  # a session cookie: it is not read here
    bad = ("postgresql+psycopg://tracker:hunter2@127.0.0.1:1/nowhere" if server_database_url
           else f"sqlite:///{tmp_path / 'no-such-folder' / 'tracker.sqlite'}")
    app.extensions["tracker"]["engine"].dispose()
    app.extensions["tracker"]["engine"] = make_engine(bad)

    response = client.get("/healthz")

    body = response.get_json()
    assert response.status_code == 503
    assert body["database"] == {"ok": False, "error": "the database does not answer"}
    assert body["problems"] == ["the database does not answer"]
    assert body["index"]["ok"]
    text = response.get_data(as_text=True)
    assert "hunter2" not in text and "nowhere" not in text and "no-such-folder" not in text


def test_health_report_measures_the_lag_of_a_change_not_yet_indexed(app):
    _index(app)
    _import(app)  # the import writes its communications into the index itself
    with app.app_context():
        engine, root = get_engine(), app.config["SEARCH_INDEX_DIR"]
        healthy, body = report(engine, root)
        assert healthy and body["lag"]["documents_missing"] == 0
        with Session(engine) as session:
            comm = session.exec(select(Communication)).first()
            comm.summary = (comm.summary or "") + " (changed, not indexed)"
            session.add(comm)
            session.commit()
            # when the change log says it was written (in the change's transaction)
            changed = session.exec(select(SearchChange.created_at).order_by(
                SearchChange.id.desc())).first()
            changed = changed.replace(tzinfo=changed.tzinfo or dt.UTC)
        later = changed + dt.timedelta(seconds=120)

        healthy, body = report(engine, root, now=later)
        assert healthy  # reported, not failed, unless a limit is set
        assert body["lag"]["seconds"] == 120
        assert body["lag"]["behind_since"] == changed.isoformat(timespec="seconds")

        healthy, body = report(engine, root, max_lag_seconds=60, now=later)
        assert not healthy
        assert body["problems"] == ["the search index lacks changes older than 60 s"]


def test_every_request_logs_one_line_without_its_query(app, caplog):
    caplog.set_level(logging.INFO, logger="tracker.requests")
    client = sign_in(app, "ana", "viewer")
    caplog.clear()
    client.get("/states?q=Mariposa+Tegucigalpa")
    app.test_client().get("/no-such-page")

    lines = [r.getMessage() for r in caplog.records if r.name == "tracker.requests"]
    assert len(lines) == 2
    fields = [dict(part.split("=", 1) for part in line.split()) for line in lines]
    with app.app_context(), Session(get_engine()) as session:
        from tracker.models import User

        ana = session.exec(select(User).where(User.username == "ana")).one()
    assert {k: fields[0][k] for k in ("event", "method", "path", "status", "user")} == {
        "event": "request", "method": "GET", "path": "/states", "status": "200",
        "user": str(ana.id)}
    assert float(fields[0]["ms"]) >= 0
    assert (fields[1]["path"], fields[1]["status"], fields[1]["user"]) == (
        "/no-such-page", "404", "anon")
    assert "Mariposa" not in lines[0]


def test_logfmt_quotes_what_could_forge_a_field_or_line():
    assert logfmt(path="/a b", user="anon") == 'path="/a b" user=anon'
    assert logfmt(path="/x\nevent=forged") == 'path="/x\\nevent=forged"'
    assert logfmt(ms=None) == 'ms=""'


@pytest.mark.parametrize("step_name", ["store", "code", "index"])
def test_an_import_logs_each_step_with_its_time(app, caplog, step_name):
    caplog.set_level(logging.INFO, logger="tracker.steps")
    _import(app)
    lines = [r.getMessage() for r in caplog.records if r.name == "tracker.steps"]
    line = next(line for line in lines if f" step={step_name} " in line)
    fields = dict(part.split("=", 1) for part in line.split())
    assert fields["event"] == "step" and fields["kind"] == "import"
    assert fields["outcome"] == "ok" and float(fields["ms"]) >= 0
    if step_name == "store":
        assert int(fields["saved"]) > 0 and fields["failed"] == "0"
    else:  # the page's communications, coded and then indexed
        assert int(fields["communications"]) > 0
