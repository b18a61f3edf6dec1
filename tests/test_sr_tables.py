"""The Special Rapporteur's tables: letters by region, attack type and perpetrator, with the
share involving women, on the dashboard, as CSV and JSON, on a map, in search and in briefs.

Nine letters are stored and coded here by setting the coded columns, as the coder and the
review screen leave them; every expected number below is counted by hand from this list.
"""

import csv
import io
import re
from datetime import date
from html import unescape

import pytest
from sqlmodel import select

from scrapers.records import CommunicationRecord
from tracker.ingest import Tally, store_communications
from tracker.models import Communication
from tracker.reference import import_scheme_csv
from tracker.search import rebuild_index, search

from .conftest import sign_in

HRD = "human rights defenders"
VAW = "violence against women and girls"
# code, number, year, mandate, then the coding: women, whrd, attacks, perpetrators, types
# (None: not yet coded; "": coded, none found)
LETTERS = [
    ("HND", 1, 2013, HRD, (True, False, "threats,judicial_harassment", "police,company",
                           "non_state,state")),
    ("HND", 2, 2013, HRD, (False, False, "killing", "armed_group", "non_state")),
    ("MEX", 3, 2013, HRD, None),
    ("FRA", 4, 2013, HRD, (True, True, "sgbv", "unknown", "unknown")),
    ("IND", 5, 2013, HRD, (False, False, "", "", "")),
    ("EGY", 6, 2013, HRD, (True, False, "arbitrary_detention,threats", "police", "state")),
    ("OTH", 7, 2013, HRD, (False, False, "threats", "company", "non_state")),
    ("OTH", 8, 2013, HRD, None),
    ("KEN", 9, 2014, VAW, (True, True, "threats", None, None)),
]
LAC = "sr-hrd:latin-america-and-the-caribbean"


@pytest.fixture
def coded(app, session):
    records = [CommunicationRecord(
        type="UA", addressee_code=code, number=n, year=year, date=date(year, 3, n),
        addressee_name="Acme Mining Ltd" if code == "OTH" else code, mandates=[mandate],
        summary=f"Letter {n} about a defender.", location="test")
        for code, n, year, mandate, _ in LETTERS]
    store_communications(session, records, Tally())
    session.commit()
    for code, n, _, _, coding in LETTERS:
        if coding is None:
            continue
        c = session.exec(select(Communication).where(Communication.addressee_code == code,
                                                     Communication.number == n)).one()
        c.women, c.whrd, c.attack_types, c.perpetrators, c.perpetrator_type = coding
        c.coding_status = "rules"
        session.add(c)
    session.commit()
    rebuild_index(app.config["SEARCH_INDEX_DIR"], session)
    return app


def _rows(client, url):
    data = client.get(url).get_json()
    return data, {r["key"] or r["row"]: r for r in data["rows"]}


def test_region_table_counts_letters_and_the_women_share_by_hand(coded):
    data, rows = _rows(coded.test_client(), "/dashboards/regions.json")
    assert data["total"] == 9 and data["coded"] == 7 and data["not_yet_coded"] == 2
    lac = rows[LAC]
    assert (lac["communications"], lac["percent_of_all"]) == (3, 33.3)
    # HND 1 involves women, HND 2 does not, MEX 3 is not coded: 1 of 2 coded
    assert (lac["involving_women"], lac["coded_for_women"], lac["percent_women"]) == (1, 2, 50.0)
    assert lac["not_yet_coded"] == 1
    assert rows["sr-hrd:asia-pacific"]["percent_women"] == 0.0
    companies = rows["OTH"]
    assert (companies["row"], companies["communications"], companies["percent_women"]) == (
        "outside_others", 2, 0.0)
    total = rows["all"]
    assert (total["communications"], total["involving_women"], total["coded_for_women"],
            total["percent_women"], total["percent_of_all"]) == (9, 4, 7, 57.1, 100.0)
    # every letter in exactly one row: the rows add up to the total
    assert sum(r["communications"] for r in data["rows"] if r["row"] != "all") == 9


def test_region_table_names_states_outside_the_scheme(coded, session):
    import_scheme_csv(session, slug="two", name="Two regions",
                      text="iso3,region\nHND,Americas\nFRA,Europe\n")
    session.commit()
    rebuild_index(coded.config["SEARCH_INDEX_DIR"], session)  # as `tracker reindex` does
    _, rows = _rows(coded.test_client(), "/dashboards/regions.json?scheme=two")
    assert rows["two:americas"]["communications"] == 2
    assert rows["outside_states"]["communications"] == 4  # MEX 3, IND 5, EGY 6, KEN 9
    assert rows["OTH"]["communications"] == 2
    page = coded.test_client().get("/dashboards/regions?scheme=two").text
    assert "States in no region of this scheme" in page
    link = re.search(r'<th scope="row">States in no region of this scheme</th>'
                     r'<td class="num"><a href="([^"]+)">4</a>', page).group(1)
    assert _listed(coded, link) == 4


def test_attack_table_counts_each_type_of_the_coded_letters(coded):
    data, rows = _rows(coded.test_client(), "/dashboards/attacks.json")
    assert data["coded"] == 7
    threats = rows["threats"]  # HND 1, EGY 6, the company's 7, KEN 9
    assert (threats["communications"], threats["percent_of_coded"]) == (4, 57.1)
    assert threats["involving_women"] == 3 and threats["percent_women"] == 75.0
    assert rows["judicial_harassment"]["communications"] == 1
    assert rows["torture"]["communications"] == 0
    assert rows["none"]["communications"] == 1  # IND 5: coded, no attack type found
    # two letters report two attack types: the rows add up to more than the coded letters
    assert sum(r["communications"] for r in data["rows"] if r["row"] == "attack") == 8
    assert threats["Latin America and the Caribbean"] == 1
    assert threats["Middle East and North Africa"] == 1
    page = coded.test_client().get("/dashboards/attacks").text
    assert "the percentages to more than 100" in page
    assert "2 communications in this selection are not yet coded" in page


def test_perpetrator_table_puts_each_perpetrator_under_its_kind(coded):
    data, rows = _rows(coded.test_client(), "/dashboards/perpetrators.json")
    assert [(r["row"], r["key"], r["communications"]) for r in data["rows"][:6]] == [
        ("perpetrator_type", "state", 2), ("perpetrator", "police", 2),
        ("perpetrator", "military", 0), ("perpetrator", "judiciary", 0),
        ("perpetrator", "officials", 0), ("perpetrator_type", "non_state", 3)]
    assert rows["company"]["communications"] == 2
    assert rows["unknown"]["communications"] == 1
    assert rows["none"]["communications"] == 2  # IND 5 named none; KEN 9 was coded without
    page = coded.test_client().get("/dashboards/perpetrators").text
    # the labels of tracker/data/coding/vocabulary.toml
    assert '<tr class="sub"><th scope="row">Police and security services</th>' in page
    assert "<th scope=\"row\">State</th>" in page


def _listed(app, href: str) -> int:
    """How many letters the search list behind a link holds."""
    path, _, query = unescape(href).partition("?")
    assert path == "/"
    return app.test_client().get(f"/search.json?{query}").get_json()["total"]


def test_every_number_links_to_a_list_of_that_many_letters(coded):
    client = coded.test_client()
    page = client.get("/dashboards/?map=attack:threats").text
    tables = page[page.index('id="sr-tables"'):page.index('id="map"')]
    for kind in ("attacks", "perpetrators"):  # by region, on their own pages
        tables += client.get(f"/dashboards/{kind}").text
    links = re.findall(r'<a href="(/\?[^"]*)">(\d+)</a>', tables)
    assert len(links) > 80
    for href, shown in links:
        assert _listed(coded, href) == int(shown), href


def test_tables_follow_the_mandate_and_the_period(coded):
    client = coded.test_client()
    data, rows = _rows(client, "/dashboards/regions.json?mandate=human-rights-defenders")
    assert data["total"] == 8 and rows["sr-hrd:africa"]["communications"] == 0
    data, rows = _rows(client, "/dashboards/regions.json?from=2014&to=2014")
    assert data["total"] == 1 and rows["sr-hrd:africa"]["percent_women"] == 100.0
    assert data["filters"]["year"] == ["2014"]
    page = client.get("/dashboards/regions?from=2014&to=2013").text
    assert "its years were swapped" in page
    data = client.get("/dashboards/regions.json?from=20x3&to=2013").get_json()
    assert data["total"] == 8  # up to 2013; the year that cannot be read is left out
    assert "could not be read" in client.get("/dashboards/regions?from=20x3").text
    assert '<option value="2013" selected>' in page and '<option value="2014" selected>' in page
    link = re.search(r'<td class="num"><a href="([^"]+)">2</a>', page).group(1)
    assert "year=2013" in unescape(link) and "year=2014" in unescape(link)


def test_csv_holds_the_numbers_the_page_shows(coded):
    client = coded.test_client()
    for kind in ("regions", "attacks", "perpetrators"):
        response = client.get(f"/dashboards/{kind}.csv")
        assert response.mimetype == "text/csv"
        rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
        page = client.get(f"/dashboards/{kind}").text
        shown = re.findall(r'<th scope="row">([^<]+)</th><td class="num">(?:<a [^>]+>)?(\d+)',
                           page)
        assert [(unescape(label), int(n)) for label, n in shown] == [
            (r["label"], int(r["communications"])) for r in rows], kind


def test_map_shades_states_and_links_each_to_its_letters(coded):
    page = coded.test_client().get("/dashboards/?map=attack:threats").text
    svg = page[page.index('<svg class="map"'):]
    svg = svg[:svg.index("</svg>")]
    assert "<title>Communications by State: Threats</title>" in svg
    honduras = re.search(r'<a href="([^"]+)"><path [^>]+><title>Honduras: 1 communication',
                         svg)
    assert honduras and _listed(coded, honduras.group(1)) == 1
    assert "attack=threats" in unescape(honduras.group(1))
    assert "France: " not in svg  # no threat against France: not shaded, not linked
    assert 'selected>Threats</option>' in page
    assert "companies and other non-State addressees" in page  # the company's letter


def test_coded_facets_filter_search_and_go_into_its_exports(coded):
    index = coded.config["SEARCH_INDEX_DIR"]
    assert search(index, "", filters={"attack": ["threats"]}).total == 4
    assert search(index, "", filters={"perpetrator_type": ["state"]}).total == 2
    assert search(index, "", filters={"coded": ["uncoded"]}).total == 2
    assert search(index, "attack:killing").total == 1
    client = coded.test_client()
    page = client.get("/?attack=threats").text
    assert "Attack type" in page and "Kind of perpetrator" in page
    assert ">Judicial harassment</a>" in page  # a facet entry, readable
    rows = list(csv.DictReader(io.StringIO(
        client.get("/search.csv?q=HND&sort=reference").text.lstrip("\ufeff"))))
    first = next(r for r in rows if r["reference"] == "UA HND 1/2013")
    assert first["attack"] == "judicial_harassment; threats"
    assert first["perpetrator_type"] == "non_state; state" and first["coded"] == "coded"
    data = client.get("/search.json?coded=uncoded").get_json()
    assert {r["coded"] for r in data["rows"]} == {"uncoded"}


def test_brief_shows_the_tables_in_its_page_pdf_and_word(coded):
    from docx import Document
    from pypdf import PdfReader

    client = sign_in(coded, "editor", "editor")
    url = client.post("/briefs/", data={"title": "Defenders",
                                        "subject": "mandate|human-rights-defenders"}).location
    page = client.get(url).text
    assert "Communications by region, with the share involving women" in page
    link = re.search(r'<th scope="row">Threats</th><td class="num"><a href="([^"]+)">3</a>',
                     page).group(1)  # the company's letter, HND 1 and EGY 6; not KEN 9
    assert _listed(coded, link.removeprefix("http://localhost")) == 3
    pdf = client.get(url + ".pdf").data
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                    .split())  # a long region name wraps in its cell
    assert "Communications by attack type" in text and "Involving women" in text
    assert "Latin America and the Caribbean" in text
    doc = Document(io.BytesIO(client.get(url + ".docx").data))
    cells = {tuple(c.text for c in row.cells[:2]) for t in doc.tables for row in t.rows}
    assert ("Threats", "3") in cells and ("Latin America and the Caribbean", "3") in cells
    assert ("State", "2") in cells


def test_dashboard_says_when_nothing_is_coded(app, session):
    store_communications(session, [CommunicationRecord(
        type="AL", addressee_code="HND", number=1, year=2013, date=date(2013, 1, 1),
        addressee_name="Honduras", mandates=[HRD], summary="A letter.", location="test")],
        Tally())
    session.commit()
    rebuild_index(app.config["SEARCH_INDEX_DIR"], session)
    page = app.test_client().get("/dashboards/").text
    assert "No communication in this selection is coded yet." in page
    assert "1 communication in this selection is not yet coded" in page


def test_a_brief_counts_its_letters_as_the_dashboard_counts_the_index(coded, session):
    from tracker.search import matches
    from tracker.sr_tables import csv_rows, letters_of, sr_tables

    ids = session.exec(select(Communication.id)).all()
    with coded.test_request_context():
        from_index = sr_tables(matches(coded.config["SEARCH_INDEX_DIR"], ""), session, "sr-hrd")
        from_database = sr_tables(letters_of(session, ids), session, "sr-hrd")
        for kind, table in from_index.items():
            assert csv_rows(table) == csv_rows(from_database[kind]), kind


def test_an_index_from_before_the_coded_facets_is_read_then_rebuilt(app, session):
    from pathlib import Path

    from whoosh import index as windex

    from tracker.search import CODED_FACETS, POINTER, make_schema, update_index

    root = Path(app.config["SEARCH_INDEX_DIR"])
    old = root / "gen-1"
    old.mkdir(parents=True)
    schema = make_schema()
    for name in CODED_FACETS:
        schema.remove(name)
    windex.create_in(str(old), schema)  # as a version before the coded facets wrote it
    (root / POINTER).write_text(old.name)
    assert app.test_client().get("/").status_code == 200
    tally = Tally()
    store_communications(session, [CommunicationRecord(
        type="AL", addressee_code="HND", number=1, year=2013, date=date(2013, 1, 1),
        addressee_name="Honduras", mandates=[HRD], summary="A letter.", location="test")],
        tally)
    session.commit()
    c = session.exec(select(Communication)).one()
    c.attack_types, c.coding_status = "threats", "rules"
    session.commit()
    update_index(root, session, communication_ids=tally.changed_communications)
    assert search(root, "", filters={"attack": ["threats"]}).total == 1
    assert (root / POINTER).read_text() != old.name


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_filter_chips_name_coded_values_even_when_nothing_matches(coded):
    client = coded.test_client()
    page = client.get("/?q=nowhere&perpetrator_type=non_state&attack=judicial_harassment").text
    assert "No communication matches" in page
    chips = _text(page[page.index('class="chips"'):page.index('class="with-sidebar"')])
    assert "Kind of perpetrator: Non-State ✕" in chips
    assert "Attack type: Judicial harassment ✕" in chips
    assert "non_state" not in chips and "judicial_harassment" not in chips


def test_filter_chips_name_coded_values_in_the_readers_language(coded):
    # A test of its own: the fixture's app context keeps the first request's language.
    page = coded.test_client().get("/?q=nowhere&perpetrator_type=non_state&lang=fr").text
    assert "Catégorie d'auteur: Non étatique ✕" in _text(page)


def test_a_region_without_letters_has_no_share_of_women_to_wait_for(coded):
    page = coded.test_client().get("/dashboards/?mandate=human-rights-defenders").text
    by_year = page[:page.index('id="sr-tables"')]
    africa = re.search(r'<th scope="row">Africa</th>(.*?)</tr>', by_year, re.S).group(1)
    assert "not yet coded" not in africa and _text(africa).endswith("0 0.0 –")


def test_tables_of_a_search_that_finds_nothing_say_so(coded):
    page = coded.test_client().get("/dashboards/attacks?q=nowhere").text
    assert "No communication matches" in page and "is coded yet" not in page
