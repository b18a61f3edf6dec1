"""Recorded votes against the Council's membership by date: every disagreement listed."""

from pathlib import Path

import pytest

from tracker.hrc_votes import import_export
from tracker.vote_membership import membership_disagreements

FIXTURE = Path(__file__).parent / "fixtures" / "ohchr_votes" / "export_reconstructed"
REAL = (Path(__file__).resolve().parents[2] / "shared" / "samples" / "membership"
        / "hrc_membership" / "tsujamin_unhrc-nominate")


def test_membership_disagreements_lists_the_sources_known_errors(session):
    import_export(session, FIXTURE)
    found = {d.symbols[0]: d for d in membership_disagreements(session)}
    assert set(found) == {"A/HRC/RES/16/31", "A/HRC/50/L.48"}
    swap = found["A/HRC/RES/16/31"]
    assert (swap.listed_not_member, swap.member_not_listed) == (["SVN", "SWZ"],
                                                                ["CHE", "SVK"])
    assert "Eswatini was never a member" in swap.known
    algeria = found["A/HRC/50/L.48"]
    assert (algeria.listed_not_member, algeria.member_not_listed) == (["DZA"], ["ARG"])
    assert "known error of the source" in algeria.describe()


def test_check_prints_every_disagreement(app, runner, session):
    import_export(session, FIXTURE)
    session.commit()
    result = runner.invoke(args=["check", "--all"])
    assert result.exit_code == 0, result.output
    assert "recorded votes that disagree with Council membership: 2" in result.output
    assert ("2022-07-07, A/HRC/50/L.48: listed without a Council term: DZA; on the Council "
            "but not listed: ARG") in result.output
    assert "vote-symbol A/HRC/DEC/22/117: printed as 'A/HRC/DEC22/117'" in result.output


@pytest.mark.skipif(not REAL.is_dir(), reason="shared/samples is not here")
def test_membership_disagreements_on_the_whole_export(session):
    import_export(session, REAL)
    found = membership_disagreements(session)
    lines = {(d.first.isoformat(), tuple(d.symbols)) for d in found}
    assert ("2016-09-27", ("A/HRC/33/L.34", "A/HRC/33/L.35")) in lines
    assert ("2011-03-25", ("A/HRC/RES/16/31",)) in lines
    assert ("2022-07-07", ("A/HRC/50/L.48",)) in lines
    known = [d for d in found if d.known]
    assert len(known) == 3
    # The United States listed as not voting after its withdrawal of 19 June 2018.
    usa = [d for d in found if d.listed_not_member == ["USA"]]
    assert usa and all(d.not_voting == ["USA"] for d in usa)
    assert sum(len(d.symbols) for d in found) == 13
