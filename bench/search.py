"""Search benchmark: the app's search page on Whoosh, beside SQLite FTS5 and PostgreSQL.

Run: .venv/bin/python bench/search.py [--sizes 20000,200000] [--repeat 3] [--json PATH]
(`make bench` runs it with the default sizes.)

The corpus and the 48 queries of nine kinds are bench/corpus.py's. The unit is the page
the app shows: `tracker.search.search(root, text, filters, per_page=50, facets=FACETS)`,
which gives 50 results with highlights, the exact total, every facet and "did you mean"
on no hits; bench/engines.py does the same page with FTS5 and PostgreSQL on the same
documents. The Whoosh index is built as a rebuild builds it (`build_generation`, then
`switch_to`); the corpus is generated before any clock starts.

Times are CPU time (what matters on a shared machine) and wall time, warm: one pass
untimed, then --repeat timed passes in which the three engines take turns on each query;
a query's figure is the median of its passes, a kind's p50/p95 are over its queries.
- Whoosh and FTS5: this process's CPU time (time.process_time).
- PostgreSQL: the server process's CPU time, read from /proc/PID/schedstat (the server
  runs on this machine; parallel workers are turned off so that it is one process), plus
  this process's CPU (psycopg, "did you mean"). Without /proc it reports wall time.
The app's cache of ordered results (reused when paging) is emptied before each Whoosh
query: every query is a new search. Caches of the index itself (searchers, the facet
table, the vocabulary) stay warm, as the server's buffers stay warm for the others.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import KINDS, corpus, queries  # noqa: E402
from engines import Fts5, connect_postgres  # noqa: E402

from tracker import search as S  # noqa: E402
from tracker.search import highlights, lifecycle, matching  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/test_bench"
ENGINES = ("Whoosh", "FTS5", "PostgreSQL")


def cpu_with_children() -> float:
    """This process's CPU time and that of the children it waited for (a build with
    procs > 1 writes in child processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def forget_results() -> None:
    """Empty the app's caches of what one query found (its ordered results, its parsed
    form, the stored fields and words of the summaries shown), so each query is timed as
    a new one, not as the same page shown again. What belongs to the index generation
    (the facet table, the term arrays) stays, as it does in a running app."""
    for name in ("_RESULTS", "_PARSED", "_STORED"):
        cache = getattr(matching, name, None)
        if cache is not None:
            cache.items.clear()
    highlights._words.cache_clear()


def app_procs() -> int:
    """The processes `tracker reindex` writes with by default (the machine's cores)."""
    return lifecycle.default_procs()


# --- one page on each engine, timed ---------------------------------------------------


class Whoosh:
    name = "Whoosh"

    def __init__(self, root: Path):
        self.root = root

    def page(self, text: str, filters: dict) -> dict:
        forget_results()
        r = S.search(self.root, text, filters=filters, per_page=50, facets=S.FACETS)
        return {"total": r.total, "hits": r.hits, "suggestion": r.suggestion}


def timed(engine, text: str, filters: dict) -> tuple[float, float, dict]:
    """CPU and wall milliseconds of one page, and the page."""
    server = getattr(engine, "server_cpu", None)
    s0, c0, w0 = server() if server else 0.0, time.process_time(), time.perf_counter()
    page = engine.page(text, filters)
    wall = time.perf_counter() - w0
    cpu = time.process_time() - c0 + ((server() - s0) if server else 0.0)
    if engine.name == "PostgreSQL" and not server:
        cpu = wall
    return cpu * 1000, wall * 1000, page


# --- statistics -----------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def summary(per_query: list[dict], engine: str, measure: str) -> dict[str, dict]:
    """p50/p95 per kind (and of all kinds) over the queries' medians."""
    out = {}
    for kind in (*KINDS, "all kinds"):
        values = [q[engine][measure] for q in per_query
                  if engine in q and (kind == "all kinds" or q["kind"] == kind)]
        if values:
            out[kind] = {"p50": pct(values, 50), "p95": pct(values, 95)}
    return out


def ratios(per_query: list[dict], other: str, measure: str = "cpu") -> dict[str, float]:
    """Per kind, the median over its queries of Whoosh's time / the other's."""
    out = {}
    for kind in (*KINDS, "all kinds"):
        values = [q["Whoosh"][measure] / q[other][measure] for q in per_query
                  if other in q and q[other][measure] > 0
                  and (kind == "all kinds" or q["kind"] == kind)]
        if values:
            out[kind] = statistics.median(values)
    return out


# --- one size -------------------------------------------------------------------------


def run(size: int, repeat: int, procs, pg_url: str | None) -> dict:
    print(f"\n== {size:,} communications (load {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)", flush=True)
    t0 = time.perf_counter()
    docs = list(corpus(size))
    print(f"corpus generated in {time.perf_counter() - t0:.1f} s (not counted)", flush=True)
    result: dict = {"size": size, "load_before": os.getloadavg()[0], "rebuild": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        root = tmp / "index"

        c0, w0 = cpu_with_children(), time.perf_counter()
        generation, _ = lifecycle.build_generation(root, docs, procs=procs)
        lifecycle.switch_to(root, generation)
        result["rebuild"]["Whoosh"] = {"cpu_s": cpu_with_children() - c0,
                                       "wall_s": time.perf_counter() - w0,
                                       "bytes": folder_size(generation), "procs": procs}
        whoosh = Whoosh(root)
        first = next(q for q in queries() if q[0] == "one word")
        cpu, wall, _ = timed(whoosh, first[1], first[2])
        result["first_query_after_rebuild"] = {"query": first[1], "cpu_ms": cpu,
                                               "wall_ms": wall}
        print(f"Whoosh rebuild {result['rebuild']['Whoosh']['cpu_s']:.1f} s CPU, "
              f"{result['rebuild']['Whoosh']['wall_s']:.1f} s wall (procs={procs}); first "
              f"query after it ({first[1]!r}, cold facet table): {cpu:.0f} ms CPU, "
              f"{wall:.0f} ms wall", flush=True)

        engines = [whoosh]
        fts = Fts5(tmp / "fts.sqlite")
        c0, w0 = time.process_time(), time.perf_counter()
        fts.load(docs)
        result["rebuild"]["FTS5"] = {"cpu_s": time.process_time() - c0,
                                     "wall_s": time.perf_counter() - w0, "bytes": fts.size()}
        engines.append(fts)
        print(f"FTS5 load {result['rebuild']['FTS5']['cpu_s']:.1f} s CPU", flush=True)

        pg = None
        if pg_url:
            pg, why = connect_postgres(pg_url)
            if pg is None:
                print(f"PostgreSQL skipped: cannot connect to {pg_url} ({why})")
        if pg is not None:
            server = pg.server_cpu
            s0 = server() if server else 0.0
            c0, w0 = time.process_time(), time.perf_counter()
            pg.load(docs)
            wall = time.perf_counter() - w0
            cpu = time.process_time() - c0 + (server() - s0 if server else 0.0)
            result["rebuild"]["PostgreSQL"] = {"cpu_s": cpu if server else wall, "wall_s": wall,
                                               "bytes": pg.size()}
            result["pg_cpu"] = ("server process CPU (/proc schedstat) + client CPU"
                                if server else "client wall time (no /proc for the server)")
            engines.append(pg)
            print(f"PostgreSQL load {result['rebuild']['PostgreSQL']['cpu_s']:.1f} s CPU "
                  f"({result['pg_cpu']})", flush=True)
        del docs

        qs = queries()
        for _, text, filters in qs:  # warm: file caches, vocabularies, buffers
            for engine in engines:
                engine.page(text, filters)
        samples = [{e.name: {"cpu": [], "wall": []} for e in engines} for _ in qs]
        totals = [{} for _ in qs]
        for _ in range(repeat):
            for i, (_, text, filters) in enumerate(qs):
                for engine in engines:
                    cpu, wall, page = timed(engine, text, filters)
                    samples[i][engine.name]["cpu"].append(cpu)
                    samples[i][engine.name]["wall"].append(wall)
                    totals[i][engine.name] = page["total"]
        per_query = []
        for (kind, text, filters), sample, total in zip(qs, samples, totals, strict=True):
            row = {"kind": kind, "text": text, "filters": filters}
            for name, s in sample.items():
                row[name] = {"cpu": statistics.median(s["cpu"]),
                             "wall": statistics.median(s["wall"]), "total": total[name]}
            per_query.append(row)
        fts.close()
        if pg is not None:
            pg.close()

    result["load_after"] = os.getloadavg()[0]
    result["queries"] = per_query
    names = [e for e in ENGINES if e in result["rebuild"]]
    result["cpu_ms"] = {e: summary(per_query, e, "cpu") for e in names}
    result["wall_ms"] = {e: summary(per_query, e, "wall") for e in names}
    result["ratio_cpu"] = {e: ratios(per_query, e) for e in names if e != "Whoosh"}
    result["ratio_wall"] = {e: ratios(per_query, e, "wall") for e in names if e != "Whoosh"}
    disagree = [q for q in per_query if _differ([q[e]["total"] for e in names if e in q])]
    result["totals_disagree"] = [{"text": q["text"], **{e: q[e]["total"] for e in names}}
                                 for q in disagree]
    print(f"totals: the engines agree (within 5 %) on "
          f"{len(per_query) - len(disagree)} of {len(per_query)} queries"
          + (": differ on " + "; ".join(f"{q['text'] or '(browse)'} "
             + "/".join(str(q[e]["total"]) for e in names) for q in disagree)
             if disagree else ""))
    print_tables([result])
    return result


def _differ(totals: list[int]) -> bool:
    """Whether totals differ by more than 5 % (stemmers and stop words differ a little)."""
    return max(totals) - min(totals) > max(2, 0.05 * max(totals))


# --- output ---------------------------------------------------------------------------


def fmt(x: float) -> str:
    return "–" if x != x else (f"{x:.0f}" if x >= 10 else f"{x:.1f}")


def print_tables(results: list[dict]) -> None:
    cols = [(r, e) for r in results for e in ENGINES if e in r["rebuild"]]
    head = " | ".join(f"{e} {r['size'] // 1000}k" for r, e in cols)
    for measure, label in (("cpu", "CPU"), ("wall", "wall")):
        print(f"\n{label} time per page, p50/p95 ms (rebuild: s)\n")
        print(f"| | {head} |")
        print("|---" * (len(cols) + 1) + "|")
        print(f"| rebuild, {label} s | " + " | ".join(
            fmt(r["rebuild"][e][f"{measure}_s"]) for r, e in cols) + " |")
        for kind in (*KINDS, "all kinds"):
            cells = []
            for r, e in cols:
                s = r[f"{measure}_ms"][e].get(kind)
                cells.append(f"{fmt(s['p50'])}/{fmt(s['p95'])}" if s else "–")
            print(f"| {kind} | " + " | ".join(cells) + " |")
        firsts = "; ".join(f"{r['size'] // 1000}k: "
                           f"{fmt(r['first_query_after_rebuild'][f'{measure}_ms'])}"
                           for r in results)
        print(f"\nWhoosh's first query after a rebuild (cold facet table), {label} ms: {firsts}")
    others = [(r, e) for r, e in cols if e != "Whoosh"]
    if others:
        print("\nPaired ratio, Whoosh / other, median of per-query CPU-time ratios "
              "(below 1: Whoosh is faster)\n")
        print("| | " + " | ".join(f"÷ {e} {r['size'] // 1000}k" for r, e in others) + " |")
        print("|---" * (len(others) + 1) + "|")
        for kind in (*KINDS, "all kinds"):
            print(f"| {kind} | " + " | ".join(
                f"{r['ratio_cpu'][e][kind]:.2f}" if kind in r["ratio_cpu"][e] else "–"
                for r, e in others) + " |")
    if any("pg_cpu" in r for r in results):
        print(f"\nPostgreSQL CPU: {next(r['pg_cpu'] for r in results if 'pg_cpu' in r)}")
    print("Load average (1 min) before/after each size: " + "; ".join(
        f"{r['size'] // 1000}k {r['load_before']:.1f}/{r['load_after']:.1f}" for r in results)
        + f" on {os.cpu_count()} cores", flush=True)


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,  # noqa: S603
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--procs", type=int, default=None,
                        help="processes for the Whoosh build (default: as `tracker reindex`)")
    parser.add_argument("--pg", default=PG_URL, help="PostgreSQL URL ('' to skip)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    procs = args.procs if args.procs is not None else app_procs()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(run(size, args.repeat, procs, args.pg or None))
        if args.json:  # after each size, so a long run leaves what it measured
            args.json.write_text(json.dumps({
                "command": " ".join(sys.argv), "commit": commit(),
                "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
                "results": results}, indent=1, default=str))
    if len(results) > 1:
        print("\n== all sizes")
        print_tables(results)


if __name__ == "__main__":
    main()
