"""Geneva meeting briefs: assemble the data for a subject and period, keep versions.

A brief's data is computed, never typed: figures, communications and sponsorship come
from the database with their UN sources. The organisation's own sections (context,
talking points, asks) are text it edits. Every save, refresh and restore writes a
version holding the text and the data as shown, so what changed can be listed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime

from sqlmodel import Session, func, select

from tracker.communications import reply_status
from tracker.freshness import last_fetched
from tracker.models import (
    Brief,
    BriefDeletion,
    BriefVersion,
    Communication,
    CommunicationMandate,
    InternalBrief,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    Resolution,
    State,
    User,
)
from tracker.profiles import state_profile
from tracker.resolutions import resolution_view, resolutions_gaps
from tracker.search import region_term
from tracker.sr_tables import Table, letters_of, sr_tables
from tracker.vocabulary import N_, label
from tracker.voting import (
    MANDATE_SUBJECTS,
    BriefVote,
    StanceLine,
    brief_votes,
    stance_lines,
)

# The regions of a brief's tables: the Special Rapporteur's, unless the brief is about a
# region of another scheme.
BRIEF_SCHEME = "sr-hrd"

# A brief is read before a meeting: past this many letters, it lists the most recent and
# links to the full list instead of printing hundreds of pages.
MAX_LISTED = 200
# A State's brief lists the resolutions of its period, newest first; each takes a table, so
# past this many it says how many more there are and links to the State's page, which lists
# every one (the catalogue holds some 1,300 for each State).
MAX_RESOLUTIONS = 50

SUBJECT_KINDS = {"mandate": N_("A mandate"), "state": N_("A State"), "region": N_("A region"),
                 "resolution": N_("A resolution")}  # shown translated

# The organisation's text, in characters. About eight pages per section is far more than a
# meeting allows, and every version copies every field, so a form cannot grow the database
# (or a PDF's rendering time) without bound. At up to 12 bytes a character once
# url-encoded, a full form stays under MAX_CONTENT_LENGTH's 2 MB default.
FIELD_LIMITS = {"title": 200, "context": 20_000, "talking_points": 20_000, "asks": 20_000,
                "note": 500}
# Each line is a paragraph to lay out: 30,000 one-letter lines took the PDF 25 s and
# 741 MB (bench/brief_export.py --shape lines), prose of the same length 4 s.
MAX_LINES = 500
FIELD_LABELS = {"title": "The title", "context": "Context", "talking_points": "Talking points",
                "asks": "Asks", "note": "What changed"}
TEXT_FIELDS = ("title", "context", "talking_points", "asks")


class BriefError(ValueError):
    """The subject or period of a brief cannot be used; the message says why."""


@dataclass
class CommItem:
    id: int
    reference: str
    date: str | None
    addressee: str
    summary: str
    replied: bool
    url: str | None


@dataclass
class ResolutionItem:
    symbol: str
    title: str
    status: str  # the subject State's status, or "" for other subjects
    gaps: list[tuple[str, int, int]]  # region, final sponsors, members
    # region, the names of its members that do not sponsor (resolution briefs only: a
    # State's brief lists many resolutions, and the names would fill pages)
    not_sponsoring: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class BriefData:
    subject_label: str
    total: int
    by_type: list[tuple[str, int]]
    by_year: list[tuple[int, int]]
    replied: int
    awaiting: int
    women: int | None  # None: not yet coded
    whrd: int | None
    coded_women: int
    coded_whrd: int
    communications: list[CommItem] = field(default_factory=list)
    resolutions: list[ResolutionItem] = field(default_factory=list)
    fetched: list[tuple[str, str]] = field(default_factory=list)  # source kind, YYYY-MM-DD
    subject_kind: str = ""
    # The Special Rapporteur's tables of all the brief's letters: regions, attacks, perpetrators
    tables: dict[str, Table] = field(default_factory=dict)
    # Recorded votes on the brief's subject (tracker.voting.brief_votes); for a resolution's
    # brief, its sponsors beside their votes and whether the text had a recorded vote.
    votes: list[BriefVote] = field(default_factory=list)
    stances: list[tuple[str, StanceLine]] = field(default_factory=list)  # name, line
    vote_recorded: bool = False
    # A State's resolutions: how many fall in the brief's period (those listed are the
    # newest of them) and how many more the State's page shows outside it.
    resolutions_total: int = 0
    resolutions_outside: int = 0

    @property
    def shows_regions(self) -> bool:
        """Whether the regional table says anything: the letters reach several rows."""
        table = self.tables.get("regions")
        return bool(table) and sum(1 for r in table.rows + table.outside if r.count) > 1


def _states_for(session: Session, kind: str, subject: str) -> set[str] | None:
    if kind == "state":
        if session.get(State, subject) is None:
            raise BriefError(f"no State with the code {subject!r}")
        return {subject}
    if kind == "region":
        rows = session.exec(select(RegionScheme.slug, Region.name, RegionMembership.iso3)
                            .join(Region, Region.scheme_id == RegionScheme.id)
                            .join(RegionMembership, RegionMembership.region_id == Region.id)
                            ).all()
        members = {iso3 for slug, name, iso3 in rows if region_term(slug, name) == subject}
        if not members:
            raise BriefError(f"no region {subject!r} in any region scheme")
        return members
    return None


def subject_label(session: Session, kind: str, subject: str) -> str:
    if kind == "state":
        state = session.get(State, subject)
        return state.name if state else subject
    if kind == "mandate":
        m = session.exec(select(Mandate).where(Mandate.slug == subject)).first()
        if m is None:
            raise BriefError(f"no mandate {subject!r}")
        return label(m.full_name, "mandate")  # the heading of the page, PDF and Word
    if kind == "region":
        slug, _, _ = subject.partition(":")
        for scheme_slug, name in session.exec(select(RegionScheme.slug, Region.name)
                                              .join(Region)):
            if region_term(scheme_slug, name) == subject:
                return f"{label(name, 'region')} ({slug})"
        raise BriefError(f"no region {subject!r}")
    if kind == "resolution":
        r = session.exec(select(Resolution).where(Resolution.symbol == subject)).first()
        if r is None:
            raise BriefError(f"no resolution {subject!r} in the database")
        return f"{r.symbol}: {r.title}"
    raise BriefError(f"unknown subject kind {kind!r}")


def assemble(session: Session, brief: Brief) -> BriefData:
    """Compute the brief's figures and lists from the database."""
    label = subject_label(session, brief.subject_kind, brief.subject)
    stmt = select(Communication)
    if brief.subject_kind == "mandate":
        mandate = session.exec(select(Mandate).where(Mandate.slug == brief.subject)).one()
        stmt = stmt.join(CommunicationMandate).where(
            CommunicationMandate.mandate_id == mandate.id)
    elif brief.subject_kind in ("state", "region"):
        stmt = stmt.where(Communication.state_iso3.in_(
            _states_for(session, brief.subject_kind, brief.subject)))
    elif brief.subject_kind == "resolution":
        stmt = stmt.where(False)  # a resolution brief is about sponsors, not letters
    if brief.period_start:
        stmt = stmt.where(Communication.date >= brief.period_start)
    if brief.period_end:
        stmt = stmt.where(Communication.date <= brief.period_end)
    comms = list(session.exec(stmt.order_by(Communication.date.desc(), Communication.id)))
    replied = reply_status(session, [c.id for c in comms])
    coded_women = [c for c in comms if c.women is not None]
    coded_whrd = [c for c in comms if c.whrd is not None]
    data = BriefData(
        subject_label=label, total=len(comms),
        by_type=Counter(c.type for c in comms).most_common(),
        by_year=sorted(Counter(c.year for c in comms).items()),
        replied=len(replied), awaiting=len(comms) - len(replied),
        women=sum(bool(c.women) for c in coded_women) if coded_women else None,
        whrd=sum(bool(c.whrd) for c in coded_whrd) if coded_whrd else None,
        coded_women=len(coded_women), coded_whrd=len(coded_whrd),
        communications=[CommItem(c.id, c.reference, c.date.isoformat() if c.date else None,
                                 c.addressee_name, (c.summary or "")[:600], c.id in replied,
                                 c.letter_url or c.source_url) for c in comms[:MAX_LISTED]])
    _resolutions(session, brief, data)
    _votes(session, brief, data)
    data.fetched = [(kind, when.date().isoformat()) for kind, when in last_fetched(session)]
    data.subject_kind = brief.subject_kind
    if comms:
        scheme = (brief.subject.partition(":")[0] if brief.subject_kind == "region"
                  else BRIEF_SCHEME)
        data.tables = sr_tables(letters_of(session, [c.id for c in comms]), session, scheme)
    return data


def _in_period(day: date | None, brief: Brief) -> bool:
    """Whether a resolution's day falls in the brief's period (any day when it has none;
    an undated resolution cannot be placed in one)."""
    if not (brief.period_start or brief.period_end):
        return True
    return day is not None and (not brief.period_start or day >= brief.period_start) and (
        not brief.period_end or day <= brief.period_end)


def _resolutions(session: Session, brief: Brief, data: BriefData) -> None:
    """The resolution of a resolution's brief; for a State's, the newest MAX_RESOLUTIONS of
    those in the period (adopted then, else last drafted then) with its status of each."""
    if brief.subject_kind == "resolution":
        view = resolution_view(session, brief.subject)
        data.resolutions = [ResolutionItem(
            view.resolution.symbol, view.resolution.title, "",
            [(g.region, len(g.sponsors), len(g.members)) for g in view.gaps],
            [(g.region, [view.names.get(m.iso3, m.name) for m in g.missing])
             for g in view.gaps])]
        data.resolutions_total = 1
    elif brief.subject_kind == "state":
        profile = state_profile(session, brief.subject)
        records = [r for r in profile.sponsorships if r.resolution is not None]
        chosen = sorted((r for r in records if _in_period(r.day, brief)),
                        key=lambda r: r.resolution.symbol)
        chosen.sort(key=lambda r: (r.day is not None, r.day or date.min), reverse=True)
        listed = chosen[:MAX_RESOLUTIONS]
        gaps = resolutions_gaps(session, [r.resolution.symbol for r in listed])
        data.resolutions = [ResolutionItem(r.resolution.symbol, r.resolution.title, r.status,
                                           [(g.region, len(g.sponsors), len(g.members))
                                            for g in gaps[r.resolution.symbol]])
                            for r in listed]
        data.resolutions_total = len(chosen)
        data.resolutions_outside = len(records) - len(chosen)


def _votes(session: Session, brief: Brief, data: BriefData) -> None:
    """The recorded votes of the brief's subject: a State's record, every vote on a
    mandate's subject or the organisation's (a region's States named), a resolution's own
    votes and its amendments' with its sponsors beside their votes."""
    period = {"since": brief.period_start, "until": brief.period_end}
    if brief.subject_kind == "resolution":
        view = resolution_view(session, brief.subject)
        sheets = [*view.votes.own, *view.votes.amendments]
        data.votes = [BriefVote(s.vote.symbol, s.vote.date.isoformat() if s.vote.date else None,
                                s.vote.body, s.kind, s.outcome, s.vote.title or "",
                                s.totals, view.resolution.symbol) for s in sheets]
        main = view.votes.main
        data.vote_recorded = bool(main and main.by_state)
        if any(s.by_state for s in sheets):
            data.stances = [(view.names.get(line.iso3, line.iso3), line)
                            for line in stance_lines(view.statuses, view.votes, view.names)
                            if line.sponsored]
    elif brief.subject_kind == "mandate":
        mandate = session.exec(select(Mandate).where(Mandate.slug == brief.subject)).one()
        topic = MANDATE_SUBJECTS.get(mandate.slug, mandate.site_label)
        data.votes = brief_votes(session, kind="mandate", subject=brief.subject,
                                 words=topic, **period)
    elif brief.subject_kind in ("state", "region"):
        data.votes = brief_votes(session, kind=brief.subject_kind, subject=brief.subject,
                                 states=_states_for(session, brief.subject_kind,
                                                    brief.subject), **period)


# --- keeping versions ---------------------------------------------------------------


def _snapshot(brief: Brief, data: BriefData) -> str:
    fields = {k: getattr(brief, k) for k in ("title", "subject_kind", "subject", "context",
                                             "talking_points", "asks")}
    fields["period_start"] = brief.period_start.isoformat() if brief.period_start else None
    fields["period_end"] = brief.period_end.isoformat() if brief.period_end else None
    return json.dumps({"brief": fields, "data": asdict(data)}, default=str)


def save_version(session: Session, brief: Brief, note: str,
                 author: str | None = None) -> BriefVersion:
    data = assemble(session, brief)
    last = session.exec(select(func.max(BriefVersion.version))
                        .where(BriefVersion.brief_id == brief.id)).one() or 0
    brief.version = last + 1
    brief.updated_at = datetime.now(UTC)
    session.add(brief)
    version = BriefVersion(brief_id=brief.id, version=brief.version, note=note,
                           author=author, snapshot=_snapshot(brief, data))
    session.add(version)
    session.flush()
    return version


def check_lengths(fields: dict[str, str]) -> None:
    """Refuse text past FIELD_LIMITS or MAX_LINES, naming every field that is too long."""
    too_long = [f"{FIELD_LABELS[k]} has {len(v):,} characters, at most {FIELD_LIMITS[k]:,}"
                for k, v in fields.items() if k in FIELD_LIMITS and len(v) > FIELD_LIMITS[k]]
    too_long += [f"{FIELD_LABELS[k]} has {v.count(chr(10)) + 1:,} lines, at most {MAX_LINES}"
                 for k, v in fields.items() if k in FIELD_LIMITS and v.count("\n") >= MAX_LINES]
    if too_long:
        raise BriefError("; ".join(too_long) + ". Nothing was saved.")


def edit_brief(session: Session, brief: Brief, fields: dict[str, str], note: str,
               author: str | None = None) -> BriefVersion:
    """Change the organisation's text and save it as a new version."""
    check_lengths({**fields, "note": note})
    for key in TEXT_FIELDS:
        if key in fields:
            setattr(brief, key, fields[key])
    return save_version(session, brief, note or "edited", author)


def create_brief(session: Session, *, title: str, subject_kind: str, subject: str,
                 period_start: date | None, period_end: date | None,
                 author: User | None = None, talking_points: str = "",
                 audience: str = "public") -> Brief:
    """A new brief, saved as its first version (one version: computing one is the costly
    part, so text and audience given here are not saved again as further versions)."""
    check_lengths({"title": title, "talking_points": talking_points})
    if audience not in AUDIENCES:
        raise BriefError(f"the audience must be one of: {', '.join(AUDIENCES)}")
    if subject_kind not in SUBJECT_KINDS:
        raise BriefError(f"the subject must be one of: {', '.join(SUBJECT_KINDS)}")
    if period_start and period_end and period_start > period_end:
        raise BriefError("the period ends before it starts")
    subject_label(session, subject_kind, subject)  # raises BriefError when unknown
    brief = Brief(title=title.strip() or "Untitled brief", subject_kind=subject_kind,
                  subject=subject, period_start=period_start, period_end=period_end,
                  author_id=author.id if author else None, talking_points=talking_points)
    session.add(brief)
    session.flush()
    if audience == "internal":
        session.add(InternalBrief(brief_id=brief.id,
                                  marked_by=author.username if author else None))
        session.flush()
    save_version(session, brief, "created", author.username if author else None)
    return brief


def versions(session: Session, brief_id: int) -> list[BriefVersion]:
    return list(session.exec(select(BriefVersion).where(BriefVersion.brief_id == brief_id)
                             .order_by(BriefVersion.version.desc())))


def restore(session: Session, brief: Brief, version: int,
            author: str | None = None) -> BriefVersion:
    old = session.exec(select(BriefVersion).where(BriefVersion.brief_id == brief.id,
                                                  BriefVersion.version == version)).first()
    if old is None:
        raise BriefError(f"no version {version} of this brief")
    fields = json.loads(old.snapshot)["brief"]
    for key in ("title", "context", "talking_points", "asks"):
        setattr(brief, key, fields[key])
    return save_version(session, brief, f"restored version {version}", author)


def duplicate(session: Session, brief: Brief, author: User | None = None) -> Brief:
    suffix = " (copy)"  # the title stays within its limit, so the copy can be edited
    copy = Brief(title=brief.title[:FIELD_LIMITS["title"] - len(suffix)] + suffix,
                 subject_kind=brief.subject_kind, subject=brief.subject,
                 period_start=brief.period_start, period_end=brief.period_end,
                 context=brief.context,
                 talking_points=brief.talking_points, asks=brief.asks,
                 author_id=author.id if author else None)
    session.add(copy)
    session.flush()
    if is_internal(session, brief.id):  # a copy of an internal brief stays internal
        session.add(InternalBrief(brief_id=copy.id,
                                  marked_by=author.username if author else None))
    save_version(session, copy, f"duplicated from brief {brief.id}",
                 author.username if author else None)
    return copy


# --- audience ----------------------------------------------------------------------------

AUDIENCES = {"public": N_("Public"), "internal": N_("Internal: not for distribution")}


def is_internal(session: Session, brief_id: int) -> bool:
    return session.get(InternalBrief, brief_id) is not None


def set_audience(session: Session, brief: Brief, audience: str,
                 author: str | None = None) -> bool:
    """Make a brief public or internal; a version records it. False when nothing changed.

    Only an internal brief shows case figures; a public one is computed without them."""
    if audience not in AUDIENCES:
        raise BriefError(f"the audience must be one of: {', '.join(AUDIENCES)}")
    found = session.get(InternalBrief, brief.id)
    if (found is not None) == (audience == "internal"):
        return False
    if found is not None:
        session.delete(found)
    else:
        session.add(InternalBrief(brief_id=brief.id, marked_by=author))
    session.flush()
    save_version(session, brief, f"audience: {audience}", author)
    return True


# --- the bin ----------------------------------------------------------------------------


def deletion(session: Session, brief_id: int) -> BriefDeletion | None:
    return session.get(BriefDeletion, brief_id)


def deleted_ids(session: Session) -> set[int]:
    return set(session.exec(select(BriefDeletion.brief_id)).all())


def delete(session: Session, brief: Brief, author: str | None = None) -> None:
    """Put a brief in the bin: a version notes it, nothing is erased."""
    if deletion(session, brief.id) is not None:
        raise BriefError("this brief is already deleted")
    save_version(session, brief, "deleted", author)
    session.add(BriefDeletion(brief_id=brief.id, deleted_by=author))
    session.flush()


def undelete(session: Session, brief: Brief, author: str | None = None) -> None:
    """Take a brief out of the bin, as it was."""
    found = deletion(session, brief.id)
    if found is None:
        raise BriefError("this brief is not deleted")
    session.delete(found)
    save_version(session, brief, "restored from the deleted briefs", author)
    session.flush()


def deleted_briefs(session: Session) -> list[tuple[Brief, BriefDeletion]]:
    return list(session.exec(select(Brief, BriefDeletion)
                             .join(BriefDeletion, BriefDeletion.brief_id == Brief.id)
                             .order_by(BriefDeletion.deleted_at.desc())).all())


def data_changes(old_snapshot: str, new: BriefData) -> list[str]:
    """Say in words what changed in the data since a version was saved."""
    old = json.loads(old_snapshot)["data"]
    before = {c["reference"]: c for c in old["communications"]}
    after = {c.reference: c for c in new.communications}
    changes = [f"new communication {ref}" for ref in sorted(set(after) - set(before))]
    changes += [f"{ref} is no longer in the period or subject"
                for ref in sorted(set(before) - set(after))]
    changes += [f"reply received to {ref}" for ref in sorted(set(after) & set(before))
                if after[ref].replied and not before[ref]["replied"]]
    # An older snapshot has no votes: every vote is then new.
    voted_before = {v["symbol"] for v in old.get("votes", [])}
    changes += [f"new recorded vote {v.symbol}" for v in new.votes
                if v.symbol not in voted_before]
    old_res = {r["symbol"]: r for r in old["resolutions"]}
    for r in new.resolutions:
        prev = old_res.get(r.symbol)
        if prev and prev["status"] != r.status:
            changes.append(f"{r.symbol}: {prev['status']} → {r.status}")
        if prev and [list(g) for g in r.gaps] != prev["gaps"]:
            changes.append(f"{r.symbol}: sponsors by region changed")
    return changes
