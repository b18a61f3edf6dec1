"""Writing a whole generation fast: the same index Whoosh writes, built with less Python.

Profiled, a Whoosh build spent its time passing Token objects through generators per word
(analysis and `Positions.word_values`), sorting and spilling a pool of posting tuples to
temporary files, asking the file system whether a length column exists once per posting,
and, for "did you mean", analysing every summary a second time. `BuildWriter` writes
the same postings, stored fields, columns and lengths (tests/test_building.py compares
every one with Whoosh's own writer's), so searching is unchanged:

- text fields analysed by a FoldStemAnalyzer are tokenised once, with a per-word cache of
  the indexed term and the did-you-mean word (`FieldWords`);
- the posting pool is a dict of per-term lists in memory, already in document order, so
  it needs no sort; it spills sorted runs to disk only past `limitmb`;
- `build_segments` writes documents in contiguous slices on several cores, one segment
  each, in order, so document numbers are the same whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue as queue_module
import re
import traceback
from collections import Counter
from collections.abc import Iterable

from whoosh.analysis import CommaSeparatedTokenizer, IDTokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import PostingPool, SegmentWriter

from tracker.analysis import WORD, FoldStemAnalyzer
from tracker.query import ANALYZER, SPELL_ANALYZER

# Which fields give the did-you-mean words, by document type (as spelling_words read them).
SPELLED = {"communication": ("addressee", "summary")}
SPELLED_OTHERWISE = ("title",)


CACHE_WORDS = 1_000_000
_COMMAS = re.compile(r"[^,]+")  # CommaSeparatedTokenizer's pattern


class FieldWords:
    """For each word: its indexed term (None for a stop word) and its did-you-mean form
    (folded, unstemmed, longer than two letters, not a number; None otherwise)."""

    def __init__(self, analyzer: FoldStemAnalyzer):
        self.analyzer = analyzer
        self.terms: dict[str, str | None] = {}
        self.spelled: dict[str, str | None] = {}

    def learn(self, words) -> bool:
        """Look up the words not seen yet; False when the cache is full and some are not
        kept (the caller then looks each word up)."""
        new = set(words).difference(self.terms)
        if len(self.terms) + len(new) > CACHE_WORDS:
            return False
        term, unstemmed = self.analyzer.term, SPELL_ANALYZER.term
        for word in new:
            self.terms[word] = term(word)
            spelled = unstemmed(word)  # as spelling_words keeps it
            self.spelled[word] = (spelled if spelled and len(spelled) > 2
                                  and not spelled.isdigit() else None)
        return True

    def postings(self, text: str, spelled: set[str] | None):
        """(term bytes, frequency, weight, encoded positions) per term, as
        Positions.word_values gives them; the text's did-you-mean words go into `spelled`
        (with None, which the caller discards once)."""
        words = _FINDALL(text)
        if self.learn(words):
            terms = list(filter(None, map(self.terms.__getitem__, words)))
            if spelled is not None:
                spelled.update(map(self.spelled.__getitem__, words))
        else:
            other = FieldWords(self.analyzer)
            other.learn(words)
            return other.postings(text, spelled)
        positions: dict[str, list[int]] = {}
        for pos, term in enumerate(terms):
            found = positions.get(term)
            if found is None:
                positions[term] = [pos]
            else:
                found.append(pos)
        out = []
        single = _SINGLE
        for term, poses in positions.items():
            if len(poses) == 1:  # most terms of a text: their value is cached
                value = single.get(poses[0]) or _single(poses[0])
            else:
                deltas, base = [], 0
                for p in poses:
                    deltas.append(p - base)
                    base = p
                value = pack_uint(len(deltas)) + pickle.dumps(deltas, 2)
            out.append((term.encode("utf-8"), len(poses), float(len(poses)), value))
        return out


# tracker.analysis.WORD without its group, so that findall gives whole words.
_FINDALL = re.compile(WORD.pattern.replace("(", "(?:"), re.UNICODE).findall


_SINGLE: dict[int, bytes] = {}


def _single(pos: int) -> bytes:
    """Positions.encode([pos]), kept."""
    value = pack_uint(1) + pickle.dumps([pos], 2)
    if pos < 100_000:
        _SINGLE[pos] = value
    return value


class MemoryPool(PostingPool):
    """Postings kept per field and term, in the order added (document order), so that
    writing them needs a sort of the terms only; sorted runs go to disk past `limitmb`."""

    def __init__(self, tempstore, segment, limitmb: int = 2048, **kwargs):
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.terms: dict[tuple[str, bytes], list] = {}
        self.ordered = True

    def add(self, item):
        fieldname, tbytes, docnum, weight, vbytes = item
        postings = self.terms.get((fieldname, tbytes))
        if postings is None:
            postings = self.terms[(fieldname, tbytes)] = []
            self.fieldnames.add(fieldname)
        elif postings[-1][0] >= docnum:
            self.ordered = False
        postings.append((docnum, weight, vbytes))
        self.currentsize += 80 + len(vbytes or b"")
        if self.currentsize > self.limit:
            self.save()

    def add_text(self, fieldname: str, docnum: int, items) -> int:
        """Add a document's postings of one field, (term bytes, frequency, weight, value)
        each; return the field's length (the sum of frequencies)."""
        terms, length, size = self.terms, 0, 0
        for tbytes, freq, weight, vbytes in items:
            length += freq
            size += 80 + len(vbytes)
            postings = terms.get((fieldname, tbytes))
            if postings is None:
                terms[(fieldname, tbytes)] = [(docnum, weight, vbytes)]
            else:
                postings.append((docnum, weight, vbytes))
        self.fieldnames.add(fieldname)
        self.currentsize += size
        if self.currentsize > self.limit:
            self.save()
        return length

    def _sorted(self):
        for key in sorted(self.terms):
            fieldname, tbytes = key
            postings = self.terms[key]
            if not self.ordered:
                postings = sorted(postings)
            for docnum, weight, vbytes in postings:
                yield fieldname, tbytes, docnum, weight, vbytes

    def save(self):
        if self.terms:
            path, f = self._new_run()
            for item in self._sorted():
                pickle.dump(item, f, 2)  # as SortingPool's runs are read back
            f.close()
            self._add_run(path)
            self.terms, self.ordered = {}, True
        self.currentsize = 0

    def items(self, maxfiles: int = 128):
        if not self.runs:
            return self._sorted()
        self.save()
        if maxfiles < len(self.runs):
            self.reduce_to(maxfiles, maxfiles)
        runs, self.runs = self.runs, []
        return self._merge_runs(runs)


class _Lengths:
    """The per-document reader's field lengths, with the column looked up once per field
    (Whoosh's reader asks the file system whether it exists once per posting)."""

    _ABSENT = object()

    def __init__(self, reader):
        self.reader, self.columns = reader, {}

    def doc_field_length(self, docnum, fieldname, default=0):
        column = self.columns.get(fieldname, self._ABSENT)
        if column is self._ABSENT:
            column = self.columns[fieldname] = self.reader._cached_reader(
                _lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return default
        lbyte = column[docnum]
        return byte_to_length(lbyte) if lbyte else None

    def __getattr__(self, name):
        return getattr(self.reader, name)


class _KeptLengths:
    """What _Lengths reads back, kept while writing: a field without a length column
    gives 0, a document without a length in a field that has one gives None."""

    def __init__(self, lengths: dict[str, dict[int, int]]):
        self.lengths = lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        kept = self.lengths.get(fieldname)
        return default if kept is None else kept.get(docnum)


class BuildWriter(SegmentWriter):
    """A SegmentWriter for a new generation, or for a batch of changes to one: the same
    segment, written faster (above)."""

    def __init__(self, ix, *, limitmb: int = 2048, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = MemoryPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self.words = FieldWords(ANALYZER)
        self.spelled: set[str] = set()
        # Each field's document lengths as the length column will give them back.
        self.lengths: dict[str, dict[int, int]] | None = {}
        self.fast = {name for name, field in self.schema.items()
                     if type(field.format) is Positions and field.format.field_boost == 1.0
                     and field.analyzer == ANALYZER and not field.vector
                     and not field.separate_spelling() and not field.column_type}

        # ID fields (the value is the term) and comma-separated keywords, as
        # Existence.word_values and Frequency.word_values index them.
        plain = {name: field for name, field in self.schema.items() if field.indexed
                 and not field.scorable and not field.vector
                 and not field.separate_spelling() and field.format.field_boost == 1.0}
        self.ids = {name for name, field in plain.items() if type(field.format) is Existence
                    and type(field.analyzer) is IDTokenizer}
        self.commas = {name for name, field in plain.items()
                       if type(field.format) is Frequency
                       and field.analyzer == CommaSeparatedTokenizer()}

    def add_document(self, **fields):
        """SegmentWriter.add_document with the fast path for text fields, and the
        document's did-you-mean words collected."""
        spell = SPELLED.get(fields.get("doc_type"), SPELLED_OTHERWISE)
        if not self.fast.intersection(fields) or any(n.startswith("_") for n in fields):
            self.lengths = None  # not kept by Whoosh's own add_document: read them back
            super().add_document(**fields)
            self.spelled.update(_spelling(self.words, fields, spell))
            return
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        add_post = self.pool.add
        names = sorted(fields)
        self._check_fields(schema, names)
        perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if name in self.fast:
                    if not isinstance(value, str):
                        raise ValueError(f"{value!r} is not unicode")
                    spelled = self.spelled if name in spell else None
                    length = self.pool.add_text(name, docnum,
                                                self.words.postings(value, spelled))
                elif name in self.ids and isinstance(value, str):
                    add_post((name, value.encode("utf-8"), docnum, 1.0, b""))
                elif name in self.commas and isinstance(value, str):
                    counts = Counter(part.strip() for part in _COMMAS.findall(value))
                    for word, freq in counts.items():
                        add_post((name, word.encode("utf-8"), docnum, float(freq),
                                  pack_uint(freq)))
                elif field.indexed:
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        add_post((name, tbytes, docnum, weight, vbytes))
                    if field.separate_spelling() or field.vector:
                        raise ValueError(f"field {name} needs Whoosh's own writer")
                perdocwriter.add_field(name, field, value if field.stored else None, length)
                if length:
                    self.lengths.setdefault(name, {})[docnum] = byte_to_length(
                        length_to_byte(length))
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(name, column, field.to_column_value(value))
                if name in spell and name not in self.fast:
                    self.spelled.update(_spelling(self.words, {name: value}, (name,)))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader):
        """A merge of small segments into this one (an update's commit): the merged
        documents' lengths are not kept, so read them all back."""
        self.lengths = None
        super().add_reader(reader)

    def _flush_segment(self):
        self.perdocwriter.close()
        if self.lengths is not None:
            self.fieldwriter.add_postings(self.schema, _KeptLengths(self.lengths),
                                          self.pool.iter_postings())
            self.fieldwriter.close()
            return
        lengths = _Lengths(self.per_document_reader()) if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths:
            lengths.reader.close()


def _spelling(words: FieldWords, fields: dict, names) -> set[str]:
    out: set[str] = set()
    for name in names:
        value = fields.get(name)
        if isinstance(value, str):
            words.postings(value, out)
    out.discard(None)
    return out


# --- several cores ---------------------------------------------------------------------

# Fewer documents than this are written in one process: starting another costs more.
PARALLEL_FROM = 2000


def build_segments(ix, docs: Iterable[dict], *, procs: int = 1, count: int | None = None,
                   limitmb: int = 2048, parallel_from: int = PARALLEL_FROM
                   ) -> tuple[int, set[str]]:
    """Write these documents into the (new, empty) index `ix` and commit; return how
    many were written and their did-you-mean words.

    With procs > 1 and `count` documents expected, the first slices go to other processes
    and this one writes the last, each slice its own segment, listed in order.
    """
    writer = BuildWriter(ix, limitmb=limitmb)
    procs = max(1, procs)
    if count is None and hasattr(docs, "__len__"):
        count = len(docs)
    if procs == 1 or count is None or count < parallel_from:
        return _write_all(writer, docs)
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else None)
    share = -(-count // procs)
    workers = []
    n, it = 0, iter(docs)
    try:
        for _ in range(procs - 1):
            queue, results = context.Queue(), context.Queue()
            worker = context.Process(target=_worker, daemon=True,
                                     args=(ix.storage.folder, ix.indexname, queue, results,
                                           limitmb // procs))
            worker.start()
            workers.append((worker, queue, results))
            batch: list[dict] = []
            for doc in it:
                batch.append(doc)
                n += 1
                if len(batch) == 200:
                    queue.put(batch)
                    batch = []
                if n % share == 0:
                    break
            queue.put(batch)
            queue.put(None)
        mine, spelled = _write_all(writer, it, commit=False)
        # This process's segment is written while the others finish theirs.
        own = writer._finalize_segment() if writer._added else writer._close_segment()
        segments = []
        for worker, _, results in workers:
            status, payload, words = _result(worker, results)
            if status != "ok":
                raise RuntimeError(f"an index-writing process failed:\n{payload}")
            if payload is not None:
                segments.append(payload)
            spelled |= words
        if own is not None:
            segments.append(own)
        writer._commit_toc(segments)
        writer._finish()
        return n + mine, spelled
    except BaseException:
        for worker, _, _ in workers:
            if worker.is_alive():
                worker.kill()
        if not writer.is_closed:
            writer.cancel()
        raise


def _result(worker, results):
    """The worker's result, or an error if it died without one (killed, out of memory)."""
    while True:
        try:
            out = results.get(timeout=1)
        except queue_module.Empty:
            if worker.is_alive():
                continue
            try:
                out = results.get(timeout=1)
            except queue_module.Empty:
                return "error", f"exit code {worker.exitcode}", set()
        worker.join()
        return out


def _write_all(writer: BuildWriter, docs, commit: bool = True) -> tuple[int, set[str]]:
    n = 0
    try:
        for doc in docs:
            writer.add_document(**doc)
            n += 1
        if commit:
            writer.commit()
    except BaseException:
        writer.cancel()
        raise
    writer.spelled.discard(None)
    return n, writer.spelled


def _worker(folder, indexname, queue, results, limitmb):
    """Write the documents sent into one segment of the index; send back the segment."""
    from whoosh import index as windex
    try:
        ix = windex.open_dir(folder, indexname=indexname)
        writer = BuildWriter(ix, _lk=False, limitmb=max(64, limitmb))
        while (batch := queue.get()) is not None:
            for doc in batch:
                writer.add_document(**doc)
        # The temporary folder is shared with the other writers: the parent removes it.
        segment = writer._finalize_segment() if writer._added else None
        if segment is None:
            writer._close_segment()
        writer.spelled.discard(None)
        results.put(("ok", segment, writer.spelled))
    except BaseException:
        results.put(("error", traceback.format_exc(), set()))


def memory_limit_mb(procs: int = 1) -> int:
    """How much of the memory now free the posting pools may keep (a third, shared)."""
    try:
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 256
    return max(256, min(8192, free // 3 // max(1, procs) // 2**20))
