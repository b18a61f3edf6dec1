"""A generation written by BuildWriter, on one core or several, is the index Whoosh's own
writer writes: the same postings, stored fields, lengths and columns, and the same
did-you-mean vocabulary as analysing every text again."""

import random
from datetime import datetime

import pytest
from whoosh import index as windex

from tracker.search.building import build_segments
from tracker.search.schema import make_schema
from tracker.search.suggestions import spelling_words

SAMPLE = ("the defenders defender defending of Peña Pena détention detention journalists "
         "killed killing a I 12 2013 U.N. l'homme señora straße naïve Ayşe torture and "
         "threats harassment lideresas défenseures x5 HND 5/2013 protest protests")
WORDS = SAMPLE.split()


def corpus(n: int, seed: int = 3):
    rng = random.Random(seed)
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 60)))
        if i % 7 == 0:
            yield {"key": f"res:{i}", "doc_type": "resolution", "db_id": i,
                   "symbol": f"A/HRC/RES/{i}", "reference": f"A/HRC/RES/{i}",
                   "refwords": f"A/HRC/RES/{i}", "title": text, "summary": text,
                   "body": "HRC", "drafts": "L.1,L.2" if i % 2 else "", "sponsors": "FRA,MEX",
                   "state": "", "type": "", "reply": "", "year": "2019"}
            continue
        doc = {"key": f"comm:{i}", "doc_type": "communication", "db_id": i,
               "reference": f"AL HND {i}/2013", "refwords": f"AL HND {i}/2013",
               "type": rng.choice(["AL", "JUA"]), "year": "2013", "state": "HND",
               "state_name": "Honduras", "addressee": rng.choice(["Honduras", "Peña Ltd.",
                                                                  None, ""]),
               "group": "GRULAC", "region": "m49:americas,sr-hrd:americas",
               "mandate": ",".join(rng.sample(["defenders", "torture", "expression"], 2)),
               "reply": "awaiting", "women": "yes", "whrd": "no", "summary": text,
               "letter": " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 300))),
               "replies": "", "url": None, "attack": "killing,threats", "coded": "coded"}
        if i % 5:
            doc["date"] = datetime(2013, 1 + i % 12, 1 + i % 28)
        yield doc


def contents(folder):
    reader = windex.open_dir(str(folder)).reader()
    size = reader.doc_count_all()
    schema = reader.schema
    postings = {}
    for field in reader.indexed_field_names():
        for term in reader.lexicon(field):
            m = reader.postings(field, term)
            items = []
            while m.is_active():
                items.append((m.id(), m.weight(), m.value()))
                m.next()
            postings[(field, term)] = items
    lengths = {(d, f): reader.doc_field_length(d, f) for d in range(size)
               for f in schema.scorable_names()}
    totals = {f: reader.field_length(f) for f in schema.scorable_names()}
    columns = {f: [reader.column_reader(f, translate=False)[d] for d in range(size)]
               for f in schema.names() if reader.has_column(f)}
    stored = [reader.stored_fields(d) for d in range(size)]
    return size, postings, lengths, totals, columns, stored


def block_bounds(folder):
    """Each segment's posting blocks' length bounds: Whoosh skips blocks by them when it
    scores, so they must be those of the documents in the block."""
    reader = windex.open_dir(str(folder)).reader()
    bounds = {}
    for leaf, base in reader.leaf_readers():
        for field in leaf.indexed_field_names():
            for term in leaf.lexicon(field):
                m = leaf.postings(field, term)
                m = getattr(m, "child", m)  # deleted documents' postings too
                while m.is_active():
                    bounds[(field, term, base + m.id())] = (m.block_min_length(),
                                                            m.block_max_length())
                    m.next()
    return bounds


def whoosh_build(folder, docs):
    ix = windex.create_in(str(folder), make_schema())
    writer = ix.writer()
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()


@pytest.mark.parametrize("procs", [1, 3])
def test_build_segments_writes_whooshs_index(tmp_path, procs):
    docs = list(corpus(400))
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "ours").mkdir()
    whoosh_build(tmp_path / "whoosh", docs)
    ix = windex.create_in(str(tmp_path / "ours"), make_schema())
    n, words = build_segments(ix, docs, procs=procs, parallel_from=10)
    assert n == len(docs)
    assert len(windex.open_dir(str(tmp_path / "ours")).reader().leaf_readers()) == procs
    expected = contents(tmp_path / "whoosh")
    assert contents(tmp_path / "ours") == expected
    assert expected[0] == 400 and len(expected[1]) > 100


def test_build_segments_spills_to_disk_and_still_writes_the_same(tmp_path):
    docs = list(corpus(300))
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "ours").mkdir()
    whoosh_build(tmp_path / "whoosh", docs)
    ix = windex.create_in(str(tmp_path / "ours"), make_schema())
    build_segments(ix, docs, limitmb=0)  # every document spills a run
    assert contents(tmp_path / "ours") == contents(tmp_path / "whoosh")


def test_build_segments_vocabulary_is_spelling_words_of_the_texts(tmp_path):
    docs = list(corpus(300))
    ix = windex.create_in(str(tmp_path), make_schema())
    _, words = build_segments(ix, docs)
    expected = spelling_words(t for d in docs for t in (
        [d["addressee"], d["summary"]] if d["doc_type"] == "communication" else [d["title"]]))
    assert words == expected
    assert {"pena", "detention", "defenders", "lideresas"} <= words


def test_batches_of_changes_written_by_buildwriter_give_whooshs_index(tmp_path):
    """The change log's batches (changes.write_records) go through BuildWriter: letters
    changed, added and removed over several commits, small segments merged on the way,
    leave the index Whoosh's own writer leaves."""
    from tracker.search.building import BuildWriter

    docs = list(corpus(300))
    batches = []
    # Big batches, then small ones, which Whoosh's policy merges into one segment.
    for round_, (n_changed, n_added) in enumerate([(40, 30)] * 3 + [(2, 1)] * 6):
        changed = [dict(d, summary=d["summary"] + f" round{round_} torture")
                   for d in random.Random(round_).sample(docs, n_changed)]
        added = list(corpus(n_added, seed=100 + round_))
        for i, d in enumerate(added):
            d["key"] = f"comm:new{round_}-{i}"
        # As in write_records, a batch removes only keys it does not write.
        kept = [d for d in docs if d["key"] not in {c["key"] for c in changed}]
        removed = [d["key"] for d in random.Random(50 + round_).sample(kept, 5)]
        batches.append((changed + added, removed))
    for name, make_writer in (("whoosh", lambda ix: ix.writer()),
                              ("ours", lambda ix: BuildWriter(ix))):
        (tmp_path / name).mkdir()
        whoosh_build(tmp_path / name, docs)
        for writes, removed in batches:
            ix = windex.open_dir(str(tmp_path / name))
            writer = make_writer(ix)
            for doc in writes:
                writer.update_document(**doc)
            for key in removed:
                writer.delete_by_term("key", key)
            writer.commit()
    assert contents(tmp_path / "ours") == contents(tmp_path / "whoosh")
    assert block_bounds(tmp_path / "ours") == block_bounds(tmp_path / "whoosh")
    reader = windex.open_dir(str(tmp_path / "ours")).reader()
    live = {d["key"] for d in docs}
    for writes, removed in batches:
        live = (live | {d["key"] for d in writes}) - set(removed)
    assert sorted(f["key"] for f in reader.all_stored_fields()) == sorted(live)
    assert len(reader.leaf_readers()) < 1 + len(batches)  # some were merged on the way
