"""States and their places in region schemes: the queries behind the states pages."""

from dataclasses import dataclass, field

from sqlmodel import Session, select

from tracker.models import Region, RegionMembership, RegionScheme, State


@dataclass
class RegionGroup:
    region: Region
    members: list[tuple[State, RegionMembership]] = field(default_factory=list)

    @property
    def counted(self) -> int:
        return sum(1 for _, m in self.members if m.counts)


def schemes(session: Session) -> list[RegionScheme]:
    return list(session.exec(select(RegionScheme).order_by(RegionScheme.id)).all())


def scheme_by_slug(session: Session, slug: str) -> RegionScheme | None:
    return session.exec(select(RegionScheme).where(RegionScheme.slug == slug)).first()


def states_by_region(session: Session, scheme: RegionScheme) -> list[RegionGroup]:
    """List each region of the scheme with its states, in the scheme's order."""
    rows = session.exec(
        select(Region, RegionMembership, State)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(State, State.iso3 == RegionMembership.iso3)
        .where(Region.scheme_id == scheme.id, State.status != "former")
        .order_by(Region.sort_order, Region.name, State.name)
    ).all()
    groups: dict[int, RegionGroup] = {}
    for region, membership, state in rows:
        groups.setdefault(region.id, RegionGroup(region)).members.append((state, membership))
    return list(groups.values())


def region_members(session: Session, term: str) -> set[str]:
    """The ISO3 codes of the States in a region, named by its search-index term
    ("sr-hrd:africa"), with the memberships the index gives communications."""
    from tracker.search import region_term  # search imports far more than this module

    scheme_slug = term.partition(":")[0]
    rows = session.exec(select(RegionMembership.iso3, Region.name)
                        .join(Region, Region.id == RegionMembership.region_id)
                        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
                        .where(RegionScheme.slug == scheme_slug)).all()
    return {iso3 for iso3, name in rows if region_term(scheme_slug, name) == term}
