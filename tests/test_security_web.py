"""What a security probe of the web app found, each fixed and held here: script links, headers,
the session cookie, the Host header, download names and XML that does not parse."""

import io
import json
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from lxml import etree
from sqlmodel import Session, select
from werkzeug.http import parse_options_header

from scrapers.communications import parse_export_csv, parse_listing, parse_sample_json
from scrapers.records import CommunicationRecord, ReplyRecord
from scrapers.text import http_url, xml_safe
from tracker import create_app
from tracker.auth import PUBLIC, access
from tracker.db import get_engine
from tracker.ingest import Tally, store_communications
from tracker.models import Communication, Reply, Resolution
from tracker.search import update_index
from tracker.security import cookie_secure
from tracker.views.output import attachment

from .conftest import sign_in

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
SCRIPT_LINK = re.compile(r"""(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):""", re.I)
SUMMARY = "Detention of a defender\x01 held\x0b in custody"


def _store_script_links(app) -> int:
    """A communication whose links are scripts, written straight to the tables as data
    stored before links were checked would be; indexed for search and feeds."""
    with app.app_context(), Session(get_engine()) as s:
        c = Communication(type="UA", addressee_code="HND", number=7, year=2024,
                          date=date(2024, 5, 1), state_iso3="HND", addressee_name="Honduras",
                          summary=SUMMARY, letter_url="javascript:alert(1)",
                          source_url="data:text/html,<script>alert(2)</script>")
        s.add(c)
        s.flush()
        s.add(Reply(communication_id=c.id, url=" JaVaScRiPt:alert(3)", date=date(2024, 6, 1)))
        s.commit()
        update_index(app.config["SEARCH_INDEX_DIR"], s, communication_ids={c.id})
        return c.id


def _assert_hardened(response):
    csp = response.headers.get("Content-Security-Policy", "")
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
                      "base-uri 'none'", "object-src 'none'"):
        assert directive in csp, (response.request.path, directive)
    assert "unsafe-inline" not in csp and "http" not in csp  # no inline code, no other origin
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in ("same-origin", "no-referrer")


# 1. Links -----------------------------------------------------------------------------


@pytest.mark.parametrize("url, kept", [
    ("https://spcommreports.ohchr.org/TMResultsBase/DownLoadFile?gId=1", True),
    ("HTTP://undocs.org/A/RES/68/181", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("data:text/html,<script>x</script>", False),
    ("vbscript:x", False), ("https:alert(1)", False), ("//evil.example/x", False),
    ("/relative/path", False), ("http://[::1", False), ("", False), (None, False), (7, False),
])
def test_http_url_keeps_only_absolute_http_links(url, kept):
    assert http_url(url) == (url.strip() if kept else None)


def test_parsers_drop_script_links_from_pages_and_files():
    html = (FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html").read_text()
    html = html.replace('href="/TMResultsBase/', 'href="javascript:alert(1)//')
    records = parse_listing(html)
    assert records and all(r.letter_url is None for r in records)
    assert all(reply.url == "" for r in records for reply in r.replies)
    assert any(r.replies for r in records)  # the replies themselves are kept

    sample = json.dumps({"communications": [{
        "id": 1, "ref": "HND 5/2013", "type": "UA", "date": "2013-05-01", "country": "Honduras",
        "summary": "A defender detained.", "source_url": "javascript:alert(1)",
        "replies": [{"date": "2013-06-01", "url": "data:text/html,x"},
                    {"date": "2013-07-01", "url": "https://spcommreports.ohchr.org/r?gId=2"}]}]})
    (record,), errors = parse_sample_json(sample)
    assert not errors and record.letter_url is None
    assert [r.url for r in record.replies] == ["", "https://spcommreports.ohchr.org/r?gId=2"]

    export = ("reference,type,date,addressee,mandates,summary,letter_url,source_url,replies\n"
              "UA HND 5/2013,UA,2013-05-01,Honduras,,x,javascript:alert(1),data:x,"
              "2013-06-01 javascript:alert(2)\n")
    (record,), errors = parse_export_csv(export)
    assert not errors and record.letter_url is None and record.source_url is None
    assert [r.url for r in record.replies] == [""]


def test_ingest_stores_only_http_links(app):
    with app.app_context(), Session(get_engine()) as s:
        store_communications(s, [CommunicationRecord(
            type="UA", addressee_code="HND", number=1, year=2020, date=None,
            addressee_name="Honduras", letter_url="javascript:alert(1)",
            source_url="https://spcommreports.ohchr.org/list", location="t",
            replies=[ReplyRecord(None, "data:text/html,x")])], Tally())
        s.commit()
        c = s.exec(select(Communication)).one()
        assert c.letter_url is None and c.source_url == "https://spcommreports.ohchr.org/list"
        assert [r.url for r in s.exec(select(Reply))] == [""]


def test_stored_script_links_render_as_text_in_pages(app, client):
    comm_id = _store_script_links(app)
    for url in (f"/communications/{comm_id}", "/?q=defender"):
        body = client.get(url).get_data(as_text=True)
        assert "UA HND 7/2024" in body, url
        assert not SCRIPT_LINK.search(body), url
        assert "javascript:" not in body.lower() and "data:text" not in body, url
    page = client.get(f"/communications/{comm_id}").get_data(as_text=True)
    assert "The letter (UN site)" in page and "Reply of 2024-06-01" in page  # as plain text


def test_stored_script_links_absent_from_brief_html_pdf_and_docx(app):
    from docx import Document
    from pypdf import PdfReader

    _store_script_links(app)
    client = sign_in(app, "ed", "editor")
    url = client.post("/briefs/", data={"title": "Honduras", "subject": "state|HND"}).location
    page = client.get(url).get_data(as_text=True)
    assert "UA HND 7/2024" in page and not SCRIPT_LINK.search(page)
    pdf = client.get(url + ".pdf")
    _assert_hardened(pdf)
    uris = [str(a.get_object()["/A"].get("/URI", "")) for p in PdfReader(io.BytesIO(pdf.data)).pages
            for a in p.get("/Annots", []) if "/A" in a.get_object()]
    assert not [u for u in uris if not u.startswith(("http://", "https://"))]
    docx = client.get(url + ".docx")  # the control characters in the summary do not break it
    assert docx.status_code == 200
    _assert_hardened(docx)
    cells = [c.text for t in Document(io.BytesIO(docx.data)).tables for r in t.rows
             for c in r.cells]
    assert "UA HND 7/2024" in cells and not any("javascript" in c.lower() for c in cells)


# 2. Headers ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/", "/search.json", "/search.csv", "/search.atom", "/states", "/states.csv",
    "/briefs/", "/static/style.css", "/no-such-page", "/no-such-page.json",
    "/communications/999999.json", "/communications/999999",
])
def test_headers_on_every_response(client, path):
    with client.get(path) as response:  # a static file streams until closed
        _assert_hardened(response)


def test_headers_on_server_errors(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    @access(PUBLIC)
    def boom():
        raise RuntimeError("a bug")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    _assert_hardened(response)


def test_templates_need_no_inline_script_or_style():
    """The CSP forbids inline code; a template that needed it would break silently. A
    script file of our own (<script src=… defer></script>, empty) is what it allows."""
    for path in TEMPLATES.rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<script src=\"\{\{ url_for\('static', filename='[\w.-]+\.js'\) \}\}\""
                      r" defer></script>", "", text)
        assert not re.search(r"<script|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", text,
                             re.I), path


# 3. Session cookie --------------------------------------------------------------------


def test_session_cookie_httponly_lax_and_short_lived(app, client):
    response = client.post("/login", data={"username": "x", "password": "y"})  # flashes
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # the test app answers on localhost only, over http
    assert app.permanent_session_lifetime == timedelta(hours=12)


@pytest.mark.parametrize("config, secure", [
    ({"TRUSTED_HOSTS": ["127.0.0.1", "localhost"]}, False),
    ({"TRUSTED_HOSTS": ["tracker.example.org"]}, True),
    ({"TRUSTED_HOSTS": []}, True),
    ({"TRUSTED_HOSTS": ["localhost"], "BASE_URL": "https://tracker.example.org"}, True),
    ({"TRUSTED_HOSTS": ["localhost"], "BASE_URL": "http://127.0.0.1:5000"}, False),
    ({"TRUSTED_HOSTS": ["localhost"], "PREFERRED_URL_SCHEME": "https"}, True),
    ({"TRUSTED_HOSTS": ["tracker.example.org"], "SESSION_COOKIE_SECURE": False}, False),
])
def test_session_cookie_secure_unless_local_http(config, secure):
    assert cookie_secure(config) is secure


def test_session_cookie_secure_behind_https(app):
    app2 = create_app({"TESTING": True, "DATABASE_URL": app.config["DATABASE_URL"],
                       "WTF_CSRF_ENABLED": False, "BASE_URL": "https://tracker.example.org"})
    client = app2.test_client()
    response = client.post("/login", data={"username": "x", "password": "y"},
                           headers={"Host": "tracker.example.org"})
    assert "; Secure" in response.headers["Set-Cookie"]
    app2.extensions["tracker"]["engine"].dispose()


# 4. Host header -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search.atom", "/search.json", "/no-such-page"])
def test_forged_host_is_refused(client, path):
    response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil" not in response.get_data(as_text=True)
    _assert_hardened(response)


def test_base_url_builds_every_absolute_link(app):
    comm_id = _store_script_links(app)
    app2 = create_app({"TESTING": True, "DATABASE_URL": app.config["DATABASE_URL"],
                       "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"],
                       "BASE_URL": "https://tracker.example.org/gt/"})
    client = app2.test_client()
    feed = client.get("/search.atom?q=defender").get_data(as_text=True)
    links = re.findall(r'href="([^"]+)"', feed)
    assert links and all(u.startswith("https://tracker.example.org/gt/") for u in links)
    assert f"https://tracker.example.org/gt/communications/{comm_id}" in links
    rows = client.get("/search.json?q=defender").get_json()["rows"]
    assert rows[0]["page"] == f"https://tracker.example.org/gt/communications/{comm_id}"
    # its host is trusted; others are still refused
    assert client.get("/", headers={"Host": "tracker.example.org"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    app2.extensions["tracker"]["engine"].dispose()


def test_base_url_must_be_http(tmp_path, monkeypatch):
    from tracker import ConfigError

    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="BASE_URL"):
        create_app({"TESTING": True, "BASE_URL": "javascript:alert(1)"})


# 5. Download names --------------------------------------------------------------------


def test_attachment_name_cannot_add_a_parameter():
    header = attachment('A/HRC/RES/1"; filename=evil.html', "csv")["Content-Disposition"]
    value, params = parse_options_header(header)
    assert value == "attachment" and header.count("filename=") == 1
    assert params["filename"] == "A-HRC-RES-1-filename-evil.html.csv"
    accented = attachment("brief-3-Genève défenseuses", "pdf")["Content-Disposition"]
    assert "filename=brief-3-Geneve-defenseuses.pdf" in accented
    assert "filename*=UTF-8''brief-3-Gen%C3%A8ve-d%C3%A9fenseuses.pdf" in accented


def test_resolution_csv_symbol_cannot_inject_a_filename(app, client):
    symbol = 'A/HRC/RES/1"; filename=evil.html'
    with app.app_context(), Session(get_engine()) as s:
        s.add(Resolution(body="HRC", symbol=symbol, title="A test resolution"))
        s.commit()
    response = client.get("/resolutions/" + quote(symbol) + ".csv")
    assert response.status_code == 200
    header = response.headers["Content-Disposition"]
    assert header.count("filename=") == 1 and '"' not in header
    assert parse_options_header(header)[1]["filename"].endswith(".csv")


# 6. XML -------------------------------------------------------------------------------


def test_xml_safe_drops_what_xml_forbids():
    assert xml_safe("a\x00b\x01c\x0bd\x1fe\tf\ng\rh\ufffei😀") == "abcde\tf\ng\rhi😀"


def test_feed_parses_as_xml_with_control_characters_in_summaries(app, client):
    _store_script_links(app)
    body = client.get("/search.atom?q=defender").data
    root = etree.fromstring(body)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:entry/a:summary", namespaces=ns) == (
        "Detention of a defender held in custody")
