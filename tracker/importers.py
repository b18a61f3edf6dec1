"""`tracker import`: detect a file's format and send it through the matching parser.

Formats: the OHCHR sample JSON, the tracker's communications CSV export, a saved
CommunicationSent page (HTML), MARCXML from the Digital Library, the Library's GA votes
CSV, the catalogue's drafts and authors CSVs, OHCHR's session table (HTML), and a
session report as PDF or text.

A file is read and parsed whole before anything is written: one that cannot be read fails
with a line naming it (and the line or record where known), writes nothing, and the other
files go on. Its records are then stored in batches of about half a second, each its own
transaction, so a long import never holds SQLite's write lock for long; bad records inside
a batch are skipped and listed. If a batch fails, the batches before it stay: "nothing
is lost" means that importing the file again (upserts are idempotent) finishes the job.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlmodel import Session

from scrapers import BadInput, ScraperError, hrc, unbis, undl
from scrapers import communications as comms
from tracker.config import DEFAULTS
from tracker.ingest import (
    Tally,
    record_source,
    store_communications,
    store_drafts,
    store_hrc_terms,
    store_resolutions,
    store_votes,
)
from tracker.quality import note_skipped
from tracker.resolver import StateResolver
from tracker.store import begin_write

log = logging.getLogger(__name__)

# Seconds a batch should take; a batch holds SQLite's single write lock for about that long.
TARGET_BATCH_SECONDS = 0.5
# Room left between batches for other SQLite writers (see Batches).
SQLITE_PAUSE_SECONDS = 0.12

FORMATS = {
    "communications-json": "OHCHR communications as JSON (the shape of shared/samples/ohchr)",
    "communications-csv": "the tracker's own communications CSV export",
    "communications-html": "a saved CommunicationSent listing page",
    "marcxml": "Digital Library MARCXML (records or search results)",
    "ga-votes-csv": "the Digital Library's bulk CSV of GA recorded votes",
    "catalogue-drafts-csv": "UN catalogue drafts CSV (title with sponsors, notes)",
    "catalogue-authors-csv": "UN catalogue authors CSV (one row per draft and sponsor)",
    "hrc-session-html": "OHCHR's table of texts adopted at an HRC session",
    "hrc-report-pdf": "an HRC session report (A/HRC/<n>/2) as PDF",
    "hrc-report-text": "an HRC session report as plain text",
    "hrc-members-csv": "Human Rights Council terms: columns iso3, term_start, term_end",
}


def detect_format(path: Path, data: bytes) -> str:
    """Name the format of a file from its extension and its first bytes."""
    suffix = path.suffix.lower()
    # Enough to tell formats apart; a character cut at byte 4000 or a stray byte must not
    # fail here, where the file's name and line cannot yet be given.
    head = data[:4000].decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if suffix == ".json" or head.startswith(("{", "[")):
        return "communications-json"
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return "hrc-report-pdf"
    if suffix == ".xml" or head.startswith("<?xml") or "MARC21/slim" in head:
        return "marcxml"
    if suffix in (".html", ".htm") or head.lower().startswith(("<!doctype html", "<html")):
        lowered = data.lower()
        is_listing = any(mark in lowered for mark in (b"data-id", b"communicationsent",
                                                     b"communications sent"))
        return "communications-html" if is_listing else "hrc-session-html"
    if suffix == ".txt":
        return "hrc-report-text"
    if suffix == ".csv":
        header = [h.strip().strip('"') for h in head.splitlines()[0].split(",")] if head else []
        kind = unbis.sniff(header)
        if kind:
            return f"catalogue-{kind}-csv"
        if "reference" in header and "mandates" in header:
            return "communications-csv"
        if {"iso3", "term_start", "term_end"} <= set(header):
            return "hrc-members-csv"
        try:
            undl.detect_ga_csv_version(header)
            return "ga-votes-csv"
        except BadInput:
            pass
        raise BadInput("CSV header matches no known format: " + ", ".join(header[:20]),
                       location=str(path))
    raise BadInput(f"cannot tell the format (extension {suffix or 'none'}); known formats: "
                   + "; ".join(FORMATS.values()), location=str(path))


@dataclass
class ImportFile:
    """A file, or a fetched page, to parse: `path` is its file path or URL."""

    path: Path | str
    data: bytes
    kind: str
    http_status: int | None = None
    fetched_at: datetime | None = None


def _session_number(text: str, path: Path, given: int | None) -> int:
    if given:
        return given
    name = Path(str(path)).name
    m = re.search(r"A/HRC/(\d+)/L\.", text) or re.search(r"session[-_ ]?(\d+)", name, re.I)
    if not m:
        raise BadInput("cannot tell which HRC session this table is; pass --session N",
                       location=str(path))
    return int(m.group(1))


@dataclass
class Parsed:
    """What one file held, read and checked but not yet stored."""

    parser: str
    version: str
    communications: list = field(default_factory=list)
    resolutions: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def count(self) -> int:
        return (len(self.communications) + len(self.resolutions) + len(self.drafts)
                + len(self.votes) + len(self.terms) + len(self.skipped) + len(self.errors))


_PARSERS = {
    "communications-json": (comms, "communications.parse_sample_json"),
    "communications-csv": (comms, "communications.parse_export_csv"),
    "communications-html": (comms, "communications.parse_listing"),
    "marcxml": (undl, "undl.parse_marcxml"), "ga-votes-csv": (undl, "undl.parse_ga_votes_csv"),
    "catalogue-drafts-csv": (unbis, "unbis.parse_drafts_csv"),
    "hrc-session-html": (hrc, "hrc.parse_session_table"),
    "hrc-report-pdf": (hrc, "hrc.parse_report_text"),
    "hrc-report-text": (hrc, "hrc.parse_report_text"),
    "hrc-members-csv": (hrc, "hrc.parse_terms_csv"),
}


def decode(data: bytes, location: str) -> str:
    """Decode a text file as UTF-8 or Windows-1252, or say which line holds neither."""
    try:
        return unbis.decode(data)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BadInput(f"line {line}: byte 0x{data[exc.start]:02x} is neither UTF-8 nor "
                       "Windows-1252 text", location=location) from None


def parse_item(item: ImportFile, resolver: StateResolver, *,
               authors: dict[str, list[str]] | None = None,
               hrc_session: int | None = None) -> Parsed:
    """Read one file into records without writing anything (the resolver only reads)."""
    location = str(item.path)
    module, parser = _PARSERS[item.kind]
    out = Parsed(parser, module.PARSER_VERSION)
    binary = item.kind in ("marcxml", "hrc-report-pdf")  # their parsers take the bytes
    text = "" if binary else decode(item.data, location)
    if item.kind == "communications-json":
        out.communications, out.errors = comms.parse_sample_json(text, location)
    elif item.kind == "communications-csv":
        out.communications, out.errors = comms.parse_export_csv(text, location)
    elif item.kind == "communications-html":
        out.communications, out.errors = comms.parse_listing_rows(text, location)
    elif item.kind == "marcxml":
        out.drafts, out.resolutions, out.votes, out.errors = undl.parse_marcxml(
            item.data, location, resolver.is_known)
    elif item.kind == "ga-votes-csv":
        out.votes, out.errors = undl.parse_ga_votes_csv(text, location)
    elif item.kind == "catalogue-drafts-csv":
        out.drafts, out.errors, out.skipped = unbis.parse_drafts_csv(
            text, location, authors, resolver.is_known)
    elif item.kind == "hrc-session-html":
        number = _session_number(text, item.path, hrc_session)
        out.resolutions, out.errors = hrc.parse_session_table(text, number, location)
    elif item.kind == "hrc-members-csv":
        out.terms, out.errors = hrc.parse_terms_csv(text, location)
    elif item.kind in ("hrc-report-pdf", "hrc-report-text"):
        body = hrc.pdf_text(item.data, location) if item.kind == "hrc-report-pdf" else text
        out.drafts, out.votes, out.errors = hrc.parse_report_text(body, location,
                                                                  resolver.is_known)
    return out


class Batches:
    """Cut a file's records into transactions that each take about `target` seconds.

    SQLite has one writer: a transaction holding its lock for a minute made a brief saved
    meanwhile fail after 30 s (bench/write_lock.py). The next batch's size follows the
    last one's pace, since a record costs 0.1 ms in one format and 5 ms in another.

    Between batches it pauses `pause` seconds: a waiting SQLite writer polls for the lock
    every 100 ms at worst, and without a gap the next batch took the lock first, again
    and again, so the waiter starved as before (60 s in bench/write_lock.py).
    """

    def __init__(self, first: int = 50, target: float = TARGET_BATCH_SECONDS,
                 pause: float = 0.0):
        self.size, self.target, self.pause = max(1, first), target, pause

    def over(self, units: list[list]):
        """Yield runs of whole units (a unit is a record, or records that go together)."""
        i = 0
        while i < len(units):
            chunk = units[i:i + self.size]
            i += len(chunk)
            started = time.monotonic()
            yield chunk
            elapsed = time.monotonic() - started
            pace = self.target / max(elapsed, 1e-3)
            self.size = max(1, min(self.size * 4, int(self.size * pace)))
            if self.pause and i < len(units):
                time.sleep(self.pause)


class StoreStopped(ScraperError):
    """Storing a file stopped at a batch; the batches before it are committed."""


def _by_family(drafts: list) -> list[list]:
    # A family's drafts land in one batch: its sponsorship ledger and "the first record's
    # fields stand" for a document catalogued twice are read and decided per batch.
    groups: dict[str, list] = {}
    for d in drafts:
        groups.setdefault(d.family, []).append(d)
    return list(groups.values())


def store_parsed(session: Session, item: ImportFile, parsed: Parsed, tally: Tally,
                 resolver: StateResolver, *, batches: Batches | None = None,
                 progress=None, committed=None, code=None) -> None:
    """Store a parsed file in batches, each committed, so no write lock is held for long.

    A batch lands whole or not at all. When one fails, it is rolled back, the batches
    before it stay, and StoreStopped says where: upserts are idempotent, so importing the
    file again finishes the job. `committed()` hears of each commit (the run's heartbeat).
    `code(session, ids)` codes the communications a batch stored or changed, before the
    batch commits.
    """
    if batches is None:
        sqlite = session.connection().dialect.name == "sqlite"
        batches = Batches(pause=SQLITE_PAUSE_SECONDS if sqlite else 0.0)
    begin_write(session)
    source = record_source(session, location=str(item.path), content=item.data,
                           parser=parsed.parser, parser_version=parsed.version,
                           http_status=item.http_status, fetched_at=item.fetched_at)

    def skip(s, records, src):
        for record in records:
            tally.skip(record.reason)
            note_skipped(s, record, src)

    plan = [
        ([[r] for r in parsed.resolutions],
         lambda s, recs, src: store_resolutions(s, recs, tally, src)),
        (_by_family(parsed.drafts),
         lambda s, recs, src: store_drafts(s, recs, tally, src, resolver)),
        ([[v] for v in parsed.votes],
         lambda s, recs, src: store_votes(s, recs, tally, src, resolver)),
        ([[c] for c in parsed.communications],
         lambda s, recs, src: _store_and_code(s, recs, tally, src, code)),
        ([[t] for t in parsed.terms], lambda s, recs, src: store_hrc_terms(s, recs, tally)),
        ([[k] for k in parsed.skipped], skip),
    ]
    total = sum(len(u) for units, _ in plan for u in units)
    done = 0
    for units, store in plan:
        for chunk in batches.over(units):
            records = [r for unit in chunk for r in unit]
            before = tally.checkpoint()
            try:
                begin_write(session)
                store(session, records, source)
                session.commit()
            except Exception as exc:  # noqa: BLE001 - one file's trouble must not end the run
                session.rollback()
                tally.restore(before)
                log.debug("storing %s failed", item.path, exc_info=True)
                where = getattr(records[0], "location", None) or f"record {done + 1}"
                raise StoreStopped(
                    f"{item.path}: stopped at {where} ({exc.__class__.__name__}: "
                    f"{_first_line(exc)}); {done} of {total} records before it were stored, "
                    "importing the file again finishes it") from None
            done += len(records)
            if committed:
                committed()
            if progress:
                progress(done, total)
    session.commit()  # a file with no records still records its source


def _store_and_code(session, records, tally: Tally, source, code) -> None:
    if code is None:
        store_communications(session, records, tally, source)
        return
    # The batch's letters counted apart, then added: not a copy of the run's whole set
    # (50,000 ids) for every batch.
    run = tally.changed_communications
    tally.changed_communications = changed = set()
    try:
        store_communications(session, records, tally, source)
        if changed:
            code(session, changed)
    finally:
        run |= changed
        tally.changed_communications = run


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else "no message"


def import_one(session: Session, item: ImportFile, tally: Tally, *,
               authors: dict[str, list[str]] | None = None,
               hrc_session: int | None = None, progress=None, batches: Batches | None = None,
               committed=None, code=None) -> int:
    """Parse one file, then store it in committed batches; return how many records it held
    (stored or failed), so a scraper can tell a short last page.

    Raises ScraperError when the file cannot be read at all (nothing is written then),
    StoreStopped when storing stopped part-way. `progress(done, total)` hears of records
    as their batches are committed."""
    resolver = StateResolver(session)
    parsed = parse_item(item, resolver, authors=authors, hrc_session=hrc_session)
    store_parsed(session, item, parsed, tally, resolver, batches=batches, progress=progress,
                 committed=committed, code=code)
    for err in parsed.errors:
        if isinstance(err, undl.EncodingRepaired):
            # the records were stored; list the repair with the run without counting a failure
            tally.errors.append(f"warning: {err}")
            log.warning("%s", err)
        else:
            tally.fail(str(err))
    tally.unmatched.update({k: v for k, v in resolver.unmatched.items()
                            if k not in tally.unmatched})
    return parsed.count()


def read_file(path: Path, max_bytes: int) -> bytes:
    """Read a file to import, refusing one over `max_bytes` before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise BadInput(f"{size / 1e6:.1f} MB is over the import limit of {max_bytes / 1e6:.1f} "
                       "MB (the MAX_IMPORT_BYTES setting); split the file or raise the limit",
                       location=str(path))
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)  # a pipe or device has no size to check beforehand
    if len(data) > max_bytes:
        raise BadInput(f"more than the import limit of {max_bytes / 1e6:.1f} MB (the "
                       "MAX_IMPORT_BYTES setting)", location=str(path))
    return data


def _cannot_read(path, exc: BaseException) -> str:
    if isinstance(exc, ScraperError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return f"{path}: nested too deeply to read"
    if isinstance(exc, OSError):
        return f"{path}: cannot read ({exc.strerror or exc})"
    return f"{path}: cannot be read ({exc.__class__.__name__}: {_first_line(exc)})"


def import_files(paths: list[Path], session_factory: Callable[[], Session], tally: Tally, *,
                 hrc_session: int | None = None, progress=None,
                 max_bytes: int = DEFAULTS["MAX_IMPORT_BYTES"], batches: Batches | None = None,
                 committed=None, code=None) -> None:
    """Import files one after another; authors CSVs go with their drafts CSVs.

    A file that cannot be read (too big, undecodable, unknown format, malformed, a
    parser's surprise) fails with one line naming the file and, where known, the line or
    record; nothing of it is written and the other files go on. `progress(item, done,
    total)` hears of records as they are committed, or of each file when it is done.
    """
    items: list[ImportFile] = []
    for path in paths:
        try:
            data = read_file(Path(path), max_bytes)
            kind = detect_format(Path(path), data)
            # Only authors CSVs are kept now; each other file is read again in its turn,
            # so a command over many files holds one of them in memory at a time.
            items.append(ImportFile(Path(path), data if kind == "catalogue-authors-csv"
                                    else b"", kind))
        except Exception as exc:  # noqa: BLE001 - reported per file, the others go on
            tally.fail(_cannot_read(path, exc))
    authors: dict[str, list[str]] = {}
    for item in items:
        if item.kind == "catalogue-authors-csv":
            try:
                authors.update(unbis.read_authors(decode(item.data, str(item.path)),
                                                  str(item.path)))
            except Exception as exc:  # noqa: BLE001
                tally.fail(_cannot_read(item.path, exc))
    if authors and not any(i.kind == "catalogue-drafts-csv" for i in items):
        tally.fail("an authors CSV is read with its drafts CSV: import both in one command")
    for item in items:
        if item.kind == "catalogue-authors-csv":
            continue
        with session_factory() as session:
            try:
                item.data = read_file(Path(item.path), max_bytes)
                import_one(session, item, tally, authors=authors, hrc_session=hrc_session,
                           progress=partial(progress, item) if progress else None,
                           batches=batches, committed=committed, code=code)
            except StoreStopped as exc:
                tally.fail(str(exc))
            except Exception as exc:  # noqa: BLE001 - reported per file, the others go on
                session.rollback()
                log.debug("reading %s failed", item.path, exc_info=True)
                tally.fail(_cannot_read(item.path, exc))
        item.data = b""  # let a big file go before the next is read
        if progress:
            progress(item, 1, 1)


def sample_files(samples_dir: Path) -> list[Path]:
    """The files in shared/samples that the importers read, in a sensible order."""
    root = Path(samples_dir)
    found = sorted((root / "ohchr").glob("*.json"))
    found += sorted((root / "un_resolutions").glob("unbisnet_*.csv"))
    return [p for p in found if p.is_file()]
