import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
from sqlmodel import Session, select

from tracker.db import get_engine
from tracker.ingest import Tally
from tracker.models import Communication, Reply, ScrapeRun, Sponsorship, Vote, VoteCast
from tracker.scraping import scrape_communications

from .conftest import FIXTURES, SAMPLES

LISTING = "/LatestReports/CommunicationSent"


def test_cli_import_every_format_with_closing_line(runner, app, tmp_path):
    unknown = tmp_path / "report_with_unknown_name.txt"
    unknown.write_text("1. At the 40th meeting, on 28 March 2008, the representative of Norway "
                       "introduced draft resolution A/HRC/7/L.25, sponsored by Norway and "
                       "co-sponsored by Atlantis. The draft resolution was adopted without "
                       "a vote.\n")
    files = [FIXTURES / "undl" / "draft_515_withdrawal_reconstructed.xml",
             FIXTURES / "undl" / "vote_recorded_reconstructed.xml",
             FIXTURES / "undl" / "ga_votes_2025_reconstructed.csv",
             FIXTURES / "hrc" / "session27_adopted_texts_reconstructed.html",
             FIXTURES / "hrc" / "A_HRC_7_2_paras215-220_TEXT-EXCERPT.txt", unknown,
             FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"]
    result = runner.invoke(args=["import", *map(str, files)])
    assert result.exit_code == 1, result.output  # three records failed: a script must hear it
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Records read") and "1 printed names matched no State" in last
    assert "unmatched name: 'Atlantis'" in result.output
    # the record without 191, table row 27/99, and the real report's cut-short vote list
    assert "3 failed (not stored;" in last
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Vote).where(Vote.symbol == "A/RES/72/999")).one().yes == 3
        casts = {c.raw_name: c.iso3 for c in s.exec(select(VoteCast))}
        assert casts["SWAZILAND"] == "SWZ" and casts["TÜRKİYE"] == "TUR"
        run = s.exec(select(ScrapeRun)).one()
        assert run.status == "partial" and run.unmatched == 1 and "Atlantis" in run.error


def test_cli_import_unknown_format_clear_message(runner, tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("foo,bar\n1,2\n")
    result = runner.invoke(args=["import", str(bad)])
    assert result.exit_code == 1
    assert f"failed: {bad}: CSV header matches no known format: foo, bar" in result.output
    assert "Traceback" not in result.output


def test_cli_import_changed_layout_counts_failed_and_stores_nothing(runner, app):
    page = FIXTURES / "ohchr" / "communicationsent_layout_changed_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert "1 failed" in result.output
    assert "layout changed" in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Communication)).all() == []


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_cli_load_samples(runner):
    result = runner.invoke(args=["load-samples"])
    assert result.exit_code == 0, result.output
    assert "0 failed; 0 printed names matched no State." in result.output


def test_cli_scrape_offline_missing_page_is_clear(runner, tmp_path):
    result = runner.invoke(args=["scrape", "communications", "--offline", str(tmp_path)])
    assert result.exit_code == 1
    assert "no saved response for this URL" in result.output


# --- a live scrape against a local server ----------------------------------------------


class ListingServer:
    """Serves the reconstructed listing pages; page 2 can be held back to kill a run."""

    def __init__(self, httpserver):
        self.hold = threading.Event()
        self.page2_requested = threading.Event()
        pages = {n: (FIXTURES / "ohchr" / f"communicationsent_page{n}_reconstructed.html")
                 .read_text() for n in (1, 2)}
        httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")

        def handler(request):
            from werkzeug import Response
            n = int(request.args.get("page", "1"))
            if n == 2:
                self.page2_requested.set()
                while self.hold.is_set():
                    time.sleep(0.05)
            return Response(pages[n], content_type="text/html; charset=utf-8")

        httpserver.expect_request(LISTING).respond_with_handler(handler)
        self.url = httpserver.url_for(LISTING)
        self.log = httpserver.log


def _snapshot(app):
    with app.app_context(), Session(get_engine()) as s:
        comms = sorted((c.addressee_code, c.number, c.year, c.type, c.summary, c.date)
                       for c in s.exec(select(Communication)))
        replies = sorted((r.url, r.date) for r in s.exec(select(Reply)))
        return comms, replies


def _clear(app):
    with app.app_context(), Session(get_engine()) as s:
        for model in (Reply, ScrapeRun):
            for row in s.exec(select(model)):
                s.delete(row)
        s.commit()
        from tracker.models import CommunicationMandate
        for row in s.exec(select(CommunicationMandate)):
            s.delete(row)
        s.commit()
        for row in s.exec(select(Communication)):
            s.delete(row)
        s.commit()


def _scrape_cmd(app, tmp_path, server_url):
    env = {**os.environ, "TRACKER_INSTANCE_PATH": str(tmp_path / "instance"),
           "TRACKER_TESTING": "true", "TRACKER_DATABASE_URL": app.config["DATABASE_URL"],
           "TRACKER_MIN_INTERVAL_SECONDS": "0", "TRACKER_COMMUNICATIONS_URL": server_url,
           "TRACKER_CACHE_DIR": str(tmp_path / "cache")}
    return [sys.executable, "-m", "tracker", "scrape", "communications"], env


@pytest.mark.slow
def test_scrape_killed_mid_run_resumes_to_same_database(app, tmp_path, httpserver):
    server = ListingServer(httpserver)
    cmd, env = _scrape_cmd(app, tmp_path, server.url)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "6 new," in done.stdout
    expected = _snapshot(app)
    assert len(expected[0]) == 6

    _clear(app)
    shutil.rmtree(tmp_path / "cache")
    server.page2_requested.clear()
    server.hold.set()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert server.page2_requested.wait(60)
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    server.hold.clear()
    partial = _snapshot(app)
    assert len(partial[0]) == 4  # page 1 landed whole, page 2 not at all

    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert _snapshot(app) == expected
    with app.app_context(), Session(get_engine()) as s:
        statuses = [r.status for r in s.exec(select(ScrapeRun).order_by(ScrapeRun.id))]
    assert statuses == ["interrupted", "finished"]


def test_scrape_incremental_stops_at_known_page(app, tmp_path, httpserver):
    from scrapers.http import HttpClient

    server = ListingServer(httpserver)
    client = HttpClient(min_interval=0)  # no cache: count every fetch
    with app.app_context():
        engine = get_engine()
        sessions = lambda: Session(engine, expire_on_commit=False)  # noqa: E731
        for _ in range(2):
            with sessions() as s:
                run = ScrapeRun(source_kind="communications", status="finished")
                s.add(run)
                s.commit()
                run_id = run.id
            tally = Tally()
            scrape_communications(client, sessions, tally, run_id=run_id, base_url=server.url)
    pages = [r.args.get("page") for r, _ in server.log if r.path == LISTING]
    # the first run reads both pages; the second stops at page 1, all of it known
    assert pages == ["1", "2", "1"]
    assert (tally.saved, tally.unchanged) == (0, 4)


def test_cli_scrape_refused_response_is_one_line_and_a_rerun_finishes(app, runner, httpserver):
    pages = {n: (FIXTURES / "ohchr" / f"communicationsent_page{n}_reconstructed.html")
             .read_text() for n in (1, 2)}
    oversized = iter([True])  # page 2 is too large once, then the server mends

    def handler(request):
        from werkzeug import Response
        n = int(request.args.get("page", "1"))
        body = pages[n] + ("<!-- padding -->" * 2000 if n == 2 and next(oversized, False) else "")
        return Response(body, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request(LISTING).respond_with_handler(handler)
    app.config.update(COMMUNICATIONS_URL=httpserver.url_for(LISTING), MAX_RESPONSE_BYTES=20_000)

    failed = runner.invoke(args=["scrape", "communications"])
    assert failed.exit_code == 1
    assert "Traceback" not in failed.output
    error = failed.output.strip().splitlines()[-1]
    assert error.startswith(f"Error: {httpserver.url_for(LISTING)}?page=2: the server announced")
    assert "limit of 20000 bytes (MAX_RESPONSE_BYTES)" in error
    again = runner.invoke(args=["scrape", "communications"])
    assert again.exit_code == 0, again.output
    with app.app_context(), Session(get_engine()) as s:
        assert len(s.exec(select(Communication)).all()) == 4 + 2  # both pages, 4 and 2 rows
        statuses = [r.status for r in s.exec(select(ScrapeRun).order_by(ScrapeRun.id))]
    assert statuses == ["failed", "finished"]


def test_sponsorship_roles_from_report(runner, app):
    runner.invoke(args=["import",
                        str(FIXTURES / "hrc" / "A_HRC_7_2_paras215-220_TEXT-EXCERPT.txt")])
    with app.app_context(), Session(get_engine()) as s:
        roles = {r.iso3: r.role for r in s.exec(select(Sponsorship)
                                                 .where(Sponsorship.family == "A/HRC/7/L.9"))}
    assert roles["CUB"] == "main" and roles["BOL"] == "co" and roles["DZA"] == "additional"
    assert roles["PRK"] == "co" and roles["SDN"] == "additional"  # "People’s", "the Sudan"


def test_cli_import_hrc_terms_and_members_on_a_day(runner, app, tmp_path):
    from datetime import date

    from tracker.ingest import hrc_members_on

    terms = tmp_path / "hrc-terms.csv"
    terms.write_text("iso3,term_start,term_end\nHND,2022-01-01,2024-12-31\n"
                     "CUB,2021-01-01,2023-12-31\nXXX,2021-01-01,2023-12-31\n"
                     "NOR,2025-01-01,2024-01-01\n")
    result = runner.invoke(args=["import", str(terms)])
    # Both real terms are in the shipped Council membership already: nothing new.
    assert "2 unchanged" in result.output and "2 failed" in result.output
    assert "unknown ISO3 code 'XXX'" in result.output and "line 5" in result.output
    with app.app_context(), Session(get_engine()) as s:
        on_day = hrc_members_on(s, date(2023, 6, 1))
        assert len(on_day) == 47 and {"HND", "CUB"} <= on_day
        # By date, not by year: the Russian Federation was suspended on 7 April 2022
        # and Czechia sat from 10 May 2022.
        assert "RUS" in hrc_members_on(s, date(2022, 4, 1))
        may = hrc_members_on(s, date(2022, 5, 20))
        assert "RUS" not in may and "CZE" in may and len(may) == 47
    assert "2022-01-01 to 2024-12-31" in app.test_client().get("/states/HND").get_data(
        as_text=True)


def test_cli_scrape_undl_and_hrc_session_offline(runner, app, tmp_path):
    from scrapers.http import save_response
    from scrapers.undl import record_url
    from tracker.models import Draft, Resolution
    from tracker.scraping import hrc_session_url

    saved = tmp_path / "saved"
    save_response(saved, record_url(900001),
                  200, (FIXTURES / "undl" / "draft_515_withdrawal_reconstructed.xml").read_bytes(),
                  "application/xml")
    save_response(saved, hrc_session_url(27), 200,
                  (FIXTURES / "hrc" / "session27_adopted_texts_reconstructed.html").read_bytes(),
                  "text/html")
    result = runner.invoke(args=["scrape", "undl", "--record", "900001", "--offline",
                                 str(saved)])
    assert result.exit_code == 1, result.output  # one record failed
    assert "1 new," in result.output and "1 failed" in result.output  # record without 191
    result = runner.invoke(args=["scrape", "hrc-session", "27", "--offline", str(saved)])
    assert result.exit_code == 1, result.output  # row 27/99 failed
    with app.app_context(), Session(get_engine()) as s:
        draft = s.exec(select(Draft).where(Draft.symbol == "A/C.3/64/L.22")).one()
        assert draft.source_id is not None
        r24 = s.exec(select(Resolution).where(Resolution.symbol == "A/HRC/RES/27/24")).one()
        assert (r24.yes, r24.no, r24.abstain, r24.session) == (42, 1, 4, "27")
        runs = {r.source_kind: r.status for r in s.exec(select(ScrapeRun))}
    assert runs == {"undl": "partial", "hrc-session": "partial"}


def test_cli_import_codes_each_letter_in_the_commit_that_stores_it(runner, app):
    """An import codes each batch with the batch: the search change log names each letter
    once (stored and coded together), so every node indexes it once, with its codes."""
    from tracker.models import SearchChange

    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert result.exit_code == 0, result.output
    assert "Rules v" in result.output  # the rules' summary, as before
    with app.app_context(), Session(get_engine()) as s:
        letters = s.exec(select(Communication)).all()
        assert letters and all(c.coding_status is not None for c in letters)
        logged = [c.key for c in s.exec(select(SearchChange).where(
            SearchChange.kind == "communication"))]
        assert sorted(logged) == sorted(str(c.id) for c in letters)  # once each


def test_cli_import_brings_the_index_up_to_date_as_it_goes(runner, app, monkeypatch):
    """A big import applies the change log to the node's index every EVERY records, at
    its own pace, not only at the end: on a busy server the follower would fall behind."""
    from tracker import pacing
    from tracker import search as search_module

    calls = []
    real = search_module.apply_changes

    def counting(*args, **kwargs):
        calls.append(kwargs.get("wait"))
        return real(*args, **kwargs)

    monkeypatch.setattr(search_module, "apply_changes", counting)
    monkeypatch.setattr(pacing.IndexAsYouGo, "EVERY", 1)
    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert result.exit_code == 0, result.output
    assert calls and set(calls) == {pacing.COMMAND_INDEX_WAIT}  # during the import
    with app.app_context(), Session(get_engine()) as s:
        stored = len(s.exec(select(Communication)).all())
    assert search_module.search(app.config["SEARCH_INDEX_DIR"], "").total == stored


def test_cli_a_big_import_refreshes_the_planners_statistics(runner, app, monkeypatch):
    """After an import that grew the tables the database's statistics are refreshed, so
    a State's few letters are not planned as a scan of all of them (PostgreSQL's
    autovacuum may be late, or off; SQLite has none until ANALYZE)."""
    from sqlalchemy import text

    from tracker import pacing

    monkeypatch.setattr(pacing, "ANALYZE_AFTER", 1)
    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert result.exit_code == 0, result.output
    with app.app_context(), get_engine().connect() as conn:
        if conn.dialect.name == "postgresql":
            analysed = conn.execute(text(
                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'communication'"
            )).scalar()
            assert analysed is not None
        else:
            tables = {row[0] for row in conn.execute(text("SELECT tbl FROM sqlite_stat1"))}
            assert "communication" in tables


def test_cli_import_writes_each_letter_into_the_index_once(runner, app, monkeypatch):
    """What the import applied from the change log as it went is not written again at its
    end (for 50,000 letters that was minutes of work)."""
    from tracker import pacing
    from tracker.search import changes, following, rebuild_index

    written = []
    real = changes.write_records

    def counting(ix, session, ids, symbols, **kwargs):
        written.extend(ids)
        return real(ix, session, ids, symbols, **kwargs)

    monkeypatch.setattr(changes, "write_records", counting)
    monkeypatch.setattr(following, "write_records", counting)
    monkeypatch.setattr(pacing.IndexAsYouGo, "EVERY", 1)
    with app.app_context(), Session(get_engine()) as s:  # a node's index, following
        rebuild_index(app.config["SEARCH_INDEX_DIR"], s)
    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert result.exit_code == 0, result.output
    with app.app_context(), Session(get_engine()) as s:
        ids = [c.id for c in s.exec(select(Communication))]
    assert ids and sorted(written) == sorted(ids)


def test_cli_import_refreshes_statistics_as_it_goes(runner, app, monkeypatch):
    """Each time an import has doubled what it stored, and once at its end."""
    from tracker import db, pacing

    calls = []
    real = db.analyze
    monkeypatch.setattr(db, "analyze", lambda engine: (calls.append(1), real(engine)))
    monkeypatch.setattr(pacing, "ANALYZE_AFTER", 1)
    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    result = runner.invoke(args=["import", str(page)])
    assert result.exit_code == 0, result.output
    assert len(calls) >= 2  # during the import, and after it
