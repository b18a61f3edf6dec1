"""Reference data shipped in tracker/data: states, aliases, region schemes and mandates."""

import csv
import io
from dataclasses import dataclass
from importlib import resources

from sqlmodel import Session, select

from tracker.models import (
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    State,
    StateAlias,
)
from tracker.names import name_key
from tracker.store import upsert, upsert_all

SCHEMES = {
    "un-groups": ("UN regional groups",
                  "The five regional groups of Member States; each state counts in one group "
                  "for elections. Türkiye also takes part in Asia-Pacific; the United States "
                  "sits in WEOG as an observer.",
                  "UN DGACM, United Nations Regional Groups of Member States"),
    "m49": ("M49 regions", "The UN Statistics Division's geographic regions.",
            "UN Statistics Division, Standard country or area codes for statistical use (M49)"),
    "sr-hrd": ("Regions of the SR on human rights defenders",
               "The five regions the Special Rapporteur on human rights defenders reports by. "
               "Membership derived by the tracker from M49 sub-regions (the mandate publishes "
               "no list): MENA is Northern Africa, Iran and Western Asia but the Caucasus, "
               "Cyprus and Türkiye.",
               "Derived from M49; see tools/build_states_csv.py"),
}

UN_GROUP_ORDER = ["African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC",
                  "WEOG"]


class ReferenceDataError(ValueError):
    """A reference CSV is malformed; the message names the file and line."""


def _read_csv(name: str) -> list[dict]:
    text = resources.files("tracker").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def state_rows() -> list[dict]:
    return _read_csv("states.csv")


def _region(session, scheme: RegionScheme, name: str, order: int) -> Region:
    region, _ = upsert(session, Region, {"scheme_id": scheme.id, "name": name},
                       {"sort_order": order})
    return region


def _scheme(session, slug, name, description, source) -> RegionScheme:
    scheme, _ = upsert(session, RegionScheme, {"slug": slug},
                       {"name": name, "description": description, "source": source})
    return scheme


def add_alias(session: Session, alias: str, iso3: str, source: str, historic=False) -> str:
    """Record a spelling of a state; return the outcome of the upsert."""
    _, outcome = upsert(session, StateAlias, {"key": name_key(alias)},
                        {"alias": alias, "iso3": iso3, "source": source, "historic": historic})
    return outcome


def load_reference_data(*, session: Session) -> dict:
    """Load states, aliases, the three region schemes and the mandates; idempotent."""
    rows = state_rows()
    upsert_all(session, State, ("iso3",), [{
        "iso3": r["iso3"], "m49": r["m49"], "name": r["name"], "formal_name": r["formal_name"],
        "status": r["status"], "member_since": int(r["member_since"] or 0) or None,
        "m49_region": r["m49_region"], "m49_subregion": r["m49_subregion"],
        "m49_intermediate": r["m49_intermediate"] or None,
    } for r in rows])

    aliases = {}
    for r in rows:
        for spelling in {r["name"], r["formal_name"], *filter(None, r["aliases"].split("|"))}:
            aliases[name_key(spelling)] = {"key": name_key(spelling), "alias": spelling,
                                           "iso3": r["iso3"], "source": "tracker/data/states.csv",
                                           "historic": False}
    for a in _read_csv("state_aliases.csv"):
        aliases[name_key(a["alias"])] = {
            "key": name_key(a["alias"]), "alias": a["alias"], "iso3": a["iso3"],
            "source": a["source"], "historic": "historic" in a["source"] or "before" in a["source"]}
    upsert_all(session, StateAlias, ("key",), list(aliases.values()))

    schemes = {slug: _scheme(session, slug, *meta) for slug, meta in SCHEMES.items()}
    placements = []  # (scheme slug, region name, iso3, role, counts)
    for r in rows:
        if r["status"] == "member":
            placements.append(("un-groups", r["un_group"], r["iso3"],
                                "observer" if r["iso3"] == "USA" else "member", True))
            if r["un_group_also"]:
                placements.append(("un-groups", r["un_group_also"], r["iso3"], "participant",
                                   False))
        placements.append(("m49", r["m49_region"], r["iso3"], "member", True))
        placements.append(("sr-hrd", r["hrd_region"], r["iso3"], "member", True))
    order = {name: i for i, name in enumerate(UN_GROUP_ORDER)}
    region_names = sorted({(p[0], p[1]) for p in placements},
                          key=lambda k: (k[0], order.get(k[1], 99), k[1]))
    upsert_all(session, Region, ("scheme_id", "name"), [
        {"scheme_id": schemes[slug].id, "name": name, "sort_order": i}
        for i, (slug, name) in enumerate(region_names)])
    region_ids = {(slug, region.name): region.id for slug, scheme in schemes.items()
                  for region in session.exec(select(Region).where(Region.scheme_id == scheme.id))}
    upsert_all(session, RegionMembership, ("region_id", "iso3", "valid_from"), [
        {"region_id": region_ids[(slug, name)], "iso3": iso3, "valid_from": None,
         "role": role, "counts": counts}
        for slug, name, iso3, role, counts in placements])

    mandates = load_mandates(session)
    return {"states": len(rows), "aliases": len(aliases), "region memberships": len(placements),
            "mandates": mandates}


def load_mandates(session: Session) -> int:
    rows = _read_csv("mandates.csv")
    upsert_all(session, Mandate, ("slug",), [{**r, "unverified": False} for r in rows])
    return len(rows)


@dataclass
class SchemeImport:
    scheme: RegionScheme
    regions: int
    memberships: int


def import_scheme_csv(session: Session, *, slug: str, name: str, text: str,
                      filename: str = "<csv>", description: str = "") -> SchemeImport:
    """Add or replace a region scheme from CSV with columns iso3, region[, counts].

    The whole file is checked before anything is written, so a bad line leaves the
    database as it was. A state may appear in several regions; `counts` (yes/no, default
    yes) marks the one it is counted in.
    """
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "iso3" not in header or "region" not in header:
        raise ReferenceDataError(
            f"{filename}: the header must name the columns iso3 and region "
            f"(found: {', '.join(header) or 'nothing'})")
    known = set(session.exec(select(State.iso3)).all())
    parsed = []
    for lineno, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        iso3, region = row["iso3"].upper(), row["region"]
        if not iso3 and not region:
            continue
        if iso3 not in known:
            raise ReferenceDataError(f"{filename}, line {lineno}: unknown ISO3 code {iso3!r}")
        if not region:
            raise ReferenceDataError(f"{filename}, line {lineno}: the region is empty")
        counts = row.get("counts", "yes").lower() not in {"no", "n", "false", "0"}
        parsed.append((iso3, region, counts))
    if not parsed:
        raise ReferenceDataError(f"{filename}: no rows")
    scheme = _scheme(session, slug, name, description, filename)
    old = session.exec(select(Region).where(Region.scheme_id == scheme.id)).all()
    for region in old:
        for m in session.exec(select(RegionMembership)
                              .where(RegionMembership.region_id == region.id)).all():
            session.delete(m)
    session.flush()
    regions: dict[str, Region] = {r.name: r for r in old}
    for iso3, region_name, counts in parsed:
        if region_name not in regions:
            regions[region_name] = _region(session, scheme, region_name, len(regions))
        session.add(RegionMembership(region_id=regions[region_name].id, iso3=iso3,
                                     counts=counts))
    session.flush()
    return SchemeImport(scheme, len({p[1] for p in parsed}), len(parsed))
