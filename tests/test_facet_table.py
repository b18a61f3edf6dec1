"""The facet table read a block and a segment at a time, or saved by a rebuild, is the
table read document by document."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as windex

from tests.test_building import corpus
from tracker.search import facets
from tracker.search.facets import FACETS, SPARSE_RATIO, FacetTable, _natural, saved_table
from tracker.search.lifecycle import build_generation


def slow_table(reader):
    """The facet table as it was read before: one posting and one document at a time."""
    alive = np.zeros(reader.doc_count_all(), dtype=bool)
    alive[list(reader.all_doc_ids())] = True
    postings = {name: {(t.decode() if isinstance(t, bytes) else t):
                       sorted(reader.postings(name, t).all_ids())
                       for t in reader.lexicon(name)} for name in FACETS if name in reader.schema}
    dates = [int(stored["date"].timestamp()) if stored.get("date") else 0
             for stored in (reader.stored_fields(d) for d in range(reader.doc_count_all()))]
    return alive, postings, dates


def test_facet_table_is_the_table_read_document_by_document(tmp_path):
    docs = list(corpus(300))
    generation, _ = build_generation(tmp_path, docs)
    ix = windex.open_dir(str(generation))
    with ix.writer() as writer:  # an update: a second segment, and a deleted document
        writer.update_document(**{**docs[5], "mandate": "torture"})
    ix = windex.open_dir(str(generation))
    with ix.reader() as reader:
        table = FacetTable(reader)
        alive, postings, dates = slow_table(reader)
        references = [reader.stored_fields(d)["reference"] for d in range(table.size)]
        segments = len(reader.leaf_readers())
    assert segments == 2
    assert table.alive.tolist() == alive.tolist() and not alive[5]
    assert {n: {v: ids.tolist() for v, ids in vs.items()} for n, vs in table.postings.items()
            if n in postings} == postings
    assert table.dates.tolist() == dates and 0 in dates
    by_rank = sorted(range(table.size), key=lambda d: table.ranks["reference"][d])
    assert [_natural(references[d]) for d in by_rank] == sorted(map(_natural, references))


def test_a_rebuilds_saved_facet_table_is_the_table_of_its_generation(tmp_path):
    docs = list(corpus(200))
    generation, _ = build_generation(tmp_path, docs)
    ix = windex.open_dir(str(generation))
    saved = saved_table(generation, ix.latest_generation())
    assert saved.exists()
    loaded = FacetTable.load(saved)
    with ix.reader() as reader:
        table = FacetTable(reader)
    assert loaded.size == table.size == 200
    for name in ("alive", "dates"):
        assert getattr(loaded, name).tolist() == getattr(table, name).tolist()
    assert {k: v.tolist() for k, v in loaded.ranks.items()} == {
        k: v.tolist() for k, v in table.ranks.items()}
    assert {n: {v: ids.tolist() for v, ids in vs.items()} for n, vs in loaded.postings.items()
            } == {n: {v: ids.tolist() for v, ids in vs.items()}
                  for n, vs in table.postings.items()}
    assert loaded.postings["region"]["sr-hrd:americas"].size > 0



@pytest.fixture(scope="module")
def updated_table(tmp_path_factory):
    """The table of 300 letters with a second segment: one letter updated (its old
    version deleted) to carry two mandates."""
    docs = list(corpus(300))
    generation, _ = build_generation(tmp_path_factory.mktemp("facets"), docs)
    with windex.open_dir(str(generation)).writer() as writer:
        writer.update_document(**{**docs[5], "mandate": "torture,health"})
    with windex.open_dir(str(generation)).reader() as reader:
        return FacetTable(reader)


@given(picked=st.lists(st.integers(0, 300), max_size=40))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_facets_of_a_few_matches_count_as_those_of_many(updated_table, picked):
    """A rare word's handful of matches is counted from their values, a common word's from
    each value's documents: the reader sees the same counts either way."""
    table = updated_table
    assert table.size == 301  # the updated letter is document 300
    mask = np.zeros(table.size, dtype=bool)
    mask[picked] = True
    mask &= table.alive
    matched = set(np.flatnonzero(mask).tolist())
    expected = {}
    for name in FACETS:
        pairs = [(v, len(matched & set(ids.tolist()))) for v, ids in table.postings[name].items()]
        expected[name] = sorted(((v, c) for v, c in pairs if c and v),
                                key=lambda kv: (-kv[1], kv[0]))
    for ratio in (0, 10**9):  # counted per value; counted from the matches' values
        try:
            facets.SPARSE_RATIO = ratio
            assert table.counts(mask, FACETS) == expected
        finally:
            facets.SPARSE_RATIO = SPARSE_RATIO


@pytest.mark.parametrize("rows, cols", [("state", "reply"), ("reply", "state")])
def test_crosstab_counts_the_matches_of_both_values(rows, cols):
    """Whichever side it marks (the one with fewer values, here either way round), the
    counts are those of the documents matched that carry both values, in the same order."""
    from tracker.search.matching import Matches

    rng = np.random.default_rng(7)
    size = 400
    table = FacetTable.__new__(FacetTable)
    table.size = size
    states = rng.integers(0, 30, size)
    replied = rng.random(size) < 0.5
    table.postings = {
        "state": {f"S{n:02d}": np.flatnonzero(states == n) for n in rng.permutation(31)},
        "reply": {"replied": np.flatnonzero(replied), "awaiting": np.flatnonzero(~replied)}}
    mask = rng.random(size) < 0.6
    found = Matches(table, mask, int(mask.sum()), None)
    expected = {}
    for r, r_ids in table.postings[rows].items():
        if mask[r_ids].any():
            counts = {c: len(set(r_ids) & set(c_ids) & set(np.flatnonzero(mask)))
                      for c, c_ids in table.postings[cols].items()}
            expected[r] = {c: n for c, n in counts.items() if n}
    got = found.crosstab(rows, cols)
    assert got == expected
    assert list(got) == list(expected)
    assert all(list(got[r]) == list(expected[r]) for r in got)
