"""UN Digital Library (digitallibrary.un.org, Invenio/TIND): drafts, resolutions and votes.

Pages: a record's MARCXML `/record/{id}/export/xm`, and search results
`/search?p=…&of=xm&rg=…&jrec=…` (a <collection> of <record>s). Plain clients are
reported to get 202 with an empty body from search; the HTTP layer refuses that as a
block, and every importer here also takes a file the user saved from a browser.

MARC fields read (shared/SOURCES.md; 967 $c/$d, 791, 952, 269, 993 and 996 $b also as a
public UNSC voting parser reads them): 191 $a symbol; 245 $a/$b/$c title, subtitle and
the cover's sponsors; 269 $a date; 500 $a notes ("Additional sponsors…", withdrawals);
710 $a sponsoring states or groups; 791 $a the resolution a vote is on; 952 $a meeting;
992 $a action date; 993 $a related symbols; 591 $a vote method; 967/968/969 one per
state ($a sequence, $c ISO3, $d Y/N/A, missing = non-voting, $e name); 996 $b–$f
yes / no / abstain / non-voting / total; 089 $b B23 marks a voting record.

Also the Library's bulk CSV of GA recorded votes, in its two known header versions.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from lxml import etree

from scrapers import BadInput, LayoutChanged
from scrapers.records import DraftRecord, ResolutionRecord, VoteCastRecord, VoteRecord
from scrapers.sponsors import (
    catalogued_sponsors,
    clean_title,
    draft_family,
    draft_revision,
    parse_cover,
    parse_notes,
)
from scrapers.text import clean, parse_date

BASE_URL = "https://digitallibrary.un.org"
MARC_NS = "http://www.loc.gov/MARC21/slim"
PARSER_VERSION = "1"


def record_url(record_id: int) -> str:
    return f"{BASE_URL}/record/{record_id}/export/xm"


def search_url(query: str, *, start: int = 1, size: int = 100) -> str:
    from urllib.parse import urlencode

    return f"{BASE_URL}/search?" + urlencode({"p": query, "of": "xm", "rg": size, "jrec": start})


def body_of(symbol: str) -> str:
    s = symbol.upper()
    if s.startswith("A/HRC/"):
        return "HRC"
    if s.startswith("E/CN.4/"):
        return "CHR"
    if s.startswith("A/"):
        return "GA"
    return "OTHER"


def _date(text: str | None):
    text = clean(text)
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return parse_date(text)


def _int(text: str | None) -> int | None:
    text = clean(text)
    return int(text) if text.isdigit() else None


@dataclass
class MarcRecord:
    """One record's datafields as (tag, ind1, {code: [values]}) for easy reading."""

    fields: list[tuple[str, str, dict[str, list[str]]]]
    control: dict[str, str] = field(default_factory=dict)

    def all(self, tag: str, code: str = "a") -> list[str]:
        return [clean(v) for t, _, sf in self.fields if t == tag for v in sf.get(code, [])]

    def first(self, tag: str, code: str = "a") -> str | None:
        values = self.all(tag, code)
        return values[0] if values else None

    def datafields(self, *tags: str):
        return [(t, ind1, sf) for t, ind1, sf in self.fields if t in tags]


def read_marcxml(text: str | bytes, location: str = "<marcxml>") -> list[MarcRecord]:
    """Read a MARCXML <record> or <collection>; raise LayoutChanged when it is not MARCXML."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if not data.strip():
        raise LayoutChanged("empty response where MARCXML was expected", location=location)
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                             no_network=True))
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"not valid XML ({exc})", location=location) from None
    ns = {"m": MARC_NS}
    records = root.findall(".//m:record", ns)
    if root.tag == f"{{{MARC_NS}}}record":
        records = [root]
    if not records:
        if root.tag.endswith("collection"):
            return []  # a search with no hits
        raise LayoutChanged(f"no MARC21 records (root element {root.tag!r})", location=location)
    out = []
    for rec in records:
        fields = []
        for df in rec.findall("m:datafield", ns):
            subs: dict[str, list[str]] = {}
            for sf in df.findall("m:subfield", ns):
                subs.setdefault(sf.get("code", ""), []).append(sf.text or "")
            fields.append((df.get("tag", ""), (df.get("ind1") or "").strip(), subs))
        control = {cf.get("tag", ""): cf.text or "" for cf in rec.findall("m:controlfield", ns)}
        out.append(MarcRecord(fields, control))
    return out


def _is_vote(rec: MarcRecord) -> bool:
    return "B23" in rec.all("089", "b") or bool(rec.datafields("967", "968", "969"))


def parse_vote(rec: MarcRecord, location: str) -> VoteRecord:
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
    return VoteRecord(
        symbol=symbol, body=body_of(symbol), date=_date(rec.first("269") or rec.first("992")),
        method=method, yes=_int(rec.first("996", "b")), no=_int(rec.first("996", "c")),
        abstain=_int(rec.first("996", "d")), non_voting=_int(rec.first("996", "e")),
        total=_int(rec.first("996", "f")), meeting=rec.first("952"), casts=casts,
        location=location)


def parse_draft(rec: MarcRecord, location: str, is_known=None) -> DraftRecord:
    symbol = rec.first("191")
    family = draft_family(symbol)
    when = _date(rec.first("269"))
    related = rec.all("993")
    resolution = next((s for s in related if "/RES/" in s.upper()), None)
    report = next((s for s in related if "/RES/" not in s.upper() and "/L." not in s), None)
    cover = rec.first("245", "c")
    cover = cover.rstrip(" .") if cover else None
    draft = DraftRecord(
        symbol=symbol, family=family, revision=draft_revision(symbol),
        title=clean_title(" ".join(filter(None, [rec.first("245", "a"), rec.first("245", "b")]))),
        date=when, cover_sponsors=cover, notes=" -- ".join(rec.all("500")) or None,
        resolution_symbol=resolution, body=body_of(symbol), location=location)
    if cover:
        draft.events += parse_cover(family, cover, date=when, source_document=symbol,
                                    is_known=is_known)
    draft.events += catalogued_sponsors(family, rec.all("710"), printed=bool(cover),
                                        date=when, source_document=symbol, is_known=is_known)
    draft.events += parse_notes(family, draft.notes or "", fallback_document=report,
                                is_known=is_known)
    return draft


def parse_resolution(rec: MarcRecord, location: str) -> ResolutionRecord:
    symbol = rec.first("191")
    related = rec.all("993")
    summary = rec.datafields("996")
    return ResolutionRecord(
        symbol=symbol, body=body_of(symbol),
        title=" ".join(filter(None, [rec.first("245", "a"), rec.first("245", "b")])).strip(" :/"),
        adoption_date=_date(rec.first("992") or rec.first("269")),
        agenda_item=rec.first("991", "b") or rec.first("991"),
        draft_symbols=[s for s in related if "/L." in s],
        yes=_int(rec.first("996", "b")) if summary else None,
        no=_int(rec.first("996", "c")) if summary else None,
        abstain=_int(rec.first("996", "d")) if summary else None,
        non_voting=_int(rec.first("996", "e")) if summary else None,
        location=location)


def parse_marcxml(text: str | bytes, location: str = "<marcxml>", is_known=None):
    """Parse MARCXML into (drafts, resolutions, votes, errors); one bad record is skipped."""
    drafts, resolutions, votes, errors = [], [], [], []
    for i, rec in enumerate(read_marcxml(text, location), start=1):
        record_id = rec.control.get("001")
        where = f"{location} (record {i}{', id ' + record_id if record_id else ''})"
        try:
            if _is_vote(rec):
                votes.append(parse_vote(rec, where))
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
