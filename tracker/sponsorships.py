"""Sponsorship history of a draft family: who joined, who withdrew, who is missing."""

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, select

from tracker.models import (
    Region,
    RegionMembership,
    RegionScheme,
    Sponsorship,
    SponsorshipEvent,
    State,
)


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


# A regional group sponsoring as a group ("Ethiopia (on behalf of the Group of African
# States)", HRC 27/L.12) makes each of its members a sponsor. Names as the UN prints them.
GROUP_REGIONS = {
    "group of african states": "African Group",
    "african group": "African Group",
    "group of asia-pacific states": "Asia-Pacific Group",
    "group of asian states": "Asia-Pacific Group",
    "group of eastern european states": "Eastern European Group",
    "group of latin american and caribbean states": "GRULAC",
    "group of western european and other states": "WEOG",
}


def group_members(session: Session, group_name: str) -> set[str]:
    """The States a sponsoring group stands for: its UN regional group's members."""
    region = GROUP_REGIONS.get(group_name.strip().lower())
    if region is None:
        return set()
    return set(session.exec(
        select(RegionMembership.iso3).join(Region, Region.id == RegionMembership.region_id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .where(RegionScheme.slug == "un-groups", Region.name == region,
               RegionMembership.counts)))


def via_group_codes(session: Session, family: str) -> set[str]:
    """States that sponsor only through a group that has not withdrawn."""
    return {iso3 for s in sponsorships(session, family)
            if s.group_name and not s.withdrawn for iso3 in group_members(session, s.group_name)}


def final_sponsor_codes(session: Session, family: str, *, with_groups: bool = True
                        ) -> set[str]:
    own = {s.iso3 for s in sponsorships(session, family) if s.iso3 and not s.withdrawn}
    withdrew = {s.iso3 for s in sponsorships(session, family) if s.iso3 and s.withdrawn}
    return own | (via_group_codes(session, family) - withdrew) if with_groups else own


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


def regional_gaps(session: Session, family: str, scheme_slug: str = "un-groups"
                  ) -> list[GroupGap]:
    """For each region, its counted members and which of them are final sponsors."""
    final = final_sponsor_codes(session, family)
    rows = session.exec(
        select(Region.name, State)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .join(State, State.iso3 == RegionMembership.iso3)
        .where(RegionScheme.slug == scheme_slug, RegionMembership.counts)
        .order_by(Region.sort_order, State.name)).all()
    gaps: dict[str, GroupGap] = {}
    for region, state in rows:
        gap = gaps.setdefault(region, GroupGap(region, [], []))
        gap.members.append(state)
        if state.iso3 in final:
            gap.sponsors.append(state)
    return list(gaps.values())
