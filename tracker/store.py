"""Idempotent upserts on natural keys, shared by reference data and every importer."""

from datetime import date, datetime

from sqlmodel import Session, SQLModel, select


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


def bulk_insert(session: Session, model: type[SQLModel], rows: list[dict]) -> None:
    """Insert many new rows through the driver's executemany, in the session's transaction.

    SQLAlchemy's per-row parameter processing was most of a catalogue import's time
    (bench/ingest.py); the driver takes plain values. SQLite gets the text forms SQLAlchemy
    itself writes for dates and times, PostgreSQL the Python objects.
    """
    if not rows:
        return
    table = model.__table__
    columns = [c.name for c in table.columns if c.name in rows[0]]
    connection = session.connection()
    cursor = connection.connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    if connection.dialect.name == "sqlite":
        # Table and column names come from our models, never from input.
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'  # noqa: S608
        cursor.executemany(sql, (tuple(_sqlite_value(r[c]) for c in columns) for r in rows))
    else:
        marks = ", ".join(f"%({c})s" for c in columns)
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'  # noqa: S608
        cursor.executemany(sql, rows)
    cursor.close()


def _sqlite_value(value):
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
