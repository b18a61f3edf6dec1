"""OHCHR's voting library: the MARCXML parser, the export's parser, and the scrape."""

import csv
import gzip
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from scrapers import BadInput
from scrapers.ohchr_votes import (
    EXPORT_FILES,
    export_rows,
    parse_export,
    parse_marcxml,
    search_url,
    split_heading,
)
from tracker.db import get_engine
from tracker.models import ScrapeRun, Vote, VoteCast

FIXTURES = Path(__file__).parent / "fixtures" / "ohchr_votes"
PAGE = FIXTURES / "voting_page_reconstructed.xml"
REAL = (Path(__file__).resolve().parents[2] / "shared" / "samples" / "membership"
        / "hrc_membership" / "tsujamin_unhrc-nominate")


def _csv(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _as_export(votes) -> tuple[list[dict], set[tuple]]:
    resolutions, casts = export_rows(votes)
    return (sorted(resolutions, key=lambda r: r["name"]),
            {tuple(c.values()) for c in casts})


def test_parse_marcxml_reproduces_the_fixture_export_exactly():
    votes, errors = parse_marcxml(PAGE.read_bytes(), str(PAGE))
    assert errors == []
    resolutions, casts = _as_export(votes)
    folder = FIXTURES / "export_reconstructed"
    expected = sorted(_csv(folder / "sqlite_export_resolutions.csv"), key=lambda r: r["name"])
    assert resolutions == expected
    assert casts == {tuple(r.values()) for r in _csv(folder / "sqlite_export_votes.csv")}


@pytest.mark.skipif(not REAL.is_dir(), reason="shared/samples is not here")
def test_parse_marcxml_reproduces_the_real_export_for_the_fixture_votes():
    votes, _ = parse_marcxml(PAGE.read_bytes(), str(PAGE))
    resolutions, casts = _as_export(votes)
    symbols = {r["name"] for r in resolutions}
    real = sorted((r for r in _csv(REAL / EXPORT_FILES[1]) if r["name"] in symbols),
                  key=lambda r: r["name"])
    assert resolutions == real
    assert casts == {tuple(r.values()) for r in _csv(REAL / EXPORT_FILES[2])
                     if r["resolution_name"] in symbols}


def test_parse_marcxml_reads_fields_and_listed_non_voters():
    votes, _ = parse_marcxml(PAGE.read_bytes(), str(PAGE))
    by_symbol = {v.symbol: v for v in votes}
    l41 = by_symbol["A/HRC/31/L.41"]
    assert (l41.kind, l41.outcome, l41.agenda_item, l41.origin) == (
        "amendment", "rejected", 3, "ohchr-voting")
    assert l41.title == "Protecting human rights defenders addressing economic, social and " \
                       "cultural rights"
    assert {c.iso3: c.value for c in l41.casts}["MNG"] == "X"  # "." in 967 $d
    assert by_symbol["A/HRC/RES/31/32"].outcome == "adopted"


def _record(fields: str) -> bytes:
    return (f'<record xmlns="http://www.loc.gov/MARC21/slim">'
            f'<datafield tag="791" ind1=" " ind2=" "><subfield code="a">A/HRC/1/L.1</subfield>'
            f'</datafield><datafield tag="269" ind1=" " ind2=" "><subfield code="a">2006-06-30'
            f'</subfield></datafield>{fields}</record>').encode()


def _state(code: str, vote: str | None) -> str:
    d = f'<subfield code="d">{vote}</subfield>' if vote is not None else ""
    return (f'<datafield tag="967" ind1=" " ind2=" "><subfield code="b">{code}</subfield>'
            f'{d}</datafield>')


def test_parse_marcxml_reads_a_missing_vote_as_not_voting():
    votes, errors = parse_marcxml(_record(_state("CUB", "Y") + _state("LBY", None)))
    assert errors == []
    assert [(c.iso3, c.value) for c in votes[0].casts] == [("CUB", "Y"), ("LBY", "X")]


def test_parse_marcxml_fails_a_bad_record_alone_naming_it():
    votes, errors = parse_marcxml(_record(_state("Cuba", "Y")), "page.xml")
    assert votes == []
    assert "page.xml (record 1)" in str(errors[0])
    assert "not an ISO3 code: 'CUBA'" in str(errors[0])
    _, errors = parse_marcxml(_record(_state("CUB", "Q")), "page.xml")
    assert "unknown vote 'Q'" in str(errors[0])


def test_split_heading_finds_the_kind_after_the_title():
    assert split_heading("Protection of the family: The contribution :amendment /Human Rights "
                         "Council at its 29th session") == (
        "Protection of the family: The contribution", "amendment")
    assert split_heading("Belarus in its aftermathamendment /Human Rights Council") == (
        "Belarus in its aftermath", "amendment")
    assert split_heading("No kind here") == ("No kind here", None)


def test_parse_export_names_the_file_and_line_of_a_bad_row():
    countries = "country_short,country_long,category\nCUB,Cuba,GLOBAL_SOUTH\n"
    resolutions = ("name,vote_date,passed,type,summary,agenda\n"
                   "A/HRC/1/L.1,2006/06/30,1,amendment,T :amendment /HRC,\n")
    with pytest.raises(BadInput, match=r"votes.csv, line 3: unknown vote 'YEA'"):
        parse_export(countries, resolutions, "resolution_name,country_short,vote\n"
                     "A/HRC/1/L.1,CUB,YES\nA/HRC/1/L.1,CUB,YEA\n",
                     names=("countries.csv", "resolutions.csv", "votes.csv"))
    with pytest.raises(BadInput, match=r"resolutions.csv, line 2: .*not a YYYY/MM/DD date"):
        parse_export(countries, resolutions.replace("2006/06/30", "30 June"),
                     "resolution_name,country_short,vote\n",
                     names=("countries.csv", "resolutions.csv", "votes.csv"))


def test_scrape_hrc_votes_offline_stores_the_page_and_stops_when_nothing_is_new(
        app, runner, tmp_path):
    from scrapers.http import save_response

    saved = tmp_path / "saved"
    save_response(saved, search_url(start=1, size=100), 200, PAGE.read_bytes(),
                  "application/xml")
    result = runner.invoke(args=["scrape", "hrc-votes", "--offline", str(saved)])
    assert result.exit_code == 0, result.output
    assert "8 read (8 new)" in result.output
    result = runner.invoke(args=["scrape", "hrc-votes", "--offline", str(saved)])
    assert "8 read (0 new)" in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(func.count()).select_from(Vote)).one() == 8
        assert s.exec(select(func.count()).select_from(VoteCast)).one() == 375
        assert {r.status for r in s.exec(select(ScrapeRun))} == {"finished"}
        assert s.exec(select(Vote).where(Vote.symbol == "A/HRC/DEC/22/117")).one().source_id
