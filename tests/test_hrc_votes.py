"""The import of the HRC's recorded votes (OHCHR's voting library, as a CSV export)."""

import shutil
from pathlib import Path

import pytest
from sqlmodel import func, select

from tracker.hrc_votes import corrected_symbol, import_export, session_of
from tracker.models import DataIssue, Draft, Resolution, Vote, VoteCast

FIXTURE = Path(__file__).parent / "fixtures" / "ohchr_votes" / "export_reconstructed"
REAL = (Path(__file__).resolve().parents[2] / "shared" / "samples" / "membership"
        / "hrc_membership" / "tsujamin_unhrc-nominate")


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_import_export_stores_votes_states_and_amendments(session):
    report = import_export(session, FIXTURE)
    assert (report.votes, report.casts) == (8, 375)
    assert (_count(session, Vote), _count(session, VoteCast)) == (8, 375)
    amendment = session.exec(select(Vote).where(Vote.symbol == "A/HRC/31/L.41")).one()
    assert (amendment.kind, amendment.outcome, amendment.origin) == (
        "amendment", "rejected", "ohchr-voting")
    assert amendment.agenda_item == 3
    assert (amendment.yes, amendment.no, amendment.abstain, amendment.non_voting) == (14, 22, 10, 1)
    draft = session.exec(select(Draft).where(Draft.symbol == "A/HRC/31/L.41")).one()
    assert (draft.kind, draft.status, draft.amends) == ("amendment", "rejected",
                                                        "A/HRC/RES/31/32")
    resolution = session.exec(select(Resolution).where(
        Resolution.symbol == "A/HRC/RES/31/32")).one()
    assert (resolution.adoption_method, resolution.session) == ("recorded vote", "31")


def test_import_export_maps_values_and_keeps_listed_non_voters(session):
    import_export(session, FIXTURE)
    casts = dict(session.exec(select(VoteCast.iso3, VoteCast.value).join(Vote).where(
        Vote.symbol == "A/HRC/RES/16/31")).all())
    assert casts["LBY"] == "X"  # listed while suspended, as NO_VOTE
    assert set(casts.values()) <= {"Y", "N", "A", "X"}


def test_import_export_twice_changes_nothing(session):
    import_export(session, FIXTURE)
    again = import_export(session, FIXTURE)
    assert (again.saved, again.updated, again.unchanged) == (0, 0, 8)
    assert (again.casts_saved, again.casts_updated) == (0, 0)
    assert _count(session, VoteCast) == 375


def test_import_export_stores_misprinted_symbols_corrected_and_says_so(session):
    import_export(session, FIXTURE)
    vote = session.exec(select(Vote).where(Vote.symbol == "A/HRC/DEC/22/117")).one()
    assert vote.symbol_as_printed == "A/HRC/DEC22/117"
    issue = session.exec(select(DataIssue).where(DataIssue.kind == "vote-symbol")).one()
    assert issue.subject == "A/HRC/DEC/22/117"


def test_import_export_keeps_an_unknown_state_and_counts_it(session, tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(FIXTURE, folder)
    countries = folder / "sqlite_export_countries.csv"
    countries.write_text(countries.read_text(encoding="utf-8") + "XXA,Atlantis,GLOBAL_NORTH\n",
                         encoding="utf-8")
    votes = folder / "sqlite_export_votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8") + "A/HRC/31/L.41,XXA,YES\n",
                     encoding="utf-8")
    report = import_export(session, folder)
    assert report.unmatched == {"XXA": "A/HRC/31/L.41"}
    row = session.exec(select(VoteCast).where(VoteCast.raw_name == "XXA")).one()
    assert (row.iso3, row.value) == (None, "Y")
    assert session.exec(select(DataIssue).where(DataIssue.kind == "unresolved-vote-name")).one()


def test_import_votes_command_refuses_a_malformed_file_and_writes_nothing(app, runner,
                                                                          session, tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(FIXTURE, folder)
    votes = folder / "sqlite_export_votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines()
    lines[100] = lines[100].rsplit(",", 1)[0] + ",MAYBE"
    votes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(args=["import-votes", str(folder)])
    assert result.exit_code == 1
    assert "sqlite_export_votes.csv, line 101" in result.output
    assert "unknown vote 'MAYBE'" in result.output
    assert "Traceback" not in result.output
    assert _count(session, Vote) == 0


def test_import_votes_command_prints_counts(app, runner):
    result = runner.invoke(args=["import-votes", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "8 votes (8 new" in result.output
    assert "375 State votes" in result.output


def test_corrected_symbol_reads_the_councils_forms():
    assert corrected_symbol("A/HRC/DEC22/117") == "A/HRC/DEC/22/117"
    assert corrected_symbol("A/HRC/50/L.37 as orally revised") == "A/HRC/50/L.37"
    assert corrected_symbol("A/HRC/RES/56/L.35") == "A/HRC/56/L.35"
    assert corrected_symbol("A/HRC/RES/S-1/1") == "A/HRC/RES/S-1/1"
    assert session_of("A/HRC/RES/S-1/1") == "S-1"
    assert session_of("A/HRC/31/L.41") == "31"


@pytest.mark.skipif(not REAL.is_dir(), reason="shared/samples is not here")
def test_import_export_loads_the_whole_real_export(session):
    report = import_export(session, REAL)
    assert (report.votes, report.casts) == (974, 45387)
    assert (_count(session, Vote), _count(session, VoteCast)) == (974, 45387)
    assert report.unmatched == {}
    assert session.exec(select(func.count()).select_from(VoteCast).where(
        VoteCast.iso3.is_(None))).one() == 0
    linked = session.exec(select(Draft.amends).where(Draft.symbol == "A/HRC/31/L.43")).one()
    assert linked == "A/HRC/RES/31/32"
