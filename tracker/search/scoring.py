"""A parsed query matched and scored with numpy, exactly as Whoosh's searcher would.

`evaluate` walks the query tree the parser (tracker.query) and the filters
(facets.filters_query) build: Term, And, Or, Not, AndNot, Phrase, date ranges. Each node
gives, per segment, a boolean array of the documents it matches and a float array of
their scores. The scores are Whoosh's own: BM25F per term (postings.py), added up in the
order Whoosh's matchers add them, which is the tree they build: for And and Or a
Huffman-like tree by estimated size (whoosh.util.make_weighted_tree), or for an Or of
many clauses on a small segment a running sum in clause order (ArrayUnionMatcher); NOT
adds 1.0 (InverseMatcher); a phrase adds its words' scores in a balanced tree; a date
range scores 1.0.
Floating-point sums depend on their order, and equal scores are ordered by document
number, so the same order of sums is what keeps the same page.

One deliberate difference: "a ANDNOT b" leaves out every document of b. Whoosh's
AndNotMatcher keeps a segment's first match of a when b's first document comes before
it, even if b holds it too (its _find_first compares only the two first documents).

Anything else (wildcards, prefixes, ranges of words, boosts) raises Unsupported and the
caller asks Whoosh.
"""

from __future__ import annotations

from bisect import insort

import numpy as np
from whoosh.fields import NUMERIC
from whoosh.query import And, AndNot, DateRange, Not, NumericRange, Or, Phrase, Term
from whoosh.util.numeric import to_sortable

from tracker.search.postings import Postings, Segment


class Unsupported(Exception):
    """A query this module does not reproduce; Whoosh's searcher answers it instead."""


# Whoosh's Or chooses its matcher by these (whoosh.query.compound.Or._matcher).
_TOO_MANY_CLAUSES = 1024
_SMALL_SEGMENT = 5000


def evaluate(query, reader, postings: Postings) -> tuple[np.ndarray, np.ndarray]:
    """Which documents of the reader match, and each one's score (0 where none)."""
    size = reader.doc_count_all()
    mask, scores = np.zeros(size, dtype=bool), np.zeros(size, dtype=np.float64)
    for seg in postings.segments(reader):
        found = _node(query, seg, postings)
        if found is not None:
            mask[seg.offset:seg.offset + seg.size] = found[0]
            scores[seg.offset:seg.offset + seg.size] = found[1]
    return mask, scores


# A node gives (mask, scores) over a segment's documents, or None when it matches none:
# a word absent from a field (most fields of most words) then costs no array work, and
# adding nothing is what adding zeros would give.


def _node(q, seg: Segment, postings: Postings):
    kind = type(q)
    if getattr(q, "boost", 1.0) != 1.0:
        raise Unsupported("boost")
    if kind is Term:
        return _term(q, seg, postings)
    if kind is And or kind is Or:
        return _compound(q, seg, postings)
    if kind is Not:
        child = _node(q.query, seg, postings)
        mask = seg.alive & ~child[0] if child is not None else seg.alive.copy()
        return mask, mask.astype(np.float64)  # InverseMatcher scores 1.0
    if kind is AndNot:
        a, b = _node(q.a, seg, postings), _node(q.b, seg, postings)
        if a is None or b is None:
            return a
        mask = a[0] & ~b[0]
        return mask, a[1] * mask
    if kind is Phrase:
        return _phrase(q, seg, postings)
    if kind is DateRange or kind is NumericRange:
        return _range(q, seg, postings)
    raise Unsupported(kind.__name__)


def _bytes(seg: Segment, fieldname: str, text) -> bytes | None:
    """The term's bytes if the segment holds it (as Whoosh's Term.matcher checks)."""
    if fieldname not in seg.reader.schema:
        return None
    try:
        btext = seg.reader.schema[fieldname].to_bytes(text)
    except ValueError:
        return None
    return btext if (fieldname, btext) in seg.reader else None


def _term(q: Term, seg: Segment, postings: Postings):
    if q.minquality:
        raise Unsupported("minquality")
    btext = _bytes(seg, q.fieldname, q.text)
    if btext is None:
        return None
    return _dense(seg, *postings.scored(seg, q.fieldname, btext))


def _dense(seg: Segment, docs: np.ndarray, scores: np.ndarray):
    mask, dense = np.zeros(seg.size, dtype=bool), np.zeros(seg.size, dtype=np.float64)
    mask[docs] = True
    dense[docs] = scores
    return mask, dense


def _range(q: NumericRange, seg: Segment, postings: Postings):
    """`date:2013`, `date:[2012 to 2014]`, `date:>2015`: the documents whose value lies in
    the range, each scoring 1.0 (Whoosh's ConstantScoreQuery of its tiered terms)."""
    if q.fieldname not in seg.reader.schema:
        return None
    field = seg.reader.schema[q.fieldname]
    if not isinstance(field, NUMERIC) or not q.constantscore:
        raise Unsupported("range")
    low, high = 0, 2 ** field.bits - 1  # whoosh.util.numeric.tiered_ranges
    if q.start is not None:
        low = to_sortable(field.numtype, field.bits, field.signed,
                          field.prepare_number(q.start)) + bool(q.startexcl)
    if q.end is not None:
        high = to_sortable(field.numtype, field.bits, field.signed,
                           field.prepare_number(q.end)) - bool(q.endexcl)
    if low > high:
        return None
    has, values = postings.numbers(seg, q.fieldname)
    mask = has & (values >= np.uint64(low)) & (values <= np.uint64(high))
    return mask, mask.astype(np.float64)


def _compound(q, seg: Segment, postings: Postings):
    subs = q.subqueries
    if not subs:
        return None
    if len(subs) == 1:
        return _node(subs[0], seg, postings)
    if type(q) is Or and (q.scale or q.minmatch):
        raise Unsupported("coordination")
    parts = [_node(s, seg, postings) for s in subs]  # all: any may be Unsupported
    if type(q) is And and any(p is None for p in parts):
        return None
    if all(p is None for p in parts):
        return None
    if type(q) is Or and not (len(subs) < _TOO_MANY_CLAUSES and (
            len(subs) == 2 or seg.size > _SMALL_SEGMENT)):
        # ArrayUnionMatcher: each clause's scores added in turn into an array of zeros
        found = [p for p in parts if p is not None]
        mask, scores = found[0][0].copy(), found[0][1].copy()
        for m, s in found[1:]:
            mask |= m
            scores += s
        return mask, scores
    reader = seg.reader
    if type(q) is And:
        weights = [0 - s.estimate_size(reader) for s in subs]
        join = _intersect
    else:
        weights = [s.estimate_size(reader) for s in subs]
        join = _union
    return _weighted_tree(join, list(zip(weights, range(len(parts)), strict=True)), parts)


def _weighted_tree(join, weighted: list[tuple[int, int]], parts: list):
    """whoosh.util.make_weighted_tree: sort by weight, join the two lightest, put the pair
    back after those of equal weight. Matchers never compare less than one another, so
    ties keep their order; the index in each pair stands in for the matcher."""
    keyed = sorted(weighted, key=lambda wi: wi[0])  # stable, as list.sort of the pairs
    nodes = dict(enumerate(parts))
    nxt = len(parts)
    while len(keyed) > 1:
        (wa, a), (wb, b) = keyed.pop(0), keyed.pop(0)
        nodes[nxt] = join(nodes.pop(a), nodes.pop(b))
        insort(keyed, (wa + wb, nxt), key=lambda wi: wi[0])
        nxt += 1
    return nodes[keyed[0][1]]


def _intersect(a, b):
    if a is None or b is None:
        return None
    mask = a[0] & b[0]
    return mask, (a[1] + b[1]) * mask


def _union(a, b):
    if a is None or b is None:
        return b if a is None else a
    return a[0] | b[0], a[1] + b[1]


def _balanced(join, parts: list):
    """whoosh.util.make_binary_tree: halves, the first half on the left."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return join(_balanced(join, parts[:half]), _balanced(join, parts[half:]))


# Positions of one document are apart from the next document's in a combined key.
_STRIDE = np.int64(1) << 32


def _phrase(q: Phrase, seg: Segment, postings: Postings):
    """The words one after another (Whoosh's SpanNear2 with slop 1), checked only in the
    documents that hold them all; scored as the sum of the words' scores."""
    if q.slop != 1:
        raise Unsupported("slop")
    if q.fieldname not in seg.reader.schema:
        return None
    field = seg.reader.schema[q.fieldname]
    if not field.format or not field.format.supports("positions"):
        raise Unsupported("no positions")
    btexts = [_bytes(seg, q.fieldname, w) for w in q.words]
    if not btexts or any(b is None for b in btexts):
        return None
    scored = [postings.scored(seg, q.fieldname, b) for b in btexts]
    candidates = scored[0][0]
    for docs, _ in scored[1:]:
        candidates = np.intersect1d(candidates, docs, assume_unique=True)
    if candidates.size == 0:
        return None
    ends = _keys(postings.positions(seg, q.fieldname, btexts[0]), candidates)
    for btext in btexts[1:]:
        following = _keys(postings.positions(seg, q.fieldname, btext), candidates)
        ends = np.intersect1d(ends + 1, following)
        if ends.size == 0:
            return None
    found = np.unique(ends // _STRIDE)
    words = [sc[np.searchsorted(docs, found)] for docs, sc in scored]
    return _dense(seg, found, _balanced(np.add, words))


def _keys(term_positions, candidates: np.ndarray) -> np.ndarray:
    """document × stride + position, for each position of the term in the candidates."""
    docs, starts, flat = term_positions
    at = np.searchsorted(docs, candidates)
    lo, hi = starts[at], starts[at + 1]
    counts = hi - lo
    owner = np.repeat(candidates.astype(np.int64), counts)
    first = np.repeat(lo - np.cumsum(counts) + counts, counts)
    index = first + np.arange(counts.sum())
    return owner * _STRIDE + flat[index]
