import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from sqlmodel import Session, select

from tracker.coding import load_rules
from tracker.db import get_engine
from tracker.models import Communication
from tracker.views.output import csv_safe

from .conftest import SAMPLES

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")


@pytest.fixture(scope="module")
def web(loaded_app):
    return loaded_app.test_client()


def _text(response):
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_search_home_lists_results_with_facets(web):
    page = _text(web.get("/"))
    assert "<h1>Special Procedures communications</h1>" in page
    assert 'href="/?state=GBR"' in page
    assert "JAL AUS 2/2026" in page
    assert 'class="facets"' in page and "UN regional group" in page


def test_search_filter_by_state_in_url(web):
    page = _text(web.get("/?state=GBR"))
    refs = set(re.findall(r">(JAL GBR \d+/\d{4})</a></h3>", page))
    assert refs and all("GBR" in r for r in refs)
    assert "Filtered by:" in page and "United Kingdom of Great Britain" in page


def test_search_json_and_csv_use_the_same_filters(web):
    data = web.get("/search.json?state=GBR&q=surveillance").get_json()
    assert data["total"] == len(data["rows"]) >= 1
    assert {r["state"] for r in data["rows"]} == {"GBR"}
    body = web.get("/search.csv?state=GBR&q=surveillance").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["reference"] for r in rows] == [r["reference"] for r in data["rows"]]


def test_search_bad_query_explains(web):
    page = _text(web.get('/?q="unbalanced (('))
    assert "could not be read as written" in page or "communication" in page


def test_search_feed_is_atom(web):
    response = web.get("/search.atom?state=GBR")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)  # noqa: S314 - our own feed, parsed to check it
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries and all("GBR" in e.find("a:title", ns).text for e in entries)
    assert "state: United Kingdom" in root.find("a:title", ns).text


def test_feed_link_on_search_page(web):
    assert 'type="application/atom+xml"' in _text(web.get("/?state=HND"))


def test_state_profile_gbr(web):
    page = _text(web.get("/states/GBR"))
    assert "United Kingdom of Great Britain and Northern Ireland" in page
    assert "communications received" in page
    assert "WEOG" in page
    data = web.get("/states/GBR.json").get_json()
    assert data["communications"] == 3  # GBR 21/2025, 2/2026 and 3/2026 in the samples
    assert data["replied"] >= 1  # the reconstructed page carries replies to GBR 3/2026


def test_state_profile_unknown_is_404(web):
    assert web.get("/states/XXX").status_code == 404


def test_communication_page_fields_and_related(web, loaded_app):
    with loaded_app.app_context(), Session(get_engine()) as s:
        c = s.exec(select(Communication).where(Communication.addressee_code == "GBR",
                                               Communication.number == 3)).one()
    page = _text(web.get(f"/communications/{c.id}"))
    assert "JAL GBR 3/2026" in page and "Reply of 2026-03-10" in page
    # coded by the shipped rules, each code with who coded it and the words behind it
    assert "not yet coded" not in page and f"rules v{load_rules().version}" in page
    assert "Surveillance" in page and "surveillance" in page
    assert "Special Rapporteur on the right to privacy" in page
    data = web.get(f"/communications/{c.id}.json").get_json()
    assert data["reference"] == "JAL GBR 3/2026" and len(data["replies"]) == 2


@needs_samples
def test_resolution_68_181_gap_and_map(web):
    page = _text(web.get("/resolutions/A/RES/68/181"))
    assert "African Group: 0 of 54" in page
    assert "<svg" in page and 'class="map"' in page
    assert "withdrew its sponsorship" in page and "A/68/456/Add.2" in page
    data = web.get("/resolutions/A/RES/68/181.json").get_json()
    assert len(data["final_sponsors"]) == 35
    african = next(g for g in data["gaps"] if g["region"] == "African Group")
    assert (african["sponsors"], african["members"]) == (0, 54)
    rows = list(csv.DictReader(io.StringIO(
        web.get("/resolutions/A/RES/68/181.csv").data.decode("utf-8-sig"))))
    statuses = {r["iso3"]: r["status"] for r in rows}
    assert statuses["DEU"] == "withdrew" and statuses["NOR"] == "main"
    assert statuses["CHL"] == "co" and statuses["KEN"] == "never"


@needs_samples
def test_resolutions_list(web):
    page = _text(web.get("/resolutions/"))
    assert "A/RES/68/181" in page
    assert any(r["symbol"] == "A/RES/68/181" and r["final_sponsors"] == 35
               for r in web.get("/resolutions.json").get_json()["rows"])


def test_dashboard_region_table_links_to_lists(web):
    page = _text(web.get("/dashboards/?scheme=un-groups"))
    assert "Communications by region and year" in page
    assert "/?region=un-groups:weog" in page
    data = web.get("/dashboards.json?scheme=un-groups").get_json()
    weog = next(r for r in data["rows"] if r["region"] == "WEOG")
    search = web.get("/search.json?region=un-groups:weog").get_json()
    assert weog["total"] == search["total"]
    # the women column is filled in from the codes, and equals the list it links to
    assert weog["coded"] == weog["total"]
    women = web.get("/search.json?region=un-groups:weog&women=yes").get_json()
    assert weog["women"] == women["total"] > 0


def test_error_pages_in_site_look(web):
    response = web.get("/nowhere")
    assert response.status_code == 404 and "Geneva Tracker" in response.get_data(as_text=True)


@needs_samples
def test_resolution_gap_among_council_members_on_the_day(web):
    """HRC 27 (September 2014): 47 Council members, 13/13/6/8/7 by regional group."""
    everyone = web.get("/resolutions/A/HRC/RES/27/31.json").get_json()["gaps"]
    council = web.get("/resolutions/A/HRC/RES/27/31.json?among=council").get_json()["gaps"]
    assert sum(g["members"] for g in everyone) == 193
    assert {g["region"]: g["members"] for g in council} == {
        "African Group": 13, "Asia-Pacific Group": 13, "Eastern European Group": 6,
        "GRULAC": 8, "WEOG": 7}
    assert all(c["sponsors"] <= e["sponsors"] for c, e in zip(council, everyone, strict=True))
    page = web.get("/resolutions/A/HRC/RES/27/31?among=council").get_data(as_text=True)
    assert "Counted among the States on the Human Rights Council that day." in page


def test_scraped_text_is_escaped(app, client):
    from scrapers.records import CommunicationRecord
    from tracker.ingest import Tally, store_communications
    from tracker.search import update_index

    with app.app_context(), Session(get_engine()) as s:
        tally = Tally()
        store_communications(s, [CommunicationRecord(
            type="UA", addressee_code="HND", number=1, year=2020, date=None,
            addressee_name="<b>Honduras</b>", summary="<script>alert('x')</script> torture",
            location="t")], tally)
        s.commit()
        update_index(app.config["SEARCH_INDEX_DIR"], s,
                     communication_ids=tally.changed_communications)
        comm_id = next(iter(tally.changed_communications))
    for url in ("/?q=torture", f"/communications/{comm_id}", "/search.atom?q=torture"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body, url
    assert "&lt;script&gt;" in client.get(f"/communications/{comm_id}").get_data(as_text=True)


def test_csv_cells_cannot_be_formulas():
    assert csv_safe("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")"
    assert csv_safe("+1") == "'+1" and csv_safe("plain") == "plain"


@pytest.mark.parametrize("lang, heading", [
    ("es", "Comunicaciones de los Procedimientos Especiales"),
    ("fr", "Communications des procédures spéciales"),
    ("en", "Special Procedures communications"),
])
def test_interface_languages(web, lang, heading):
    page = _text(web.get(f"/?lang={lang}"))
    assert f"<h1>{heading}</h1>" in page
    assert f'<html lang="{lang}">' in page


def test_interface_language_from_browser_and_cookie(loaded_app):
    client = loaded_app.test_client()
    page = _text(client.get("/", headers={"Accept-Language": "fr-CH, fr;q=0.9"}))
    assert "Rechercher" in page
    client.get("/?lang=es")  # the choice is remembered over the browser's preference
    page = _text(client.get("/states/GBR", headers={"Accept-Language": "fr"}))
    assert "comunicaciones recibidas" in page


def test_interface_translations_are_complete():
    from babel.messages.pofile import read_po

    from tracker import ROOT

    for lang in ("es", "fr"):
        path = ROOT / "tracker" / "translations" / lang / "LC_MESSAGES" / "messages.po"
        with open(path, "rb") as f:
            catalog = read_po(f, locale=lang)
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert missing == [], f"{lang}: untranslated {missing}"

