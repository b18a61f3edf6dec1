"""Special Procedures communications (spcommreports.ohchr.org).

Pages: `/LatestReports/CommunicationSent?page=N`, a paginated table of recently
published communications (plain GET). What we assume about the markup, from
shared/SOURCES.md (no real saved HTML exists in any store we could reach):

- each communication is an empty marker row `<tr data-id="N"></tr>` followed by a row
  of four cells: (1) several `<ul>` whose items are the date, the addressee, the type and
  the reference (a link to the letter's PDF), told apart by content, not position;
  (2) the mandates as `<li>`; (3) the summary ending "Alleged victims: N" and a
  "More details..." link; (4) "Replies received": dated links, possibly none;
- a table with no `tr[data-id]` means the layout changed.

Also read here: the JSON records in shared/samples/ohchr (a third party's parse of the
same page) and the tracker's own CSV export.
"""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scrapers import BadInput, LayoutChanged
from scrapers.records import CommunicationRecord, ReplyRecord
from scrapers.text import clean, detect_language, http_url, parse_date

BASE_URL = "https://spcommreports.ohchr.org"
LISTING_URL = BASE_URL + "/LatestReports/CommunicationSent"
PARSER_VERSION = "1"

TYPES = ("JAL", "JUA", "JOL", "AL", "UA", "OL")
_TYPE_RE = re.compile(r"^(JAL|JUA|JOL|AL|UA|OL)$")
_REF_RE = re.compile(r"^(?:(JAL|JUA|JOL|AL|UA|OL)\s+)?([A-Z]{3})\s+(\d{1,4})\s*/\s*(\d{4})$")
_VICTIMS_RE = re.compile(r"\s*Alleged victims:\s*(\d+|-)\s*(?:More details\.*)?\s*$", re.I)


def listing_url(page: int, base: str = LISTING_URL) -> str:
    return f"{base}?page={page}"


def parse_reference(text: str) -> tuple[str | None, str, int, int]:
    """Split "UA HND 5/2013" (or "HND 5/2013") into (type, addressee code, number, year)."""
    m = _REF_RE.match(clean(text).upper())
    if not m:
        raise ValueError(f"not a communication reference: {text!r}")
    return m.group(1), m.group(2), int(m.group(3)), int(m.group(4))


def split_summary(text: str) -> tuple[str, int | None]:
    """Cut the English trailer "Alleged victims: N" off a summary; return (summary, N)."""
    text = clean(text)
    m = _VICTIMS_RE.search(text)
    if not m:
        return text, None
    victims = None if m.group(1) == "-" else int(m.group(1))
    return text[: m.start()].rstrip(), victims


def _make(type_, ref, *, date, addressee, mandates, summary_text, letter_url, site_id,
          replies, location, source_url) -> CommunicationRecord:
    ref_type, code, number, year = parse_reference(ref)
    type_ = clean(type_).upper() or ref_type
    if type_ not in TYPES:
        raise ValueError(f"unknown communication type {type_!r}")
    summary, victims = split_summary(summary_text or "")
    for reply in replies:  # a reply without a usable link is still a reply received
        reply.url = http_url(reply.url) or ""
    return CommunicationRecord(
        type=type_, addressee_code=code, number=number, year=year, date=date,
        addressee_name=clean(addressee), mandates=[clean(m) for m in mandates if clean(m)],
        summary=summary or None, alleged_victims=victims, language=detect_language(summary),
        letter_url=http_url(letter_url), source_url=http_url(source_url), site_id=site_id,
        replies=replies, location=location)


# --- the HTML listing ----------------------------------------------------------------


def _classify_first_cell(cell: Tag) -> dict:
    """Tell date, type, reference and addressee apart by what they look like."""
    found: dict = {}
    for li in cell.find_all(["li"]) or [cell]:
        text = clean(li.get_text(" "))
        if not text:
            continue
        link = li.find("a", href=True)
        if "date" not in found and parse_date(text) and re.match(r"^\d{1,2} \w+\.? \d{4}$", text):
            found["date"] = parse_date(text)
        elif "type" not in found and _TYPE_RE.match(text):
            found["type"] = text
        elif "ref" not in found and _REF_RE.match(text.upper()):
            found["ref"] = text
            if link:
                found["letter"] = link["href"]
        else:
            found.setdefault("addressee", text)
    return found


def parse_listing(html: str, url: str = LISTING_URL) -> list[CommunicationRecord]:
    """Parse one page of the CommunicationSent listing into records.

    Raises LayoutChanged when the page has no listing table or no marker rows. A row that
    cannot be read is raised as BadInput naming the data-id, so the caller can log it and
    go on with the others (see `parse_listing_rows`).
    """
    records, errors = parse_listing_rows(html, url)
    if errors:
        raise errors[0]
    return records


def parse_listing_rows(html: str, url: str = LISTING_URL):
    """Parse a listing page; return (records, per-row errors) so one bad row is skipped."""
    soup = BeautifulSoup(html, "lxml")
    table = soup.find("table")
    markers = soup.select("tr[data-id]")
    if table is None:
        raise LayoutChanged("no table on the CommunicationSent page", location=url)
    if not markers:
        raise LayoutChanged("the table has no rows marked data-id: the listing layout changed",
                            location=url)
    records, errors = [], []
    for marker in markers:
        site_id = marker.get("data-id")
        row = marker.find_next_sibling("tr")
        where = f"{url} (row data-id={site_id})"
        cells = row.find_all("td", recursive=False) if row else []
        if len(cells) < 4:
            errors.append(LayoutChanged(f"expected 4 cells after the marker, found {len(cells)}",
                                        location=where))
            continue
        try:
            first = _classify_first_cell(cells[0])
            if "ref" not in first:
                raise ValueError("no reference such as 'HND 5/2013' in the first cell")
            summary_cell = cells[2]
            for a in summary_cell.find_all("a"):
                a.decompose()  # "More details..."
            replies = []
            for a in cells[3].find_all("a", href=True):
                replies.append(ReplyRecord(date=parse_date(a.get_text(" ")),
                                           url=urljoin(url, a["href"])))
            records.append(_make(
                first.get("type", ""), first["ref"], date=first.get("date"),
                addressee=first.get("addressee", ""),
                mandates=[li.get_text(" ") for li in cells[1].find_all("li")],
                summary_text=summary_cell.get_text(" "),
                letter_url=urljoin(url, first["letter"]) if first.get("letter") else None,
                site_id=int(site_id) if site_id and site_id.isdigit() else None,
                replies=replies, location=where, source_url=url))
        except ValueError as exc:
            errors.append(BadInput(str(exc), location=where))
    return records, errors


def parse_last_page(html: str) -> int | None:
    """Read the highest page number the pager links to, or None when there is no pager."""
    soup = BeautifulSoup(html, "lxml")
    pages = []
    for a in soup.find_all("a", href=True):
        query = parse_qs(urlsplit(a["href"]).query)
        if "page" in query and query["page"][0].isdigit():
            pages.append(int(query["page"][0]))
        elif a.get("data-page", "").isdigit():
            pages.append(int(a["data-page"]))
    return max(pages) if pages else None


# --- files ---------------------------------------------------------------------------


def parse_sample_json(text: str, filename: str = "<json>"):
    """Read records in the JSON shape of shared/samples/ohchr (TruNorth's parse of the page).

    Their `named_companies` and `topic` are their own heuristics and are ignored; their
    `source_url` assumes gId == data-id, so it is kept as the letter link only.
    Returns (records, errors).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                       location=filename) from None
    except RecursionError:
        # json recurses per level: a hostile file of 100,000 "[" would otherwise escape
        raise BadInput("JSON nested too deeply to read", location=filename) from None
    items = data.get("communications") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise BadInput("expected a list of communications, or an object with "
                       "'communications'", location=filename)
    listing = data.get("source_url", LISTING_URL) if isinstance(data, dict) else LISTING_URL
    records, errors = [], []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(BadInput(f"expected an object, found {type(item).__name__}",
                                   location=f"{filename} (record {i + 1})"))
            continue
        where = f"{filename} (record {i + 1}, id {item.get('id', '?')})"
        try:
            records.append(_make(
                item.get("type", ""), item["ref"], date=parse_date(item.get("date")),
                addressee=item.get("country", ""), mandates=item.get("mandates") or [],
                summary_text=item.get("summary", ""), letter_url=item.get("source_url"),
                site_id=int(item["id"]) if str(item.get("id", "")).isdigit() else None,
                replies=[ReplyRecord(date=parse_date(r.get("date")), url=r.get("url", ""))
                         for r in item.get("replies") or []],
                location=where, source_url=listing))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            errors.append(BadInput(f"{exc.__class__.__name__}: {exc}", location=where))
    return records, errors


EXPORT_COLUMNS = ["reference", "type", "date", "addressee_code", "addressee", "mandates",
                  "summary", "alleged_victims", "language", "letter_url", "source_url",
                  "replies"]


def parse_export_csv(text: str, filename: str = "<csv>"):
    """Read the tracker's own CSV export of communications; return (records, errors).

    `mandates` are separated by "; ", `replies` as "date url" pairs separated by "; ".
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("reference", "date", "addressee", "mandates", "summary")
               if c not in (reader.fieldnames or [])]
    if missing:
        raise BadInput(f"not a communications export: missing columns {', '.join(missing)}",
                       location=filename)
    records, errors = [], []
    for lineno, row in enumerate(reader, start=2):
        where = f"{filename}, line {lineno}"
        try:
            replies = []
            for part in filter(None, (p.strip() for p in (row.get("replies") or "").split(";"))):
                day, _, link = part.partition(" ")
                replies.append(ReplyRecord(date=parse_date(day), url=link.strip()))
            victims = (row.get("alleged_victims") or "").strip()
            summary = row.get("summary") or ""
            summary += f" Alleged victims: {victims or '-'}"
            records.append(_make(
                row.get("type", ""), row["reference"].split(" ", 1)[-1]
                if _TYPE_RE.match(row["reference"].split(" ")[0]) else row["reference"],
                date=parse_date(row["date"]), addressee=row["addressee"],
                mandates=[m for m in (row["mandates"] or "").split(";")],
                summary_text=summary, letter_url=row.get("letter_url") or None,
                site_id=None, replies=replies, location=where,
                source_url=row.get("source_url") or None))
        except (KeyError, ValueError, AttributeError) as exc:
            errors.append(BadInput(f"{exc.__class__.__name__}: {exc}", location=where))
    return records, errors
