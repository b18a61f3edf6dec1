"""The case register is private by construction: every route, every role, every format.

A register holds cases with words found nowhere else (a pseudonym, a province, a phrase in
the notes, a real name and a phone number). Every route the app answers is then called by
an anonymous visitor, a viewer, an editor and an admin, in every format it serves, with
the pseudonym as the query where a route searches; PDF and Word files are read as text.
The words may appear only where the route is for editors (the case pages), and the name
only where an admin asks to see it. The public search index's files are searched too.
"""

import io
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker import cases
from tracker.auth import ADMIN, EDITOR, OPEN, level_of
from tracker.casekey import current_keys
from tracker.db import get_engine
from tracker.models import Case, CaseSubmission, Communication
from tracker.search import rebuild_index

from .conftest import sign_in
from .test_authorization import BRIEF_TITLE, ROLES, _arguments, _url, data_app  # noqa: F401, F811

PSEUDONYM = "Quetzalpseudo"
PROVINCE = "Provinciasecreta"
NOTE_WORD = "Notapalabrasecreta"
REAL_NAME = "Xiomara Realnombre"
CONTACT = "+504 9876 5432"
CASE_WORDS = (PSEUDONYM, PROVINCE, NOTE_WORD)
NAME_WORDS = ("Realnombre", "9876 5432")
# Where a name may show: to an admin (CASE_IDENTITY_ROLE's default) who asked for it.
# The export names people only after a confirmation this crawl's empty forms never give.
NAME_ENDPOINTS = {"cases.identity"}


def _register(app):
    """Six marked cases in Honduras (above the map's threshold), one linked to a letter."""
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        comm = s.exec(select(Communication).where(Communication.addressee_code == "HND")
                      .order_by(Communication.id)).first()
        made = []
        for i in range(6):
            data = cases.clean(s, {
                "pseudonym": f"{PSEUDONYM}{i or ''}", "iso3": "HND", "province": PROVINCE,
                "incident_dates": "2019-05-04", "perpetrators": ["police"],
                "attack_types": ["threats"], "risk_factors": ["land_environment"],
                "status": "communication_sent", "whrd": "on", "name": REAL_NAME,
                "contact": CONTACT, "notes": f"Met {NOTE_WORD} in a safe place."})
            made.append(cases.save_case(s, current_keys(), data, "lead"))
        s.flush()
        if comm is not None:
            s.add(CaseSubmission(case_id=made[0].id, submitted_on=comm.date or made[0]
                                 .created_at.date(), communication_id=comm.id,
                                 link_status="confirmed", linked_by="lead"))
            cases.record_change(s, made[0], ["submissions"], "lead")
        s.commit()
        rebuild_index(app.config["SEARCH_INDEX_DIR"], s)
        return made[0].id


@pytest.fixture
def register_app(data_app):  # noqa: F811 (the fixture imported above)
    return data_app, _register(data_app)


def _text(response) -> str:
    data = response.get_data()
    kind = response.headers.get("Content-Type", "")
    if kind.startswith("application/pdf") and data.startswith(b"%PDF"):
        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            return " ".join(docx.read(n).decode("utf-8", "replace") for n in docx.namelist()
                            if n.endswith(".xml"))
    return data.decode("utf-8", "replace")


def _targets(url: str, method: str) -> list[tuple[str, str | None]]:
    """The URL as it is, and for a GET queried by a case word: a page echoes its query, so
    that word is not looked for there (the others still are: a hit would show them)."""
    if method != "GET":
        return [(url, None)]
    join = "&" if "?" in url else "?"
    return [(url, None), *((f"{url}{join}q={w}", w) for w in (PSEUDONYM, PROVINCE))]


def test_no_case_word_on_any_route_below_editor_and_no_name_below_admin(register_app, capsys):
    app, case_id = register_app
    editor = sign_in(app, "author", "editor")
    created = editor.post("/briefs/", data={"title": BRIEF_TITLE,
                                            "subject": "state|HND"})
    args = {**_arguments(app, int(created.location.rsplit("/", 1)[1])), "case_id": case_id}
    clients = {"anonymous": app.test_client()}
    for role in ROLES[1:]:
        clients[role] = sign_in(app, f"p-{role}", role)
    with app.app_context():
        levels = {e: level_of(e) for e in app.view_functions}
    checked, saw_case_words = 0, 0
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        level = levels[rule.endpoint]
        if rule.endpoint == "static" or level == OPEN:
            continue
        url = _url(rule, args)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for target, echoed in _targets(url, method):
                for role in ROLES:
                    body = _text(clients[role].open(target, method=method, data={}))
                    if not (rule.endpoint in NAME_ENDPOINTS and role == "admin"):
                        for word in NAME_WORDS:
                            assert word not in body, (role, method, target)
                    if level not in (EDITOR, ADMIN) or role in ("anonymous", "viewer"):
                        for word in CASE_WORDS:
                            if word != echoed:
                                assert word not in body, (role, method, target, word)
                    elif echoed is None and PSEUDONYM in body:
                        saw_case_words += 1
                    checked += 1
    with capsys.disabled():
        print(f"\n{checked} route x role x format calls checked for case data")
    # the check can see case data where it belongs: the case pages show it to editors
    assert saw_case_words > 0
    assert checked > 4 * 100


def test_a_name_shows_only_to_a_role_allowed_after_asking_and_is_logged(register_app):
    app, case_id = register_app
    app.config["CASE_IDENTITY_ROLE"] = "admin"
    editor = sign_in(app, "ed", "editor")
    page = editor.get(f"/cases/{case_id}")
    assert page.status_code == 200 and PSEUDONYM in page.get_data(as_text=True)
    assert REAL_NAME not in page.get_data(as_text=True)
    assert editor.post(f"/cases/{case_id}/identity").status_code == 403
    admin = sign_in(app, "ad", "admin")
    assert REAL_NAME not in admin.get(f"/cases/{case_id}").get_data(as_text=True)
    shown = admin.post(f"/cases/{case_id}/identity")
    assert shown.status_code == 200 and REAL_NAME in shown.get_data(as_text=True)
    assert shown.headers.get("Cache-Control", "").startswith("no-store")
    log = admin.get("/admin/audit.csv").get_data(as_text=True)
    assert "case-identity-viewed" in log and REAL_NAME not in log


def _index_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_the_public_index_files_hold_no_case_word(register_app):
    app, _ = register_app
    data = _index_bytes(Path(app.config["SEARCH_INDEX_DIR"]))
    with app.app_context(), Session(get_engine()) as s:
        summary = s.exec(select(Communication.summary).where(
            Communication.summary.is_not(None))).first()
        assert s.exec(select(Case)).first() is not None
    # the files can be read for words: a communication's words are there
    seen = [w for w in summary.split() if w.isalpha() and len(w) > 6]
    assert any(w.lower().encode() in data for w in seen)
    for word in (*CASE_WORDS, *NAME_WORDS, REAL_NAME):
        for form in (word, word.lower()):
            assert form.encode() not in data, word
