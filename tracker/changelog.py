"""The search change log: which searchable records a transaction changed, written in it.

Every node's search index applies the log in order (tracker.search.following), so a
write on any node reaches every node's index, and a rebuild replays what was written
while it read the database.

Changes are found where they happen, not where a caller remembers to say so: the ORM's
flushes of the models in SEARCHABLE, and the rows `store.bulk_insert` writes, are noted
on the session and written as SearchChange rows just before its transaction commits, so
the log and the data commit together or not at all. A note of a record whose savepoint
was rolled back is kept: applying it writes the record as the database holds it, which
is harmless; a change left unnoted would be a search result missing until a rebuild.
Writes that bypass both (Core UPDATE and DELETE statements, a restore) call `note`.

On PostgreSQL the rows are written under a transaction-level advisory lock held until
commit, so positions become visible in order: a follower that has seen position n never
later sees a smaller one commit. SQLite has one writer at a time anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, event, func, insert, inspect, text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from tracker.models import (
    Communication,
    CommunicationMandate,
    Document,
    Draft,
    GroupMembership,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    Reply,
    Resolution,
    SearchChange,
    Sponsorship,
    State,
    Vote,
)

EVERYTHING = ("all", "")
_PENDING = "search_changes"
# Any constant: it names the lock that orders the log's writers (pg_advisory_xact_lock).
_LOCK_KEY = 0x5EA5C4


def _communication(get):
    return [("communication", get("id"))]


def _of_communication(get):
    return [("communication", get("communication_id"))]


# For each searchable model: the log entries a row's values stand for (`get` reads a
# column), and the columns whose change matters to search (None: any).
SEARCHABLE: dict[type, tuple[Callable, frozenset[str] | None]] = {
    Communication: (_communication, None),
    Reply: (_of_communication, None),
    CommunicationMandate: (_of_communication, None),
    Document: (_of_communication, frozenset({"communication_id", "kind", "text",
                                             "text_status", "reference_ok"})),
    Resolution: (lambda get: [("resolution", get("symbol"))], None),
    # Its family too: a draft not (yet) adopted names no resolution, and its title and
    # date are on a State's page (tracker.page_cache keeps them).
    Draft: (lambda get: [("resolution", get("resolution_symbol")), ("family", get("family"))],
            None),
    # A resolution's "vote" facet: how it was adopted (tracker.voting.vote_facet).
    Vote: (lambda get: [("resolution", get("symbol"))], frozenset({"symbol", "method"})),
    # Any column: a role or a sponsoring group is in the pages tracker.page_cache keeps.
    Sponsorship: (lambda get: [("family", get("family"))], None),
    # Membership of the UN decides who a group stood for, on pages tracker.page_cache keeps.
    State: (lambda get: [("state", get("iso3"))],
            frozenset({"name", "status", "un_admitted", "un_left"})),
    RegionMembership: (lambda get: [("state", get("iso3"))], None),
    GroupMembership: (lambda get: [("state", get("iso3"))], None),
    # Renamed regions, schemes and mandates change the terms of many letters: rare enough
    # (reference data, `tracker add-scheme`) to rebuild every node's index.
    Region: (lambda get: [EVERYTHING], frozenset({"name", "scheme_id", "counts"})),
    RegionScheme: (lambda get: [EVERYTHING], frozenset({"slug"})),
    Mandate: (lambda get: [EVERYTHING], frozenset({"slug"})),
}
# New rows of these change no document: a new State, region or mandate has no letters
# yet; the rows that later refer to it are noted.
_NEW_CHANGES_NOTHING = (State, Region, RegionScheme, Mandate)


def _pending(session: OrmSession) -> set[tuple[str, str]]:
    return session.info.setdefault(_PENDING, set())


def _add(pending: set, entries: Iterable[tuple[str, object]]) -> None:
    for kind, key in entries:
        if key is not None:
            pending.add((kind, str(key)))


def note(session: Session, kind: str, key: object = "") -> None:
    """Note a change the session's ORM objects do not show (see the module's docstring)."""
    _add(_pending(session), [(kind, key)])


def note_everything(session: Session) -> None:
    """Note that every node must rebuild its index from the database (after a restore)."""
    note(session, *EVERYTHING)


def note_rows(session: Session, model: type, rows: Iterable[dict]):
    """Yield `rows` (dicts of column values) and note each as a change, if `model` is
    searchable; for writes that go around the ORM (store.bulk_insert)."""
    found = SEARCHABLE.get(model)
    if found is None:
        yield from rows
        return
    entries, pending = found[0], _pending(session)
    for row in rows:
        _add(pending, entries(row.get))
        yield row


@event.listens_for(OrmSession, "after_flush")
def _after_flush(session: OrmSession, _context) -> None:
    pending = None
    for obj in (*session.new, *session.dirty, *session.deleted):
        found = SEARCHABLE.get(type(obj))
        if found is None:
            continue
        entries, columns = found
        state = inspect(obj)
        if obj in session.new:
            if isinstance(obj, _NEW_CHANGES_NOTHING):
                continue
        elif obj not in session.deleted:
            names = columns or [a.key for a in state.mapper.column_attrs]
            if not any(state.attrs[name].history.has_changes() for name in names):
                continue
        pending = pending if pending is not None else _pending(session)
        _add(pending, entries(lambda name, state=state: _value(state, name)))
        # The values before this flush too: a draft moved to another resolution changes
        # the one it left.
        _add(pending, entries(lambda name, state=state: _value(state, name, before=True)))


def _value(state, name: str, *, before: bool = False):
    """A column's value, without loading anything (a deleted row cannot be read)."""
    if before:
        deleted = state.attrs[name].history.deleted
        if deleted:
            return deleted[0]
    if name in state.dict:
        return state.dict[name]
    keys = [c.key for c in state.mapper.primary_key]
    if name in keys and state.identity:
        return state.identity[keys.index(name)]
    return None


@event.listens_for(OrmSession, "before_commit")
def _before_commit(session: OrmSession) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: its notes are written when the whole transaction commits
    if not session._is_clean():
        session.flush()  # the commit's own flush comes after this event
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    if EVERYTHING in pending:
        pending = {EVERYTHING}
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    now = datetime.now(UTC)
    connection.execute(insert(SearchChange), [{"kind": kind, "key": key, "created_at": now}
                                              for kind, key in sorted(pending)])


@event.listens_for(OrmSession, "after_soft_rollback")
def _after_rollback(session: OrmSession, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the whole transaction, not a savepoint
        session.info.pop(_PENDING, None)


# --- reading the log --------------------------------------------------------------------


def bounds(session: Session) -> tuple[int | None, int]:
    """The first position the log still holds (None when empty) and the last (0)."""
    first, last = session.exec(select(func.min(SearchChange.id),
                                      func.max(SearchChange.id))).one()
    return first, last or 0


def changes_after(session: Session, position: int, limit: int) -> list[SearchChange]:
    return list(session.exec(select(SearchChange).where(SearchChange.id > position)
                             .order_by(SearchChange.id).limit(limit)))


def named_since(session: Session, position: int) -> tuple[set[int], set[str]]:
    """The communications and resolutions the log names after `position`."""
    ids: set[int] = set()
    symbols: set[str] = set()
    for kind, key in session.exec(select(SearchChange.kind, SearchChange.key).where(
            SearchChange.id > position,
            SearchChange.kind.in_(("communication", "resolution")))):
        if kind == "communication":
            ids.add(int(key))
        else:
            symbols.add(key)
    return ids, symbols


def oldest_after(session: Session, position: int) -> datetime | None:
    """When the first change after `position` was written: how long a node has lagged."""
    moment = session.exec(select(SearchChange.created_at).where(
        SearchChange.id > position).order_by(SearchChange.id).limit(1)).first()
    if moment is not None and moment.tzinfo is None:  # SQLite gives back naive UTC times
        moment = moment.replace(tzinfo=UTC)
    return moment


def prune(session: Session, *, keep: timedelta) -> int:
    """Delete the changes older than `keep`, never the newest (positions go on from it); a
    node whose position is older than what is left rebuilds its index. Commits."""
    _first, last = bounds(session)
    cutoff = datetime.now(UTC) - keep
    done = session.execute(delete(SearchChange).where(
        SearchChange.created_at < cutoff, SearchChange.id < last)).rowcount
    session.commit()
    return done
