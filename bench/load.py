"""Load while ingesting: the app under gunicorn on PostgreSQL, read by many clients while
`tracker import` brings in 50,000 communications and then the UNBISnet catalogue.

Run: .venv/bin/python bench/load.py [--clients 50] [--seconds 60] [--size 50000]
     [--think 1.0] [--pg postgresql://postgres@127.0.0.1:5432/bench_load]
(`make bench` runs it so; without a PostgreSQL server it says so and skips.)

What it does, in order:
1. Empties its own database (`--pg`, bench_load by default: never `test`), then
   `tracker init-db` and `tracker reindex` in a temporary instance folder.
2. Writes bench/corpus.py's communications as the OHCHR JSON that `tracker import` reads
   (the same summaries, States, mandates, dates and replies), before any clock starts.
3. Starts gunicorn as `make serve` does (`-c python:tracker.serving`, WEB_CONCURRENCY
   workers, else two per core plus one) on a free port of 127.0.0.1, in its own process
   group, and waits for /healthz.
4. After 10 s of warm-up, not counted, four phases with the same clients: idle before
   the imports, during the import of the corpus, during the import of the catalogue,
   idle after. An idle phase lasts --seconds; an import phase lasts as long as its import
   (the whole of it: storing, coding, then writing the search index), at most
   --max-import seconds, after which the import is stopped and the run fails. The import
   runs at nice 10 (--import-nice), as deploy/tracker-scrape.service runs nightly work;
   gunicorn's own follower of the search index runs at nice 10 too (tracker.serving).
5. Checks that every communication of the file and every draft of the catalogue is in
   the database, that the index holds one document per communication and resolution,
   and that a sample of them is found through the search page.

The clients are threads, each with its own HTTP session, that loop: pick a page, get it,
wait a think time (exponential, mean --think seconds), until the phase ends. A loop is
bounded in count (--max-requests per client and phase) and in time (the phase's end; a
request times out after --timeout seconds). The pages, drawn afresh from the database at
the start of each phase: search (bench/corpus.py's queries, with their filters), State
profiles (weighted to the States with the most letters), resolutions (the list and the
pages of resolutions stored so far) and the dashboards (with and without filters).

A request counts from sending to the last byte of the answer. An error is any answer that
is not 2xx, an exception or a timeout. Latency without think time measures a queue, not
the app: with N clients that never pause, the median is N / throughput (Little's law), so
the clients think as people do. --think 0 gives the saturated throughput instead.
The machine's cores are shared by the server, the import, PostgreSQL and these clients:
the load average is printed beside each phase.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import DATA, corpus, queries  # noqa: E402  (bench/corpus.py)
from engines import ensure_database  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/bench_load"
CATALOGUE = ROOT.parent / "shared" / "samples" / "unbisnet_catalogue"
# The share of each kind of page in the clients' requests.
MIX = (("search", 40), ("state", 25), ("resolution", 20), ("dashboard", 15))


# --- the data ---------------------------------------------------------------------------


def corpus_records(size: int) -> list[dict]:
    """bench/corpus.py's communications in the shape of shared/samples/ohchr's JSON."""
    with open(DATA / "mandates.csv", encoding="utf-8") as f:
        labels = {row["slug"]: row["site_label"] for row in csv.DictReader(f)}
    out = []
    for doc in corpus(size):
        typ, ref = doc["reference"].split(" ", 1)
        day = doc["date"].date()
        record = {"date": day.isoformat(), "country": doc["addressee"], "type": typ,
                  "ref": ref, "mandates": [labels[m] for m in doc["mandate"].split(",")],
                  "summary": doc["summary"], "source_url": doc["url"]}
        if doc["reply"] == "replied":
            record["replies"] = [{"date": (day + timedelta(days=60)).isoformat(),
                                  "url": doc["url"] + "&reply=1"}]
        out.append(record)
    return out


def write_files(records: list[dict], folder: Path, per_file: int = 10_000) -> list[Path]:
    """The records as JSON files under the import's size limit (MAX_IMPORT_BYTES)."""
    paths = []
    for i in range(0, len(records), per_file):
        paths.append(folder / f"corpus-{i // per_file + 1}.json")
        paths[-1].write_text(json.dumps({"communications": records[i:i + per_file]}))
    return paths


def fresh_database(url: str) -> None:
    """Drop and create the bench's own database (not `test`, not the app's)."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url)["dbname"]
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                      .format(sql.Identifier(name)))
    ensure_database(url)


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


# --- the processes --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen | None, grace: float = 20.0) -> None:
    """End a process this bench started and everything it started (its process group)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


@dataclass
class Instance:
    """A temporary instance folder and the environment that points the app at it."""

    folder: Path
    database: str
    env: dict = field(init=False)

    def __post_init__(self):
        self.env = {**os.environ, "TRACKER_INSTANCE_PATH": str(self.folder),
                    "TRACKER_DATABASE_URL": sqlalchemy_url(self.database),
                    "TRACKER_SECRET_KEY": os.urandom(32).hex()}
        self.env.pop("TRACKER_TEST_DATABASE_URL", None)

    def tracker(self, *args: str) -> str:
        exe = str(Path(sys.executable).with_name("tracker"))
        done = subprocess.run([exe, *args], env=self.env, capture_output=True, text=True,
                              timeout=1800, check=False)
        if done.returncode:
            raise RuntimeError(f"tracker {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return done.stdout

    def start_import(self, files: list[Path], log: Path, nice: int = 0) -> subprocess.Popen:
        exe = str(Path(sys.executable).with_name("tracker"))
        with open(log, "w") as out:
            return subprocess.Popen([exe, "import", *map(str, files)], env=self.env,
                                    stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True,
                                    preexec_fn=(lambda: os.nice(nice)) if nice else None)

    def start_server(self, port: int, log: Path) -> subprocess.Popen:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        with open(log, "w") as out:
            return subprocess.Popen([gunicorn, "-c", "python:tracker.serving",
                                     "--bind", f"127.0.0.1:{port}", "wsgi:app"],
                                    cwd=ROOT, env=self.env, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(base: str, server: subprocess.Popen, seconds: float = 60) -> None:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited before answering")
        try:
            if requests.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer /healthz within {seconds:.0f} s")


# --- the pages ------------------------------------------------------------------------


def search_urls() -> list[str]:
    urls = []
    for _kind, text, filters in queries():
        params = [("q", text)] if text else []
        params += [(name, v) for name, values in filters.items() for v in values]
        urls.append("/?" + urlencode(params) if params else "/")
    return urls


DASHBOARDS = ("/dashboards/", "/dashboards/?state=MEX", "/dashboards/?q=detention",
              "/dashboards/?from=2018&to=2022&mandate=human-rights-defenders",
              "/dashboards/regions", "/dashboards/attacks", "/dashboards/perpetrators")


def page_pool(database: str) -> dict[str, list[str]]:
    """The pages the clients ask for, drawn from what the database holds now."""
    import psycopg

    with psycopg.connect(database) as conn:
        by_count = [r[0] for r in conn.execute(
            "SELECT state_iso3, count(*) FROM communication WHERE state_iso3 IS NOT NULL "
            "GROUP BY state_iso3 ORDER BY 2 DESC LIMIT 20")]
        others = [r[0] for r in conn.execute(
            "SELECT iso3 FROM state WHERE status = 'member' ORDER BY iso3")]
        symbols = [r[0] for r in conn.execute(
            "SELECT symbol FROM resolution ORDER BY random() LIMIT 200")]
    # Half the State pages are of the States with most letters, as readers look there.
    states = [f"/states/{s}" for s in (by_count * 4 + others)[:400]]
    resolutions = ["/resolutions/"] + [f"/resolutions/{quote(s)}" for s in symbols]
    return {"search": search_urls(), "state": states, "resolution": resolutions,
            "dashboard": list(DASHBOARDS)}


# --- the clients ----------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    ms: float
    error: str | None  # None, "HTTP 500", "timeout", "ConnectionError"…


class Phase:
    """One phase's clock, pages and samples; clients stop at its end."""

    def __init__(self, name: str, pool: dict[str, list[str]]):
        self.name, self.pool = name, pool
        self.samples: list[Sample] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.started = time.monotonic()
        self.ended: float | None = None
        self.wall = (time.time(), time.time())  # UTC seconds, to find its lines in the log
        self.load = [os.getloadavg()[0]]

    def add(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def end(self) -> None:
        self.ended = time.monotonic()
        self.wall = (self.wall[0], time.time())
        self.done.set()

    @property
    def seconds(self) -> float:
        return (self.ended or time.monotonic()) - self.started


def client(number: int, base: str, phase: Phase, *, think: float, timeout: float,
           max_requests: int) -> None:
    import requests

    rng = random.Random(number)
    kinds, weights = zip(*MIX, strict=True)
    with requests.Session() as http:
        for _ in range(max_requests):
            if phase.done.is_set():
                return
            kind = rng.choices(kinds, weights)[0]
            pages = phase.pool[kind]
            if not pages:
                continue
            url = base + rng.choice(pages)
            t0 = time.perf_counter()
            try:
                r = http.get(url, timeout=timeout)
                error = None if 200 <= r.status_code < 300 else f"HTTP {r.status_code}"
                if error is None:
                    r.content  # noqa: B018 - the body is part of the time
            except requests.Timeout:
                error = "timeout"
            except requests.RequestException as exc:
                error = type(exc).__name__
            phase.add(Sample(kind, (time.perf_counter() - t0) * 1000, error))
            if think:
                phase.done.wait(rng.expovariate(1 / think))


def run_phase(phase: Phase, base: str, args, until) -> Phase:
    """Run the clients until `until()` says the phase is over (checked every 0.5 s)."""
    threads = [threading.Thread(target=client, args=(i, base, phase), daemon=True,
                                kwargs={"think": args.think, "timeout": args.timeout,
                                        "max_requests": args.max_requests})
               for i in range(args.clients)]
    for t in threads:
        t.start()
    while not until() and any(t.is_alive() for t in threads):
        time.sleep(0.5)
        if int(phase.seconds) % 10 == 0:
            phase.load.append(os.getloadavg()[0])
    phase.end()
    phase.load.append(os.getloadavg()[0])
    for t in threads:
        t.join(args.timeout + 5)
    return phase


# --- the figures ----------------------------------------------------------------------


def figures(phase: Phase, kind: str | None = None) -> dict:
    samples = [s for s in phase.samples if kind is None or s.kind == kind]
    ok = np.array([s.ms for s in samples if s.error is None])
    errors = Counter(s.error for s in samples if s.error)
    pct = (lambda p: float(np.percentile(ok, p))) if len(ok) else (lambda p: float("nan"))
    return {"requests": len(samples), "rps": len(samples) / max(phase.seconds, 1e-9),
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "errors": sum(errors.values()),
            "error_kinds": dict(errors)}


_REQUEST = re.compile(r"^ts=(\S+) .*event=request method=GET path=\S+ status=\d+ ms=([\d.]+)")


def server_times(log: Path) -> list[tuple[float, float]]:
    """(UTC second, ms) of each request in the app's own log lines (tracker.logs): the
    time a worker spent on it, without the wait for a free worker."""
    out = []
    for line in log.read_text(errors="replace").splitlines():
        if m := _REQUEST.match(line):
            at = calendar.timegm(time.strptime(m[1], "%Y-%m-%dT%H:%M:%SZ"))
            out.append((at, float(m[2])))
    return out


def server_p(phase: Phase, times: list[tuple[float, float]], p: float) -> float:
    ms = [m for at, m in times if int(phase.wall[0]) <= at <= phase.wall[1]]
    return float(np.percentile(ms, p)) if ms else float("nan")


def print_table(phases: list[Phase], imports: dict[str, dict],
                times: list[tuple[float, float]]) -> None:
    print("\n| phase | s | requests/s | p50 ms | p95 ms | p99 ms | errors | server p50/p95 ms "
          "| load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for p in phases:
        f = figures(p)
        print(f"| {p.name} | {p.seconds:.0f} | {f['rps']:.1f} | {f['p50']:.0f} | "
              f"{f['p95']:.0f} | {f['p99']:.0f} | {f['errors']} | "
              f"{server_p(p, times, 50):.0f}/{server_p(p, times, 95):.0f} | "
              f"{max(p.load):.1f} |")
    print("\np95 ms by page kind\n")
    print("| phase | " + " | ".join(k for k, _ in MIX) + " |")
    print("|---" * (len(MIX) + 1) + "|")
    for p in phases:
        print(f"| {p.name} | " + " | ".join(
            f"{figures(p, k)['p95']:.0f}" for k, _ in MIX) + " |")
    for p in phases:
        kinds = figures(p)["error_kinds"]
        if kinds:
            print(f"errors in {p.name}: " + ", ".join(f"{n} × {e}" for e, n in kinds.items()))
    for name, info in imports.items():
        print(f"import of {name}: {info['seconds']:.0f} s ({info['summary']})")
    print(f"server: the time a worker spent on the request (the app's log), without the "
          f"wait for a free worker; load average: the highest 1-minute figure seen in each "
          f"phase, on {os.cpu_count()} cores")


# --- the checks afterwards ------------------------------------------------------------


def check(database: str, index_dir: Path, base: str, records: list[dict],
          catalogue: list[Path]) -> list[str]:
    """What is missing: rows not in the database, documents not in the index, records
    not found by the search page. An empty list means every row is there."""
    import psycopg
    import requests
    from whoosh import index as windex

    from tracker.importers import decode
    from tracker.search import search
    from tracker.search.lifecycle import current_dir

    problems = []
    with psycopg.connect(database) as conn:
        have = {(c, n, y): i for c, n, y, i in conn.execute(
            "SELECT addressee_code, number, year, id FROM communication")}
        resolutions = dict(conn.execute("SELECT symbol, id FROM resolution").fetchall())
        drafts = {r[0] for r in conn.execute("SELECT symbol FROM draft")}
    wanted = {}
    for r in records:
        code, rest = r["ref"].split(" ")
        number, year = rest.split("/")
        wanted[(code, int(number), int(year))] = r["ref"]
    missing = [ref for key, ref in wanted.items() if key not in have]
    if missing:
        problems.append(f"{len(missing)} communications of the file not in the database, "
                        f"such as {missing[:3]}")
    symbols = set()
    for path in catalogue:  # the drafts file (not the authors), as the importer reads it
        reader = csv.DictReader(io.StringIO(decode(path.read_bytes(), str(path))))
        if "title" in (reader.fieldnames or []):
            symbols |= {row["un_document_symbol"].strip() for row in reader}
    stored_or_skipped = drafts | set(resolutions)
    absent = sorted(symbols - stored_or_skipped)
    print(f"database: {len(wanted) - len(missing):,} of {len(wanted):,} communications of "
          f"the file; {len(drafts):,} drafts and {len(resolutions):,} resolutions; "
          f"{len(symbols):,} catalogue records, {len(absent):,} of them not stored as a "
          "draft (records the importer skips as not drafts are counted in its summary)")

    ix = windex.open_dir(str(current_dir(index_dir)))
    with ix.searcher() as s:
        keys = {k.decode() if isinstance(k, bytes) else k for k in s.lexicon("key")}
    comm_keys = {f"comm:{i}" for i in have.values()}
    res_keys = {f"res:{s}" for s in resolutions}
    not_indexed = (comm_keys | res_keys) - keys
    print(f"index: {len(keys):,} documents; {len(comm_keys):,} communications and "
          f"{len(res_keys):,} resolutions in the database, {len(not_indexed)} of them not "
          "in the index")
    if not_indexed:
        problems.append(f"{len(not_indexed)} rows not in the index, such as "
                        f"{sorted(not_indexed)[:3]}")

    rng = random.Random(5)
    sample = rng.sample(sorted(wanted.values()), min(100, len(wanted)))
    sample_res = rng.sample(sorted(resolutions), min(50, len(resolutions)))
    not_found = []
    for ref in sample:  # a reference typed into the search box finds its letter
        answer = requests.get(base + "/search.json", params={"q": f'"{ref}"'}, timeout=30)
        refs = [row["reference"].split(" ", 1)[-1] for row in answer.json()["rows"]]
        if ref not in refs:
            not_found.append(ref)
    for symbol in sample_res:  # no page searches resolutions yet: the app's own search
        hits = search(index_dir, f'"{symbol}"', doc_type="resolution", per_page=50).hits
        if not any(h.fields.get("symbol") == symbol for h in hits):
            not_found.append(symbol)
    print(f"search: {len(sample) - len(not_found)} of {len(sample)} sampled references found "
          f"through the search page; {len(sample_res)} sampled resolutions by symbol in the "
          "index")
    if not_found:
        problems.append(f"{len(not_found)} sampled records not found by search, such as "
                        f"{not_found[:3]}")
    return problems


# --- the run --------------------------------------------------------------------------


def postgres_problem(url: str) -> str | None:
    import psycopg
    from psycopg.conninfo import make_conninfo

    try:
        with psycopg.connect(make_conninfo(url, dbname="postgres"), connect_timeout=5):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="length of an idle phase")
    parser.add_argument("--max-import", type=float, default=3600,
                        help="seconds an import may take before the run stops it and fails")
    parser.add_argument("--size", type=int, default=50_000, help="communications imported")
    parser.add_argument("--think", type=float, default=1.0,
                        help="a client's mean pause between requests, seconds (0: none)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    parser.add_argument("--max-requests", type=int, default=5000,
                        help="requests a client makes at most in one phase")
    parser.add_argument("--pg", default=PG_URL, help="the bench's own database (emptied)")
    parser.add_argument("--import-nice", type=int, default=10,
                        help="the import's niceness: 10, as deploy/tracker-scrape.service "
                             "runs the nightly work (0: as the web server)")
    parser.add_argument("--keep", type=Path, help="keep the instance folder here")
    args = parser.parse_args()

    problem = postgres_problem(args.pg)
    if problem:
        print(f"bench/load.py skipped: PostgreSQL does not answer at {args.pg} ({problem}). "
              "It serves the app under gunicorn, which needs PostgreSQL.")
        return 0
    catalogue = sorted(CATALOGUE.glob("*.csv"))
    if not catalogue:
        print(f"bench/load.py: no catalogue in {CATALOGUE}; the corpus import only")

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    server = importing = None
    try:
        t0 = time.perf_counter()
        records = corpus_records(args.size)
        data = write_files(records, tmp)
        print(f"{len(records):,} communications written as JSON in "
              f"{time.perf_counter() - t0:.0f} s (not counted)", flush=True)
        fresh_database(args.pg)
        instance = Instance(tmp / "instance", args.pg)
        instance.tracker("init-db")
        instance.tracker("reindex")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = instance.start_server(port, tmp / "gunicorn.log")
        wait_healthy(base, server)
        workers = os.environ.get("WEB_CONCURRENCY") or f"{os.cpu_count() * 2 + 1} (default)"
        print(f"gunicorn on {base}, {workers} workers; {args.clients} clients, think "
              f"{args.think} s; imports at nice {args.import_nice}; {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}", flush=True)

        phases, imports = [], {}

        def idle(name: str) -> Phase:
            phase = Phase(name, page_pool(args.pg))
            print(f"phase: {name}, {args.seconds:.0f} s", flush=True)
            return run_phase(phase, base, args, lambda: phase.seconds >= args.seconds)

        def during(name: str, files: list[Path]) -> Phase:
            nonlocal importing
            phase = Phase(f"during {name} import", page_pool(args.pg))
            log = tmp / f"import-{len(imports)}.log"
            print(f"phase: during the {name} import", flush=True)
            importing = instance.start_import(files, log, args.import_nice)
            started = time.monotonic()
            run_phase(phase, base, args, lambda: importing.poll() is not None
                      or time.monotonic() - started > args.max_import)
            seconds = time.monotonic() - started
            if importing.poll() is None:
                stop(importing)
                raise RuntimeError(f"the {name} import took over {args.max_import:.0f} s")
            lines = log.read_text().strip().splitlines()
            if importing.returncode:
                raise RuntimeError(f"the {name} import failed:\n" + "\n".join(lines[-20:]))
            summary = next((x for x in reversed(lines) if x.startswith("Records read")), "")
            for line in lines:
                if line.startswith("search index not updated"):
                    print(f"  the {name} import: {line}", flush=True)
            imports[name] = {"seconds": seconds, "summary": summary.removeprefix(
                "Records read (communications, drafts, resolutions, votes): ")}
            return phase

        # Untimed: each worker's first pages load its templates, translations and index.
        warm = Phase("warm-up", page_pool(args.pg))
        run_phase(warm, base, args, lambda: warm.seconds >= min(10, args.seconds))
        phases.append(idle("idle, before"))
        phases.append(during(f"{args.size // 1000}k corpus", data))
        if catalogue:
            phases.append(during("catalogue", catalogue))
        phases.append(idle("idle, after"))
        print_table(phases, imports, server_times(tmp / "gunicorn.log"))
        problems = check(args.pg, tmp / "instance" / "index", base, records, catalogue)
        errors = sum(figures(p)["errors"] for p in phases)
        worst = max(figures(p)["p95"] for p in phases)
        print(f"target: zero errors ({errors}), p95 under 200 ms (worst phase {worst:.0f}), "
              f"every row present and searchable ({'yes' if not problems else 'no'})")
        for p in problems:
            print("  missing:", p)
        return 1 if problems else 0
    finally:
        stop(importing)
        stop(server)
        if args.keep:
            shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
