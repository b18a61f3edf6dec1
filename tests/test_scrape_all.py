"""`tracker scrape all`: every source in order, one run at a time on any node, each run's
steps shown to admins."""

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from scrapers import communications as comms
from scrapers.http import save_response
from tracker.cli_schedule import EXIT_BUSY, LOCK_NAME
from tracker.db import get_engine
from tracker.models import Communication, RunStep, ScheduleLock, ScrapeRun
from tracker.schedule_lock import LockHeld, acquire, refresh, release
from tracker.scraping import hrc_session_url

from .conftest import FIXTURES, sign_in


@pytest.fixture
def saved(app, tmp_path):
    """The listing's two pages and HRC session 27's table, saved as a scrape would."""
    folder = tmp_path / "saved"
    base = app.config["COMMUNICATIONS_URL"]
    for n in (1, 2):
        save_response(folder, comms.listing_url(n, base), 200,
                      (FIXTURES / "ohchr" / f"communicationsent_page{n}_reconstructed.html")
                      .read_bytes(), "text/html")
    save_response(folder, hrc_session_url(27), 200,
                  (FIXTURES / "hrc" / "session27_adopted_texts_reconstructed.html").read_bytes(),
                  "text/html")
    app.config["SCHEDULE_HRC_SESSIONS"] = [27]
    return folder


def _all(app, saved):
    return app.test_cli_runner().invoke(args=["scrape", "all", "--offline", str(saved)])


def _lock_row(app, **values):
    now = datetime.now(UTC)
    row = {"name": LOCK_NAME, "token": "other", "host": "node-2", "pid": 4242, "run_id": 7,
           "acquired_at": now - timedelta(hours=1), "heartbeat_at": now,
           "expires_at": now + timedelta(minutes=10), **values}
    with app.app_context(), Session(get_engine()) as s:
        s.add(ScheduleLock(**row))
        s.commit()


def test_scrape_all_runs_each_source_in_order_and_records_each_step(app, saved):
    result = _all(app, saved)
    # the letters cannot be fetched offline and session 27 has a bad row: partial, exit 1
    assert result.exit_code == 1, result.output
    with app.app_context(), Session(get_engine()) as s:
        parent = s.exec(select(ScrapeRun).where(ScrapeRun.source_kind == "all")).one()
        steps = s.exec(select(RunStep).order_by(RunStep.position)).all()
        kinds = [s.get(ScrapeRun, step.run_id).source_kind for step in steps]
        assert s.exec(select(ScheduleLock)).all() == []  # released
        assert len(s.exec(select(Communication)).all()) == 6
    assert [step.name for step in steps] == ["communications", "letters", "hrc-session 27"]
    assert kinds == ["communications", "letters", "hrc-session"]
    assert [step.outcome for step in steps][::2] == ["finished", "partial"]
    assert parent.status == "partial" and parent.saved >= 6
    assert "hrc-session 27" in parent.error and "communications" not in parent.error
    assert f"scrape all (run {parent.id}): partial; 3 steps" in result.output
    # incremental: the second run finds every reference on page 1 known and stops there
    again = _all(app, saved)
    with app.app_context(), Session(get_engine()) as s:
        second = s.exec(select(RunStep).where(RunStep.parent_id != parent.id,
                                              RunStep.name == "communications")).one()
        assert s.get(ScrapeRun, second.run_id).saved == 0
    assert "scrape all" in again.output


def test_scrape_all_runs_page_shows_each_step_to_admins_only(app, saved):
    _all(app, saved)
    admin = sign_in(app, "root", "admin")
    page = admin.get("/admin/runs").get_data(as_text=True)
    assert "step 1: communications listing" in page and "step 3: HRC session 27" in page
    assert "27/99" in page  # what failed, in the step's own words
    spanish = admin.get("/admin/runs?lang=es").get_data(as_text=True)
    assert "paso 1: lista de comunicaciones" in spanish and "<td>con errores</td>" in spanish
    assert sign_in(app, "ana", "viewer").get("/admin/runs").status_code == 403


def test_scrape_all_second_run_says_who_holds_the_lock_and_exits_non_zero(app, saved):
    _lock_row(app)
    result = _all(app, saved)
    assert result.exit_code == EXIT_BUSY
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "in progress: run 7, process 4242 on node-2, since" in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(ScrapeRun)).all() == []
        assert s.get(ScheduleLock, LOCK_NAME).token == "other"  # noqa: S105 - not a secret


def test_scrape_all_takes_over_a_lock_whose_heartbeat_expired(app, saved):
    _lock_row(app, expires_at=datetime.now(UTC) - timedelta(seconds=1))
    result = _all(app, saved)
    assert "Took over the lock of a run whose process is gone: run 7, process 4242 on " \
           "node-2" in result.output
    assert "scrape all (run" in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(ScheduleLock)).all() == []


def test_scrape_all_takes_over_at_once_from_a_dead_process_on_this_host(app, saved):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    _lock_row(app, host=socket.gethostname(), pid=int(gone.stdout))
    assert "Took over the lock" in _all(app, saved).output


def test_schedule_lock_one_holder_at_a_time(app):
    with app.app_context(), Session(get_engine()) as first, Session(get_engine()) as second:
        claim = acquire(first, "job", ttl=60)
        with pytest.raises(LockHeld, match=f"process {os.getpid()} on "):
            acquire(second, "job", ttl=60)
        assert refresh(first, claim, ttl=60)
        release(first, claim)
        again = acquire(second, "job", ttl=60)
        assert not refresh(first, claim, ttl=60)  # the old holder can no longer extend it
        release(first, claim)  # nor release another's lock
        assert second.get(ScheduleLock, "job").token == again.token
