"""Plain records the parsers return; `tracker` decides how to store them."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ReplyRecord:
    date: dt.date | None
    url: str
    kind: str | None = None  # acknowledgement | substantive | None when the page does not say


@dataclass
class CommunicationRecord:
    type: str  # AL UA OL JAL JUA JOL
    addressee_code: str  # ISO3, or OTH
    number: int
    year: int
    date: dt.date | None
    addressee_name: str
    mandates: list[str] = field(default_factory=list)  # the site's labels, as printed
    summary: str | None = None
    alleged_victims: int | None = None
    language: str | None = None
    letter_url: str | None = None
    source_url: str | None = None
    site_id: int | None = None
    replies: list[ReplyRecord] = field(default_factory=list)
    location: str = ""  # where in the input this came from: URL, file and line

    @property
    def reference(self) -> str:
        return f"{self.type} {self.addressee_code} {self.number}/{self.year}"


@dataclass(slots=True)  # a catalogue import holds some 290,000 of them
class SponsorEvent:
    """A state or group joining or leaving the sponsors of a draft family."""

    family: str  # draft symbol without /Rev.N
    name: str  # as printed
    action: str  # join | withdraw
    role: str | None = None  # main | cover | co | additional | corrected | catalogue
    on_behalf_of: str | None = None
    date: dt.date | None = None
    source_document: str | None = None
    printed_as: str | None = None  # the misspelling a cataloguer corrected with [i.e. …]
    origin: str = ""  # cover | notes | catalogue | report: where in the record it was read


@dataclass
class DraftRecord:
    symbol: str
    family: str
    revision: int
    title: str | None = None
    date: dt.date | None = None
    cover_sponsors: str | None = None
    notes: str | None = None
    resolution_symbol: str | None = None
    body: str | None = None  # HRC | GA | CHR | SC | ECOSOC | other
    kind: str = "draft"  # draft | amendment | corrigendum
    status: str | None = None  # adopted | withdrawn | no action | rejected | … ; None: unknown
    status_source: str | None = None
    placeholder_symbol: str | None = None  # "A/RES/68/..." where a symbol was due
    events: list[SponsorEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the parser read but could not use
    location: str = ""


@dataclass
class VoteCastRecord:
    name: str
    value: str  # Y N A X
    iso3: str | None = None


@dataclass
class VoteRecord:
    symbol: str
    body: str
    date: dt.date | None
    method: str  # recorded | non-recorded | without a vote
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    total: int | None = None
    meeting: str | None = None
    casts: list[VoteCastRecord] = field(default_factory=list)
    location: str = ""
    kind: str | None = None  # resolution | decision | amendment, when the source says
    outcome: str | None = None  # adopted | rejected, when the source says
    title: str | None = None
    heading: str | None = None  # the catalogue's whole heading (title, kind, body), as read
    agenda: str | None = None  # the agenda entry as catalogued
    agenda_item: int | None = None
    origin: str | None = None  # which source: ohchr-voting | undl | hrc-report


@dataclass
class ResolutionRecord:
    symbol: str
    body: str
    title: str
    session: str | None = None
    agenda_item: str | None = None
    adoption_date: dt.date | None = None
    adoption_method: str | None = None
    orally_revised: bool = False
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    meeting: str | None = None
    draft_symbols: list[str] = field(default_factory=list)
    location: str = ""
