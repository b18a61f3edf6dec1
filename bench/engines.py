# ruff: noqa: S608 - SQL made of the benchmark's own table and column names; values are parameters
"""The search page done by SQLite FTS5 and by PostgreSQL full-text, for bench/search.py.

Each engine loads the same documents (bench/corpus.py) and answers a query and filters
with what the app's `tracker.search.search` gives: the 50 best results ordered by rank
with the matched words highlighted in their summaries, the exact total, the counts of
every facet over the matched set, and on no hits the same "did you mean" (rapidfuzz over
the engine's own vocabulary of unstemmed words). Browsing (no query) orders by date.

Both are written the way a careful developer would: the matched set is materialised once
(a temporary table in SQLite, a MATERIALIZED CTE in PostgreSQL) carrying the facet
columns, then one GROUP BY per facet; multi-valued facets are a side table (SQLite) or
arrays unnested (PostgreSQL); highlights are computed on the 50 shown only.

The query language is the app's (Whoosh's): words (all required), "phrases", OR, NOT,
AND, brackets; `translate` reads it into a tree that each engine writes in its syntax.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from tracker.query import did_you_mean

# Facets of a communication with one value, and those with several (comma-separated in
# the index). The index's "body" facet belongs to resolutions: communications have none.
SINGLE = ("doc_type", "state", "group", "type", "year", "reply", "women", "whrd", "coded")
MULTI = ("region", "mandate", "attack", "perpetrator", "perpetrator_type", "risk")
TEXT = ("refwords", "addressee", "summary", "letter", "replies")  # the default fields
PAGE = 50


# --- the query language ---------------------------------------------------------------

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def translate(text: str):
    """The query as a tree: ("word", w) | ("phrase", [w…]) | ("and"|"or", [node…]) |
    ("not", node); None when it has no words (browsing). NOT binds tighter than AND,
    AND than OR, as in Whoosh."""
    tokens = _TOKEN.findall(text or "")
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def atom():
        part = take()
        if part == "(":
            node = either()
            if peek() == ")":
                take()
            return node
        if part.startswith('"'):
            words = _WORDS.findall(part)
            return ("phrase", words) if len(words) > 1 else (
                ("word", words[0]) if words else None)
        words = _WORDS.findall(part)
        return ("and", [("word", w) for w in words]) if len(words) > 1 else (
            ("word", words[0]) if words else None)

    def unary():
        if peek() == "NOT":
            take()
            node = unary()
            return ("not", node) if node else None
        return atom()

    def both():
        parts = [unary()]
        while peek() not in (None, ")", "OR"):
            if peek() == "AND":
                take()
            parts.append(unary())
        parts = [p for p in parts if p]
        return parts[0] if len(parts) == 1 else (("and", parts) if parts else None)

    def either():
        parts = [both()]
        while peek() == "OR":
            take()
            parts.append(both())
        parts = [p for p in parts if p]
        return parts[0] if len(parts) == 1 else (("or", parts) if parts else None)

    return either() if tokens else None


def fts5_syntax(node) -> str:
    """FTS5's MATCH syntax: words quoted; NOT is binary there (a NOT b)."""
    kind, value = node
    if kind == "word":
        return f'"{value}"'
    if kind == "phrase":
        return '"' + " ".join(value) + '"'
    if kind == "or":
        return "(" + " OR ".join(fts5_syntax(n) for n in value) + ")"
    if kind == "not":
        raise ValueError("a lone NOT: FTS5 cannot search for what a text lacks alone")
    positive = [fts5_syntax(n) for n in value if n[0] != "not"]
    negative = [fts5_syntax(n[1]) for n in value if n[0] == "not"]
    out = "(" + " AND ".join(positive) + ")"
    return out + "".join(f" NOT {n}" for n in negative)


def tsquery_syntax(node) -> str:
    """to_tsquery's syntax: & | ! and <-> for adjacent words."""
    kind, value = node
    if kind == "word":
        return value
    if kind == "phrase":
        return "(" + " <-> ".join(value) + ")"
    if kind == "not":
        return "!" + tsquery_syntax(value)
    joiner = " | " if kind == "or" else " & "
    return "(" + joiner.join(tsquery_syntax(n) for n in value) + ")"


def _values(doc: dict, name: str) -> list[str]:
    return [v for v in (doc.get(name) or "").split(",") if v]


def spelling(vocabulary: Iterable[str]) -> list[str]:
    """The words "did you mean" may offer, as the app keeps them: longer than two letters,
    not numbers; sorted, as the app's vocabulary file is."""
    return sorted({w for w in vocabulary if len(w) > 2 and not w.isdigit()})


# --- SQLite FTS5 ----------------------------------------------------------------------


class Fts5:
    name = "FTS5"

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.vocabulary: list[str] | None = None

    def load(self, docs: list[dict]) -> None:
        cols = ", ".join(f'"{c}"' for c in SINGLE)
        self.db.executescript(f"""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE comm(id INTEGER PRIMARY KEY, reference, date, state_name, url,
                              summary, addressee, {cols});
            CREATE TABLE comm_multi(id INTEGER, facet TEXT, value TEXT);
            CREATE VIRTUAL TABLE comm_fts USING fts5({", ".join(TEXT)},
                tokenize = 'porter unicode61 remove_diacritics 2');
            -- The unstemmed words for "did you mean", from a contentless table's vocabulary.
            CREATE VIRTUAL TABLE spell USING fts5(text, content = '',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE spell_words USING fts5vocab(spell, 'row');
        """)
        marks = ", ".join("?" * (7 + len(SINGLE)))
        self.db.executemany(
            f"INSERT INTO comm VALUES ({marks})",
            ((d["db_id"], d["reference"], d["date"].isoformat(), d["state_name"], d["url"],
              d["summary"], d["addressee"], *(d[c] for c in SINGLE)) for d in docs))
        self.db.executemany("INSERT INTO comm_multi VALUES (?, ?, ?)",
                            ((d["db_id"], f, v) for d in docs for f in MULTI
                             for v in _values(d, f)))
        self.db.executemany(
            f"INSERT INTO comm_fts(rowid, {', '.join(TEXT)}) VALUES (?, ?, ?, ?, ?, ?)",
            ((d["db_id"], *(d[c] for c in TEXT)) for d in docs))
        self.db.executemany("INSERT INTO spell(rowid, text) VALUES (?, ?)",
                            ((d["db_id"], d["addressee"] + " " + d["summary"]) for d in docs))
        self.db.executescript("""
            CREATE INDEX comm_date ON comm(date DESC, reference);
            CREATE INDEX comm_state_year ON comm(state, year);
            CREATE INDEX comm_year ON comm(year);
            CREATE INDEX comm_multi_id ON comm_multi(id, facet, value);
            CREATE INDEX comm_multi_value ON comm_multi(facet, value, id);
            CREATE TABLE vocab AS SELECT term AS word FROM spell_words;
            DROP TABLE spell;
            INSERT INTO comm_fts(comm_fts) VALUES ('optimize');
            ANALYZE;
        """)
        self.db.commit()
        facet_cols = ", ".join(f'"{c}"' for c in SINGLE)
        self.db.execute(f"CREATE TEMP TABLE m(id INTEGER PRIMARY KEY, score REAL, date TEXT, "
                        f"reference TEXT, {facet_cols})")

    def _filters(self, filters: dict[str, list[str]]) -> tuple[str, list]:
        where, args = [], []
        for name, values in filters.items():
            marks = ", ".join("?" * len(values))
            if name in MULTI:
                where.append(f"comm.id IN (SELECT id FROM comm_multi WHERE facet = ? "
                             f"AND value IN ({marks}))")
                args += [name, *values]
            else:
                where.append(f'comm."{name}" IN ({marks})')
                args += values
        return "".join(f" AND {w}" for w in where), args

    def page(self, text: str, filters: dict[str, list[str]]) -> dict:
        db = self.db
        tree = translate(text)
        where, args = self._filters(filters)
        facet_cols = ", ".join(f'comm."{c}"' for c in SINGLE)
        if tree is None:
            db.execute(f"INSERT INTO m SELECT comm.id, 0, comm.date, comm.reference, "
                       f"{facet_cols} FROM comm WHERE 1 {where}", args)
            top = db.execute(f"SELECT comm.* FROM m JOIN comm USING (id) "
                             f"ORDER BY m.date DESC, m.reference LIMIT {PAGE}").fetchall()
            hits = [(row, "") for row in top]
        else:
            match = fts5_syntax(tree)
            db.execute(f"INSERT INTO m SELECT comm.id, bm25(comm_fts), comm.date, "
                       f"comm.reference, {facet_cols} FROM comm_fts JOIN comm "
                       f"ON comm.id = comm_fts.rowid WHERE comm_fts MATCH ? {where}",
                       [match, *args])
            ids = [r[0] for r in db.execute(
                f"SELECT id FROM m ORDER BY score LIMIT {PAGE}")]  # bm25: lower is better
            marks = ", ".join("?" * len(ids))
            snippets = dict(db.execute(
                f"SELECT rowid, snippet(comm_fts, 2, '<mark>', '</mark>', '…', 40) "
                f"FROM comm_fts WHERE comm_fts MATCH ? AND rowid IN ({marks})",
                [match, *ids]).fetchall()) if ids else {}
            rows = {r[0]: r for r in db.execute(
                f"SELECT * FROM comm WHERE id IN ({marks})", ids)} if ids else {}
            hits = [(rows[i], snippets.get(i, "")) for i in ids]
        total = db.execute("SELECT count(*) FROM m").fetchone()[0]
        facets = {c: db.execute(f'SELECT "{c}", count(*) FROM m GROUP BY 1').fetchall()
                  for c in SINGLE}
        for f in MULTI:
            facets[f] = db.execute(
                # Each match's values by the id index: as a join, without statistics on
                # m, SQLite scans every value of the facet or builds a Bloom filter of them.
                "SELECT value, count(*) FROM comm_multi WHERE facet = ? "
                "AND id IN (SELECT id FROM m) GROUP BY value", (f,)).fetchall()
        db.execute("DELETE FROM m")  # this page's cost, not the next one's
        suggestion = None
        if total == 0 and text.strip():
            if self.vocabulary is None:  # read once and kept, as the app keeps its file
                self.vocabulary = spelling(r[0] for r in db.execute("SELECT word FROM vocab"))
            suggestion = did_you_mean(self.vocabulary, text)
        return {"total": total, "hits": hits, "facets": facets, "suggestion": suggestion}

    def size(self) -> int:
        return sum(self.db.execute("PRAGMA page_count").fetchone()) * \
            self.db.execute("PRAGMA page_size").fetchone()[0]

    def close(self) -> None:
        self.db.close()


# --- PostgreSQL -----------------------------------------------------------------------


def server_cpu_reader(conn):
    """A function giving the CPU seconds the connection's server process has used, read
    from /proc (nanoseconds, schedstat) when the server runs on this machine; None when
    it cannot be read (then the benchmark reports the client's wall time)."""
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    path = Path(f"/proc/{pid}/schedstat")
    try:
        path.read_text()
    except OSError:
        return None
    return lambda: int(path.read_text().split()[0]) / 1e9


class Postgres:
    name = "PostgreSQL"

    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)
        # One core, as for the others: no parallel workers (whose CPU the server process's
        # counter would not see either).
        self.conn.execute("SET max_parallel_workers_per_gather = 0")
        self.conn.execute("SET max_parallel_maintenance_workers = 0")
        self.conn.execute("SET maintenance_work_mem = '256MB'")
        self.conn.execute("SET work_mem = '64MB'")
        self.server_cpu = server_cpu_reader(self.conn)
        self.vocabulary: list[str] | None = None

    def load(self, docs: list[dict]) -> None:
        c = self.conn
        c.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        c.execute("DROP TABLE IF EXISTS comm, vocab")
        for name, parser in (("english_unaccent", "english_stem"), ("simple_unaccent", "simple")):
            c.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            base = "english" if parser == "english_stem" else "simple"
            c.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
            c.execute(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, "
                      f"hword_part, word WITH unaccent, {parser}")
        single = ", ".join(f'"{s}" text' for s in SINGLE)
        multi = ", ".join(f'"{m}" text[]' for m in MULTI)
        text = ", ".join(f"{t} text" for t in TEXT)
        body = " || ' ' || ".join(f"coalesce({t}, '')" for t in TEXT)
        c.execute(f"""CREATE TABLE comm (id integer PRIMARY KEY, reference text,
            date timestamp, state_name text, url text, {single}, {multi}, {text},
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('english_unaccent', {body})) STORED)
        """)
        columns = ["id", "reference", "date", "state_name", "url", *SINGLE, *MULTI, *TEXT]
        names = ", ".join(f'"{n}"' for n in columns)
        with c.cursor().copy(f"COPY comm ({names}) FROM STDIN") as copy:
            for d in docs:
                copy.write_row([d["db_id"], d["reference"], d["date"], d["state_name"],
                                d["url"], *(d[s] for s in SINGLE),
                                *(_values(d, m) for m in MULTI), *(d[t] for t in TEXT)])
        c.execute("CREATE INDEX comm_tsv ON comm USING gin (tsv)")
        c.execute("CREATE INDEX comm_date ON comm (date DESC, reference)")
        c.execute("CREATE INDEX comm_state_year ON comm (state, year)")
        c.execute("CREATE INDEX comm_year ON comm (year)")
        c.execute("CREATE INDEX comm_mandate ON comm USING gin (mandate)")
        c.execute("""CREATE TABLE vocab AS SELECT word FROM ts_stat(
            $$SELECT to_tsvector('simple_unaccent', coalesce(addressee, '') || ' ' || summary)
              FROM comm$$)""")
        c.execute("VACUUM ANALYZE comm")

    def _filters(self, filters: dict[str, list[str]]) -> tuple[str, list]:
        where, args = [], []
        for name, values in filters.items():
            # An array column overlaps the values; a single one equals any of them.
            where.append(f'c."{name}" && %s' if name in MULTI else f'c."{name}" = ANY(%s)')
            args.append(list(values))
        return "".join(f" AND {w}" for w in where), args

    def page(self, text: str, filters: dict[str, list[str]]) -> dict:
        tree = translate(text)
        where, args = self._filters(filters)
        facet_cols = ", ".join(f'c."{f}"' for f in (*SINGLE, *MULTI))
        if tree is None:
            matched = (f"SELECT c.id, 0::real AS r, c.date, c.reference, {facet_cols} "
                       f"FROM comm c WHERE true {where}")
            order, headline, params = "date DESC, reference", "''", args
        else:
            matched = (f"SELECT c.id, ts_rank(c.tsv, q) AS r, c.date, c.reference, "
                       f"{facet_cols} FROM comm c, to_tsquery('english_unaccent', %s) q "
                       f"WHERE c.tsv @@ q {where}")
            order = "r DESC, id"
            headline = ("ts_headline('english_unaccent', c.summary, "
                        "to_tsquery('english_unaccent', %s), 'MaxFragments=2, MaxWords=30, "
                        "MinWords=12, StartSel=<mark>, StopSel=</mark>')")
            query = tsquery_syntax(tree)
            params = [query, *args, query]
        parts = [f"""SELECT 'hit' AS part, t.n::bigint, c.reference AS value, {headline} AS extra,
                   c.summary, c.state_name, c.date::text, c.url, c.addressee
                 FROM (SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM m
                       ORDER BY {order} LIMIT {PAGE}) t JOIN comm c USING (id)""",
                 "SELECT 'total', count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m"]
        parts += [f"""SELECT '{f}', count(*), "{f}", NULL, NULL, NULL, NULL, NULL, NULL
                      FROM m GROUP BY "{f}" """ for f in SINGLE]
        parts += [f"""SELECT '{f}', count(*), v, NULL, NULL, NULL, NULL, NULL, NULL
                      FROM m, unnest("{f}") v GROUP BY v""" for f in MULTI]
        sql = f"WITH m AS MATERIALIZED ({matched})\n" + "\nUNION ALL\n".join(parts)
        rows = self.conn.execute(sql, params).fetchall()
        hits = sorted((r for r in rows if r[0] == "hit"), key=lambda r: r[1])
        total = next(r[1] for r in rows if r[0] == "total")
        facets: dict[str, list] = {}
        for r in rows:
            if r[0] not in ("hit", "total"):
                facets.setdefault(r[0], []).append((r[2], r[1]))
        suggestion = None
        if total == 0 and text.strip():
            if self.vocabulary is None:
                self.vocabulary = spelling(
                    r[0] for r in self.conn.execute("SELECT word FROM vocab"))
            suggestion = did_you_mean(self.vocabulary, text)
        return {"total": total, "hits": hits, "facets": facets, "suggestion": suggestion}

    def size(self) -> int:
        return self.conn.execute("SELECT pg_total_relation_size('comm')").fetchone()[0]

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS comm, vocab")
        self.conn.close()


def ensure_database(url: str) -> None:
    """Create the bench's own database on a fresh server, so the bench never touches `test`."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    name = params.get("dbname")
    if not name:
        return
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def connect_postgres(url: str):
    """A Postgres engine, or the reason it cannot be had."""
    try:
        ensure_database(url)
        return Postgres(url), None
    except Exception as e:  # noqa: BLE001 - any failure means "skip PostgreSQL"
        return None, f"{type(e).__name__}: {e}".strip()
