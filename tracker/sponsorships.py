"""Sponsorship history of a draft family: who joined, who withdrew, who is missing."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, or_, select

from tracker.groups import LISTED, REGIONAL, canonical_group
from tracker.models import (
    Draft,
    GroupMembership,
    Region,
    RegionMembership,
    RegionScheme,
    Resolution,
    Sponsorship,
    SponsorshipEvent,
    State,
)
from tracker.store import chunks


def sponsorships(session: Session, family: str) -> list[Sponsorship]:
    return list(session.exec(select(Sponsorship).where(Sponsorship.family == family)
                             .order_by(Sponsorship.joined_on, Sponsorship.id)).all())


def events(session: Session, family: str) -> list[SponsorshipEvent]:
    return list(session.exec(select(SponsorshipEvent).where(SponsorshipEvent.family == family)
                             .order_by(SponsorshipEvent.date, SponsorshipEvent.id)).all())


def history_counts(session: Session, family: str) -> dict[str, int]:
    """Count the printed joins by kind and the withdrawals of states, and the final sponsors.

    Joins and withdrawals are counted as printed (a state listed on the cover and again
    among additional sponsors counts in both); the final sponsors are distinct states.
    """
    printed = Counter((e.action, e.role) for e in events(session, family) if e.iso3)
    return {
        "cover": printed[("join", "cover")] + printed[("join", "main")]
        + printed[("join", "co")],
        "additional": printed[("join", "additional")],
        "withdrawn": printed[("withdraw", "")],
        "final": len(final_sponsor_codes(session, family, with_groups=False)),
    }


def family_date(session: Session, family: str) -> dt.date | None:
    """The day a draft family's sponsorship is judged on: its adoption, else its last draft."""
    adopted = session.exec(select(Resolution.adoption_date).join(
        Draft, Draft.resolution_id == Resolution.id).where(
        Draft.family == family, Resolution.adoption_date.is_not(None))).first()
    if adopted:
        return adopted
    return session.exec(select(func.max(Draft.date)).where(Draft.family == family)).one()


def family_withdrawn(session: Session, family: str) -> bool:
    """True when the family's last draft was withdrawn by its sponsors: no one sponsors it."""
    last = session.exec(select(Draft.status).where(Draft.family == family, Draft.kind == "draft")
                        .order_by(Draft.revision.desc(), Draft.id.desc())).first()
    return last == "withdrawn"


def members_on(day: dt.date | None):
    """A clause for States that were UN members on `day` (today's members when None)."""
    if day is None:
        return State.status == "member"
    return (State.status != "observer") & or_(State.un_admitted.is_(None),
                                             State.un_admitted <= day) & or_(
        State.un_left.is_(None), State.un_left > day)


def was_member(state: State, day: dt.date) -> bool:
    """Whether a State was a UN member on `day` (the same rule as `members_on`)."""
    return (state.status != "observer" and (state.un_admitted is None or state.un_admitted <= day)
            and (state.un_left is None or state.un_left > day))


def group_members(session: Session, group_name: str, on: dt.date | None = None) -> set[str]:
    """The States a sponsoring group stood for on the day: its members then."""
    group = canonical_group(group_name) or group_name
    if group in REGIONAL:
        stmt = (select(RegionMembership.iso3)
                .join(Region, Region.id == RegionMembership.region_id)
                .join(RegionScheme, RegionScheme.id == Region.scheme_id)
                .join(State, State.iso3 == RegionMembership.iso3)
                .where(RegionScheme.slug == "un-groups", Region.name == REGIONAL[group],
                       RegionMembership.counts, members_on(on)))
        return set(session.exec(stmt))
    if group in LISTED:
        stmt = select(GroupMembership.iso3).where(GroupMembership.group_name == group)
        if on is not None:
            stmt = stmt.where(or_(GroupMembership.valid_from.is_(None),
                                  GroupMembership.valid_from <= on),
                              or_(GroupMembership.valid_to.is_(None),
                                  GroupMembership.valid_to > on))
        return set(session.exec(stmt))
    return set()


def _through_groups(session: Session, rows: list[Sponsorship], family: str,
                    on: dt.date | None = None) -> set[str]:
    """Members, on the family's day, of the groups among `rows` that have not withdrawn."""
    groups = {s.group_name for s in rows if s.group_name and not s.withdrawn}
    if not groups:
        return set()
    on = on or family_date(session, family)
    return {iso3 for group in groups for iso3 in group_members(session, group, on)}


def via_group_codes(session: Session, family: str) -> set[str]:
    """States that sponsor only through a group that has not withdrawn."""
    return _through_groups(session, sponsorships(session, family), family)


def family_dates(session: Session, families=None) -> dict[str, dt.date | None]:
    """`family_date` for many families (None: every family) in two queries a few hundred."""
    if families is None:  # one pass over the table, not an IN list of thousands
        out: dict[str, dt.date | None] = dict.fromkeys(
            session.exec(select(Draft.family).distinct()))
        batches = [None]
    else:
        families = set(families)
        out = dict.fromkeys(families)
        batches = chunks(families)
    for chunk in batches:
        last = select(Draft.family, func.max(Draft.date)).group_by(Draft.family)
        adopted = (select(Draft.family, func.min(Resolution.adoption_date))
                   .join(Resolution, Draft.resolution_id == Resolution.id)
                   .where(Resolution.adoption_date.is_not(None)).group_by(Draft.family))
        if chunk is not None:
            last, adopted = (last.where(Draft.family.in_(chunk)),
                             adopted.where(Draft.family.in_(chunk)))
        out.update(session.exec(last).all())
        out.update(session.exec(adopted).all())
    return out


class GroupMembers:
    """`group_members` for many groups and days, from the membership tables read once:
    a State's page asks for the members of a group on hundreds of different days."""

    def __init__(self, session: Session):
        self.regional: dict[str, list[State]] = {}
        for name, state in session.exec(
                select(Region.name, State).join(RegionMembership,
                                                RegionMembership.region_id == Region.id)
                .join(RegionScheme, RegionScheme.id == Region.scheme_id)
                .join(State, State.iso3 == RegionMembership.iso3)
                .where(RegionScheme.slug == "un-groups", RegionMembership.counts)):
            self.regional.setdefault(name, []).append(state)
        self.listed: dict[str, list[GroupMembership]] = {}
        for row in session.exec(select(GroupMembership)):
            self.listed.setdefault(row.group_name, []).append(row)
        self.known: dict[tuple, set[str]] = {}

    def __call__(self, group_name: str, on: dt.date | None = None) -> set[str]:
        key = (group_name, on)
        if key not in self.known:
            self.known[key] = self._members(group_name, on)
        return self.known[key]

    def _members(self, group_name: str, on: dt.date | None) -> set[str]:
        group = canonical_group(group_name) or group_name
        if group in REGIONAL:  # members_on's rule, in Python
            return {s.iso3 for s in self.regional.get(REGIONAL[group], [])
                    if (s.status == "member" if on is None else was_member(s, on))}
        if group in LISTED:
            return {m.iso3 for m in self.listed.get(group, [])
                    if on is None or ((m.valid_from is None or m.valid_from <= on)
                                      and (m.valid_to is None or m.valid_to > on))}
        return set()


def via_groups(session: Session, families=None) -> dict[str, set[str]]:
    """`via_group_codes` for many families (None: every family): a few queries, whatever
    their number."""
    query = select(Sponsorship.family, Sponsorship.group_name).where(
        Sponsorship.group_name.is_not(None), Sponsorship.withdrawn.is_(False))
    if families is None:
        rows = list(session.exec(query))
    else:
        rows = [row for chunk in chunks(set(families))
                for row in session.exec(query.where(Sponsorship.family.in_(chunk)))]
    if not rows:
        return {}
    days = family_dates(session, {family for family, _ in rows})
    members = GroupMembers(session)
    out: dict[str, set[str]] = {}
    for family, group in rows:
        out.setdefault(family, set()).update(members(group, days[family]))
    return out


def final_sponsor_codes(session: Session, family: str, *, with_groups: bool = True,
                        on: dt.date | None = None) -> set[str]:
    """The States sponsoring a family in the end; none when its sponsors withdrew it."""
    if family_withdrawn(session, family):
        return set()
    rows = sponsorships(session, family)
    own = {s.iso3 for s in rows if s.iso3 and not s.withdrawn}
    if not with_groups:
        return own
    withdrew = {s.iso3 for s in rows if s.iso3 and s.withdrawn}
    return own | (_through_groups(session, rows, family, on) - withdrew)


@dataclass
class GroupGap:
    region: str
    members: list[State]
    sponsors: list[State]

    @property
    def missing(self) -> list[State]:
        have = {s.iso3 for s in self.sponsors}
        return [m for m in self.members if m.iso3 not in have]

    @property
    def share(self) -> float:
        return len(self.sponsors) / len(self.members) if self.members else 0.0


def regional_gaps(session: Session, family: str, scheme_slug: str = "un-groups",
                  on: dt.date | None = None, among: set[str] | None = None) -> list[GroupGap]:
    """For each region, the members counted on the day and which of them are final sponsors.

    The day is the adoption date (else the last draft's date): a State that was not a UN
    member then is not missing, and a former member (the USSR's seat, the GDR) is counted.
    `among` narrows the count to some States, such as the Council's members that day.
    """
    on = on or family_date(session, family)
    final = final_sponsor_codes(session, family, on=on)
    stmt = (select(Region.name, State)
            .join(RegionMembership, RegionMembership.region_id == Region.id)
            .join(RegionScheme, RegionScheme.id == Region.scheme_id)
            .join(State, State.iso3 == RegionMembership.iso3)
            .where(RegionScheme.slug == scheme_slug, RegionMembership.counts, members_on(on))
            .order_by(Region.sort_order, State.name))
    rows = [(r, st, st.iso3) for r, st in session.exec(stmt).all()
            if among is None or st.iso3 in among]
    return _gaps(rows, final)


def _gaps(rows, final: set[str]) -> list[GroupGap]:
    """Group (region, State, its code) rows, in their order, into each region's members
    and sponsors."""
    gaps: dict[str, GroupGap] = {}
    for region, state, iso3 in rows:
        gap = gaps.get(region) or gaps.setdefault(region, GroupGap(region, [], []))
        gap.members.append(state)
        if iso3 in final:
            gap.sponsors.append(state)
    return list(gaps.values())


def regional_gaps_of(session: Session, wanted, scheme_slug: str = "un-groups"
                     ) -> dict[tuple[str, dt.date | None], list[GroupGap]]:
    """`regional_gaps` for many (family, day) pairs (day None: the family's
    `family_date`), in a few queries whatever their number: a State's brief lists a
    thousand resolutions, and one family at a time took 30 ms each.

    The rules are `regional_gaps`' own: final sponsors as `final_sponsor_codes` finds
    them (none once the sponsors withdrew the draft; a group's members on the day, less
    the States that withdrew), members as `members_on` counts them on the day.
    """
    wanted = set(wanted)
    families = {family for family, _ in wanted}
    undated = family_dates(session, {family for family, day in wanted if day is None})
    withdrawn: set[str] = set()
    rows: dict[str, list] = {}
    for chunk in chunks(families):
        # The same ordering as family_withdrawn's, so NULL revisions sort as the database
        # sorts them there.
        seen: set[str] = set()
        for family, status in session.exec(
                select(Draft.family, Draft.status)
                .where(Draft.family.in_(chunk), Draft.kind == "draft")
                .order_by(Draft.family, Draft.revision.desc(), Draft.id.desc())):
            if family not in seen:
                seen.add(family)
                if status == "withdrawn":
                    withdrawn.add(family)
        for row in session.exec(select(Sponsorship.family, Sponsorship.iso3,
                                       Sponsorship.group_name, Sponsorship.withdrawn)
                                .where(Sponsorship.family.in_(chunk))):
            rows.setdefault(row.family, []).append(row)
    members_of = GroupMembers(session)
    # Plain values, read once: the members of hundreds of different days are picked out
    # of these rows, and ORM attributes cost ten times a tuple's.
    regional = [(region, st, st.iso3, st.status, st.un_admitted, st.un_left)
                for region, st in session.exec(
        select(Region.name, State)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .join(State, State.iso3 == RegionMembership.iso3)
        .where(RegionScheme.slug == scheme_slug, RegionMembership.counts)
        .order_by(Region.sort_order, State.name))]
    on_day: dict[dt.date | None, list] = {}  # many resolutions share a day of adoption
    out: dict[tuple[str, dt.date | None], list[GroupGap]] = {}
    for family, day in wanted:
        on = day or undated.get(family)
        if on not in on_day:  # members_on's rule (was_member's), on plain values
            on_day[on] = [(region, st, iso3)
                          for region, st, iso3, status, admitted, left in regional
                          if (status == "member" if on is None else
                              status != "observer" and (admitted is None or admitted <= on)
                              and (left is None or left > on))]
        final: set[str] = set()
        if family not in withdrawn:
            own = rows.get(family, [])
            final = {s.iso3 for s in own if s.iso3 and not s.withdrawn}
            withdrew = {s.iso3 for s in own if s.iso3 and s.withdrawn}
            final |= {iso3 for group in {s.group_name for s in own
                                         if s.group_name and not s.withdrawn}
                      for iso3 in members_of(group, on)} - withdrew
        out[family, day] = _gaps(on_day[on], final)
    return out
