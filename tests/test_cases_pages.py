"""The case register's pages: list, forms, case page, names on request, history,
retention and the editable vocabulary."""

import datetime as dt

import pytest
from sqlmodel import Session, select

from tracker import cases
from tracker.casekey import current_keys
from tracker.db import get_engine
from tracker.models import AuditEvent, Case, CaseVersion
from tracker.vocabulary_edits import active_slugs, merged_codebook

from .conftest import sign_in

FORM = {"pseudonym": "Luna", "iso3": "HND", "gender": "woman", "whrd": "1",
        "province": "Atlántida", "incident_dates": "2021-03-02, 2020-11-30",
        "perpetrators": ["police", "company"], "attack_types": ["killing"],
        "risk_factors": ["land_environment"], "status": "documented",
        "name": "Berta Example", "contact": "+504 5555 0000", "notes": "Met in La Ceiba."}
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def editor(app):
    return sign_in(app, "eve", "editor")


@pytest.fixture
def admin(app):
    return sign_in(app, "ada", "admin")


def _create(client, **changes):
    response = client.post("/cases/new", data={**FORM, **changes})
    assert response.status_code == 302, response.text[:2000]
    return int(response.location.rsplit("/", 1)[1])


def _case(app, case_id):
    with app.app_context(), Session(get_engine()) as s:
        return s.get(Case, case_id)


def _audit(app, action):
    with app.app_context(), Session(get_engine()) as s:
        return [(e.username, e.target) for e in
                s.exec(select(AuditEvent).where(AuditEvent.action == action)).all()]


def _edit_form(client, case_id, **changes):
    """The edit form as a browser would send it back: the stored values, some changed."""
    page = client.get(f"/cases/{case_id}/edit")
    assert page.status_code == 200
    version = page.text.split('name="version" value="', 1)[1].split('"', 1)[0]
    data = {**FORM, "name": "", "contact": "", "version": version}
    data.update(changes)
    return data


# --- the list -------------------------------------------------------------------------------

def test_empty_register_shows_how_to_start(app, editor):
    page = editor.get("/cases/")
    assert page.status_code == 200
    assert "The register is empty" in page.text and "tracker cases demo 50" in page.text
    assert 'href="/cases/new"' in page.text
    assert page.headers["Cache-Control"] == "no-store"


def test_cases_link_only_for_editors(app, editor):
    viewer = sign_in(app, "vic", "viewer")
    assert 'href="/cases/"' in editor.get("/account/").text
    assert 'href="/cases/"' not in viewer.get("/account/").text
    assert viewer.get("/cases/").status_code == 403


def _listed(client, url) -> str:
    """The list's rows (the filters' options name States too)."""
    page = client.get(url)
    assert page.status_code == 200, url
    return page.text.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in \
        page.text else ""


def test_list_filters_and_text_search(app, editor):
    _create(editor)
    _create(editor, pseudonym="Sol", iso3="GTM", province="Petén", status="submitted",
            whrd="")
    rows = _listed(editor, "/cases/")
    assert "Luna" in rows and "Sol" in rows
    assert "Police" in rows and "2020, 2021" in rows
    assert "Honduras" in rows and "Atlántida" in rows
    assert "Sol" not in _listed(editor, "/cases/?state=HND")
    assert "Luna" not in _listed(editor, "/cases/?status=submitted")
    assert "Sol" not in _listed(editor, "/cases/?whrd=yes")
    assert "Luna" not in _listed(editor, "/cases/?q=pet")  # province, any case
    assert "Sol" not in _listed(editor, "/cases/?q=LUN")
    assert "No case matches" in editor.get("/cases/?q=100%25").text


def test_list_filter_names_the_woman_defender_box_of_the_form(app, editor):
    """The filter is the form's "Woman human rights defender" box, not a vague "Defender";
    French and Spanish "all" agree with État / Estado."""
    _create(editor)
    page = editor.get("/cases/").text
    assert '<label for="whrd">Woman human rights defender</label>' in page
    assert "Defenders only" not in page
    french = editor.get("/cases/?lang=fr").text
    assert '<select id="state" name="state"><option value="">tous</option>' in french


def test_list_pages_by_last_change(app, editor):
    app.config["PAGE_SIZE"] = 2
    for name in ("One", "Two", "Three"):
        _create(editor, pseudonym=name)
    first = _listed(editor, "/cases/")
    assert first.index("Three") < first.index("Two") and "One" not in first
    assert "One" in _listed(editor, "/cases/?page=2")


def test_list_in_spanish_labels_the_vocabulary(app, editor):
    _create(editor)
    page = editor.get("/cases/?lang=es")
    assert "Casos" in page.text and "Policía" in page.text


# --- create, edit, errors -----------------------------------------------------------------

def test_create_and_show_a_case(app, editor):
    case_id = _create(editor)
    page = editor.get(f"/cases/{case_id}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "Luna" in page.text and "Met in La Ceiba." in page.text
    assert "Berta" not in page.text and "5555" not in page.text
    assert _audit(app, "case-created") == [("eve", f"case:{case_id}")]
    assert _audit(app, "case-viewed") == [("eve", f"case:{case_id}")]


def test_form_offers_perpetrators_grouped_by_parent(app, editor):
    page = editor.get("/cases/new").text
    state, non_state = page.index(">State</h3>"), page.index(">Non-State</h3>")
    assert state < page.index('value="police"') < non_state < page.index('value="company"')
    assert 'name="attack_types" value="killing"' in page
    assert 'name="risk_factors" value="land_environment"' in page


def test_field_error_is_shown_next_to_the_field_and_keeps_the_text(app, editor):
    page = editor.post("/cases/new", data={**FORM, "incident_dates": "2021-13-45",
                                          "notes": "Keep me"})
    assert page.status_code == 400
    assert 'id="incident_dates-error"' in page.text and "2021-13-45" in page.text
    assert "Keep me" in page.text
    spanish = editor.post("/cases/new?lang=es", data={**FORM, "pseudonym": ""})
    assert 'id="pseudonym-error"' in spanish.text and "seudónimo" in spanish.text


def test_edit_saves_a_version(app, editor):
    case_id = _create(editor)
    response = editor.post(f"/cases/{case_id}/edit",
                           data=_edit_form(editor, case_id, status="submitted",
                                           notes="Moved."))
    assert response.status_code == 302
    case = _case(app, case_id)
    assert case.status == "submitted" and case.version == 2
    with app.app_context():
        assert cases.notes(current_keys(), case) == "Moved."
        # the blank name and contact kept the stored ones
        assert cases.identity(current_keys(), case) == {"name": "Berta Example",
                                                        "contact": "+504 5555 0000"}
    assert _audit(app, "case-edited") == [("eve", f"case:{case_id}")]


def test_stale_save_is_refused_and_keeps_the_typed_text(app, editor):
    case_id = _create(editor)
    stale = _edit_form(editor, case_id, notes="My long typed note")
    other = sign_in(app, "otto", "editor")
    assert other.post(f"/cases/{case_id}/edit",
                      data=_edit_form(other, case_id, status="closed")).status_code == 302
    page = editor.post(f"/cases/{case_id}/edit", data=stale)
    assert page.status_code == 409
    assert "Someone else saved this case meanwhile" in page.text and "otto" in page.text
    assert "My long typed note" in page.text
    assert _case(app, case_id).status == "closed"


def test_edit_form_never_shows_the_stored_name(app, editor):
    case_id = _create(editor)
    page = editor.get(f"/cases/{case_id}/edit").text
    assert "A name is recorded" in page and "Berta" not in page and "5555" not in page
    assert 'name="remove_identity"' in page


def test_remove_the_name_and_replace_it(app, editor):
    case_id = _create(editor)
    editor.post(f"/cases/{case_id}/edit",
                data=_edit_form(editor, case_id, name="New Name"))
    with app.app_context():
        assert cases.identity(current_keys(), _case(app, case_id)) == {
            "name": "New Name", "contact": "+504 5555 0000"}
    editor.post(f"/cases/{case_id}/edit",
                data=_edit_form(editor, case_id, remove_identity="1"))
    assert _case(app, case_id).identity is None


# --- names on request -----------------------------------------------------------------------

def test_identity_hidden_from_an_editor_and_shown_to_an_admin_after_asking(app, editor, admin):
    app.config["CASE_IDENTITY_ROLE"] = "admin"
    case_id = _create(editor)
    page = editor.get(f"/cases/{case_id}").text
    assert "Show name and contact" not in page and "Berta" not in page
    refused = editor.post(f"/cases/{case_id}/identity")
    assert refused.status_code == 403 and "Berta" not in refused.text
    page = admin.get(f"/cases/{case_id}").text
    assert "Show name and contact" in page and "Berta" not in page
    assert _audit(app, "case-identity-viewed") == []
    shown = admin.post(f"/cases/{case_id}/identity")
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    assert "Berta Example" in shown.text and "+504 5555 0000" in shown.text
    assert _audit(app, "case-identity-viewed") == [("ada", f"case:{case_id}")]


def test_identity_role_editor_lets_editors_ask(app, editor):
    app.config["CASE_IDENTITY_ROLE"] = "editor"
    case_id = _create(editor)
    assert "Berta Example" in editor.post(f"/cases/{case_id}/identity").text


# --- escaping -------------------------------------------------------------------------------

def test_pseudonym_and_notes_are_escaped_everywhere(app, editor, admin):
    case_id = _create(editor, pseudonym=SCRIPT, notes=SCRIPT, province=SCRIPT,
                      name=SCRIPT)
    for url in ("/cases/", f"/cases/{case_id}", f"/cases/{case_id}/edit",
                f"/cases/{case_id}/history"):
        page = editor.get(url).text
        assert SCRIPT not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
    shown = admin.post(f"/cases/{case_id}/identity").text
    assert SCRIPT not in shown and "&lt;script&gt;" in shown


# --- history --------------------------------------------------------------------------------

def test_history_lists_versions_and_compares_two(app, editor):
    case_id = _create(editor)
    editor.post(f"/cases/{case_id}/edit",
                data=_edit_form(editor, case_id, status="submitted", notes="Secret new note",
                                attack_types=["killing", "threats"]))
    page = editor.get(f"/cases/{case_id}/history")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    text = page.text
    assert "Created" in text and "Attacks" in text and "Notes" in text
    compared = editor.get(f"/cases/{case_id}/history?a=1&b=2").text
    assert "Documented" in compared and "Submitted to the UN" in compared
    assert "Killing, Threats" in compared or "Threats" in compared
    assert "changed (encrypted" in compared
    assert "Secret new note" not in compared and "Met in La Ceiba" not in compared
    assert "Province" not in compared.split("<h2>Versions")[0].split("case-diff")[1]


# --- retention ------------------------------------------------------------------------------

def _expire(app, case_id):
    with app.app_context(), Session(get_engine()) as s:
        case = s.get(Case, case_id)
        case.retention_until = dt.date.today() - dt.timedelta(days=1)
        s.add(case)
        s.commit()


def test_retention_banner_list_and_keep(app, editor, admin):
    case_id = _create(editor)
    assert "past its retention date" not in editor.get("/cases/").text
    _expire(app, case_id)
    assert "1 case is past its retention date" in editor.get("/cases/").text
    listed = editor.get("/cases/retention").text
    assert "Luna" in listed and "Only an administrator" in listed
    assert editor.post(f"/cases/{case_id}/keep",
                       data={"retention_until": "2099-01-01"}).status_code == 403
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert admin.post(f"/cases/{case_id}/keep",
                      data={"retention_until": "2001-01-01"}).status_code == 302
    assert _case(app, case_id).retention_until < dt.date.today()
    admin.post(f"/cases/{case_id}/keep", data={"retention_until": later})
    case = _case(app, case_id)
    assert case.retention_until.isoformat() == later and case.version == 2
    assert _audit(app, "case-retention-extended") == [("ada", f"case:{case_id}")]
    assert "No case is past its retention date" in admin.get("/cases/retention").text


def test_delete_needs_the_pseudonym_typed_and_logs_the_number(app, editor, admin):
    case_id = _create(editor, pseudonym="Marisol")
    _expire(app, case_id)
    assert editor.post(f"/cases/{case_id}/delete",
                       data={"confirm": "Marisol"}).status_code == 403
    admin.post(f"/cases/{case_id}/delete", data={"confirm": "marisol"})
    assert _case(app, case_id) is not None
    admin.post(f"/cases/{case_id}/delete", data={"confirm": "Marisol"})
    assert _case(app, case_id) is None
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(CaseVersion).where(CaseVersion.case_id == case_id)).all() == []
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "case-deleted")).one()
        assert event.target == f"case:{case_id}" and "Marisol" not in event.detail
    assert editor.get(f"/cases/{case_id}").status_code == 404


# --- vocabulary -----------------------------------------------------------------------------

def test_vocabulary_add_a_term_and_code_a_case_with_it(app, editor, admin):
    assert editor.get("/admin/vocabulary/").status_code == 403
    page = admin.get("/admin/vocabulary/")
    assert page.status_code == 200 and "rules.toml" in page.text
    response = admin.post("/admin/vocabulary/", data={
        "action": "add", "scheme": "perpetrator", "parent": "non_state",
        "slug": "private_security", "en": "Private security", "es": "Seguridad privada",
        "fr": "Sécurité privée", "scope": "Guards hired by a company."})
    assert response.status_code == 302
    assert _audit(app, "vocabulary-changed") == [("ada", "perpetrator:private_security")]
    form = editor.get("/cases/new").text
    assert form.index(">Non-State</h3>") < form.index('value="private_security"')
    case_id = _create(editor, perpetrators=["private_security"])
    assert "Seguridad privada" in editor.get(f"/cases/{case_id}?lang=es").text


def test_vocabulary_refuses_a_bad_or_taken_slug_and_a_perpetrator_without_parent(app, admin):
    for data, where in (({"slug": "Bad Slug"}, "lower-case"), ({"slug": "police"}, "already"),
                        ({"slug": "new_one", "parent": ""}, "State, non-State")):
        page = admin.post("/admin/vocabulary/", data={
            "action": "add", "scheme": "perpetrator", "parent": "state", "en": "X",
            **data})
        assert page.status_code == 400 and where in page.text, data


def test_vocabulary_relabel_and_retire(app, editor, admin):
    case_id = _create(editor)  # uses "company"
    admin.post("/admin/vocabulary/", data={"action": "relabel", "scheme": "perpetrator",
                                           "slug": "police", "en": "Police forces"})
    admin.post("/admin/vocabulary/", data={"action": "retire", "scheme": "perpetrator",
                                           "slug": "company"})
    assert "Police forces" in editor.get(f"/cases/{case_id}").text
    assert 'value="company"' not in editor.get("/cases/new").text
    # still offered, and kept, where the case has it
    edit = editor.get(f"/cases/{case_id}/edit").text
    assert 'value="company" checked' in edit
    assert editor.post(f"/cases/{case_id}/edit",
                       data=_edit_form(editor, case_id, status="closed")).status_code == 302
    assert "company" in _case(app, case_id).perpetrators
    with app.app_context(), Session(get_engine()) as s:
        book = merged_codebook(s)
        assert "company" not in active_slugs(book, "perpetrator")
        assert book.label("perpetrator", "police") == "Police forces"
        assert book.label("perpetrator", "police", "es").startswith("Policía")
    admin.post("/admin/vocabulary/", data={"action": "unretire", "scheme": "perpetrator",
                                           "slug": "company"})
    assert 'value="company"' in editor.get("/cases/new").text


# --- languages ------------------------------------------------------------------------------

HEADINGS = {"es": ("Casos", "Nuevo caso", "Historial del caso", "Casos cuya fecha de",
                   "Vocabulario de los casos"),
            "fr": ("Dossiers", "Nouveau dossier", "Historique du dossier",
                   "Dossiers dont la date", "Vocabulaire des dossiers")}


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_every_page_renders_translated_headings(app, editor, admin, lang):
    case_id = _create(editor)
    pages = ("/cases/", "/cases/new", f"/cases/{case_id}/history", "/cases/retention",
             "/admin/vocabulary/")
    for url, heading in zip(pages, HEADINGS[lang], strict=True):
        page = admin.get(url, query_string={"lang": lang})
        assert page.status_code == 200, url
        assert heading in page.text.split("<h1>", 1)[1].split("</h1>", 1)[0], url
    case_page = admin.get(f"/cases/{case_id}", query_string={"lang": lang}).text
    assert ("Mostrar nombre y contacto" if lang == "es" else "Afficher le nom") in case_page
    edit = admin.get(f"/cases/{case_id}/edit", query_string={"lang": lang}).text
    assert ("Editar el caso" if lang == "es" else "Modifier le dossier") in edit
