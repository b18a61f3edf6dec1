"""The UN library catalogue at scale: every printed sponsor form, on real rows.

The fixture holds 42 real records (and their 1,645 author rows) copied byte for byte, in
cp1252, from shared/samples/unbisnet_catalogue: one or more for each printed form met in
the whole file of 3,989 drafts.
"""

from pathlib import Path

import pytest
from sqlmodel import select

from scrapers.sponsors import parse_notes, parse_sponsor_text, split_cover
from scrapers.symbols import classify_record, resolution_symbol
from tracker.importers import import_files
from tracker.ingest import Tally
from tracker.models import (
    DataIssue,
    Draft,
    NameDecision,
    Resolution,
    Sponsorship,
    SponsorshipEvent,
)
from tracker.quality import build_report, decide
from tracker.sponsorships import final_sponsor_codes, regional_gaps

from .conftest import SAMPLES, sign_in

FIXTURES = Path(__file__).parent / "fixtures" / "unbis"
FILES = [FIXTURES / "catalogue_forms.csv", FIXTURES / "catalogue_forms_authors.csv"]


def _names(text, **kw):
    names, rest = parse_sponsor_text(text, **kw)
    return [(n.name, n.on_behalf_of) for n in names], rest


def test_group_name_is_never_split_into_states():
    # A/68/L.27/Add.1: "China" was once stored as a sponsor from this cover.
    assert _names("Fiji [on behalf of the Group of 77 and China]") == (
        [("Fiji", "Group of 77 and China")], None)
    assert _names("Peru [on behalf of the Group of Latin American and Caribbean States]")[0] == [
        ("Peru", "Group of Latin American and Caribbean States")]


def test_square_and_round_brackets_and_interpolations():
    names, _ = _names("Algeria, Ethiopia [on behalf of the Group of African States], France "
                      "and Grenada")
    assert names == [("Algeria", None), ("Ethiopia", "Group of African States"),
                     ("France", None), ("Grenada", None)]
    assert _names("Canada [and] Netherlands")[0] == [("Canada", None), ("Netherlands", None)]
    assert _names("[submitted by] Argentina")[0] == [("Argentina", None)]
    assert _names("United Kingdom [of] Great Britain and Northern Ireland [and] Yugoslavia")[0] \
        == [("United Kingdom of Great Britain and Northern Ireland", None), ("Yugoslavia", None)]
    corrected, _ = parse_sponsor_text("Austria, Columbia [i.e. Colombia], Dominican Republic")
    assert [(n.name, n.printed_as) for n in corrected] == [
        ("Austria", None), ("Colombia", "Columbia"), ("Dominican Republic", None)]


def test_statements_of_responsibility():
    names, _ = parse_sponsor_text("submitted by Denmark, Finland, Norway, Sweden and "
                                  "co-sponsored by Hungary, India, Tunisia [and] United "
                                  "Republic of Tanzania.")
    assert [(n.name, n.role) for n in names] == [
        ("Denmark", None), ("Finland", None), ("Norway", None), ("Sweden", None),
        ("Hungary", "co"), ("India", "co"), ("Tunisia", "co"),
        ("United Republic of Tanzania", "co")]
    assert _names("submitted jointly by the Netherlands and the United Kingdom of Great "
                  "Britain and Northern Ireland.")[0] == [
        ("Netherlands", None), ("United Kingdom of Great Britain and Northern Ireland", None)]
    assert _names("sponsored by Bangladesh")[0] == [("Bangladesh", None)]
    assert _names("proposed by the Netherlands delegation as amended by the Canadian and "
                  "Polish delegations")[0] == [("Netherlands", None)]
    assert _names("submitted by the Netherlands on behalf of the States members of Group B"
                  )[0] == [("Netherlands", "States members of Group B")]
    assert _names("recommended by the 3rd Committee (A/34/830, para. 18)") == (
        [], "recommended by the 3rd Committee (A/34/830, para. 18)")


def test_inverted_names_and_typing_errors_in_lists():
    assert _names("Denmark, Germany, Federal Republic of, Italy")[0] == [
        ("Denmark", None), ("Germany, Federal Republic of", None), ("Italy", None)]
    # A/55/L.71: a full stop typed for a comma is not the end of the list.
    assert _names("Austria, Belgium. Brazil, Cyprus")[0] == [
        ("Austria", None), ("Belgium", None), ("Brazil", None), ("Cyprus", None)]
    # A/C.3/47/L.14: "… Turkey, and tkm." (an ISO code typed by the cataloguer)
    assert _names("Tajikistan, Turkey, and tkm.")[0] == [
        ("Tajikistan", None), ("Turkey", None), ("tkm", None)]


def test_note_text_run_into_a_list_is_cut_and_returned():
    names, rest = parse_sponsor_text("Venezuela and Zambia. 1st record of A/48/L.32/Add.1.")
    assert [n.name for n in names] == ["Venezuela", "Zambia"]
    assert rest == "1st record of A/48/L.32/Add.1."


def test_titles_with_addendum_and_revised_labels():
    assert split_cover("Humanitarian assistance : draft resolution : addendum / Fiji [on "
                       "behalf of the Group of 77 and China]") == (
        "Humanitarian assistance", "Fiji [on behalf of the Group of 77 and China]")
    assert split_cover("Oceans : [revised] draft resolution / Norway") == ("Oceans", "Norway")
    assert split_cover("Peace : draft resolution Albania, Algeria, Australia")[1] == (
        "Albania, Algeria, Australia")


def test_notes_name_their_documents_per_part():
    events = parse_notes("A/C.3/57/L.49", "Additional sponsor: Israel (A/57/556/Add.3). "
                         "Additional sponsors: Albania, Japan and United States "
                         "(A/C.3/57/SR.57).")
    assert [(e.name, e.source_document) for e in events] == [
        ("Israel", "A/57/556/Add.3"), ("Albania", "A/C.3/57/SR.57"),
        ("Japan", "A/C.3/57/SR.57"), ("United States", "A/C.3/57/SR.57")]
    events = parse_notes("F", "Additional sponsors: Solomon Islands (A/C.1/60/INF/2); "
                              "Nauru (A/C.1/60/INF/2/Add.1); Kyrgyzstan (A/60/463).")
    assert [(e.name, e.source_document) for e in events] == [
        ("Solomon Islands", "A/C.1/60/INF/2"), ("Nauru", "A/C.1/60/INF/2/Add.1"),
        ("Kyrgyzstan", "A/60/463")]


def test_notes_every_kind_of_change():
    def kinds(notes):
        return [(e.name, e.action, e.role) for e in parse_notes("F", notes,
                                                                 record_symbol="R")]

    assert kinds("China was listed in error as a sponsor (A/67/457/Add.2).") == [
        ("China", "withdraw", "error")]
    assert kinds("Gabon was removed from the list of sponsors of the draft resolution.") == [
        ("Gabon", "withdraw", "removed")]
    assert kinds("Document A/C.1/53/INF/2 adds sponsor: Romania.") == [
        ("Romania", "join", "additional")]
    assert kinds("Adds Australia, Germany, Federal Republic of and Italy to the list of "
                 "sponsors.") == [("Australia", "join", "additional"),
                                  ("Germany, Federal Republic of", "join", "additional"),
                                  ("Italy", "join", "additional")]
    assert kinds("Submitted on behalf of the Group of 77 and China by Algeria.") == [
        ("Algeria", "join", "main"), ("Group of 77 and China", "join", "main")]
    assert kinds("United States withdrew as a sponsor of the amendment to the draft "
                 "resolution.") == []


@pytest.mark.parametrize("symbol, title, kind", [
    ("S/2015/562", "Draft resolution / Australia", "draft"),
    ("A/HRC/10/R.3", "Turkmenistan : amendments to the draft resolution", None),
    ("E/CN.4/1990/WG.3/WP.8", "Proposed draft resolution / presented by Austria", None),
    ("A/HRC/11/L.19", "Amendments to draft resolution A/HRC/11/L.5", "amendment"),
    ("A/C.6/51/L.6/Corr.1", "Draft resolution : corrigendum", "corrigendum"),
    ("A/SITE/11", "[Draft] resolution / proposed by the Netherlands delegation", "draft"),
])
def test_classify_records(symbol, title, kind):
    assert classify_record(symbol, title)[0] == kind


def test_resolution_symbols_and_placeholders():
    assert resolution_symbol("A/RES/68/...") is None
    assert resolution_symbol("A/RES/69/..") is None
    assert resolution_symbol("A/RES/53/77[U]") == "A/RES/53/77 U"
    assert resolution_symbol("A/RES/60/32A-B") == "A/RES/60/32"
    assert resolution_symbol("S/RES/2225(2015)") == "S/RES/2225(2015)"


@pytest.fixture
def imported(app, session):
    from sqlmodel import Session

    from tracker.db import get_engine

    tally = Tally()
    with app.app_context():
        engine = get_engine()
        import_files(FILES, lambda: Session(engine, expire_on_commit=False), tally)
    return tally


def _keys(session, family):
    return {s.sponsor_key: s for s in session.exec(
        select(Sponsorship).where(Sponsorship.family == family))}


def test_import_invents_no_state_from_a_group_name(imported, session):
    keys = _keys(session, "A/68/L.27")  # the addendum attaches to its draft
    assert "group:Group of 77" in keys and "FJI" in keys
    assert "CHN" not in keys
    assert keys["FJI"].on_behalf_of == "Group of 77 and China"
    african = _keys(session, "A/68/L.7")
    assert "ETH" in african and "group:African Group" in african


def test_import_counts_and_skips_with_reasons(imported):
    assert imported.failed == 0
    assert imported.skip_reasons == {
        "not a draft: amendments in a restricted (R.) document": 1,
        "not a draft: a working group's paper": 1}


def test_import_security_council_draft_and_statuses(imported, session):
    sc = session.exec(select(Draft).where(Draft.symbol == "S/2015/562")).one()
    assert (sc.body, sc.status) == ("SC", "rejected")
    withdrawn = session.exec(select(Draft).where(Draft.symbol == "A/C.3/60/L.44/Rev.1")).one()
    assert withdrawn.status == "withdrawn" and withdrawn.status_source == "A/60/509/Add.2 (Part II)"
    assert final_sponsor_codes(session, withdrawn.family) == set()
    assert session.exec(select(Draft).where(Draft.symbol == "A/C.3/59/L.55")).one().status \
        == "no action"


def test_import_placeholder_symbol_creates_no_resolution(imported, session):
    assert session.exec(select(Resolution).where(Resolution.symbol.contains("..."))).all() == []
    placeholders = session.exec(select(DataIssue).where(
        DataIssue.kind == "placeholder-symbol")).all()
    assert "A/68/L.27/Add.1" in {p.subject for p in placeholders}


def test_import_historic_states_by_date(imported, session):
    keys = _keys(session, "A/45/L.1")  # 1990: both German States sponsored
    assert {"DEU", "DDR"} <= set(keys)
    assert keys["DEU"].raw_name == "Germany, Federal Republic of"


def test_import_misspelling_awaits_a_person_and_can_be_rejected(imported, session):
    decision = session.exec(select(NameDecision).where(
        NameDecision.name == "Bosnia and Herzogovina")).one()
    assert (decision.iso3, decision.status) == ("BIH", "pending")
    assert "BIH" in _keys(session, "A/C.3/69/L.51")
    decide(session, "Bosnia and Herzogovina", "rejected", by="test")
    session.commit()
    keys = _keys(session, "A/C.3/69/L.51")
    assert "BIH" not in keys and "unmatched:Bosnia and Herzogovina" in keys
    events = session.exec(select(SponsorshipEvent).where(
        SponsorshipEvent.raw_name == "Bosnia and Herzogovina")).all()
    assert events and all(e.iso3 is None for e in events)
    # the check lists it again, for a person to add the right spelling
    assert "Bosnia and Herzogovina" in {n for n, _, _, _ in build_report(session).unresolved}


def test_confirmed_match_becomes_a_spelling(imported, session):
    from tracker.resolver import StateResolver

    decision = session.exec(select(NameDecision).where(
        NameDecision.name == "Bosnia and Herzogovina")).one()
    decide(session, decision.name, "confirmed", by="test")
    session.commit()
    match = StateResolver(session).resolve(decision.name)
    assert (match.value, match.how) == (decision.iso3, "alias")


def test_check_report_lists_each_kind(imported, session):
    report = build_report(session)
    counts = report.counts()
    assert counts["records skipped"] == 2
    assert counts["placeholder resolution symbols"] >= 1
    assert counts["similarity matches awaiting a person"] >= 1
    assert all(why for _, _, _, why in report.unresolved)


def test_import_twice_changes_nothing(app, imported, session):
    from sqlmodel import Session, func

    from tracker.db import get_engine

    def count(model):
        return session.exec(select(func.count()).select_from(model)).one()

    before = {m: count(m) for m in (Draft, Sponsorship, SponsorshipEvent, DataIssue)}
    again = Tally()
    with app.app_context():
        engine = get_engine()
        import_files(FILES, lambda: Session(engine, expire_on_commit=False), again)
    assert {m: count(m) for m in before} == before
    assert (again.saved, again.updated, again.failed) == (0, 0, 0)


needs_samples = pytest.mark.skipif(not (SAMPLES / "un_resolutions").is_dir(),
                                   reason="shared samples not present")


@needs_samples
def test_gap_counts_only_members_on_the_day(app, session):
    """South Sudan (2011) is not missing from a 1990 resolution; the GDR is counted."""
    from sqlmodel import Session

    from tracker.db import get_engine

    with app.app_context():
        engine = get_engine()
        import_files(FILES, lambda: Session(engine, expire_on_commit=False), Tally())
        gaps = {g.region: g for g in regional_gaps(session, "A/45/L.1")}
    african = {s.iso3 for s in gaps["African Group"].members}
    eastern = {s.iso3 for s in gaps["Eastern European Group"].members}
    assert "SSD" not in african and "DDR" in eastern and "EST" not in eastern


def test_cli_check_and_names_say_what_is_wrong(imported, runner):
    result = runner.invoke(args=["check"])
    assert result.exit_code == 0
    assert "records skipped: 2" in result.output
    assert "'Bosnia and Herzogovina' -> BIH" in result.output
    result = runner.invoke(args=["names", "reject", "Atlantis"])
    assert result.exit_code == 1
    assert "no similarity match is recorded for 'Atlantis'" in result.output
    assert "Traceback" not in result.output


def test_quality_page_confirms_a_match(imported, app, session):
    client = sign_in(app, "editor", "editor")
    page = client.get("/quality/").get_data(as_text=True)
    assert "Bosnia and Herzogovina" in page and "placeholder" in page.lower()
    response = client.post("/quality/decide", data={"name": "Bosnia and Herzogovina",
                                                    "status": "confirmed"})
    assert response.status_code == 302
    session.expire_all()
    assert session.exec(select(NameDecision).where(
        NameDecision.name == "Bosnia and Herzogovina")).one().status == "confirmed"
    bad = client.post("/quality/decide", data={"name": "Atlantis", "status": "confirmed"},
                      follow_redirects=True)
    assert "no similarity match is recorded" in bad.get_data(as_text=True)


def test_resolution_page_counts_members_of_the_day(imported, app):
    """A/RES/53/17 (draft of 27 October 1998): Switzerland (admitted 2002) and South Sudan
    are not members that day, so neither is "never sponsored"; misspelt Argentina counts."""
    client = app.test_client()
    rows = {r["iso3"]: r["status"] for r in
            client.get("/resolutions/A/RES/53/17.json").get_json()["rows"]}
    assert rows["CHE"] == rows["SSD"] == "not a member"
    assert rows["ARG"] == "main" and rows["CAN"] == "main"
    assert rows["DEU"] == "never"
    page = client.get("/resolutions/A/RES/53/17").get_data(as_text=True)
    assert "UN members on 1998-10-27" in page
    assert "Cooperation between the United Nations and the Caribbean Community" in page


def test_state_page_leaves_out_drafts_from_before_it_joined(imported, app):
    client = app.test_client()
    south_sudan = client.get("/states/SSD").get_data(as_text=True)
    germany = client.get("/states/DEU").get_data(as_text=True)
    assert "A/45/L.1" in germany  # 1990, sponsored as "Germany, Federal Republic of"
    assert "A/45/L.1" not in south_sudan and "A/RES/53/17" not in south_sudan


def test_matrix_shows_the_most_recent_resolutions_by_default(imported, session):
    from tracker.dashboards import sponsorship_matrix

    resolutions, groups = sponsorship_matrix(session, limit=3)
    assert len(resolutions) == 3
    chosen, groups = sponsorship_matrix(session, symbols=["A/RES/53/17"])
    assert [r.symbol for r in chosen] == ["A/RES/53/17"]
    cells = {state.iso3: cells[0] for _, members in groups for state, cells in members}
    assert cells["CHE"] == "not a member" and cells["ARG"] == "main"
