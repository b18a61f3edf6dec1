"""A state's profile: letters received and answered, sponsorships, votes, memberships."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import NamedTuple

from sqlmodel import Session, func, select

from tracker.models import (
    Communication,
    CommunicationMandate,
    Draft,
    HrcMembership,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    Reply,
    Resolution,
    Sponsorship,
    State,
)
from tracker.page_cache import cached
from tracker.sponsorships import family_dates, via_groups, was_member
from tracker.voting import RecordRow, state_record


# Letters and sponsorships are named tuples, not frozen dataclasses: a State's page makes
# thousands of each on every request, and a tuple is made several times faster.
class Letter(NamedTuple):
    """A letter as a State's page lists it."""

    id: int
    type: str
    addressee_code: str
    number: int
    year: int
    date: dt.date | None

    @property
    def reference(self) -> str:
        return f"{self.type} {self.addressee_code} {self.number}/{self.year}"


class StateSponsorship(NamedTuple):
    """A State's sponsorship of one family, as its page shows it."""

    family: str
    role: str
    withdrawn: bool
    joined_source: str | None
    withdrawn_source: str | None


@dataclass(frozen=True)
class ResolutionRef:
    """What a State's page shows of a family's resolution: plain values, kept between
    requests (tracker.page_cache), never a row bound to one request's session."""

    symbol: str
    title: str | None


@dataclass(frozen=True)
class FamilyFacts:
    """What every State's page says of one draft family, whichever the State."""

    family: str
    resolution: ResolutionRef | None  # the first of its drafts' resolutions
    draft_title: str | None
    day: dt.date | None  # the adoption date, else the last draft's
    via: frozenset[str]  # the States its sponsoring groups stood for on that day


@dataclass
class SponsorRecord:
    resolution: ResolutionRef | None
    family: str
    status: str  # main | co-sponsor | joined later | withdrew | did not sponsor
    sponsorship: StateSponsorship | None = None
    day: dt.date | None = None  # the adoption date, else the last draft's
    draft_title: str | None = None  # for a draft that never became a resolution

    @property
    def symbol(self) -> str:
        return self.resolution.symbol if self.resolution else self.family

    @property
    def title(self) -> str | None:
        return self.resolution.title if self.resolution else self.draft_title

    @property
    def source(self) -> str | None:
        """The document that records the State's last step: its withdrawal, else its join."""
        row = self.sponsorship
        if row is None:
            return None
        return (row.withdrawn_source if row.withdrawn else row.joined_source) or None


@dataclass
class StateProfile:
    state: State
    total: int
    by_year: list[tuple[int, int]]
    by_type: list[tuple[str, int]]
    by_mandate: list[tuple[Mandate, int]]
    replied: int
    awaiting: list[Letter]
    sponsorships: list[SponsorRecord] = field(default_factory=list)
    votes: list[RecordRow] = field(default_factory=list)  # its voting record, newest first
    hrc_terms: list[HrcMembership] = field(default_factory=list)
    places: list[tuple[str, str, str]] = field(default_factory=list)  # scheme, region, role

    @property
    def reply_rate(self) -> float | None:
        return self.replied / self.total if self.total else None


STATUS = {"main": "main sponsor", "cover": "sponsor (on the draft)", "co": "co-sponsor",
          "additional": "joined later", "unknown": "sponsor",
          "catalogue": "sponsor (in the library catalogue)",
          "corrected": "sponsor (by a corrigendum)"}


def sponsorship_status(row: Sponsorship | StateSponsorship | None,
                       via_group: bool = False) -> str:
    if row is None:
        return "co-sponsor through its regional group" if via_group else "did not sponsor"
    if row.withdrawn:
        return "withdrew"
    return STATUS.get(row.role, row.role)


def state_profile(session: Session, iso3: str) -> StateProfile | None:
    state = session.get(State, iso3)
    if state is None:
        return None
    # Plain rows of what the page shows and counts: Mexico has thousands of letters, and
    # as ORM objects they cost most of the page. Whether each was answered comes with it
    # (a correlated EXISTS): no second pass over its thousands of ids.
    answered = (select(Reply.id).where(Reply.communication_id == Communication.id)
                .exists())
    comms, replied_ids = [], set()
    for *row, has_reply in session.exec(
            select(Communication.id, Communication.type, Communication.addressee_code,
                   Communication.number, Communication.year, Communication.date, answered)
            .where(Communication.state_iso3 == iso3).order_by(Communication.date.desc())):
        comms.append(Letter(*row))
        if has_reply:
            replied_ids.add(row[0])
    # Counted by the database, not as one row per letter and mandate (9,000 for Mexico);
    # in the order Counter.most_common gave over the joined rows: most letters first, then
    # the mandate met first.
    per_mandate = func.count()
    mandate_counts = session.exec(
        select(CommunicationMandate.mandate_id, per_mandate).join(
            Communication, Communication.id == CommunicationMandate.communication_id)
        .where(Communication.state_iso3 == iso3)
        .group_by(CommunicationMandate.mandate_id)
        .order_by(per_mandate.desc(), func.min(Communication.id),
                  CommunicationMandate.mandate_id)).all()
    mandates = {m.id: m for m in session.exec(select(Mandate))}
    profile = StateProfile(
        state=state, total=len(comms),
        by_year=sorted(Counter(c.year for c in comms).items()),
        by_type=Counter(c.type for c in comms).most_common(),
        by_mandate=[(mandates[m], n) for m, n in mandate_counts],
        replied=len(replied_ids),
        awaiting=[c for c in comms if c.id not in replied_ids])
    # Plain rows, as the letters: France sponsored thousands of drafts.
    rows = {r.family: r for r in (StateSponsorship(*row) for row in session.exec(
        select(Sponsorship.family, Sponsorship.role, Sponsorship.withdrawn,
               Sponsorship.joined_source, Sponsorship.withdrawn_source)
        .where(Sponsorship.iso3 == iso3)))}
    # The membership rule on plain values: asked for each of thousands of families, an
    # ORM attribute read costs more than the comparison.
    member = SimpleNamespace(status=state.status, un_admitted=state.un_admitted,
                             un_left=state.un_left)
    for facts in cached(session, "family_facts", None, lambda: family_facts(session)):
        row, day = rows.get(facts.family), facts.day
        if row is None and day and not was_member(member, day):
            continue  # not yet (or no longer) a UN member then: nothing to say
        profile.sponsorships.append(SponsorRecord(
            facts.resolution, facts.family,
            sponsorship_status(row, iso3 in facts.via), row, day, facts.draft_title))
    profile.votes = state_record(session, iso3)
    profile.hrc_terms = list(session.exec(select(HrcMembership)
                                          .where(HrcMembership.iso3 == iso3)
                                          .order_by(HrcMembership.term_start)))
    profile.places = list(session.exec(
        select(RegionScheme.name, Region.name, RegionMembership.role)
        .join(Region, Region.scheme_id == RegionScheme.id)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .where(RegionMembership.iso3 == iso3).order_by(RegionScheme.id)))
    return profile


def family_facts(session: Session) -> list[FamilyFacts]:
    """Every sponsored family's resolution, title, day and groups' States, by family: one
    query each, as a State's page lists thousands of families once the catalogue is in."""
    families = sorted(set(session.exec(select(Sponsorship.family).distinct())))
    resolution_of: dict[str, ResolutionRef] = {}
    for family, symbol, title in session.exec(
            select(Draft.family, Resolution.symbol, Resolution.title)
            .join(Resolution, Draft.resolution_id == Resolution.id).order_by(Draft.id)):
        resolution_of.setdefault(family, ResolutionRef(symbol, title))
    title_of: dict[str, str] = {}
    for family, title in session.exec(select(Draft.family, Draft.title)
                                      .where(Draft.title.is_not(None)).order_by(Draft.id)):
        title_of.setdefault(family, title)
    via = via_groups(session)  # of every family, as families holds them all
    days = family_dates(session)
    return [FamilyFacts(f, resolution_of.get(f), title_of.get(f), days.get(f),
                        frozenset(via.get(f, ()))) for f in families]
