"""Reference data shipped in tracker/data: states, aliases, region schemes and mandates."""

import csv
import datetime as dt
import io
from dataclasses import dataclass
from importlib import resources

from sqlmodel import Session, select

from tracker.groups import REGIONAL, canonical_group
from tracker.models import (
    GroupMembership,
    HrcMembership,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    State,
    StateAlias,
)
from tracker.names import name_key
from tracker.store import upsert, upsert_all
from tracker.vocabulary import N_

# Names and descriptions are interface text (translated where shown); sources are citations.
SCHEMES = {
    "un-groups": (N_("UN regional groups"),
                  N_("The five regional groups of Member States; each state counts in one "
                     "group for elections. Türkiye also takes part in Asia-Pacific; the United "
                     "States sits in WEOG as an observer."),
                  "UN DGACM, United Nations Regional Groups of Member States"),
    "m49": (N_("M49 regions"), N_("The UN Statistics Division's geographic regions."),
            "UN Statistics Division, Standard country or area codes for statistical use (M49)"),
    "sr-hrd": (N_("Regions of the SR on human rights defenders"),
               N_("The five regions the Special Rapporteur on human rights defenders reports "
                  "by. Membership derived by the tracker from M49 sub-regions (the mandate "
                  "publishes no list): MENA is Northern Africa, Iran and Western Asia but the "
                  "Caucasus, Cyprus and Türkiye."),
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

    formers = load_un_membership(session)

    aliases = {}
    for r in rows + formers:
        for spelling in {r["name"], r["formal_name"], *filter(None, r["aliases"].split("|"))}:
            aliases[(name_key(spelling), None)] = {
                "key": name_key(spelling), "alias": spelling, "iso3": r["iso3"],
                "source": r.get("source") or "tracker/data/states.csv",
                "historic": r["status"] == "former", "valid_from": None, "valid_to": None}
    for a in _read_csv("state_aliases.csv") + _read_optional("state_aliases_former.csv"):
        start, end = _date(a.get("valid_from")), _date(a.get("valid_to"))
        aliases[(name_key(a["alias"]), start)] = {
            "key": name_key(a["alias"]), "alias": a["alias"], "iso3": a["iso3"],
            "source": a["source"], "valid_from": start, "valid_to": end,
            "historic": bool(end) or "historic" in a["source"]}
    upsert_all(session, StateAlias, ("key", "valid_from"), list(aliases.values()))

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

    for r in formers:  # a former member counts in its group while it was a member
        if r["un_group"]:
            placements.append(("un-groups", r["un_group"], r["iso3"], "member", True))
    upsert_all(session, RegionMembership, ("region_id", "iso3", "valid_from"), [
        {"region_id": region_ids[("un-groups", r["un_group"])], "iso3": r["iso3"],
         "valid_from": None, "valid_to": r["left"], "role": "member", "counts": True}
        for r in formers if r["un_group"]])

    mandates = load_mandates(session)
    groups = load_group_memberships(session)
    terms = load_hrc_terms(session)
    return {"states": len(rows), "former members": len(formers), "aliases": len(aliases),
            "region memberships": len(placements), "group memberships": groups,
            "Council terms": terms, "mandates": mandates}


def _date(text: str | None) -> dt.date | None:
    text = (text or "").strip()
    return dt.date.fromisoformat(text) if text else None


def _read_optional(name: str) -> list[dict]:
    """A reference file that a deployment may lack; none means no rows, not an error."""
    if not resources.files("tracker").joinpath("data", name).is_file():
        return []
    return _read_csv(name)


# M49 regions of former members, for the columns every State row has.
_FORMER_REGIONS = {"CSK": ("Europe", "Eastern Europe"), "YUG": ("Europe", "Southern Europe"),
                   "DDR": ("Europe", "Western Europe"), "YMD": ("Asia", "Western Asia")}


def load_un_membership(session: Session) -> list[dict]:
    """Set each member's admission date and add former members; return the former ones."""
    formers = []
    by_iso3 = {s.iso3: s for s in session.exec(select(State)).all()}
    for r in _read_optional("un_membership.csv"):
        iso3 = r["iso3"].strip()
        admitted, left = _date(r.get("admitted")), _date(r.get("left"))
        if iso3 in by_iso3 and by_iso3[iso3].status != "former":
            state = by_iso3[iso3]
            if state.un_admitted != admitted:
                state.un_admitted = admitted
                session.add(state)
            continue
        region, subregion = _FORMER_REGIONS.get(iso3, ("", ""))
        formers.append({
            "iso3": iso3, "m49": r.get("m49") or "", "name": r["name"],
            "formal_name": r["name"], "status": "former", "aliases": r.get("aliases") or "",
            "un_admitted": admitted, "un_left": left,
            "successor_iso3": r.get("successor") or None,
            "succession": r.get("succession") or None,
            # the group under its present name: the Asian Group is the Asia-Pacific Group
            "un_group": REGIONAL.get(canonical_group(r.get("un_group") or "") or "", ""),
            "left": left, "source": r.get("source") or "tracker/data/un_membership.csv",
            "m49_region": region, "m49_subregion": subregion,
            "member_since": admitted.year if admitted else None})
    session.flush()
    upsert_all(session, State, ("iso3",), [
        {k: f[k] for k in ("iso3", "m49", "name", "formal_name", "status", "un_admitted",
                           "un_left", "successor_iso3", "succession", "m49_region",
                           "m49_subregion", "member_since")} for f in formers])
    return formers


def load_group_memberships(session: Session) -> int:
    """EU (and European Communities) and G77 membership by date, where we hold a list."""
    known = set(session.exec(select(State.iso3)).all())
    rows = []
    for group, filename in (("European Union", "eu_membership.csv"),
                            ("Group of 77", "g77_membership.csv")):
        for r in _read_optional(filename):
            if r["iso3"] in known:
                rows.append({"group_name": group, "iso3": r["iso3"],
                             "valid_from": _date(r.get("joined")),
                             "valid_to": _date(r.get("left")),
                             "source": r.get("source") or filename})
    upsert_all(session, GroupMembership, ("group_name", "iso3", "valid_from"), rows)
    return len(rows)


def load_hrc_terms(session: Session) -> int:
    """Human Rights Council terms by date, each with the page it comes from."""
    rows = [{"iso3": r["iso3"], "term_start": _date(r["term_start"]),
             "term_end": _date(r["term_end"]), "source": r.get("source") or "",
             "note": r.get("note") or ""}
            for r in _read_optional("hrc_membership.csv")]
    upsert_all(session, HrcMembership, ("iso3", "term_start"), rows)
    return len(rows)


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
