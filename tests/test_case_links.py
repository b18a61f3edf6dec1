"""Submissions to the UN and the communications they led to: suggested, never linked
until a person confirms; every change a case version."""

import datetime as dt
import json

import pytest
from flask import render_template
from sqlmodel import Session, select

from tracker import case_links, cases
from tracker.db import get_engine
from tracker.models import AuditEvent, Case, CaseSubmission

from .case_data import HRD, add_case, add_letters
from .conftest import sign_in

SUBMITTED = dt.date(2013, 1, 15)


@pytest.fixture
def linked(app):
    return app, add_letters(app), add_case(app)


def _submit(app, case_id, reference="", mandates=(HRD,), day=SUBMITTED):
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        sub = case_links.add_submission(s, s.get(Case, case_id), day, list(mandates),
                                        reference, "ana")
        s.commit()
        return sub.id


def _suggest(app, sub_id):
    with app.app_context(), Session(get_engine()) as s:
        return [(x.communication.reference, x.exact, x.render(lambda t: t))
                for x in case_links.suggest(s, s.get(CaseSubmission, sub_id))]


def test_case_links_reference_typed_loosely_is_matched_exactly_and_first(linked):
    app, ids, case_id = linked
    sub_id = _submit(app, case_id, reference="  ua hnd 5 / 2013 ")
    found = _suggest(app, sub_id)
    assert found[0][:2] == ("UA HND 5/2013", True)
    assert "Same reference as the submission: UA HND 5/2013" in found[0][2]
    assert [ref for ref, *_ in found].count("UA HND 5/2013") == 1
    with app.app_context(), Session(get_engine()) as s:
        sub = s.get(CaseSubmission, sub_id)
        assert sub.reference == "UA HND 5/2013"  # stored as the UN writes it
        assert sub.link_status == "none" and sub.communication_id is None  # not confirmed


def test_case_links_a_number_alone_is_read_as_a_letter_to_the_cases_state(linked):
    app, _ids, case_id = linked
    found = _suggest(app, _submit(app, case_id, reference="7/2013"))
    assert found[0][:2] == ("AL HND 7/2013", True)


def test_case_links_by_state_and_date_ranks_shared_mandates_then_days(linked):
    app, _ids, case_id = linked
    found = _suggest(app, _submit(app, case_id))
    # only HND letters 0 to 365 days after 2013-01-15: not 2012, not 2014, not Guatemala
    assert [ref for ref, *_ in found] == ["UA HND 5/2013", "AL HND 7/2013"]
    assert found[0][2] == ("Sent to the case's State 54 days after the submission, by 1 of "
                           "the 1 mandates it went to")
    assert "17 days" in found[1][2] and "by 0 of the 1" in found[1][2]


def test_case_links_confirm_makes_a_version_and_rejected_ones_are_not_suggested(linked):
    app, ids, case_id = linked
    sub_id = _submit(app, case_id)
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        sub = s.get(CaseSubmission, sub_id)
        case_links.reject(s, sub, ids["UA HND 5/2013"], "ben")
        s.commit()
    assert [ref for ref, *_ in _suggest(app, sub_id)] == ["AL HND 7/2013"]
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        sub = s.get(CaseSubmission, sub_id)
        case_links.link(s, sub, ids["AL HND 7/2013"], "ben")
        s.commit()
        history = cases.versions(s, case_id)
        assert [(v.version, v.changes, v.changed_by) for v in history[:3]] == [
            (4, "submissions", "ben"), (3, "submissions", "ben"), (2, "submissions", "ana")]
        latest = json.loads(history[0].snapshot)["submissions"][0]
        assert latest["link_status"] == "confirmed"
        assert latest["communication_id"] == ids["AL HND 7/2013"]
        case_links.unlink(s, s.get(CaseSubmission, sub_id), "ben")
        s.commit()
        assert s.get(CaseSubmission, sub_id).communication_id is None
        assert s.get(Case, case_id).version == 5


def test_case_links_submission_needs_a_known_mandate_and_a_past_day(linked):
    app, _ids, case_id = linked
    with app.app_context(), Session(get_engine()) as s:
        case = s.get(Case, case_id)
        with pytest.raises(case_links.LinkError, match="mandate"):
            case_links.add_submission(s, case, SUBMITTED, ["no-such-mandate"], "", "ana")
        with pytest.raises(case_links.LinkError, match="future"):
            case_links.add_submission(s, case, dt.date.today() + dt.timedelta(days=2),
                                      [HRD], "", "ana")


def test_case_links_views_add_confirm_reject_with_audit_rows(linked):
    app, ids, case_id = linked
    client = sign_in(app, "ed", "editor")
    client.post(f"/cases/{case_id}/submissions",
                data={"submitted_on": "2013-01-15", "mandates": [HRD], "reference": ""})
    with app.app_context(), Session(get_engine()) as s:
        sub_id = s.exec(select(CaseSubmission.id)).one()
    client.post(f"/cases/submissions/{sub_id}/reject",
                data={"communication_id": ids["AL HND 7/2013"]})
    client.post(f"/cases/submissions/{sub_id}/confirm",
                data={"communication_id": ids["UA HND 5/2013"]})
    with app.app_context(), Session(get_engine()) as s:
        actions = [a for a in s.exec(select(AuditEvent.action).order_by(AuditEvent.id))
                   if a.startswith("case-")]
        sub = s.get(CaseSubmission, sub_id)
        assert (sub.link_status, sub.communication_id, sub.linked_by) == (
            "confirmed", ids["UA HND 5/2013"], "ed")
    assert actions == ["case-submission-added", "case-link-rejected", "case-link-confirmed"]


def test_case_links_bad_submission_form_is_explained_not_saved(linked):
    app, _ids, case_id = linked
    client = sign_in(app, "ed", "editor")
    response = client.post(f"/cases/{case_id}/submissions",
                           data={"submitted_on": "yesterday", "mandates": [HRD]},
                           follow_redirects=True)
    assert "Give the day the case was submitted" in response.get_data(as_text=True)
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(CaseSubmission)).all() == []


def test_case_links_partial_shows_link_reply_and_suggestions(linked):
    app, ids, case_id = linked
    confirmed = _submit(app, case_id, reference="AL HND 7/2013")
    _submit(app, case_id, day=dt.date(2013, 1, 20))
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        case_links.link(s, s.get(CaseSubmission, confirmed), ids["AL HND 7/2013"], "ben")
        s.commit()
        case = s.get(Case, case_id)
    with app.test_request_context("/cases/1"):
        html = render_template("cases/_submissions.html", case=case)
    assert f'href="/communications/{ids["AL HND 7/2013"]}"' in html
    assert "The State replied" in html and "2013-02-23" in html and "substantive" in html
    assert "22 days after the letter" in html
    assert "Could be one of these communications" in html
    assert "Confirm: it is this one" in html and "Not this one" in html
    assert "Sent to the case&#39;s State 49 days after the submission" in html
