import re


def test_states_page_lists_groups_with_counts(client):
    page = client.get("/states").get_data(as_text=True)
    assert "States by UN regional groups" in page
    counts = dict(re.findall(r'<a href="#r\d+">([^<]+)</a></th><td class="num">(\d+)</td>', page))
    assert counts == {"African Group": "54", "Asia-Pacific Group": "54",
                      "Eastern European Group": "23", "GRULAC": "33", "WEOG": "29"}
    assert "Honduras" in page
    assert "(participant, counted elsewhere)" in page


def test_states_page_in_sr_hrd_scheme(client):
    page = client.get("/states?scheme=sr-hrd").get_data(as_text=True)
    assert "Middle East and North Africa" in page
    assert "Holy See" in page


def test_states_page_unknown_scheme_is_404_in_site_look(client):
    response = client.get("/states?scheme=nope")
    assert response.status_code == 404
    assert "No region scheme by that name." in response.get_data(as_text=True)
    assert "Geneva Tracker" in response.get_data(as_text=True)


def test_state_profile_pages_letters_awaiting_a_reply(app, client, session):
    import datetime as dt

    from tracker.models import Communication

    app.config["PAGE_SIZE"] = 5
    session.add_all(Communication(addressee_code="HND", number=n, year=2020, type="AL",
                                  date=dt.date(2020, 1, n), state_iso3="HND",
                                  addressee_name="Honduras") for n in range(1, 8))
    session.commit()
    first = client.get("/states/HND").get_data(as_text=True)
    assert first.count(">AL HND ") == 5  # the newest first, as before
    assert "AL HND 7/2020" in first and "AL HND 2/2020" not in first
    assert 'href="/states/HND?letters_page=2#awaiting"' in first
    second = client.get("/states/HND?letters_page=2").get_data(as_text=True)
    assert "AL HND 2/2020" in second and "AL HND 1/2020" in second
    assert second.count(">AL HND ") == 2
    assert len(client.get("/states/HND.json").get_json()["rows"]) == 7  # every one
