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
