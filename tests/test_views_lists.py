"""The States and resolutions lists: links, dates, natural order, history order, sorting."""

import csv
import datetime as dt
import io
import re

import pytest
from sqlmodel import Session

from tracker.db import get_engine
from tracker.models import Draft, Resolution, Sponsorship, SponsorshipEvent

from .conftest import SAMPLES

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")


def _add(app, *rows):
    with app.app_context(), Session(get_engine()) as s:
        s.add_all(rows)
        s.commit()


def _resolution(symbol, family, *, title="A title", day=None, adopted=None, sponsors=()):
    """A resolution, its draft, and sponsorship rows for the given ISO3 codes."""
    return [Resolution(body="HRC" if "HRC" in symbol else "GA", symbol=symbol, title=title,
                       adoption_date=adopted),
            Draft(symbol=family, family=family, date=day, resolution_symbol=symbol),
            *(Sponsorship(family=family, sponsor_key=iso3, iso3=iso3, role="cover",
                          raw_name=iso3, joined_source=None) for iso3 in sponsors)]


def _link(app, symbol, family):
    from sqlmodel import select

    with app.app_context(), Session(get_engine()) as s:
        r = s.exec(select(Resolution).where(Resolution.symbol == symbol)).one()
        d = s.exec(select(Draft).where(Draft.family == family)).one()
        d.resolution_id = r.id
        s.add(d)
        s.commit()


def _symbols(page):
    return re.findall(r'<th scope="row"><a href="/resolutions/[^"]+">([^<]+)</a></th>', page)


# 1. /states links every State to its profile.
def test_states_list_links_each_state_to_its_profile(client):
    page = client.get("/states").get_data(as_text=True)
    assert '<a href="/states/HND">Honduras</a>' in page
    assert len(re.findall(r'<a href="/states/[A-Z]{3}">', page)) >= 193


# 4. No "None" where a value is missing.
def test_state_page_shows_no_none_for_a_missing_source(app, client):
    _add(app, *_resolution("A/HRC/RES/1/1", "A/HRC/1/L.1", day=dt.date(2006, 6, 30),
                           sponsors=["GBR"]))
    _link(app, "A/HRC/RES/1/1", "A/HRC/1/L.1")
    page = client.get("/states/GBR").get_data(as_text=True)
    assert "A/HRC/RES/1/1" in page
    assert not re.search(r"\bNone\b", page)
    assert "not recorded" in page


# 10. The Adopted column says what is known; titles are whole; symbols sort naturally.
def test_resolutions_list_shows_the_draft_date_when_adoption_is_unknown(app, client):
    _add(app, *_resolution("A/RES/68/181", "A/C.3/68/L.64", day=dt.date(2013, 11, 21)),
         *_resolution("A/RES/1/1", "A/1/L.1", adopted=dt.date(1946, 1, 24)),
         *_resolution("A/RES/2/2", "A/2/L.2"))
    for symbol, family in [("A/RES/68/181", "A/C.3/68/L.64"), ("A/RES/1/1", "A/1/L.1"),
                           ("A/RES/2/2", "A/2/L.2")]:
        _link(app, symbol, family)
    page = client.get("/resolutions/").get_data(as_text=True)
    assert "draft of 2013-11-21" in page
    assert "1946-01-24" in page and "not recorded" in page
    rows = {r["symbol"]: r for r in client.get("/resolutions.json").get_json()["rows"]}
    assert rows["A/RES/68/181"]["date"] == "2013-11-21"
    assert rows["A/RES/68/181"]["date_is"] == "draft"
    assert rows["A/RES/1/1"]["date_is"] == "adopted" and rows["A/RES/2/2"]["date_is"] == "unknown"


def test_resolutions_list_shows_whole_titles(app, client):
    title = ("Promotion of the Declaration on the Right and Responsibility of Individuals, "
             "Groups and Organs of Society to Promote and Protect Universally Recognized "
             "Human Rights and Fundamental Freedoms : protecting women human rights defenders")
    _add(app, *_resolution("A/RES/68/181", "A/C.3/68/L.64", title=title))
    page = client.get("/resolutions/").get_data(as_text=True)
    assert "protecting women human rights defenders" in page


def test_symbol_key_orders_by_body_session_and_number():
    from tracker.views.sorting import natural_key, symbol_key

    symbols = ["A/HRC/RES/27/24", "A/HRC/RES/27/3", "A/RES/68/181", "A/HRC/DEC/27/115",
               "A/HRC/RES/3/1", "A/RES/9/2", "S/RES/2222(2015)"]
    assert sorted(symbols, key=symbol_key) == [
        "A/RES/9/2", "A/RES/68/181", "A/HRC/RES/3/1", "A/HRC/RES/27/3", "A/HRC/RES/27/24",
        "A/HRC/DEC/27/115", "S/RES/2222(2015)"]
    assert natural_key("JAL GBR 3/2026") < natural_key("JAL GBR 21/2026")


def test_resolutions_list_sorts_symbols_naturally(app, client):
    for n in (24, 3, 31):
        _add(app, Resolution(body="HRC", symbol=f"A/HRC/RES/27/{n}", title=f"T{n}"))
    assert _symbols(client.get("/resolutions/").get_data(as_text=True)) == [
        "A/HRC/RES/27/3", "A/HRC/RES/27/24", "A/HRC/RES/27/31"]
    assert _symbols(client.get("/resolutions/?sort=-symbol").get_data(as_text=True)) == [
        "A/HRC/RES/27/31", "A/HRC/RES/27/24", "A/HRC/RES/27/3"]


# 11. Undated joins and withdrawals follow the dated document they belong to.
@needs_samples
def test_resolution_history_puts_undated_events_after_the_dated_draft(loaded_app):
    page = loaded_app.test_client().get("/resolutions/A/RES/68/181").get_data(as_text=True)
    history = page[page.index('<ol class="timeline">'):]
    history = history[:history.index("</ol>")]
    sources = re.findall(r'<span class="source">— ([^<]+)</span>', history)
    assert sources[0] == "A/C.3/68/L.64/Rev.1"
    first_report = sources.index("A/68/456/Add.2")
    assert set(sources[:first_report]) == {"A/C.3/68/L.64/Rev.1"}
    assert set(sources[first_report:]) == {"A/68/456/Add.2"}
    # In the report, as printed: the additional sponsors, then the withdrawals.
    actions = re.findall(r'<li class="(join|withdraw)">', history)[first_report:]
    assert actions == sorted(actions, key=lambda a: a == "withdraw") and "withdraw" in actions


def test_history_order_uses_the_document_date_for_its_undated_lines(app, session):
    from tracker.resolutions import history_order

    day, later = dt.date(1981, 12, 3), dt.date(1981, 12, 17)
    events = [SponsorshipEvent(id=1, family="A/36/L.43", sponsor_key="X", action="join",
                               role="cover", date=later, source_document="A/36/L.43/Add.1",
                               raw_name="Later cover"),
              SponsorshipEvent(id=2, family="A/36/L.43", sponsor_key="Y", action="join",
                               role="additional", source_document="A/36/L.43/Add.1",
                               raw_name="Undated addition"),
              SponsorshipEvent(id=3, family="A/36/L.43", sponsor_key="Z", action="join",
                               role="cover", date=day, source_document="A/36/L.43",
                               raw_name="First cover"),
              SponsorshipEvent(id=4, family="A/36/L.43", sponsor_key="W", action="withdraw",
                               source_document="A/36/PV.99", raw_name="Undated report")]
    assert [e.raw_name for e in history_order(events, [])] == [
        "First cover", "Later cover", "Undated addition", "Undated report"]


# 18. Every list sorts by its columns, in HTML, JSON and CSV alike.
def test_states_list_sorts_in_html_json_and_csv(client):
    page = client.get("/states?sort=-name").get_data(as_text=True)
    names = re.findall(r'<th scope="row"><a href="/states/[A-Z]{3}">([^<]+)</a>', page)
    assert names[0] == "Zimbabwe" and names.index("Zambia") == 1
    assert 'aria-sort="descending"' in page and 'href="/states?sort=name#states"' in page
    json_rows = client.get("/states.json?sort=iso3").get_json()["rows"]
    assert [r["iso3"] for r in json_rows] == sorted(r["iso3"] for r in json_rows)
    body = client.get("/states.csv?sort=-iso3").get_data().decode("utf-8-sig")
    codes = [r["iso3"] for r in csv.DictReader(io.StringIO(body))]
    assert codes == sorted(codes, reverse=True)


def test_states_list_scheme_form_keeps_the_sort(client):
    page = client.get("/states?sort=-name").get_data(as_text=True)
    assert '<input type="hidden" name="sort" value="-name">' in page


@pytest.mark.parametrize("path", ["/states", "/states.json", "/states.csv", "/resolutions/",
                                  "/resolutions.json", "/resolutions.csv", "/states/GBR",
                                  "/states/GBR.json", "/states/GBR.csv"])
def test_unknown_sort_column_is_a_clear_400(client, path):
    response = client.get(path + "?sort=colour")
    assert response.status_code == 400
    text = response.get_json()["message"] if path.endswith(".json") else response.get_data(
        as_text=True)
    assert "cannot be sorted by “colour”" in text and "Sort by one of:" in text


@pytest.mark.parametrize("path", ["/states/GBR?sponsorships_sort=x", "/states/GBR?votes_sort=x",
                                  "/resolutions/A/RES/1/1?gaps_sort=x"])
def test_unknown_sort_column_of_a_page_table_is_a_400(app, client, path):
    _add(app, *_resolution("A/RES/1/1", "A/1/L.1"))
    assert client.get(path).status_code == 400


def test_resolutions_list_sorts_by_sponsors_and_pages_keep_the_sort(app, client):
    app.config["PAGE_SIZE"] = 2
    for n, sponsors in ((1, ["FRA"]), (2, ["FRA", "DEU", "ITA"]), (3, ["FRA", "DEU"])):
        _add(app, *_resolution(f"A/RES/9/{n}", f"A/9/L.{n}", sponsors=sponsors))
        _link(app, f"A/RES/9/{n}", f"A/9/L.{n}")
    page = client.get("/resolutions/?sort=-final_sponsors").get_data(as_text=True)
    assert _symbols(page) == ["A/RES/9/2", "A/RES/9/3"]
    assert 'href="/resolutions/?sort=-final_sponsors&amp;page=2"' in page
    assert _symbols(client.get("/resolutions/?sort=-final_sponsors&page=2")
                    .get_data(as_text=True)) == ["A/RES/9/1"]
    csv_rows = list(csv.DictReader(io.StringIO(
        client.get("/resolutions.csv?sort=final_sponsors").get_data().decode("utf-8-sig"))))
    assert [r["symbol"] for r in csv_rows] == ["A/RES/9/1", "A/RES/9/3", "A/RES/9/2"]


def test_state_sponsorships_are_paged_and_sorted(app, client):
    app.config["PAGE_SIZE"] = 2
    for n in range(1, 6):
        _add(app, *_resolution(f"A/RES/9/{n}", f"A/9/L.{n}", day=dt.date(2000, 1, n),
                               sponsors=["DEU"]))
        _link(app, f"A/RES/9/{n}", f"A/9/L.{n}")
    page = client.get("/states/DEU").get_data(as_text=True)
    assert _symbols(page) == ["A/RES/9/5", "A/RES/9/4"]  # newest first by default
    assert "Page 1 of 3" in page and 'href="/states/DEU?page=2#resolutions"' in page
    page = client.get("/states/DEU?sponsorships_sort=resolution&page=3").get_data(as_text=True)
    assert _symbols(page) == ["A/RES/9/5"]
    assert 'aria-sort="ascending"' in page
    data = client.get("/states/DEU.json?sponsorships_sort=-resolution").get_json()
    assert [s["resolution"] for s in data["sponsorships"]][:2] == ["A/RES/9/5", "A/RES/9/4"]


def test_resolution_gap_table_sorts_by_share(app, client):
    _add(app, *_resolution("A/RES/9/1", "A/9/L.1", day=dt.date(2000, 1, 1),
                           sponsors=["FRA", "DEU", "ITA", "KEN"]))
    _link(app, "A/RES/9/1", "A/9/L.1")
    data = client.get("/resolutions/A/RES/9/1.json?gaps_sort=-share").get_json()
    assert data["gaps"][0]["region"] == "WEOG"
    shares = [g["sponsors"] / g["members"] for g in data["gaps"]]
    assert shares == sorted(shares, reverse=True)
    page = client.get("/resolutions/A/RES/9/1?gaps_sort=-share").get_data(as_text=True)
    assert 'aria-sort="descending"' in page
    rows = list(csv.DictReader(io.StringIO(
        client.get("/resolutions/A/RES/9/1.csv?sort=-status").get_data().decode("utf-8-sig"))))
    assert [r["status"] for r in rows] == sorted((r["status"] for r in rows), reverse=True)
