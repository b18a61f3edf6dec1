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


def test_state_profile_counts_replies_and_mandates(client, session):
    import datetime as dt

    from sqlmodel import select

    from tracker.models import Communication, CommunicationMandate, Mandate, Reply
    from tracker.profiles import state_profile

    letters = [Communication(addressee_code="HND", number=n, year=2020, type="AL",
                             date=dt.date(2020, 1, n), state_iso3="HND",
                             addressee_name="Honduras") for n in range(1, 5)]
    session.add_all(letters)
    session.flush()
    first, second, third = session.exec(select(Mandate).order_by(Mandate.id)).all()[:3]
    # Two replies to one letter count it once; the third mandate, met first, leads the tie.
    session.add_all([Reply(communication_id=letters[0].id, url="https://x/1"),
                     Reply(communication_id=letters[0].id, url="https://x/2"),
                     Reply(communication_id=letters[2].id, url="https://x/3")])
    session.add_all([CommunicationMandate(communication_id=c.id, mandate_id=m.id)
                     for c, m in [(letters[0], third), (letters[1], first), (letters[1], second),
                                  (letters[2], second), (letters[3], first),
                                  (letters[3], third)]])
    session.commit()
    data = client.get("/states/HND.json").get_json()
    assert (data["communications"], data["replied"]) == (4, 2)
    assert sorted(r["reference"] for r in data["rows"]) == ["AL HND 2/2020", "AL HND 4/2020"]
    assert data["by_mandate"] == {m.site_label: 2 for m in (first, second, third)}
    assert [(m.id, n) for m, n in state_profile(session, "HND").by_mandate] == [
        (third.id, 2), (first.id, 2), (second.id, 2)]
