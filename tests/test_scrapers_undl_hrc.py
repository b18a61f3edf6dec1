from datetime import date

import pytest

from scrapers import BadInput, LayoutChanged
from scrapers.hrc import parse_action_taken, parse_report_text, parse_session_table
from scrapers.undl import parse_ga_votes_csv, parse_marcxml

from .conftest import FIXTURES


def _fixture(*parts):
    return (FIXTURES.joinpath(*parts)).read_bytes()


def test_marcxml_draft_sponsors_notes_links():
    drafts, resolutions, votes, errors = parse_marcxml(
        _fixture("undl", "draft_68_181_reconstructed.xml"), "draft.xml")
    assert (len(drafts), resolutions, votes) == (1, [], [])
    draft = drafts[0]
    assert draft.symbol == "A/C.3/68/L.64/Rev.1" and draft.revision == 1
    assert draft.title.endswith("protecting women human rights defenders")
    assert draft.date == date(2013, 11, 21)
    assert draft.resolution_symbol == "A/RES/68/181"
    roles = [(e.role, e.action) for e in draft.events]
    assert roles.count(("cover", "join")) == 56
    assert roles.count(("additional", "join")) == 15
    assert roles.count((None, "withdraw")) == 36
    # the record without a symbol is reported, not dropped silently
    assert len(errors) == 1 and "record 2, id 900002" in str(errors[0])


def test_marcxml_vote_missing_d_and_historic_names():
    _, _, votes, errors = parse_marcxml(_fixture("undl", "vote_recorded_reconstructed.xml"))
    assert errors == []
    vote = votes[0]
    assert (vote.symbol, vote.date, vote.method) == ("A/RES/72/999", date(2017, 12, 19),
                                                     "recorded")
    assert (vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total) == (3, 1, 1, 1, 6)
    casts = {c.iso3: (c.name, c.value) for c in vote.casts}
    assert casts["SWZ"] == ("SWAZILAND", "Y")
    assert casts["TUR"] == ("TURKEY", "Y")
    assert casts["BOL"][1] == "X"  # no $d: non-voting
    assert vote.meeting == "A/72/PV.73"


def test_marcxml_not_marc_and_not_xml():
    with pytest.raises(LayoutChanged, match="no MARC21 records"):
        parse_marcxml(b"<html><body>Please enable JavaScript</body></html>", "u")
    with pytest.raises(BadInput, match="not valid XML"):
        parse_marcxml(b"<collection", "u")
    with pytest.raises(LayoutChanged, match="empty response"):
        parse_marcxml(b"", "u")


@pytest.mark.parametrize("name, non_voting_name", [
    ("ga_votes_2024_reconstructed.csv", "SOUTH AFRICA"),
    ("ga_votes_2025_reconstructed.csv", "NETHERLANDS (KINGDOM OF THE)"),
])
def test_ga_votes_csv_both_header_versions(name, non_voting_name):
    votes, errors = parse_ga_votes_csv(_fixture("undl", name).decode("utf-8"), name)
    assert errors == [] and len(votes) == 1
    casts = {c.name: c.value for c in votes[0].casts}
    assert casts[non_voting_name] == "X"
    assert casts["HONDURAS"] == "Y"
    assert votes[0].yes is not None


def test_ga_votes_csv_unknown_header_named():
    text = _fixture("undl", "ga_votes_unknown_header_reconstructed.csv").decode()
    with pytest.raises(BadInput, match="unknown header .*resolution_symbol, country, vote"):
        parse_ga_votes_csv(text, "votes.csv")


@pytest.mark.parametrize("text, expected", [
    ("Adopted by a recorded vote (42 to 1, with 4 abstentions), 39th meeting, "
     "25 September 2014",
     {"method": "recorded vote", "yes": 42, "no": 1, "abstain": 4, "meeting": "39th meeting",
      "date": date(2014, 9, 25), "orally_revised": False}),
    ("Adopted without a vote, 27th meeting, 16 July 2020",
     {"method": "without a vote", "yes": None, "meeting": "27th meeting",
      "date": date(2020, 7, 16)}),
    ("Adopted, as orally revised, by a recorded vote (25 to 14, with 7 abstentions), "
     "39th meeting, 26 September 2014", {"orally_revised": True, "yes": 25, "abstain": 7}),
])
def test_parse_action_taken(text, expected):
    got = parse_action_taken(text)
    assert {k: got[k] for k in expected} == expected


def test_parse_session_table_reconstructed():
    resolutions, errors = parse_session_table(
        _fixture("hrc", "session27_adopted_texts_reconstructed.html").decode(), 27, "s27.html")
    assert [r.symbol for r in resolutions] == ["A/HRC/RES/27/7", "A/HRC/RES/27/24",
                                               "A/HRC/RES/27/32"]
    r24 = resolutions[1]
    assert (r24.yes, r24.no, r24.abstain, r24.adoption_date) == (42, 1, 4, date(2014, 9, 26))
    assert r24.draft_symbols == ["A/HRC/27/L.29/Rev.1"]
    assert resolutions[2].orally_revised
    assert len(errors) == 1 and "27/99" in str(errors[0])


def test_parse_session_table_without_table():
    with pytest.raises(LayoutChanged, match="Adopted text"):
        parse_session_table("<html><table><tr><td>x</td></tr></table></html>", 27, "u")


def test_parse_report_text_sponsors_and_vote():
    text = _fixture("hrc", "report_7_2_excerpt_reconstructed.txt").decode()
    drafts, votes, errors = parse_report_text(text, "A/HRC/7/78")
    assert errors == []
    l9, l25 = drafts
    assert l9.symbol == "A/HRC/7/L.9" and l9.date == date(2008, 3, 27)
    by_role = {}
    for e in l9.events:
        by_role.setdefault(e.role, []).append(e.name)
    assert by_role == {"main": ["Cuba"],
                       "co": ["Bolivia", "Nicaragua", "Venezuela (Bolivarian Republic of)"],
                       "additional": ["Algeria", "Belarus", "Côte d’Ivoire", "Zimbabwe"]}
    assert [(e.name, e.on_behalf_of) for e in l25.events if e.role == "main"] == [
        ("Norway", "Nordic countries")]
    (vote,) = votes
    assert (vote.yes, vote.no, vote.abstain) == (3, 2, 2)
    assert {c.name: c.value for c in vote.casts}["Japan"] == "A"


def test_parse_report_text_without_drafts():
    with pytest.raises(LayoutChanged, match="introduced draft resolution"):
        parse_report_text("Chapter I. Nothing here.", "A/HRC/7/78")
