"""Searching: a query and filters to ordered, scored documents, a page of hits and facets.

`search` is what the search page, feeds and exports call; `matches` is the same matching
for dashboards that count rather than list.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
from whoosh.query import And, Every, Query

from tracker.documents import DOCUMENT_FIELDS
from tracker.query import Notice, did_you_mean, parse_query
from tracker.search.facets import (
    FACETS,
    FacetTable,
    as_mask,
    facet_table,
    filters_query,
    generation_key,
)
from tracker.search.highlights import highlight_text
from tracker.search.lifecycle import searcher_for
from tracker.search.postings import postings_for
from tracker.search.scoring import Unsupported, evaluate
from tracker.search.suggestions import vocabulary

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


def _narrowed(query: Query, filters: dict[str, list[str]]) -> Query:
    """Add the filters to the text query, so Whoosh leaps through the rarer postings."""
    narrowing = filters_query({k: v for k, v in filters.items() if k != "doc_type"})
    return And([query, narrowing]) if narrowing is not None else query


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


# Whether matching uses the numpy arrays (scoring.py) where they reproduce Whoosh; off, every
# query goes to Whoosh's searcher. The tests turn it off to compare the two.
FAST = True


def _fast(searcher, query: Query) -> tuple[np.ndarray, np.ndarray] | None:
    """The documents the query matches and their scores, or None to ask Whoosh."""
    if not FAST:
        return None
    try:
        return evaluate(query, searcher.reader(), postings_for(searcher))
    except Unsupported:
        return None


def _ordered(searcher, table: FacetTable, query: Query, filters, sort: str, browsing: bool):
    """All matching documents in display order (and their scores when by relevance)."""
    mask = table.mask(filters)
    fast = None if browsing else _fast(searcher, _narrowed(query, filters))
    if sort == "relevance" and not browsing:
        if fast is not None:
            matched, scores = fast
            docs = np.flatnonzero(matched & mask)
            # As Whoosh: by score, then by number (docs are in number order: a stable sort)
            docs = docs[np.argsort(-scores[docs], kind="stable")]
            return docs.astype(np.int32), scores[docs].astype(np.float32)
        results = searcher.search(_narrowed(query, filters), limit=None)
        top = [(d, sc) for sc, d in results.top_n if mask[d]]
        return (np.array([d for d, _ in top], dtype=np.int32),
                np.array([sc for _, sc in top], dtype=np.float32))
    if browsing:
        matched = np.flatnonzero(mask)
    elif fast is not None:
        matched = np.flatnonzero(fast[0] & mask)
    else:
        matched = np.fromiter(_narrowed(query, filters).docs(searcher), dtype=np.int64)
        matched = matched[mask[matched]] if matched.size else matched
    return table.order(matched, sort).astype(np.int32), None


def _cached_ordered(searcher, table: FacetTable, query: Query, filters, sort: str):
    browsing = isinstance(query, Every)
    if browsing and sort == "relevance":
        sort = "-date"  # nothing to be relevant to: the newest first
    key = generation_key(searcher) + (repr(query),
           repr(sorted(filters.items())), sort, FAST)
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


# A query typed again (the next page, the same search from a link) is not parsed again.
_PARSED = _LRU(256)


def _parse(searcher, text: str):
    """The query as parse_query reads it, for this generation of the index. Parsed with
    the searcher's schema, held in memory: the index's own re-reads its table of
    contents from disk each time."""
    return _PARSED.get_or(generation_key(searcher) + (text,),
                          lambda: parse_query(searcher, text))


_STORED = _LRU(4096)


def _stored(searcher, docnum: int) -> dict:
    """A document's stored fields; a page shown again (paging back, the same search from
    another reader) does not unpickle them again."""
    return _STORED.get_or(generation_key(searcher) + (docnum,),
                          lambda: searcher.stored_fields(docnum))


def search(root: str | Path, text: str, *, filters: dict[str, list[str]] | None = None,
           sort: str = "relevance", page: int = 1, per_page: int = 20,
           facets: Iterable[str] = FACETS, doc_type: str | None = "communication"
           ) -> SearchResult:
    """Search the index; never raises on a bad query."""
    searcher = searcher_for(root)
    filters = dict(filters or {})
    if doc_type:
        filters["doc_type"] = [doc_type]
    query, notice = _parse(searcher, text)
    table = facet_table(searcher)
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
        fields = _stored(searcher, docnum)
        hits.append(Hit(fields, highlight_text(fields.get("summary", ""), terms), score))
    facet_counts = table.counts(as_mask(ordered, table.size), tuple(facets))
    suggestion = None
    if total == 0 and text.strip():
        words, known = vocabulary(searcher._ix.storage.folder)
        suggestion = did_you_mean(words, text, known)
    pages = max(1, -(-total // per_page))
    return SearchResult(query=text, total=total, page=page, pages=pages, hits=hits,
                        facets=facet_counts, notice=notice, suggestion=suggestion, sort=sort,
                        document_terms=document_terms)


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
        row_sets = self.table.postings.get(rows, {})
        col_sets = self.table.postings.get(cols, {})
        size = self.table.size

        def cost(marked: dict, looked_up: dict) -> int:
            # One mask of every document per marked value, and for each, the other
            # side's documents looked up in it.
            return len(marked) * (size + sum(len(ids) for ids in looked_up.values()))

        if cost(col_sets, row_sets) < cost(row_sets, col_sets):
            # Few column values, many rows (States by reply): each column's matches marked
            # once, and each row's few documents looked up in them, not every row marked
            # and a column's half of all letters looked up per row.
            col_masks = {}
            for c, ids in col_sets.items():
                col_mask = np.zeros(size, dtype=bool)
                col_mask[ids] = True
                col_masks[c] = col_mask & self.mask
            for row_value, row_ids in row_sets.items():
                if self.mask[row_ids].any():
                    counts = {c: int(np.count_nonzero(m[row_ids])) for c, m in col_masks.items()}
                    out[row_value] = {c: n for c, n in counts.items() if n}
            return out
        for row_value, row_ids in row_sets.items():
            row_mask = np.zeros(size, dtype=bool)
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
    searcher = searcher_for(root)
    filters = {**(filters or {}), "doc_type": [doc_type]}
    query, notice = _parse(searcher, text)
    table = facet_table(searcher)
    ordered, _ = _cached_ordered(searcher, table, query, filters, "-date")
    return Matches(table, as_mask(ordered, table.size), int(ordered.size), notice)
