"""SQLModel tables. Each has a natural key under a unique constraint and UTC timestamps."""

import datetime as dt
from datetime import UTC, datetime

from sqlalchemy import DDL, Column, DateTime, Index, Text, UniqueConstraint, event
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _created():
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)


def _updated():
    return Field(
        default_factory=utcnow,
        sa_type=DateTime(timezone=True),
        nullable=False,
        sa_column_kwargs={"onupdate": utcnow},
    )


def _text(nullable=True):
    return Field(default=None, sa_column=Column(Text, nullable=nullable))


class Timestamped(SQLModel):
    created_at: datetime = _created()
    updated_at: datetime = _updated()


# --- States and regions ------------------------------------------------------------------


class State(Timestamped, table=True):
    """A UN member, observer or former member State, keyed by ISO 3166 alpha-3.

    A former member whose seat the UN did not pass on (Czechoslovakia, the SFR of
    Yugoslavia, the GDR, Democratic Yemen) is a State of its own with the day it left;
    a State that only changed its name (Zaire, Burma, the USSR's seat) keeps one row
    and its old names are dated aliases.
    """

    iso3: str = Field(primary_key=True, max_length=3)
    m49: str = Field(max_length=3, unique=True)
    name: str  # UN English short name, e.g. "Bolivia (Plurinational State of)"
    formal_name: str
    status: str = Field(max_length=10)  # member | observer | former
    member_since: int | None = None
    un_admitted: dt.date | None = None  # the day it became a UN member
    un_left: dt.date | None = None  # the day its membership ended (former members)
    successor_iso3: str | None = None  # the member it merged into, if any
    succession: str | None = None  # merged | dissolved
    m49_region: str
    m49_subregion: str
    m49_intermediate: str | None = None


class StateAlias(Timestamped, table=True):
    """A spelling of a state met in UN documents; `key` is the normalised form we match on.

    A historic name holds only for its dates: "Yugoslavia" is the SFR of Yugoslavia until
    1992 and the Federal Republic of Yugoslavia (now Serbia's seat) from 2000.
    """

    __table_args__ = (UniqueConstraint("key", "valid_from"),)
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    alias: str
    iso3: str = Field(foreign_key="state.iso3", index=True)
    source: str = ""
    historic: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class NameDecision(Timestamped, table=True):
    """A printed name matched by similarity, waiting for a person to confirm or reject it."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)  # name_key of the printed name
    name: str  # as printed
    iso3: str = Field(foreign_key="state.iso3")
    score: float
    matched_alias: str  # the spelling it is closest to
    runner_up: str | None = None  # the next closest State, with its score
    first_seen: str = ""  # file and line, or draft symbol
    status: str = "pending"  # pending | confirmed | rejected
    decided_by: str | None = None
    decided_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class GroupMembership(Timestamped, table=True):
    """A State's membership of a sponsoring group (EU, G77) between two dates."""

    __table_args__ = (UniqueConstraint("group_name", "iso3", "valid_from"),)
    id: int | None = Field(default=None, primary_key=True)
    group_name: str = Field(index=True)  # canonical name, e.g. "European Union"
    iso3: str = Field(foreign_key="state.iso3", index=True)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    source: str = ""


class DataIssue(Timestamped, table=True):
    """Something an import read but could not use as it stands, for a person to look at."""

    __table_args__ = (UniqueConstraint("kind", "subject", "detail"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)  # unresolved-name | placeholder-symbol | disagreement | …
    subject: str  # the draft symbol or family it concerns
    detail: str = Field(sa_column=Column(Text, nullable=False))
    location: str = ""  # file and line
    source_id: int | None = Field(default=None, foreign_key="source.id")


class RegionScheme(Timestamped, table=True):
    """A way of grouping states: UN regional groups, M49, the SR on defenders' regions…"""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=60)
    name: str
    description: str = ""
    source: str = ""


class Region(Timestamped, table=True):
    """One region of a scheme."""

    __table_args__ = (UniqueConstraint("scheme_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    scheme_id: int = Field(foreign_key="regionscheme.id", index=True)
    name: str
    sort_order: int = 0


class RegionMembership(Timestamped, table=True):
    """A state's place in a region; `counts` marks the one region it is counted in."""

    __table_args__ = (UniqueConstraint("region_id", "iso3", "valid_from"),)
    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    iso3: str = Field(foreign_key="state.iso3", index=True)
    role: str = "member"  # member | observer | participant
    counts: bool = True
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class HrcMembership(Timestamped, table=True):
    """A state's term on the Human Rights Council."""

    __table_args__ = (UniqueConstraint("iso3", "term_start"),)
    id: int | None = Field(default=None, primary_key=True)
    iso3: str = Field(foreign_key="state.iso3", index=True)
    term_start: dt.date
    term_end: dt.date  # the last day on the Council; earlier than planned if it left early
    source: str = ""
    note: str = ""


# --- Provenance --------------------------------------------------------------------------


class Source(Timestamped, table=True):
    """A page or file that rows were read from, with how and when."""

    __table_args__ = (UniqueConstraint("location", "content_hash"),)
    id: int | None = Field(default=None, primary_key=True)
    location: str  # URL or file path
    fetched_at: datetime = _created()
    http_status: int | None = None
    content_hash: str = Field(max_length=64)
    parser: str
    parser_version: str


class ScrapeRun(Timestamped, table=True):
    """One run of a scraper or importer and what it did."""

    id: int | None = Field(default=None, primary_key=True)
    source_kind: str  # communications | undl | hrc-session | hrc-report | import
    target: str = ""
    started_at: datetime = _created()
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    status: str = "running"  # running | finished | partial | failed | interrupted
    saved: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    unmatched: int = 0
    error: str | None = _text()


class RunProcess(SQLModel, table=True):
    """The process behind a ScrapeRun, so a run whose process died can be told from a live one.

    No foreign key: it is bookkeeping, and deleting a run must not depend on it.
    """

    run_id: int = Field(primary_key=True)
    host: str = Field(max_length=255)
    pid: int
    process_start: str | None = Field(default=None, max_length=40)  # a reused pid differs
    heartbeat_at: datetime = _created()


# --- Communications ----------------------------------------------------------------------


class Mandate(Timestamped, table=True):
    """A Special Procedures mandate; labels the site uses but we do not know are unverified."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=120)
    site_label: str = Field(unique=True)
    full_name: str
    kind: str = "thematic"  # thematic | country
    short_name: str = ""
    unverified: bool = False


class CommunicationMandate(SQLModel, table=True):
    communication_id: int = Field(foreign_key="communication.id", primary_key=True,
                                  ondelete="CASCADE")
    mandate_id: int = Field(foreign_key="mandate.id", primary_key=True)


class Communication(Timestamped, table=True):
    """A letter sent by the Special Procedures; `(addressee_code, number, year)` is the key."""

    __table_args__ = (UniqueConstraint("addressee_code", "number", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    addressee_code: str = Field(max_length=3, index=True)  # ISO3, or OTH for non-states
    number: int
    year: int = Field(index=True)
    type: str = Field(max_length=3, index=True)  # AL UA OL JAL JUA JOL
    date: dt.date | None = Field(default=None, index=True)
    state_iso3: str | None = Field(default=None, foreign_key="state.iso3", index=True)
    addressee_name: str
    summary: str | None = _text()
    alleged_victims: int | None = None
    language: str | None = Field(default=None, max_length=2)
    letter_url: str | None = None
    source_url: str | None = None
    site_id: int | None = None  # the listing row's data-id
    source_id: int | None = Field(default=None, foreign_key="source.id")
    # Coding: the value in force for each scheme, resolved from CodeAssignment rows by
    # tracker.coding (a person's decision wins over the rules). None means "not yet coded".
    # Kept here, denormalised, because search, dashboards and briefs read it for every row.
    women: bool | None = None
    women_coded_by: str | None = None
    women_coded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    whrd: bool | None = None
    whrd_coded_by: str | None = None
    whrd_coded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    attack_types: str | None = None  # comma-separated slugs
    attack_types_coded_by: str | None = None
    attack_types_coded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    perpetrator_type: str | None = None  # comma-separated: state, non_state, unknown
    perpetrator_type_coded_by: str | None = None
    perpetrator_type_coded_at: datetime | None = Field(
        default=None, sa_type=DateTime(timezone=True))
    perpetrators: str | None = None  # comma-separated slugs: police, company, ...
    risk_factors: str | None = None  # comma-separated slugs: land, indigenous, ...
    # None: never coded; rules: coded by rules only; reviewed: a person confirmed every
    # scheme; disputed: the rules now disagree with a person, or a person flagged it.
    coding_status: str | None = Field(default=None, max_length=10, index=True)
    coding_confidence: float | None = None  # the weakest rule-made code's confidence

    @property
    def reference(self) -> str:
        return f"{self.type} {self.addressee_code} {self.number}/{self.year}"


class CodeAssignment(Timestamped, table=True):
    """One code on one communication, as the rules found it or as a person decided it.

    Rule rows are replaced on every run of the rules; person rows are never touched by
    them. `present` False is a person saying "not this code" (a rule row is always True).
    For a scheme a person has decided, a row with value "*" marks the decision, so that
    "no attack type at all" is a decision too.
    """

    __table_args__ = (UniqueConstraint("communication_id", "scheme", "value", "origin"),)
    id: int | None = Field(default=None, primary_key=True)
    communication_id: int = Field(foreign_key="communication.id", index=True,
                                  ondelete="CASCADE")
    scheme: str = Field(max_length=20)  # women | whrd | attack | perpetrator | risk
    value: str = Field(max_length=40)  # yes/no for women and whrd, else a vocabulary slug
    origin: str = Field(max_length=5)  # rule | human
    present: bool = True
    rule: str | None = Field(default=None, max_length=80)  # the rule's id in the rules file
    matched: str | None = _text()  # the words it matched, as JSON: [[field, words], ...]
    confidence: float | None = None
    coded_by: str | None = Field(default=None, max_length=80)  # a username, or "rules v3"
    coded_at: datetime = _created()


class CodingFlag(SQLModel, table=True):
    """A person's flag on a communication's coding: disputed until someone removes it.

    A table of its own, not a CodeAssignment row: it is about the whole communication,
    and its note is a person's words, not the words a rule matched.
    """

    communication_id: int = Field(foreign_key="communication.id", primary_key=True,
                                  ondelete="CASCADE")
    note: str = Field(sa_column=Column(Text, nullable=False))
    flagged_by: str = Field(max_length=80)  # a username
    flagged_at: datetime = _created()


class Document(Timestamped, table=True):
    """A letter or a reply file: where it came from, the cached copy, and its text."""

    __table_args__ = (UniqueConstraint("url"),)
    id: int | None = Field(default=None, primary_key=True)
    communication_id: int = Field(foreign_key="communication.id", index=True,
                                  ondelete="CASCADE")
    reply_id: int | None = Field(default=None, foreign_key="reply.id", index=True,
                                 ondelete="CASCADE")
    kind: str = Field(max_length=6)  # letter | reply
    url: str
    fetched_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    sha256: str | None = Field(default=None, max_length=64)
    size: int | None = None
    pages: int | None = None
    # pending: not fetched yet; text; no_text: a scan without a text layer;
    # failed: the fetch or the file was bad (error says which)
    text_status: str = Field(default="pending", max_length=8, index=True)
    text: str | None = _text()
    language: str | None = Field(default=None, max_length=2)
    reference_found: str | None = Field(default=None, max_length=40)  # read from the file
    reference_ok: bool | None = None  # does it match the listing row's reference?
    error: str | None = _text()
    source_id: int | None = Field(default=None, foreign_key="source.id")


class Reply(Timestamped, table=True):
    """A state's reply to a communication."""

    __table_args__ = (UniqueConstraint("communication_id", "url", "date"),)
    id: int | None = Field(default=None, primary_key=True)
    communication_id: int = Field(foreign_key="communication.id", index=True, ondelete="CASCADE")
    date: dt.date | None = None
    url: str = ""
    kind: str | None = None  # acknowledgement | substantive | None when unknown
    source_id: int | None = Field(default=None, foreign_key="source.id")


# --- Resolutions, drafts, sponsors, votes ------------------------------------------------


class Resolution(Timestamped, table=True):
    """An adopted HRC or GA resolution, keyed by its symbol."""

    id: int | None = Field(default=None, primary_key=True)
    body: str = Field(max_length=3, index=True)  # HRC | GA
    symbol: str = Field(unique=True)  # A/RES/68/181, A/HRC/RES/27/24
    session: str | None = None
    title: str = _text(nullable=False)
    agenda_item: str | None = None
    adoption_date: dt.date | None = None
    adoption_method: str | None = None  # without a vote | recorded vote | non-recorded vote
    orally_revised: bool = False
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    meeting: str | None = None
    source_id: int | None = Field(default=None, foreign_key="source.id")


class Draft(Timestamped, table=True):
    """An L-document; `family` is its symbol without /Rev.N, /Add.N or /Corr.N."""

    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(unique=True)
    family: str = Field(index=True)
    revision: int = 0
    body: str | None = Field(default=None, max_length=3)  # GA HRC CHR SC ESC OTH
    kind: str = "draft"  # draft | amendment | corrigendum
    # An amendment's target: the draft family it amends, else the resolution symbol when
    # no draft of it is known; `amends_basis` says how the link was made (tracker.hrc_votes).
    amends: str | None = Field(default=None, index=True)
    amends_basis: str | None = None
    status: str | None = None  # adopted | withdrawn | no action | rejected | superseded …
    status_source: str | None = None
    resolution_id: int | None = Field(default=None, foreign_key="resolution.id", index=True)
    resolution_symbol: str | None = None
    title: str | None = _text()
    date: dt.date | None = None
    cover_sponsors: str | None = _text()  # the sponsor list as printed on the cover
    notes: str | None = _text()
    source_id: int | None = Field(default=None, foreign_key="source.id")


class Sponsorship(Timestamped, table=True):
    """A state or group sponsoring a draft family: how it joined and whether it withdrew."""

    __table_args__ = (UniqueConstraint("family", "sponsor_key"),)
    id: int | None = Field(default=None, primary_key=True)
    family: str = Field(index=True)
    sponsor_key: str  # ISO3, or "group:<name>", or "unmatched:<name>"
    iso3: str | None = Field(default=None, foreign_key="state.iso3", index=True)
    group_name: str | None = None
    on_behalf_of: str | None = None
    role: str  # main | co | additional
    joined_on: dt.date | None = None
    joined_source: str | None = None  # document symbol where the join is recorded
    withdrawn: bool = False
    withdrawn_on: dt.date | None = None
    withdrawn_source: str | None = None
    raw_name: str
    source_id: int | None = Field(default=None, foreign_key="source.id")


class SponsorshipEvent(Timestamped, table=True):
    """Each join or withdrawal as printed, with its source document; Sponsorship sums them."""

    __table_args__ = (UniqueConstraint("family", "sponsor_key", "action", "role",
                                       "source_document"),)
    id: int | None = Field(default=None, primary_key=True)
    family: str = Field(index=True)
    sponsor_key: str
    iso3: str | None = Field(default=None, foreign_key="state.iso3")
    action: str  # join | withdraw
    role: str = ""  # main | cover | co | additional for joins; "" for withdrawals
    date: dt.date | None = None
    source_document: str = ""
    raw_name: str
    source_id: int | None = Field(default=None, foreign_key="source.id")


class Vote(Timestamped, table=True):
    """A vote on a resolution, decision, draft or amendment in one body on one day."""

    __table_args__ = (UniqueConstraint("symbol", "date"),)
    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(index=True)  # resolution symbol, or draft symbol before adoption
    body: str = Field(max_length=3)
    date: dt.date | None = Field(default=None, index=True)
    method: str  # recorded | non-recorded | without a vote
    kind: str | None = Field(default=None, max_length=10)  # resolution | decision | amendment
    outcome: str | None = Field(default=None, max_length=8)  # adopted | rejected; None: unknown
    title: str | None = _text()
    agenda: str | None = _text()  # the agenda entry as catalogued: report, item, subjects
    agenda_item: int | None = Field(default=None, index=True)
    origin: str | None = Field(default=None, max_length=20)  # ohchr-voting | undl | hrc-report
    symbol_as_printed: str | None = None  # when the source misprinted it (A/HRC/DEC22/117)
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    total: int | None = None
    meeting: str | None = None
    source_id: int | None = Field(default=None, foreign_key="source.id")


class VoteCast(Timestamped, table=True):
    """One state's vote: Y, N, A, or X for present but not voting / absent."""

    __table_args__ = (UniqueConstraint("vote_id", "raw_name"),)
    id: int | None = Field(default=None, primary_key=True)
    vote_id: int = Field(foreign_key="vote.id", index=True, ondelete="CASCADE")
    iso3: str | None = Field(default=None, foreign_key="state.iso3", index=True)
    raw_name: str
    value: str = Field(max_length=1)


# --- Geneva meeting briefs -----------------------------------------------------------


class Brief(Timestamped, table=True):
    """A brief for a meeting: a subject, a period, and the organisation's own text."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    subject_kind: str  # mandate | state | region | resolution
    subject: str  # mandate slug, ISO3, "scheme:region term", or resolution symbol
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    context: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    talking_points: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    asks: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    version: int = 1
    author_id: int | None = Field(default=None, foreign_key="user.id", index=True)


class BriefVersion(Timestamped, table=True):
    """A saved state of a brief: its text and the data it showed, to compare and restore."""

    __table_args__ = (UniqueConstraint("brief_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(foreign_key="brief.id", index=True, ondelete="CASCADE")
    version: int
    note: str = ""
    author: str | None = None  # the username that saved it
    snapshot: str = Field(sa_column=Column(Text, nullable=False))  # JSON: fields and data


class BriefDeletion(SQLModel, table=True):
    """A brief put in the bin: hidden from the list, kept with its versions, restorable.

    A table of its own rather than a column on Brief, so a database made before it needs
    no migration: `init-db` (and `make run`) create it.
    """

    brief_id: int = Field(foreign_key="brief.id", primary_key=True, ondelete="CASCADE")
    deleted_at: datetime = _created()
    deleted_by: str | None = None  # the username


class InternalBrief(SQLModel, table=True):
    """A brief for the organisation only: it may show case figures (in aggregate) and says
    so on every output. A brief without a row here is public and never shows case data.

    A table of its own, like BriefDeletion, so that existing databases need no migration.
    """

    brief_id: int = Field(foreign_key="brief.id", primary_key=True, ondelete="CASCADE")
    marked_by: str | None = None  # the username
    marked_at: datetime = _created()


# --- Accounts and the audit log -------------------------------------------------------------


class User(Timestamped, table=True):
    """A person who signs in. Disabled, never deleted: the audit log keeps naming them."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True)
    role: str = "viewer"  # viewer | editor | admin
    password_hash: str
    disabled: bool = False
    totp_secret: str | None = _text()  # encrypted with a key derived from SECRET_KEY
    totp_last_step: int | None = None  # the last accepted time step: a code works once
    recovery_codes: str = Field(default="[]", sa_column=Column(Text, nullable=False,
                                                              default="[]"))  # sha256 list
    failed_logins: int = 0
    locked_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    last_login_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class LoginSession(Timestamped, table=True):
    """A signed-in browser. The cookie holds a random token; the table holds its hash, so
    signing out, disabling a user or a copied database cannot keep a session alive."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    last_seen_at: datetime = _created()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    ip: str = ""
    user_agent: str = ""


class AuditEvent(SQLModel, table=True):
    """One thing a person did. Rows are only ever added: triggers refuse UPDATE and DELETE."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _created()
    user_id: int | None = Field(default=None, index=True)
    username: str = Field(default="", index=True)  # as typed, for failed logins too
    action: str = Field(index=True)  # login | logout | login-failed | brief-view | ...
    target: str = ""
    detail: str = ""
    ip: str = ""
    user_agent: str = ""


_APPEND_ONLY = "the audit log is append-only"
event.listen(AuditEvent.__table__, "after_create", DDL(
    f"CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END").execute_if(dialect="sqlite"))
event.listen(AuditEvent.__table__, "after_create", DDL(
    f"CREATE TRIGGER auditevent_no_delete BEFORE DELETE ON auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END").execute_if(dialect="sqlite"))
event.listen(AuditEvent.__table__, "after_create", DDL(
    "CREATE OR REPLACE FUNCTION auditevent_refuse() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$ LANGUAGE plpgsql; "
    "CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent "
    "FOR EACH ROW EXECUTE FUNCTION auditevent_refuse()").execute_if(dialect="postgresql"))


# --- The organisation's private case register --------------------------------------------
#
# Nothing here is public data. No view at PUBLIC level, no public index, feed, export or
# public brief reads these tables (tests/test_case_privacy.py checks every route). The
# defender's identity and the notes are encrypted with the case key (tracker.casekey),
# which never lives in the database.


class Case(Timestamped, table=True):
    """A defender's case as the organisation documents it: who (a pseudonym), where, what
    was done and by whom, what was submitted to the UN and where it stands."""

    # The list's order with the columns its text box searches: a page of the register, and
    # a search of it, read this index alone, never the rows with their encrypted columns.
    __table_args__ = (Index("ix_case_listed", "updated_at", "id", "pseudonym", "province"),)
    id: int | None = Field(default=None, primary_key=True)
    pseudonym: str = Field(max_length=120, index=True)
    # Fernet tokens: JSON {"name": ..., "contact": ...} and the notes' text; None when empty.
    identity: str | None = _text()
    notes: str | None = _text()
    gender: str = Field(default="woman", max_length=12)  # woman | man | non_binary | unknown
    whrd: bool = True
    iso3: str = Field(foreign_key="state.iso3", index=True, max_length=3)
    province: str = Field(default="", max_length=120)  # never finer than a province
    incident_dates: str = ""  # comma-separated ISO dates, sorted
    perpetrators: str = ""  # comma-separated slugs of the vocabulary's perpetrator scheme
    attack_types: str = ""  # ... of the attack scheme
    risk_factors: str = ""  # ... of the risk scheme
    # documented | submitted | communication_sent | reply_received | follow_up | closed
    status: str = Field(default="documented", max_length=20, index=True)
    retention_until: dt.date | None = Field(default=None, index=True)
    version: int = 1
    created_by: str = Field(default="", max_length=80)
    updated_by: str = Field(default="", max_length=80)


class CaseSubmission(Timestamped, table=True):
    """A submission of the case to the Special Procedures, and the communication that
    resulted once a person has confirmed the match."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    submitted_on: dt.date
    mandates: str = ""  # comma-separated mandate slugs it went to
    reference: str = Field(default="", max_length=40)  # a reference the UN gave, if any
    communication_id: int | None = Field(default=None, foreign_key="communication.id",
                                         index=True, ondelete="SET NULL")
    # none: no communication found yet; suggested: a match the tracker proposes;
    # confirmed: a person said it is this one; rejected: a person said it is not
    link_status: str = Field(default="none", max_length=10)
    linked_by: str | None = Field(default=None, max_length=80)
    linked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class CaseVersion(SQLModel, table=True):
    """Every saved state of a case, its submissions included, as JSON (identity and notes
    stay encrypted inside it): who changed what, and when."""

    __table_args__ = (UniqueConstraint("case_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    version: int
    changed_at: datetime = _created()
    changed_by: str = Field(default="", max_length=80)
    changes: str = ""  # comma-separated names of the fields that changed
    snapshot: str = Field(sa_column=Column(Text, nullable=False))


class VocabularyTerm(Timestamped, table=True):
    """A term an admin added to the coding vocabulary, or a shipped term retired or
    relabelled; merged over tracker/data/coding/vocabulary.toml (tracker.vocabulary_edits).

    Slugs are never renamed or deleted: cases and codes store them."""

    __table_args__ = (UniqueConstraint("scheme", "slug"),)
    id: int | None = Field(default=None, primary_key=True)
    scheme: str = Field(max_length=20)
    slug: str = Field(max_length=40)
    en: str = ""
    es: str = ""
    fr: str = ""
    scope: str | None = _text()
    parent: str | None = Field(default=None, max_length=20)  # perpetrators only
    retired: bool = False  # hidden from forms; old values keep their label
    changed_by: str = Field(default="", max_length=80)


class CaseLinkRejection(SQLModel, table=True):
    """A communication a person said is not the result of a submission, so it is not
    suggested for it again (the submission row keeps only the latest decision)."""

    submission_id: int = Field(foreign_key="casesubmission.id", primary_key=True,
                               ondelete="CASCADE")
    communication_id: int = Field(foreign_key="communication.id", primary_key=True,
                                  ondelete="CASCADE")
    rejected_by: str = Field(default="", max_length=80)
    rejected_at: datetime = _created()


# --- Scheduled work -----------------------------------------------------------------------


class ScheduleLock(SQLModel, table=True):
    """Who runs a scheduled job (`scrape all`) now, so two runs on any nodes never overlap.

    A row, not an advisory lock, so SQLite and PostgreSQL behave alike. The holder pushes
    `expires_at` forward as it works; a row past it was left by a dead holder and is taken
    over (tracker.schedule_lock).
    """

    name: str = Field(primary_key=True, max_length=40)
    token: str = Field(max_length=64)  # the holder's random id: only it refreshes or releases
    host: str = Field(max_length=255)
    pid: int
    process_start: str | None = Field(default=None, max_length=40)  # a reused pid differs
    run_id: int | None = None  # the ScrapeRun it is doing
    acquired_at: datetime = _created()
    heartbeat_at: datetime = _created()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)


class RunStep(SQLModel, table=True):
    """One step of a `scrape all` run, in order, and the ScrapeRun that did it."""

    parent_id: int = Field(primary_key=True)  # the `all` ScrapeRun; no foreign key, as RunProcess
    position: int = Field(primary_key=True)
    name: str = Field(max_length=200)  # communications | letters | undl QUERY | hrc-session N
    run_id: int | None = None  # None when the step failed before it could record a run
    outcome: str = Field(default="running", max_length=12)  # finished | partial | failed | …
    message: str | None = _text()


# --- Alerts: saved searches, followed resolutions, what was sent ---------------------------


class SavedSearch(Timestamped, table=True):
    """A person's saved search, and how its news reaches them: email digest and Atom feed.

    Searches the public index only, so no case data can reach an alert.
    """

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=200)
    kind: str = Field(default="search", max_length=12)  # search | resolutions (follows only)
    query: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    digest: str = Field(default="daily", max_length=10)  # immediate | daily | weekly
    email: str | None = Field(default=None, max_length=254)  # None: the feed only
    subscribed: bool = True  # False once the email's unsubscribe link was used
    language: str = Field(default="en", max_length=2)  # of the emails
    feed_token: str = Field(unique=True, max_length=64)  # the feed's secret; renewed to revoke
    checked_at: datetime = _created()  # rows added before this were looked at
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class FollowedResolution(SQLModel, table=True):
    """A resolution whose sponsorship changes go into a saved search's alerts."""

    saved_search_id: int = Field(foreign_key="savedsearch.id", primary_key=True,
                                 ondelete="CASCADE")
    symbol: str = Field(primary_key=True, max_length=60)
    followed_at: datetime = _created()


class AlertItem(SQLModel, table=True):
    """One thing an alert found, once: its feed shows it, its email sends it once."""

    __table_args__ = (UniqueConstraint("saved_search_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    saved_search_id: int = Field(foreign_key="savedsearch.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=60)  # communication:12 | reply:34 | sponsorship:56
    kind: str = Field(max_length=16)  # communication | reply | sponsorship
    title: str = _text(nullable=False)
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    path: str = Field(max_length=300)  # the page it links to, under BASE_URL
    found_at: datetime = _created()
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


# --- The search index's change log ---------------------------------------------------------


class SearchChange(SQLModel, table=True):
    """One searchable record a transaction changed, written in that transaction: every
    node's search index applies these in `id` order (tracker.changelog,
    tracker.search.following)."""

    id: int | None = Field(default=None, primary_key=True)  # the position in the log
    # communication (key: its id) | resolution (its symbol) | family (a draft family: its
    # resolutions' sponsors) | state (an ISO3: its communications) | all (rebuild)
    kind: str = Field(max_length=16)
    key: str = Field(default="", max_length=255)
    created_at: datetime = _created()
