"""Index-following benchmark: a node's index build, and how soon another node finds a write.

Run: .venv/bin/python bench/follow.py [--size 20000] [--rounds 10] [--batch 1000]
         [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_follow]

The database (a SQLite file in a temporary folder by default; a PostgreSQL URL is emptied
and migrated) gets bench/corpus.py's `size` communications in bulk. Then it prints:
- the index build from the database at that size, as `tracker reindex` does it (one
  process per core) and as a new node's follower does it (one process, in the web app);
- a second node: gunicorn (two workers on PostgreSQL, one on SQLite) with an empty index
  folder, started: seconds until its /healthz shows the whole index (it builds, then
  follows);
- catch-up: a communication committed here, `rounds` times, and the seconds from its
  commit until the other node's /search.json finds it (SEARCH_FOLLOW_SECONDS=1, the
  default); then `batch` communications in one commit, until it finds them all;
- the first search after an applied change on the node that applied it, against the same
  search again: the facet table of the new index generation is read afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import load  # noqa: E402  (bench/pages.py: the corpus into the database)

from scrapers.records import CommunicationRecord  # noqa: E402


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - local
            return json.load(response)
    except urllib.error.HTTPError as exc:
        return json.load(exc)
    except (ConnectionError, urllib.error.URLError):
        return None


def record(number: int, summary: str) -> CommunicationRecord:
    return CommunicationRecord(type="UA", addressee_code="HND", number=number, year=2030,
                               date=date(2030, 1, 1), addressee_name="Honduras",
                               mandates=["human rights defenders"], summary=summary,
                               location="bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--database-url", help="emptied and migrated; SQLite if not given")
    args = parser.parse_args()

    from sqlmodel import Session

    from tracker import create_app
    from tracker.db import get_engine
    from tracker.ingest import Tally, store_communications
    from tracker.migrate import drop_everything
    from tracker.search import apply_changes, lifecycle, matching, rebuild_index, search

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        url = args.database_url or f"sqlite:///{tmp / 'tracker.sqlite'}"
        secret = secrets.token_hex(32)
        os.environ["TRACKER_INSTANCE_PATH"] = str(tmp / "node-a")
        app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": secret})
        with app.app_context():
            engine = get_engine()
            if args.database_url:
                drop_everything(engine)
            t0 = time.perf_counter()
            load(app, args.size)  # also builds node A's index, without a position
            print(f"database: {args.size:,} communications on {engine.dialect.name}, "
                  f"loaded in {time.perf_counter() - t0:.0f} s (not counted)")
            if engine.dialect.name == "postgresql":  # the bulk load gave the ids itself
                with engine.begin() as conn:
                    conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('communication',"
                                         " 'id'), (SELECT max(id) FROM communication))")
            root = Path(app.config["SEARCH_INDEX_DIR"])
            for procs, who in ((lifecycle.default_procs(), "tracker reindex"),
                               (1, "a new node's follower")):
                c0, w0 = cpu(), time.perf_counter()
                with Session(engine) as session:
                    n = rebuild_index(root, session, procs=procs)
                print(f"index build from the database, {n:,} documents, as {who} "
                      f"(procs={procs}): {time.perf_counter() - w0:.1f} s wall, "
                      f"{cpu() - c0:.1f} s CPU", flush=True)

            port = free_port()
            env = {**os.environ, "TRACKER_DATABASE_URL": url,
                   "TRACKER_INSTANCE_PATH": str(tmp / "node-b"), "TRACKER_SECRET_KEY": secret,
                   "WEB_CONCURRENCY": "1" if url.startswith("sqlite") else "2"}
            env.pop("TRACKER_TESTING", None)
            node_log = tmp / "node-b.log"  # a line per request: a pipe would fill and block
            with node_log.open("w") as log:
                node = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", "python:tracker.serving",
                     "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env,
                    stdout=subprocess.DEVNULL, stderr=log)
            base = f"http://127.0.0.1:{port}"
            try:
                started = time.perf_counter()
                while True:
                    body = get(f"{base}/healthz") or {}
                    if body.get("index", {}).get("documents") == args.size:
                        break
                    if time.perf_counter() - started > 1800 or node.poll() is not None:
                        raise SystemExit(f"node B did not build its index: {body}")
                    time.sleep(0.2)
                print(f"second node, empty index folder: whole index after "
                      f"{time.perf_counter() - started:.1f} s (gunicorn start, build, follow)",
                      flush=True)

                def committed_then_found(records, word: str) -> float:
                    with Session(engine) as session:
                        store_communications(session, records, Tally())
                        session.commit()
                    t = time.perf_counter()
                    while (get(f"{base}/search.json?q={word}") or {}).get("total", 0) \
                            < len(records):
                        if time.perf_counter() - t > 120:
                            raise SystemExit(f"node B did not find {word!r} in 120 s")
                        time.sleep(0.01)
                    return time.perf_counter() - t

                lags = [committed_then_found([record(900_000 + i, f"Zqbench{i} case.")],
                                             f"Zqbench{i}") for i in range(args.rounds)]
                print(f"catch-up, one communication per commit, {args.rounds} rounds: "
                      f"median {statistics.median(lags):.2f} s, max {max(lags):.2f} s "
                      f"(commit to found by the other node; it polls every 1 s)")
                batch = [record(950_000 + i, f"Zqbatch letter {i}.") for i in range(args.batch)]
                print(f"catch-up, {args.batch:,} communications in one commit: "
                      f"{committed_then_found(batch, 'Zqbatch'):.2f} s until all are found",
                      flush=True)
            finally:
                node.terminate()
                node.wait(timeout=60)
                applies = [line for line in node_log.read_text().splitlines()
                           if "event=index-follow" in line]
                print(f"node B's follower: {len(applies)} applies; the last: "
                      f"{applies[-1].split(' - ')[-1] if applies else None}")

            applied = apply_changes(root, engine)  # node A: what the benchmark wrote
            first_after = []
            for i in range(3):
                with Session(engine) as session:
                    store_communications(session, [record(990_000 + i, "One more.")], Tally())
                    session.commit()
                apply_changes(root, engine)
                times = []
                for _ in range(2):
                    matching._RESULTS.items.clear()  # each a new query, not a page again
                    t = time.perf_counter()
                    search(root, "defenders", per_page=50)
                    times.append((time.perf_counter() - t) * 1000)
                first_after.append(times)
            print(f"node A applied {applied.changes} changes ({applied.written} documents); "
                  f"first search after an applied change (new facet table): "
                  f"{statistics.median(t[0] for t in first_after):.0f} ms, the same search "
                  f"again: {statistics.median(t[1] for t in first_after):.0f} ms")
            engine.dispose()


if __name__ == "__main__":
    main()
