"""Follow-up of the letters cases led to, and what internal and public briefs say of cases."""

import datetime as dt
import io
import json

import pytest
from sqlmodel import Session, select

from tracker import briefs, case_links, followup
from tracker.brief_cases import suppressed
from tracker.db import get_engine
from tracker.models import Brief, BriefVersion, Case, InternalBrief

from .case_data import HRD, add_case, add_letters
from .conftest import sign_in

TODAY = dt.date(2013, 6, 1)


def _link(app, case_id, comm_id, day=dt.date(2013, 1, 15)):
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        sub = case_links.add_submission(s, s.get(Case, case_id), day, [HRD], "", "ana")
        case_links.link(s, sub, comm_id, "ana")
        s.commit()


@pytest.fixture
def followed(app):
    """Luna waits on UA HND 5/2013 (no reply); Sol's AL HND 7/2013 was answered."""
    ids = add_letters(app)
    luna, sol = add_case(app, "Luna"), add_case(app, "Sol")
    _link(app, luna, ids["UA HND 5/2013"])
    _link(app, sol, ids["AL HND 7/2013"])
    return app, ids, luna, sol


def test_followup_reply_status_days_and_overdue_on_a_fixed_day(followed):
    app, _ids, luna, sol = followed
    with app.app_context(), Session(get_engine()) as s:
        rows = {f.pseudonym: f for f in followup.follow_ups(s, TODAY, deadline=60)}
        late = followup.overdue(s, TODAY, deadline=60)
        early = followup.overdue(s, dt.date(2013, 4, 1), deadline=60)
    assert (rows["Luna"].replied, rows["Luna"].days, rows["Luna"].overdue) == (False, 83, True)
    assert (rows["Sol"].replied, rows["Sol"].reply_date, rows["Sol"].reply_kind,
            rows["Sol"].days, rows["Sol"].overdue) == (
        True, dt.date(2013, 2, 23), "substantive", 22, False)
    assert [f.case_id for f in late] == [luna]
    assert early == []  # 22 days after the letter: not yet late


def test_followup_overdue_lists_the_longest_waiting_first(followed):
    app, ids, luna, _sol = followed
    other = add_case(app, "Mar")
    _link(app, other, ids["AL HND 2/2012"], day=dt.date(2012, 11, 1))
    with app.app_context(), Session(get_engine()) as s:
        assert [f.pseudonym for f in followup.overdue(s, TODAY)] == ["Mar", "Luna"]


def test_followup_page_puts_overdue_first_and_filters(followed):
    app, _ids, _luna, _sol = followed
    client = sign_in(app, "ed", "editor")
    html = client.get("/cases/follow-up").get_data(as_text=True)
    assert html.index("Luna") < html.index("Sol")
    assert 'class="overdue"' in html and "UA HND 5/2013" in html
    only = client.get("/cases/follow-up?overdue=1").get_data(as_text=True)
    assert "Luna" in only and "Sol" not in only
    assert "Luna" not in client.get("/cases/follow-up?state=GTM").get_data(as_text=True)
    assert sign_in(app, "vi", "viewer").get("/cases/follow-up").status_code == 403


def test_followup_page_counts_cases_and_links_each_to_its_page(followed):
    """Two cases may wait on one letter: the count says cases, each opens its page."""
    app, ids, luna, sol = followed
    _link(app, add_case(app, "Mar"), ids["UA HND 5/2013"])
    client = sign_in(app, "ed", "editor")
    html = client.get("/cases/follow-up").get_data(as_text=True)
    assert "3 cases linked to a communication" in html
    assert f'href="/cases/{luna}">Luna</a>' in html and f'href="/cases/{sol}">Sol</a>' in html
    french = client.get("/cases/follow-up?lang=fr").get_data(as_text=True)
    assert "3 dossiers liés à une communication" in french
    assert "Chaque dossier lié" in french and "Chaque cas" not in french


def test_internal_brief_never_calls_a_hidden_large_total_fewer_than_the_threshold(app):
    """Six cases, one of them alone in its status: the total is hidden, and not as "fewer
    than 5", which would be false."""
    from tracker.brief_cases import CaseFigures
    from tracker.brief_export import case_rows

    figures = CaseFigures(below=5, total=None, overdue=6,
                          by_status=[("documented", None), ("submitted", 5)])
    with app.test_request_context():
        rows = dict(case_rows(figures))
    assert rows["Cases"] == "not shown: a part is fewer than 5"


def test_followup_new_internal_brief_has_talking_points_without_pseudonyms(followed):
    app, _ids, _luna, _sol = followed
    client = sign_in(app, "ed", "editor")
    response = client.post("/cases/follow-up/brief", data={"state": "HND"})
    brief_id = int(response.location.rsplit("/", 1)[1])
    with app.app_context(), Session(get_engine()) as s:
        brief = s.get(Brief, brief_id)
        assert s.get(InternalBrief, brief_id) is not None
        assert (brief.subject_kind, brief.subject) == ("state", "HND")
        points = brief.talking_points
        # one version, made internal from the start: no public version of it ever existed
        history = briefs.versions(s, brief_id)
        assert [v.version for v in history] == [1]
        assert json.loads(history[0].snapshot)["brief"]["talking_points"] == points
    assert "UA HND 5/2013" in points and "days" in points
    assert "AL HND 7/2013" not in points  # answered
    assert "Luna" not in points and "Sol" not in points


def test_suppression_hides_small_figures_and_the_total_that_would_give_them_back():
    parts, hidden = suppressed({"documented": 12, "submitted": 3, "closed": 0}, 5)
    assert parts == {"documented": 12, "submitted": None, "closed": 0} and hidden
    assert suppressed({"documented": 12, "submitted": 5}, 5) == (
        {"documented": 12, "submitted": 5}, False)


def _outputs(client, brief_id):
    from docx import Document
    from pypdf import PdfReader

    html = client.get(f"/briefs/{brief_id}").get_data(as_text=True)
    pdf = client.get(f"/briefs/{brief_id}.pdf").data
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    doc = Document(io.BytesIO(client.get(f"/briefs/{brief_id}.docx").data))
    docx_text = "\n".join([p.text for p in doc.paragraphs]
                          + [c.text for t in doc.tables for r in t.rows for c in r.cells]
                          + [p.text for sec in doc.sections for p in sec.header.paragraphs])
    return html, pdf_text, docx_text


def _snapshots(app, brief_id):
    with app.app_context(), Session(get_engine()) as s:
        return " ".join(s.exec(select(BriefVersion.snapshot)
                               .where(BriefVersion.brief_id == brief_id)).all())


def test_followup_public_brief_holds_no_case_data_internal_one_aggregates_only(followed):
    app, _ids, _luna, _sol = followed
    client = sign_in(app, "ed", "editor")
    created = client.post("/briefs/", data={"title": "Meeting with Honduras",
                                            "subject": "state|HND"})
    brief_id = int(created.location.rsplit("/", 1)[1])
    case_words = ("Our cases", "Internal: not for distribution", "fewer than", "Luna", "Sol",
                  "La Ceiba", "Berta", "Awaiting a reply past the deadline")
    for text in (*_outputs(client, brief_id), _snapshots(app, brief_id),
                 client.get(f"/briefs/{brief_id}/versions/1.json").get_data(as_text=True)):
        assert [w for w in case_words if w in text] == []

    client.post(f"/briefs/{brief_id}/audience", data={"audience": "internal"})
    html, pdf_text, docx_text = _outputs(client, brief_id)
    for text in (html, pdf_text, docx_text):
        assert "Internal: not for distribution" in text
        assert "fewer than 5" in text  # two cases: every figure is small
        assert "Luna" not in text and "Sol" not in text and "Berta" not in text
    assert "Our cases" in html and "Our cases" in docx_text
    assert "Internal: not for distribution" in docx_text.split("\n")[-1]  # page header
    assert "Luna" not in _snapshots(app, brief_id)
    # back to public: the figures go with it
    client.post(f"/briefs/{brief_id}/audience", data={"audience": "public"})
    assert "Our cases" not in client.get(f"/briefs/{brief_id}").get_data(as_text=True)


def test_followup_internal_brief_shows_figures_from_the_threshold(followed):
    app, _ids, _luna, _sol = followed
    for n in range(5):
        add_case(app, f"Case {n}", status="documented")
    client = sign_in(app, "ed", "editor")
    created = client.post("/briefs/", data={"title": "Honduras", "subject": "state|HND"})
    brief_id = int(created.location.rsplit("/", 1)[1])
    client.post(f"/briefs/{brief_id}/audience", data={"audience": "internal"})
    html = client.get(f"/briefs/{brief_id}").get_data(as_text=True)
    section = html[html.index("Our cases"):]
    section = section[:section.index("</section>")]
    # 7 cases: 5 documented shown; 2 submitted hidden, and so the total (7) with them
    assert "<td class=\"num\">5</td>" in section and "7" not in section
    assert section.count("fewer than 5") == 3  # submitted, the total, and the one overdue
    version = json.loads(client.get(f"/briefs/{brief_id}/versions/2.json").data)
    assert "Case 0" not in json.dumps(version)
