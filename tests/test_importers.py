"""Importers against hostile files, large files and concurrent use (SQLite and PostgreSQL)."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, func, select

from tracker import changelog, runs
from tracker.db import get_engine, make_engine
from tracker.importers import Batches, import_files
from tracker.ingest import Tally
from tracker.models import Communication, RunProcess, ScrapeRun, Source
from tracker.search.changes import read_position
from tracker.search.lifecycle import current_dir


def _record(number: int) -> dict:
    return {"id": str(30000 + number), "date": "2026-02-27", "country": "Honduras",
            "type": "AL", "ref": f"HND {number}/2026", "mandates": ["human rights defenders"],
            "summary": f"Information received concerning defender number {number}."}


def _json_file(path, n: int, start: int = 1):
    path.write_text(json.dumps({"communications": [_record(i) for i in range(start,
                                                                             start + n)]}))
    return path


def _count(app, model=Communication) -> int:
    with app.app_context(), Session(get_engine()) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_import_hostile_files_fail_alone_with_file_and_line(runner, app, tmp_path):
    good = _json_file(tmp_path / "good.json", 1)
    undecodable = tmp_path / "undecodable.json"
    undecodable.write_bytes(b'{\n"communications": [\n"\x81\x8d"]}\n')
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    numbers = tmp_path / "numbers.json"
    numbers.write_text("[1,2,3]")
    null = tmp_path / "null.json"
    null.write_text('{"communications":[null]}')
    files = [undecodable, deep, numbers, null, good]
    result = runner.invoke(args=["import", *map(str, files)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    out = result.output
    assert f"failed: {undecodable}: line 3: byte 0x81 is neither UTF-8 nor Windows-1252" in out
    assert f"failed: {deep}: JSON nested too deeply to read" in out
    assert f"failed: {numbers} (record 3): expected an object, found int" in out
    assert f"failed: {null} (record 1): expected an object, found NoneType" in out
    assert "votes): 1 new," in out.strip().splitlines()[-1]  # the last file still landed
    assert _count(app) == 1
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(ScrapeRun)).one().status == "partial"


def test_import_every_file_failing_is_a_failed_run(runner, app, tmp_path):
    bad = tmp_path / "numbers.json"
    bad.write_text("[1,2,3]")
    result = runner.invoke(args=["import", str(bad)])
    assert result.exit_code == 1
    with app.app_context(), Session(get_engine()) as s:
        run = s.exec(select(ScrapeRun)).one()
    assert run.status == "failed" and run.failed == 3 and run.finished_at is not None


def test_import_over_size_limit_refused_before_reading(runner, app, tmp_path):
    app.config["MAX_IMPORT_BYTES"] = 1000
    big = _json_file(tmp_path / "big.json", 20)
    small = _json_file(tmp_path / "small.json", 1, start=100)
    result = runner.invoke(args=["import", str(big), str(small)])
    assert result.exit_code == 1
    assert (f"failed: {big}: {big.stat().st_size / 1e6:.1f} MB is over the import limit of "
            "0.0 MB (the MAX_IMPORT_BYTES setting)") in result.output
    assert _count(app) == 1
    with app.app_context(), Session(get_engine()) as s:
        assert [src.location for src in s.exec(select(Source))] == [str(small)]


def test_import_files_commits_in_batches_and_frees_the_write_lock(app, tmp_path):
    """After each batch its rows are visible to others and (SQLite) the write lock is free."""
    path = _json_file(tmp_path / "many.json", 7)
    url = app.config["DATABASE_URL"]
    seen = []

    def between_batches(item, done, total):
        if done == total == 1:
            return  # the per-file notice
        if url.startswith("sqlite"):
            other = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0)
            other.execute("BEGIN IMMEDIATE")  # "database is locked" if the import held it
            other.execute("ROLLBACK")
            other.close()
        engine = make_engine(url)
        with engine.connect() as conn:
            seen.append((done, conn.execute(text("SELECT count(*) FROM communication")).scalar()))
        engine.dispose()

    with app.app_context():
        engine = get_engine()
        tally = Tally()
        import_files([path], lambda: Session(engine, expire_on_commit=False), tally,
                     progress=between_batches, batches=Batches(first=2))
    assert seen[0] == (2, 2)  # the first batch of two, committed before the next began
    assert seen[-1] == (7, 7) and len(seen) >= 2
    assert tally.saved == 7


def test_batches_grow_and_shrink_with_the_pace():
    batches = Batches(first=10, target=1000.0)
    sizes = [len(chunk) for chunk in batches.over([[i] for i in range(100)])]
    assert sizes[:3] == [10, 40, 50]  # at most four times bigger each time
    batches = Batches(first=10, target=0.0)
    assert [len(c) for c in batches.over([[i] for i in range(13)])] == [10, 1, 1, 1]


def test_import_marks_runs_of_dead_processes_interrupted_not_live_ones(runner, app, tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # reaped: no process has this pid now
    host, me = socket.gethostname(), os.getpid()
    long_ago = datetime.now(UTC) - timedelta(hours=2)
    owners = {
        "dead here": dict(host=host, pid=gone.pid, heartbeat_at=datetime.now(UTC)),
        "reused pid": dict(host=host, pid=me, process_start="1", heartbeat_at=long_ago),
        "alive here": dict(host=host, pid=me, process_start=runs._process_start(me),
                           heartbeat_at=long_ago),
        "alive elsewhere": dict(host="other-host", pid=1, heartbeat_at=datetime.now(UTC)),
        "silent elsewhere": dict(host="other-host", pid=1, heartbeat_at=long_ago),
    }
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        for target, owner in owners.items():
            run = ScrapeRun(source_kind="import", target=target)
            s.add(run)
            s.commit()
            s.add(RunProcess(run_id=run.id, **owner))
        s.add(ScrapeRun(source_kind="communications", target="before pids were kept",
                        updated_at=long_ago))
        s.commit()
    result = runner.invoke(args=["import", str(_json_file(tmp_path / "one.json", 1))])
    assert result.exit_code == 0, result.output
    assert result.output.count("marked interrupted") == 4
    with app.app_context(), Session(get_engine()) as s:
        status = {r.target: r.status for r in s.exec(select(ScrapeRun))}
        new = s.exec(select(ScrapeRun).where(ScrapeRun.target == str(tmp_path / "one.json"))
                     ).one()
        assert s.get(RunProcess, new.id).pid == os.getpid()
    assert status == {"dead here": "interrupted", "reused pid": "interrupted",
                      "alive here": "running", "alive elsewhere": "running",
                      "silent elsewhere": "interrupted",
                      "before pids were kept": "interrupted",
                      str(tmp_path / "one.json"): "finished"}


def test_reindex_keeps_what_an_import_wrote_while_it_ran(app, tmp_path, monkeypatch):
    """Another process imports and updates the index after the rebuild has read the
    database and before it switches generations: its record must stay searchable."""
    import tracker.search as search_module

    root = app.config["SEARCH_INDEX_DIR"]
    first = _json_file(tmp_path / "first.json", 1)
    meanwhile = tmp_path / "meanwhile.json"
    meanwhile.write_text(json.dumps({"communications": [
        {**_record(77), "summary": "Information received concerning Zyxwvutsa harassment."}]}))
    env = {**os.environ, "TRACKER_INSTANCE_PATH": str(tmp_path / "instance"),
           "TRACKER_TESTING": "true", "TRACKER_DATABASE_URL": app.config["DATABASE_URL"],
           "TRACKER_SEARCH_INDEX_DIR": root}
    command = [sys.executable, "-m", "tracker", "import"]
    subprocess.run([*command, str(first)], env=env, check=True, capture_output=True)
    original = search_module.communication_docs

    def read_then_import_elsewhere(session, ids=None):
        yield from original(session, ids)
        if ids is None:  # the rebuild's read of every communication is done
            done = subprocess.run([*command, str(meanwhile)], env=env, capture_output=True,
                                  text=True)
            assert "Search index: 1 entry written" in done.stderr, done.stderr

    # the rebuild reads the database through lifecycle's own name for it
    monkeypatch.setattr(search_module.lifecycle, "communication_docs",
                        read_then_import_elsewhere)
    with app.app_context(), Session(get_engine()) as s:
        search_module.rebuild_index(root, s)
    monkeypatch.undo()
    assert search_module.search(root, "Zyxwvutsa").total == 1
    assert search_module.search(root, "").total == 2
    # the new generation holds the log up to the import made while it was built
    with app.app_context(), Session(get_engine()) as s:
        last = changelog.bounds(s)[1]
    assert read_position(current_dir(Path(root))) == last
