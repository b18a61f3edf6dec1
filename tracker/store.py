"""Idempotent upserts on natural keys, shared by reference data and every importer."""

import itertools
from datetime import date, datetime
from functools import lru_cache

from sqlmodel import Session, SQLModel, select

from tracker.changelog import note_rows


def upsert(session: Session, model: type[SQLModel], key: dict, values: dict):
    """Insert or update the row with this natural key; return (row, outcome).

    outcome is "saved" (new), "updated" (a value changed) or "unchanged", so a run
    twice over the same input reports nothing new and writes nothing.
    """
    stmt = select(model)
    for name, value in key.items():
        stmt = stmt.where(getattr(model, name) == value)
    row = session.exec(stmt).first()
    if row is None:
        row = model(**key, **values)
        session.add(row)
        session.flush()
        return row, "saved"
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    if changed:
        session.add(row)
        session.flush()
        return row, "updated"
    return row, "unchanged"


def upsert_all(session: Session, model: type[SQLModel], key_fields: tuple[str, ...],
               rows: list[dict]) -> dict[str, int]:
    """Upsert many rows with one read of the table; return counts by outcome.

    For tables small enough to hold in memory (reference data), this does in a few
    statements what `upsert` does in two per row.
    """
    existing = {tuple(getattr(r, f) for f in key_fields): r
                for r in session.exec(select(model)).all()}
    counts = {"saved": 0, "updated": 0, "unchanged": 0}
    new = []
    for values in rows:
        key = tuple(values[f] for f in key_fields)
        row = existing.get(key)
        if row is None:
            row = model(**values)
            existing[key] = row
            new.append(row)
            counts["saved"] += 1
            continue
        changed = [f for f, v in values.items() if getattr(row, f) != v]
        for f in changed:
            setattr(row, f, values[f])
        counts["updated" if changed else "unchanged"] += 1
    session.add_all(new)
    session.flush()
    return counts


def begin_write(session: Session) -> None:
    """Take SQLite's write lock now, waiting for it, before the transaction reads anything.

    A transaction that first reads and later writes holds a snapshot; if another
    connection commits in between, SQLite refuses the write at once ("database is
    locked") instead of waiting. Batches commit often and the web app writes meanwhile,
    so an import or scrape takes the lock first. PostgreSQL needs nothing.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection \
            .in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def chunks(items, size: int = 500):
    """Yield lists of at most `size` items: an IN (…) list the drivers accept everywhere."""
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def bulk_insert(session: Session, model: type[SQLModel], rows) -> None:
    """Insert many new rows through the driver's executemany, in the session's transaction.

    SQLAlchemy's per-row parameter processing was most of a catalogue import's time
    (bench/ingest.py); the driver takes plain values. SQLite gets the text forms SQLAlchemy
    itself writes for dates and times, PostgreSQL the Python objects.
    """
    # A list or a generator of dicts, all with the same keys; noted in the search change
    # log as they are written, as the ORM's writes are.
    rows = note_rows(session, model, iter(rows))
    first = next(rows, None)
    if first is None:
        return
    rows = itertools.chain([first], rows)
    table = model.__table__
    columns = [c.name for c in table.columns if c.name in first]
    connection = session.connection()
    cursor = connection.connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    if connection.dialect.name == "sqlite":
        # Convert by column type, once per distinct value: a batch shares its timestamps.
        convert = [_SQLITE_CONVERT.get(type(table.c[c].type).__name__) for c in columns]
        pairs = list(zip(columns, convert, strict=True))
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'  # noqa: S608
        cursor.executemany(sql, (tuple(f(r[c]) if f and r[c] is not None else r[c]
                                       for c, f in pairs) for r in rows))
    else:
        marks = ", ".join(f"%({c})s" for c in columns)
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'  # noqa: S608
        cursor.executemany(sql, rows)
    cursor.close()


@lru_cache(maxsize=64)
def _sqlite_datetime(value: datetime) -> str:
    """The text SQLAlchemy's SQLite dialect writes for a DateTime (UTC, no offset)."""
    return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


_SQLITE_CONVERT = {"DateTime": _sqlite_datetime, "DATETIME": _sqlite_datetime,
                   "Date": date.isoformat, "DATE": date.isoformat, "Boolean": int,
                   "BOOLEAN": int}
