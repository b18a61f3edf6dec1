"""The Whoosh index of communications and resolutions: schema, writing, rebuilding, querying.

The index is derived data. It is written after the database commit (by the CLI and
jobs; by a web request only for an editor's coding decision, one document) and can be
rebuilt from the database at will. A rebuild writes a new generation folder and then
switches a pointer file atomically, so readers see the old index or the new one, never
a half-built one. One writer at a time: a second waits `WRITER_TIMEOUT` seconds, then
gets IndexBusy with a clear message.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
from sqlmodel import Session, select
from whoosh import index as windex
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight
from whoosh.index import LockError
from whoosh.query import And, Every, Or, Query, Term

from tracker.analysis import WORD
from tracker.documents import DOCUMENT_FIELDS, document_texts
from tracker.models import (
    Communication,
    CommunicationMandate,
    Draft,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    Reply,
    Resolution,
    Sponsorship,
    State,
)
from tracker.query import ANALYZER, SPELL_ANALYZER, Notice, did_you_mean, parse_query
from tracker.store import chunks

WRITER_TIMEOUT = 10.0
POINTER = "CURRENT"

FACETS = ("doc_type", "state", "group", "region", "mandate", "type", "year", "reply",
          "women", "whrd", "body")
# The coded facets: what a letter reports (coding_spec.md's slugs) and whether it is coded.
CODED_FACETS = ("attack", "perpetrator", "perpetrator_type", "risk", "coded")
FACETS += CODED_FACETS


def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True, stored=True),
        doc_type=ID(stored=True, sortable=True),
        reference=ID(stored=True, sortable=True),
        refwords=TEXT(analyzer=ANALYZER),  # "HND 5/2013" as words, for the default field
        type=ID(stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
        state=ID(stored=True, sortable=True),
        state_name=ID(sortable=True),  # to sort by the name a reader sees, not the code
        addressee=TEXT(analyzer=ANALYZER, stored=True),
        group=ID(stored=True, sortable=True),
        region=KEYWORD(commas=True, stored=True, sortable=True),
        mandate=KEYWORD(commas=True, stored=True, sortable=True),
        reply=ID(stored=True, sortable=True),
        women=ID(stored=True, sortable=True),
        whrd=ID(stored=True, sortable=True),
        summary=TEXT(analyzer=ANALYZER, stored=True),
        # The text of the letter and of the replies (tracker.documents), not stored: a
        # result's passage is read from the database (`passage`), keeping the index small.
        letter=TEXT(analyzer=ANALYZER),
        replies=TEXT(analyzer=ANALYZER),
        **coded_fields(),

        title=TEXT(analyzer=ANALYZER, stored=True),
        symbol=ID(stored=True),
        drafts=KEYWORD(commas=True, stored=True),
        body=ID(stored=True, sortable=True),
        session=ID(stored=True),
        method=ID(stored=True),
        sponsors=KEYWORD(commas=True, stored=True),
        url=STORED(),
        db_id=STORED(),
    )


def coded_fields() -> dict:
    """The index fields of the coded facets: slugs, several to a letter."""
    return {"attack": KEYWORD(commas=True, stored=True),
            "perpetrator": KEYWORD(commas=True, stored=True),
            "perpetrator_type": KEYWORD(commas=True, stored=True),
            "risk": KEYWORD(commas=True, stored=True),
            "coded": ID(stored=True)}


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


# --- where the index lives ------------------------------------------------------------


def _current_dir(root: Path) -> Path | None:
    pointer = root / POINTER
    if pointer.exists():
        path = root / pointer.read_text().strip()
        if windex.exists_in(str(path)):
            return path
    return None


def _switch(root: Path, generation: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".pointer-")
    with os.fdopen(fd, "w") as f:
        f.write(generation.name)
    os.replace(tmp, root / POINTER)
    for old in sorted(root.glob("gen-*"))[:-2]:  # keep the one readers may still hold
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)


def _new_generation(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"gen-{time.time_ns()}"
    path.mkdir()
    windex.create_in(str(path), make_schema())
    return path


def open_index(root: str | Path, *, create: bool = True):
    """Open the current generation, creating an empty one on first use."""
    root = Path(root)
    current = _current_dir(root)
    if current is None:
        if not create:
            return None
        current = _new_generation(root)
        _switch(root, current)
    return windex.open_dir(str(current))


def _writer(ix, timeout: float = WRITER_TIMEOUT):
    try:
        return ix.writer(timeout=timeout)
    except LockError:
        raise IndexBusy(f"the search index at {ix.storage.folder} is being written by "
                        f"another process; waited {timeout:.0f} s. Try again when "
                        "it finishes.") from None


# --- documents from the database ------------------------------------------------------


def _flag(value: bool | None) -> str:
    return "not coded" if value is None else ("yes" if value else "no")


def is_coded(c: Communication) -> bool:
    """Whether a person or the rules have coded a letter at all ("not yet coded" if not)."""
    return c.coding_status is not None or any(
        v is not None for v in (c.women, c.whrd, c.attack_types, c.perpetrators,
                                c.perpetrator_type, c.risk_factors))


# The value of a coded facet when a coded letter names no such thing ("no attack type
# found"), so that those letters too are a list a number can link to.
NONE_FOUND = "none"


def coded_doc(c: Communication) -> dict[str, str]:
    """The coded facets of one letter, as the index holds them."""
    coded = is_coded(c)

    def slugs(text: str | None) -> str:
        found = ",".join(sorted({s.strip() for s in (text or "").split(",") if s.strip()}))
        return found or (NONE_FOUND if coded else "")

    return {"attack": slugs(c.attack_types), "perpetrator": slugs(c.perpetrators),
            "perpetrator_type": slugs(c.perpetrator_type), "risk": slugs(c.risk_factors),
            "coded": "coded" if coded else "uncoded"}


def region_term(scheme_slug: str, region_name: str) -> str:
    """The index term of a region: "sr-hrd:europe-north-america-and-central-asia"."""
    return f"{scheme_slug}:" + re.sub(r"[^a-z0-9]+", "-", region_name.lower()).strip("-")


def _regions_by_state(session: Session) -> tuple[dict[str, list[str]], dict[str, str]]:
    regions: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, str] = {}
    rows = session.exec(select(RegionMembership.iso3, RegionMembership.counts, Region.name,
                               RegionScheme.slug)
                        .join(Region, Region.id == RegionMembership.region_id)
                        .join(RegionScheme, RegionScheme.id == Region.scheme_id)).all()
    for iso3, counts, name, slug in rows:
        regions[iso3].append(region_term(slug, name))
        if slug == "un-groups" and counts:
            groups[iso3] = name
    return regions, groups


def communication_docs(session: Session, ids: Iterable[int] | None = None):
    """Yield index documents for communications (all, or those ids), in few queries."""
    regions, groups = _regions_by_state(session)
    names = dict(session.exec(select(State.iso3, State.name)).all())
    slugs = {m.id: m.slug for m in session.exec(select(Mandate))}
    # In chunks even for all of them: a chunk's letters are read together (memory).
    id_list = list(session.exec(select(Communication.id))) if ids is None else list(ids)
    chunks = [None] if id_list is None else [id_list[i:i + 500]
                                             for i in range(0, len(id_list), 500)]
    for chunk in chunks:
        stmt = select(Communication)
        links = select(CommunicationMandate)
        replies = select(Reply.communication_id)
        if chunk is not None:
            stmt = stmt.where(Communication.id.in_(chunk))
            links = links.where(CommunicationMandate.communication_id.in_(chunk))
            replies = replies.where(Reply.communication_id.in_(chunk))
        mandates: dict[int, list[str]] = defaultdict(list)
        for link in session.exec(links):
            mandates[link.communication_id].append(slugs[link.mandate_id])
        replied = set(session.exec(replies))
        texts = document_texts(session, chunk)
        for c in session.exec(stmt):
            when = datetime.combine(c.date, datetime.min.time()) if c.date else None
            doc = {
                "key": f"comm:{c.id}", "doc_type": "communication", "db_id": c.id,
                "reference": c.reference, "refwords": c.reference, "type": c.type,
                # The year it was sent, as `date:` reads it, not the reference's year:
                # a letter numbered 2025 may go out in January 2026.
                "year": str(c.date.year) if c.date else "undated",
                "state": c.state_iso3 or "OTH",
                "state_name": names.get(c.state_iso3 or "", c.addressee_name),
                "addressee": c.addressee_name, "group": groups.get(c.state_iso3 or "", "none"),
                "region": ",".join(regions.get(c.state_iso3 or "", [])),
                "mandate": ",".join(sorted(mandates.get(c.id, []))),
                "reply": "replied" if c.id in replied else "awaiting",
                "women": _flag(c.women), "whrd": _flag(c.whrd), "summary": c.summary or "",
                "letter": texts.get(c.id, {}).get("letter", ""),
                "replies": texts.get(c.id, {}).get("replies", ""),

                "url": c.letter_url or c.source_url,
            }
            doc.update(coded_doc(c))
            if when:
                doc["date"] = when
            yield doc


def resolution_docs(session: Session, symbols: Iterable[str] | None = None):
    stmt = select(Resolution)
    if symbols is not None:
        stmt = stmt.where(Resolution.symbol.in_(list(symbols)))
    resolutions = session.exec(stmt).all()
    # Drafts and sponsors for all of them in two queries, not two per resolution.
    drafts_of: dict[int, list[Draft]] = {}
    for chunk in chunks([r.id for r in resolutions]):
        for d in session.exec(select(Draft).where(Draft.resolution_id.in_(chunk))):
            drafts_of.setdefault(d.resolution_id, []).append(d)
    sponsors_of: dict[str, set[str]] = {}
    for chunk in chunks({d.family for ds in drafts_of.values() for d in ds}):
        for family, iso3 in session.exec(
                select(Sponsorship.family, Sponsorship.iso3).where(
                    Sponsorship.family.in_(chunk), Sponsorship.iso3.is_not(None),
                    Sponsorship.withdrawn.is_(False))):
            sponsors_of.setdefault(family, set()).add(iso3)
    for r in resolutions:
        drafts = sorted(drafts_of.get(r.id, []), key=lambda d: d.id)
        sponsors = sorted({iso3 for d in drafts for iso3 in sponsors_of.get(d.family, ())})
        title = r.title or ""
        doc = {"key": f"res:{r.symbol}", "doc_type": "resolution", "db_id": r.id,
               "symbol": r.symbol, "reference": r.symbol, "refwords": r.symbol,
               "title": title, "summary": title, "body": r.body,
               "session": r.session or "",
               "method": r.adoption_method or "", "drafts": ",".join(d.symbol for d in drafts),
               "sponsors": ",".join(sponsors), "state": "", "type": "", "reply": "",
               "women": "", "whrd": "", "group": "", "region": "", "mandate": ""}
        when = r.adoption_date or next((d.date for d in drafts if d.date), None)
        if when:
            doc["date"] = datetime.combine(when, datetime.min.time())
            doc["year"] = str(when.year)
        yield doc


# --- writing --------------------------------------------------------------------------


_WRITE_LOCK = threading.Lock()

# What each index update wrote, one file per update, so that a rebuild running meanwhile
# can write it into the generation it builds (see rebuild_index).
CHANGES = "changes"


def _journal(root: Path, communication_ids: set[int], resolution_symbols: set[str]) -> None:
    folder = root / CHANGES
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"communications": sorted(communication_ids),
                   "resolutions": sorted(resolution_symbols)}, f)
    os.replace(tmp, folder / f"{time.time_ns()}-{os.getpid()}.json")


def _journal_names(root: Path) -> set[str]:
    folder = root / CHANGES
    return {p.name for p in folder.glob("*.json")} if folder.is_dir() else set()


def _journaled(root: Path, names: Iterable[str]) -> tuple[set[int], set[str]]:
    ids: set[int] = set()
    symbols: set[str] = set()
    for name in names:
        try:
            entry = json.loads((root / CHANGES / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # pruned meanwhile by another rebuild: that rebuild covered it
        ids.update(entry.get("communications", []))
        symbols.update(entry.get("resolutions", []))
    return ids, symbols


def _write_docs(ix, session: Session, ids, symbols, writer=None,
                timeout: float = WRITER_TIMEOUT) -> tuple[int, list[str]]:
    writer = writer or _writer(ix, timeout)
    n, texts = 0, []
    known = set(ix.schema.names())  # an index built before a field existed lacks it
    try:
        for doc in communication_docs(session, ids):
            writer.update_document(**{k: v for k, v in doc.items() if k in known})
            texts += [doc["addressee"], doc["summary"]]
            n += 1
        for doc in resolution_docs(session, symbols):
            writer.update_document(**doc)
            texts.append(doc["title"])
            n += 1
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return n, texts


def missing_fields(root: str | Path) -> set[str]:
    """Fields of the schema that the current index lacks (it predates them): a rebuild
    (`tracker reindex`) adds them."""
    ix = open_index(root)
    return set(make_schema().names()) - set(ix.schema.names())


def update_index(root: str | Path, session: Session, *, communication_ids=(),
                 resolution_symbols=(), timeout: float = WRITER_TIMEOUT) -> int:
    """Write the given items after their database commit; return how many were written.

    An editor's coding decision writes its one communication from the web request, with
    a short `timeout`: if an import holds the index, the journal entry lets the next
    rebuild catch up.

    The items are first noted in the change journal: if a rebuild is running, it may
    have read the database before this commit and would switch readers to a generation
    without them, while this writes into the generation being replaced.
    """
    communication_ids, resolution_symbols = set(communication_ids), set(resolution_symbols)
    if not communication_ids and not resolution_symbols:
        return 0
    root = Path(root)
    if _outdated(root):
        return rebuild_index(root, session)
    with _WRITE_LOCK:
        root.mkdir(parents=True, exist_ok=True)
        _journal(root, communication_ids, resolution_symbols)
        ix = open_index(root)  # after the journal entry: see rebuild_index
        n, texts = _write_docs(ix, session, communication_ids, resolution_symbols,
                               timeout=timeout)
        _add_vocabulary(ix.storage.folder, _words(texts))
        return n


def _outdated(root: Path) -> bool:
    """Whether the index was built with other fields than this version writes: documents
    with the new fields cannot go into it, so it is rebuilt whole."""
    ix = open_index(root, create=False)
    return ix is not None and set(ix.schema.names()) != set(make_schema().names())


def rebuild_index(root: str | Path, session: Session, *, procs: int = 1) -> int:
    """Build a new generation from the database and switch readers to it.

    Imports that commit while it runs are replayed from the change journal: it notes the
    journal's entries before reading the database, writes the entries that appear later
    into the new generation before switching, and again after switching. An update
    journals after its commit and opens the index after journaling, so it is either
    read by this build (journaled before it began), replayed (journaled before the last
    replay), or written by its own process into the new generation (journaled later,
    so it opened the index after the switch).
    """
    root = Path(root)
    with _WRITE_LOCK:
        before = _journal_names(root)
        generation = _new_generation(root)
        ix = windex.open_dir(str(generation))
        kwargs = {"procs": procs, "limitmb": 256, "multisegment": True} if procs > 1 else {
            "limitmb": 256}
        writer = ix.writer(**kwargs)
        n, words = 0, set()
        try:
            for doc in communication_docs(session):
                writer.add_document(**doc)
                words |= _words([doc["addressee"], doc["summary"]])
                n += 1
            for doc in resolution_docs(session):
                writer.add_document(**doc)
                words |= _words([doc["title"]])
                n += 1
        except BaseException:
            writer.cancel()
            shutil.rmtree(generation, ignore_errors=True)
            raise
        writer.commit()
        try:
            _add_vocabulary(generation, words)
            replayed = _journal_names(root) - before
            _replay(generation, session, root, replayed)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        _switch(root, generation)
        _replay(generation, session, root, _journal_names(root) - before - replayed)
        for name in before:  # this build read everything they name
            (root / CHANGES / name).unlink(missing_ok=True)
        return n


def _replay(generation: Path, session: Session, root: Path, names: set[str]) -> None:
    if not names:
        return
    ids, symbols = _journaled(root, names)
    session.expire_all()  # read what those imports committed, not what this session holds
    _, texts = _write_docs(windex.open_dir(str(generation)), session, ids, symbols)
    _add_vocabulary(generation, _words(texts))


# --- querying -------------------------------------------------------------------------


@dataclass
class Hit:
    fields: dict
    highlight: str
    score: float | None


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    pages: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    notice: Notice | None = None  # "we searched for the plain words instead …"
    suggestion: str | None = None  # "did you mean"
    sort: str = "relevance"  # the order used, as read_sort reads the one asked for
    document_terms: frozenset[str] = frozenset()  # the query's words for letters and replies

    @property
    def past_end(self) -> bool:
        """Whether the page asked for comes after the last page of results."""
        return self.total > 0 and self.page > self.pages


def filters_query(filters: dict[str, list[str]]) -> Query | None:
    parts = []
    for name, values in filters.items():
        values = [v for v in values if v]
        if name not in FACETS or not values:
            continue
        parts.append(Or([Term(name, v) for v in values]) if len(values) > 1 else
                     Term(name, values[0]))
    return And(parts) if parts else None


_LOCAL = threading.local()


def _searcher(root: str | Path):
    """A searcher per thread, kept open and refreshed when the index changes.

    Opening an index reads its table of contents and every segment; doing that per
    request was most of a query's time (bench/search.py).
    """
    root = Path(root)
    folder = _current_dir(root)
    if folder is None:
        open_index(root)
        folder = _current_dir(root)
    cache = getattr(_LOCAL, "searchers", None)
    if cache is None:
        cache = _LOCAL.searchers = {}
    searcher = cache.get(str(folder))
    if searcher is None:
        for old in cache.values():
            old.close()
        cache.clear()
        searcher = cache[str(folder)] = windex.open_dir(str(folder)).searcher()
    elif not searcher.up_to_date():
        # Opened afresh, not refreshed: Whoosh's refresh reuses the segment readers it had,
        # with their old deletions, so a document updated since (a coding decision, an
        # import) would count twice, once as it was. A refresh of an empty index fails too.
        searcher.close()
        searcher = cache[str(folder)] = windex.open_dir(str(folder)).searcher()
    return searcher


class FacetTable:
    """Per index generation: for each facet value, the array of documents that carry it.

    Counting facets is then a numpy gather per value instead of a Python loop per
    document, and a filter-only search (browsing) needs no Whoosh matching at all.
    """

    def __init__(self, reader):
        self.size = reader.doc_count_all()
        self.alive = np.zeros(self.size, dtype=bool)
        self.alive[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        self.postings: dict[str, dict[str, np.ndarray]] = {}
        for name in FACETS:
            values = {}
            if name not in reader.schema:  # an index built before the field: no values yet
                self.postings[name] = values
                continue
            for term in reader.lexicon(name):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                values[text] = np.fromiter(reader.postings(name, term).all_ids(),
                                           dtype=np.int64)
            self.postings[name] = values
        self.dates = np.zeros(self.size, dtype=np.int64)
        if reader.has_column("date"):
            column = reader.column_reader("date")
            self.dates = np.fromiter(
                (int(d.timestamp()) if d else 0 for d in (column[i] for i in range(self.size))),
                dtype=np.int64, count=self.size)
        self.ranks = {key: _ranks(reader, field, self.size)
                      for key, field in SORT_FIELDS.items()}

    def order(self, docs: np.ndarray, sort: str) -> np.ndarray:
        """These documents in the order asked ("-date", "state"…); ties go newest first,
        then by reference. Undated letters come last either way."""
        key, descending = sort.removeprefix("-"), sort.startswith("-")
        dates, by_reference = self.dates[docs], self.ranks["reference"][docs]
        if key == "date":
            keys = (by_reference, -dates if descending else dates, dates == 0)
        else:
            ranks = self.ranks[key][docs]
            keys = (by_reference, -dates, -ranks if descending else ranks)
        return docs[np.lexsort(keys)]  # the last key is the first compared

    def carrying(self, name: str, values) -> np.ndarray:
        """Which documents carry any of these values of a facet."""
        allowed = np.zeros(self.size, dtype=bool)
        for v in values:
            ids = self.postings.get(name, {}).get(v)
            if ids is not None:
                allowed[ids] = True
        return allowed

    def mask(self, filters: dict[str, list[str]]) -> np.ndarray:
        mask = self.alive.copy()
        for name, values in filters.items():
            values = [v for v in values if v]
            if name not in FACETS or not values:
                continue
            mask &= self.carrying(name, values)
        return mask

    def counts(self, mask: np.ndarray, names) -> dict[str, list[tuple[str, int]]]:
        out = {}
        for name in names:
            pairs = [(v, int(np.count_nonzero(mask[ids])))
                     for v, ids in self.postings.get(name, {}).items()]
            out[name] = sorted(((v, c) for v, c in pairs if c and v),
                               key=lambda kv: (-kv[1], kv[0]))
        return out


# Sort keys other than the date and relevance, and the column each is read from.
SORT_FIELDS = {"reference": "reference", "state": "state_name", "reply": "reply"}


def _natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key that compares the numbers in a text as numbers: 2/2026 before 10/2026."""
    return [(0, int(part)) if part.isdigit() else (1, part.casefold())
            for part in re.split(r"(\d+)", text) if part]


def _ranks(reader, name: str, size: int) -> np.ndarray:
    """Each document's place among all documents sorted by a field's text."""
    if reader.has_column(name):
        column = reader.column_reader(name)
        values = [column[i] or "" for i in range(size)]
    else:  # an index built before the field was sortable: read what is stored
        values = [""] * size
        for docnum, stored in reader.iter_docs():
            values[docnum] = stored.get(name) or stored.get("state") or ""
    values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in values]
    place = {v: i for i, v in enumerate(sorted(set(values), key=_natural))}
    return np.fromiter((place[v] for v in values), dtype=np.int64, count=size)


_TABLES: dict[tuple[str, int], FacetTable] = {}
_TABLES_LOCK = threading.Lock()


def _facet_table(searcher) -> FacetTable:
    key = (searcher._ix.storage.folder, searcher._ix.latest_generation())
    with _TABLES_LOCK:
        table = _TABLES.get(key)
        if table is None:
            _TABLES.clear()
            table = _TABLES[key] = FacetTable(searcher.reader())
        return table


def _highlight(text: str, terms: set[str]) -> str:
    if not text or not terms:
        return ""
    return highlight(text, frozenset(terms), ANALYZER,
                     ContextFragmenter(maxchars=300, surround=60),
                     HtmlFormatter(tagname="mark", classname="hl"), top=2)


def passage(text: str, terms: set[str] | frozenset[str], around: int = 240) -> str:
    """The passage of a long text (a letter) around the first word the query matches,
    escaped, the words in <mark>; "" when none matches.

    Only a window round the first match is highlighted: Whoosh's highlighter reads the
    whole text it is given, and a letter runs to 100,000 characters.
    """
    for m in WORD.finditer(text or ""):
        if ANALYZER.term(m.group(0)) in terms:
            return _highlight(text[max(0, m.start() - around):m.end() + around], set(terms))
    return ""


def _narrowed(query: Query, filters: dict[str, list[str]]) -> Query:
    """Add the filters to the text query, so Whoosh leaps through the rarer postings."""
    narrowing = filters_query({k: v for k, v in filters.items() if k != "doc_type"})
    return And([query, narrowing]) if narrowing is not None else query


def _as_mask(ids: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    mask[ids] = True
    return mask


class _LRU:
    """A small thread-safe cache; keys carry the index generation, so no invalidation."""

    def __init__(self, size: int):
        self.size, self.items, self.lock = size, {}, threading.Lock()

    def get_or(self, key, compute):
        with self.lock:
            if key in self.items:
                self.items[key] = self.items.pop(key)  # most recently used last
                return self.items[key]
        value = compute()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.pop(next(iter(self.items)))
        return value


# Paging, exports and feeds of one search reuse its ordered matches.
_RESULTS = _LRU(32)


def _ordered(searcher, table: FacetTable, query: Query, filters, sort: str, browsing: bool):
    """All matching documents in display order (and their scores when by relevance)."""
    mask = table.mask(filters)
    if sort == "relevance" and not browsing:
        results = searcher.search(_narrowed(query, filters), limit=None)
        top = [(d, sc) for sc, d in results.top_n if mask[d]]
        return (np.array([d for d, _ in top], dtype=np.int32),
                np.array([sc for _, sc in top], dtype=np.float32))
    if browsing:
        matched = np.flatnonzero(mask)
    else:
        matched = np.fromiter(_narrowed(query, filters).docs(searcher), dtype=np.int64)
        matched = matched[mask[matched]] if matched.size else matched
    return table.order(matched, sort).astype(np.int32), None


def _cached_ordered(searcher, table: FacetTable, query: Query, filters, sort: str):
    browsing = isinstance(query, Every)
    if browsing and sort == "relevance":
        sort = "-date"  # nothing to be relevant to: the newest first
    key = (searcher._ix.storage.folder, searcher._ix.latest_generation(), repr(query),
           repr(sorted(filters.items())), sort)
    return _RESULTS.get_or(key, lambda: _ordered(searcher, table, query, filters, sort,
                                                 browsing))


SORTS = ("relevance", "date", "reference", "state", "reply")


def read_sort(text: str | None) -> str:
    """The order asked for: a key of SORTS, with "-" before it for descending."""
    text = (text or "").strip()
    if text == "date-asc":  # its name before every column could sort
        return "date"
    key = text.removeprefix("-")
    return text if key in SORTS and key != "relevance" else "relevance"


def search(root: str | Path, text: str, *, filters: dict[str, list[str]] | None = None,
           sort: str = "relevance", page: int = 1, per_page: int = 20,
           facets: Iterable[str] = FACETS, doc_type: str | None = "communication"
           ) -> SearchResult:
    """Search the index; never raises on a bad query."""
    searcher = _searcher(root)
    filters = dict(filters or {})
    if doc_type:
        filters["doc_type"] = [doc_type]
    query, notice = parse_query(searcher._ix, text)
    table = _facet_table(searcher)
    page = max(1, page)
    sort = read_sort(sort)
    browsing = isinstance(query, Every)
    ordered, scores_all = _cached_ordered(searcher, table, query, filters, sort)
    total = int(ordered.size)
    start = (page - 1) * per_page
    page_ids = [int(i) for i in ordered[start:start + per_page]]
    scores = ([float(x) for x in scores_all[start:start + per_page]] if scores_all is not None
              else [None] * len(page_ids))
    terms = set() if browsing else {
        t.decode() if isinstance(t, bytes) else t
        for f, t in query.iter_all_terms() if f in ("summary", "title")}
    document_terms = frozenset() if browsing else frozenset(
        t.decode() if isinstance(t, bytes) else t
        for f, t in query.iter_all_terms() if f in DOCUMENT_FIELDS)
    hits = []
    for docnum, score in zip(page_ids, scores, strict=True):
        fields = searcher.stored_fields(docnum)
        hits.append(Hit(fields, _highlight(fields.get("summary", ""), terms), score))
    facet_counts = table.counts(_as_mask(ordered, table.size), tuple(facets))
    suggestion = None
    if total == 0 and text.strip():
        suggestion = did_you_mean(_vocabulary(searcher._ix.storage.folder), text)
    pages = max(1, -(-total // per_page))
    return SearchResult(query=text, total=total, page=page, pages=pages, hits=hits,
                        facets=facet_counts, notice=notice, suggestion=suggestion, sort=sort,
                        document_terms=document_terms)


VOCABULARY = "vocabulary.txt"
_VOCAB_CACHE: dict[tuple[str, float], list[str]] = {}


def _words(texts: Iterable[str]) -> set[str]:
    return {t.text for text in texts for t in SPELL_ANALYZER(text or "") if len(t.text) > 2
            and not t.text.isdigit()}


def _add_vocabulary(folder: str | Path, words: set[str]) -> None:
    """Keep the generation's unstemmed words for "did you mean" (cheaper than a field)."""
    path = Path(folder) / VOCABULARY
    known = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    if words - known:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".vocab-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(known | words)))
        os.replace(tmp, path)


def _vocabulary(folder: str | Path) -> list[str]:
    path = Path(folder) / VOCABULARY
    if not path.exists():
        return []
    key = (str(path), path.stat().st_mtime)
    if key not in _VOCAB_CACHE:
        _VOCAB_CACHE.clear()
        _VOCAB_CACHE[key] = path.read_text(encoding="utf-8").split()
    return _VOCAB_CACHE[key]


def as_date(value) -> date | None:
    return value.date() if isinstance(value, datetime) else value


@dataclass
class Matches:
    """The documents a query and filters match, to count in several ways (dashboards)."""

    table: FacetTable
    mask: np.ndarray
    total: int
    notice: str | None

    def crosstab(self, rows: str, cols: str) -> dict[str, dict[str, int]]:
        """Count the matches by two facets at once: {row value: {column value: count}}."""
        out: dict[str, dict[str, int]] = {}
        col_sets = self.table.postings.get(cols, {})
        for row_value, row_ids in self.table.postings.get(rows, {}).items():
            row_mask = np.zeros(self.table.size, dtype=bool)
            row_mask[row_ids] = True
            row_mask &= self.mask
            if row_mask.any():
                counts = {c: int(np.count_nonzero(row_mask[ids])) for c, ids in col_sets.items()}
                out[row_value] = {c: n for c, n in counts.items() if n}
        return out

    # Counting for the Special Rapporteur's tables (tracker/sr_tables.py): a narrowed set of
    # matches is what the list behind a number shows.
    def narrowed(self, **values: str) -> Matches:
        """The matches that carry each of these facet values."""
        mask = self.mask.copy()
        for name, value in values.items():
            mask &= self.table.carrying(name, [value])
        return Matches(self.table, mask, int(np.count_nonzero(mask)), self.notice)

    def excluding(self, name: str, values) -> Matches:
        """The matches that carry none of these values of a facet."""
        mask = self.mask & ~self.table.carrying(name, values)
        return Matches(self.table, mask, int(np.count_nonzero(mask)), self.notice)

    def values(self, name: str) -> dict[str, int]:
        """How many matches carry each value of a facet."""
        return dict(self.table.counts(self.mask, [name])[name])


def matches(root: str | Path, text: str, *, filters: dict[str, list[str]] | None = None,
            doc_type: str = "communication") -> Matches:
    """Match once with the same query language, filters and cache as `search`, so a
    dashboard and its search agree; never raises."""
    searcher = _searcher(root)
    filters = {**(filters or {}), "doc_type": [doc_type]}
    query, notice = parse_query(searcher._ix, text)
    table = _facet_table(searcher)
    ordered, _ = _cached_ordered(searcher, table, query, filters, "-date")
    return Matches(table, _as_mask(ordered, table.size), int(ordered.size), notice)
