"""One door for every route: each role calls each route in each format it answers."""

import datetime as dt

import pytest
from sqlmodel import Session, select

from tracker import cases
from tracker.auth import ADMIN, EDITOR, OPEN, PUBLIC, VIEWER, level_of
from tracker.casekey import current_keys
from tracker.db import get_engine
from tracker.importers import import_files
from tracker.ingest import Tally
from tracker.models import (
    CaseSubmission,
    Communication,
    Document,
    Resolution,
    SavedSearch,
    User,
)

from .conftest import data_files, sign_in

ROLES = ("anonymous", "viewer", "editor", "admin")
RANK = {"anonymous": 0, "viewer": 1, "editor": 2, "admin": 3}
NEEDED = {VIEWER: 1, EDITOR: 2, ADMIN: 3}
BRIEF_TITLE = "Confidential: meeting on the defender in Tegucigalpa"
CASE_PSEUDONYM = "Confidential case Mariposa"


@pytest.fixture
def data_app(app):
    """Samples imported and one brief written, so allowed calls answer with real content."""
    with app.app_context():
        engine = get_engine()
        import_files(data_files(), lambda: Session(engine, expire_on_commit=False), Tally())
    return app


def _arguments(app, brief_id):
    with app.app_context(), Session(get_engine()) as s:
        # a communication with its letter (the samples give each one a link)
        comm, doc = s.exec(select(Document.communication_id, Document.id)).first() or (
            s.exec(select(Communication.id)).first() or 1, 1)
        symbol = s.exec(select(Resolution.symbol)).first() or "A/RES/68/181"
        # a case with a name, so that every case route answers with real content
        case = cases.save_case(s, current_keys(), cases.clean(s, {
            "pseudonym": CASE_PSEUDONYM, "iso3": "HND", "name": "A real name"}), "author")
        submission = CaseSubmission(case_id=case.id, submitted_on=dt.date(2013, 4, 2))
        s.add(submission)
        # an alert of the brief's author: others get 404 for it, as for any unknown id
        owner = s.exec(select(User.id).where(User.username == "author")).one()
        alert = SavedSearch(user_id=owner, name="defenders", query="q=defenders",
                            feed_token="authorization-test-feed")  # noqa: S106
        s.add(alert)
        s.commit()
        case_id, submission_id, alert_id = case.id, submission.id, alert.id
    return {"brief_id": brief_id, "version": 1, "comm_id": comm, "symbol": symbol,
            "iso3": "HND", "filename": "style.css", "doc_id": doc, "case_id": case_id,
            "submission_id": submission_id, "alert_id": alert_id,
            "token": "authorization-test-feed"}


def _url(rule, args):
    url = rule.rule
    for name in rule.arguments - {"fmt"}:
        url = url.replace(f"<int:{name}>", str(args[name])).replace(
            f"<path:{name}>", str(args[name])).replace(f"<{name}>", str(args[name]))
    return url


def _denied(response) -> bool:
    if response.status_code in (401, 403):
        return True
    return response.status_code == 302 and "/login" in response.location


def _clients(app):
    clients = {"anonymous": app.test_client()}
    for role in ROLES[1:]:
        clients[role] = sign_in(app, f"a-{role}", role)
    return clients


def _expected(level, role, public_read, endpoint="", app=None):
    if endpoint == "cases.identity":  # names and contacts: the setting decides, never below
        needed = max(NEEDED[EDITOR], RANK.get(app.config["CASE_IDENTITY_ROLE"], 3))
        return RANK[role] >= needed
    if level == OPEN:
        return True
    if level == PUBLIC:
        return public_read or role != "anonymous"
    return RANK[role] >= NEEDED[level]


def test_every_view_declares_its_access_level(app):
    undeclared = [endpoint for endpoint, view in app.view_functions.items()
                  if endpoint != "static" and not hasattr(view, "access_level")]
    assert undeclared == []
    with app.app_context():
        open_ = {e for e in app.view_functions if e != "static" and level_of(e) == OPEN}
    # an alert's feed and unsubscribe link carry their own secret: no sign-in
    assert open_ == {"account.login", "account.code", "account.enrol", "account.logout",
                     "health.healthz", "alerts.feed", "alerts.unsubscribe"}


@pytest.mark.parametrize("public_read", [True, False])
def test_every_route_as_every_role_in_every_format(data_app, public_read, capsys):
    """Each route the app answers (HTML, JSON, CSV, Atom, PDF, Word, every method) is called
    by an anonymous visitor, a viewer, an editor and an admin; each gets in exactly when its
    role allows, and a refusal carries none of the page's content."""
    app = data_app
    app.config["PUBLIC_READ"] = public_read
    editor = sign_in(app, "author", "editor")
    created = editor.post("/briefs/", data={"title": BRIEF_TITLE,
                                            "subject": "mandate|human-rights-defenders"})
    brief_id = int(created.location.rsplit("/", 1)[1])
    args = _arguments(app, brief_id)
    clients = _clients(app)
    checked = 0
    ctx = app.app_context()
    ctx.push()
    levels = {e: level_of(e) for e in app.view_functions}
    ctx.pop()
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        level = levels[rule.endpoint]
        if rule.endpoint == "static" or level == OPEN:
            continue
        url = _url(rule, args)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for role in ROLES:
                response = clients[role].open(url, method=method, data={})
                body = response.get_data().decode("utf-8", "replace")
                if _expected(level, role, public_read, rule.endpoint, app):
                    assert not _denied(response), (role, method, url, response.status_code)
                    if method == "GET":
                        assert response.status_code == 200, (role, url, response.status_code)
                else:
                    assert _denied(response), (role, method, url, response.status_code)
                    assert BRIEF_TITLE not in body, (role, url)
                    assert CASE_PSEUDONYM not in body, (role, url)
                    if role != "anonymous":
                        assert response.status_code == 403, (role, url)
                checked += 1
    assert checked >= 4 * 40
    with capsys.disabled():
        print(f"\n{checked} route x role x format calls checked, PUBLIC_READ={public_read}")


def test_anonymous_machine_formats_get_401_and_pages_a_sign_in(data_app):
    client = data_app.test_client()
    page = client.get("/briefs/")
    assert page.status_code == 302 and page.location.startswith("/login?next=/briefs/")
    for url in ("/briefs/1.pdf", "/briefs/1.docx", "/briefs/1/versions/1.json",
                "/admin/audit.csv", "/admin/audit.json"):
        assert client.get(url).status_code == 401, url
    data_app.config["PUBLIC_READ"] = False
    assert client.get("/search.json").status_code == 401
    assert client.get("/search.atom").status_code == 401
    assert client.get("/").status_code == 302
