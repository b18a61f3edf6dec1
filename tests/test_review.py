"""Coding on import, `tracker code`, and the review screen as editors, viewers and visitors."""

import re

import pytest
from sqlmodel import Session, select

from tracker import codes
from tracker.coding import load_rules
from tracker.db import get_engine
from tracker.models import AuditEvent, CodeAssignment, Communication
from tracker.search import rebuild_index, search

from .conftest import FIXTURES, sign_in
from .test_codes import ARREST, KILLING, RULES, store

PAGE = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"


@pytest.fixture
def coded(app):
    """Three communications coded with the small rules file, and the index built."""
    app.config["CODING_RULES"] = str(RULES)
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        ids = store(s, ARREST, KILLING, None)
        codes.apply_rules(s, rules=load_rules(RULES))
        rebuild_index(app.config["SEARCH_INDEX_DIR"], s)
    return dict(zip(("arrest", "killing", "empty"), ids, strict=True))


def _comm(app, comm_id) -> Communication:
    with app.app_context(), Session(get_engine()) as s:
        return s.get(Communication, comm_id)


def _audit(app) -> list[tuple[str, str, str]]:
    with app.app_context(), Session(get_engine()) as s:
        return [(e.action, e.username, e.target) for e in s.exec(
            select(AuditEvent).where(AuditEvent.action.startswith("coding-"))
            .order_by(AuditEvent.id))]


def _facet(app, name, value) -> int:
    with app.app_context():
        return search(app.config["SEARCH_INDEX_DIR"], "", filters={name: [value]}).total


# --- coding on import and from the command line ---------------------------------------


def test_import_codes_the_communications_it_brings(runner, app):
    app.config["CODING_RULES"] = str(RULES)
    result = runner.invoke(args=["import", str(PAGE)])
    assert result.exit_code == 0, result.output
    assert re.search(r"Rules v1 read \d+ communications: \d+ coded", result.output)
    with app.app_context(), Session(get_engine()) as s:
        statuses = set(s.exec(select(Communication.coding_status)))
    assert statuses == {"rules"}


def test_import_with_a_broken_rules_file_stores_and_says_why_not_coded(runner, app, tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text("version = 1\n[[rule]]\nid = 'x'\nscheme = 'colour'\n", encoding="utf-8")
    app.config["CODING_RULES"] = str(bad)
    result = runner.invoke(args=["import", str(PAGE)])
    assert result.exit_code == 0, result.output
    assert "communications not coded:" in result.output and "rule x" in result.output
    assert "run `tracker code`" in result.output and "Traceback" not in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Communication)).first() is not None
        assert set(s.exec(select(Communication.coding_status))) == {None}


def test_cli_code_prints_counts_and_indexes_what_changed(runner, app, tmp_path):
    app.config["CODING_RULES"] = str(RULES)
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        store(s, ARREST, KILLING, None)
        rebuild_index(app.config["SEARCH_INDEX_DIR"], s)
    assert _facet(app, "women", "not coded") == 3
    result = runner.invoke(args=["code"])
    assert result.exit_code == 0, result.output
    assert "Rules v1 read 3 communications: 2 coded, 2 changed, 0 disputed" in result.output
    assert _facet(app, "women", "yes") == 1 and _facet(app, "women", "no") == 1
    again = runner.invoke(args=["code"])  # version 1 coded those it could read
    assert "read 1 communication: 0 coded, 0 changed" in again.output
    everything = runner.invoke(args=["code", "--all"])
    assert "read 3 communications: 2 coded, 0 changed, 0 disputed" in everything.output


@pytest.mark.parametrize("content", [
    "version = 1\n[[rule]]\nid = 'women.x'\nscheme = 'women'\nvalue = 'yes'\n"
    "confidence = 3\nwords = ['x']\n",
    "version = [unclosed\n",
])
def test_cli_code_with_a_bad_rules_file_says_why_and_changes_nothing(runner, coded, app,
                                                                     tmp_path, content):
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with app.app_context(), Session(get_engine()) as s:
        before = [(r.id, r.value, r.coded_by) for r in s.exec(select(CodeAssignment))]
    result = runner.invoke(args=["code", "--all", "--rules", str(bad)])
    assert result.exit_code == 1
    assert str(bad) in result.output and "Nothing was coded." in result.output
    assert "Traceback" not in result.output
    with app.app_context(), Session(get_engine()) as s:
        assert [(r.id, r.value, r.coded_by) for r in s.exec(select(CodeAssignment))] == before


def test_cli_code_with_a_missing_rules_file(runner, coded, tmp_path):
    result = runner.invoke(args=["code", "--rules", str(tmp_path / "none.toml")])
    assert result.exit_code == 1 and "none.toml" in result.output
    assert "Traceback" not in result.output


# --- the review screen -----------------------------------------------------------------


def test_review_is_for_editors(app, coded):
    anonymous = app.test_client()
    assert anonymous.get("/review/").status_code == 302
    assert anonymous.post(f"/review/{coded['arrest']}",
                          data={"action": "confirm"}).status_code == 401
    viewer = sign_in(app, "vera", "viewer")
    assert viewer.get("/review/").status_code == 403
    assert viewer.get(f"/review/{coded['arrest']}").status_code == 403
    response = viewer.post(f"/review/{coded['arrest']}",
                           data={"action": "confirm", "scheme": "women", "women": "no"})
    assert response.status_code == 403
    assert _comm(app, coded["arrest"]).coding_status == "rules" and _audit(app) == []


def test_review_queue_tabs_with_counts(app, coded):
    editor = sign_in(app, "amina", "editor")
    page = editor.get("/review/").text  # the first queue with something in it
    assert re.search(r'aria-current="page">Not yet coded <span class="count">1</span>', page)
    assert re.search(r'>Low confidence <span class="count">2</span>', page)
    assert re.search(r'>Disputed <span class="count">0</span>', page)
    assert re.search(r'>All <span class="count">3</span>', page)
    low = editor.get("/review/?queue=low").text
    assert low.index("UA HND 2/2013") < low.index("UA HND 1/2013")  # least sure first
    assert "UA HND 3/2013" not in low
    assert editor.get("/review/?queue=nonsense&page=x").status_code == 200


def test_review_item_shows_why_with_the_words_marked_and_escaped(app, coded):
    with app.app_context(), Session(get_engine()) as s:
        c = s.get(Communication, coded["arrest"])
        c.summary = ARREST + " <script>alert(1)</script>"
        s.add(c)
        s.commit()
    editor = sign_in(app, "amina", "editor")
    page = editor.get(f"/review/{coded['arrest']}?queue=low").text
    assert "<mark>Ms.</mark>" in page and "<mark>police</mark>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "women.words" in page and "A woman or girl is named or described." in page
    assert "confidence 0.95" in page
    assert re.search(r'type="radio" name="women" value="yes" data-key="1" checked', page)
    assert re.search(r'type="checkbox" name="attack" value="threats" data-key="\d+" checked',
                     page)
    assert 'src="/static/review.js"' in page and "Keyboard shortcuts" in page
    assert f'rel="next" href="/review/{coded["arrest"]}' not in page


def test_confirm_on_the_screen_records_who_audits_and_goes_to_the_next(app, coded):
    editor = sign_in(app, "amina", "editor")
    page = editor.get(f"/review/{coded['killing']}?queue=low").text
    following = re.search(r'name="next" value="(\d+)"', page).group(1)
    assert int(following) == coded["arrest"]
    form = {"action": "confirm", "queue": "low", "next": following,
            "scheme": ["women", "whrd", "attack", "perpetrator", "risk"], "women": "no",
            "whrd": "no", "attack": "killing", "perpetrator": "company"}
    response = editor.post(f"/review/{coded['killing']}", data=form)
    assert response.status_code == 302
    assert response.location == f"/review/{coded['arrest']}?queue=low"
    c = _comm(app, coded["killing"])
    assert c.coding_status == "reviewed" and c.women_coded_by == "amina"
    assert _audit(app) == [("coding-confirmed", "amina", f"communication:{coded['killing']}")]
    queue = editor.get("/review/?queue=low").text
    assert re.search(r'>Low confidence <span class="count">1</span>', queue)


def test_corrections_on_the_screen_change_columns_facets_and_survive_the_rules(app, coded,
                                                                              runner):
    editor = sign_in(app, "amina", "editor")
    assert _facet(app, "women", "yes") == 1 and _facet(app, "whrd", "no") == 1
    form = {"action": "save", "queue": "low",
            "scheme": ["women", "whrd", "attack", "perpetrator", "risk"], "women": "yes",
            "whrd": "yes", "attack": ["killing", "threats"], "perpetrator": "company"}
    response = editor.post(f"/review/{coded['killing']}", data=form)
    assert response.status_code == 302
    c = _comm(app, coded["killing"])
    assert (c.women, c.whrd, c.attack_types) == (True, True, "killing,threats")
    assert c.coding_status == "reviewed" and c.whrd_coded_by == "amina"
    assert _facet(app, "women", "yes") == 2 and _facet(app, "whrd", "no") == 0
    assert _audit(app)[-1][0] == "coding-corrected"
    result = runner.invoke(args=["code", "--all"])
    assert "0 changed, 0 disputed" in result.output
    c = _comm(app, coded["killing"])
    assert (c.women, c.whrd, c.attack_types) == (True, True, "killing,threats")


def test_a_rule_change_against_a_decision_shows_in_the_disputed_tab(app, coded, runner,
                                                                    tmp_path):
    editor = sign_in(app, "amina", "editor")
    form = {"action": "confirm", "scheme": ["women", "whrd", "attack", "perpetrator", "risk"],
            "women": "yes", "whrd": "yes", "attack": ["arbitrary_detention", "threats"],
            "perpetrator": "police", "risk": "land_environment"}
    editor.post(f"/review/{coded['arrest']}", data=form)
    changed = tmp_path / "rules.toml"
    changed.write_text(RULES.read_text(encoding="utf-8").replace("version = 1", "version = 2")
                       .replace('words = ["police"]', 'words = ["police", "company"]')
                       .replace('"arrest*", ', ""), encoding="utf-8")
    result = runner.invoke(args=["code", "--all", "--rules", str(changed)])
    assert "1 disputed" in result.output
    page = editor.get("/review/?queue=disputed").text
    assert re.search(r'aria-current="page">Disputed <span class="count">1</span>', page)
    assert "UA HND 1/2013" in page
    item = editor.get(f"/review/{coded['arrest']}?queue=disputed").text
    assert "The rules now say:" in item
    # the person's codes stay in force meanwhile
    assert _comm(app, coded["arrest"]).attack_types == "arbitrary_detention,threats"


def test_flag_on_the_screen_needs_a_note_then_disputes_until_removed(app, coded):
    editor = sign_in(app, "amina", "editor")
    url = f"/review/{coded['arrest']}"
    response = editor.post(url, data={"action": "flag", "note": "  ", "queue": "low"},
                           follow_redirects=True)
    assert "Not flagged: say in the note" in response.text
    assert _comm(app, coded["arrest"]).coding_status == "rules"
    editor.post(url, data={"action": "flag", "note": "Ana is <b>two</b> people?",
                           "queue": "low"})
    assert _comm(app, coded["arrest"]).coding_status == "disputed"
    page = editor.get(f"{url}?queue=disputed").text
    assert "Flagged as disputed by amina" in page and "Ana is &lt;b&gt;two&lt;/b&gt;" in page
    response = editor.post(url, data={"action": "unflag", "queue": "disputed"})
    assert response.location == f"{url}?queue=disputed"
    assert _comm(app, coded["arrest"]).coding_status == "rules"
    assert [a for a, _, _ in _audit(app)] == ["coding-flagged", "coding-unflagged"]


def test_review_post_without_an_action_or_for_nothing(app, coded):
    editor = sign_in(app, "amina", "editor")
    assert editor.post(f"/review/{coded['arrest']}", data={}).status_code == 400
    assert editor.post("/review/999999", data={"action": "confirm"}).status_code == 404
    assert editor.get("/review/999999").status_code == 404
    response = editor.post(f"/review/{coded['arrest']}", follow_redirects=True,
                           data={"action": "save", "scheme": "attack", "attack": "theft"})
    assert "Not saved: theft: not a value of attack" in response.text
    assert _audit(app) == []


def test_communication_page_shows_who_coded_and_why_and_links_editors_to_review(app, coded):
    url = f"/communications/{coded['arrest']}"
    public = app.test_client().get(url).text
    assert "rules v1" in public and "women.words" in public and "<mark>Ms.</mark>" in public
    assert "/review/" not in public
    editor = sign_in(app, "amina", "editor")
    assert f'href="/review/{coded["arrest"]}"' in editor.get(url).text
    editor.post(f"/review/{coded['arrest']}", data={"action": "save", "scheme": "women",
                                                    "women": "yes"})
    assert "amina" in editor.get(url).text
    public = app.test_client().get(url).text
    assert "amina" not in public and "an editor" in public


def test_review_forms_need_a_csrf_token(app, coded):
    editor = sign_in(app, "amina", "editor")
    app.config["WTF_CSRF_ENABLED"] = True
    form = {"action": "save", "scheme": "women", "women": "no"}
    assert editor.post(f"/review/{coded['arrest']}", data=form).status_code == 400
    assert _comm(app, coded["arrest"]).women is True
    page = editor.get(f"/review/{coded['arrest']}").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = editor.post(f"/review/{coded['arrest']}", data={**form, "csrf_token": token})
    assert response.status_code == 302 and _comm(app, coded["arrest"]).women is False


def test_who_coded_is_said_in_the_readers_language(app, coded):
    page = app.test_client().get(f"/communications/{coded['arrest']}?lang=fr").text
    assert "règles v1" in page and "rules v1" not in page
    editor = sign_in(app, "amina", "editor")
    assert "reglas v1" in editor.get(f"/review/{coded['arrest']}?lang=es").text
