"""Human Rights Council sessions: OHCHR's table of adopted texts and the session report.

1. OHCHR's per-session page "Resolutions, decisions and President's statements": a
   table with the columns Adopted text | Title | Item | Draft | Action taken, e.g.
   "44/1 | Situation of human rights in Eritrea | 2 | A/HRC/44/L.8 | Adopted by a
   recorded vote (24 to 10, with 13 abstentions), 27th meeting, 16 July 2020". Columns
   are found by their header text. No sponsors there.
2. The session report A/HRC/<n>/2, one paragraph group per draft: "At the 39th meeting,
   on 27 March 2008, the representative of Cuba introduced draft resolution A/HRC/7/L.9,
   sponsored by Cuba and co-sponsored by …. Subsequently, … joined the sponsors." and
   recorded votes printed as "In favour: … Against: … Abstaining: …". Read from text or
   from the report's PDF.
"""

from __future__ import annotations

import io
import re

from bs4 import BeautifulSoup

from scrapers import BadInput, LayoutChanged
from scrapers.records import (
    DraftRecord,
    ResolutionRecord,
    SponsorEvent,
    VoteCastRecord,
    VoteRecord,
)
from scrapers.sponsors import draft_family, draft_revision, split_sponsor_list
from scrapers.text import clean, parse_date

PARSER_VERSION = "1"

_ORDINAL = r"\d+(?:st|nd|rd|th)"
_ACTION_RE = re.compile(
    r"(?P<how>adopted|rejected)(?P<revised>,? as orally revised,?)?\s+"
    r"(?:(?P<without>without a vote)|by (?:a )?(?P<kind>recorded|non-recorded)? ?vote"
    r"(?:\s*(?:of\s*)?\(?\s*(?P<yes>\d+)\s*(?:votes\s*)?to\s*(?P<no>\d+)"
    r"(?:,?\s*with\s*(?P<abst>\d+|no)\s*abstentions?)?\)?)?)",
    re.I)
_MEETING_RE = re.compile(rf"({_ORDINAL}) meeting", re.I)


def parse_action_taken(text: str) -> dict:
    """Read "Adopted by a recorded vote (42 to 1, with 4 abstentions), 39th meeting, 25
    September 2014" into method, tallies, meeting and date; raise BadInput if unreadable."""
    text = clean(text)
    m = _ACTION_RE.search(text)
    if not m:
        raise BadInput(f"cannot read the action taken: {text!r}")
    if m.group("without"):
        method = "without a vote"
    else:
        method = "non-recorded vote" if (m.group("kind") or "").lower() == "non-recorded" \
            else "recorded vote"
    abst = m.group("abst")
    meeting = _MEETING_RE.search(text)
    return {
        "adopted": m.group("how").lower() == "adopted",
        "method": method,
        "orally_revised": bool(m.group("revised")) or "orally revised" in text.lower(),
        "yes": int(m.group("yes")) if m.group("yes") else None,
        "no": int(m.group("no")) if m.group("no") else None,
        "abstain": (0 if abst and abst.lower() == "no" else int(abst)) if abst else
        (0 if m.group("yes") else None),
        "meeting": meeting.group(0) if meeting else None,
        "date": parse_date(text[m.end():]),
    }


def parse_session_table(html: str, session: int, url: str = "<html>"):
    """Parse the adopted-texts table into (resolutions, errors)."""
    soup = BeautifulSoup(html, "lxml")
    for table in soup.find_all("table"):
        header = [clean(th.get_text(" ")).lower() for th in table.find_all("th")]
        if not header:
            first = table.find("tr")
            header = [clean(td.get_text(" ")).lower() for td in first.find_all("td")] \
                if first else []
        cols = {}
        for i, h in enumerate(header):
            for key, word in (("text", "adopted text"), ("title", "title"), ("item", "item"),
                              ("draft", "draft"), ("action", "action")):
                if word in h and key not in cols:
                    cols[key] = i
        if {"text", "title", "action"} <= set(cols):
            break
    else:
        raise LayoutChanged("no table with the columns Adopted text, Title and Action taken",
                            location=url)
    resolutions, errors = [], []
    for n, tr in enumerate(table.find_all("tr"), start=1):
        cells = tr.find_all("td")
        if len(cells) <= max(cols.values()):
            continue
        text = clean(cells[cols["text"]].get_text(" "))
        if not re.match(r"^\d+/\d+", text):
            continue  # header repeated as a row, or a decision's "PRST" line
        where = f"{url} (row {n}, {text})"
        try:
            action = parse_action_taken(cells[cols["action"]].get_text(" "))
        except BadInput as exc:
            errors.append(BadInput(str(exc), location=where))
            continue
        draft = clean(cells[cols["draft"]].get_text(" ")) if "draft" in cols else ""
        kind = "DEC" if "/DEC/" in text.upper() or text.upper().startswith("DEC") else "RES"
        number = re.match(r"^(\d+/\d+)", text).group(1)
        resolutions.append(ResolutionRecord(
            symbol=f"A/HRC/{kind}/{number}", body="HRC", session=str(session),
            title=clean(cells[cols["title"]].get_text(" ")),
            agenda_item=clean(cells[cols["item"]].get_text(" ")) if "item" in cols else None,
            adoption_date=action["date"], adoption_method=action["method"],
            orally_revised=action["orally_revised"], yes=action["yes"], no=action["no"],
            abstain=action["abstain"], meeting=action["meeting"],
            draft_symbols=[d for d in re.findall(r"A/HRC/\d+/L\.\d+(?:/Rev\.\d+)?", draft)],
            location=where))
    return resolutions, errors


# --- the session report ------------------------------------------------------------

_INTRO_RE = re.compile(r"introduced (?:the )?draft (?:resolution|decision) "
                       r"(?P<symbol>A/HRC/\d+/L\.\d+(?:/Rev\.\s?\d+)?)", re.I)
_SPONSORED_RE = re.compile(
    r"sponsored by (?P<main>.+?)(?:,? and co-sponsored by (?P<co>.+?))?\s*\.(?:\s|$)", re.S)
_JOINED_RE = re.compile(r"Subsequently,\s*(?P<list>.+?)\s+joined the sponsors", re.S)
_VOTE_BLOCK_RE = re.compile(
    r"In favour\s*:\s*(?P<yes>.+?)\s*Against\s*:\s*(?P<no>.+?)\s*Abstaining\s*:\s*(?P<abst>.+?)"
    r"(?:\.\s*(?:\n|\d+\.|$)|\n\s*\n|$)", re.S)
_DATE_RE = re.compile(r"on (\d{1,2} \w+ \d{4})")


def _names(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;")
    if text.lower() in {"none", "-", ""}:
        return []
    return [n for n, _ in split_sponsor_list(text)]


def parse_report_text(text: str, location: str = "<report>", is_known=None):
    """Read sponsors and recorded votes per draft from a session report's text.

    Returns (drafts, votes, errors). A draft paragraph group runs from one "introduced
    draft resolution" to the next.
    """
    matches = list(_INTRO_RE.finditer(text))
    if not matches:
        raise LayoutChanged("no 'introduced draft resolution A/HRC/…' paragraph in the text",
                            location=location)
    drafts, votes, errors = [], [], []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        # The meeting and date come just before "the representative of … introduced".
        start = text.rfind("At the", matches[i - 1].end() if i else 0, m.start())
        start = start if start >= 0 else m.start()
        seg = text[start:end]
        symbol = re.sub(r"\s", "", m.group("symbol"))
        family = draft_family(symbol)
        where = f"{location} ({symbol})"
        day_m = _DATE_RE.search(seg)
        day = parse_date(day_m.group(1)) if day_m else None
        draft = DraftRecord(symbol=symbol, family=family, revision=draft_revision(symbol),
                            body="HRC", date=day, location=where)
        sp = _SPONSORED_RE.search(seg, m.end() - start)
        if sp:
            for role, group in (("main", sp.group("main")), ("co", sp.group("co"))):
                for name, behalf in split_sponsor_list(clean(group or ""), is_known):
                    draft.events.append(SponsorEvent(family=family, name=name, action="join",
                                                     role=role, on_behalf_of=behalf, date=day,
                                                     source_document=location))
        for jm in _JOINED_RE.finditer(seg):
            for name, behalf in split_sponsor_list(clean(jm.group("list")), is_known):
                draft.events.append(SponsorEvent(family=family, name=name, action="join",
                                                 role="additional", on_behalf_of=behalf,
                                                 date=day, source_document=location))
        drafts.append(draft)
        vb = _VOTE_BLOCK_RE.search(seg)
        if vb:
            casts = [VoteCastRecord(name=n, value=v)
                     for v, key in (("Y", "yes"), ("N", "no"), ("A", "abst"))
                     for n in _names(vb.group(key))]
            tallies = {v: sum(c.value == v for c in casts) for v in "YNA"}
            action = _ACTION_RE.search(seg)
            votes.append(VoteRecord(symbol=symbol, body="HRC", date=day, method="recorded",
                                    yes=tallies["Y"], no=tallies["N"], abstain=tallies["A"],
                                    meeting=(_MEETING_RE.search(seg) or [None])[0],
                                    casts=casts, location=where))
            if action and action.group("yes") and int(action.group("yes")) != tallies["Y"]:
                errors.append(BadInput(
                    f"the report says {action.group('yes')} in favour but lists "
                    f"{tallies['Y']} names", location=where))
    return drafts, votes, errors


def pdf_text(data: bytes, location: str = "<pdf>") -> str:
    """Extract the text of a PDF report (pypdf)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError) as exc:
        raise BadInput(f"cannot read the PDF ({exc})", location=location) from None


def parse_terms_csv(text: str, location: str = "<csv>"):
    """Read Council terms (iso3, term_start, term_end as YYYY-MM-DD); return (terms, errors).

    OHCHR publishes the membership by year as a web page; until a parser for it is
    written against a saved copy, terms come from a CSV the user keeps.
    """
    import csv

    reader = csv.DictReader(io.StringIO(text))
    terms, errors = [], []
    for lineno, row in enumerate(reader, start=2):
        iso3 = clean(row.get("iso3")).upper()
        start, end = parse_date(row.get("term_start")), parse_date(row.get("term_end"))
        if len(iso3) != 3 or not start or not end or end < start:
            errors.append(BadInput("needs an ISO3 code and a term_start before term_end "
                                   "(YYYY-MM-DD)", location=f"{location}, line {lineno}"))
            continue
        terms.append((iso3, start, end, f"{location}, line {lineno}"))
    return terms, errors
