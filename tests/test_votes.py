"""Recorded votes read back: a resolution with its amendments, a State's record, agreement."""

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from tracker.hrc_votes import import_export, link_amendments
from tracker.models import Draft
from tracker.votes import (
    agreement_rate,
    state_voting_record,
    votes_by_region,
    votes_for_resolution,
)

FIXTURE = Path(__file__).parent / "fixtures" / "ohchr_votes" / "export_reconstructed"


@pytest.fixture
def votes(session):
    import_export(session, FIXTURE)
    return session


def _export_votes() -> dict[str, dict[str, str]]:
    """The fixture's votes read straight from its CSV: symbol -> ISO3 -> value."""
    out: dict[str, dict[str, str]] = {}
    with open(FIXTURE / "sqlite_export_votes.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["resolution_name"], {})[row["country_short"]] = row["vote"]
    return out


def test_votes_for_resolution_gives_its_vote_and_its_amendments_votes(votes):
    found = votes_for_resolution(votes, "A/HRC/RES/31/32")
    assert found.resolution.symbol == "A/HRC/RES/31/32"
    assert [d.vote.symbol for d in found.votes] == ["A/HRC/RES/31/32"]
    assert [a.draft.symbol for a in found.amendments] == ["A/HRC/31/L.41", "A/HRC/31/L.42"]
    first = found.amendments[0]
    assert first.draft.status == "rejected"
    assert first.votes[0].counts == {"Y": 14, "N": 22, "A": 10, "X": 1}
    assert first.votes[0].by_state["MNG"] == "X"


def test_votes_for_resolution_answers_the_same_from_an_amendment(votes):
    found = votes_for_resolution(votes, "A/HRC/31/L.42")
    assert found.resolution.symbol == "A/HRC/RES/31/32"
    assert found.target == "A/HRC/RES/31/32"
    assert len(found.amendments) == 2


def test_an_amendment_finds_the_catalogued_draft_it_amends(votes):
    # The 2014 amendments amend the Special Rapporteur's mandate, adopted without a vote:
    # only the catalogue's draft can hold them.
    assert votes.exec(select(Draft.amends).where(Draft.symbol == "A/HRC/25/L.46")).one() \
        is None
    votes.add(Draft(symbol="A/HRC/25/L.24", family="A/HRC/25/L.24", body="HRC",
                    title="Mandate of the Special Rapporteur on the Situation of Human "
                          "Rights Defenders"))
    votes.flush()
    link_amendments(votes)
    draft = votes.exec(select(Draft).where(Draft.symbol == "A/HRC/25/L.46")).one()
    assert draft.amends == "A/HRC/25/L.24"
    assert draft.amends_basis.startswith("same title as the draft")
    found = votes_for_resolution(votes, "A/HRC/25/L.24")
    assert found.target == "A/HRC/25/L.24"
    assert [a.draft.symbol for a in found.amendments] == ["A/HRC/25/L.46"]
    assert found.amendments[0].votes[0].vote.outcome == "rejected"


def test_state_voting_record_filters_by_subject_kind_and_item(votes):
    expected = _export_votes()
    record = state_voting_record(votes, "CHN", subject="defenders")
    assert [r.vote.symbol for r in record] == ["A/HRC/RES/31/32", "A/HRC/31/L.41",
                                               "A/HRC/31/L.42", "A/HRC/25/L.46"]
    value = {"YES": "Y", "NO": "N", "ABSTAIN": "A", "NO_VOTE": "X"}
    assert all(r.value == value[expected[r.vote.symbol]["CHN"]] for r in record)
    assert record[1].amends == "A/HRC/RES/31/32"
    amendments = state_voting_record(votes, "CHN", kind="amendment", subject="defenders",
                                     since=dt.date(2016, 1, 1))
    assert [r.vote.symbol for r in amendments] == ["A/HRC/31/L.41", "A/HRC/31/L.42"]
    assert {r.vote.agenda_item for r in state_voting_record(votes, "CHN", agenda_item=3)} == {3}
    assert state_voting_record(votes, "CHN", subject="no such words") == []


def test_agreement_rate_counts_the_votes_both_cast(votes):
    expected = _export_votes()
    cast = {"YES", "NO", "ABSTAIN"}
    both = [s for s, v in expected.items() if v.get("USA") in cast and v.get("CHN") in cast]
    same = [s for s in both if expected[s]["USA"] == expected[s]["CHN"]]
    found = agreement_rate(votes, "USA", "CHN")
    assert (found.together, found.same) == (len(both), len(same))
    assert found.together > 0
    assert found.rate == len(same) / len(both)
    assert agreement_rate(votes, "USA", "USA").rate == 1.0
    assert agreement_rate(votes, "USA", "ATA").rate is None


def test_votes_by_region_counts_each_group(votes):
    detail = votes_for_resolution(votes, "A/HRC/31/L.41").amendments[0].votes[0]
    regions = votes_by_region(votes, detail)
    assert sum(len(r.states) for r in regions) == 47
    assert sum(r.counts["N"] for r in regions) == 22
