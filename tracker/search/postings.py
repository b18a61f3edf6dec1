"""An index generation's postings as numpy arrays: per term, its documents and weights
(and positions, for phrases), and per field each document's length.

Whoosh's matchers read a term's postings from pickled blocks and score them one document
at a time in Python; reading a term once into arrays lets a query be matched and scored
with a few vectorised operations (scoring.py). The arrays are kept per segment, because
Whoosh scores segment by segment and the order of its sums depends on the segment.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from math import log

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from tracker.search.facets import generation_key

# Bounds the arrays kept for one generation; the least recently used terms go first.
MAX_BYTES = 256 << 20

_MAX_FREQUENCIES = 100_000  # terms whose frequency is remembered, per segment

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Segment:
    """One segment of the index as a query reads it: its reader, where its documents
    start among all, how many it holds, which are not deleted."""

    def __init__(self, index: int, reader, offset: int, top, alive: np.ndarray,
                 frequencies: dict):
        self.index, self.offset, self.top = index, offset, top
        self.reader = _Counted(reader, frequencies)
        self.size, self.alive = reader.doc_count_all(), alive


class _Counted:
    """A segment reader whose document frequencies are remembered for the generation.

    Whoosh's own estimate_size decides the order of a query's sums (scoring.py) and asks
    a frequency from the term table for every word in every field of every query.
    """

    def __init__(self, reader, frequencies: dict):
        self._reader, self._frequencies = reader, frequencies

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def __contains__(self, term) -> bool:
        return self.doc_frequency(*term) > 0

    def doc_frequency(self, fieldname: str, text) -> int:
        key = (fieldname, text)
        found = self._frequencies.get(key)
        if found is None:
            if len(self._frequencies) > _MAX_FREQUENCIES:
                self._frequencies.clear()
            found = self._frequencies[key] = self._reader.doc_frequency(fieldname, text)
        return found


class Postings:
    """The arrays of one index generation, read on first use and kept up to a size.

    It keeps no reader: each query passes its own searcher's, which may be closed and
    reopened (lifecycle.searcher_for) while the arrays stay valid for the generation.
    """

    def __init__(self, schema, max_bytes: int = MAX_BYTES):
        self.schema = schema
        self.max_bytes, self.bytes = max_bytes, 0
        self._items: OrderedDict = OrderedDict()
        self._frequencies: dict[int, dict] = {}
        self._lock = threading.Lock()
        weighting = BM25F()
        self.B, self.K1 = weighting.B, weighting.K1

    # --- the cache ---------------------------------------------------------------------

    def _cached(self, key, compute):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        size = sum(a.nbytes for a in value if isinstance(a, np.ndarray))
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self.bytes += size
                while self.bytes > self.max_bytes and len(self._items) > 1:
                    _, old = self._items.popitem(last=False)
                    self.bytes -= sum(a.nbytes for a in old if isinstance(a, np.ndarray))
        return value

    def segments(self, reader) -> list[Segment]:
        return [Segment(i, r, offset, reader,
                        self._cached(("alive", i), lambda r=r: (_alive(r),))[0],
                        self._frequencies.setdefault(i, {}))
                for i, (r, offset) in enumerate(reader.leaf_readers())]

    # --- what is read ------------------------------------------------------------------

    def scored(self, seg: Segment, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """A term's documents in a segment (numbered in the segment) and the score Whoosh's
        BM25F gives each: the same operations in the same order, so the same floats."""
        return self._cached(("scored", seg.index, field, btext),
                            lambda: self._score(seg, field, btext))

    def positions(self, seg: Segment, field: str, btext: bytes):
        """A term's documents, and where each one's positions start in one flat array."""
        return self._cached(("positions", seg.index, field, btext),
                            lambda: self._read_positions(seg, field, btext))

    def numbers(self, seg: Segment, field: str) -> tuple[np.ndarray, np.ndarray]:
        """For a numeric field (the date): which documents have a value, and each one's
        value as Whoosh compares them (its sortable integer)."""
        return self._cached(("numbers", seg.index, field),
                            lambda: _read_numbers(seg, self.schema[field], field))

    def lengths(self, seg: Segment, field: str) -> np.ndarray:
        return self._cached(("lengths", seg.index, field),
                            lambda: (_field_lengths(seg, field),))[0]

    def _score(self, seg: Segment, field: str, btext: bytes):
        docs, weights, _ = _read(seg, field, btext, values=False)
        if not self.schema[field].scorable:
            return docs, weights  # Whoosh's WeightScorer: the score is the weight
        # BM25FScorer's statistics come from the top-level searcher: all segments, with
        # deleted documents counted.
        top = seg.top
        dc = top.doc_count_all()
        idf = log(dc / (top.doc_frequency(field, btext) + 1)) + 1
        avgfl = (top.field_length(field) / (dc or 1)) or 1
        fl = self.lengths(seg, field)[docs]
        B, K1 = self.B, self.K1
        # whoosh.scoring.bm25, operation for operation
        scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        return docs, scores

    def _read_positions(self, seg: Segment, field: str, btext: bytes):
        docs, _, values = _read(seg, field, btext, values=True)
        decode = self.schema[field].format.decode_positions
        lists = [decode(v) for v in values]
        starts = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in lists], out=starts[1:])
        flat = np.fromiter((p for ps in lists for p in ps), dtype=np.int64, count=starts[-1])
        return docs, starts, flat


def _alive(reader) -> np.ndarray:
    alive = np.ones(reader.doc_count_all(), dtype=bool)
    if reader.has_deletions():
        alive[:] = False
        alive[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    return alive


def _read(seg: Segment, field: str, btext: bytes, values: bool):
    """A term's postings in a segment, deleted documents left out (as Whoosh's reader
    leaves them out); block by block when the codec is Whoosh 3's."""
    m = seg.reader.postings(field, btext)
    if isinstance(m, FilterMatcher):  # the reader's filter of deleted documents
        m = m.child
    ids, weights, vals = [], [], []
    if isinstance(m, W3LeafMatcher):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            ids.append(np.asarray(m._ids, dtype=np.int64))
            weights.append(np.asarray(m._weights).astype(np.float64))
            if values:
                if m._values is None:
                    m._read_values()
                vals.extend(m._values)
            m._next_block()
    else:
        while m.is_active():
            ids.append(np.array([m.id()], dtype=np.int64))
            weights.append(np.array([m.weight()], dtype=np.float64))
            if values:
                vals.append(m.value())
            m.next()
    docs = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
    w = np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64)
    if not seg.alive.all():
        keep = seg.alive[docs]
        docs, w = docs[keep], w[keep]
        vals = [v for v, k in zip(vals, keep, strict=False) if k] if values else vals
    return docs, w, vals


def _read_numbers(seg: Segment, field, name: str) -> tuple[np.ndarray, np.ndarray]:
    has, values = np.zeros(seg.size, dtype=bool), np.zeros(seg.size, dtype=np.uint64)
    unpack = field._struct.unpack
    for btext in field.sortable_terms(seg.reader, name):  # the full-precision terms
        docs, _, _ = _read(seg, name, btext, values=False)
        has[docs] = True
        values[docs] = unpack(btext[1:])[0]
    return has, values


def _field_lengths(seg: Segment, field: str) -> np.ndarray:
    """Each document's length in a field as Whoosh's reader gives it: a byte per
    document, decoded (so approximate, as Whoosh scores with it)."""
    lengths = np.zeros(seg.size, dtype=np.uint8)
    column = None
    try:  # Whoosh 3's length column, read whole
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        column = seg.reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    except AttributeError:
        pass
    if column is not None and hasattr(column, "_basepos"):
        count = min(column._count, seg.size)
        raw = column._dbfile.get(column._basepos, count)
        lengths[:count] = np.frombuffer(raw, dtype=np.uint8, count=count)
        return _LENGTH_OF_BYTE[lengths]
    return np.array([seg.reader.doc_field_length(i, field, 0) or 0 for i in range(seg.size)],
                    dtype=np.float64)


_CACHE: dict[tuple[str, int], Postings] = {}
_CACHE_LOCK = threading.Lock()


def postings_for(searcher) -> Postings:
    """The arrays of the searcher's generation; a new generation replaces the old."""
    reader = searcher.reader()
    key = generation_key(searcher)
    with _CACHE_LOCK:
        postings = _CACHE.get(key)
        if postings is None:
            _CACHE.clear()
            postings = _CACHE[key] = Postings(reader.schema)
        return postings
