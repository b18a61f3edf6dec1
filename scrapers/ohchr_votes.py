"""OHCHR's voting-record library (searchlibrary.ohchr.org, Invenio): recorded HRC votes.

Pages: search results as MARCXML, newest first, `search_url(start, size)` (collection
"Voting", facets "Human Rights Council" and "RECORDED"): a <collection> of <record>s, one
per recorded vote of the Council (resolutions, decisions and amendments alike).

MARC fields read, as a third party's scraper read them in late 2024 (SOURCES.md §6;
tests/fixtures/ohchr_votes/NOTE.md says what is confirmed and what is not):
- 791 $a the symbol voted on (A/HRC/RES/31/32, or an amendment's A/HRC/31/L.41);
- 269 $a the date of the vote (ISO);
- 245, every subfield joined: "<title> :<kind> /<body and session>", kind being
  resolution, decision or amendment; an amendment's title is the amended draft's;
- 991, every subfield joined: the session report, "-<agenda item>.<its title>" and
  "-<SUBJECTS>";
- 967, one per State listed: $b ISO3, $d Y / N / A, or "." for a State listed that did not
  vote (Libya while suspended in 2011, the United States after June 2018); a 967 without
  $d is read as listed but not voting too.

Also the CSV export of that scraper's database (`sqlite_export_{countries,resolutions,
votes}.csv.gz`, values YES / NO / ABSTAIN / NO_VOTE): `parse_export`. Both give the same
records, so one checks the other (tests/test_ohchr_votes.py).

An outcome is read from the States' votes: adopted when more voted yes than no (the
Council decides by a majority of those present and voting); a record without votes has
none.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import urlencode

from scrapers import BadInput
from scrapers.records import VoteCastRecord, VoteRecord
from scrapers.text import clean
from scrapers.undl import MarcRecord, read_marcxml

BASE_URL = "https://searchlibrary.ohchr.org"
PARSER_VERSION = "1"
ORIGIN = "ohchr-voting"
EXPORT_VALUES = {"YES": "Y", "NO": "N", "ABSTAIN": "A", "NO_VOTE": "X"}
MARC_VALUES = {"Y": "Y", "N": "N", "A": "A", ".": "X", "": "X"}
EXPORT_FILES = ("sqlite_export_countries.csv.gz", "sqlite_export_resolutions.csv.gz",
                "sqlite_export_votes.csv.gz")


def search_url(*, start: int = 1, size: int = 100) -> str:
    """One page of the Council's recorded votes, newest first (`start` counts from 1)."""
    return f"{BASE_URL}/search?" + urlencode({
        "cc": "Voting", "c": "Voting", "ln": "en", "of": "xm", "sf": "latest first",
        "so": "a", "fct__1": "Human Rights Council", "fct__2": "RECORDED",
        "rg": size, "jrec": start})


# --- pieces of a record -------------------------------------------------------------------

_ITEM = re.compile(r"-\s*(\d{1,2})\s*\.")


def split_heading(heading: str) -> tuple[str, str | None]:
    """The title and the kind (resolution, decision, amendment) of a 245 heading.

    The kind is the last "<kind> /", after a colon or glued to the title
    ("…aftermathamendment /": some records lack the colon); a heading without one is all
    title, kind unknown.
    """
    matches = list(re.finditer(r"\s*:?\s*(resolution|decision|amendment)\s*/", heading, re.I))
    if not matches:
        return clean(heading), None
    last = matches[-1]
    return clean(heading[:last.start()]), last.group(1).lower()


def kind_of_symbol(symbol: str) -> str:
    """What a symbol says was voted on: an L-document is an amendment (the Council votes
    on drafts under their L symbol only when amending them; the resolution votes carry the
    resolution's symbol), a DEC a decision, else a resolution. The export's `type` is
    this too; where the heading says otherwise, tracker reports it."""
    if "/L." in symbol:
        return "amendment"
    return "decision" if "/DEC" in symbol else "resolution"


def agenda_item(agenda: str | None) -> int | None:
    """The agenda item's number in a 991 entry ("A/HRC/25/2 (Annex II) -3.Promotion…")."""
    m = _ITEM.search(agenda or "")
    return int(m.group(1)) if m else None


def outcome_of(casts: list[VoteCastRecord]) -> str | None:
    """adopted when more States voted yes than no; rejected otherwise; None without votes."""
    if not casts:
        return None
    yes = sum(c.value == "Y" for c in casts)
    no = sum(c.value == "N" for c in casts)
    return "adopted" if yes > no else "rejected"


def _tallied(vote: VoteRecord) -> VoteRecord:
    for value, name in (("Y", "yes"), ("N", "no"), ("A", "abstain"), ("X", "non_voting")):
        setattr(vote, name, sum(c.value == value for c in vote.casts))
    vote.total = len(vote.casts)
    vote.outcome = outcome_of(vote.casts)
    return vote


# --- MARCXML ------------------------------------------------------------------------------


def _joined(rec: MarcRecord, tag: str) -> str:
    """Every subfield of every `tag` field, joined as catalogued (spacing kept)."""
    return "".join(v for t, _, sf in rec.fields if t == tag for vs in sf.values() for v in vs)


def parse_vote_record(rec: MarcRecord, location: str) -> VoteRecord:
    """Read one voting record; BadInput names what is missing."""
    symbol = rec.first("791")
    if not symbol:
        raise BadInput("voting record without a 791 $a symbol", location=location)
    raw_date = rec.first("269")
    try:
        day = dt.date.fromisoformat(raw_date or "")
    except ValueError:
        raise BadInput(f"{symbol}: 269 $a is not an ISO date: {raw_date!r}",
                       location=location) from None
    heading = _joined(rec, "245")
    title, _ = split_heading(heading)
    agenda = _joined(rec, "991")
    vote = VoteRecord(symbol=symbol, body="HRC", date=day, method="recorded", title=title,
                      kind=kind_of_symbol(symbol), heading=heading, agenda=agenda or None,
                      agenda_item=agenda_item(agenda), origin=ORIGIN, location=location)
    seen = set()
    for _, _, sf in rec.datafields("967"):
        code = clean((sf.get("b") or [""])[0]).upper()
        value = clean((sf.get("d") or [""])[0]).upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise BadInput(f"{symbol}: 967 $b is not an ISO3 code: {code!r}", location=location)
        if value not in MARC_VALUES:
            raise BadInput(f"{symbol}: {code} has an unknown vote {value!r} in 967 $d",
                           location=location)
        if code in seen:
            raise BadInput(f"{symbol}: {code} is listed twice", location=location)
        seen.add(code)
        vote.casts.append(VoteCastRecord(name=code, value=MARC_VALUES[value], iso3=code))
    return _tallied(vote)


def parse_marcxml(text: str | bytes, location: str = "<ohchr-voting>"
                  ) -> tuple[list[VoteRecord], list[BadInput]]:
    """Parse a page of voting records into (votes, errors); a bad record is skipped."""
    votes, errors = [], []
    for i, rec in enumerate(read_marcxml(text, location), start=1):
        record_id = rec.control.get("001")
        where = f"{location} (record {i}{', id ' + record_id if record_id else ''})"
        try:
            votes.append(parse_vote_record(rec, where))
        except BadInput as exc:
            errors.append(exc)
    return votes, errors


# --- the CSV export -----------------------------------------------------------------------


def _rows(text: str, name: str, needed: set[str]):
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = needed - set(reader.fieldnames or [])
    if missing:
        raise BadInput(f"missing column(s) {', '.join(sorted(missing))}",
                       location=f"{name}, line 1")
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise BadInput("wrong number of fields", location=f"{name}, line {lineno}")
        yield lineno, row


def parse_export(countries: str, resolutions: str, votes: str,
                 names: tuple[str, str, str] = EXPORT_FILES
                 ) -> tuple[list[VoteRecord], dict[str, str]]:
    """Read the three CSV files of the export into votes and the countries' names by code.

    Any malformed line fails the whole export with BadInput naming the file and line:
    nothing of a half-read export is worth storing.
    """
    country_names: dict[str, str] = {}
    for lineno, row in _rows(countries, names[0], {"country_short", "country_long"}):
        code = row["country_short"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise BadInput(f"not an ISO3 code: {code!r}", location=f"{names[0]}, line {lineno}")
        country_names[code] = clean(row["country_long"])
    records: dict[str, VoteRecord] = {}
    expected: dict[str, tuple[str, str]] = {}  # symbol -> (passed, type) as exported
    for lineno, row in _rows(resolutions, names[1],
                             {"name", "vote_date", "passed", "type", "summary", "agenda"}):
        where = f"{names[1]}, line {lineno}"
        symbol = row["name"].strip()
        if not symbol:
            raise BadInput("no symbol", location=where)
        if symbol in records:
            raise BadInput(f"{symbol} is listed twice", location=where)
        try:
            day = dt.datetime.strptime(row["vote_date"].strip(), "%Y/%m/%d").date()
        except ValueError:
            raise BadInput(f"{symbol}: not a YYYY/MM/DD date: {row['vote_date']!r}",
                           location=where) from None
        if row["passed"] not in ("0", "1") or row["type"] != kind_of_symbol(symbol):
            raise BadInput(f"{symbol}: passed {row['passed']!r} and type {row['type']!r} "
                           f"(expected 0 or 1, and {kind_of_symbol(symbol)!r})", location=where)
        title, _ = split_heading(row["summary"])
        records[symbol] = VoteRecord(
            symbol=symbol, body="HRC", date=day, method="recorded", title=title,
            kind=row["type"], heading=row["summary"], agenda=row["agenda"] or None,
            agenda_item=agenda_item(row["agenda"]), origin=ORIGIN, location=where)
        expected[symbol] = (row["passed"], row["type"])
    seen: set[tuple[str, str]] = set()
    for lineno, row in _rows(votes, names[2], {"resolution_name", "country_short", "vote"}):
        where = f"{names[2]}, line {lineno}"
        symbol, code = row["resolution_name"].strip(), row["country_short"].strip().upper()
        if symbol not in records:
            raise BadInput(f"vote on {symbol!r}, which {names[1]} does not list", location=where)
        if code not in country_names:
            raise BadInput(f"{code!r} is not in {names[0]}", location=where)
        if row["vote"] not in EXPORT_VALUES:
            raise BadInput(f"unknown vote {row['vote']!r} (known: {', '.join(EXPORT_VALUES)})",
                           location=where)
        if (symbol, code) in seen:
            raise BadInput(f"{code} votes twice on {symbol}", location=where)
        seen.add((symbol, code))
        records[symbol].casts.append(VoteCastRecord(name=code, value=EXPORT_VALUES[row["vote"]],
                                                    iso3=code))
    out = [_tallied(v) for v in records.values()]
    for v in out:
        passed, kind = expected[v.symbol]
        if (passed == "1") != (v.outcome == "adopted"):
            # The export's `passed` is yes > no too; a difference means a file was edited.
            raise BadInput(f"{v.symbol}: passed is {passed} but the States' votes say "
                           f"{v.outcome or 'nothing'}", location=v.location)
    return out, country_names


def export_rows(votes: list[VoteRecord]) -> tuple[list[dict], list[dict]]:
    """The export's resolutions and votes rows for these records: what parse_export read,
    written back, so a parser's output can be compared with the export line by line."""
    back = {v: k for k, v in EXPORT_VALUES.items()}
    resolutions = [{"name": v.symbol, "vote_date": v.date.strftime("%Y/%m/%d"),
                    "passed": "1" if v.outcome == "adopted" else "0",
                    "type": v.kind or "", "summary": v.heading or "",
                    "agenda": v.agenda or ""} for v in votes]
    casts = [{"resolution_name": v.symbol, "country_short": c.iso3 or c.name,
              "vote": back[c.value]} for v in votes for c in v.casts]
    return resolutions, casts
