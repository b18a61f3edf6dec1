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
from docx.shared import Cm, Pt

from scrapers.text import http_url, xml_safe
from tracker.briefs import BriefData
from tracker.models import Brief

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


def to_docx(brief: Brief, data: BriefData, charts: dict[str, str], links: dict[str, str]
            ) -> bytes:
    """A Word document with headings, tables and the charts as images.

    Every text passes through xml_safe: DOCX is XML, and one control character in a
    scraped summary or a typed section would make python-docx refuse the whole brief.
    """
    t = xml_safe
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    doc.add_heading(t(brief.title), level=0)
    period = " to ".join(d.isoformat() for d in (brief.period_start, brief.period_end) if d)
    doc.add_paragraph(t(f"Subject: {data.subject_label}" + (f" · Period: {period}" if period
                                                              else "")))
    doc.add_paragraph(t(f"Data last scraped: {data.last_scraped or 'never'}. "
                        "Every item cites its UN source."))
    for heading, text in (("Context", brief.context), ("Talking points", brief.talking_points),
                          ("Asks", brief.asks)):
        if text.strip():
            doc.add_heading(heading, level=1)
            for para in text.strip().split("\n"):
                doc.add_paragraph(t(para))
    doc.add_heading("Headline figures", level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in figure_rows(data):
        row = table.add_row().cells
        row[0].text, row[1].text = t(label), t(value)
    for title, svg in charts.items():
        doc.add_heading(t(title), level=2)
        doc.add_picture(io.BytesIO(_png(svg)), width=Cm(16))
    if data.communications:
        doc.add_heading("Communications", level=1)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, ("Reference", "Date", "Reply", "Summary"),
                              strict=True):
            cell.text = text
        for c in data.communications:
            row = table.add_row().cells
            url = http_url(c.url)
            row[0].text = t(c.reference + (f"\n{url}" if url else ""))
            row[1].text = t(c.date or "")
            row[2].text = "received" if c.replied else "awaited"
            row[3].text = t(c.summary[:400])
    if data.resolutions:
        doc.add_heading("Resolutions", level=1)
        for r in data.resolutions:
            doc.add_heading(t(f"{r.symbol}: {r.title}"), level=2)
            if r.status:
                doc.add_paragraph(t(f"Status: {r.status}"))
            doc.add_paragraph(t(f"Source: {links.get(r.symbol, r.symbol)}"))
            table = doc.add_table(rows=1, cols=3)
            table.style = "Light Grid Accent 1"
            for cell, text in zip(table.rows[0].cells, ("Region", "Final sponsors", "Members"),
                                  strict=True):
                cell.text = text
            for region, sponsors, members in r.gaps:
                row = table.add_row().cells
                row[0].text, row[1].text, row[2].text = t(region), str(sponsors), str(members)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def cached_export(folder: str | Path, *, brief: Brief, fmt: str, lang: str, data: BriefData,
                  base_url: str, render: Callable[[], bytes]) -> bytes:
    """The file for this version, language and format, rendered once and then read from disk.

    A new version names a new file. The digest covers what else the file shows: the data,
    which moves with each scrape while the version stays, and the host its links point to.
    Older files of the same format and language are removed, so a brief keeps a handful.
    """
    digest = hashlib.sha256(json.dumps([asdict(data), base_url], default=str,
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
        return "not yet coded"
    return f"{part} of {coded} coded ({round(100 * part / coded)} %)"


def figure_rows(data: BriefData) -> list[tuple[str, str]]:
    rows = [("Communications sent", str(data.total))]
    rows += [(f"  of which {t}", str(n)) for t, n in data.by_type]
    rows += [("Replies received", str(data.replied)), ("Replies awaited", str(data.awaiting)),
             ("Concerning women", share(data.women, data.coded_women)),
             ("Concerning women human rights defenders", share(data.whrd, data.coded_whrd))]
    return rows
