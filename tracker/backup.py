"""Encrypted backups: the whole database and the instance's settings in one file.

The file is a header followed by AES-256-GCM chunks. The key comes from a passphrase
through scrypt (its parameters and salt are in the header). Each chunk's nonce is a random
prefix and the chunk's number, and its associated data hold the header, the number and
whether it is the last chunk: a chunk moved, dropped, altered or cut off does not
authenticate. Chunks are 1 MiB, so neither writing nor reading holds the database in memory.

Inside, zlib-compressed, is a stream of JSON lines: for each table of SQLModel.metadata an
object line naming the table and its columns, then one array line per row; then one line per
settings file; then the manifest (format, versions, dialect, and per table its row count and
the sha256 of its row lines), which comes last because it is known only at the end.

Restoring reads the file twice: once to check everything (every chunk, every row's types,
the manifest and every hash) without writing, then again to write all rows in one
transaction, which commits only if the second reading checks out as well.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import os
import secrets
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    Table,
    TypeDecorator,
    func,
    literal,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from tracker import models  # noqa: F401 - registers the tables on SQLModel.metadata
from tracker.migrate import upgrade_database

MAGIC = b"GTBACKUP"
FORMAT = 1
CHUNK_SIZE = 1 << 20
TAG_SIZE = 16
# magic, format, scrypt log2(n), r, p, salt, nonce prefix, chunk size, key check
_HEADER = struct.Struct(">8sBBBB16s8sI16s")
_MAX_SCRYPT_MEMORY = 1 << 30  # a forged header must not make restore allocate more
_MAX_SETTINGS_FILE = 1 << 20  # settings are small; a big file in instance/ is not one
_BATCH = 1000
WRONG_PASSPHRASE = "wrong passphrase, or not a Geneva Tracker backup"  # noqa: S105


class BackupError(RuntimeError):
    """The backup cannot be written or restored; the message says why, for a person."""


@dataclass(frozen=True)
class Kdf:
    """scrypt's cost: 2**17 × 8 takes 128 MiB and about half a second, once per run."""

    log2_n: int = 17
    r: int = 8
    p: int = 1


@dataclass
class Summary:
    """What a backup holds, or what a restore wrote."""

    manifest: dict
    files: dict[str, bytes] = field(default_factory=dict)
    skipped_files: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(t["rows"] for t in self.manifest["tables"].values())


# --- Encryption ------------------------------------------------------------------------


@functools.lru_cache(maxsize=2)  # restore reads the file twice: derive the key once
def _derive(passphrase: str, salt: bytes, kdf: Kdf) -> bytes:
    return Scrypt(salt=salt, length=32, n=2 ** kdf.log2_n, r=kdf.r, p=kdf.p).derive(
        passphrase.encode("utf-8"))


def _key_check(key: bytes) -> bytes:
    # Tells a wrong passphrase from a damaged file; as costly to guess from as a chunk.
    return hmac.new(key, b"geneva-tracker backup key check", hashlib.sha256).digest()[:16]


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(4, "big")


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


class _EncryptingWriter:
    """Compress, cut into chunks, seal each one; `close` seals the last (maybe empty) chunk."""

    def __init__(self, out, passphrase: str, kdf: Kdf, chunk_size: int = CHUNK_SIZE):
        salt, self.prefix = secrets.token_bytes(16), secrets.token_bytes(8)
        key = _derive(passphrase, salt, kdf)
        self.header = _HEADER.pack(MAGIC, FORMAT, kdf.log2_n, kdf.r, kdf.p, salt, self.prefix,
                                   chunk_size, _key_check(key))
        self.out, self.aes, self.chunk_size = out, AESGCM(key), chunk_size
        self.zip = zlib.compressobj(6)
        self.buffer, self.index = bytearray(), 0
        out.write(self.header)

    def write(self, data: bytes) -> None:
        self.buffer += self.zip.compress(data)
        # Strictly more than a chunk: the last chunk is sealed by close(), never here.
        while len(self.buffer) > self.chunk_size:
            self._seal(bytes(self.buffer[:self.chunk_size]), last=False)
            del self.buffer[:self.chunk_size]

    def close(self) -> None:
        self.buffer += self.zip.flush()
        while len(self.buffer) > self.chunk_size:
            self._seal(bytes(self.buffer[:self.chunk_size]), last=False)
            del self.buffer[:self.chunk_size]
        self._seal(bytes(self.buffer), last=True)

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self.out.write(self.aes.encrypt(_nonce(self.prefix, self.index), plain,
                                        _aad(self.header, self.index, last)))
        self.index += 1


def _read_header(f, passphrase: str) -> tuple[bytes, AESGCM, bytes, int]:
    header = f.read(_HEADER.size)
    if len(header) < _HEADER.size or not header.startswith(MAGIC):
        raise BackupError("not a Geneva Tracker backup (it does not begin as one does)")
    _magic, version, log2_n, r, p, salt, prefix, chunk_size, check = _HEADER.unpack(header)
    if version != FORMAT:
        raise BackupError(f"this backup has format {version}; this version of Geneva Tracker "
                          f"reads format {FORMAT}: restore it with the version that made it")
    if not (1 <= log2_n <= 30 and r >= 1 and p >= 1 and 0 < chunk_size <= 64 * CHUNK_SIZE) \
            or 128 * r * 2 ** log2_n > _MAX_SCRYPT_MEMORY or p > 16:
        raise BackupError("the backup's header is damaged (impossible key parameters)")
    key = _derive(passphrase, salt, Kdf(log2_n, r, p))
    if not hmac.compare_digest(_key_check(key), check):
        raise BackupError(WRONG_PASSPHRASE)
    return header, AESGCM(key), prefix, chunk_size


def _plaintext(path: Path, passphrase: str) -> Iterator[bytes]:
    """Yield the decrypted, decompressed stream; raise BackupError at the first bad chunk."""
    with open(path, "rb") as f:
        header, aes, prefix, chunk_size = _read_header(f, passphrase)
        unzip = zlib.decompressobj()
        size, index = chunk_size + TAG_SIZE, 0
        current = f.read(size)
        while True:
            following = f.read(size)
            last = not following
            try:
                plain = aes.decrypt(_nonce(prefix, index), current, _aad(header, index, last))
            except InvalidTag:
                raise BackupError(_damage(aes, prefix, header, index, current, last)) from None
            try:
                yield unzip.decompress(plain)
                if last:
                    tail = unzip.flush()
                    if not unzip.eof:
                        raise BackupError("the backup is damaged (its contents end early)")
                    yield tail
            except zlib.error:
                raise BackupError("the backup is damaged (its contents do not decompress)"
                                  ) from None
            if last:
                return
            current, index = following, index + 1


def _damage(aes, prefix, header, index, data, last) -> str:
    if last:
        try:  # a whole chunk that is fine but not marked last: the file was cut short
            aes.decrypt(_nonce(prefix, index), data, _aad(header, index, False))
            return "the backup is incomplete: the file was cut short"
        except InvalidTag:
            pass
        if len(data) < TAG_SIZE:
            return "the backup is incomplete: the file was cut short"
    return (f"the backup is damaged or was altered (part {index + 1} does not "
            "authenticate), or it was cut short")


# --- Values ------------------------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    # SQLite gives back naive values for timezone-aware columns; the app writes UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _codec(table: Table, column) -> tuple[Callable, Callable]:
    """(to JSON, from JSON) for a column, by its type, so values cross dialects."""
    kind = column.type
    if isinstance(kind, TypeDecorator):  # sqlmodel's AutoString is a String underneath
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        if kind.timezone:
            return (lambda v: _utc(v).isoformat()), (lambda v: _utc(datetime.fromisoformat(v)))
        return (lambda v: v.isoformat()), datetime.fromisoformat
    if isinstance(kind, Date):
        return (lambda v: v.isoformat()), date.fromisoformat
    if isinstance(kind, Boolean):
        return bool, _strict(bool)
    if isinstance(kind, Integer):
        return int, _strict(int)
    if isinstance(kind, Float | Numeric):
        return float, _strict(float, int)
    if isinstance(kind, String):
        return str, _strict(str)
    raise BackupError(f"{table.name}.{column.name}: the backup does not know the type "
                      f"{kind!r}")


def _strict(*kinds):
    def check(value):
        if not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds:
            raise ValueError(f"{value!r} is not {kinds[0].__name__}")
        return value
    return check


def _nullable(convert):
    return lambda v: None if v is None else convert(v)


def _line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


# --- Settings files ----------------------------------------------------------------------


_SQLITE_MAGIC = b"SQLite format 3\x00"
_DERIVED = (".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db", ".partial")


def settings_files(instance_path: str | Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The settings in instance/ (config.py, case.key, …): its top-level files, except
    databases, backups and anything large. Folders (index/, cache/, exports/) are derived
    data. Returns (name -> content, name -> why it was left out)."""
    kept, skipped = {}, {}
    folder = Path(instance_path)
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        name = path.name
        if not path.is_file() or name.startswith("."):
            continue
        if name.endswith(_DERIVED) or name.endswith(("-wal", "-shm", "-journal")):
            skipped[name] = "a database file or a backup being written"
            continue
        if path.stat().st_size > _MAX_SETTINGS_FILE:
            skipped[name] = "larger than a settings file (1 MiB)"
            continue
        data = path.read_bytes()
        if data.startswith((_SQLITE_MAGIC, MAGIC)):
            skipped[name] = "a database or a backup"
            continue
        kept[name] = data
    return kept, skipped


# --- Writing -----------------------------------------------------------------------------


def _snapshot(conn: Connection) -> None:
    """Read every table as of one moment, while the app goes on writing."""
    if conn.dialect.name == "sqlite":
        # pysqlite begins transactions only before writes; a read snapshot needs BEGIN.
        conn.exec_driver_sql("BEGIN")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def write_backup(engine: Engine, out_path: str | Path, passphrase: str, *,
                 instance_path: str | Path, app_version: str = "unknown",
                 kdf: Kdf = Kdf(), chunk_size: int = CHUNK_SIZE) -> Summary:
    """Write every table and the settings files to `out_path`, encrypted; the file appears
    whole or not at all (it is written beside it, readable by its owner only, then renamed)."""
    if not passphrase:
        raise BackupError("the passphrase is empty")
    out_path = Path(out_path)
    files, skipped = settings_files(instance_path)
    partial = out_path.with_name(out_path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            writer = _EncryptingWriter(out, passphrase, kdf, chunk_size)
            tables = {}
            with engine.connect() as conn:
                _snapshot(conn)
                for table in SQLModel.metadata.sorted_tables:
                    tables[table.name] = _write_table(conn, table, writer)
                conn.rollback()
            for name, data in files.items():
                writer.write(_line({"section": "file", "name": name,
                                    "data": base64.b64encode(data).decode("ascii")}))
            manifest = {
                "section": "manifest", "format": FORMAT, "app_version": app_version,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "dialect": engine.dialect.name, "tables": tables,
                "files": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()},
            }
            writer.write(_line(manifest))
            writer.close()
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Summary(manifest, files, skipped)


def _write_table(conn: Connection, table: Table, writer: _EncryptingWriter) -> dict:
    columns = list(table.columns)
    encoders = [_nullable(_codec(table, c)[0]) for c in columns]
    writer.write(_line({"section": "table", "name": table.name,
                        "columns": [c.name for c in columns]}))
    digest, rows = hashlib.sha256(), 0
    query = select(table).order_by(*table.primary_key.columns)
    for row in conn.execution_options(yield_per=2000).execute(query):
        line = _line([encode(value) for encode, value in zip(encoders, row, strict=True)])
        digest.update(line)
        writer.write(line)
        rows += 1
    return {"rows": rows, "sha256": digest.hexdigest()}


# --- Reading and checking ----------------------------------------------------------------


def _lines(path: Path, passphrase: str) -> Iterator[bytes]:
    pending = b""
    for piece in _plaintext(path, passphrase):
        pending += piece
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line + b"\n"
    if pending:
        raise BackupError("the backup is damaged (its last line is incomplete)")


class _Reader:
    """Walk an archive's contents, checking each table against the current schema, each
    value against its column's type, and at the end every count and hash in the manifest.

    `rows(table, batch)` receives decoded rows as dicts; nothing is trusted before finish().
    """

    def __init__(self, rows: Callable[[Table, list[dict]], None] | None = None):
        self.tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
        self.sink = rows or (lambda table, batch: None)
        self.seen: dict[str, dict] = {}
        self.files: dict[str, bytes] = {}
        self.manifest: dict | None = None

    def read(self, path: Path, passphrase: str) -> Summary:
        table = digest = None
        for number, line in enumerate(_lines(path, passphrase), start=1):
            if self.manifest is not None:
                raise BackupError("the backup is damaged (something follows its manifest)")
            try:
                item = json.loads(line)
            except ValueError:
                raise BackupError(f"the backup is damaged (line {number} is not JSON)") from None
            if isinstance(item, list):
                if table is None:
                    raise BackupError(f"the backup is damaged (line {number}: a row outside "
                                      "a table)")
                digest.update(line)
                self._row(table, item, number)
                continue
            if table is not None:
                self._end_table(table, digest)
                table = digest = None
            section = item.get("section") if isinstance(item, dict) else None
            if section == "table":
                table, digest = self._begin_table(item, number), hashlib.sha256()
            elif section == "file":
                self._file(item)
            elif section == "manifest":
                self.manifest = item
            else:
                raise BackupError(f"the backup holds something this version does not know "
                                  f"(line {number}): restore it with the version that made it")
        return self._finish()

    def _begin_table(self, item: dict, number: int):
        name, columns = item.get("name"), item.get("columns")
        table = self.tables.get(name)
        if table is None or name in self.seen:
            raise BackupError(f"the backup's table {name!r} is unknown to this version of "
                              "Geneva Tracker, or comes twice")
        unknown = set(columns) - set(table.columns.keys())
        if unknown:
            raise BackupError(f"the backup's table {name} has columns this version does not "
                              f"have ({', '.join(sorted(unknown))})")
        self.seen[name] = {"rows": 0}
        self._columns = columns
        self._decoders = [_nullable(_codec(table, table.columns[c])[1]) for c in columns]
        self._batch = []
        return table

    def _row(self, table: Table, values: list, number: int) -> None:
        if len(values) != len(self._columns):
            raise BackupError(f"the backup is damaged (line {number}: {len(values)} values "
                              f"for {len(self._columns)} columns of {table.name})")
        try:
            row = {c: decode(v) for c, decode, v in zip(self._columns, self._decoders, values,
                                                         strict=True)}
        except (TypeError, ValueError) as exc:
            raise BackupError(f"the backup is damaged (line {number}, table {table.name}: "
                              f"{exc})") from None
        self._batch.append(row)
        self.seen[table.name]["rows"] += 1
        if len(self._batch) >= _BATCH:
            self.sink(table, self._batch)
            self._batch = []

    def _end_table(self, table: Table, digest) -> None:
        if self._batch:
            self.sink(table, self._batch)
            self._batch = []
        self.seen[table.name]["sha256"] = digest.hexdigest()

    def _file(self, item: dict) -> None:
        name = item.get("name")
        if not isinstance(name, str) or not name or "/" in name or "\\" in name \
                or name.startswith("."):
            raise BackupError(f"the backup names a settings file {name!r} that cannot be "
                              "written safely")
        try:
            self.files[name] = base64.b64decode(item["data"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise BackupError(f"the backup is damaged (settings file {name})") from None

    def _finish(self) -> Summary:
        manifest = self.manifest
        if manifest is None:
            raise BackupError("the backup is damaged (it has no manifest)")
        if manifest.get("format") != FORMAT:
            raise BackupError(f"the backup's manifest has format {manifest.get('format')}; "
                              f"this version reads {FORMAT}")
        if manifest.get("tables") != self.seen:
            listed = manifest.get("tables") or {}
            wrong = sorted(n for n in set(listed) | set(self.seen)
                           if listed.get(n) != self.seen.get(n))
            raise BackupError("the backup is damaged: tables differ from its manifest ("
                              + ", ".join(wrong) + ")")
        hashes = {n: hashlib.sha256(d).hexdigest() for n, d in self.files.items()}
        if manifest.get("files") != hashes:
            raise BackupError("the backup is damaged: settings files differ from its manifest")
        return Summary(manifest, self.files)


def verify_backup(path: str | Path, passphrase: str) -> Summary:
    """Read the whole archive and check it, writing nothing; raise BackupError if not sound."""
    return _Reader().read(Path(path), passphrase)


# --- Restoring the database ----------------------------------------------------------


def _filled(conn: Connection) -> dict[str, int]:
    filled = {}
    for table in SQLModel.metadata.sorted_tables:
        if conn.execute(select(literal(1)).select_from(table).limit(1)).first():
            filled[table.name] = conn.execute(select(func.count()).select_from(table)).scalar()
    return filled


def _empty(conn: Connection) -> None:
    """Empty every table in the restore's transaction, the audit log included."""
    tables = SQLModel.metadata.sorted_tables
    if conn.dialect.name == "postgresql":
        # TRUNCATE fires no row triggers, so the audit log's refusal of DELETE stays in place.
        names = ", ".join(conn.dialect.identifier_preparer.format_table(t) for t in tables)
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
        return
    triggers = []
    if conn.dialect.name == "sqlite":
        # The audit log's triggers refuse DELETE: lift them inside the transaction only.
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
        for name, _sql in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for table in reversed(tables):
        conn.execute(table.delete())
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


def _reset_sequences(conn: Connection) -> None:
    """Make PostgreSQL's next ids follow the restored ones (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    for table in SQLModel.metadata.sorted_tables:
        column = table.autoincrement_column
        if column is None:
            continue
        name = conn.dialect.identifier_preparer.format_table(table)  # "user" is quoted
        conn.execute(select(func.setval(func.pg_get_serial_sequence(name, column.name),
                                        func.coalesce(func.max(column), 0) + 1, False)))


def restore_database(engine: Engine, path: str | Path, passphrase: str, *,
                     replace: bool = False, verified: Summary | None = None) -> Summary:
    """Check the archive, then write its rows into `engine`'s database in one transaction.

    The schema is first brought to the newest revision. A database holding any row is
    refused unless `replace`, which empties it in the same transaction: if anything fails,
    nothing changed.
    """
    path = Path(path)
    summary = verified or verify_backup(path, passphrase)
    # A fresh instance's schema comes from the revisions, as `tracker init-db` makes it.
    upgrade_database(engine)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # One write transaction from the first statement (pysqlite would begin only at
            # the first INSERT and let the DDL of _empty commit on its own).
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            filled = _filled(conn)
            if filled and not replace:
                what = ", ".join(f"{name} {n}" for name, n in filled.items())
                raise BackupError(
                    f"the database is not empty ({what} rows): restore into an empty "
                    "database, or add --replace to empty it first (its rows, audit log "
                    "included, are then lost; if it holds only what `tracker init-db` "
                    "loads, nothing of yours is)")
            if filled:
                _empty(conn)
            _Reader(lambda table, batch: conn.execute(table.insert(), batch)).read(
                path, passphrase)
            _reset_sequences(conn)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    return summary


# --- Restoring the settings files -----------------------------------------------------


def plan_settings(files: dict[str, bytes], instance_path: str | Path, *,
                  replace: bool = False) -> dict[str, str]:
    """Decide, for each settings file in the backup, write | same | keep | replace.

    Files are written only where absent. A different case.key is refused unless
    `replace`: the restored names and notes would not open with the one there. Another
    file that differs (say this machine's config.py) is kept.
    """
    from tracker.casekey import KEY_FILE

    plan = {}
    for name, data in files.items():
        target = Path(instance_path) / name
        if not target.exists():
            plan[name] = "write"
        elif target.read_bytes() == data:
            plan[name] = "same"
        elif name == KEY_FILE and not replace:
            raise BackupError(
                f"{target} holds another case key than the backup's: the restored names "
                "and notes would not open with it. Move it away, or add --replace to put "
                "the backup's in its place (what the other key encrypted is then unreadable)")
        else:
            plan[name] = "replace" if name == KEY_FILE else "keep"
    return plan


def write_settings(files: dict[str, bytes], plan: dict[str, str],
                   instance_path: str | Path, action: str) -> list[Path]:
    """Write the files planned for `action` (write: before the database, since the app
    needs config.py to start; replace: after it committed), readable by their owner only."""
    written = []
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    for name, planned in plan.items():
        if planned != action:
            continue
        target = folder / name
        partial = target.with_name(target.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(files[name])
        os.replace(partial, target)
        written.append(target)
    return written
