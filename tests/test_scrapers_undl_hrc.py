"""Digital Library MARCXML and HRC session reports, tested on real records.

Real: tests/fixtures/undl/session_78_committee_3_drafts_SUBSET*.xml (6 GA Third Committee
drafts, session 78), record_4033397_S_RES_2722_2024_voting.* (an SC vote), and
tests/fixtures/hrc/*_TEXT-EXCERPT.txt. Reconstructed fixtures cover only what no real record
does (a withdrawal, GA votes over 967/968/969, the GA votes CSV); see fixtures/README.md.
"""

import json
from datetime import date

import pytest

from scrapers import BadInput, LayoutChanged, SourceBlocked
from scrapers.hrc import (
    parse_action_taken,
    parse_report_text,
    parse_session_table,
    report_symbol,
)
from scrapers.sponsors import split_sponsor_list
from scrapers.undl import (
    EncodingRepaired,
    parse_ga_votes_csv,
    parse_marcxml,
    read_marcxml,
    related_documents,
    repair_mojibake,
)

from .conftest import FIXTURES

RAW = "session_78_committee_3_drafts_SUBSET.xml"  # as committed upstream: mojibake
REVERSED = "session_78_committee_3_drafts_SUBSET.mojibake-reversed.xml"
SC_VOTE = "record_4033397_S_RES_2722_2024_voting.DERIVED-from-xmltodict.xml"
SC_JSON = "record_4033397_S_RES_2722_2024_voting.xmltodict.json"
HRC_7 = "A_HRC_7_2_paras215-220_TEXT-EXCERPT.txt"


def _fixture(*parts):
    return (FIXTURES.joinpath(*parts)).read_bytes()


def _by_role(draft):
    out = {}
    for e in draft.events:
        out.setdefault((e.role, e.action), []).append(e)
    return out


@pytest.fixture(scope="module")
def drafts78():
    drafts, resolutions, votes, errors = parse_marcxml(_fixture("undl", REVERSED), REVERSED)
    assert (resolutions, votes, errors) == ([], [], [])
    return {d.symbol: d for d in drafts}


# --- the six real GA Third Committee drafts ---------------------------------------------


def test_marcxml_real_drafts_symbols_dates_links(drafts78):
    assert list(drafts78) == ["A/C.3/78/L.49/Rev.1", "A/C.3/78/L.67", "A/C.3/78/L.62",
                              "A/C.3/78/L.17", "A/C.3/78/L.63", "A/C.3/78/L.30/Rev.1"]
    facts = {s: (d.family, d.revision, d.date, d.resolution_symbol, d.body)
             for s, d in drafts78.items()}
    assert facts == {
        "A/C.3/78/L.49/Rev.1": ("A/C.3/78/L.49", 1, date(2023, 11, 8), "A/RES/78/213", "GA"),
        "A/C.3/78/L.67": ("A/C.3/78/L.67", 0, date(2023, 11, 9), None, "GA"),
        "A/C.3/78/L.62": ("A/C.3/78/L.62", 0, date(2023, 11, 1), "A/RES/78/193", "GA"),
        "A/C.3/78/L.17": ("A/C.3/78/L.17", 0, date(2023, 10, 10), None, "GA"),
        "A/C.3/78/L.63": ("A/C.3/78/L.63", 0, date(2023, 11, 7), None, "GA"),
        "A/C.3/78/L.30/Rev.1": ("A/C.3/78/L.30", 1, date(2023, 11, 8), "A/RES/78/216", "GA"),
    }


def test_marcxml_993_first_indicator_resolution_vs_report():
    """993 ind1=1 is the resolution, ind1=3 the committee report, in whatever order."""
    recs = {r.first("191"): related_documents(r)
            for r in read_marcxml(_fixture("undl", REVERSED), REVERSED)}
    assert recs["A/C.3/78/L.30/Rev.1"] == {"resolution": ["A/RES/78/216"], "draft": [],
                                           "report": ["A/78/481/Add.2"]}  # report listed first
    assert recs["A/C.3/78/L.49/Rev.1"]["resolution"] == ["A/RES/78/213"]
    assert recs["A/C.3/78/L.62"] == {"resolution": ["A/RES/78/193"], "draft": [],
                                     "report": ["A/78/479"]}
    # a rejected amendment has a report and no resolution: the report is not taken for one
    assert recs["A/C.3/78/L.67"] == {"resolution": [], "draft": [], "report": ["A/78/481/Add.2"]}
    assert recs["A/C.3/78/L.17"] == {"resolution": [], "draft": [], "report": []}


def test_marcxml_real_titles(drafts78):
    assert drafts78["A/C.3/78/L.30/Rev.1"].title == (
        "Implementing the Declaration on the Right and Responsibility of Individuals, Groups "
        "and Organs of Society to Promote and Protect Universally Recognized Human Rights and "
        "Fundamental Freedoms through providing a safe and enabling environment for human "
        "rights defenders and ensuring their protection")
    assert drafts78["A/C.3/78/L.49/Rev.1"].title == (
        "Promotion and protection of human rights in the context of digital technologies")
    assert drafts78["A/C.3/78/L.63"].title == (
        "Protection of and assistance to internally displaced persons : amendment to revised "
        "draft resolution A/C.3/78/L.31/Rev.1")


def test_marcxml_hrd_resolution_cover_and_515_sponsors(drafts78):
    """A/C.3/78/L.30/Rev.1 (human rights defenders, A/RES/78/216): 36 on the cover, 37 more
    in 515, each with its source document."""
    draft = drafts78["A/C.3/78/L.30/Rev.1"]
    roles = _by_role(draft)
    # the Library's own 710 entries come as "catalogue" joins, to compare with the cover
    assert set(roles) == {("cover", "join"), ("additional", "join"), ("catalogue", "join")}
    cover = roles[("cover", "join")]
    assert [e.name for e in cover] == [
        "Albania", "Antigua and Barbuda", "Argentina", "Armenia",
        "Bolivia (Plurinational State of)", "Bulgaria", "Canada", "Chile", "Colombia",
        "Costa Rica", "Côte d'Ivoire", "Croatia", "Dominican Republic", "Ecuador", "Estonia",
        "Germany", "Honduras", "Iceland", "Ireland", "Liechtenstein", "Marshall Islands",
        "Mongolia", "Morocco", "New Zealand", "North Macedonia", "Norway", "Palau", "Poland",
        "Republic of Moldova", "Romania", "Spain", "Sweden", "Tunisia", "Ukraine",
        "United Kingdom of Great Britain and Northern Ireland", "Uruguay"]
    assert {(e.source_document, e.date, e.family) for e in cover} == {
        ("A/C.3/78/L.30/Rev.1", date(2023, 11, 8), "A/C.3/78/L.30")}
    additional = roles[("additional", "join")]
    assert [e.name for e in additional] == [
        "Cabo Verde", "Cyprus", "Czechia", "Denmark", "El Salvador", "Finland", "France",
        "Georgia", "Greece", "Guatemala", "Hungary", "Italy", "Japan", "Latvia", "Lebanon",
        "Lithuania", "Luxembourg", "Malta", "Mexico", "Micronesia (Federated States of)",
        "Monaco", "Montenegro", "Myanmar", "Netherlands (Kingdom of the)", "Panama",
        "Paraguay", "Peru", "Portugal", "Republic of Korea", "San Marino", "Serbia",
        "Slovakia", "Slovenia", "Switzerland", "Timor-Leste", "United States", "Vanuatu"]
    assert {e.source_document for e in additional} == {"A/78/481/Add.2"}
    assert draft.notes.startswith("Additional sponsors: Cabo Verde, Cyprus")


@pytest.mark.parametrize("symbol, cover, additional, report", [
    ("A/C.3/78/L.49/Rev.1", 24, 49, "A/78/481/Add.2"),
    ("A/C.3/78/L.67", 47, 3, "A/78/481/Add.2"),
    ("A/C.3/78/L.62", 29, 36, "A/78/479"),
    ("A/C.3/78/L.63", 1, 0, None),
])
def test_marcxml_real_sponsor_counts(drafts78, symbol, cover, additional, report):
    roles = _by_role(drafts78[symbol])
    assert len(roles.get(("cover", "join"), [])) == cover
    assert len(roles.get(("additional", "join"), [])) == additional
    assert {e.source_document for e in roles.get(("additional", "join"), [])} == (
        {report} if report else set())
    assert ("withdraw" not in {e.action for e in drafts78[symbol].events})


def test_marcxml_cover_split_agrees_with_710(drafts78):
    """710 holds the cover's sponsors (any indicators, with or without $9): the printed list,
    split by us, names the same States as the Library's own entries."""
    long_forms = {"United Kingdom of Great Britain and Northern Ireland": "United Kingdom"}
    for rec in read_marcxml(_fixture("undl", REVERSED), REVERSED):
        symbol = rec.first("191")
        if symbol == "A/C.3/78/L.17":
            continue  # "Cuba [on behalf of the Group of 77 and China]": see the next test
        entries = rec.all("710")
        cover = [long_forms.get(e.name, e.name) for e in drafts78[symbol].events
                 if e.role == "cover"]
        assert sorted(cover) == sorted(entries), symbol
    # indicators vary inside one record: L.67 has ind1 " " with $9 ms, then ind1 "2" without
    l67 = next(r for r in read_marcxml(_fixture("undl", REVERSED)) if r.first("191") ==
               "A/C.3/78/L.67")
    kinds = [(ind1, "9" in sf) for tag, ind1, sf in l67.fields if tag == "710"]
    assert kinds[0] == ("", True) and set(kinds[1:]) == {("2", False)} and len(kinds) == 47


def test_marcxml_cover_on_behalf_of_group_in_brackets(drafts78):
    """The cataloguer's brackets: "Cuba [on behalf of the Group of 77 and China]"."""
    draft = drafts78["A/C.3/78/L.17"]
    assert draft.cover_sponsors == "Cuba [on behalf of the Group of 77 and China]"
    printed = [(e.name, e.on_behalf_of, e.role, e.source_document) for e in draft.events
               if e.origin == "cover"]
    assert printed == [
        ("Cuba", "Group of 77 and China", "cover", "A/C.3/78/L.17"),
        ("Group of 77 and China", None, "cover", "A/C.3/78/L.17"),
    ]
    # the 710 entries, "Group of 77" among them (no $9), are kept as catalogue joins
    assert ("Group of 77", "catalogue") in {(e.name, e.role) for e in draft.events}


def test_split_sponsor_list_square_brackets_from_real_record():
    assert split_sponsor_list("Cuba [on behalf of the Group of 77 and China]") == [
        ("Cuba", "Group of 77 and China")]


def test_marcxml_515_two_notes_joined_by_dash(drafts78):
    """L.67: "Additional sponsors: Burundi, United Republic of Tanzania and Zimbabwe. - The
    amendment was rejected by the Committee (A/78/481/Add.2)." Both notes are read."""
    draft = drafts78["A/C.3/78/L.67"]
    assert draft.notes == ("Additional sponsors: Burundi, United Republic of Tanzania and "
                           "Zimbabwe. - The amendment was rejected by the Committee "
                           "(A/78/481/Add.2).")
    assert [(e.name, e.source_document) for e in draft.events if e.role == "additional"] == [
        ("Burundi", "A/78/481/Add.2"), ("United Republic of Tanzania", "A/78/481/Add.2"),
        ("Zimbabwe", "A/78/481/Add.2")]
    assert draft.title.endswith(": amendment to draft resolution A/C.3/78/L.51")


def test_marcxml_515_additional_sponsors_and_withdrawal_reconstructed():
    """No real MARCXML record at hand has a withdrawal: the real catalogue note of
    A/C.3/64/L.22 in a 515, as one field holding both notes."""
    drafts, _, _, errors = parse_marcxml(
        _fixture("undl", "draft_515_withdrawal_reconstructed.xml"), "draft.xml")
    (draft,) = drafts
    assert (draft.symbol, draft.date, draft.resolution_symbol) == (
        "A/C.3/64/L.22", date(2009, 10, 20), "A/RES/64/152")
    roles = _by_role(draft)
    assert len(roles[("cover", "join")]) == 31
    assert len(roles[("additional", "join")]) == 32
    assert [(e.name, e.source_document) for e in roles[(None, "withdraw")]] == [
        ("Cape Verde", "A/64/439/Add.1"), ("Congo", "A/64/439/Add.1"),
        ("Panama", "A/64/439/Add.1")]
    assert {e.source_document for e in roles[("additional", "join")]} == {"A/64/439/Add.1"}
    # the record without a symbol is reported with its place, not dropped silently
    assert len(errors) == 1 and "draft.xml (record 2, id 900002)" in str(errors[0])
    assert "no 191 $a symbol" in str(errors[0])


# --- mojibake ------------------------------------------------------------------------


def test_marcxml_mojibake_detected_repaired_and_said():
    raw = _fixture("undl", RAW)
    assert "CÃ´te d'Ivoire".encode() in raw  # the file really holds the mojibake
    drafts, _, _, errors = parse_marcxml(raw, RAW)
    (notice,) = errors
    assert isinstance(notice, EncodingRepaired)
    message = str(notice)
    assert message.startswith(f"{RAW}: repaired mojibake in 6 record(s)")
    assert "record 6, id 4026908" in message and "record 2, id 4026780" in message
    # repaired, the raw file gives exactly what the reversed copy gives
    clean_drafts, _, _, _ = parse_marcxml(_fixture("undl", REVERSED), REVERSED)
    assert [(d.symbol, d.cover_sponsors, [(e.name, e.role) for e in d.events])
            for d in drafts] == [(d.symbol, d.cover_sponsors,
                                  [(e.name, e.role) for e in d.events]) for d in clean_drafts]
    names = [e.name for d in drafts for e in d.events]
    assert "Côte d'Ivoire" in names and not any("Ã" in n for n in names)


def test_marcxml_mojibake_in_other_scripts_and_refusal():
    rec = read_marcxml(_fixture("undl", RAW), RAW)[0]
    languages = [v for t, _, sf in rec.fields if t == "856" for v in sf.get("y", [])]
    assert sorted(languages) == sorted(["English", "Français", "Español", "Русский", "中文",
                                        "العربية"])
    assert repair_mojibake("Côte d'Ivoire") is None  # already right: left alone
    with pytest.raises(ValueError, match="does not round-trip"):
        repair_mojibake("CÃ´te d’Ivoire")  # mixed: a curly quote cannot be Latin-1


def test_marcxml_unrepairable_record_fails_with_its_place():
    data = _fixture("undl", REVERSED).replace(
        b"Argentina, Armenia, Austria", "ArgentinÃ©, Armenia’s, Austria".encode(), 1)
    drafts, _, _, errors = parse_marcxml(data, "f.xml")
    assert len(drafts) == 5
    assert [type(e) for e in errors] == [BadInput]
    assert "f.xml (record 1, id 4026910)" in str(errors[0]) and "cannot be repaired" in str(
        errors[0])


def test_cli_import_real_mojibake_file_warns_and_stores(runner, app):
    from sqlmodel import Session, select

    from tracker.db import get_engine
    from tracker.models import Draft, Sponsorship

    result = runner.invoke(args=["import", str(FIXTURES / "undl" / RAW)])
    assert result.exit_code == 0, result.output
    assert f"warning: {FIXTURES / 'undl' / RAW}: repaired mojibake in 6 record(s)" in (
        result.output)
    assert "failed: warning" not in result.output
    assert "0 failed;" in result.output.strip().splitlines()[-1]
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Draft).where(Draft.symbol == "A/C.3/78/L.30/Rev.1")).one()
        civ = s.exec(select(Sponsorship).where(Sponsorship.family == "A/C.3/78/L.30",
                                               Sponsorship.iso3 == "CIV")).one()
        assert civ.raw_name == "Côte d'Ivoire"


# --- the real Security Council vote and a GA vote --------------------------------------


def test_marcxml_real_sc_vote_zero_padded_tallies():
    _, _, votes, errors = parse_marcxml(_fixture("undl", SC_VOTE), SC_VOTE)
    assert errors == []
    (vote,) = votes
    assert (vote.symbol, vote.body, vote.date, vote.meeting, vote.method) == (
        "S/RES/2722(2024)", "SC", date(2024, 1, 10), "S/PV.9527", "recorded")
    assert (vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total) == (11, 0, 4, 0, 15)
    casts = {c.iso3: (c.name, c.value) for c in vote.casts}
    assert len(vote.casts) == 15
    assert {k for k, (_, v) in casts.items() if v == "A"} == {"DZA", "CHN", "MOZ", "RUS"}
    assert {k for k, (_, v) in casts.items() if v == "Y"} == {
        "ECU", "FRA", "GUY", "JPN", "MLT", "KOR", "SLE", "SVN", "CHE", "GBR", "USA"}
    assert casts["KOR"] == ("REPUBLIC OF KOREA", "Y")


def test_marcxml_sc_vote_matches_the_real_json():
    """The XML fixture was derived from the real xmltodict JSON: check it says the same."""
    record = json.loads(_fixture("undl", SC_JSON))["collection"]["record"]
    per_state = {}
    for df in record["datafield"]:
        subs = df["subfield"] if isinstance(df["subfield"], list) else [df["subfield"]]
        sf = {s["@code"]: s["#text"] for s in subs}
        if df["@tag"] == "967":
            per_state[sf["c"]] = sf.get("d", "X")
        if df["@tag"] == "996":
            tallies = [int(sf[k]) for k in "bcdef"]
    (vote,) = parse_marcxml(_fixture("undl", SC_VOTE))[2]
    assert {c.iso3: c.value for c in vote.casts} == per_state
    assert [vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total] == tallies


def test_marcxml_ga_vote_read_from_967_968_and_969_reconstructed():
    _, _, votes, errors = parse_marcxml(_fixture("undl", "vote_recorded_reconstructed.xml"))
    assert errors == []
    vote = votes[0]
    assert (vote.symbol, vote.body, vote.date, vote.method) == (
        "A/RES/72/999", "GA", date(2017, 12, 19), "recorded")
    assert (vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total) == (3, 1, 1, 1, 6)
    casts = {c.iso3: (c.name, c.value) for c in vote.casts}
    assert list(casts) == ["HND", "SWZ", "TUR", "NOR", "ZAF", "BOL"]  # 967, 968 and 969
    assert casts["SWZ"] == ("SWAZILAND", "Y")
    assert casts["BOL"][1] == "X"  # no $d: non-voting
    assert vote.meeting == "A/72/PV.73"


def test_marcxml_vote_tallies_disagreeing_with_per_state_votes_are_reported():
    data = _fixture("undl", "vote_recorded_reconstructed.xml")
    only_967 = b"\n".join(line for line in data.split(b"\n")
                          if b'tag="968"' not in line and b'tag="969"' not in line)
    _, _, votes, errors = parse_marcxml(only_967, "v.xml")
    assert len(votes) == 1 and len(errors) == 1
    assert "A/RES/72/999: tallies disagree (Y 3 in 996 but 2 in 967-969; N 1 in 996 but 0" in (
        str(errors[0]))


# --- what the Library sends a plain client --------------------------------------------


@pytest.mark.parametrize("body", [
    b"",
    b"<!DOCTYPE html><html><head><script src='challenge.js'></script></head></html>",
    b"<html><body>Please enable JavaScript</body></html>",
])
def test_marcxml_challenge_or_empty_says_what_to_download(body):
    url = "https://digitallibrary.un.org/record/4026908/export/xm"
    with pytest.raises(SourceBlocked) as caught:
        parse_marcxml(body, url)
    message = str(caught.value)
    assert f"Open {url} in a browser" in message and "tracker import FILE" in message


def test_marcxml_challenge_in_a_saved_file_names_the_export_url():
    with pytest.raises(SourceBlocked, match=r"saved.html: .*export/xm.*tracker import FILE"):
        parse_marcxml(b"<html><body>Verifying you are human</body></html>", "saved.html")


def test_marcxml_not_marc_and_not_xml():
    with pytest.raises(LayoutChanged, match="no MARC21 records"):
        parse_marcxml(b"<rss><channel/></rss>", "u")
    with pytest.raises(BadInput, match="not valid XML"):
        parse_marcxml(b"<collection", "u")


def test_marcxml_browser_xml_viewer_line_is_dropped():
    data = (b"This XML file does not appear to have any style information associated with it."
            b" The document tree is shown below.\n" + _fixture("undl", SC_VOTE))
    assert parse_marcxml(data)[2][0].symbol == "S/RES/2722(2024)"


# --- the GA votes CSV (no real copy exists: reconstructed) ----------------------------


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


# --- HRC: OHCHR's table and the session report ------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Adopted by a recorded vote (42 to 1, with 4 abstentions), 39th meeting, "
     "25 September 2014",
     {"method": "recorded vote", "yes": 42, "no": 1, "abstain": 4, "meeting": "39th meeting",
      "date": date(2014, 9, 25), "orally_revised": False}),
    ("Adopted, as orally revised, by a recorded vote (25 to 14, with 7 abstentions), "
     "39th meeting, 26 September 2014", {"orally_revised": True, "yes": 25, "abstain": 7}),
])
def test_parse_action_taken(text, expected):
    got = parse_action_taken(text)
    assert {k: got[k] for k in expected} == expected


def test_parse_action_taken_real_session_44_rows():
    """The real HRC 44 page text (cells run together): draft symbol, then the action."""
    import re

    text = _fixture("hrc", "session44_ResDecStat_TEXT-EXCERPT.txt").decode()
    rows = re.findall(r"(44/\d+).*?(A/HRC/44/L\.\d+(?:/Rev\.\d+)?)(Adopted[^\n]+)", text)
    got = {number: (draft, parse_action_taken(action)) for number, draft, action in rows}
    assert list(got) == ["44/1", "44/2", "44/3", "44/4", "44/5", "44/6"]
    draft, action = got["44/1"]
    assert draft == "A/HRC/44/L.8"
    assert {k: action[k] for k in ("method", "yes", "no", "abstain", "meeting", "date")} == {
        "method": "recorded vote", "yes": 24, "no": 10, "abstain": 13,
        "meeting": "27th meeting", "date": date(2020, 7, 16)}
    assert got["44/2"][0] == "A/HRC/44/L.23/Rev.1"
    assert {a["method"] for _, a in list(got.values())[1:]} == {"without a vote"}
    assert {a["date"] for _, a in got.values()} == {date(2020, 7, 16)}


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


L5_EXPECTED = {
    ("main", "join"): [("Cuba", "Non-Aligned Movement")],
    ("co", "join"): [("Bolivia", None)],
    ("additional", "join"): [("China", None)],
}
L9_EXPECTED = {
    ("main", "join"): [("Cuba", None)],
    ("co", "join"): [(n, None) for n in [
        "Bolivia", "Democratic People’s Republic of Korea", "Democratic Republic of the Congo",
        "Mauritania", "Nicaragua", "Qatar", "Syrian Arab Republic", "Uganda"]],
    ("additional", "join"): [(n, None) for n in [
        "Algeria", "Belarus", "Burkina Faso", "China", "Djibouti", "Ethiopia", "Indonesia",
        "Kenya", "Malaysia", "Mozambique", "Pakistan", "Sudan", "Togo", "Uruguay",
        "Venezuela (Bolivarian Republic of)", "Viet Nam", "Zimbabwe"]],
}


def _sponsors(draft):
    return {k: [(e.name, e.on_behalf_of) for e in v] for k, v in _by_role(draft).items()}


def test_parse_report_real_a_hrc_7_sponsors():
    text = _fixture("hrc", HRC_7).decode()
    drafts, _, _ = parse_report_text(text, f"tests/fixtures/hrc/{HRC_7}")
    l5, l9 = drafts
    assert (l5.symbol, l5.date, l5.resolution_symbol, l5.body) == (
        "A/HRC/7/L.5", date(2008, 3, 27), "A/HRC/RES/7/3", "HRC")
    assert l5.title == "Enhancement of international cooperation in the field of human rights"
    assert _sponsors(l5) == L5_EXPECTED
    assert (l9.symbol, l9.date, l9.resolution_symbol) == ("A/HRC/7/L.9", date(2008, 3, 27),
                                                          None)  # the excerpt stops before
    assert l9.title == (
        "Mandate of the independent expert on the effects of foreign debt and other related "
        "international financial obligations of States on the full enjoyment of all human "
        "rights, particularly economic, social and cultural rights")
    assert _sponsors(l9) == L9_EXPECTED
    # the source document is the report, named from the file as the Library names files
    assert {e.source_document for d in drafts for e in d.events} == {"A/HRC/7/2"}


def test_parse_report_real_a_hrc_7_votes():
    text = _fixture("hrc", HRC_7).decode()
    _, votes, errors = parse_report_text(text, "A/HRC/7/2")
    l5, l9 = votes
    assert (l5.symbol, l5.method, l5.yes, l5.meeting, l5.date) == (
        "A/HRC/7/L.5", "without a vote", None, "39th meeting", date(2008, 3, 27))
    assert (l9.symbol, l9.method, l9.yes, l9.no, l9.abstain, l9.meeting, l9.date) == (
        "A/HRC/7/L.9", "recorded", 34, 13, 0, "39th meeting", date(2008, 3, 27))
    # the excerpt is cut after four names in favour: tallies kept, the partial list is not
    assert l9.casts == []
    (error,) = errors
    assert str(error).startswith("A/HRC/7/2 (A/HRC/7/L.9): the report says 34 in favour, "
                                 "13 against and 0 abstaining, but its lists name 4, 0 and 0")


def test_parse_report_line_break_inside_a_word():
    """PDF text can break a word over two lines; the real excerpt, broken as PDFs do."""
    text = _fixture("hrc", HRC_7).decode()
    broken = (text.replace("Subsequently, Algeria", "Sub\nsequently, Algeria")
              .replace("co-sponsored by Bolivia, the", "co-\nsponsored by Bolivia, the")
              .replace("introduced draft resolution A/HRC/7/L.9",
                       "intro\nduced draft resolution A/HRC/7/L.9"))
    assert broken.count("\n") == text.count("\n") + 3
    drafts, votes, _ = parse_report_text(broken, "A/HRC/7/2")
    assert [_sponsors(d) for d in drafts] == [L5_EXPECTED, L9_EXPECTED]
    assert [v.yes for v in votes] == [None, 34]


def test_parse_report_complete_vote_lists_and_same_meeting():
    """Illustrative text in the report's wording (no real complete list is at hand)."""
    text = (
        "215. At the 39th meeting, on 27 March 2008, the representative of Cuba introduced "
        "draft resolution A/HRC/7/L.9, sponsored by Cuba.\n"
        "216. At the request of the representative of Slovenia, a recorded vote was taken "
        "on the draft resolution. The draft resolution was adopted, by 3 votes to 2, with 1 "
        "abstention. The voting was as follows:\n"
        "In favour:\nAngola, Bolivia (Plurinational State of), Bosnia and Herzegovina;\n\n"
        "Against:\nCanada, Netherlands;\n\nAbstaining:\nIndia.\n\n"
        "217. At the same meeting, the representative of Norway introduced draft resolution "
        "A/HRC/7/L.25, sponsored by Norway (on behalf of the Nordic countries). The draft "
        "resolution was adopted without a vote.\n")
    drafts, votes, errors = parse_report_text(text, "r.txt")
    assert errors == []
    recorded, without = votes
    assert {c.name: c.value for c in recorded.casts} == {
        "Angola": "Y", "Bolivia (Plurinational State of)": "Y", "Bosnia and Herzegovina": "Y",
        "Canada": "N", "Netherlands": "N", "India": "A"}
    assert (recorded.yes, recorded.no, recorded.abstain) == (3, 2, 1)
    assert (without.symbol, without.method, without.meeting, without.date) == (
        "A/HRC/7/L.25", "without a vote", "39th meeting", date(2008, 3, 27))
    assert drafts[1].date == date(2008, 3, 27)
    assert _sponsors(drafts[1]) == {("main", "join"): [("Norway", "Nordic countries")]}


def test_report_symbol_real_front_matter_and_no_drafts():
    text = _fixture("hrc", "A_HRC_36_2_front_matter_TEXT-EXCERPT.txt").decode()
    assert report_symbol(text) == "A/HRC/36/2"
    assert report_symbol("no header", "downloads/A_HRC_7_78-EN.pdf") == "A/HRC/7/78"
    with pytest.raises(LayoutChanged, match="introduced draft resolution"):
        parse_report_text(text, "A/HRC/36/2")
