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

from scrapers import BadInput
from scrapers.records import DraftRecord
from scrapers.sponsors import (
    catalogued_sponsors,
    draft_family,
    draft_revision,
    parse_cover,
    parse_notes,
    split_cover,
)
from scrapers.text import clean, parse_date
from scrapers.undl import body_of

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


def parse_drafts_csv(text: str, location: str = "<drafts>",
                     authors: dict[str, list[str]] | None = None, is_known=None):
    """Parse the drafts file into (drafts, errors), with sponsor events from the cover, the
    710 authors (those the printed cover lacks) and the notes."""
    reader = csv.DictReader(io.StringIO(text))
    if sniff(reader.fieldnames or []) != "drafts":
        raise BadInput("not a drafts file: expected columns "
                       + ", ".join(sorted(DRAFT_COLUMNS)), location=location)
    drafts, errors = [], []
    for lineno, row in enumerate(reader, start=2):
        where = f"{location}, line {lineno}"
        symbol = clean(row["un_document_symbol"])
        if "/L." not in symbol:
            errors.append(BadInput(f"{symbol!r} is not a draft symbol", location=where))
            continue
        family = draft_family(symbol)
        when = parse_date(row["imprint"])
        title, cover = split_cover(row["title"])
        related = [clean(s) for s in re.split(r",\s*", row["related_document"] or "") if s]
        resolution = next((s for s in related if "/RES/" in s.upper()), None)
        report = next((s for s in related if "/RES/" not in s.upper()), None)
        draft = DraftRecord(symbol=symbol, family=family, revision=draft_revision(symbol),
                            title=title, date=when, cover_sponsors=cover,
                            notes=clean(row["notes"]) or None, resolution_symbol=resolution,
                            body=body_of(symbol), location=where)
        if cover:
            draft.events += parse_cover(family, cover, date=when, source_document=symbol,
                                        is_known=is_known)
        draft.events += catalogued_sponsors(family, (authors or {}).get(symbol, []),
                                            printed=bool(cover), date=when,
                                            source_document=symbol, is_known=is_known)
        draft.events += parse_notes(family, draft.notes or "", fallback_document=report,
                                    is_known=is_known)
        drafts.append(draft)
    return drafts, errors
