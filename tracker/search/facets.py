"""Facets as numpy arrays: which documents carry each value, counted and ordered fast."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

import numpy as np
from whoosh import columns
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.query import And, Or, Query, Term
from whoosh.util.times import long_to_datetime

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
        leaves = reader.leaf_readers()
        self.postings: dict[str, dict[str, np.ndarray]] = {}
        for name in FACETS:
            values = {}
            if name in reader.schema:  # an index built before the field: no values yet
                for term in reader.lexicon(name):
                    text = term.decode("utf-8") if isinstance(term, bytes) else term
                    ids = _term_ids(leaves, name, term)
                    values[text] = ids[self.alive[ids]]
            self.postings[name] = values
        self.dates = _dates(leaves, self.size) if reader.has_column("date") else np.zeros(
            self.size, dtype=np.int64)
        self.ranks = {key: _ranks(reader, field, self.size)
                      for key, field in SORT_FIELDS.items()}

    # The table is saved in the generation's folder when a rebuild writes it, so that the
    # first search after a rebuild need not read it from the index (`facet_table`).
    def save(self, path: Path) -> None:
        """Write the table in a few arrays (the documents of every value end to end),
        since reading an array of an npz file has a cost of its own."""
        keys, parts = [], []
        for name, values in self.postings.items():
            for value, ids in values.items():
                keys.append(f"{name}\t{value}")
                parts.append(ids.astype(np.int32))
        bounds = np.cumsum([0] + [p.size for p in parts]).astype(np.int64)
        arrays = {"alive": self.alive, "dates": self.dates, "keys": np.array(keys, dtype=str),
                  "bounds": bounds, "ids": np.concatenate(parts) if parts else np.zeros(
                      0, dtype=np.int32)}
        arrays.update({f"rank_{k}": v for k, v in self.ranks.items()})
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".facets-", suffix=".npz")
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> FacetTable:
        table = cls.__new__(cls)
        with np.load(path) as saved:
            arrays = {key: saved[key] for key in saved.files}
        table.alive, table.dates = arrays["alive"], arrays["dates"]
        table.size = table.alive.size
        table.ranks = {k: arrays[f"rank_{k}"] for k in SORT_FIELDS}
        table.postings = {name: {} for name in FACETS}
        ids, bounds = arrays["ids"].astype(np.int64), arrays["bounds"].tolist()
        for i, key in enumerate(arrays["keys"].tolist()):
            name, _, value = key.partition("\t")
            table.postings.setdefault(name, {})[value] = ids[bounds[i]:bounds[i + 1]]
        return table

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
        docs = np.flatnonzero(mask)
        # Few matches (a rare word, a name): count the values of those documents. Many:
        # count each value's documents among them, one gather per value.
        sparse = docs.size * SPARSE_RATIO < self.size
        out = {}
        for name in names:
            if sparse:
                values, found = self._values_of(name, docs)
                pairs = [(values[i], int(found[i])) for i in np.flatnonzero(found)]
            else:
                pairs = [(v, int(np.count_nonzero(mask[ids])))
                         for v, ids in self.postings.get(name, {}).items()]
            out[name] = sorted(((v, c) for v, c in pairs if c and v),
                               key=lambda kv: (-kv[1], kv[0]))
        return out

    def _values_of(self, name: str, docs: np.ndarray) -> tuple[list[str], np.ndarray]:
        """How many of these documents carry each value of a facet, from the facet's
        values by document (built on first use; a rebuild's saved table lacks it)."""
        values, starts, which = self._by_document(name)
        lengths = starts[docs + 1] - starts[docs]
        total = int(lengths.sum())
        if not total:
            return values, np.zeros(len(values), dtype=np.int64)
        # the positions of every value of every document, end to end
        first = np.repeat(starts[docs] - np.cumsum(lengths) + lengths, lengths)
        entries = which[first + np.arange(total)]
        return values, np.bincount(entries, minlength=len(values))

    def _by_document(self, name: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        cache = self.__dict__.setdefault("_by_doc", {})
        if name not in cache:
            postings = self.postings.get(name, {})
            values = list(postings)
            arrays = list(postings.values())
            docs = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
            which = np.repeat(np.arange(len(arrays)), [a.size for a in arrays])
            order = np.argsort(docs, kind="stable")
            starts = np.zeros(self.size + 1, dtype=np.int64)
            np.cumsum(np.bincount(docs, minlength=self.size), out=starts[1:])
            cache[name] = (values, starts, which[order])
        return cache[name]


# Sort keys other than the date and relevance, and the column each is read from.
SORT_FIELDS = {"reference": "reference", "state": "state_name", "reply": "reply"}


def _natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key that compares the numbers in a text as numbers: 2/2026 before 10/2026."""
    return [(0, int(part)) if part.isdigit() else (1, part.casefold())
            for part in re.split(r"(\d+)", text) if part]


def _ranks(reader, name: str, size: int) -> np.ndarray:
    """Each document's place among all documents sorted by a field's text."""
    if reader.has_column(name):
        values = _texts(reader.leaf_readers(), name, size)
    else:  # an index built before the field was sortable: read what is stored
        values = [""] * size
        for docnum, stored in reader.iter_docs():
            values[docnum] = stored.get(name) or stored.get("state") or ""
    distinct, inverse = np.unique(np.array(values, dtype=object), return_inverse=True)
    place = np.empty(len(distinct), dtype=np.int64)
    place[sorted(range(len(distinct)), key=lambda i: _natural(distinct[i]))] = np.arange(
        len(distinct))
    return place[inverse.reshape(-1)]


def _texts(leaves, name: str, size: int) -> list[str]:
    """A text column's values, one per document ("" for none), read a segment at a time."""
    values: list[str] = []
    for segment, _ in leaves:
        column = segment.column_reader(name, translate=False) if segment.has_column(
            name) else None
        count = segment.doc_count_all()
        if isinstance(column, columns.VarBytesColumn.Reader):
            offsets, lengths = column._offsets, column._lengths
            end = (offsets[-1] + lengths[-1]) if count else 0
            blob = bytes(column._dbfile.get(column._basepos, end)) if end else b""
            values += [blob[o:o + n].decode("utf-8") for o, n in zip(offsets, lengths,
                                                                      strict=True)]
        elif column is not None:
            values += [v.decode("utf-8") if isinstance(v, bytes) else (v or "")
                       for v in (column[i] for i in range(count))]
        else:
            values += [""] * count
    return values + [""] * (size - len(values))


def _dates(leaves, size: int) -> np.ndarray:
    """Each document's date in seconds since 1970 (0 for none), read a segment at a time:
    the raw column, then one conversion per distinct day."""
    raw = []
    for segment, _ in leaves:
        count = segment.doc_count_all()
        column = (segment.column_reader("date", translate=False)
                  if segment.has_column("date") else None)
        if isinstance(column, columns.NumericColumn.Reader) and column._typecode == "Q":
            stored = np.frombuffer(column._dbfile.get(column._basepos, column._count * 8),
                                   dtype=">u8")
            values = np.full(count, column._default, dtype=np.uint64)
            values[:stored.size] = stored[:count]
        elif column is not None:
            values = np.fromiter((column[i] for i in range(count)), dtype=np.uint64,
                                 count=count)
        else:
            values = np.full(count, np.iinfo(np.uint64).max, dtype=np.uint64)
        raw.append(values)
    raw_all = np.concatenate(raw) if raw else np.zeros(0, dtype=np.uint64)
    days, inverse = np.unique(raw_all, return_inverse=True)
    seconds = np.fromiter((_seconds(int(d)) for d in days), dtype=np.int64, count=days.size)
    out = np.zeros(size, dtype=np.int64)
    out[:raw_all.size] = seconds[inverse.reshape(-1)]
    return out


def _seconds(value: int) -> int:
    """A date column's raw value as the old per-document reading gave it: the datetime's
    timestamp(), 0 for a document without one (the column's default, out of range)."""
    try:
        when = long_to_datetime(value)
    except (OverflowError, ValueError):
        return 0
    return int(when.timestamp()) if when else 0


def _term_ids(leaves, name: str, term) -> np.ndarray:
    """The documents carrying a term, a block at a time: a matcher's all_ids() yields
    them one by one, which was most of loading the table."""
    parts = []
    for segment, offset in leaves:
        if (name, term) not in segment:
            continue
        matcher = segment.postings(name, term)
        leaf = getattr(matcher, "child", matcher)  # deletions are dropped by the caller
        if not isinstance(leaf, W3LeafMatcher):
            parts.append(np.fromiter(matcher.all_ids(), dtype=np.int64) + offset)
            continue
        while leaf.is_active():
            leaf.id()  # reads the block's ids
            parts.append(np.asarray(leaf._ids[leaf._i:], dtype=np.int64) + offset)
            leaf._i = leaf._blocklength - 1
            leaf.next()
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def generation_key(searcher) -> tuple[str, int]:
    """What names the documents a searcher sees: its folder and the generation its reader
    opened (read from memory, unlike the index's latest_generation, which lists the
    folder). Caches of results, parsed queries and arrays are keyed by it."""
    return (searcher._ix.storage.folder, searcher.reader().generation())


# Below one match in this many documents, facets are counted from the matches' values.
SPARSE_RATIO = 64

_TABLES: dict[tuple[str, int], FacetTable] = {}
_TABLES_LOCK = threading.Lock()


def facet_table(searcher) -> FacetTable:
    key = generation_key(searcher)
    with _TABLES_LOCK:
        table = _TABLES.get(key)
        if table is None:
            _TABLES.clear()
            try:
                table = FacetTable.load(saved_table(*key))
            except OSError:  # not saved, or an old one pruned meanwhile (changes.py)
                table = FacetTable(searcher.reader())
            _TABLES[key] = table
        return table


def saved_table(folder: str | Path, generation: int) -> Path:
    """Where a rebuild, or whoever applied the change log, keeps the table of an index
    generation (an update makes a new one, so a saved table never describes other
    documents than its generation's)."""
    return Path(folder) / f"facets-{generation}.npz"


def as_mask(ids: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    mask[ids] = True
    return mask


