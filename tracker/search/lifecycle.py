"""Where the index lives and how it is written: generations, the writer, rebuilds.

The index is derived data. It is written after the database commit (by the CLI and
jobs; by a web request only for an editor's coding decision, one document) and can be
rebuilt from the database at will. A rebuild writes a new generation folder and then
switches a pointer file atomically, so readers see the old index or the new one, never
a half-built one. One writer at a time: a second waits `WRITER_TIMEOUT` seconds, then
gets IndexBusy with a clear message.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from sqlmodel import Session, func, select
from whoosh import index as windex
from whoosh.index import LockError

from tracker.models import Communication, Resolution
from tracker.search.building import build_segments, memory_limit_mb
from tracker.search.facets import FacetTable, saved_table
from tracker.search.schema import communication_docs, make_schema, resolution_docs
from tracker.search.suggestions import add_vocabulary, spelling_words

WRITER_TIMEOUT = 10.0
POINTER = "CURRENT"


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


# --- where the index lives ------------------------------------------------------------


def current_dir(root: Path) -> Path | None:
    pointer = root / POINTER
    if pointer.exists():
        path = root / pointer.read_text().strip()
        if _has_toc(path):
            return path
    return None


def _has_toc(path: Path) -> bool:
    """Whether the folder holds an index: its table of contents is there. Whoosh's
    exists_in opens the whole index to say so, which cost every query half a millisecond."""
    try:
        return any(n.startswith("_MAIN_") and n.endswith(".toc") for n in os.listdir(path))
    except OSError:
        return False


def switch_to(root: Path, generation: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".pointer-")
    with os.fdopen(fd, "w") as f:
        f.write(generation.name)
    os.replace(tmp, root / POINTER)
    for old in sorted(root.glob("gen-*"))[:-2]:  # keep the one readers may still hold
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)


def new_generation(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"gen-{time.time_ns()}"
    path.mkdir()
    windex.create_in(str(path), make_schema())
    return path


def open_index(root: str | Path, *, create: bool = True):
    """Open the current generation, creating an empty one on first use."""
    root = Path(root)
    current = current_dir(root)
    if current is None:
        if not create:
            return None
        current = new_generation(root)
        switch_to(root, current)
    return windex.open_dir(str(current))


def _writer(ix, timeout: float = WRITER_TIMEOUT):
    try:
        return ix.writer(timeout=timeout)
    except LockError:
        raise IndexBusy(f"the search index at {ix.storage.folder} is being written by "
                        f"another process; waited {timeout:.0f} s. Try again when "
                        "it finishes.") from None


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
        add_vocabulary(ix.storage.folder, spelling_words(texts))
        return n


def _outdated(root: Path) -> bool:
    """Whether the index was built with other fields than this version writes: documents
    with the new fields cannot go into it, so it is rebuilt whole."""
    ix = open_index(root, create=False)
    return ix is not None and set(ix.schema.names()) != set(make_schema().names())


def default_procs() -> int:
    """The processes a rebuild from the command line uses: the cores this one may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def rebuild_index(root: str | Path, session: Session, *, procs: int = 1) -> int:
    """Build a new generation from the database and switch readers to it, writing with
    `procs` processes (see building.py).

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
        docs = itertools.chain(communication_docs(session), resolution_docs(session))
        count = None
        if procs > 1:  # how to share the documents among the processes
            count = sum(session.exec(select(func.count()).select_from(table)).one()
                        for table in (Communication, Resolution))
        generation, n = build_generation(root, docs, procs=procs, count=count)
        try:
            replayed = _journal_names(root) - before
            _replay(generation, session, root, replayed)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        switch_to(root, generation)
        _replay(generation, session, root, _journal_names(root) - before - replayed)
        for name in before:  # this build read everything they name
            (root / CHANGES / name).unlink(missing_ok=True)
        return n


def build_generation(root: Path, docs: Iterable[dict], *, procs: int = 1,
                     count: int | None = None) -> tuple[Path, int]:
    """Write these documents into a new generation, with its did-you-mean vocabulary,
    without switching readers to it; return the folder and how many were written.

    `count`, how many documents to expect (a list's length otherwise), lets `procs`
    processes share the work (building.py). Separate from reading the database so that
    the benchmarks build exactly as a rebuild does, from a generated corpus.
    """
    generation = new_generation(root)
    ix = windex.open_dir(str(generation))
    try:
        n, words = build_segments(ix, docs, procs=procs, count=count,
                                  limitmb=memory_limit_mb(procs))
        add_vocabulary(generation, words)
        ix = windex.open_dir(str(generation))
        with ix.reader() as reader:  # the first search after the switch reads it (facets.py)
            FacetTable(reader).save(saved_table(generation, ix.latest_generation()))
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    return generation, n


def _replay(generation: Path, session: Session, root: Path, names: set[str]) -> None:
    if not names:
        return
    ids, symbols = _journaled(root, names)
    session.expire_all()  # read what those imports committed, not what this session holds
    _, texts = _write_docs(windex.open_dir(str(generation)), session, ids, symbols)
    add_vocabulary(generation, spelling_words(texts))


# --- querying -------------------------------------------------------------------------
_LOCAL = threading.local()


def searcher_for(root: str | Path):
    """A searcher per thread, kept open and refreshed when the index changes.

    Opening an index reads its table of contents and every segment; doing that per
    request was most of a query's time (bench/search.py).
    """
    root = Path(root)
    folder = current_dir(root)
    if folder is None:
        open_index(root)
        folder = current_dir(root)
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


