import csv
from collections import Counter

import pytest
from sqlmodel import func, select

from tracker.db import init_db
from tracker.models import Mandate, Region, RegionMembership, RegionScheme, State, StateAlias
from tracker.reference import ReferenceDataError, import_scheme_csv
from tracker.resolver import StateResolver

from .conftest import SAMPLES


def _placements(session, slug):
    rows = session.exec(
        select(Region.name, RegionMembership.iso3, RegionMembership.counts)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(RegionScheme, RegionScheme.id == Region.scheme_id)
        .where(RegionScheme.slug == slug, RegionMembership.valid_to.is_(None))).all()
    return rows


def test_reference_former_members_placed_in_their_group_until_they_left(session):
    rows = session.exec(
        select(Region.name, RegionMembership.iso3, RegionMembership.valid_to)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .where(RegionMembership.valid_to.is_not(None))).all()
    assert {(name, iso3, end.isoformat()) for name, iso3, end in rows} == {
        ("Eastern European Group", "CSK", "1992-12-31"),
        ("Eastern European Group", "YUG", "1992-09-22"),
        ("Eastern European Group", "DDR", "1990-10-03"),
        ("Asia-Pacific Group", "YMD", "1990-05-22")}


def test_reference_states_are_193_members_and_2_observers(session):
    status = Counter(session.exec(select(State.status)).all())
    assert status == {"member": 193, "observer": 2, "former": 4}
    assert session.get(State, "HND").un_admitted.isoformat() == "1945-12-17"
    ddr = session.get(State, "DDR")
    assert (ddr.un_admitted.isoformat(), ddr.un_left.isoformat(), ddr.successor_iso3) == (
        "1973-09-18", "1990-10-03", "DEU")
    assert session.get(State, "VAT").name == "Holy See"
    assert session.get(State, "PSE").status == "observer"
    assert session.get(State, "HND").m49 == "340"
    assert session.get(State, "BOL").name == "Bolivia (Plurinational State of)"


def test_reference_un_group_sizes(session):
    counted = Counter(name for name, _, counts in _placements(session, "un-groups") if counts)
    assert counted == {"African Group": 54, "Asia-Pacific Group": 54,
                       "Eastern European Group": 23, "GRULAC": 33, "WEOG": 29}
    listed = Counter(name for name, _, _ in _placements(session, "un-groups"))
    assert listed["Asia-Pacific Group"] == 55  # Türkiye takes part in both


def test_reference_every_member_counts_in_exactly_one_group(session):
    members = set(session.exec(select(State.iso3).where(State.status == "member")).all())
    counted = Counter(iso3 for _, iso3, counts in _placements(session, "un-groups") if counts)
    assert set(counted) == members
    assert set(counted.values()) == {1}


def test_reference_turkiye_united_states_kiribati_placed_as_sources_say(session):
    places = {(name, counts) for name, iso3, counts in _placements(session, "un-groups")
              if iso3 == "TUR"}
    assert places == {("WEOG", True), ("Asia-Pacific Group", False)}
    usa = session.exec(select(RegionMembership.role).join(Region)
                       .where(RegionMembership.iso3 == "USA", Region.name == "WEOG")).one()
    assert usa == "observer"
    assert ("Asia-Pacific Group", "KIR", True) in _placements(session, "un-groups")


@pytest.mark.skipif(not (SAMPLES / "un_resolutions" / "un-regional-groups.csv").exists(),
                    reason="shared samples not present")
def test_reference_groups_match_dgacm_list(session):
    path = SAMPLES / "un_resolutions" / "un-regional-groups.csv"
    with open(path, encoding="utf-8") as f:
        theirs = {(r["Region"], r["Code"]) for r in csv.DictReader(f)}
    ours = {(name, iso3) for name, iso3, _ in _placements(session, "un-groups")}
    assert ours == theirs


def test_reference_sr_hrd_regions_cover_every_state_once(session):
    rows = _placements(session, "sr-hrd")
    assert len(rows) == 195
    region = {iso3: name for name, iso3, _ in rows}
    assert region["HND"] == "Latin America and the Caribbean"
    assert region["EGY"] == "Middle East and North Africa"
    assert region["IRN"] == "Middle East and North Africa"
    assert region["KEN"] == "Africa"
    assert region["KAZ"] == "Europe, North America and Central Asia"
    assert region["PHL"] == "Asia-Pacific"
    assert len(set(region.values())) == 5


def test_reference_m49_regions(session):
    counted = Counter(name for name, _, _ in _placements(session, "m49"))
    assert set(counted) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    assert session.get(State, "SDN").m49_subregion == "Northern Africa"


def test_init_db_is_idempotent(app, session):
    before = {m: session.exec(select(func.count()).select_from(m)).one()
              for m in (State, StateAlias, RegionMembership, Mandate)}
    with app.app_context():
        init_db()
    after = {m: session.exec(select(func.count()).select_from(m)).one()
             for m in (State, StateAlias, RegionMembership, Mandate)}
    assert before == after


@pytest.mark.parametrize("spelling, iso3", [
    ("Côte d’Ivoire", "CIV"), ("COTE D'IVOIRE", "CIV"), ("the Sudan", "SDN"),
    ("SWAZILAND", "SWZ"), ("ZAIRE", "COD"), ("TÜRKİYE", "TUR"), ("Turkey", "TUR"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Netherlands (Kingdom of the)", "NLD"), ("Netherlands", "NLD"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("hnd", "HND"),
    ("Bolivia (Plurinational State of)", "BOL"), ("Republic of Korea", "KOR"),
])
def test_resolve_state_every_spelling(session, spelling, iso3):
    match = StateResolver(session).resolve(spelling)
    assert (match.kind, match.value, match.how) in {("state", iso3, "alias"),
                                                     ("state", iso3, "historic"),
                                                     ("state", iso3, "code")}


def test_resolve_state_unknown_name_is_none(session):
    resolver = StateResolver(session)
    assert resolver.resolve("Atlantis", where="a test") is None
    assert resolver.unmatched == {"Atlantis": "a test"}


def test_import_scheme_csv_adds_scheme(session):
    result = import_scheme_csv(session, slug="eu", name="European Union", filename="eu.csv",
                               text="iso3,region\nFRA,EU\nDEU,EU\nNOR,EEA only\n")
    session.commit()
    assert (result.regions, result.memberships) == (2, 3)
    assert sorted(iso3 for _, iso3, _ in _placements(session, "eu")) == ["DEU", "FRA", "NOR"]


@pytest.mark.parametrize("text, message", [
    ("code,group\nFRA,EU\n", "header must name the columns iso3 and region"),
    ("iso3,region\nFRA,EU\nXXX,EU\n", "line 3: unknown ISO3 code 'XXX'"),
    ("iso3,region\nFRA,\n", "line 2: the region is empty"),
])
def test_import_scheme_csv_bad_file_changes_nothing(session, text, message):
    with pytest.raises(ReferenceDataError, match=message):
        import_scheme_csv(session, slug="eu", name="EU", text=text, filename="eu.csv")
    session.rollback()
    assert session.exec(select(RegionScheme).where(RegionScheme.slug == "eu")).first() is None
