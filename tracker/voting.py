"""Votes as the pages read them: a resolution's votes and its amendments', one vote by State
and by region, the sponsors beside their votes, a State's record and its agreement with
another State. No Flask: the resolution and State pages and the briefs call these.

A vote is the Council's or the General Assembly's (Vote.body); both read the same way. An
amendment put to a vote is one the draft's sponsors did not accept (they take friendly
ones into the text), so the pages call every voted amendment "hostile".
"""

from __future__ import annotations

import datetime as dt
import re
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
    VoteCast,
)
from tracker.sponsorships import members_on

VALUES = ("Y", "N", "A", "X")  # in favour, against, abstained, listed but did not vote
CAST = ("Y", "N", "A")  # what counts as a vote cast (the agreement rate's votes)

# What a vote is about, read from its title and agenda entry: the subjects a brief or a
# search is about (the mandate on defenders, women, the Special Procedures' mandates).
SUBJECTS = {
    "defenders": re.compile(r"defenders?\b", re.I),
    "women": re.compile(r"\bwom[ae]n\b|\bgirls?\b|\bgender\b", re.I),
    "mandates": re.compile(r"special rapporteur|independent expert|working group|mandate",
                           re.I),
}
# The mandates whose briefs get a vote record, and the subject that finds their votes.
MANDATE_SUBJECTS = {"human-rights-defenders": "defenders",
                    "violence-against-women": "women", "discrimination-against-women": "women"}


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
        printed = {"Y": self.vote.yes, "N": self.vote.no, "A": self.vote.abstain,
                   "X": self.vote.non_voting}
        return {k: v for k, v in printed.items() if v is not None}

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


def sheets(session: Session, votes: list[Vote]) -> list[VoteSheet]:
    """Each vote with every State's vote, in one query; amendments know their draft."""
    out = {v.id: VoteSheet(v) for v in votes}
    ids = list(out)
    for i in range(0, len(ids), 500):
        for cast in session.exec(select(VoteCast).where(VoteCast.vote_id.in_(ids[i:i + 500]))
                                 .order_by(VoteCast.raw_name)):
            sheet = out[cast.vote_id]
            if cast.iso3:
                sheet.by_state[cast.iso3] = cast.value
            else:
                sheet.unmatched.append((cast.raw_name, cast.value))
    return list(out.values())


# --- a resolution's votes ----------------------------------------------------------------


@dataclass
class ResolutionVotes:
    own: list[VoteSheet]  # on the resolution (or its draft), oldest first
    amendments: list[VoteSheet]  # on amendments to its drafts, by symbol

    @property
    def main(self) -> VoteSheet | None:
        """The vote that adopted the text: the last one on the resolution itself."""
        return self.own[-1] if self.own else None


def resolution_votes(session: Session, resolution: Resolution,
                     drafts: list[Draft]) -> ResolutionVotes:
    """The votes on a resolution and its drafts, and on the amendments to them.

    An amendment names what it amends (`Draft.amends`): a draft family, or the resolution's
    symbol when no draft of it is known.
    """
    symbols = [resolution.symbol, *(d.symbol for d in drafts if d.kind != "amendment")]
    targets = sorted({d.family for d in drafts} | {resolution.symbol})
    amendments = {d.symbol: d for d in session.exec(
        select(Draft).where(Draft.kind == "amendment", Draft.amends.in_(targets)))}
    amendments.update({d.symbol: d for d in drafts if d.kind == "amendment"})
    votes = list(session.exec(select(Vote).where(
        Vote.symbol.in_(symbols + list(amendments)))))
    own, amended = [], []
    for sheet in sheets(session, votes):
        sheet.amendment = amendments.get(sheet.vote.symbol)
        (amended if sheet.amendment is not None else own).append(sheet)
    own.sort(key=lambda s: (s.vote.date or dt.date.min, s.vote.id))
    amended.sort(key=lambda s: _symbol_order(s.vote.symbol))
    return ResolutionVotes(own, amended)


def _symbol_order(symbol: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", symbol))


def target_of(session: Session, symbol: str) -> Resolution | None:
    """The resolution a draft or an amendment led to, for a link by the draft's symbol."""
    draft = session.exec(select(Draft).where(Draft.symbol == symbol)).first()
    if draft is None:
        return None
    if draft.kind == "amendment" and draft.amends:
        if draft.amends.startswith(("A/RES/", "A/HRC/RES/", "A/HRC/DEC/")):
            return session.exec(select(Resolution)
                                .where(Resolution.symbol == draft.amends)).first()
        draft = session.exec(select(Draft).where(Draft.family == draft.amends,
                                                 Draft.resolution_id.is_not(None))).first()
        if draft is None:
            return None
    return session.get(Resolution, draft.resolution_id) if draft.resolution_id else None


@dataclass
class RegionVote:
    """A region's votes in one vote; `absent` are its States not listed (not members)."""

    region: str
    states: dict[str, list[State]]  # Y | N | A | X -> the region's States that voted so
    absent: list[State] = field(default_factory=list)

    def count(self, value: str) -> int:
        return len(self.states.get(value, []))

    @property
    def listed(self) -> int:
        return sum(len(v) for v in self.states.values())


def by_region(session: Session, sheet: VoteSheet, scheme_slug: str = "un-groups",
              day: dt.date | None = None) -> list[RegionVote]:
    """The vote counted per region of a scheme, on the day's memberships: each region's
    States by their vote, and its members that the vote does not list."""
    day = day or sheet.vote.date
    rows = session.exec(
        select(Region.name, State)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .join(State, State.iso3 == RegionMembership.iso3)
        .where(RegionScheme.slug == scheme_slug, RegionMembership.counts, members_on(day))
        .order_by(Region.sort_order, Region.name, State.name)).all()
    out: dict[str, RegionVote] = {}
    for region, state in rows:
        group = out.setdefault(region, RegionVote(region, {v: [] for v in VALUES}))
        value = sheet.by_state.get(state.iso3)
        if value is None:
            group.absent.append(state)
        else:
            group.states[value].append(state)
    return list(out.values())


def region_of(session: Session, scheme_slug: str) -> dict[str, str]:
    """Each State's region in a scheme (where it counts)."""
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


def stance_lines(statuses: dict[str, str], votes: ResolutionVotes,
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
    """One vote in a State's record."""

    vote: Vote
    value: str  # Y | N | A | X
    kind: str
    outcome: str | None
    title: str  # the vote's title, else the resolution's
    resolution: str | None  # the page to link: the resolution itself or the one amended
    subjects: frozenset[str] = frozenset()


def subjects_of(*texts: str | None) -> frozenset[str]:
    text = " ".join(t for t in texts if t)
    return frozenset(name for name, pattern in SUBJECTS.items() if pattern.search(text))


def state_record(session: Session, iso3: str) -> list[RecordRow]:
    """Every recorded vote a State is listed in, newest first, at the Council and the GA."""
    rows = list(session.exec(select(Vote, VoteCast.value).join(VoteCast)
                             .where(VoteCast.iso3 == iso3)
                             .order_by(Vote.date.desc(), Vote.symbol)))
    symbols = {v.symbol for v, _ in rows}
    resolutions = {r.symbol: r for r in _in(session, Resolution, Resolution.symbol, symbols)}
    drafts = {d.symbol: d for d in _in(session, Draft, Draft.symbol, symbols)}
    # The page a draft's or an amendment's vote links to: the resolution it led to.
    draft_pages = dict(session.exec(select(Draft.family, Draft.resolution_symbol)
                                    .where(Draft.resolution_symbol.is_not(None))).all())
    out = []
    for vote, value in rows:
        draft = drafts.get(vote.symbol)
        resolution = resolutions.get(vote.symbol)
        sheet = VoteSheet(vote, amendment=draft if draft and draft.kind == "amendment" else None)
        page = resolution.symbol if resolution else None
        if page is None and draft is not None:
            page = (draft.resolution_symbol or draft_pages.get(draft.amends or "")
                    or (draft.amends if draft.amends and "/RES/" in draft.amends else None))
        title = vote.title or (resolution.title if resolution else None) or (
            draft.title if draft else None) or ""
        out.append(RecordRow(vote, value, sheet.kind, sheet.outcome, title, page,
                             subjects_of(title, vote.agenda)))
    # Link only to pages there are: an amendment may name a resolution not loaded.
    known = {r.symbol for r in _in(session, Resolution, Resolution.symbol,
                                   {r.resolution for r in out if r.resolution})}
    for row in out:
        if row.resolution not in known:
            row.resolution = None
    return out


def _in(session: Session, model, column, values) -> list:
    values = sorted(values)
    return [row for i in range(0, len(values), 500)
            for row in session.exec(select(model).where(column.in_(values[i:i + 500])))]


def filter_record(rows: list[RecordRow], *, body: str = "", agenda: str = "",
                  subject: str = "", kind: str = "") -> list[RecordRow]:
    """The rows of a record that match every filter given (an empty filter keeps all)."""
    return [r for r in rows
            if (not body or r.vote.body == body)
            and (not agenda or str(r.vote.agenda_item or "") == agenda)
            and (not subject or subject in r.subjects)
            and (not kind or r.kind == kind)]


@dataclass
class Agreement:
    """How often two States voted alike, over the votes both cast (in favour, against or
    abstained): a State absent or not voting on a vote leaves it out."""

    same: int
    both: int
    differ: dict[tuple[str, str], int] = field(default_factory=dict)  # (mine, theirs) -> n

    @property
    def rate(self) -> float | None:
        return self.same / self.both if self.both else None


def agreement(session: Session, rows: list[RecordRow], other: str) -> Agreement:
    """Compare a State's record (these rows, as filtered) with another State's votes."""
    mine = {r.vote.id: r.value for r in rows if r.value in CAST}
    theirs: dict[int, str] = {}
    ids = sorted(mine)
    for i in range(0, len(ids), 500):
        theirs.update(session.exec(select(VoteCast.vote_id, VoteCast.value).where(
            VoteCast.iso3 == other, VoteCast.vote_id.in_(ids[i:i + 500]))).all())
    both = [(mine[v], theirs[v]) for v in ids if theirs.get(v) in CAST]
    differ = Counter(pair for pair in both if pair[0] != pair[1])
    return Agreement(sum(1 for a, b in both if a == b), len(both), dict(differ))


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
