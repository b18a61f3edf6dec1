"""The change log (tracker.changelog) written into an index generation.

Each generation keeps, in its POSITION file, the last position of the log it holds. A
change names a record, not what became of it: the record's document is written as the
database holds it when the change is applied, or deleted if the record is gone. So
applying a change twice, or a change whose savepoint was rolled back, is harmless, and a
rebuild can replay from any position at or before the one it read the database at.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from whoosh import index as windex
from whoosh.index import LockError

from tracker import changelog
from tracker.models import Communication, Draft
from tracker.search.building import BuildWriter
from tracker.search.facets import FacetTable, saved_table
from tracker.search.schema import communication_docs, resolution_docs
from tracker.search.suggestions import add_vocabulary

WRITER_TIMEOUT = 10.0
POSITION = "POSITION"
# Changes applied in one writer's commit: a commit costs a segment and a merge, so an
# import of thousands of records is applied in few, while one batch's documents stay a
# few megabytes in memory.
BATCH = 2000
UPDATE_MB = 256  # a batch's postings held in memory before they spill to disk


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


def open_writer(ix, timeout: float = WRITER_TIMEOUT):
    """A writer that adds to the index as a rebuild writes it (building.BuildWriter: four
    times Whoosh's own writer's speed on a batch of letters), waiting `timeout` seconds
    for the index's write lock."""
    try:
        return BuildWriter(ix, timeout=timeout, limitmb=UPDATE_MB)
    except LockError:
        raise IndexBusy(f"the search index at {ix.storage.folder} is being written by "
                        f"another process; waited {timeout:.0f} s. Try again when "
                        "it finishes.") from None


def read_position(generation: Path | None) -> int | None:
    """The last change this generation holds; None if it has no position (a new, empty
    generation, or one built before the change log), which the caller rebuilds."""
    if generation is None:
        return None
    try:
        return int((generation / POSITION).read_text().strip())
    except (OSError, ValueError):
        return None


def write_position(generation: Path, position: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=generation, prefix=".position-")
    with os.fdopen(fd, "w") as f:
        f.write(str(position))
    os.replace(tmp, generation / POSITION)


@dataclass
class Applied:
    """What applying the log did."""

    position: int | None = None  # the last change the index now holds
    written: int = 0  # documents written
    deleted: int = 0  # documents removed: their records are gone
    changes: int = 0  # log entries applied
    rebuilt: bool = False  # the index was rebuilt instead (see following.py)
    everything: bool = False  # stopped at a change that asks for a rebuild
    communication_ids: frozenset[int] = frozenset()
    resolution_symbols: frozenset[str] = frozenset()


def resolve(session: Session, changes: Iterable) -> tuple[set[int], set[str], bool]:
    """The communications and resolutions that changes name, and whether one asks for
    everything to be rebuilt."""
    ids: set[int] = set()
    symbols: set[str] = set()
    families: set[str] = set()
    states: set[str] = set()
    for change in changes:
        if change.kind == "communication":
            ids.add(int(change.key))
        elif change.kind == "resolution":
            symbols.add(change.key)
        elif change.kind == "family":
            families.add(change.key)
        elif change.kind == "state":
            states.add(change.key)
        else:  # "all", or a kind a newer version writes: rebuild rather than miss it
            return ids, symbols, True
    for chunk in _chunks(families):
        symbols.update(session.exec(select(Draft.resolution_symbol).where(
            Draft.family.in_(chunk), Draft.resolution_symbol.is_not(None))))
    for chunk in _chunks(states):
        ids.update(session.exec(select(Communication.id).where(
            Communication.state_iso3.in_(chunk))))
    return ids, symbols, False


def _chunks(items, size: int = 500):
    items = sorted(items)
    return [items[i:i + size] for i in range(0, len(items), size)]


def write_records(ix, session: Session, ids: set[int], symbols: set[str], *,
                  timeout: float = WRITER_TIMEOUT) -> tuple[int, int, set[str]]:
    """Write these communications and resolutions as the database holds them, remove
    those it no longer holds, in one commit; return (written, deleted, their
    did-you-mean words)."""
    known = set(ix.schema.names())  # an index built before a field existed lacks it
    writer = open_writer(ix, timeout)
    written = set()
    try:
        for doc in communication_docs(session, ids) if ids else ():
            writer.update_document(**{k: v for k, v in doc.items() if k in known})
            written.add(doc["key"])
        for doc in resolution_docs(session, symbols) if symbols else ():
            writer.update_document(**doc)
            written.add(doc["key"])
        gone = ({f"comm:{i}" for i in ids} | {f"res:{s}" for s in symbols}) - written
        for key in gone:
            writer.delete_by_term("key", key)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    writer.spelled.discard(None)
    return len(written), len(gone), writer.spelled


def save_facets(generation: Path, keep: int = 3) -> None:
    """Save the facet table of the generation's newest commit, as a rebuild does: the
    node's web processes then load it, instead of each reading it from the index on its
    first search after the change (half a second at 20,000 documents). Tables of older
    commits go, but the last few: a process may be about to load one."""
    ix = windex.open_dir(str(generation))
    with ix.reader() as reader:
        FacetTable(reader).save(saved_table(generation, reader.generation()))
    saved = sorted(generation.glob("facets-*.npz"),
                   key=lambda p: int(p.stem.removeprefix("facets-")))
    for old in saved[:-keep]:
        old.unlink(missing_ok=True)


def catch_up(generation: Path, bind: Engine, *, position: int,
             timeout: float = WRITER_TIMEOUT, max_batches: int | None = None) -> Applied:
    """Apply every change after `position` to this generation (or `max_batches` batches
    of them), a batch to a commit, recording the position and saving the facet table
    after each; stop before a change that asks for a rebuild.

    The facet table is saved with each commit, not once at the end: the web processes
    wait for it before they search a new commit (lifecycle.searcher_for) rather than each
    count it again.

    Reads through a session of its own: each batch sees what was committed before it,
    not a snapshot taken earlier by the caller's session.
    """
    applied = Applied(position=position)
    ids_done: set[int] = set()
    symbols_done: set[str] = set()
    ix = windex.open_dir(str(generation))
    batches = 0
    with Session(bind) as session:
        while max_batches is None or batches < max_batches:
            changes = changelog.changes_after(session, position, BATCH)
            if not changes:
                break
            ids, symbols, everything = resolve(session, changes)
            if everything:
                applied.everything = True
                break
            written, deleted, words = write_records(ix, session, ids, symbols,
                                                    timeout=timeout)
            add_vocabulary(generation, words)
            save_facets(generation)
            position = changes[-1].id
            write_position(generation, position)
            applied.written += written
            applied.deleted += deleted
            applied.changes += len(changes)
            batches += 1
            ids_done |= ids
            symbols_done |= symbols
            session.rollback()  # end the read: the next batch sees later commits
    if read_position(generation) != position:
        write_position(generation, position)
    applied.position = position
    applied.communication_ids = frozenset(ids_done)
    applied.resolution_symbols = frozenset(symbols_done)
    return applied
