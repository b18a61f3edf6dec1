"""The UN library catalogue's draft-resolution CSVs (UNBISnet, scraped by a third party).

Files as in shared/samples/un_resolutions (Windows-1252): the drafts file (one row per
draft: `un_document_symbol`, `title` ending " / <sponsors as printed>", `imprint` with
the date, `notes`, `related_document`) and the authors file (one row per draft and
sponsor: `un_document_symbol`, `author_contributors`, the MARC 710 entries). Both go
through the same sponsor parsers as MARCXML.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from scrapers import BadInput
from scrapers.records import DraftRecord
from scrapers.sponsors import (
    catalogued_sponsors,
    clean_title,
    draft_family,
    draft_revision,
    parse_cover,
    parse_notes,
    parse_status,
    split_cover,
)
from scrapers.symbols import body_of, classify_record, is_placeholder, resolution_symbol
from scrapers.text import clean, parse_date

PARSER_VERSION = "1"
DRAFT_COLUMNS = {"un_document_symbol", "title", "imprint", "notes", "related_document"}
AUTHOR_COLUMNS = {"un_document_symbol", "author_contributors"}


def decode(data: bytes) -> str:
    """These files are cp1252; accept UTF-8 too, since a user may have re-saved them."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def sniff(header: list[str]) -> str | None:
    cols = {h.strip() for h in header}
    if cols >= DRAFT_COLUMNS:
        return "drafts"
    if cols >= AUTHOR_COLUMNS:
        return "authors"
    return None


def read_authors(text: str, location: str = "<authors>") -> dict[str, list[str]]:
    reader = csv.DictReader(io.StringIO(text))
    if sniff(reader.fieldnames or []) != "authors":
        raise BadInput("not an authors file: expected columns un_document_symbol, "
                       "author_contributors", location=location)
    out: dict[str, list[str]] = {}
    for row in reader:
        out.setdefault(clean(row["un_document_symbol"]), []).append(
            clean(row["author_contributors"]))
    return out


_GENERIC_TITLE_RE = re.compile(r"^(?:\[?(?:revised|joint)\]?\s+)?\[?draft\]?\s+resolution\.?$",
                               re.I)


def subject_from_enhanced(enhanced: str) -> str | None:
    """What a draft titled just "Draft resolution" is about, from the catalogue's
    enhanced title: "Draft resolution [on small arms]" or "Cooperation … :#draft resolution".
    """
    enhanced = clean(enhanced)
    if m := re.search(r"\[(on\s[^\]]+)\]", enhanced):
        return f"Draft resolution {m.group(1)}"
    subject = clean_title(enhanced.replace(":#", " : "))
    return None if _GENERIC_TITLE_RE.match(subject) else subject or None


@dataclass
class Skipped:
    """A catalogue record that is not a draft, with the reason, counted by the importer."""

    symbol: str
    reason: str
    location: str


def parse_drafts_csv(text: str, location: str = "<drafts>",
                     authors: dict[str, list[str]] | None = None, is_known=None):
    """Parse the drafts file into (drafts, errors, skipped).

    Each draft carries sponsor events from its printed cover, its notes and the
    catalogue's author entries (origin "catalogue"), its status from the notes, and its
    resolution symbol unless the catalogue holds a placeholder ("A/RES/68/...").
    """
    reader = csv.DictReader(io.StringIO(text))
    if sniff(reader.fieldnames or []) != "drafts":
        raise BadInput("not a drafts file: expected columns "
                       + ", ".join(sorted(DRAFT_COLUMNS)), location=location)
    drafts, errors, skipped = [], [], []
    for lineno, row in enumerate(reader, start=2):
        where = f"{location}, line {lineno}"
        symbol = clean(row["un_document_symbol"])
        if not symbol:
            errors.append(BadInput("the record has no document symbol", location=where))
            continue
        kind, reason = classify_record(symbol, row["title"] or "")
        if kind is None:
            skipped.append(Skipped(symbol, reason, where))
            continue
        drafts.append(parse_draft_row(row, symbol, kind, where, authors or {}, is_known))
    return drafts, errors, skipped


def parse_draft_row(row: dict, symbol: str, kind: str, where: str,
                    authors: dict[str, list[str]], is_known=None) -> DraftRecord:
    family = draft_family(symbol)
    when = parse_date(row["imprint"])
    title, cover = split_cover(row["title"] or "")
    if _GENERIC_TITLE_RE.match(title) and row.get("enhanced_title"):
        title = subject_from_enhanced(row["enhanced_title"]) or title
    related = [clean(s) for s in re.split(r",\s*", row["related_document"] or "") if clean(s)]
    placeholders = [s for s in related if is_placeholder(s)]
    related = [s for s in related if not is_placeholder(s)]
    resolution = next(filter(None, map(resolution_symbol, related)), None)
    report = next((s for s in related if "/RES/" not in s.upper()), None)
    notes = clean(row["notes"]) or None
    draft = DraftRecord(symbol=symbol, family=family, revision=draft_revision(symbol),
                        title=title, date=when, cover_sponsors=cover, notes=notes,
                        resolution_symbol=resolution if kind == "draft" else None,
                        body=body_of(symbol), kind=kind, location=where,
                        placeholder_symbol=next((s for s in placeholders if "/RES/" in s),
                                                None))
    for s in related:
        if "/RES/" in s.upper() and resolution_symbol(s) is None:
            draft.warnings.append(f"related document {s!r} is not a resolution symbol")
    status = parse_status(notes)
    if status:
        draft.status, draft.status_source = status
    elif resolution and kind == "draft":
        draft.status = "adopted"
    if cover:
        draft.events += parse_cover(family, cover, date=when, source_document=symbol,
                                    is_known=is_known, warnings=draft.warnings)
    draft.events += catalogued_sponsors(family, authors.get(symbol, []), printed=bool(cover),
                                        date=when, source_document=symbol)
    draft.events += parse_notes(family, notes or "", fallback_document=report,
                                is_known=is_known, record_symbol=symbol)
    return draft
