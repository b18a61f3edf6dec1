import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.db import get_engine
from tracker.importers import import_files, sample_files
from tracker.ingest import Tally
from tracker.models import Brief, BriefVersion

from .conftest import SAMPLES, sign_in

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture
def samples_app(app):
    with app.app_context():
        engine = get_engine()
        import_files(sample_files(SAMPLES), lambda: Session(engine, expire_on_commit=False),
                     Tally())
    return app


def _hrd_refs():
    data = json.loads((SAMPLES / "ohchr" / "trunorth_latestreports_2026-07-12.json")
                      .read_text(encoding="utf-8"))
    return {f"{r['type']} {r['ref']}" for r in data["communications"]
            if "human rights defenders" in r["mandates"]}


def _new_brief(client, subject="mandate|human-rights-defenders", **extra):
    return client.post("/briefs/", data={"title": "Meeting with the SR on defenders",
                                         "subject": subject, **extra})


def test_brief_for_sr_hrd_lists_exactly_its_communications(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    response = _new_brief(client)
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    listed = set(re.findall(r'>((?:JAL|JUA|AL|UA|OL|JOL) [A-Z]{3} \d+/\d{4})</a></th>', page))
    assert listed == _hrd_refs()
    assert len(listed) == 18
    assert "not yet coded" in page  # women and WHRD shares, never shown as zero
    assert "Sources last fetched" in page


def test_brief_bad_subject_is_explained_and_not_saved(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    response = _new_brief(client, subject="state|XXX")
    page = client.get(response.location).get_data(as_text=True)
    assert "no State with the code" in page
    with samples_app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Brief)).all() == []
    response = _new_brief(client, subject="state|HND", start="2026-02-01", end="2025-01-01")
    assert "the period ends before it starts" in client.get(response.location).get_data(
        as_text=True)


def test_brief_versions_edit_restore_duplicate(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="state|GBR").location
    client.post(url, data={"asks": "Ask the UK to reply to GBR 2/2026.", "note": "asks"})
    client.post(url, data={"asks": "A worse draft."})
    client.post(url + "/versions/2/restore")
    with samples_app.app_context(), Session(get_engine()) as s:
        brief = s.exec(select(Brief)).one()
        assert brief.version == 4 and brief.asks == "Ask the UK to reply to GBR 2/2026."
        notes = [v.note for v in s.exec(select(BriefVersion).order_by(BriefVersion.version))]
    assert notes == ["created", "asks", "edited", "restored version 2"]
    copy = client.post(url + "/duplicate")
    assert "(copy)" in client.get(copy.location).get_data(as_text=True)


def test_brief_refresh_lists_what_changed(samples_app):
    from scrapers.records import CommunicationRecord, ReplyRecord
    from tracker.ingest import store_communications

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="state|GBR").location
    with samples_app.app_context(), Session(get_engine()) as s:
        store_communications(s, [CommunicationRecord(
            type="UA", addressee_code="GBR", number=9, year=2026, date=None,
            addressee_name="United Kingdom", summary="A defender detained.", location="t",
            replies=[ReplyRecord(None, "https://x/reply")])], Tally())
        s.commit()
    page = client.get(url).get_data(as_text=True)
    assert "new communication UA GBR 9/2026" in page
    client.post(url + "/refresh")
    with samples_app.app_context(), Session(get_engine()) as s:
        last = s.exec(select(BriefVersion).order_by(BriefVersion.version.desc())).first()
    assert last.note.startswith("refreshed: new communication UA GBR 9/2026")


def test_brief_pdf_holds_figures_references_citations(samples_app):
    from pypdf import PdfReader

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    response = client.get(url + ".pdf")
    assert response.mimetype == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    assert "Headline figures" in text and "Communications sent" in text
    assert "JAL AUS 2/2026" in text and "Sources last fetched" in text
    assert "not yet coded" in text
    if shutil.which("pdftoppm"):
        SCREENSHOTS.mkdir(exist_ok=True)
        pdf = SCREENSHOTS / "brief.pdf"
        pdf.write_bytes(response.data)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf),
                        str(SCREENSHOTS / "brief-page-1")], check=True, timeout=60)
        assert (SCREENSHOTS / "brief-page-1.png").stat().st_size > 10_000


def test_brief_docx_has_headings_tables_and_chart(samples_app):
    from docx import Document

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    response = client.get(url + ".docx")
    doc = Document(io.BytesIO(response.data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Headline figures" in headings and "Communications" in headings
    assert len(doc.tables) >= 2
    assert len(doc.inline_shapes) >= 1  # the chart, as a PNG
    letters = next(t for t in doc.tables if t.rows[0].cells[0].text == "Reference")
    refs = {row.cells[0].text.split("\n")[0] for row in letters.rows[1:]}
    assert refs == _hrd_refs()


def test_brief_forms_need_a_csrf_token(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    samples_app.config["WTF_CSRF_ENABLED"] = True
    assert _new_brief(client).status_code == 400
    page = client.get("/briefs/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert _new_brief(client, csrf_token=token).status_code == 302


def test_brief_fields_past_their_limit_are_refused_and_kept(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    long = "é" * 20_001
    response = client.post(url, data={"context": long, "asks": "Ask.", "note": "long"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Context has 20,001 characters, at most 20,000. Nothing was saved." in page
    assert f">{long}</textarea>" in page  # the writer's text comes back to shorten
    assert 'maxlength="20000"' in page
    with samples_app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Brief)).one().version == 1
    assert client.post(url, data={"context": long[1:]}).status_code == 302


def test_brief_text_with_a_nul_character_answers_400(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    assert client.post(url, data={"context": "a\x00b"}).status_code == 400


def test_brief_fields_past_their_lines_are_refused(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    response = client.post(url, data={"talking_points": "x\r\n" * 500})
    assert response.status_code == 400
    assert "Talking points has 501 lines, at most 500" in response.get_data(as_text=True)
    assert client.post(url, data={"talking_points": "x\r\n" * 499 + "x"}).status_code == 302


def test_brief_title_past_its_limit_is_refused(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    response = _new_brief(client, title="t" * 201)
    assert "The title has 201 characters, at most 200" in client.get(
        response.location).get_data(as_text=True)


def test_brief_copy_of_a_longest_title_stays_editable(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, title="t" * 200).location
    copy = client.post(url + "/duplicate").location
    with samples_app.app_context(), Session(get_engine()) as s:
        title = s.get(Brief, int(copy.rsplit("/", 1)[1])).title
    assert len(title) == 200 and title.endswith(" (copy)")
    assert client.post(copy, data={"title": title}).status_code == 302


def test_brief_request_past_max_content_length_answers_413(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    response = client.post(url, data={"context": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert "larger than the 2 MB this site accepts" in response.get_data(as_text=True)


def test_brief_exports_render_once_per_version_language_and_data(samples_app, monkeypatch):
    from scrapers.records import CommunicationRecord
    from tracker.ingest import store_communications
    from tracker.views import briefs as views

    rendered = []
    for name in ("to_pdf", "to_docx"):
        original = getattr(views, name)
        monkeypatch.setattr(views, name, lambda *a, _f=original, _n=name, **k: (
            rendered.append(_n), _f(*a, **k))[1])
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="state|GBR").location
    first = client.get(url + ".pdf").data
    assert client.get(url + ".pdf").data == first
    client.get(url + ".docx")
    client.get(url + ".docx")
    assert rendered == ["to_pdf", "to_docx"]
    folder = Path(samples_app.config["EXPORTS_DIR"]) / url.rsplit("/", 1)[1]
    assert sorted(p.name.split("-")[0] + p.suffix for p in folder.iterdir()) == [
        "v1.docx", "v1.pdf"]
    client.get(url + ".docx?lang=fr")  # a language is a file of its own
    client.post(url, data={"asks": "Ask."})  # a new version
    client.get(url + ".docx?lang=en")
    with samples_app.app_context(), Session(get_engine()) as s:  # new data, same version
        store_communications(s, [CommunicationRecord(
            type="UA", addressee_code="GBR", number=9, year=2026, date=None,
            addressee_name="United Kingdom", summary="A defender detained.", location="t")],
            Tally())
        s.commit()
    client.get(url + ".docx?lang=en")
    assert rendered == ["to_pdf", "to_docx", "to_docx", "to_docx", "to_docx"]
    names = sorted(p.name for p in folder.glob("*.docx"))
    assert [n.split("-")[:2] for n in names] == [["v1", "fr"], ["v2", "en"]]  # old ones gone


def _pdf_links(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [annot.get_object()["/A"]["/URI"] for page in PdfReader(io.BytesIO(data)).pages
            for annot in page.get("/Annots") or [] if "/A" in annot.get_object()]


def test_brief_pdf_links_to_sources_and_uses_the_page_width(samples_app):
    from pypdf import PdfReader

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    pdf = client.get(url + ".pdf").data
    links = _pdf_links(pdf)
    assert sum(link.startswith("https://spcommreports.ohchr.org/") for link in links) == 18
    # 18 letters on the full A4 width, compact: two or three pages, not ten
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 3
    resolution = _new_brief(client, subject="resolution|A/RES/68/181").location
    assert any(link.startswith("http://localhost/resolutions/A/RES/68/181")
               for link in _pdf_links(client.get(resolution + ".pdf").data))


def test_brief_docx_is_a4_with_addressees_and_hyperlinks(samples_app):
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    doc = Document(io.BytesIO(client.get(url + ".docx").data))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Reference")
    assert [c.text for c in table.rows[0].cells] == [
        "Reference", "Date", "Addressee", "Reply", "Summary"]
    assert "Australia" in {row.cells[2].text for row in table.rows[1:]}
    assert {row.cells[0].text for row in table.rows[1:]} == _hrd_refs()  # no bare URL
    targets = [r.target_ref for r in doc.part.rels.values()
               if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert sum(t.startswith("https://spcommreports.ohchr.org/") for t in targets) == 18
    assert len(table._tbl.xpath(".//w:hyperlink")) == 18


def test_brief_list_names_the_mandate_not_its_slug(samples_app):
    client = sign_in(samples_app, "editor", "editor")
    _new_brief(client)
    page = client.get("/briefs/").get_data(as_text=True)
    row = page[page.index("Meeting with the SR on defenders"):]
    row = row[:row.index("</tr>")]
    assert "human rights defenders" in row and "human-rights-defenders" not in row


def test_brief_for_a_resolution_names_the_states_not_sponsoring(samples_app):
    from docx import Document

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="resolution|A/RES/68/181").location
    page = client.get(url).get_data(as_text=True)
    assert "Communications sent" not in page
    assert "Final sponsors" in page and "Not sponsoring" in page
    african = page[page.index("<th scope=\"row\">African Group</th>"):]
    african = african[:african.index("</tr>")]
    assert "Nigeria" in african and "South Africa" in african  # 0 of 54 sponsor it
    doc = Document(io.BytesIO(client.get(url + ".docx").data))
    gaps = doc.tables[-1]
    assert gaps.rows[0].cells[3].text == "Not sponsoring"
    assert any("Nigeria" in row.cells[3].text for row in gaps.rows[1:])


def test_brief_delete_is_soft_logged_and_restorable(samples_app):
    from tracker.models import AuditEvent, BriefDeletion

    editor = sign_in(samples_app, "editor", "editor")
    url = _new_brief(editor).location
    brief_id = int(url.rsplit("/", 1)[1])
    viewer = sign_in(samples_app, "viewer", "viewer")
    assert viewer.post(f"/briefs/{brief_id}/delete").status_code == 403
    assert viewer.get("/briefs/deleted").status_code == 403
    assert editor.post(f"/briefs/{brief_id}/delete").status_code == 302
    listed = editor.get("/briefs/").get_data(as_text=True)
    assert "was deleted" in listed  # the notice names it once
    assert f'href="/briefs/{brief_id}"' not in listed
    binned = editor.get("/briefs/deleted").get_data(as_text=True)
    assert "Meeting with the SR on defenders" in binned and "Restore" in binned
    page = editor.get(url).get_data(as_text=True)  # kept, with its versions
    assert "This brief was deleted" in page and "<td>deleted</td>" in page
    with samples_app.app_context(), Session(get_engine()) as s:
        assert s.get(Brief, brief_id) is not None
        assert s.get(BriefDeletion, brief_id).deleted_by == "editor"
        actions = s.exec(select(AuditEvent.action)).all()
        assert "brief-deleted" in actions
    assert editor.post(f"/briefs/{brief_id}/undelete").status_code == 302
    assert f'href="/briefs/{brief_id}"' in editor.get("/briefs/").get_data(as_text=True)
    with samples_app.app_context(), Session(get_engine()) as s:
        assert s.get(BriefDeletion, brief_id) is None
        notes = s.exec(select(BriefVersion.note).where(BriefVersion.brief_id == brief_id)
                       .order_by(BriefVersion.version)).all()
        assert notes == ["created", "deleted", "restored from the deleted briefs"]
        assert "brief-undeleted" in s.exec(select(AuditEvent.action)).all()


def test_brief_says_when_each_source_was_fetched_not_imported(samples_app):
    from docx import Document
    from pypdf import PdfReader

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    expected = ("UN Special Procedures communications 2026-07-12",
                "UNBISnet catalogue of draft resolutions 2015-08-28")
    page = client.get(url).get_data(as_text=True)
    assert all(e in page for e in expected)
    pdf = PdfReader(io.BytesIO(client.get(url + ".pdf").data))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert all(e in text for e in expected)
    doc = Document(io.BytesIO(client.get(url + ".docx").data))
    assert all(any(e in p.text for p in doc.paragraphs) for e in expected)


@pytest.mark.parametrize(("lang", "words"), [
    ("es", ("Cifras principales", "Comunicaciones enviadas", "Destinatario", "Versiones")),
    ("fr", ("Chiffres clés", "Communications envoyées", "Destinataire", "Versions"))])
def test_brief_page_and_exports_speak_the_interface_language(samples_app, lang, words):
    from docx import Document

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client).location
    page = client.get(f"{url}?lang={lang}").get_data(as_text=True)
    assert all(w in page for w in words), [w for w in words if w not in page]
    assert "Headline figures" not in page and "Talking points" not in page
    doc = Document(io.BytesIO(client.get(f"{url}.docx?lang={lang}").data))
    assert words[0] in [p.text for p in doc.paragraphs]


def test_state_brief_lists_its_period_newest_first_and_says_what_it_leaves_out(samples_app,
                                                                               monkeypatch):
    from tracker import briefs
    from tracker.brief_export import resolutions_note
    from tracker.profiles import state_profile
    from tracker.resolutions import resolution_gaps

    with samples_app.test_request_context(), Session(get_engine()) as s:
        records = [r for r in state_profile(s, "GBR").sponsorships if r.resolution]
        assert len({r.day for r in records}) >= 2
        data = briefs.assemble(s, Brief(subject_kind="state", subject="GBR"))
        assert (data.resolutions_total, data.resolutions_outside) == (len(records), 0)
        day = {r.resolution.symbol: r.day for r in records}
        days = [day[r.symbol] for r in data.resolutions]
        assert days == sorted(days, reverse=True)
        for item in data.resolutions:  # the figures of resolution_gaps, one by one
            assert item.gaps == [(g.region, len(g.sponsors), len(g.members))
                                 for g in resolution_gaps(s, item.symbol)]
        assert resolutions_note(data) == ""

        newest = max(day.values())
        dated = Brief(subject_kind="state", subject="GBR", period_start=newest)
        data = briefs.assemble(s, dated)
        inside = [r for r in records if r.day >= newest]
        assert {r.symbol for r in data.resolutions} == {r.resolution.symbol for r in inside}
        assert data.resolutions_outside == len(records) - len(inside) > 0
        assert "outside the brief’s period" in resolutions_note(data)

        monkeypatch.setattr(briefs, "MAX_RESOLUTIONS", 1)
        data = briefs.assemble(s, Brief(subject_kind="state", subject="GBR"))
        assert [r.symbol for r in data.resolutions] == [data.resolutions[0].symbol]
        assert day[data.resolutions[0].symbol] == newest
        assert (f"The 1 most recent of the {len(records)} resolutions in the brief are listed, "
                f"newest first; {len(records) - 1} more are not shown.") in resolutions_note(data)

    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="state|GBR").location
    page = client.get(url).get_data(as_text=True)
    assert f"{len(records) - 1} more are not shown" in page
    assert 'href="http://localhost/states/GBR#resolutions"' in page
    from docx import Document

    document = Document(io.BytesIO(client.get(url + ".docx").data))
    assert any(f"{len(records) - 1} more are not shown" in p.text
               for p in document.paragraphs)
    french = client.get(url + "?lang=fr").get_data(as_text=True)
    assert f"{len(records) - 1} autres ne sont pas affichées" in french


def test_state_brief_says_each_status_in_the_readers_language(samples_app):
    """A State's brief says how it sponsored each resolution in the page's language, on
    the page and in the Word file, as the State's own page does."""
    from docx import Document

    from tracker.profiles import state_profile

    with samples_app.app_context(), Session(get_engine()) as s:
        statuses = {r.status for r in state_profile(s, "GBR").sponsorships if r.resolution}
    assert "did not sponsor" in statuses
    client = sign_in(samples_app, "editor", "editor")
    url = _new_brief(client, subject="state|GBR").location
    french = client.get(url + "?lang=fr").get_data(as_text=True)
    assert "n&#39;était pas auteur" in french and "did not sponsor" not in french
    docx = client.get(url + ".docx?lang=fr").data
    words = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert any("n'était pas auteur" in w for w in words)
    assert not any("did not sponsor" in w for w in words)
