"""Votes in the pages: a resolution's vote and its amendments', a State's record and its
agreement with another State. The rows are made here, as the vote importers store them."""

import datetime as dt
import re

import pytest

from tracker.models import Draft, Resolution, Sponsorship, Vote, VoteCast

DAY_2016 = dt.date(2016, 3, 24)


def _vote(session, symbol, casts, *, day=DAY_2016, body="HRC", kind="resolution",
          outcome="adopted", method="recorded", title=None):
    counts = {v: list(casts.values()).count(v) for v in "YNAX"}
    vote = Vote(symbol=symbol, body=body, date=day, method=method, kind=kind,
                outcome=outcome, title=title, yes=counts["Y"], no=counts["N"],
                abstain=counts["A"], non_voting=counts["X"])
    session.add(vote)
    session.flush()
    for iso3, value in casts.items():
        session.add(VoteCast(vote_id=vote.id, iso3=iso3, raw_name=iso3, value=value))
    return vote


@pytest.fixture
def defenders_2016(session):
    return add_defenders_2016(session)


def add_defenders_2016(session):
    """A/HRC/RES/31/32 on its draft L.28, South Africa a co-sponsor, and the hostile
    amendment L.41, rejected."""
    title = ("Protecting human rights defenders addressing economic, social and cultural "
             "rights")
    r = Resolution(body="HRC", symbol="A/HRC/RES/31/32", session="31", title=title,
                   adoption_date=DAY_2016, adoption_method="recorded vote")
    session.add(r)
    session.flush()
    session.add(Draft(symbol="A/HRC/31/L.28", family="A/HRC/31/L.28", body="HRC",
                      resolution_id=r.id, resolution_symbol=r.symbol, status="adopted",
                      title=title))
    session.add(Sponsorship(family="A/HRC/31/L.28", sponsor_key="NOR", iso3="NOR",
                            role="main", raw_name="Norway"))
    session.add(Sponsorship(family="A/HRC/31/L.28", sponsor_key="ZAF", iso3="ZAF",
                            role="co", raw_name="South Africa"))
    session.add(Draft(symbol="A/HRC/31/L.41", family="A/HRC/31/L.41", body="HRC",
                      kind="amendment", amends="A/HRC/31/L.28", status="rejected",
                      title=title))
    _vote(session, "A/HRC/RES/31/32", {"NOR": "Y", "DEU": "Y", "RUS": "N", "ZAF": "A",
                                       "CHN": "N", "KEN": "X"}, title=title)
    _vote(session, "A/HRC/31/L.41", {"NOR": "N", "DEU": "N", "RUS": "Y", "ZAF": "Y",
                                     "CHN": "Y", "KEN": "A"},
          day=dt.date(2016, 3, 21), kind="amendment", outcome="rejected", title=title)
    session.commit()
    return r


def _map_fill(page: str, title: str) -> str:
    found = re.search(r'<path d="[^"]*" fill="(#[0-9a-f]+)"[^>]*><title>' + re.escape(title)
                      + "</title>", page)
    assert found, title
    return found[1]


def test_resolution_page_shows_each_states_vote_and_the_map(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32").get_data(as_text=True)
    assert ("Adopted by a recorded vote on 2016-03-24: 2 in favour, 2 against, "
            "1 abstention.") in page
    assert "1 State listed did not vote." in page
    assert _map_fill(page, "Norway: in favour") == "#0072b2"
    assert _map_fill(page, "Russian Federation: against") == "#d55e00"
    assert _map_fill(page, "South Africa: abstained") == "#f0e442"
    assert _map_fill(page, "France: not voting (not a member)") == "#ffffff"
    # Not colour alone: each State's vote in words, in the table
    row = re.search(r"Russian Federation</a></th>.*?</tr>", page, re.S)[0]
    assert "against" in row and "voted for the hostile amendment" in row


def test_resolution_page_puts_sponsors_beside_their_votes(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32").get_data(as_text=True)
    assert ("South Africa</a>: sponsored, then abstained on the resolution; voted for the "
            "hostile amendment") in page
    norway = re.search(r"Norway</a></th>.*?</tr>", page, re.S)[0]
    assert "main sponsor" in norway
    assert "sponsored and voted for the resolution; voted against the hostile amendment" \
        in norway


def test_resolution_page_counts_the_vote_by_group_in_any_scheme(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32?scheme=un-groups").get_data(as_text=True)
    weog = re.search(r"<th scope=\"row\">WEOG</th>(.*?)</tr>", page, re.S)[1]
    assert re.findall(r"<summary>(\d+)</summary>|>(\d+)<", weog)[0] == ("2", "")  # NOR, DEU
    page = client.get("/resolutions/A/HRC/RES/31/32?scheme=sr-hrd").get_data(as_text=True)
    assert "Europe, North America and Central Asia" in page


def test_resolution_page_lists_amendments_with_their_vote(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32").get_data(as_text=True)
    row = re.search(r'<tr id="vote-A-HRC-31-L41">.*?</tr>', page, re.S)[0]
    assert "A/HRC/31/L.41" in row and "rejected" in row
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["3", "2", "1"]
    data = client.get("/resolutions/A/HRC/RES/31/32.json").get_json()
    assert data["amendments"][0]["states"]["RUS"] == "Y"
    assert data["votes"][0]["totals"] == {"Y": 2, "N": 2, "A": 1, "X": 1}


def test_amendment_symbol_leads_to_its_resolution(client, defenders_2016):
    response = client.get("/resolutions/A/HRC/31/L.41")
    assert response.status_code == 302
    assert response.location.endswith("/resolutions/A/HRC/RES/31/32#vote-A-HRC-31-L41")


def test_ga_resolution_adopted_without_a_vote_reads_so(client, session):
    session.add(Resolution(body="GA", symbol="A/RES/68/181", session="68",
                           title="Protecting women human rights defenders",
                           adoption_date=dt.date(2013, 12, 18),
                           adoption_method="without a vote"))
    session.add(Vote(symbol="A/RES/68/181", body="GA", date=dt.date(2013, 12, 18),
                     method="without a vote", kind="resolution", outcome="adopted"))
    session.commit()
    page = client.get("/resolutions/A/RES/68/181").get_data(as_text=True)
    assert "Adopted without a vote on 2013-12-18: no State’s vote is recorded." in page
    assert "2013-12-18, without a vote" in page
    assert 'class="map" role="img" aria-label="The vote on' not in page


def test_state_profile_shows_its_votes_on_amendments_against_defenders(client, session,
                                                                        defenders_2016):
    title = "Special Rapporteur on the situation of human rights defenders"
    for symbol in ("A/HRC/25/L.46", "A/HRC/25/L.47"):
        _vote(session, symbol, {"RUS": "Y", "NOR": "N"}, day=dt.date(2014, 3, 25),
              kind="amendment", outcome="rejected", title=title)
    _vote(session, "A/HRC/RES/25/1", {"RUS": "A", "NOR": "Y"}, day=dt.date(2014, 3, 27),
          title="Promoting reconciliation in Sri Lanka")
    session.commit()
    page = client.get("/states/RUS?subject=defenders&kind=amendment").get_data(as_text=True)
    record = page[page.index('id="votes"'):page.index("Human Rights Council membership")]
    for symbol in ("A/HRC/25/L.46", "A/HRC/25/L.47", "A/HRC/31/L.41"):
        assert symbol in record
    assert "A/HRC/RES/25/1<" not in record and "A/HRC/RES/31/32<" not in record
    assert "3 votes shown." in record
    # the amendment links to its resolution's page, at the amendment
    assert 'href="/resolutions/A/HRC/RES/31/32#vote-A-HRC-31-L41"' in record


def test_agreement_rate_over_votes_both_cast(client, session):
    """Six votes: alike on three (Y/Y, A/A, N/N), apart on one (Y/N); Kenya did not vote
    on one and was not listed in another, so those two are left out: 3 of 4, 75 %."""
    pairs = [("Y", "Y"), ("Y", "N"), ("A", "A"), ("X", "Y"), ("N", "N"), (None, "Y")]
    for i, (ken, nor) in enumerate(pairs, start=1):
        casts = {"NOR": nor, **({"KEN": ken} if ken else {})}
        _vote(session, f"A/HRC/RES/30/{i}", casts, day=dt.date(2015, 10, i))
    session.commit()
    data = client.get("/states/NOR.json?with=KEN").get_json()
    assert data["agreement"] == {"with": "KEN", "same": 3, "both_cast": 4, "rate": 0.75}
    page = client.get("/states/NOR?with=KEN").get_data(as_text=True)
    assert "75 %" in page
    assert "Norway and Kenya voted alike on 3 of the 4 votes both cast here." in page


# One language per test: the session fixture's app context keeps the first request's locale.
def test_voting_record_in_spanish(client, defenders_2016):
    page = client.get("/states/ZAF?lang=es").get_data(as_text=True)
    assert "Historial de votaciones" in page and "se abstuvo" in page


def test_the_vote_in_spanish_counts_one_abstention_in_the_singular(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32?lang=es").get_data(as_text=True)
    assert ("Aprobada en votación registrada el 2016-03-24: 2 a favor, 2 en contra, "
            "1 abstención.") in page


def test_sponsors_beside_votes_in_french(client, defenders_2016):
    page = client.get("/resolutions/A/HRC/RES/31/32?lang=fr").get_data(as_text=True)
    assert "auteur, puis s&#39;est abstenu sur la résolution" in page


def test_scraped_vote_titles_are_escaped(client, session, defenders_2016):
    _vote(session, "A/HRC/RES/30/9", {"ZAF": "Y"}, day=dt.date(2015, 10, 2),
          title="<script>alert(1)</script>")
    session.commit()
    page = client.get("/states/ZAF").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_resolutions_list_filters_by_how_adopted(client, session, defenders_2016):
    session.add(Resolution(body="GA", symbol="A/RES/68/181", title="Women defenders",
                           adoption_method="without a vote"))
    session.commit()
    page = client.get("/resolutions/").get_data(as_text=True)
    assert "adopted without a vote</a> <span class=\"count\">1</span>" in page
    data = client.get("/resolutions.json?vote=recorded").get_json()
    assert [r["symbol"] for r in data["rows"]] == ["A/HRC/RES/31/32"]
    assert data["facets"]["vote"] == {"recorded": 1, "without-a-vote": 1}


def test_search_index_has_how_each_resolution_was_adopted(app, session, defenders_2016):
    from tracker.search import rebuild_index, search

    session.add(Resolution(body="GA", symbol="A/RES/68/181", title="Women defenders",
                           adoption_method="without a vote"))
    session.commit()
    root = app.config["SEARCH_INDEX_DIR"]
    rebuild_index(root, session)
    result = search(root, "defenders", filters={"vote": ["without-a-vote"]},
                    doc_type="resolution")
    assert [h.fields["symbol"] for h in result.hits] == ["A/RES/68/181"]
    assert dict(search(root, "", doc_type="resolution").facets["vote"]) == {
        "recorded": 1, "without-a-vote": 1}


def _brief(client, subject):
    response = client.post("/briefs/", data={"title": "Votes", "subject": subject})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return response.location


def test_state_brief_lists_its_votes_on_defenders_in_page_pdf_and_word(app, session,
                                                                       defenders_2016):
    import io

    from docx import Document
    from pypdf import PdfReader

    from tests.conftest import sign_in

    _vote(session, "A/HRC/RES/30/1", {"RUS": "Y"}, day=dt.date(2015, 10, 1),
          title="Effects of terrorism")  # not about defenders or women: not listed
    session.commit()
    client = sign_in(app, "editor", "editor")
    url = _brief(client, "state|RUS")
    page = client.get(url).get_data(as_text=True)
    votes = page[page.index('id="votes"'):]
    votes = votes[:votes.index("</section>")]
    assert "A/HRC/31/L.41" in votes and "A/HRC/RES/31/32" in votes
    assert "A/HRC/RES/30/1" not in votes
    row = re.search(r"A/HRC/31/L.41</a>.*?</tr>", votes, re.S)[0]
    assert "rejected" in row and "<strong>in favour</strong>" in row
    pdf = client.get(url + ".pdf").data
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Recorded votes" in text and "A/HRC/31/L.41" in text
    doc = Document(io.BytesIO(client.get(url + ".docx").data))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Vote on")
    cells = {r.cells[0].text.split(" (")[0]: r.cells[4].text for r in table.rows[1:]}
    assert cells == {"A/HRC/31/L.41": "in favour", "A/HRC/RES/31/32": "against"}


def test_resolution_brief_puts_sponsors_beside_their_votes(app, defenders_2016):
    from tests.conftest import sign_in

    client = sign_in(app, "editor", "editor")
    page = client.get(_brief(client, "resolution|A/HRC/RES/31/32")).get_data(as_text=True)
    assert ("<strong>South Africa</strong>: sponsored, then abstained on the resolution; "
            "voted for the hostile amendment") in page
    assert "A/HRC/31/L.41" in page


def test_mandate_brief_names_the_states_against_the_text(app, defenders_2016):
    from tests.conftest import sign_in

    client = sign_in(app, "editor", "editor")
    page = client.get(_brief(client, "mandate|human-rights-defenders")).get_data(as_text=True)
    row = re.search(r"A/HRC/31/L.41</a>.*?</tr>", page, re.S)[0]
    # for the hostile amendment: China, the Russian Federation, South Africa
    assert "China, Russian Federation, South Africa" in row
    row = re.search(r"A/HRC/RES/31/32</a>.*?</tr>", page, re.S)[0]
    assert "China, Russian Federation" in row and "2–2–1" in row
