"""Facets as numpy arrays: which documents carry each value, counted and ordered fast."""

from __future__ import annotations

import re
import threading

import numpy as np
from whoosh.query import And, Or, Query, Term

from tracker.search.schema import FACETS


def filters_query(filters: dict[str, list[str]]) -> Query | None:
    parts = []
    for name, values in filters.items():
        values = [v for v in values if v]
        if name not in FACETS or not values:
            continue
        parts.append(Or([Term(name, v) for v in values]) if len(values) > 1 else
                     Term(name, values[0]))
    return And(parts) if parts else None


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


def facet_table(searcher) -> FacetTable:
    key = (searcher._ix.storage.folder, searcher._ix.latest_generation())
    with _TABLES_LOCK:
        table = _TABLES.get(key)
        if table is None:
            _TABLES.clear()
            table = _TABLES[key] = FacetTable(searcher.reader())
        return table


def as_mask(ids: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    mask[ids] = True
    return mask


