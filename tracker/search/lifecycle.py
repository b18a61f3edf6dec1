"""Where the index lives and how it is rebuilt: generations, rebuilds, searchers.

The index is derived data: every write that changes what search shows goes into the
change log in the database (tracker.changelog), and each node's index applies it
(following.py); it can be rebuilt from the database at will. A rebuild writes a new
generation folder and then switches a pointer file atomically, so readers see the old
index or the new one, never a half-built one. One writer at a time: a second waits
`WRITER_TIMEOUT` seconds, then gets IndexBusy with a clear message.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from sqlmodel import Session, func, select
from whoosh import index as windex

from tracker import changelog
from tracker.models import Communication, Resolution
from tracker.search.building import build_segments, memory_limit_mb
from tracker.search.changes import (  # noqa: F401 - IndexBusy and the timeout are read here
    WRITER_TIMEOUT,
    IndexBusy,
    catch_up,
)
from tracker.search.facets import FacetTable, saved_table
from tracker.search.schema import communication_docs, make_schema, resolution_docs
from tracker.search.suggestions import add_vocabulary

POINTER = "CURRENT"
LOCK = ".apply.lock"  # held by whoever applies the change log (following.py)


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


# --- writing --------------------------------------------------------------------------


def missing_fields(root: str | Path) -> set[str]:
    """Fields of the schema that the current index lacks (it predates them): a rebuild
    (`tracker reindex`) adds them."""
    ix = open_index(root)
    return set(make_schema().names()) - set(ix.schema.names())


def outdated(root: Path) -> bool:
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
    `procs` processes (see building.py); return how many documents it holds.

    The log's last position is read before the database: what commits while the build
    reads is in the log after it, and is replayed into the new generation, read afresh,
    before the switch. Changes after the replay are applied by whoever follows the log
    (following.py), from the position the new generation records.
    """
    root = Path(root)
    for _attempt in range(3):
        start = changelog.bounds(session)[1]
        docs = itertools.chain(communication_docs(session), resolution_docs(session))
        count = None
        if procs > 1:  # how to share the documents among the processes
            count = sum(session.exec(select(func.count()).select_from(table)).one()
                        for table in (Communication, Resolution))
        generation, n = build_generation(root, docs, procs=procs, count=count)
        try:
            replayed = catch_up(generation, session.get_bind(), position=start)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        if not replayed.everything:
            switch_to(root, generation)
            return n
        # The database was replaced (a restore) while this read it: read it again.
        shutil.rmtree(generation, ignore_errors=True)
        session.rollback()
    raise IndexBusy("the database was replaced three times while the search index was "
                    "rebuilt from it; run `tracker reindex` again when it is quiet.")


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


# --- querying -------------------------------------------------------------------------
_LOCAL = threading.local()


def _table_coming(root: Path, folder: Path, searcher) -> bool:
    """Whether the newest commit's facet table is still being saved by whoever applies
    the log (changes.catch_up saves one per commit): until it is, this process searches
    the commit it has, a moment older, rather than count the table again itself (half
    a second of this process's CPU at 50,000 documents)."""
    latest = searcher._ix.latest_generation()
    if saved_table(folder, latest).exists():
        return False
    try:
        with open(root / LOCK, "a") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(f, fcntl.LOCK_UN)
    except BlockingIOError:
        return True  # being applied: the table comes with it
    except OSError:
        pass
    return False


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
    elif not searcher.up_to_date() and not _table_coming(root, folder, searcher):
        # Opened afresh, not refreshed: Whoosh's refresh reuses the segment readers it had,
        # with their old deletions, so a document updated since (a coding decision, an
        # import) would count twice, once as it was. A refresh of an empty index fails too.
        searcher.close()
        searcher = cache[str(folder)] = windex.open_dir(str(folder)).searcher()
    return searcher


