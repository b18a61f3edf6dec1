"""tracker.codes on a real database: the rules' codes, a person's decisions, what is in force.

Through the coder's public API and a small rules file (tests/fixtures/coding), never its
insides, so the same tests hold for any coder that keeps the contract.
"""

from datetime import date

import pytest
from sqlmodel import select

from scrapers.records import CommunicationRecord
from tracker import codes, review
from tracker.coding import load_rules
from tracker.ingest import Tally, store_communications
from tracker.models import CodeAssignment, Communication, Document

from .conftest import FIXTURES

RULES = FIXTURES / "coding" / "rules_small.toml"
ARREST = ("Information received concerning the arrest of Ms. Ana Pérez, a woman human rights "
          "defender, by the police, and threats against her over land.")
KILLING = "Information received concerning the killing of a journalist by a mining company."


def _rec(number, summary, code="HND"):
    return CommunicationRecord(type="UA", addressee_code=code, number=number, year=2013,
                               date=date(2013, 5, number), addressee_name=code,
                               mandates=["human rights defenders"], summary=summary,
                               location="test")


def store(session, *summaries) -> list[int]:
    """Store communications with these summaries; their ids in the same order."""
    store_communications(session, [_rec(i, s) for i, s in enumerate(summaries, start=1)],
                         Tally())
    session.commit()
    return [session.exec(select(Communication.id).where(Communication.number == i)).one()
            for i in range(1, len(summaries) + 1)]


def rules_v2(tmp_path, *changes):
    """The small rules file as version 2, with some text replaced."""
    text = RULES.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "rules_v2.toml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


@pytest.fixture
def rules():
    return load_rules(RULES)


def _get(session, comm_id) -> Communication:
    session.expire_all()
    return session.get(Communication, comm_id)


def test_apply_rules_fills_the_columns_search_and_dashboards_read(session, rules):
    arrest, killing, empty = store(session, ARREST, KILLING, None)
    tally = codes.apply_rules(session, rules=rules)
    assert (tally.read, tally.coded, tally.uncoded, tally.disputed) == (3, 2, 1, 0)
    assert tally.changed_communications == {arrest, killing}
    c = _get(session, arrest)
    assert (c.women, c.whrd) == (True, True)
    assert c.attack_types == "arbitrary_detention,threats"
    assert (c.perpetrators, c.perpetrator_type) == ("police", "state")
    assert c.risk_factors == "land_environment"
    assert c.women_coded_by == c.attack_types_coded_by == "rules v1"
    assert c.coding_status == "rules" and c.coding_confidence == 0.7  # threats, the weakest
    c = _get(session, killing)
    assert (c.women, c.whrd) == (False, False)  # read, and no sign of women: "no", unsure
    assert (c.perpetrators, c.perpetrator_type) == ("company", "non_state")
    assert c.risk_factors == "" and c.coding_confidence == 0.6
    c = _get(session, empty)
    assert c.coding_status is None and c.women is None and c.attack_types is None


def test_apply_rules_keeps_the_rule_and_words_behind_each_code(session, rules):
    (arrest,) = store(session, ARREST)
    codes.apply_rules(session, rules=rules)
    why = review.explain(session, arrest)
    women = next(c for c in why.codes["women"] if c.value == "yes")
    assert women.rule.rule == "women.words" and women.rule.confidence == 0.95
    assert [(f, set(words)) for f, words in women.matched] == [("summary", {"Ms.", "woman"})]
    assert why.words()["summary"] >= {"Ms.", "arrest", "police", "threats", "land"}
    assert review.rule_notes(rules)["women.words"] == "A woman or girl is named or described."


def test_apply_rules_twice_changes_nothing(session, rules):
    store(session, ARREST, KILLING)
    codes.apply_rules(session, rules=rules)
    before = {r.id: (r.coded_at, r.matched) for r in session.exec(select(CodeAssignment))}
    again = codes.apply_rules(session, rules=rules)
    assert again.changed == 0 and again.changed_communications == set()
    session.expire_all()
    assert {r.id: (r.coded_at, r.matched)
            for r in session.exec(select(CodeAssignment))} == before


def test_apply_rules_reads_letter_text_but_not_a_file_of_another_letter(session, rules):
    (comm,) = store(session, "Information received concerning a defender.")
    session.add(Document(communication_id=comm, kind="letter", url="https://x.test/1",
                         text_status="text", text="Ms. Rosa was detained.", reference_ok=True))
    session.add(Document(communication_id=comm, kind="reply", url="https://x.test/2",
                         text_status="text", text="The company denies the murder.",
                         reference_ok=False))
    session.commit()
    codes.apply_rules(session, rules=rules)
    c = _get(session, comm)
    assert c.women is True and c.attack_types == "arbitrary_detention"
    assert c.perpetrators == ""  # the reply that names another reference was not read
    why = review.explain(session, comm)
    assert why.words() == {"letter": {"Ms.", "detained"}}


def test_stale_ids_are_those_this_version_has_not_coded(session, rules, tmp_path):
    ids = store(session, ARREST, KILLING)
    assert codes.stale_ids(session, rules) == ids
    codes.apply_rules(session, ids=ids[:1], rules=rules)
    assert codes.stale_ids(session, rules) == ids[1:]
    assert codes.stale_ids(session, rules_v2(tmp_path)) == ids


def test_a_persons_decision_wins_and_survives_reruns_and_a_new_rules_file(session, rules,
                                                                           tmp_path):
    (arrest,) = store(session, ARREST)
    codes.apply_rules(session, rules=rules)
    assert codes.decide(session, arrest, "attack", {"killing"}, "amina")
    session.commit()
    c = _get(session, arrest)
    assert c.attack_types == "killing" and c.attack_types_coded_by == "amina"
    assert c.women_coded_by == "rules v1"  # the other schemes are still the rules'
    assert c.coding_status == "rules" and c.coding_confidence == 0.8  # threats no longer count
    decided_at = c.attack_types_coded_at
    human = {(r.value, r.present, r.coded_by) for r in session.exec(
        select(CodeAssignment).where(CodeAssignment.origin == "human"))}
    assert human == {("*", True, "amina"), ("killing", True, "amina"),
                     ("arbitrary_detention", False, "amina"), ("threats", False, "amina")}
    codes.apply_rules(session, rules=rules)
    codes.apply_rules(session, rules=rules_v2(tmp_path, ('"police"]', '"police", "arrest*"]')))
    c = _get(session, arrest)
    assert c.attack_types == "killing" and c.attack_types_coded_by == "amina"
    assert codes._aware(c.attack_types_coded_at) == codes._aware(decided_at)
    assert c.women_coded_by == "rules v2" and c.coding_status == "rules"
    assert {(r.value, r.present, r.coded_by) for r in session.exec(
        select(CodeAssignment).where(CodeAssignment.origin == "human"))} == human


def test_a_correction_is_not_disputed_until_the_rules_change_their_mind(session, rules,
                                                                       tmp_path):
    (arrest,) = store(session, ARREST)
    codes.apply_rules(session, rules=rules)
    codes.decide(session, arrest, "risk", set(), "amina")  # "land" here is not land rights
    session.commit()
    assert _get(session, arrest).coding_status == "rules"
    # A new version still finds land: the person already said no to it; nothing to dispute.
    codes.apply_rules(session, rules=rules_v2(tmp_path))
    assert _get(session, arrest).coding_status == "rules"
    # The rules now find indigenous peoples too: they disagree with the person afresh.
    changed = rules_v2(tmp_path, ('value = "land_environment"', 'value = "indigenous"'))
    tally = codes.apply_rules(session, rules=changed)
    assert tally.disputed == 1 and tally.changed_communications == {arrest}
    c = _get(session, arrest)
    assert c.coding_status == "disputed" and c.risk_factors == ""  # the person's still
    assert review.queue_ids(session, "disputed", 0.8) == [arrest]
    why = review.explain(session, arrest)
    assert why.forces["risk"].disputed and why.forces["risk"].rules_now == {"indigenous"}
    # The person looks again and confirms: no longer disputed.
    codes.decide(session, arrest, "risk", set(), "amina", rules=changed)
    assert _get(session, arrest).coding_status == "rules"


def test_rules_that_come_round_to_the_persons_view_end_the_dispute(session, rules, tmp_path):
    (killing,) = store(session, KILLING)
    codes.apply_rules(session, rules=rules)
    codes.decide(session, killing, "attack", {"killing", "threats"}, "amina")
    codes.apply_rules(session, rules=rules_v2(tmp_path, ('"killed", ', '"killed", "journalist", ')))
    assert _get(session, killing).coding_status == "rules"  # the rules still say killing only
    agreeing = rules_v2(tmp_path, ('words = ["threat*"]', 'words = ["threat*", "journalist"]'))
    codes.apply_rules(session, rules=agreeing)
    assert _get(session, killing).coding_status == "rules"


def test_confirm_makes_every_scheme_a_persons_and_the_item_reviewed(session, rules):
    (arrest,) = store(session, ARREST)
    codes.apply_rules(session, rules=rules)
    assert set(codes.confirm(session, arrest, "amina")) == set(codes.SCHEMES)
    session.commit()
    c = _get(session, arrest)
    assert c.coding_status == "reviewed" and c.coding_confidence is None
    assert c.women is True and c.attack_types == "arbitrary_detention,threats"
    assert {c.women_coded_by, c.whrd_coded_by, c.attack_types_coded_by,
            c.perpetrator_type_coded_by} == {"amina"}
    assert codes.confirm(session, arrest, "bruno") == []  # the same codes: who stays amina
    assert _get(session, arrest).women_coded_by == "amina"


def test_a_rule_that_requires_a_code_uses_the_persons_decision(session, tmp_path):
    path = tmp_path / "requires.toml"
    path.write_text('version = 1\n[[rule]]\nid = "whrd.defender"\nscheme = "whrd"\n'
                    'value = "yes"\nconfidence = 0.9\nwords = ["defender"]\n'
                    'requires = ["women:yes"]\nnote = "A defender, once she is known to be a '
                    'woman."\n', encoding="utf-8")
    rules = load_rules(path)
    (comm,) = store(session, "Information received concerning a defender, Ana Pérez.")
    codes.apply_rules(session, rules=rules)
    assert _get(session, comm).whrd is False  # read, and no woman defender found: "no"
    codes.decide(session, comm, "women", {"yes"}, "amina", rules=rules)
    c = _get(session, comm)
    assert (c.women, c.whrd, c.whrd_coded_by) == (True, True, "rules v1")


def test_flag_makes_disputed_until_removed(session, rules):
    (killing,) = store(session, KILLING)
    codes.apply_rules(session, rules=rules)
    codes.confirm(session, killing, "amina")
    codes.flag(session, killing, "  The victim is a woman journalist.  ", "bruno")
    session.commit()
    assert _get(session, killing).coding_status == "disputed"
    assert review.explain(session, killing).item.flag.note == "The victim is a woman journalist."
    codes.apply_rules(session, rules=rules)
    assert _get(session, killing).coding_status == "disputed"  # a run does not clear a flag
    assert codes.unflag(session, killing) and not codes.unflag(session, killing)
    assert _get(session, killing).coding_status == "reviewed"


@pytest.mark.parametrize(("scheme", "values", "message"), [
    ("colour", {"red"}, "unknown scheme 'colour'"),
    ("attack", {"killing", "theft"}, "theft: not a value of attack"),
    ("women", {"yes", "no"}, "women takes one answer: yes or no"),
    ("women", set(), "women takes one answer"),
])
def test_decide_refuses_what_is_not_a_code_and_writes_nothing(session, rules, scheme, values,
                                                             message):
    (arrest,) = store(session, ARREST)
    codes.apply_rules(session, rules=rules)
    with pytest.raises(codes.CodingError, match=message):
        codes.decide(session, arrest, scheme, values, "amina")
    assert session.exec(select(CodeAssignment).where(CodeAssignment.origin == "human")).all() \
        == []


def test_flag_needs_a_note(session, rules):
    (arrest,) = store(session, ARREST)
    with pytest.raises(codes.CodingError, match="say in the note"):
        codes.flag(session, arrest, "   ", "amina")


def test_queue_counts_and_order(session, rules):
    arrest, killing, empty = store(session, ARREST, KILLING, None)
    codes.apply_rules(session, rules=rules)
    assert review.queue_counts(session, 0.8) == {"uncoded": 1, "low": 2, "disputed": 0,
                                                "all": 3}
    assert review.queue_ids(session, "low", 0.8) == [killing, arrest]  # the least sure first
    assert review.queue_counts(session, 0.65)["low"] == 1
    codes.confirm(session, killing, "amina")
    assert review.queue_counts(session, 0.8) == {"uncoded": 1, "low": 1, "disputed": 0,
                                                "all": 3}
    assert [c.id for c in review.queue_page(session, "all", 0.8, page=1, size=2)] == [empty,
                                                                                    killing]
