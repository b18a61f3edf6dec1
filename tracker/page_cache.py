"""What public pages compute from the whole database, the same for every reader, kept in
each process until the data it comes from changes.

A State's page needs every draft family's resolution, day and sponsoring groups; the
dashboard needs the co-sponsorship matrix. Both read thousands of rows once the catalogue
is in, and neither depends on who asks or on which State. They are computed once per
process and data version, and kept while the version stands.

The version is the newest position in the search change log (tracker.changelog) of a
change to anything but a communication: every write to resolutions, drafts,
sponsorships, votes, States' names and memberships, regions and groups appends one, on
any node, in the same transaction as the write. Letters (the bulk of an import) write
"communication" changes, which leave these figures as they are, so pages stay cached
while 50,000 letters come in. Each process remembers the last position it looked at and
reads only the log after it: one index range scan per request, whatever the log's length.

Only public data goes in (nothing of the case register), keyed by what varies it (a
language, for rendered HTML); a few entries per app, the oldest dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from flask import current_app, has_request_context, request
from sqlalchemy import case, func
from sqlmodel import Session, select

from tracker.models import SearchChange

MAX_ENTRIES = 32
# The kind of change that never alters what is cached here (see the docstring).
_LETTERS = "communication"
_MEMO = "tracker.page_cache.version"


@dataclass
class _Cache:
    seen: int = 0  # the last log position this process has read
    version: int = 0  # the newest change before `seen` that is not a letter's
    entries: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _cache() -> _Cache:
    return current_app.extensions.setdefault("page_cache", _Cache())


def _after(session: Session, position: int) -> tuple[int | None, int | None]:
    """The newest change after `position`, and the newest of those not a letter's."""
    return session.exec(select(
        func.max(SearchChange.id),
        func.max(case((SearchChange.kind != _LETTERS, SearchChange.id)))
    ).where(SearchChange.id > position)).one()


def data_version(session: Session) -> int:
    """The position of the newest change, other than a letter's, in the change log; read
    once per request."""
    # Kept on the request, not on `g`: an app context may outlive many requests.
    memo = request.environ if has_request_context() else {}
    if _MEMO in memo:
        return memo[_MEMO]
    cache = _cache()
    seen = cache.seen
    newest, other = _after(session, seen)
    if newest is None and seen:
        # Nothing new; but a log emptied and begun again (a new database under the same
        # app, as the tests make) must not keep the old figures: read it from the start.
        last = session.exec(select(func.max(SearchChange.id))).one() or 0
        if last < seen:
            with cache.lock:
                cache.seen, cache.version = 0, 0
                cache.entries.clear()
            newest, other = _after(session, 0)
    with cache.lock:
        cache.seen = max(cache.seen, newest or 0)
        cache.version = max(cache.version, other or 0)
        memo[_MEMO] = cache.version
    return cache.version


def cached(session: Session, name: str, key: Hashable, compute: Callable[[], object]):
    """`compute()`, or what it gave in this process for this name, key and data version."""
    cache = _cache()
    full = (name, key, data_version(session))
    with cache.lock:
        if full in cache.entries:
            cache.entries.move_to_end(full)
            return cache.entries[full]
    value = compute()  # outside the lock: two threads may both compute, harmlessly
    with cache.lock:
        cache.entries[full] = value
        cache.entries.move_to_end(full)
        while len(cache.entries) > MAX_ENTRIES:
            cache.entries.popitem(last=False)
    return value
