"""`tracker import`: detect a file's format and send it through the matching parser.

Formats: the OHCHR sample JSON, the tracker's communications CSV export, a saved
CommunicationSent page (HTML), MARCXML from the Digital Library, the Library's GA votes
CSV, the catalogue's drafts and authors CSVs, OHCHR's session table (HTML), and a
session report as PDF or text. Each file is one transaction: it lands whole or not at all
(bad records inside it are skipped and listed).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlmodel import Session

from scrapers import BadInput, LayoutChanged, ScraperError, hrc, unbis, undl
from scrapers import communications as comms
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

log = logging.getLogger(__name__)

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


def _text(data: bytes) -> str:
    return unbis.decode(data)


def detect_format(path: Path, data: bytes) -> str:
    """Name the format of a file from its extension and its first bytes."""
    suffix = path.suffix.lower()
    head = _text(data[:4000]).lstrip("\ufeff").lstrip()
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


def import_one(session: Session, item: ImportFile, tally: Tally, *,
               authors: dict[str, list[str]] | None = None,
               hrc_session: int | None = None, progress=None) -> int:
    """Parse and store one file inside the caller's transaction; return how many records
    it held (stored or failed), so a scraper can tell a short last page.

    `progress(done, total)` hears how far a catalogue's drafts have got."""
    location = str(item.path)
    text = _text(item.data)
    parser_for = {
        "communications-json": "communications.parse_sample_json",
        "communications-csv": "communications.parse_export_csv",
        "communications-html": "communications.parse_listing",
        "marcxml": "undl.parse_marcxml", "ga-votes-csv": "undl.parse_ga_votes_csv",
        "catalogue-drafts-csv": "unbis.parse_drafts_csv",
        "hrc-session-html": "hrc.parse_session_table",
        "hrc-report-pdf": "hrc.parse_report_text", "hrc-report-text": "hrc.parse_report_text",
        "hrc-members-csv": "hrc.parse_terms_csv",
    }
    module = {"communications": comms, "undl": undl, "unbis": unbis, "hrc": hrc}[
        parser_for[item.kind].split(".")[0]]
    source = record_source(session, location=location, content=item.data,
                           parser=parser_for[item.kind], parser_version=module.PARSER_VERSION,
                           http_status=item.http_status, fetched_at=item.fetched_at)
    errors: list[ScraperError] = []
    before = tally.saved + tally.updated + tally.unchanged + tally.skipped + tally.failed
    resolver = StateResolver(session)
    if item.kind == "communications-json":
        records, errors = comms.parse_sample_json(text, location)
        store_communications(session, records, tally, source)
    elif item.kind == "communications-csv":
        records, errors = comms.parse_export_csv(text, location)
        store_communications(session, records, tally, source)
    elif item.kind == "communications-html":
        records, errors = comms.parse_listing_rows(text, location)
        store_communications(session, records, tally, source)
    elif item.kind == "marcxml":
        drafts, resolutions, votes, errors = undl.parse_marcxml(item.data, location,
                                                               resolver.is_known)
        store_resolutions(session, resolutions, tally, source)
        store_drafts(session, drafts, tally, source, resolver)
        store_votes(session, votes, tally, source, resolver)
    elif item.kind == "ga-votes-csv":
        votes, errors = undl.parse_ga_votes_csv(text, location)
        store_votes(session, votes, tally, source, resolver)
    elif item.kind == "catalogue-drafts-csv":
        drafts, errors, skipped = unbis.parse_drafts_csv(text, location, authors,
                                                         resolver.is_known)
        store_drafts(session, drafts, tally, source, resolver, progress)
        for record in skipped:
            tally.skip(record.reason)
            note_skipped(session, record, source)
    elif item.kind == "hrc-session-html":
        number = _session_number(text, item.path, hrc_session)
        resolutions, errors = hrc.parse_session_table(text, number, location)
        store_resolutions(session, resolutions, tally, source)
    elif item.kind == "hrc-members-csv":
        terms, errors = hrc.parse_terms_csv(text, location)
        store_hrc_terms(session, terms, tally)
    elif item.kind in ("hrc-report-pdf", "hrc-report-text"):
        body = hrc.pdf_text(item.data, location) if item.kind == "hrc-report-pdf" else text
        drafts, votes, errors = hrc.parse_report_text(body, location, resolver.is_known)
        store_drafts(session, drafts, tally, source, resolver)
        store_votes(session, votes, tally, source, resolver)
    for err in errors:
        if isinstance(err, undl.EncodingRepaired):
            # the records were stored; list the repair with the run without counting a failure
            tally.errors.append(f"warning: {err}")
            log.warning("%s", err)
        else:
            tally.fail(str(err))
    tally.unmatched.update({k: v for k, v in resolver.unmatched.items()
                            if k not in tally.unmatched})
    return (tally.saved + tally.updated + tally.unchanged + tally.skipped + tally.failed
            - before)


def import_files(paths: list[Path], session_factory: Callable[[], Session], tally: Tally, *,
                 hrc_session: int | None = None, progress=None) -> None:
    """Import files, each in its own transaction; authors CSVs go with their drafts CSVs.

    A file that cannot be read at all (unknown format, changed layout) counts as failed
    and the others go on. `progress(item, done, total)` hears of records as they are
    stored (a catalogue's drafts) or of each file when it is done.
    """
    items: list[ImportFile] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
            items.append(ImportFile(Path(path), data, detect_format(Path(path), data)))
        except OSError as exc:
            tally.fail(f"{path}: cannot read ({exc.strerror})")
        except ScraperError as exc:
            tally.fail(str(exc))
    authors: dict[str, list[str]] = {}
    for item in items:
        if item.kind == "catalogue-authors-csv":
            try:
                authors.update(unbis.read_authors(_text(item.data), str(item.path)))
            except ScraperError as exc:
                tally.fail(str(exc))
    if authors and not any(i.kind == "catalogue-drafts-csv" for i in items):
        tally.fail("an authors CSV is read with its drafts CSV: import both in one command")
    for item in items:
        if item.kind == "catalogue-authors-csv":
            continue
        with session_factory() as session:
            try:
                import_one(session, item, tally, authors=authors, hrc_session=hrc_session,
                           progress=partial(progress, item) if progress else None)
                session.commit()
            except (LayoutChanged, BadInput, ScraperError) as exc:
                session.rollback()
                tally.fail(str(exc))
        if progress:
            progress(item, 1, 1)


def sample_files(samples_dir: Path) -> list[Path]:
    """The files in shared/samples that the importers read, in a sensible order."""
    root = Path(samples_dir)
    found = sorted((root / "ohchr").glob("*.json"))
    found += sorted((root / "un_resolutions").glob("unbisnet_*.csv"))
    return [p for p in found if p.is_file()]
