"""Pages that keep what they compute from the whole database (tracker.page_cache) show a
write on the next request, and the same page as when computed afresh."""

import datetime as dt

import pytest
from sqlmodel import select

from tracker.models import (
    Communication,
    Draft,
    GroupMembership,
    Resolution,
    SearchChange,
    Sponsorship,
    State,
)


def _resolution(session, n: int, iso3: str = "FRA", title: str = "Freedom of opinion"):
    symbol, family = f"A/HRC/RES/50/{n}", f"A/HRC/50/L.{n}"
    resolution = Resolution(body="HRC", symbol=symbol, title=f"{title} {n}",
                            adoption_date=dt.date(2022, 7, 7))
    session.add(resolution)
    session.flush()
    session.add(Draft(symbol=family, family=family, body="HRC", resolution_id=resolution.id,
                      resolution_symbol=symbol, title=f"{title} {n}",
                      date=dt.date(2022, 7, 1)))
    session.add(Sponsorship(family=family, sponsor_key=iso3, iso3=iso3, role="main",
                            raw_name=iso3))
    session.commit()
    return symbol, family


def _uncached(app, client, url: str) -> str:
    app.extensions.pop("page_cache", None)  # as a process that has computed nothing
    return client.get(url).get_data(as_text=True)


def test_state_page_shows_a_sponsorship_written_after_it_was_cached(app, client, session):
    _resolution(session, 1)
    assert "A/HRC/RES/50/1" in client.get("/states/FRA").get_data(as_text=True)
    _resolution(session, 2)
    page = client.get("/states/FRA").get_data(as_text=True)
    assert "A/HRC/RES/50/2" in page and "Freedom of opinion 2" in page


def test_state_page_shows_a_draft_renamed_after_it_was_cached(app, client, session):
    family = "A/HRC/50/L.9"  # a draft never adopted: it names no resolution
    session.add(Draft(symbol=family, family=family, body="HRC", title="Old title",
                      date=dt.date(2022, 7, 1)))
    session.add(Sponsorship(family=family, sponsor_key="FRA", iso3="FRA", role="main",
                            raw_name="France"))
    session.commit()
    assert "Old title" in client.get("/states/FRA").get_data(as_text=True)
    draft = session.exec(select(Draft).where(Draft.symbol == family)).one()
    draft.title = "New title"
    session.commit()
    page = client.get("/states/FRA").get_data(as_text=True)
    assert "New title" in page and "Old title" not in page


def test_state_page_is_the_same_from_the_cache(app, client, session):
    _resolution(session, 1)
    _resolution(session, 2, iso3="DEU")
    for url in ("/states/FRA", "/states/DEU.json", "/states/FRA?sponsorships_sort=title"):
        first = _uncached(app, client, url)
        assert client.get(url).get_data(as_text=True) == first  # from the cache


def test_resolutions_list_is_the_same_from_the_cache(app, client, session):
    _resolution(session, 1)
    _resolution(session, 2, iso3="DEU")
    for url in ("/resolutions/", "/resolutions/?sort=-date", "/resolutions.json?sort=title",
                "/resolutions.csv", "/resolutions/?vote=unknown"):
        first = _uncached(app, client, url)
        assert client.get(url).get_data(as_text=True) == first  # from the cache
    # A link in the JSON names the host asked, not the one that filled the cache.
    rows = client.get("/resolutions.json", base_url="http://127.0.0.1").get_json()["rows"]
    assert rows[0]["page"].startswith("http://127.0.0.1/resolutions/")


@pytest.mark.parametrize("url", ["/resolutions/?sort=-title", "/dashboards/"])
def test_resolutions_list_and_dashboard_matrix_follow_a_new_resolution(app, client, session,
                                                                        url):
    _resolution(session, 1)
    assert "A/HRC/RES/50/1" in client.get(url).get_data(as_text=True)
    _resolution(session, 2)
    page = client.get(url).get_data(as_text=True)
    assert "A/HRC/RES/50/2" in page
    assert page == _uncached(app, client, url)


def test_dashboard_matrix_is_kept_per_language(app, client, session):
    _resolution(session, 1)
    english = client.get("/dashboards/?lang=en").get_data(as_text=True)
    spanish = client.get("/dashboards/?lang=es").get_data(as_text=True)
    assert "main sponsor" in english
    assert spanish == _uncached(app, client, "/dashboards/?lang=es")
    assert english == _uncached(app, client, "/dashboards/?lang=en")


def test_letters_leave_the_cached_pages_as_they_are(app, session):
    from tracker.page_cache import data_version

    def version():
        with app.test_request_context():
            return data_version(session)

    _resolution(session, 1)
    before = version()
    session.add(Communication(addressee_code="FRA", number=1, year=2020, type="AL",
                              date=dt.date(2020, 1, 1), state_iso3="FRA",
                              addressee_name="France"))
    session.commit()
    assert version() == before  # an import of letters keeps the pages cached
    _resolution(session, 2)
    assert version() > before


def test_memberships_are_in_the_change_log(app, session):
    """Who a group stood for on a day is on the pages kept: a change must bump the log."""
    def last():
        session.commit()
        return session.exec(select(SearchChange).order_by(SearchChange.id.desc())).first()

    state = session.get(State, "FRA")
    state.un_left = dt.date(2100, 1, 1)
    assert (last().kind, last().key) == ("state", "FRA")
    session.add(GroupMembership(group_name="A test group", iso3="MLT"))
    assert (last().kind, last().key) == ("state", "MLT")


def test_search_facets_name_a_state_renamed_after_they_were_cached(app, client, session):
    """The search page's State names are kept per process (labels.state_names) until a
    State changes; a rename shows on the next search."""
    session.add(Communication(type="UA", addressee_code="FRA", number=1, year=2020,
                              state_iso3="FRA", addressee_name="France",
                              date=dt.date(2020, 1, 2), summary="A defender."))
    session.commit()
    from tracker.search import rebuild_index

    rebuild_index(app.config["SEARCH_INDEX_DIR"], session)
    assert ">France</a>" in client.get("/").get_data(as_text=True)
    france = session.exec(select(State).where(State.iso3 == "FRA")).one()
    france.name = "French Republic"
    session.commit()
    page = client.get("/").get_data(as_text=True)
    assert ">French Republic</a>" in page and ">France</a>" not in page
