"""Browser tests: Playwright drives Debian's Chromium against the app on 127.0.0.1."""

import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from .conftest import PASSWORD, SAMPLES, add_account

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                                "(make test installs it when run as root)"),
]


@pytest.fixture(scope="module")
def base_url(loaded_app):
    server = make_server("127.0.0.1", 0, loaded_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def assert_fits(page, what):
    """Nothing widens the page: a wide table scrolls in its own box, not the page."""
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 1, f"{what} scrolls sideways by {overflow}px"


def sign_in_with_code(page, username, secret):
    """Sign in on the sign-in page shown: the password, then the authenticator's code."""
    import pyotp

    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/login/code")
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("main form button[type=submit]")


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_browser_search_and_filter_by_state(page, base_url):
    page.goto(base_url + "/")
    page.fill("#q", "surveillance")
    page.click("form.searchbox button[type=submit]")
    page.wait_for_url("**/?q=surveillance**")
    page.click("aside.facets >> text=United Kingdom of Great Britain and Northern Ireland")
    page.wait_for_url("**state=GBR**")
    assert "JAL GBR 3/2026" in page.inner_text("section.results")
    shot(page, "search")


def test_browser_open_state_profile(page, base_url):
    page.goto(base_url + "/?state=GBR")
    page.click("ol.hits >> text=United Kingdom of Great Britain and Northern Ireland >> nth=0")
    page.wait_for_url("**/states/GBR")
    assert "communications received" in page.inner_text("main")
    shot(page, "state")


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_browser_resolution_gap_map(page, base_url):
    page.goto(base_url + "/resolutions/")
    page.click("text=A/RES/68/181")
    page.wait_for_url("**/resolutions/A/RES/68/181")
    assert "African Group: 0 of 54" in page.inner_text("main")
    assert page.locator("svg.map path").count() > 150
    shot(page, "resolution-68-181")


def test_browser_export_csv(page, base_url):
    page.goto(base_url + "/?state=GBR")
    with page.expect_download() as download:
        page.click("section.results >> text=CSV")
    path = download.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")  # with the BOM Excel needs
    assert text.startswith("reference,type,date") and "GBR" in text
    assert download.value.suggested_filename == "communications-GBR.csv"


def test_browser_follow_feed_link(page, base_url):
    page.goto(base_url + "/?state=GBR")
    href = page.get_attribute("link[type='application/atom+xml']", "href")
    response = page.request.get(base_url + href if href.startswith("/") else href)
    assert response.ok and "<feed" in response.text() and "GBR" in response.text()


def test_browser_dashboard(page, base_url):
    page.goto(base_url + "/dashboards/?scheme=un-groups")
    assert page.locator("svg.chart").count() >= 1
    shot(page, "dashboard")


CATALOGUE_FORMS = [Path(__file__).resolve().parent / "fixtures" / "unbis" / name
                   for name in ("catalogue_forms.csv", "catalogue_forms_authors.csv")]
PAGES = {
    "search": "/",
    "resolution-68-181": "/resolutions/A/RES/68/181",
    "resolution-53-17": "/resolutions/A/RES/53/17",  # 1998: counted by membership that day
    "resolution-27-31-council": "/resolutions/A/HRC/RES/27/31?among=council",
    "state-DEU": "/states/DEU",
    "quality": "/quality/",
    "dashboard": "/dashboards/",
    "communication": "/communications/1",
    "states": "/states",
    "resolutions": "/resolutions/",
    "account": "/account",
}


READER = "reader"


@pytest.fixture(scope="module")
def with_catalogue(loaded_app):
    """The browser module's app, with 42 real catalogue records added (historic States)."""
    from sqlmodel import Session

    from tracker.db import get_engine
    from tracker.importers import import_files
    from tracker.ingest import Tally

    with loaded_app.app_context():
        engine = get_engine()
        tally = Tally()
        import_files(CATALOGUE_FORMS, lambda: Session(engine, expire_on_commit=False), tally)
    assert tally.failed == 0
    add_account(loaded_app, READER, "viewer")
    return loaded_app


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_pages_in_each_language_and_width(browser, base_url, with_catalogue, lang,
                                                   width):
    """Every main page renders for an advocate on a desktop and on a phone, in each
    interface language, and no page scrolls sideways: wide tables scroll in their box."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/login?lang={lang}")
        shot(page, f"login-{lang}-{width}")
        page.fill("#username", READER)
        page.fill("#password", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url(f"{base_url}/")
        for name, path in PAGES.items():
            response = page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
            assert response.ok, (path, response.status)
            assert page.locator("html").get_attribute("lang") == lang
            assert_fits(page, f"{path} at {width}px")
            shot(page, f"{name}-{lang}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_browser_admin_signs_in_with_a_code_and_reads_the_audit_log(browser, base_url,
                                                                     loaded_app, width,
                                                                     tmp_path):
    """An administrator's sign-in takes the password, then the authenticator's code; the
    audit log then shows that sign-in, with the address it came from."""
    import pyotp

    name = f"admin{width}"
    secret = add_account(loaded_app, name, "admin")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/admin/audit")
        page.wait_for_url("**/login?next=**")
        page.fill("#username", name)
        page.fill("#password", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/login/code")
        shot(page, f"login-code-{width}")
        page.fill("#code", pyotp.TOTP(secret).now())
        page.click("main form button[type=submit]")
        page.wait_for_url("**/admin/audit")
        row = page.locator("tbody tr").first
        assert name in row.inner_text() and "login" in row.inner_text()
        assert "127.0.0.1" in row.inner_text()
        assert_fits(page, f"the audit log at {width}px")
        shot(page, f"audit-{width}")
        # A failed import's run, in French, whose headings are the longest: on a desktop
        # the table fits its box; on a phone it scrolls inside it.
        bad = tmp_path / "notes-from-a-meeting-with-a-long-file-name.csv"
        bad.write_text("foo,bar\n1,2\n")
        loaded_app.test_cli_runner().invoke(args=["import", str(bad)])
        page.goto(f"{base_url}/admin/runs?lang=fr")
        assert "notes-from-a-meeting" in page.inner_text("table.runs")
        assert_fits(page, f"the runs at {width}px")
        if width >= 1400:
            inside = page.evaluate("(() => { const b = document.querySelector('.scroll');"
                                   " return b.scrollWidth - b.clientWidth; })()")
            assert inside <= 1, f"the runs table scrolls inside its box by {inside}px"
        shot(page, f"runs-fr-{width}")
    finally:
        context.close()


def test_browser_pages_break_no_content_security_rule(page, base_url, with_catalogue):
    """The policy forbids inline script and style: no page may rely on either, and the
    browser reports every refusal on the console."""
    refused = []
    page.on("console", lambda m: refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    from sqlmodel import Session

    from tracker import accounts
    from tracker.db import get_engine

    with with_catalogue.app_context(), Session(get_engine()) as s:
        accounts.add_user(s, "new-editor", PASSWORD, "editor")  # no authenticator yet
        s.commit()
    page.goto(base_url + "/login")
    page.fill("#username", "new-editor")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/login/enrol")
    assert page.locator("figure.qr svg").count() == 1  # the QR code, drawn inline
    shot(page, "enrol")
    page.goto(base_url + "/login")
    page.fill("#username", READER)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    for path in [*PAGES.values(), "/briefs/", "/states", "/account"]:
        response = page.goto(base_url + path)
        assert response.url.startswith(base_url + path.split("?")[0]), path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
    assert refused == []


@pytest.mark.parametrize("width", [1400, 390])
def test_browser_language_switch_keeps_the_search(browser, base_url, width):
    """Changing the language keeps the search, its filters and its order."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url + "/?q=surveillance&state=GBR&sort=-date")
        page.select_option("#lang", "es")
        page.click("form.lang button[type=submit]")
        page.wait_for_url("**lang=es**")
        assert "q=surveillance&state=GBR&sort=-date&lang=es" in page.url
        assert page.input_value("#q") == "surveillance"
        assert page.input_value("#sort") == "-date"
        assert "JAL GBR 3/2026" in page.inner_text("section.results")
        assert "Filtrado por:" in page.inner_text("main")
        shot(page, f"search-language-switched-{width}")
    finally:
        context.close()


LISTS = {"states-list": "/states", "resolutions-list": "/resolutions/",
         "state-GBR": "/states/GBR", "resolution-68-181-history": "/resolutions/A/RES/68/181"}


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_search_results_and_filters_fit(browser, base_url, lang, width):
    """On a phone the results come before the filters; every facet count stays on the
    screen; a facet's hidden values open without JavaScript."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/?q=information&sort=-date&lang={lang}")
        first_hit = page.locator("ol.hits li.hit").first.bounding_box()
        facets = page.locator("aside.facets").bounding_box()
        if width < 760:
            assert first_hit["y"] < 800, "the first result starts below the first screen"
            assert facets["y"] > first_hit["y"]
        else:
            assert facets["x"] < first_hit["x"]  # the filters on the left
        inner = page.evaluate("innerWidth")
        for box in (c.bounding_box() for c in page.locator(".facets .count").all()):
            if box:  # the counts hidden in a closed <details> have none
                assert box["x"] + box["width"] <= inner, "a facet count is cut off"
        more = page.locator("aside.facets details.more").first
        assert not more.locator("li").first.is_visible()
        more.locator("summary").click()
        assert more.locator("li").first.is_visible()
        assert_fits(page, f"the search at {width}px")
        shot(page, f"search-query-{lang}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_browser_sponsorship_matrix_keeps_its_headers_in_view(browser, base_url,
                                                             with_catalogue, width):
    """The matrix scrolls in its own box, its resolution row and State column stay in
    view, and nothing in it widens the page."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/dashboards/")
        assert_fits(page, "the dashboard")
        box = page.locator(".sponsor-scroll")
        box.evaluate("b => { b.scrollTop = 600; b.scrollLeft = 2000; }")
        assert box.evaluate("b => b.scrollTop > 0 && b.scrollLeft > 0")
        top = box.bounding_box()["y"]
        header = page.locator(".sponsor-matrix thead th").nth(1).bounding_box()
        assert abs(header["y"] - top) <= 2, "the resolutions' row scrolled away"
        left = box.bounding_box()["x"]
        state = page.locator(".sponsor-matrix tbody th[scope=row]").first.bounding_box()
        assert abs(state["x"] - left) <= 2, "the States' column scrolled away"
        shot(page, f"dashboard-matrix-{width}")
    finally:
        context.close()


def signed_in_state(browser, base_url, app, username, role):
    """A new account's signed-in browser state, made once per module: sign-ins are
    rate-limited. Editors and admins give their authenticator's code too."""
    from tracker.auth import limiter

    secret = add_account(app, username, role)
    with app.app_context():
        limiter.reset()  # the module's other tests used this minute's sign-ins
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{base_url}/login")
        if secret:
            sign_in_with_code(page, username, secret)
        else:
            page.fill("#username", username)
            page.fill("#password", PASSWORD)
            page.click("main form button[type=submit]")
        page.wait_for_url(f"{base_url}/")
        return context.storage_state()
    finally:
        context.close()


@pytest.fixture(scope="module")
def editor_state(browser, base_url, with_catalogue):
    return signed_in_state(browser, base_url, with_catalogue, "brief-editor", "editor")


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_lists_sort_by_their_headers(browser, base_url, with_catalogue, lang, width):
    """The States and resolutions lists fit a phone and a desktop in each language (their
    tables scroll in their box), link each State, and sort when a header is clicked."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for name, path in LISTS.items():
            response = page.goto(f"{base_url}{path}?lang={lang}")
            assert response.ok, path
            assert_fits(page, f"{path} at {width}px")
            assert "None" not in page.inner_text("main").split(), path
            shot(page, f"{name}-{lang}-{width}")
        page.goto(f"{base_url}/states?lang={lang}")
        page.click("table#states thead th:first-child a")
        page.wait_for_url(lambda url: "sort=name" in url)
        page.click("table#states thead th:first-child a")
        page.wait_for_url(lambda url: "sort=-name" in url)
        header = page.locator("table#states thead th").first
        assert header.get_attribute("aria-sort") == "descending"
        assert page.locator("table#states tbody th a").first.inner_text() == "Zimbabwe"
        page.goto(f"{base_url}/resolutions/?lang={lang}")
        page.click("table.resolutions thead th:nth-child(5) a")  # final sponsors
        page.wait_for_url(lambda url: "sort=final_sponsors" in url)
        assert page.locator("table.resolutions thead th").nth(4).get_attribute(
            "aria-sort") == "ascending"
        page.goto(f"{base_url}/resolutions/?lang={lang}&sort=-title")
        page.click("table.resolutions tbody a >> text=A/RES/68/181")
        page.wait_for_url(lambda url: url.split("?")[0].endswith("/resolutions/A/RES/68/181"))
        first = page.locator("ol.timeline li").first.inner_text()
        assert "A/C.3/68/L.64/Rev.1" in first, first
        shot(page, f"resolution-sorted-{lang}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_briefs_fit_each_width_in_each_language(browser, base_url, editor_state,
                                                       lang, width):
    """An editor's briefs pages (the form with its long subject menu, a brief, the deleted
    briefs) stay within a phone's width and speak the chosen language."""
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  storage_state=editor_state)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/briefs/?lang={lang}")
        page.fill("#title", f"Defenders {lang} {width}")
        page.click("form.brief-form button[type=submit]")
        page.wait_for_url("**/briefs/*")
        pages = {"brief": page.url, "briefs": f"{base_url}/briefs/",
                 "briefs-deleted": f"{base_url}/briefs/deleted"}
        for what, url in pages.items():
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == lang
            assert_fits(page, f"{what} at {width}px")
            if what == "briefs":
                menu = page.locator("#subject").bounding_box()
                assert menu["x"] + menu["width"] <= width, "the subject menu runs off"
            shot(page, f"{what}-{lang}-{width}")
        if lang != "en":
            assert "Headline figures" not in page.goto(pages["brief"]).text()
    finally:
        context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_browser_review_by_keyboard(browser, base_url, loaded_app, width):
    """An editor opens the help with ?, ticks codes by their numbers and confirms with c;
    the review page fits a phone and breaks no content-security rule."""
    from sqlmodel import Session, select

    from tracker import codes
    from tracker.coding import load_rules
    from tracker.db import get_engine
    from tracker.models import Communication

    rules = Path(__file__).resolve().parent / "fixtures" / "coding" / "rules_small.toml"
    with loaded_app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        comm_id = s.exec(select(Communication.id).where(Communication.summary.is_not(None))
                         .order_by(Communication.id)).all()[0 if width == 1400 else 1]
        codes.apply_rules(s, ids=[comm_id], rules=load_rules(rules))
    name = f"reviewer{width}"
    secret = add_account(loaded_app, name, "editor")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    try:
        page.goto(f"{base_url}/review/{comm_id}?queue=all")
        sign_in_with_code(page, name, secret)
        page.wait_for_url(f"**/review/{comm_id}?queue=all")
        assert_fits(page, f"the review page at {width}px")
        page.keyboard.press("?")
        assert page.locator("details#shortcuts[open]").count() == 1
        killing = page.is_checked('input[data-key="5"]')
        page.keyboard.press("5")  # no code is numbered 50 or more: at once
        page.keyboard.press("2")  # 20 to 29 exist: after a moment
        for _ in range(30):  # no wait_for_function: the policy forbids eval
            if page.is_checked('input[data-key="2"]'):
                break
            page.wait_for_timeout(100)
        assert page.is_checked('input[data-key="2"]')
        assert page.is_checked('input[data-key="5"]') != killing
        shot(page, f"review-{width}")
        with page.expect_navigation():
            page.keyboard.press("c")
    finally:
        context.close()
    with loaded_app.app_context(), Session(get_engine()) as s:
        c = s.get(Communication, comm_id)
    assert (c.women, c.women_coded_by) == (False, name)
    assert ("killing" in c.attack_types.split(",")) != killing
    assert refused == []


@pytest.fixture(scope="module")
def demo_case(with_catalogue):
    """Made-up cases in the register (as `tracker cases demo` adds), the first one's id."""
    from sqlmodel import Session, select

    from tracker.case_demo import make_demo_cases
    from tracker.casekey import current_keys
    from tracker.db import get_engine
    from tracker.models import Case

    with with_catalogue.app_context(), Session(get_engine()) as s:
        make_demo_cases(s, current_keys(), 60, seed=7)
        return s.exec(select(Case.id).order_by(Case.id)).first()


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_case_register_fits_each_width_in_each_language(browser, base_url,
                                                               editor_state, demo_case,
                                                               lang, width):
    """An editor's case register (the list, a case with its submissions, its history, the
    follow-up, the form and the map) stays within a phone's width in each language."""
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  storage_state=editor_state)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/cases/?lang={lang}")
        pages = {"cases": "/cases/", "case": f"/cases/{demo_case}",
                 "case-history": f"/cases/{demo_case}/history",
                 "case-new": "/cases/new", "cases-follow-up": "/cases/follow-up",
                 "case-map": "/cases/map/?dimension=attack"}
        for what, path in pages.items():
            response = page.goto(base_url + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == lang
            assert_fits(page, f"{what} at {width}px")
            shot(page, f"{what}-{lang}-{width}")
        if lang != "en":
            assert "Incident dates" not in page.goto(f"{base_url}/cases/{demo_case}").text()
    finally:
        context.close()


@pytest.fixture(scope="module")
def alerts_reader_state(browser, base_url, with_catalogue):
    return signed_in_state(browser, base_url, with_catalogue, "alerts-reader", "viewer")


@pytest.fixture(scope="module")
def defenders_votes(with_catalogue):
    """The 2016 vote on defenders of economic, social and cultural rights and its hostile
    amendment, as tests/test_vote_views.py makes them."""
    from sqlmodel import Session, select

    from tracker.db import get_engine
    from tracker.models import Resolution

    from .test_vote_views import add_defenders_2016

    with with_catalogue.app_context(), Session(get_engine()) as s:
        if s.exec(select(Resolution).where(Resolution.symbol == "A/HRC/RES/31/32")).first():
            return
        add_defenders_2016(s)


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_a_vote_and_its_hostile_amendment_read_on_a_phone(page, base_url,
                                                                   defenders_votes, lang,
                                                                   width):
    """An amendment's symbol opens the resolution it amended: the vote in a sentence, the
    map coloured by vote with its legend, each State's vote beside its sponsorship, and
    the amendment's own vote; nothing scrolls sideways."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}/resolutions/A/HRC/31/L.41?lang={lang}")
    assert page.url.split("?")[0].endswith("/resolutions/A/HRC/RES/31/32")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("svg path[fill='#0072b2']").count() >= 2  # in favour: NOR, DEU
    assert page.locator("svg path[fill='#d55e00']").count() >= 2  # against: RUS, CHN
    sentence = {"en": "2 in favour, 2 against, 1 abstention",
                "es": "2 a favor, 2 en contra, 1 abstención",
                "fr": "2 pour, 2 contre, 1 abstention"}[lang]
    assert sentence in page.inner_text("main")
    assert page.locator("[id^='vote-A-HRC-31-L41']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    shot(page, f"resolution-vote-{lang}-{width}")
    page.goto(f"{base_url}/states/ZAF?lang={lang}#votes")
    row = page.locator("table.record tr", has_text="A/HRC/RES/31/32")
    assert row.locator("td.vote-A").count() == 1  # it abstained on 31/32
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    shot(page, f"state-votes-{lang}-{width}")


def _forget_alerts(app, username):
    """Delete the account's alerts, so each run of the test starts from none."""
    from sqlmodel import Session, select

    from tracker import alerts
    from tracker.db import get_engine
    from tracker.models import SavedSearch, User

    with app.app_context(), Session(get_engine()) as s:
        user_id = s.exec(select(User.id).where(User.username == username)).one()
        for alert in s.exec(select(SavedSearch).where(SavedSearch.user_id == user_id)).all():
            alerts.delete_alert(s, alert)
        s.commit()


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("width", [1400, 390])
def test_browser_alerts_saved_from_search_and_resolution_fit(browser, base_url, with_catalogue,
                                                             alerts_reader_state, lang, width):
    """A reader saves a search from the search page and follows a resolution from its page;
    her alerts page lists both, speaks her language, keeps each label with its field and
    does not scroll sideways, a long feed address included."""
    from playwright.sync_api import expect

    _forget_alerts(with_catalogue, "alerts-reader")
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  storage_state=alerts_reader_state)
    page = context.new_page()
    alerts_url = f"{base_url}/alerts/"
    try:
        page.goto(f"{base_url}/?q=surveillance&lang={lang}")
        save = page.locator("details.save-alert")
        save.locator("summary").click()
        expect(save.locator("#alert-email")).to_be_visible()
        page.fill("#alert-email", f"a.very.long.address.{lang}.{width}@example-organisation.org")
        page.select_option("#alert-digest", "weekly")
        with page.expect_navigation(url=alerts_url):
            save.locator("button[type=submit]").click()
        expect(page.locator("section.alert-card")).to_have_count(1)

        page.goto(f"{base_url}/resolutions/A/RES/68/181")
        follow = page.locator("details.save-alert")
        follow.locator("summary").click()
        expect(follow.locator("#follow-digest")).to_be_visible()
        with page.expect_navigation(url=alerts_url):
            follow.locator("button[type=submit]").click()
        cards = page.locator("section.alert-card")
        expect(cards).to_have_count(2)
        expect(cards.nth(0).locator("h2")).to_have_text("“surveillance”")
        expect(cards.nth(1).locator("ul.followed a")).to_have_text("A/RES/68/181")

        assert page.locator("html").get_attribute("lang") == lang
        assert_fits(page, f"the alerts page at {width}px in {lang}")
        inner = page.evaluate("innerWidth")
        for label in page.locator("main form.fields-row label").all():
            box, field = label.bounding_box(), label.locator("input, select").bounding_box()
            assert box["x"] + box["width"] <= inner, f"{label.inner_text()!r} runs off"
            assert field["y"] > box["y"], f"{label.inner_text()!r} is not above its field"
        shot(page, f"alerts-{lang}-{width}")
    finally:
        context.close()
