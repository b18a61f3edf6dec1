"""The search change log and the indexes that follow it (tracker.changelog,
tracker.search.changes, tracker.search.following)."""

import os
import re
import secrets
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from scrapers.records import CommunicationRecord, DraftRecord, SponsorEvent
from tracker import changelog
from tracker.db import get_engine
from tracker.ingest import Tally, store_communications, store_drafts
from tracker.models import Communication, SearchChange, State
from tracker.search import apply_changes, rebuild_index, search, update_index
from tracker.search.changes import read_position, write_position
from tracker.search.following import must_rebuild, start_following
from tracker.search.lifecycle import current_dir

from .conftest import FIXTURES, TEST_CASE_KEY
from .test_serving import _free_port, _get

ROOT = Path(__file__).resolve().parents[1]
PAGE = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"


def _rec(number, summary, code="HND"):
    return CommunicationRecord(type="UA", addressee_code=code, number=number, year=2013,
                               date=date(2013, 5, number), addressee_name=code,
                               mandates=["human rights defenders"], summary=summary,
                               location="test")


def _log(session):
    session.rollback()  # a fresh read
    return [(c.kind, c.key) for c in session.exec(select(SearchChange).order_by(SearchChange.id))]


@pytest.fixture
def root(app):
    return Path(app.config["SEARCH_INDEX_DIR"])


@pytest.fixture
def engine(app):
    with app.app_context():
        yield get_engine()


def _since(session, position):
    return _log(session)[position:]


# --- the log --------------------------------------------------------------------------


def test_changelog_notes_stored_communications_when_they_commit(session):
    before = len(_log(session))
    store_communications(session, [_rec(1, "A defender in Tegucigalpa.")], Tally())
    session.commit()
    comm = session.exec(select(Communication)).one()
    assert _since(session, before) == [("communication", str(comm.id))]


def test_changelog_forgets_a_rolled_back_transaction(session):
    before = len(_log(session))
    session.add(Communication(addressee_code="HND", number=1, year=2013, type="UA",
                              addressee_name="Honduras", summary="Never kept."))
    session.flush()
    session.rollback()
    session.commit()
    assert _since(session, before) == []


def test_changelog_notes_an_edit_and_a_deletion(session):
    store_communications(session, [_rec(1, "First."), _rec(2, "Second.")], Tally())
    session.commit()
    one, two = session.exec(select(Communication).order_by(Communication.number)).all()
    before = len(_log(session))
    one.summary = "Edited."
    session.add(one)
    session.delete(two)
    session.commit()
    assert sorted(_since(session, before)) == [("communication", str(one.id)),
                                               ("communication", str(two.id))]


def test_changelog_notes_a_state_only_when_its_name_changes(session):
    before = len(_log(session))
    state = session.get(State, "HND")
    state.formal_name = state.formal_name + " "  # not in any index document
    session.add(state)
    session.commit()
    assert _since(session, before) == []
    state.name = "Honduras (renamed)"
    session.add(state)
    session.commit()
    assert _since(session, before) == [("state", "HND")]


def test_changelog_notes_drafts_and_sponsors_written_in_bulk(session):
    before = len(_log(session))
    draft = DraftRecord(symbol="A/HRC/55/L.1", family="A/HRC/55/L.1", revision=0,
                        title="Human rights defenders", body="HRC",
                        resolution_symbol="A/HRC/RES/55/1", location="test",
                        events=[SponsorEvent(family="A/HRC/55/L.1", name="Honduras",
                                            action="join", role="main")])
    store_drafts(session, [draft], Tally())
    session.commit()
    assert set(_since(session, before)) == {("resolution", "A/HRC/RES/55/1"),
                                            ("family", "A/HRC/55/L.1")}


# --- applying it ----------------------------------------------------------------------


def test_apply_changes_writes_edits_and_removes_deleted_records(session, root, engine):
    store_communications(session, [_rec(1, "A defender in Tegucigalpa."),
                                   _rec(2, "A journalist in Belfast.", "GBR")], Tally())
    session.commit()
    rebuild_index(root, session)
    one, two = session.exec(select(Communication).order_by(Communication.number)).all()
    one.summary = "A defender in Comayagua."
    one.women = True
    session.add(one)
    session.delete(two)
    session.commit()
    assert search(root, "Comayagua").total == 0

    applied = apply_changes(root, engine)

    assert (applied.written, applied.deleted, applied.rebuilt) == (1, 1, False)
    assert applied.position == changelog.bounds(session)[1]
    assert read_position(current_dir(root)) == applied.position
    assert search(root, "Comayagua").total == 1
    assert search(root, "Tegucigalpa").total == 0
    assert search(root, "Belfast").total == 0
    # facet counts are of the new generation of the index, never a cached older one
    assert dict(search(root, "").facets["women"]) == {"yes": 1}


def test_apply_changes_again_changes_nothing(session, root, engine):
    store_communications(session, [_rec(1, "A defender in Tegucigalpa.")], Tally())
    session.commit()
    rebuild_index(root, session)
    comm = session.exec(select(Communication)).one()
    comm.summary = "A defender in Comayagua."
    session.add(comm)
    session.commit()
    first = apply_changes(root, engine)
    assert apply_changes(root, engine).changes == 0
    write_position(current_dir(root), first.position - 1)  # as if it stopped before writing it
    assert apply_changes(root, engine).written == 1
    assert search(root, "Comayagua").total == 1 and search(root, "").total == 1


def test_rebuild_replays_what_was_committed_while_it_built(session, root, engine, monkeypatch):
    from tracker.search import lifecycle

    store_communications(session, [_rec(1, "A defender in Tegucigalpa.")], Tally())
    session.commit()
    real = lifecycle.build_generation

    def build_while_another_writes(*args, **kwargs):
        built = real(*args, **kwargs)  # the database was read: now another process commits
        with Session(engine) as other:
            store_communications(other, [_rec(2, "Written while the index was built.")],
                                 Tally())
            other.commit()
        return built

    monkeypatch.setattr(lifecycle, "build_generation", build_while_another_writes)
    assert rebuild_index(root, session) == 1  # what it read

    assert search(root, "built").total == 1
    assert read_position(current_dir(root)) == changelog.bounds(session)[1]


def test_a_new_node_builds_its_index_then_follows(session, root, engine, tmp_path):
    store_communications(session, [_rec(1, "A defender in Tegucigalpa.")], Tally())
    session.commit()
    update_index(root, session, communication_ids={1})  # the first node
    other = tmp_path / "other-node"

    applied = apply_changes(other, engine)

    assert applied.rebuilt and search(other, "Tegucigalpa").total == 1
    store_communications(session, [_rec(2, "A journalist in Belfast.", "GBR")], Tally())
    session.commit()
    applied = apply_changes(other, engine)
    assert not applied.rebuilt and applied.written == 1
    assert search(other, "Belfast").total == 1


def test_must_rebuild_an_index_the_log_cannot_bring_up_to_date():
    assert must_rebuild(None, None, 0)  # no position: new, or older than the log
    assert not must_rebuild(0, None, 0)  # an empty log
    assert not must_rebuild(5, 1, 9)
    assert not must_rebuild(5, 6, 9)  # the next change is there
    assert must_rebuild(5, 7, 9)  # changes after it were pruned
    assert must_rebuild(12, 1, 9)  # ahead: the database was restored


def test_prune_keeps_the_newest_change_and_a_lagging_node_rebuilds(session, root, engine):
    store_communications(session, [_rec(1, "Old news.")], Tally())
    session.commit()
    rebuild_index(root, session)
    lagging = read_position(current_dir(root))
    for number in (2, 3):  # two changes after the index's position; one is pruned
        store_communications(session, [_rec(number, f"Newer news {number}.")], Tally())
        session.commit()
    assert changelog.prune(session, keep=timedelta(0)) > 0
    first, last = changelog.bounds(session)
    assert first == last == lagging + 2  # only the newest is kept

    applied = apply_changes(root, engine)

    assert applied.rebuilt and search(root, "newer").total == 2


def test_a_restore_note_makes_every_node_rebuild(session, root, engine):
    rebuild_index(root, session)
    changelog.note_everything(session)
    session.commit()
    assert apply_changes(root, engine).rebuilt


def test_update_index_busy_waits_then_says_so(session, root, engine):
    from tracker.search import IndexBusy
    from tracker.search.following import _applying

    rebuild_index(root, session)
    with _applying(root, 1.0):
        assert apply_changes(root, engine, wait=None) is None  # a follower skips its turn
        with pytest.raises(IndexBusy, match="being updated by another process"):
            apply_changes(root, engine, wait=0.2)


def test_healthz_says_how_many_positions_the_index_is_behind(app, session, root):
    rebuild_index(root, session)
    body = app.test_client().get("/healthz").get_json()
    assert body["lag"]["positions_behind"] == 0 and body["lag"]["seconds"] == 0
    store_communications(session, [_rec(1, "Not yet applied.")], Tally())
    session.commit()
    body = app.test_client().get("/healthz").get_json()
    assert body["lag"]["positions_behind"] == 1
    assert body["lag"]["position"] + 1 == body["lag"]["log_position"]
    assert body["lag"]["behind_since"] is not None


def test_the_follower_thread_applies_what_is_committed(app, session, root):
    rebuild_index(root, session)
    app.config["SEARCH_FOLLOW_SECONDS"] = 0.05
    follower = start_following(app)
    try:
        assert start_following(app) is follower  # one per process and folder
        store_communications(session, [_rec(1, "Found by the follower.")], Tally())
        session.commit()
        deadline = time.monotonic() + 5
        while search(root, "follower").total == 0:
            assert time.monotonic() < deadline, "not applied within 5 s"
            time.sleep(0.05)
    finally:
        follower.stopped.set()
        follower.join(5)


def test_web_followers_stand_aside_while_tracker_follow_beats(app, session, root, engine):
    """Under gunicorn, `tracker follow` applies the log at a lower priority; the workers'
    own followers skip their turns while its heartbeat is fresh, and take over when it
    has stopped beating (killed, say)."""
    from tracker.search.following import HEARTBEAT, Follower

    rebuild_index(root, session)
    dedicated = Follower(root, engine, 1.0, timedelta(days=1), dedicated=True)
    worker = Follower(root, engine, 1.0, timedelta(days=1))
    store_communications(session, [_rec(1, "Applied by the dedicated follower.")], Tally())
    session.commit()
    dedicated.step()
    assert search(root, "dedicated").total == 1

    store_communications(session, [_rec(2, "Waiting for its turn.")], Tally())
    session.commit()
    assert worker.step() is None  # the heartbeat is fresh: not this worker's work
    assert search(root, "waiting").total == 0

    stale = time.time() - 60
    os.utime(root / HEARTBEAT, (stale, stale))
    applied = worker.step()
    assert applied is not None and applied.written == 1
    assert search(root, "waiting").total == 1


def test_searchers_keep_their_commit_until_its_facet_table_is_saved(app, session, root):
    """A web process does not count the facet table of a commit that the process applying
    the log is about to save; it goes on searching the commit it has meanwhile."""
    from whoosh import index as windex

    from tracker.search.changes import write_records
    from tracker.search.following import _applying
    from tracker.search.lifecycle import searcher_for

    store_communications(session, [_rec(1, "Already in the index.")], Tally())
    session.commit()
    rebuild_index(root, session)
    before = searcher_for(root)
    ids = set(session.exec(select(Communication.id)))
    with _applying(root, timeout=5):
        write_records(windex.open_dir(str(current_dir(root))), session, ids, set())
        assert searcher_for(root) is before  # committed, its table not saved yet
    after = searcher_for(root)  # the applier is gone: no table is coming, open it anyway
    assert after is not before and after.up_to_date()


def test_tracker_follow_once_brings_the_index_up_to_date(app, session, root, runner):
    rebuild_index(root, session)
    store_communications(session, [_rec(1, "Written by tracker follow.")], Tally())
    session.commit()
    result = runner.invoke(args=["follow", "--once"])
    assert result.exit_code == 0, result.output
    assert "1 changes applied" in result.output
    assert search(root, "written follow").total == 1


# --- two nodes ------------------------------------------------------------------------


def _node(url: str, instance: Path, port: int, secret: str) -> subprocess.Popen:
    """A web node: gunicorn, one worker (the most SQLite allows), its own index folder;
    its log in a file (a line per request would fill a pipe no one reads)."""
    instance.mkdir(parents=True)
    with (instance / "gunicorn.log").open("w") as log:  # the child keeps its own copy
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:tracker.serving",
             "--bind", f"127.0.0.1:{port}", "wsgi:app"],
            cwd=ROOT, env=_env(url, instance, secret), stdout=subprocess.DEVNULL, stderr=log)


def _env(url: str, instance: Path, secret: str) -> dict:
    env = {**os.environ, "TRACKER_DATABASE_URL": url, "TRACKER_INSTANCE_PATH": str(instance),
           "TRACKER_SECRET_KEY": secret, "TRACKER_CASE_KEY": TEST_CASE_KEY,
           "WEB_CONCURRENCY": "1", "TRACKER_SEARCH_FOLLOW_SECONDS": "0.2"}
    env.pop("TRACKER_TESTING", None)
    return env


@pytest.mark.slow
def test_a_record_imported_through_one_node_is_found_through_the_other(app, tmp_path):
    """Two app processes with separate index folders over one database (PostgreSQL when
    configured, else one SQLite file)."""
    url, secret = app.config["DATABASE_URL"], secrets.token_hex(32)
    ports = [_free_port(), _free_port()]
    instances = [tmp_path / "node-a", tmp_path / "node-b"]
    nodes = [_node(url, i, p, secret) for i, p in zip(instances, ports, strict=True)]
    try:
        for port in ports:  # each node has built its (empty) index and follows
            deadline = time.monotonic() + 60
            while _get(f"http://127.0.0.1:{port}/healthz", deadline)[0] != 200:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        imported = subprocess.run(  # through node A: its command, its index folder
            [sys.executable, "-m", "tracker", "import", str(PAGE)], cwd=ROOT,
            env=_env(url, instances[0], secret), capture_output=True, text=True, timeout=120)
        committed = time.monotonic()
        assert imported.returncode == 0, imported.stderr

        found_in = None
        while found_in is None and time.monotonic() - committed < 5:
            _, body = _get(f"http://127.0.0.1:{ports[1]}/search.json?q=Bondi", committed + 5)
            if body["total"] >= 1:
                found_in = time.monotonic() - committed
            time.sleep(0.05)
        assert found_in is not None, "node B did not find the record within 5 s: " + (
            instances[1] / "gunicorn.log").read_text()[-3000:]
        print(f"found through the other node {found_in:.2f} s after the import ended")
    finally:
        for node in nodes:
            node.terminate()
        for node in nodes:
            try:
                node.wait(timeout=30)
            except subprocess.TimeoutExpired:
                node.kill()
                node.wait()
    # Each node's index was followed by a `tracker follow` of its own, which gunicorn
    # stopped with it.
    for instance in instances:
        started = re.search(r"search index follower started: pid (\d+)",
                            (instance / "gunicorn.log").read_text())
        assert started, (instance / "gunicorn.log").read_text()[-2000:]
        with pytest.raises(ProcessLookupError):
            os.kill(int(started.group(1)), 0)


def test_follower_waits_longer_while_applying_is_costly(tmp_path):
    """An import's changes come every second: a follower whose apply of a few hundred
    took 2 s waits until 8 s from its start, leaving the process's readers three quarters
    of its time; a backlog of a batch or more is applied without waiting."""
    from tracker.search.changes import Applied
    from tracker.search.following import Follower

    follower = Follower(tmp_path, None, 1.0, timedelta(days=1))
    assert follower.pause(Applied(changes=0), 0.01) == 0.99  # nothing new: every second
    assert follower.pause(Applied(changes=5), 0.1) == 0.9  # a cheap apply: every second
    assert follower.pause(Applied(changes=500), 2.0) == 6.0  # the facet table: wait
    # a backlog: on at once, but for a moment in which a waiting command takes the index
    assert follower.pause(Applied(changes=2000), 9.0) == follower.YIELD == 0.25
    assert follower.pause(None, 0.01) == 0.99  # busy or failed: try again soon


def test_tracker_follow_once_builds_a_new_nodes_index(app, session, root, runner):
    store_communications(session, [_rec(1, "Found on a new node.")], Tally())
    session.commit()
    result = runner.invoke(args=["follow", "--once"])  # an empty folder: nothing to follow
    assert result.exit_code == 0, result.output
    assert "rebuilt from the database: 1 entries" in result.output
    assert search(root, "new node").total == 1
