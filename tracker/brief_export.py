"""Briefs as files: PDF through WeasyPrint, DOCX through python-docx (charts as PNG).

Rendering is the costly part (seconds, hundreds of MB for a long brief), so each file is
kept under EXPORTS_DIR and served again while nothing it shows has changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

from docx import Document
from docx.shared import Cm, Mm, Pt
from flask_babel import gettext as _
from flask_babel import ngettext

from scrapers.text import http_url, xml_safe
from tracker.brief_cases import CaseFigures
from tracker.briefs import BriefData
from tracker.cases import STATUSES
from tracker.models import Brief
from tracker.sr_tables import lines, percent_text, row_label
from tracker.vocabulary import label as vocabulary_label
from tracker.vote_words import kind_word, outcome_word, stance_phrase

STATIC = Path(__file__).resolve().parent / "static"


def _local_only(url: str):
    """Serve our own stylesheets from disk; fetch nothing else (links in scraped text
    must never make the server reach out)."""
    path = urlsplit(url).path
    if path.startswith("/static/"):
        target = (STATIC / path.removeprefix("/static/")).resolve()
        if target.is_relative_to(STATIC) and target.is_file():
            from weasyprint.urls import URLFetcherResponse

            mime = "text/css" if target.suffix == ".css" else "application/octet-stream"
            return URLFetcherResponse(url, body=target.read_bytes(),
                                      headers={"Content-Type": mime})
    raise ValueError(f"not fetched while printing: {url}")


def to_pdf(html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=_local_only).write_pdf()


def _png(svg: str) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=1400)


def _hyperlink(paragraph, url: str, text: str) -> None:
    """Append a clickable link: python-docx has no call for one, so it is built in XML."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0B5394")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([style, color, underline])
    run.append(props)
    node = OxmlElement("w:t")
    node.text = xml_safe(text)
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _linked(cell, url: str | None, text: str) -> None:
    """Write text into a table cell, as a link when the URL is http(s)."""
    paragraph = cell.paragraphs[0]
    safe = http_url(url)
    if safe:
        _hyperlink(paragraph, safe, text)
    else:
        paragraph.add_run(xml_safe(text))


def _a4(doc) -> None:
    """A4 with the PDF's margins: python-docx's template is US Letter."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(18)
        section.left_margin = section.right_margin = Mm(16)


def _table(doc, headings):
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    return table


def fetched_line(data: BriefData) -> str:
    """When each source was last fetched, in one sentence of the interface language."""
    from tracker.freshness import label

    if not data.fetched:
        return _("No source has been fetched yet.")
    return _("Sources last fetched: %(list)s.", list="; ".join(
        f"{label(kind)} {day}" for kind, day in data.fetched))


def _sr_tables(doc, data: BriefData, list_url: Callable[..., str] | None) -> None:
    """The Special Rapporteur's tables of the brief's letters, each count a link to them."""
    tables = data.tables
    parts = [(_("Communications by attack type"), _("Attack type"), tables["attacks"]),
             (_("Communications by perpetrator"), _("Perpetrator"), tables["perpetrators"])]
    if data.shows_regions:
        parts.insert(0, (_("Communications by region, with the share involving women"),
                         _("Region"), tables["regions"]))
    for title, heading, table in parts:
        doc.add_heading(title, level=2)
        regional = table.kind == "regions"
        if not regional and not table.coded:
            doc.add_paragraph(_("No communication in this selection is coded yet."))
            continue
        if not regional:
            doc.add_paragraph(
                ngettext("Percentages are of the %(num)d coded communication.",
                         "Percentages are of the %(num)d coded communications.", table.coded)
                + " "
                + _("A letter can report several, so the rows add up to more than the letters "
                    "and the percentages to more than 100."))
        # "%%" as the page's templates write it; `% {}` makes it "%" here too.
        headings = [heading, _("Communications"),
                    (_("%% of all") if regional else _("%% of coded")) % {},
                    _("Involving women"), _("%% of coded for women") % {}]
        # A code's letters are coded by definition: the letters not yet coded are a row.
        cells = _table(doc, [*headings, _("Not yet coded")] if regional else headings)
        for row in lines(table):
            percent = table.percent(row)
            out = cells.add_row().cells
            out[0].text = xml_safe(row_label(row))
            if list_url and row.count:
                _linked(out[1], list_url(**row.narrow), str(row.count))
            else:
                out[1].text = str(row.count)
            out[2].text = percent_text(percent)
            out[3].text = str(row.women) if row.women_coded else "–"
            out[4].text = percent_text(row.women_share)
            if regional:
                out[5].text = str(row.uncoded)


def to_docx(brief: Brief, data: BriefData, charts: dict[str, str], links: dict[str, str],
            list_url: Callable[..., str] | None = None, *, internal: bool = False,
            cases: CaseFigures | None = None, state_url: str | None = None) -> bytes:
    """A Word document on A4 with headings, tables, links and the charts as images.

    Every text passes through xml_safe: DOCX is XML, and one control character in a
    scraped summary or a typed section would make python-docx refuse the whole brief.
    """
    t = xml_safe
    doc = Document()
    _a4(doc)
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    if internal:  # in the page header, so a page printed alone still says it
        for section in doc.sections:
            section.header.paragraphs[0].text = internal_label()
        doc.add_paragraph(internal_label()).runs[0].bold = True
    doc.add_heading(t(brief.title), level=0)
    doc.add_paragraph(t(subject_line(brief, data)))
    doc.add_paragraph(t(fetched_line(data) + " "
                        + _("Every figure and item links to its UN source.")))
    for heading, text in ((_("Context"), brief.context),
                          (_("Talking points"), brief.talking_points), (_("Asks"), brief.asks)):
        if text.strip():
            doc.add_heading(heading, level=1)
            for para in text.strip().split("\n"):
                doc.add_paragraph(t(para))
    doc.add_heading(_("Headline figures"), level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in figure_rows(data):
        row = table.add_row().cells
        row[0].text, row[1].text = t(label), t(value)
    if internal:
        doc.add_heading(_("Our cases"), level=1)
        doc.add_paragraph(cases_note(cases))
        if cases is not None:
            table = doc.add_table(rows=0, cols=2)
            table.style = "Light Grid Accent 1"
            for label, value in case_rows(cases):
                row = table.add_row().cells
                row[0].text, row[1].text = t(label), t(value)
    for title, svg in charts.items():
        doc.add_heading(t(title), level=2)
        doc.add_picture(io.BytesIO(_png(svg)), width=Cm(17))
    if data.communications:
        doc.add_heading(_("Communications"), level=1)
        if data.tables:
            _sr_tables(doc, data, list_url)
            doc.add_heading(_("The letters"), level=2)
        table = _table(doc, (_("Reference"), _("Date"), _("Addressee"), _("Reply"),
                             _("Summary")))
        for c in data.communications:
            row = table.add_row().cells
            _linked(row[0], c.url, c.reference)
            row[1].text = t(c.date or "")
            row[2].text = t(c.addressee or "")
            row[3].text = _("received") if c.replied else _("awaited")
            row[4].text = t(c.summary[:400])
    if data.resolutions or data.resolutions_outside:
        doc.add_heading(_("Resolutions"), level=1)
        note = resolutions_note(data)
        if note:
            paragraph = doc.add_paragraph(note + " ")
            if http_url(state_url):
                _hyperlink(paragraph, state_url, _("all resolutions"))
        for r in data.resolutions:
            doc.add_heading(t(f"{r.symbol}: {r.title}"), level=2)
            if r.status:
                doc.add_paragraph(t(_("Status: %(status)s", status=status_label(r.status))))
            paragraph = doc.add_paragraph(_("Source:") + " ")
            url = http_url(links.get(r.symbol))
            if url:
                _hyperlink(paragraph, url, r.symbol)
            else:
                paragraph.add_run(t(r.symbol))
            missing = dict(r.not_sponsoring)
            headings = [_("Regional group"), _("Final sponsors"), _("Members")]
            table = _table(doc, (*headings, _("Not sponsoring")) if missing else headings)
            for region, sponsors, members in r.gaps:
                row = table.add_row().cells
                row[0].text, row[1].text, row[2].text = t(region), str(sponsors), str(members)
                if missing:
                    row[3].text = t(", ".join(missing.get(region, [])))
    if data.votes:
        _votes(doc, data, links)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _votes(doc, data: BriefData, links: dict[str, str]) -> None:
    """The brief's recorded votes, as the page shows them."""
    t = xml_safe
    doc.add_heading(_("Recorded votes"), level=1)
    last = {"state": _("Its vote"), "resolution": None}.get(data.subject_kind,
                                                             _("Against the text"))
    headings = [_("Vote on"), _("Date"), _("Outcome"), _("For–against–abstained")]
    table = _table(doc, [*headings, last] if last else headings)
    for v in data.votes:
        row = table.add_row().cells
        _linked(row[0], links.get(v.page or ""), t(f"{v.symbol} ({kind_word(v.kind)})"))
        row[0].add_paragraph(t(v.title))
        row[1].text = v.date or _("not recorded")
        row[2].text = outcome_word(v.outcome)
        row[3].text = (f"{v.totals.get('Y', 0)}–{v.totals.get('N', 0)}–{v.totals.get('A', 0)}"
                       if "Y" in v.totals else _("without a vote"))
        if data.subject_kind == "state":
            row[4].text = vocabulary_label(v.state_vote, "vote")
        elif last:
            row[4].text = t(", ".join(v.against) or "—")
    if data.stances:
        doc.add_heading(_("Sponsors beside their votes"), level=2)
        for name, line in data.stances:
            doc.add_paragraph(t(f"{name}: {stance_phrase(line, data.vote_recorded)}"),
                              style="List Bullet")


def cached_export(folder: str | Path, *, brief: Brief, fmt: str, lang: str, data: BriefData,
                  base_url: str, render: Callable[[], bytes], extra=None) -> bytes:
    """The file for this version, language and format, rendered once and then read from disk.

    A new version names a new file. The digest covers what else the file shows: the data,
    which moves with each scrape while the version stays, the host its links point to, and
    `extra` (an internal brief's case figures, which move without a new version).
    Older files of the same format and language are removed, so a brief keeps a handful.
    """
    digest = hashlib.sha256(json.dumps([asdict(data), base_url, extra], default=str,
                                       sort_keys=True).encode()).hexdigest()[:16]
    folder = Path(folder) / str(brief.id)
    path = folder / f"v{brief.version}-{lang}-{digest}.{fmt}"
    if path.is_file():
        return path.read_bytes()
    body = render()
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(body)
    partial.replace(path)  # atomic: a reader sees the whole file or none
    for old in folder.glob(f"v*-{lang}-*.{fmt}"):
        if old != path:
            old.unlink(missing_ok=True)
    return body


def share(part: int | None, coded: int) -> str:
    if part is None:
        return _("not yet coded")
    return _("%(part)d of %(coded)d coded (%(percent)d %%)", part=part, coded=coded,
             percent=round(100 * part / coded))


def resolutions_note(data: BriefData) -> str:
    """What a State's brief does not list of its resolutions, in numbers: the State's page,
    linked after this line, lists every one."""
    if data.subject_kind != "state":
        return ""
    parts = []
    shown = len(data.resolutions)
    if data.resolutions_total > shown:
        parts.append(_("The %(shown)d most recent of the %(total)d resolutions in the brief are "
                       "listed, newest first; %(more)d more are not shown.", shown=shown,
                       total=data.resolutions_total, more=data.resolutions_total - shown))
    if data.resolutions_outside:
        parts.append(ngettext("%(num)d resolution falls outside the brief’s period.",
                              "%(num)d resolutions fall outside the brief’s period.",
                              data.resolutions_outside))
    if parts:
        parts.append(_("The State’s page lists every one:"))
    return " ".join(parts)


def status_label(status: str) -> str:
    """A State's sponsorship status of a resolution, in the interface language: a
    resolution's codes, or a State's profile's words (tracker.profiles.STATUS), whose
    translations templates/states/show.html lists."""
    return {"main": _("main sponsor"), "co": _("co-sponsor"), "withdrew": _("withdrew"),
            "never": _("not a sponsor"), "not a member": _("not a UN member on the day")
            }.get(status) or _(status)


def subject_line(brief: Brief, data: BriefData) -> str:
    """The subject and the period, as the brief's first line says them."""
    if not (brief.period_start or brief.period_end):
        return data.subject_label
    return _("%(subject)s · %(start)s to %(end)s", subject=data.subject_label,
             start=brief.period_start.isoformat() if brief.period_start else "…",
             end=brief.period_end.isoformat() if brief.period_end else _("today"))


def figure_rows(data: BriefData) -> list[tuple[str, str]]:
    """The headline figures: letters for most subjects, sponsors for a resolution."""
    if data.subject_kind == "resolution":
        rows = []
        for r in data.resolutions:
            sponsors = sum(n for _region, n, _m in r.gaps)
            members = sum(m for _region, _n, m in r.gaps)
            rows += [(_("Final sponsors"), str(sponsors)),
                     (_("UN members on the day"), str(members)),
                     (_("Members not sponsoring"), str(members - sponsors))]
        return rows
    rows = [(_("Communications sent"), str(data.total))]
    rows += [(_("  of which %(type)s", type=t), str(n)) for t, n in data.by_type]
    rows += [(_("Replies received"), str(data.replied)),
             (_("Replies awaited"), str(data.awaiting)),
             (_("Concerning women"), share(data.women, data.coded_women)),
             (_("Concerning women human rights defenders"), share(data.whrd, data.coded_whrd))]
    return rows


def internal_label() -> str:
    return _("Internal: not for distribution")


def case_value(value: int | None, below: int) -> str:
    return _("fewer than %(n)d", n=below) if value is None else str(value)


def cases_note(cases: CaseFigures | None) -> str:
    if cases is None:
        return _("A brief about a resolution shows no case figures.")
    return _("The organisation's cases for this subject, counted; no figure below %(n)d is "
             "shown, nor a total from which one could be worked out. No case is named.",
             n=cases.below)


def case_rows(cases: CaseFigures) -> list[tuple[str, str]]:
    """The case figures as label and value, suppressed ones in words."""
    # The total is hidden when any part is, however large it is: "fewer than 5" would lie.
    total = (_("not shown: a part is fewer than %(n)d", n=cases.below) if cases.total is None
             else str(cases.total))
    rows = [(_("Cases"), total)]
    rows += [(_("  of which %(status)s", status=_(STATUSES[s])), case_value(n, cases.below))
             for s, n in cases.by_status]
    rows.append((_("Awaiting a reply past the deadline"), case_value(cases.overdue,
                                                                     cases.below)))
    return rows
