"""UN Digital Library (digitallibrary.un.org, Invenio/TIND): drafts, resolutions and votes.

Pages: a record's MARCXML `/record/{id}/export/xm`, and search results
`/search?p=…&of=xm&rg=…&jrec=…` (a <collection> of <record>s, un-prefixed or, when a tool
re-serialised them, `ns0:`-prefixed; both are read through the namespace).

The Library sits behind a JavaScript bot challenge: plain clients get 202 with an empty body
(refused by `scrapers.http`) or an HTML challenge page instead of XML. Both raise
`SourceBlocked` saying which URL to open in a browser and save, for `tracker import FILE`.

Text must be read from the bytes. A saved file whose bytes were decoded as Latin-1 and
written back as UTF-8 (what `requests`' `response.text` does when the server names no
charset) reads "CÃ´te d'Ivoire": such values are repaired with
`.encode('latin-1').decode('utf-8')` and the run is told, by an `EncodingRepaired` notice
naming the file and the records; a value that does not round-trip fails its record.

MARC fields read, as the real records show them (shared/samples/undl/STRUCTURE_NOTES.md):
- 191 $a symbol; 245 $a title, $b "draft resolution /" or a subtitle, $c the cover's
  sponsors as printed ("Cuba [on behalf of the Group of 77 and China]": the cataloguer's
  square brackets); 269 $a date (ISO, or YYYYMMDD in the Library's voting code).
- 515 $a "Additional sponsors: A, B and C (A/78/481/Add.2)." and withdrawals; one 515 can
  hold two notes joined by " - ". 500 $a other notes (older records also carry sponsor notes
  there, so both are read). Each field is read on its own; a note without its own document
  takes the committee report.
- 710 $a sponsors on the cover, with any indicators, with or without $9 ms.
- 993 by first indicator: 1 the resulting resolution, 2 the draft (voting records),
  3 the committee report.
- Voting records (089 $b B23): 791 $a resolution, 952 $a meeting, 992 $a action date,
  591 $a GA vote method, 967/968/969 one field per state (65 per tag: all three are read;
  $a sequence, $b P/R on the SC, $c ISO3, $d Y/N/A, no $d = non-voting, $e name), 996
  $b-$f yes / no / abstain / non-voting / total, zero-padded on the SC ("015").

Also the Library's bulk CSV of GA recorded votes, in its two known header versions.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from lxml import etree

from scrapers import BadInput, LayoutChanged, ScraperError, SourceBlocked
from scrapers.records import DraftRecord, ResolutionRecord, VoteCastRecord, VoteRecord
from scrapers.sponsors import (
    catalogued_sponsors,
    clean_title,
    draft_family,
    draft_revision,
    parse_cover,
    parse_notes,
)
from scrapers.symbols import body_of
from scrapers.text import clean, parse_date

BASE_URL = "https://digitallibrary.un.org"
MARC_NS = "http://www.loc.gov/MARC21/slim"
PARSER_VERSION = "2"

# 993 first indicators, as the real records use them.
RESOLUTION, DRAFT, REPORT = "1", "2", "3"


class EncodingRepaired(ScraperError):
    """Not a failure: text had been decoded as Latin-1 and was repaired; a person should know."""


def record_url(record_id: int) -> str:
    return f"{BASE_URL}/record/{record_id}/export/xm"


def search_url(query: str, *, start: int = 1, size: int = 100) -> str:
    from urllib.parse import urlencode

    return f"{BASE_URL}/search?" + urlencode({"p": query, "of": "xm", "rg": size, "jrec": start})


def _date(text: str | None):
    text = clean(text)
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return parse_date(text)


def _int(text: str | None) -> int | None:
    """Read a tally; the SC writes them zero-padded ("015")."""
    text = clean(text)
    return int(text) if text.isdigit() else None


# --- mojibake ------------------------------------------------------------------------

# A UTF-8 lead byte read as Latin-1 (Ã, Ø, ä…) followed by a continuation byte (0x80-0xBF).
_MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def repair_mojibake(value: str) -> str | None:
    """Undo a Latin-1 (or cp1252) reading of UTF-8 bytes: "CÃ´te" -> "Côte".

    Returns None when the value holds no such sequence, and raises ValueError when it does
    but does not round-trip (so it cannot be repaired safely).
    """
    if not _MOJIBAKE_RE.search(value):
        return None
    for wrong in ("latin-1", "cp1252"):
        try:
            return value.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
    raise ValueError(f"looks double-encoded but does not round-trip: {value[:60]!r}")


# --- reading MARCXML -----------------------------------------------------------------


@dataclass
class MarcRecord:
    """One record's datafields as (tag, ind1, {code: [values]}) for easy reading."""

    fields: list[tuple[str, str, dict[str, list[str]]]]
    control: dict[str, str] = field(default_factory=dict)
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (as read, repaired)
    unrepairable: list[str] = field(default_factory=list)

    def all(self, tag: str, code: str = "a", ind1: str | None = None) -> list[str]:
        return [clean(v) for t, i, sf in self.fields
                if t == tag and (ind1 is None or i == ind1) for v in sf.get(code, [])]

    def first(self, tag: str, code: str = "a", ind1: str | None = None) -> str | None:
        values = self.all(tag, code, ind1)
        return values[0] if values else None

    def datafields(self, *tags: str):
        return [(t, ind1, sf) for t, ind1, sf in self.fields if t in tags]


_BROWSER_XML_NOTE = re.compile(rb"^\s*This XML file does not appear to have any style "
                               rb"information[^\n]*\n")


def _blocked_message(location: str) -> str:
    where = (f"Open {location} in a browser" if location.startswith(("http://", "https://"))
             else "Open the record's .../record/<id>/export/xm URL (or the search URL with "
                  "of=xm) in a browser")
    return (f"{where}, let the check finish, save what it shows as an .xml file, and run "
            "`tracker import FILE` (the Digital Library answers automated clients with a "
            "JavaScript challenge)")


def read_marcxml(text: str | bytes, location: str = "<marcxml>") -> list[MarcRecord]:
    """Read a MARCXML <record> or <collection>.

    Raise SourceBlocked for an empty answer or an HTML page (the bot challenge), BadInput for
    text that is not XML, LayoutChanged for XML that is not MARC21.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    data = _BROWSER_XML_NOTE.sub(b"", data.removeprefix(b"\xef\xbb\xbf"), count=1)
    if not data.strip():
        raise SourceBlocked("empty response where MARCXML was expected. "
                            + _blocked_message(location), location=location)
    head = data[:2000].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise SourceBlocked("an HTML page where MARCXML was expected. "
                            + _blocked_message(location), location=location)
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                             no_network=True))
    except etree.XMLSyntaxError as exc:
        hint = (" (the bytes are not the UTF-8 the file declares: save the download again "
                "without converting it)" if "encoding" in str(exc).lower()
                or "utf-8" in str(exc).lower() else "")
        raise BadInput(f"not valid XML ({exc}){hint}", location=location) from None
    ns = {"m": MARC_NS}
    records = root.findall(".//m:record", ns)
    if root.tag == f"{{{MARC_NS}}}record":
        records = [root]
    if not records:
        if root.tag.endswith("collection"):
            return []  # a search with no hits
        raise LayoutChanged(f"no MARC21 records (root element {root.tag!r})", location=location)
    return [_read_record(rec, ns) for rec in records]


def _read_record(rec, ns) -> MarcRecord:
    out = MarcRecord([])

    def value(raw: str | None) -> str:
        raw = raw or ""
        try:
            fixed = repair_mojibake(raw)
        except ValueError:
            out.unrepairable.append(raw)
            return raw
        if fixed is None:
            return raw
        out.repaired.append((raw, fixed))
        return fixed

    for df in rec.findall("m:datafield", ns):
        subs: dict[str, list[str]] = {}
        for sf in df.findall("m:subfield", ns):
            subs.setdefault(sf.get("code", ""), []).append(value(sf.text))
        out.fields.append((df.get("tag", ""), (df.get("ind1") or "").strip(), subs))
    out.control = {cf.get("tag", ""): value(cf.text) for cf in rec.findall("m:controlfield", ns)}
    return out


def _is_vote(rec: MarcRecord) -> bool:
    return "B23" in rec.all("089", "b") or bool(rec.datafields("967", "968", "969"))


def related_documents(rec: MarcRecord) -> dict[str, list[str]]:
    """The 993 links by first indicator: resolution (1), draft (2), committee report (3)."""
    return {"resolution": rec.all("993", ind1=RESOLUTION), "draft": rec.all("993", ind1=DRAFT),
            "report": rec.all("993", ind1=REPORT)}


def parse_vote(rec: MarcRecord, location: str) -> tuple[VoteRecord, list[BadInput]]:
    """Read a voting record; also return a problem when its 996 tallies and its per-State
    votes disagree (a record read from 967 alone loses two thirds of the GA)."""
    symbol = rec.first("791") or rec.first("191")
    if not symbol:
        raise BadInput("voting record without 791 or 191 symbol", location=location)
    casts = []
    for _, _, sf in rec.datafields("967", "968", "969"):
        code = clean((sf.get("c") or [""])[0]).upper() or None
        name = clean((sf.get("e") or [""])[0]) or code or ""
        value = clean((sf.get("d") or [""])[0]).upper()
        casts.append(VoteCastRecord(name=name, value=value if value in "YNA" and value else "X",
                                    iso3=code))
    method_text = (rec.first("591") or "").upper()
    method = ("without a vote" if "WITHOUT" in method_text else
              "non-recorded" if "NON-RECORDED" in method_text else "recorded")
    vote = VoteRecord(
        symbol=symbol, body=body_of(symbol), date=_date(rec.first("269") or rec.first("992")),
        method=method, yes=_int(rec.first("996", "b")), no=_int(rec.first("996", "c")),
        abstain=_int(rec.first("996", "d")), non_voting=_int(rec.first("996", "e")),
        total=_int(rec.first("996", "f")), meeting=rec.first("952"), casts=casts,
        location=location)
    problems = []
    if casts and method == "recorded":
        stated = {"Y": vote.yes, "N": vote.no, "A": vote.abstain, "X": vote.non_voting}
        counted = {v: sum(c.value == v for c in casts) for v in stated}
        off = [f"{v} {stated[v]} in 996 but {counted[v]} in 967-969" for v in stated
               if stated[v] is not None and stated[v] != counted[v]]
        if off:
            problems.append(BadInput(f"{symbol}: tallies disagree ({'; '.join(off)})",
                                     location=location))
    return vote, problems


def _cover(text: str | None) -> str | None:
    """The cover's sponsor list as catalogued, without MARC's closing punctuation."""
    return text.rstrip(" .") if text else None


def parse_draft(rec: MarcRecord, location: str, is_known=None) -> DraftRecord:
    symbol = rec.first("191")
    family = draft_family(symbol)
    when = _date(rec.first("269"))
    links = related_documents(rec)
    report = links["report"][0] if links["report"] else None
    cover = _cover(rec.first("245", "c"))
    notes = [v for t, _, sf in rec.datafields("515", "500") for v in sf.get("a", []) if v]
    draft = DraftRecord(
        symbol=symbol, family=family, revision=draft_revision(symbol),
        title=clean_title(" ".join(filter(None, [rec.first("245", "a"), rec.first("245", "b")]))),
        date=when, cover_sponsors=cover, notes=" -- ".join(clean(n) for n in notes) or None,
        resolution_symbol=links["resolution"][0] if links["resolution"] else None,
        body=body_of(symbol), location=location)
    if cover:
        draft.events += parse_cover(family, cover, date=when,
                                    source_document=symbol, is_known=is_known)
    sponsors_710 = [clean(" ".join(sf.get("a", []) + sf.get("b", [])))
                    for _, _, sf in rec.datafields("710")]
    draft.events += catalogued_sponsors(family, [n for n in sponsors_710 if n],
                                        printed=bool(cover), date=when, source_document=symbol)
    for note in notes:  # one field at a time, so a document named in one note stays there
        draft.events += parse_notes(family, note, fallback_document=report, is_known=is_known)
    return draft


def parse_resolution(rec: MarcRecord, location: str) -> ResolutionRecord:
    symbol = rec.first("191")
    links = related_documents(rec)
    drafts = links["draft"] or [s for s in rec.all("993") if "/L." in s]
    summary = rec.datafields("996")
    return ResolutionRecord(
        symbol=symbol, body=body_of(symbol),
        title=" ".join(filter(None, [rec.first("245", "a"), rec.first("245", "b")])).strip(" :/"),
        adoption_date=_date(rec.first("992") or rec.first("269")),
        agenda_item=rec.first("991", "b") or rec.first("991"),
        draft_symbols=drafts,
        yes=_int(rec.first("996", "b")) if summary else None,
        no=_int(rec.first("996", "c")) if summary else None,
        abstain=_int(rec.first("996", "d")) if summary else None,
        non_voting=_int(rec.first("996", "e")) if summary else None,
        location=location)


def parse_marcxml(text: str | bytes, location: str = "<marcxml>", is_known=None):
    """Parse MARCXML into (drafts, resolutions, votes, errors); one bad record is skipped.

    `errors` may also hold one `EncodingRepaired` notice for the file: its records were
    kept, repaired, and the notice names them.
    """
    drafts, resolutions, votes, errors = [], [], [], []
    repaired: list[tuple[str, str, str]] = []  # (record, as read, repaired)
    for i, rec in enumerate(read_marcxml(text, location), start=1):
        record_id = rec.control.get("001")
        label = f"record {i}{', id ' + record_id if record_id else ''}"
        where = f"{location} ({label})"
        try:
            if rec.unrepairable:
                raise BadInput("text was decoded with the wrong character set and cannot be "
                               f"repaired ({rec.unrepairable[0][:60]!r}); download the record "
                               "again and save the bytes unchanged", location=where)
            repaired += [(label, a, b) for a, b in rec.repaired]
            if _is_vote(rec):
                vote, problems = parse_vote(rec, where)
                votes.append(vote)
                errors += problems
                continue
            symbol = rec.first("191")
            if not symbol:
                raise BadInput("record has no 191 $a symbol", location=where)
            if "/RES/" in symbol.upper():
                resolutions.append(parse_resolution(rec, where))
            elif "/L." in symbol.upper():
                drafts.append(parse_draft(rec, where, is_known))
            else:
                raise BadInput(f"{symbol} is neither a draft, a resolution nor a vote",
                               location=where)
        except BadInput as exc:
            errors.append(exc)
    if repaired:
        labels = list(dict.fromkeys(r for r, _, _ in repaired))
        named = "; ".join(labels[:10]) + (f"; and {len(labels) - 10} more"
                                          if len(labels) > 10 else "")
        latin = [r for r in repaired if all(ord(c) < 0x250 for c in r[2])] or repaired
        _, before, after = min(latin, key=lambda r: len(r[1]))  # a short, readable example
        errors.append(EncodingRepaired(
            f"repaired mojibake in {len(labels)} record(s) ({named}): the file's "
            f"UTF-8 had been read as Latin-1 and saved again, e.g. {before!r} -> {after!r}. "
            "The repaired records were imported; to be sure, download them again and save the "
            "bytes unchanged", location=location))
    return drafts, resolutions, votes, errors


# --- the bulk CSV of GA votes --------------------------------------------------------

_GA_CSV_VERSIONS = {
    # 2024 release: one row per state per resolution, NV for non-voting
    "2024": {"code": "ms_codes", "name": "ms_names", "vote": "ms_votes",
             "resolution": "resolutions", "yes": "yes", "no": "no", "abstain": "abstentions",
             "non_voting": "non-voting", "total": "total-voting"},
    # 2025 release: singular names, X for non-voting
    "2025": {"code": "ms_code", "name": "ms_name", "vote": "ms_vote",
             "resolution": "resolution", "yes": "total_yes", "no": "total_no",
             "abstain": "total_abstentions", "non_voting": "total_non_voting",
             "total": "total_ms"},
}


def detect_ga_csv_version(header: list[str]) -> str:
    cols = set(header)
    for version, names in _GA_CSV_VERSIONS.items():
        if {names["code"], names["vote"], names["resolution"], "date"} <= cols:
            return version
    raise BadInput("unknown header for the GA voting CSV: " + ", ".join(header)
                   + " (known: the Library's 2024 release with ms_codes/ms_votes/resolutions, "
                   "and its 2025 release with ms_code/ms_vote/resolution)")


def parse_ga_votes_csv(text: str, location: str = "<csv>"):
    """Group the one-row-per-state CSV into VoteRecords; return (votes, errors)."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        version = detect_ga_csv_version([h.strip() for h in reader.fieldnames or []])
    except BadInput as exc:
        raise BadInput(str(exc), location=location) from None
    names = _GA_CSV_VERSIONS[version]
    votes: dict[tuple, VoteRecord] = {}
    errors = []
    for lineno, row in enumerate(reader, start=2):
        symbol = clean(row.get(names["resolution"]))
        if not symbol:
            errors.append(BadInput("no resolution symbol", location=f"{location}, line {lineno}"))
            continue
        day = parse_date(row.get("date"))
        key = (symbol, day)
        if key not in votes:
            votes[key] = VoteRecord(
                symbol=symbol, body="GA", date=day, method="recorded",
                yes=_int(row.get(names["yes"])), no=_int(row.get(names["no"])),
                abstain=_int(row.get(names["abstain"])),
                non_voting=_int(row.get(names["non_voting"])),
                total=_int(row.get(names["total"])), meeting=clean(row.get("meeting")) or None,
                location=f"{location}, line {lineno}")
        value = clean(row.get(names["vote"])).upper()
        value = {"NV": "X", "": "X"}.get(value, value)
        if value not in {"Y", "N", "A", "X"}:
            errors.append(BadInput(f"unknown vote value {value!r}",
                                   location=f"{location}, line {lineno}"))
            continue
        votes[key].casts.append(VoteCastRecord(
            name=clean(row.get(names["name"])) or clean(row.get(names["code"])), value=value,
            iso3=clean(row.get(names["code"])).upper() or None))
    return list(votes.values()), errors
