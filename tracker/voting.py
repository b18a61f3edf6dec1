"""Votes as the pages read them, on top of tracker.votes (which finds them): a vote's
outcome and totals, a resolution's votes and its amendments', the sponsors beside their
votes, a State's record with the pages its votes link to, and how a resolution was adopted
as a facet. No Flask: the resolution and State pages and the briefs call these.

A vote is the Council's or the General Assembly's (Vote.body); both read the same way. An
amendment put to a vote is one the draft's sponsors did not accept (they take friendly
ones into the text), so the pages call every voted amendment "hostile".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, select

from tracker.models import (
    Draft,
    Region,
    RegionMembership,
    RegionScheme,
    Resolution,
    State,
    Vote,
)
from tracker.store import chunks
from tracker.votes import (
    SUBJECTS,
    VALUES,
    StateVote,
    VoteDetail,
    narrowed,
    state_voting_record,
    vote_details,
    votes_for_resolution,
)

__all__ = ["SUBJECTS", "VALUES"]  # the pages' filters offer tracker.votes' subjects

@dataclass
class VoteSheet:
    """One vote: its totals, each State's vote, and what it was on."""

    vote: Vote
    by_state: dict[str, str] = field(default_factory=dict)  # ISO3 -> Y | N | A | X
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # names read, no State
    amendment: Draft | None = None  # the amendment voted on, for an amendment's vote

    @property
    def kind(self) -> str:
        if self.vote.kind:
            return self.vote.kind
        if self.amendment is not None:
            return "amendment"
        return "decision" if "/DEC/" in self.vote.symbol else "resolution"

    @property
    def outcome(self) -> str | None:
        """Adopted or rejected as the source says; else from the amendment's status, or
        from the totals of a recorded vote (more in favour than against adopts it)."""
        if self.vote.outcome:
            return self.vote.outcome
        if self.amendment is not None and self.amendment.status in ("adopted", "rejected"):
            return self.amendment.status
        if self.vote.method == "without a vote":
            return "adopted"
        yes, no = self.totals.get("Y"), self.totals.get("N")
        if yes is None or no is None or not (yes or no):
            return None
        return "adopted" if yes > no else "rejected"

    @property
    def totals(self) -> dict[str, int]:
        """In favour, against, abstained, not voting: counted from the States' votes when
        they are known, else as the source printed them."""
        if self.by_state or self.unmatched:
            counts = Counter(self.by_state.values())
            counts.update(value for _, value in self.unmatched)
            return {v: counts.get(v, 0) for v in VALUES}
        return _printed(self.vote)

    def lists(self, names: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
        """The States by their vote, each list in order of name: [("Y", [(iso3, name)…])…]."""
        out = []
        for value in VALUES:
            who = sorted(((i, names.get(i, i)) for i, v in self.by_state.items() if v == value),
                         key=lambda pair: pair[1])
            if who:
                out.append((value, who))
        return out

    @property
    def recorded(self) -> bool:
        return bool(self.by_state or self.unmatched) or self.vote.method == "recorded"

    @property
    def without_a_vote(self) -> bool:
        return self.vote.method == "without a vote"


def sheet_of(detail: VoteDetail, amendment: Draft | None = None) -> VoteSheet:
    """A vote as tracker.votes found it, for the pages."""
    sheet = VoteSheet(detail.vote, detail.by_state, amendment=amendment)
    sheet.unmatched = [(c.raw_name, c.value) for c in detail.casts if not c.iso3]
    return sheet


# --- a resolution's votes ----------------------------------------------------------------


@dataclass
class ResolutionSheets:
    """A resolution's votes as the pages show them (tracker.votes.ResolutionVotes, as sheets)."""

    own: list[VoteSheet]  # on the resolution (or its draft), oldest first
    amendments: list[VoteSheet]  # on amendments to its drafts, by symbol

    @property
    def main(self) -> VoteSheet | None:
        """The vote that adopted the text: the last one on the resolution itself."""
        return self.own[-1] if self.own else None


def resolution_votes(session: Session, resolution: Resolution) -> ResolutionSheets:
    """The votes on a resolution and its drafts, and on the amendments to them."""
    found = votes_for_resolution(session, resolution.symbol)
    own = [sheet_of(d) for d in found.votes]
    own.sort(key=lambda s: (s.vote.date or dt.date.min, s.vote.id))
    return ResolutionSheets(own, [sheet_of(d, a.draft) for a in found.amendments
                                 for d in a.votes])


def target_of(session: Session, symbol: str) -> Resolution | None:
    """The resolution a draft or an amendment led to, for a link by the draft's symbol."""
    return votes_for_resolution(session, symbol).resolution


def region_of(session: Session, scheme_slug: str) -> dict[str, str]:
    """Each State's region in a scheme (where it counts), for a table of States."""
    return dict(session.exec(
        select(RegionMembership.iso3, Region.name)
        .join(Region, Region.id == RegionMembership.region_id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .where(RegionScheme.slug == scheme_slug, RegionMembership.counts)).all())


# --- sponsors beside their votes ----------------------------------------------------------


@dataclass
class StanceLine:
    """What one State did about a resolution: sponsored it or not, its vote, and its
    votes on the hostile amendments, for a sentence such as "sponsored, then abstained on
    the resolution; voted for the hostile amendments"."""

    iso3: str
    sponsorship: str  # main | co | withdrew | never | not a member (resolutions.status_of)
    vote: str | None  # Y | N | A | X on the resolution; None: not listed (not a member)
    amendments: dict[str, int] = field(default_factory=dict)  # Y | N | A | X -> how many
    amendments_listed: int = 0  # the hostile amendments its vote is known on

    @property
    def sponsored(self) -> bool:
        return self.sponsorship in ("main", "co")

    @property
    def for_amendments(self) -> str:
        """all | some | none: how many of the hostile amendments it voted for."""
        yes = self.amendments.get("Y", 0)
        if not self.amendments_listed or not yes:
            return "none"
        return "all" if yes == self.amendments_listed else "some"

    @property
    def mixed(self) -> bool:
        """Sponsored the text yet did not vote for it, or voted for an amendment to it."""
        return self.sponsored and (self.vote in ("N", "A", "X")
                                   or self.for_amendments != "none")


def stance_lines(statuses: dict[str, str], votes: ResolutionSheets,
                 names: dict[str, str]) -> list[StanceLine]:
    """A line for each State that sponsored the resolution or voted on it or on an
    amendment to it, in order of `names`; `statuses` is each State's sponsorship."""
    main = votes.main
    voters = set(main.by_state) if main else set()
    for sheet in votes.amendments:
        voters |= set(sheet.by_state)
    lines = []
    for iso3 in sorted(voters | {i for i, s in statuses.items() if s in ("main", "co")},
                       key=lambda i: names.get(i, i)):
        counted = Counter(s.by_state[iso3] for s in votes.amendments if iso3 in s.by_state)
        lines.append(StanceLine(iso3, statuses.get(iso3, "never"),
                                main.by_state.get(iso3) if main else None, dict(counted),
                                sum(counted.values())))
    return lines


# --- a State's record ---------------------------------------------------------------------


@dataclass
class RecordRow:
    """One vote in a State's record, with what the page says of it."""

    vote: Vote
    value: str  # Y | N | A | X
    kind: str
    outcome: str | None
    title: str  # the vote's title, else the resolution's or the draft's
    resolution: str | None  # the page to link: the resolution itself or the one amended


def record_rows(session: Session, record: list[StateVote]) -> list[RecordRow]:
    """A State's votes (tracker.votes.state_voting_record) with their titles, outcomes and
    the resolution page each links to, when that page exists."""
    symbols = {r.vote.symbol for r in record} | {r.amends for r in record if r.amends}
    resolutions = {r.symbol: r for r in _in(session, Resolution, Resolution.symbol, symbols)}
    drafts = {d.symbol: d for d in _in(session, Draft, Draft.symbol, symbols)}
    amends = {r.vote.symbol: r.amends or drafts[r.vote.symbol].amends for r in record
              if r.amends or r.vote.symbol in drafts}
    # The page a draft's or an amendment's vote links to: the resolution it led to.
    families = {d.family for d in drafts.values()} | {a for a in amends.values() if a}
    led_to = dict(session.exec(select(Draft.family, Draft.resolution_symbol).where(
        Draft.family.in_(sorted(families)), Draft.resolution_symbol.is_not(None))).all()
        ) if families else {}
    out = []
    for r in record:
        draft = drafts.get(r.vote.symbol)
        resolution = resolutions.get(r.vote.symbol)
        amendment = draft if draft is not None and draft.kind == "amendment" else None
        sheet = VoteSheet(r.vote, amendment=amendment)
        page = r.vote.symbol if resolution else None
        if page is None and draft is not None:
            page = draft.resolution_symbol or led_to.get(draft.family)
        target = amends.get(r.vote.symbol)
        if page is None and target:
            page = led_to.get(target) or target
        title = (r.vote.title or (resolution.title if resolution else None)
                 or (draft.title if draft else None) or "")
        out.append(RecordRow(r.vote, r.value, sheet.kind, sheet.outcome, title, page))
    # Link only to pages there are: an amendment may name a resolution not loaded.
    known = {r.symbol for r in _in(session, Resolution, Resolution.symbol,
                                   {r.resolution for r in out if r.resolution})}
    for row in out:
        if row.resolution not in known:
            row.resolution = None
    return out


def state_record(session: Session, iso3: str, **filters) -> list[RecordRow]:
    """A State's voting record, newest first, narrowed by tracker.votes' filters."""
    return record_rows(session, state_voting_record(session, iso3, **filters))


def _in(session: Session, model, column, values) -> list:
    return [row for part in chunks(sorted(values))
            for row in session.exec(select(model).where(column.in_(part)))]


# --- votes in a brief ----------------------------------------------------------------------

# The subjects of the organisation's work: a State's or a region's brief lists its votes on
# these; a mandate's brief, the votes on its own subject.
BRIEF_SUBJECTS = ("defenders", "women")
MANDATE_SUBJECTS = {"human-rights-defenders": "defenders", "violence-against-women": "women",
                    "discrimination-against-women": "women"}
MAX_BRIEF_VOTES = 100  # newest first; a brief is read before a meeting


@dataclass
class BriefVote:
    """A vote as a brief lists it."""

    symbol: str
    date: str | None  # YYYY-MM-DD
    body: str
    kind: str
    outcome: str | None
    title: str
    totals: dict[str, int]
    page: str | None = None  # the resolution page it links to
    state_vote: str | None = None  # a State's brief: its vote (Y, N, A, X)
    # Against the text: voted against a resolution, or for a hostile amendment to it (a
    # region's brief names its own States only).
    against: list[str] = field(default_factory=list)


def brief_votes(session: Session, *, kind: str, subject: str, since: dt.date | None,
                until: dt.date | None, states: set[str] | None = None,
                words: str | None = None) -> list[BriefVote]:
    """The votes a brief lists: a State's on the organisation's subjects, or every vote on
    them (a region's brief naming its own States), or on a mandate's subject (`words`)."""
    period = {"since": since, "until": until}
    if kind == "state":
        found: dict[int, StateVote] = {}
        for topic in BRIEF_SUBJECTS:
            for r in state_voting_record(session, subject, subject=topic, **period):
                found.setdefault(r.vote.id, r)
        rows = record_rows(session, sorted(found.values(), key=_newest)[:MAX_BRIEF_VOTES])
        return [BriefVote(r.vote.symbol, _day(r.vote.date), r.vote.body, r.kind, r.outcome,
                          r.title, _printed(r.vote), r.resolution, state_vote=r.value)
                for r in rows]
    topics = [words] if words else list(BRIEF_SUBJECTS)
    votes: dict[int, Vote] = {}
    for topic in topics:
        for v in session.exec(narrowed(select(Vote), subject=topic, **period)):
            votes.setdefault(v.id, v)
    chosen = sorted(votes.values(), key=lambda v: (v.date or dt.date.min, v.symbol),
                    reverse=True)[:MAX_BRIEF_VOTES]
    names = dict(session.exec(select(State.iso3, State.name)).all())
    casts = {d.vote.id: d.by_state for d in vote_details(session, chosen)}
    pages = {r.vote.id: r for r in record_rows(session, [StateVote(v, "") for v in chosen])}
    out = []
    for v in chosen:
        row = pages[v.id]
        hostile = "Y" if row.kind == "amendment" else "N"
        against = sorted(names.get(i, i) for i, value in casts[v.id].items()
                         if value == hostile and (states is None or i in states))
        totals = dict(Counter(casts[v.id].values())) or _printed(v)
        out.append(BriefVote(v.symbol, _day(v.date), v.body, row.kind, row.outcome,
                             row.title, totals, row.resolution, against=against))
    return out


def _newest(r: StateVote):
    return (-(r.vote.date or dt.date.min).toordinal(), r.vote.symbol)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _printed(vote: Vote) -> dict[str, int]:
    printed = {"Y": vote.yes, "N": vote.no, "A": vote.abstain, "X": vote.non_voting}
    return {k: v for k, v in printed.items() if v is not None}


# --- the vote as a facet ------------------------------------------------------------------

FACET_VALUES = ("without-a-vote", "recorded", "non-recorded", "unknown")


def vote_facet(resolution: Resolution, votes: list[Vote]) -> str:
    """How a resolution was adopted, as the search index and the list filter it: without
    a vote, by a recorded vote, by a vote not recorded, or not known."""
    methods = {v.method for v in votes}
    if "recorded" in methods:
        return "recorded"
    method = (resolution.adoption_method or "").lower()
    if "without a vote" in methods or method.startswith("without"):
        return "without-a-vote"
    if "non-recorded" in methods or method.startswith("non-recorded"):
        return "non-recorded"
    if method.startswith("recorded"):
        return "recorded"
    return "unknown"


def vote_facets(session: Session, resolutions: list[Resolution]) -> dict[str, str]:
    """`vote_facet` for many resolutions: their votes read in a few queries."""
    votes: dict[str, list[Vote]] = {}
    for v in _in(session, Vote, Vote.symbol, {r.symbol for r in resolutions}):
        votes.setdefault(v.symbol, []).append(v)
    return {r.symbol: vote_facet(r, votes.get(r.symbol, [])) for r in resolutions}
