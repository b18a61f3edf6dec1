"""Search benchmark: Whoosh (tracker.search) against SQLite FTS5 on one synthetic corpus.

Run: .venv/bin/python bench/search.py [--sizes 10000,50000,200000] [--queries 200]
(`make bench` runs it with the default sizes.)

The corpus is deterministic (seeded) and shaped like the real samples: references
`TYPE ISO n/yyyy`, joint letters most common, one in seven to companies (OTH), states
weighted unevenly, 1–7 mandates each with defenders the most common, summaries of 200 to
1,500 characters in English (80 %), Spanish (12 %) and French (8 %), ending
"Alleged victims: N". Prints, per size: index build time and size; p50, p95 and max
per query kind for Whoosh and for FTS5 and their ratio; and the time to ingest 1,000 new
communications through the database and the incremental index update.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from whoosh import index as windex  # noqa: E402

from tracker import search as S  # noqa: E402
from tracker.reference import state_rows  # noqa: E402

MANDATES = [("human-rights-defenders", 35), ("freedom-of-expression", 22),
            ("arbitrary-detention", 18), ("assembly-and-association", 15), ("torture", 12),
            ("violence-against-women", 10), ("disappearances", 9), ("executions", 8),
            ("judges-and-lawyers", 8), ("terrorism", 8), ("business", 7), ("privacy", 5),
            ("indigenous-peoples", 5), ("environment", 4), ("minority-issues", 4),
            ("health", 3), ("climate-change", 2), ("iran", 2), ("belarus", 2), ("palestine", 2)]


def words(text: str) -> list[str]:
    return text.split()


TYPES = [("JAL", 55), ("JUA", 28), ("AL", 7), ("UA", 6), ("JOL", 3), ("OL", 1)]
EN = words(
    "information received concerning the alleged arbitrary detention torture and "
    "ill-treatment of human rights defenders journalists lawyers and women activists "
    "threats intimidation harassment surveillance judicial harassment killing enforced "
    "disappearance of community leaders land rights indigenous peoples environmental "
    "defenders peaceful assembly protest freedom of expression online smear campaign sexual "
    "violence against women human rights defenders criminalisation under counter-terrorism "
    "legislation travel ban raid on the office of the organisation"
)
ES = words(
    "información recibida sobre la presunta detención arbitraria amenazas contra defensoras "
    "y defensores de derechos humanos lideresas comunitarias periodistas criminalización "
    "hostigamiento judicial asesinato desaparición forzada de la señora tierra territorio "
    "pueblos indígenas protesta pacífica"
)
FR = words(
    "informations reçues concernant la détention arbitraire les menaces contre des "
    "défenseures et défenseurs des droits de l'homme journalistes avocats harcèlement "
    "judiciaire disparition forcée de madame manifestation pacifique"
)
NAMES = ["Peña", "Ordóñez", "Mejía", "Cáceres", "Françoise", "Nasrin", "Ahmed", "Zhang",
         "Narges", "Berta", "Marielle", "Alexei", "Germain", "Ayşe"]


def weighted(rng, pairs):
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights)[0]


def corpus(n: int, seed: int = 7):
    rng = random.Random(seed)
    states = [r["iso3"] for r in state_rows() if r["status"] == "member"]
    state_weights = [rng.paretovariate(1.2) for _ in states]
    groups = {r["iso3"]: r["un_group"] for r in state_rows()}
    regions = {r["iso3"]: [S.region_term("un-groups", r["un_group"]),
                           S.region_term("m49", r["m49_region"]),
                           S.region_term("sr-hrd", r["hrd_region"])] for r in state_rows()}
    counters: dict[tuple[str, int], int] = {}
    for i in range(n):
        oth = rng.random() < 0.14
        code = "OTH" if oth else rng.choices(states, state_weights)[0]
        day = date(2011, 1, 1) + timedelta(days=rng.randrange(16 * 365))
        counters[(code, day.year)] = counters.get((code, day.year), 0) + 1
        lang = rng.choices(["en", "es", "fr"], [80, 12, 8])[0]
        vocab = {"en": EN, "es": ES, "fr": FR}[lang]
        words = [rng.choice(vocab) for _ in range(rng.randint(30, 220))]
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        summary = " ".join(words) + f". Alleged victims: {rng.choice(['-', 1, 2, 3, 12])}"
        mandates = sorted({weighted(rng, MANDATES) for _ in range(rng.randint(1, 7))})
        typ = weighted(rng, TYPES)
        yield {
            "key": f"comm:{i + 1}", "doc_type": "communication", "db_id": i + 1,
            "reference": f"{typ} {code} {counters[(code, day.year)]}/{day.year}",
            "refwords": f"{typ} {code} {counters[(code, day.year)]}/{day.year}",
            "type": typ, "year": str(day.year), "state": code,
            "addressee": "Company" if oth else code, "group": groups.get(code, "none"),
            "region": ",".join(regions.get(code, [])), "mandate": ",".join(mandates),
            "reply": "replied" if rng.random() < 0.45 else "awaiting",
            "women": rng.choice(["yes", "no", "not coded"]),
            "whrd": rng.choice(["yes", "no", "not coded"]), "summary": summary,
            "url": None, "date": datetime.combine(day, datetime.min.time()),
        }


def query_mix(n: int, seed: int = 11):
    """A fixed mix: plain words, phrases, faceted, filtered by state and year, by date."""
    rng = random.Random(seed)
    kinds = [("plain", 0.25), ("phrase", 0.2), ("faceted", 0.2), ("filtered", 0.2),
             ("by-date", 0.15)]
    states = ["HND", "MEX", "IRN", "CHN", "RUS", "GBR", "COL", "PHL", "EGY", "IND"]
    out = []
    for kind, share in kinds:
        for _ in range(int(n * share)):
            words = " ".join(rng.sample(EN[:60], rng.randint(1, 2)))
            if kind == "phrase":
                start = rng.randrange(len(EN) - 3)
                words = '"' + " ".join(EN[start:start + 2]) + '"'
            filters = {}
            if kind == "filtered":
                filters = {"state": [rng.choice(states)], "year": [str(rng.randint(2012, 2025))]}
            out.append((kind, words, filters))
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def build_whoosh(root: Path, docs) -> float:
    gen = S.lifecycle.new_generation(root)
    ix = windex.open_dir(str(gen))
    start = time.perf_counter()
    writer = ix.writer(procs=2, limitmb=512, multisegment=True)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    S.lifecycle.switch_to(root, gen)
    return time.perf_counter() - start


def build_fts(path: Path, docs) -> float:
    start = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE comm(id INTEGER PRIMARY KEY, reference, type, year, state, grp, mandate,
                          reply, women, whrd, date);
        CREATE VIRTUAL TABLE comm_fts USING fts5(summary, addressee, reference,
                          tokenize = 'porter unicode61 remove_diacritics 2');
    """)
    rows, fts = [], []
    for d in docs:
        rows.append((d["db_id"], d["reference"], d["type"], d["year"], d["state"], d["group"],
                     d["mandate"], d["reply"], d["women"], d["whrd"], d["date"].isoformat()))
        fts.append((d["db_id"], d["summary"], d["addressee"], d["reference"]))
    db.executemany("INSERT INTO comm VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO comm_fts(rowid, summary, addressee, reference) VALUES (?,?,?,?)",
                   fts)
    db.execute("CREATE INDEX comm_state_year ON comm(state, year)")
    db.execute("CREATE INDEX comm_date ON comm(date)")
    db.commit()
    db.close()
    return time.perf_counter() - start


FTS_FACETS = ("state", "grp", "type", "year", "reply", "women", "whrd")


def fts_match(text: str) -> str:
    """FTS5 syntax for the same words: each bare word quoted (so '-' is not an operator)."""
    if text.startswith('"'):
        return text
    return " ".join(f'"{w}"' for w in text.split())


def fts_query(db, kind, words, filters):
    where, args = "comm_fts MATCH ?", [fts_match(words)]
    for col, values in filters.items():
        where += f" AND comm.{col} = ?"
        args.append(values[0])
    base = f"FROM comm JOIN comm_fts ON comm_fts.rowid = comm.id WHERE {where}"
    order = "ORDER BY comm.date DESC" if kind == "by-date" else "ORDER BY comm_fts.rank"
    db.execute(f"SELECT comm.reference, snippet(comm_fts, 0, '<b>', '</b>', '…', 12) "  # noqa: S608
               f"{base} {order} LIMIT 20", args).fetchall()
    db.execute(f"SELECT count(*) {base}", args).fetchone()  # noqa: S608
    if kind in ("faceted", "filtered"):
        for col in FTS_FACETS:  # what Datasette does: one GROUP BY per facet
            db.execute(f"SELECT comm.{col}, count(*) {base} GROUP BY 1", args).fetchall()  # noqa: S608


def whoosh_query(root, kind, words, filters):
    facets = S.FACETS if kind in ("faceted", "filtered") else ()
    S.search(root, words, filters=filters, sort="date" if kind == "by-date" else "relevance",
             facets=facets)


def timed(fn, *args):
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def incremental_ingest(root: Path, n: int = 1000) -> float:
    """Store n new communications through the database and update the index."""
    from sqlmodel import Session

    from scrapers.records import CommunicationRecord
    from tracker import create_app
    from tracker.db import get_engine, init_db
    from tracker.ingest import Tally, store_communications

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRACKER_INSTANCE_PATH"] = tmp
        app = create_app({"TESTING": True, "SEARCH_INDEX_DIR": str(root)})
        with app.app_context():
            init_db()
            rng = random.Random(3)
            records = [CommunicationRecord(
                type="JUA", addressee_code="HND", number=90000 + i, year=2026,
                date=date(2026, 1, 1), addressee_name="Honduras",
                mandates=["human rights defenders"],
                summary=" ".join(rng.choice(EN) for _ in range(80)), location="bench")
                for i in range(n)]
            start = time.perf_counter()
            with Session(get_engine()) as session:
                tally = Tally()
                store_communications(session, records, tally)
                session.commit()
                S.update_index(root, session, communication_ids=tally.changed_communications)
            return time.perf_counter() - start


def run(size: int, queries: int):
    print(f"\n== {size:,} communications")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        root = tmp / "index"
        built = build_whoosh(root, corpus(size))
        gen = S.lifecycle.current_dir(root)
        print(f"whoosh build   {built:8.1f} s   {folder_size(gen) / 2**20:8.1f} MiB")
        fts_built = build_fts(tmp / "fts.sqlite", corpus(size))
        print(f"fts5 build     {fts_built:8.1f} s   "
              f"{(tmp / 'fts.sqlite').stat().st_size / 2**20:8.1f} MiB")
        mix = query_mix(queries)
        db = sqlite3.connect(tmp / "fts.sqlite")
        S.facets._TABLES.clear()
        for kind, words, filters in mix[:5]:  # warm both (file cache, Python imports)
            whoosh_query(root, kind, words, filters)
            fts_query(db, kind, words, filters)
        S.facets._TABLES.clear()
        results = {}
        for kind, words, filters in mix:
            w = timed(whoosh_query, root, kind, words, filters)
            f = timed(fts_query, db, kind, words, filters)
            results.setdefault(kind, ([], []))
            results[kind][0].append(w)
            results[kind][1].append(f)
        print(f"{'kind':10} {'n':>4} {'whoosh p50':>11} {'p95':>8} {'max':>8}   "
              f"{'fts5 p50':>9} {'p95':>8} {'max':>8}   {'p95 ratio':>9}")
        for kind, (w, f) in results.items():
            print(f"{kind:10} {len(w):4d} {pct(w, 50):9.1f}ms {pct(w, 95):6.1f}ms "
                  f"{max(w):6.1f}ms   {pct(f, 50):7.1f}ms {pct(f, 95):6.1f}ms {max(f):6.1f}ms"
                  f"   {pct(w, 95) / max(pct(f, 95), 0.001):9.1f}")
        cached = [timed(whoosh_query, root, "faceted", w, fl)
                  for kind, w, fl in mix if kind == "faceted"]
        print(f"faceted again (warm): p50 {pct(cached, 50):.1f}ms "
              f"p95 {pct(cached, 95):.1f}ms")
        db.close()
        print(f"ingest 1,000 through the database + incremental index: "
              f"{incremental_ingest(root):.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,200000",
                        help="comma-separated corpus sizes")
    parser.add_argument("--queries", type=int, default=200, help="queries in the mix")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, args.queries)


if __name__ == "__main__":
    main()
