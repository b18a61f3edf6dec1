"""Every sentence of the interface is translated; data stays as the UN published it.

Two nets: a scan of every template's source for text that no translation call wraps, and
pages rendered in Spanish and French that must not show an English interface sentence.
"""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from jinja2 import Environment

from tests.conftest import sign_in
from tracker import ROOT

TEMPLATES = ROOT / "templates"

# Templates the search, States/resolutions and briefs/dashboards branches are translating.
# Empty this list as those branches merge: a template left here that passes fails the test
# (strict xfail), so the list cannot outlive its reason.
PENDING_OTHER_BRANCHES: list[str] = []  # every template is translated now

# Not language: file formats, the brand, and text inside <code> (commands, keys).
NOT_LANGUAGE = ("Geneva Tracker", "CSV", "JSON", "PDF", "DOCX", "Word")
TRANSLATING_CALLS = {"_", "gettext", "ngettext", "pgettext", "lazy_gettext"}
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "label"}
WORD = re.compile(r"[^\W\d_]{2,}")
EXPRESSION = "0"  # what a {{ … }} becomes in the scanned HTML: no letters, parses anywhere


def _is_language(text: str) -> bool:
    for token in NOT_LANGUAGE:
        text = text.replace(token, " ")
    return bool(WORD.search(text))


def _looks_like_prose(literal: str) -> bool:
    """A string literal in an expression that a reader would see: words with a space, or a
    capitalised word. Codes ('awaiting', 'search.index', 'AL') and formats are not."""
    words = WORD.findall(literal)
    if not words or not _is_language(literal):
        return False
    return " " in literal.strip() or any(w[0].isupper() and not w.isupper() for w in words)


def _template_parts(source: str) -> tuple[str, list[tuple[int, str]]]:
    """Split a template into the HTML a reader sees (expressions replaced) and the string
    literals of its expressions that no translation call wraps."""
    html, literals = [], []
    tokens = [t for t in Environment(autoescape=True).lex(source)
              if t[1] != "whitespace"]
    in_trans = False
    calls: list[bool] = []  # per open parenthesis: is it a translation call?
    for i, (lineno, kind, value) in enumerate(tokens):
        before = tokens[i - 1] if i else (0, "", "")
        after = tokens[i + 1] if i + 1 < len(tokens) else (0, "", "")
        if kind == "data":
            html.append(EXPRESSION if in_trans else value)
        elif kind == "name" and before[1] == "block_begin":
            if value == "trans":
                in_trans = True
            elif value == "endtrans":
                in_trans = False
        elif kind == "variable_begin":
            html.append(EXPRESSION)
        elif kind == "operator" and value == "(":
            calls.append(before[1] == "name" and before[2] in TRANSLATING_CALLS)
        elif kind == "operator" and value == ")" and calls:
            calls.pop()
        elif kind == "string" and not any(calls):
            value = value[1:-1]  # the raw token keeps its quotes
            is_key = (before[2] == "[" and after[2] == "]") or after[2] == ":"
            shown = before[2] in ("or", "else") or after[2] == "if"  # `x or 'undated'`
            if not is_key and (_looks_like_prose(value) or shown and _is_language(value)):
                literals.append((lineno, value))
    return "".join(html), literals


class _Reader(HTMLParser):
    """Collect the text and readable attributes of an HTML page, outside <code>."""

    SKIPPED = {"code", "script", "style", "kbd", "samp"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        attrs = dict(attrs)
        for name in READ_ATTRIBUTES & attrs.keys():
            self.found.append(f'{name}="{attrs[name]}"')
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.found.append(f'value="{attrs.get("value") or ""}"')

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.found.append(data.strip())


def untranslated(source: str) -> list[str]:
    """The interface text of a template that reaches the reader untranslated."""
    html, literals = _template_parts(source)
    reader = _Reader()
    reader.feed(html)
    texts = [t for t in reader.found if _is_language(t.split("=", 1)[-1] if "=\"" in t else t)]
    return texts + [f"line {n}: {literal!r}" for n, literal in literals]


def _templates():
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix in (".html", ".xml"):
            name = path.relative_to(TEMPLATES).as_posix()
            marks = [pytest.mark.xfail(strict=True, reason="another branch translates it")] \
                if name in PENDING_OTHER_BRANCHES else []
            yield pytest.param(path, id=name, marks=marks)


@pytest.mark.parametrize("path", list(_templates()))
def test_template_has_no_untranslated_text(path: Path):
    assert untranslated(path.read_text(encoding="utf-8")) == []


def test_untranslated_finds_text_attributes_and_literals():
    source = ('<h1>Hello</h1><p title="A tip">{{ _("Fine") }}</p>'
              '<input type="submit" value="Send"><code>tracker check</code> JSON · 3'
              "{{ x or 'not given' }}{{ d['a key'] }}{{ y or 'undated' }}"
              "{% trans %}Also fine{% endtrans %}")
    found = untranslated(source)
    assert found[:3] == ["Hello", 'title="A tip"', 'value="Send"']
    assert found[3].endswith("'not given'") and found[4].endswith("'undated'")
    assert len(found) == 5


def test_pending_list_names_real_templates():
    for name in PENDING_OTHER_BRANCHES:
        assert (TEMPLATES / name).is_file(), name


# --- pages in Spanish and French -----------------------------------------------------------

@functools.cache
def _interface_sentences() -> tuple[str, ...]:
    """English msgids of the templates and views that differ in translation: phrases of
    two words or more, so a word of the data ("State") cannot be taken for one. Vocabulary
    from tracker/data (mandate titles, regions) is left out: summaries quote it."""
    with open(ROOT / "tracker/translations/es/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f, locale="es")
    sentences = []
    for m in catalog:
        if not m.id or isinstance(m.id, tuple) or m.string == m.id or "%(" in m.id:
            continue
        where = {path for path, _ in m.locations}
        if any(p.startswith(("tracker/data/", "tracker/groups.py", "tracker/vocabulary.py",
                             "tracker/reference.py")) for p in where):
            continue
        if len(m.id.split()) >= 2:
            sentences.append(m.id)
    assert len(sentences) > 100
    return tuple(sentences)


def _visible_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    return " ".join(" ".join(reader.found).split())


# page -> the template that renders it, so a page of a pending template is not yet held to it
PAGES = {"/": "search/index.html", "/states": "states/index.html",
         "/states/GBR": "states/show.html", "/resolutions/": "resolutions/index.html",
         "/dashboards/": "dashboards/index.html", "/login": "account/login.html",
         "/no-such-page": "error.html", "communication": "communications/show.html",
         "/quality/": "quality/index.html", "/account/": "account/show.html",
         "/admin/audit": "admin/audit.html", "/admin/users": "admin/users.html",
         "/briefs/": "briefs/index.html", "/review/": "review/index.html",
         "review": "review/show.html", "/cases/": "cases/index.html",
         "/cases/new": "cases/form.html", "/cases/retention": "cases/retention.html",
         "/admin/vocabulary/": "admin/vocabulary.html"}
STAFF_PAGES = {"/quality/", "/account/", "/admin/audit", "/admin/users", "/briefs/",
               "/review/", "review", "/cases/", "/cases/new", "/cases/retention",
               "/admin/vocabulary/"}


def _pages():
    for page, template in PAGES.items():
        for lang in ("es", "fr"):
            marks = [pytest.mark.xfail(reason="another branch translates it")] \
                if template in PENDING_OTHER_BRANCHES else []
            yield pytest.param(page, lang, id=f"{page}-{lang}", marks=marks)


@pytest.fixture(scope="module")
def admin(loaded_app):
    return sign_in(loaded_app, "i18n-admin", "admin")


@pytest.fixture(scope="module")
def communication_page(loaded_app):
    from sqlmodel import Session, select

    from tracker.db import get_engine
    from tracker.models import Communication

    with loaded_app.app_context(), Session(get_engine()) as s:
        return f"/communications/{s.exec(select(Communication.id)).first()}"


@pytest.mark.parametrize(("page", "lang"), list(_pages()))
def test_page_shows_no_english_interface_sentence(loaded_app, admin, communication_page,
                                                  page, lang):
    client = admin if page in STAFF_PAGES else loaded_app.test_client()
    page = {"communication": communication_page,
            "review": communication_page.replace("/communications/", "/review/")
            }.get(page, page)
    english = _visible_text(client.get(page, query_string={"lang": "en"}).text)
    shown = _visible_text(client.get(page, query_string={"lang": lang}).text)
    on_page = [s for s in _interface_sentences() if _contains(english, s)]
    assert on_page  # the list reaches the page at all
    assert [s for s in on_page if _contains(shown, s)] == []


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def test_error_page_is_translated_and_keeps_our_reason(loaded_app):
    client = loaded_app.test_client()
    page = client.get("/no-such-page?lang=es")
    assert page.status_code == 404 and "Página no encontrada" in page.text
    assert "No hay ninguna página en esta dirección" in page.text
    page = client.get("/states/ZZZ?lang=fr")
    assert "Aucun État ne porte ce code." in page.text and "Page introuvable" in page.text
    assert client.get("/states/ZZZ.json?lang=fr").json["error"] == "Not Found"


def test_state_header_names_its_subregion_in_the_pages_language(loaded_app):
    page = _visible_text(loaded_app.test_client().get("/states/GBR?lang=fr").text)
    assert "Europe septentrionale" in page and "Northern Europe" not in page


def test_labels_translate_vocabulary_and_pass_data_through(loaded_app):
    from tracker.vocabulary import label

    with loaded_app.test_request_context("/?lang=es"):
        assert label("African Group", "group") == "Grupo de los Estados de África"
        assert label("JUA", "type") == "Llamamiento urgente conjunto"
        assert label("awaiting", "reply") == "a la espera de respuesta"
        assert label("not coded", "women") == "sin codificar"
        assert label("Sub-Saharan Africa", "region") == "África subsahariana"
        assert label("Special Rapporteur on the right to privacy", "mandate") == (
            "Relator Especial sobre el derecho a la privacidad")
        assert label("A region I imported", "region") == "A region I imported"
        assert label("France", "state") == "France"
        assert label("2019", "year") == "2019"
    with loaded_app.test_request_context("/?lang=fr"):
        assert label("M49 regions", "scheme") == "Régions M49"


def test_reference_vocabulary_is_in_the_catalogue():
    """A mandate or region added to tracker/data must reach the catalogues."""
    import csv

    with open(ROOT / "tracker/translations/fr/LC_MESSAGES/messages.po", "rb") as f:
        known = {m.id for m in read_po(f, locale="fr") if m.string}
    for name, columns in (("mandates.csv", ("full_name", "site_label", "short_name")),
                          ("states.csv", ("un_group", "m49_region", "m49_subregion",
                                          "m49_intermediate", "hrd_region"))):
        with open(ROOT / "tracker/data" / name, encoding="utf-8") as f:
            values = {row[c] for row in csv.DictReader(f) for c in columns if row[c]}
        assert values - known == set(), name
