"""Human Rights Council sessions: OHCHR's table of adopted texts and the session report.

1. OHCHR's per-session page "Resolutions, decisions and President's statements": a
   table with the columns Adopted text | Title | Item | Draft | Action taken, e.g.
   "44/1 | Situation of human rights in Eritrea | 2 | A/HRC/44/L.8 | Adopted by a
   recorded vote (24 to 10, with 13 abstentions), 27th meeting, 16 July 2020". Columns
   are found by their header text. No sponsors there.
2. The session report, one heading and paragraph group per draft, in the real wording
   (tests/fixtures/hrc/A_HRC_7_2_paras215-220_TEXT-EXCERPT.txt): "At the 39th meeting, on
   27 March 2008, the representative of Cuba introduced draft resolution A/HRC/7/L.9,
   sponsored by Cuba and co-sponsored by Bolivia, the Democratic People’s Republic of
   Korea, …. Subsequently, Algeria, … joined the sponsors.", then "The draft resolution was
   adopted without a vote (for the text as adopted, see …, resolution 7/3)." or "a recorded
   vote was taken …. The draft resolution was adopted, by 34 votes to 13, with no
   abstentions. The voting was as follows: In favour: …; Against: …; Abstaining: …".
   Names may carry "the" and curly apostrophes (kept as printed; the resolver matches them),
   and text from a PDF breaks lines inside lists and words ("Sub\nsequently"). Read from
   text or from the report's PDF.
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

# A line break can fall inside a word in text taken from a PDF ("Sub\nsequently", or
# "co-\nsponsored"); key phrases allow one between any two letters.
_BREAK = r"(?:-?[ \t]*\r?\n[ \t]*)?"
_CO = r"co[-\u2010\u2011]?" + _BREAK  # co-sponsored, co‑sponsored (non-breaking), cosponsored


def _loose(phrase: str) -> str:
    return r"\s+".join(_BREAK.join(re.escape(ch) for ch in word) for word in phrase.split())


_SYMBOL = r"A/\s*HRC/\s*\d+/\s*L\.\s*\d+(?:\s*/\s*Rev\.\s*\d+)?"
_INTRO_RE = re.compile(_loose("introduced") + r"\s+(?:the\s+)?" + _loose("draft")
                       + r"\s+(?:resolution|decision)\s+(?P<symbol>" + _SYMBOL + ")", re.I)
_SPONSORED_RE = re.compile(  # "sponsored by" but not the one inside "co-sponsored by"
    r"(?<![-\u2010\u2011])(?<!co)" + _loose("sponsored by") + r"\s+(?P<main>.+?)"
    r"(?:,?\s+and\s+" + _CO + _loose("sponsored by") + r"\s+(?P<co>.+?))?\s*\.(?:\s|$)", re.S)
_JOINED_RE = re.compile(_loose("Subsequently") + r",\s*(?P<list>.+?)\s+" + _loose("joined")
                        + r"\s+the\s+(?:" + _CO + ")?" + _loose("sponsors"), re.S)
_OUTCOME_RE = re.compile(  # the draft's own outcome, not an amendment's
    r"draft\s+(?:resolution|decision)(?:,\s+as\s+orally\s+revised,)?\s+was\s+"
    r"(?P<how>adopted|rejected)(?:,?\s+as\s+orally\s+revised)?(?:"
    r"(?P<without>\s+without\s+a\s+vote)"
    r"|,?\s+by\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?(?P<yes>\d+)\s+(?:votes\s+)?to\s+"
    r"(?P<no>\d+)(?:,?\s+with\s+(?P<abst>\d+|no)\s+abstentions?)?)", re.I)
_ADOPTED_AS_RE = re.compile(r"for\s+the\s+text\s+as\s+adopted,?\s+see\s+[^)]*?\b"
                            r"(?P<kind>resolution|decision)\s+(?P<number>\d+/\d+)", re.I)
_LIST_LABELS = {"Y": "In favour", "N": "Against", "A": "Abstaining"}
_LABEL_RE = re.compile(r"\b(?P<label>In\s+favour|Against|Abstaining)\s*:", re.I)
_PARAGRAPH_RE = re.compile(r"(?m)^[ \t]*\d{1,4}\.[ \t]")
_NEXT_PARAGRAPH_RE = re.compile(r"\n[ \t]*\d{1,4}\.[ \t]")
_DATE_RE = re.compile(r"\bon\s+(\d{1,2}\s+\w+\s+\d{4})")
_SAME_MEETING_RE = re.compile(r"At\s+the\s+same\s+meeting", re.I)
_AT_MEETING_RE = re.compile(r"At\s+the\s+(?:\d+\w*|same)\s+meeting", re.I)
_REPORT_SYMBOL_RE = re.compile(r"(?m)^\s*(A/HRC/\d+/\d+(?:/Add\.\d+)?)\s*$")
_REPORT_FILE_RE = re.compile(r"A_HRC_(\d+)_(\d+)(?![\d.])")


def report_symbol(text: str, location: str = "") -> str | None:
    """The report's symbol from its header line ("A/HRC/36/2"), else from a file name in the
    Library's style ("A_HRC_7_2…"); None when neither says."""
    m = _REPORT_SYMBOL_RE.search(text[:2000])
    if m:
        return m.group(1)
    m = _REPORT_FILE_RE.search(location.rsplit("/", 1)[-1])
    return f"A/HRC/{m.group(1)}/{m.group(2)}" if m else None


def _names(text: str, is_known=None) -> list[tuple[str, str | None]]:
    text = clean(text).rstrip(".;,")
    if text.lower() in {"none", "-", ""}:
        return []
    return split_sponsor_list(text, is_known)


def _heading(text: str, end: int) -> tuple[int, str | None]:
    """The heading lines just above a draft's first paragraph: (where they start, title)."""
    lines, start, pos = [], end, end
    for line in reversed(text[:end].splitlines(keepends=True)):
        pos -= len(line)
        bare = line.strip()
        if not bare or _PARAGRAPH_RE.match(bare) or bare.endswith((".", ";", ":", ",")) \
                or len(lines) == 3:
            break
        start = pos
        if not re.fullmatch(r"A/HRC/\S+|GE\.[\d-]+.*|\d+", bare):  # page furniture
            lines.insert(0, bare)
    return start, clean(" ".join(lines)) or None


def _paragraph_start(text: str, lo: int, intro: int) -> int:
    """Where the paragraph holding an "introduced draft resolution" begins."""
    paragraphs = list(_PARAGRAPH_RE.finditer(text, lo, intro))
    if paragraphs:
        return paragraphs[-1].start()
    at = list(_AT_MEETING_RE.finditer(text, lo, intro))
    return at[-1].start() if at else intro


def _vote_lists(seg: str) -> dict[str, str | None]:
    """The printed lists after "In favour:", "Against:" and "Abstaining:" (None if absent).

    Each list runs to the next label; the last one to a blank line or the next paragraph.
    """
    first = _LABEL_RE.search(seg)
    if not first:
        return {}
    end = _NEXT_PARAGRAPH_RE.search(seg, first.end())
    block = seg[first.start(): end.start() if end else len(seg)]
    labels = list(_LABEL_RE.finditer(block))
    lists: dict[str, str | None] = dict.fromkeys(_LIST_LABELS)
    for i, m in enumerate(labels):
        key = next(k for k, v in _LIST_LABELS.items()
                   if v.lower() == clean(m.group("label")).lower())
        if i + 1 < len(labels):
            lists[key] = block[m.end(): labels[i + 1].start()]
        else:
            lists[key] = re.split(r"\n[ \t]*\n", block[m.end():].lstrip(), maxsplit=1)[0]
    return lists


def _report_vote(seg: str, symbol: str, day, meeting, where: str):
    """Read the outcome of one draft: (VoteRecord or None, problems)."""
    outcome = _OUTCOME_RE.search(seg)
    lists = _vote_lists(seg)
    if outcome and outcome.group("without"):
        return VoteRecord(symbol=symbol, body="HRC", date=day, method="without a vote",
                          meeting=meeting, location=where), []
    if (not outcome or not outcome.group("yes")) and not lists:
        return None, []
    casts = [VoteCastRecord(name=n, value=v) for v in "YNA" for n, _ in
             _names(lists.get(v) or "")]
    listed = {v: sum(c.value == v for c in casts) for v in "YNA"}
    if outcome and outcome.group("yes"):
        abst = outcome.group("abst")
        stated = {"Y": int(outcome.group("yes")), "N": int(outcome.group("no")),
                  "A": 0 if abst is None or abst.lower() == "no" else int(abst)}
    else:
        stated = listed
    problems = []
    if lists and listed != stated:
        problems.append(BadInput(
            f"the report says {stated['Y']} in favour, {stated['N']} against and "
            f"{stated['A']} abstaining, but its lists name {listed['Y']}, {listed['N']} and "
            f"{listed['A']} (is the text cut short?); the per-State votes were not kept",
            location=where))
        casts = []
    return VoteRecord(symbol=symbol, body="HRC", date=day, method="recorded",
                      yes=stated["Y"], no=stated["N"], abstain=stated["A"],
                      meeting=meeting, casts=casts, location=where), problems


def parse_report_text(text: str, location: str = "<report>", is_known=None):
    """Read sponsors and votes per draft from a session report's text.

    Returns (drafts, votes, errors). A draft's paragraphs run from the one that says
    "introduced draft resolution A/HRC/…" to the next such paragraph. Sponsors are
    "sponsored by" (main), "co-sponsored by" (co) and "Subsequently, … joined the sponsors"
    (additional); each event's source document is the report (its symbol when the text or
    the file name gives it). A recorded vote keeps its per-State lists only when they add up
    to the tallies the report states.
    """
    matches = list(_INTRO_RE.finditer(text))
    if not matches:
        raise LayoutChanged("no 'introduced draft resolution A/HRC/…' paragraph in the text",
                            location=location)
    source = report_symbol(text, location) or location
    drafts, votes, errors = [], [], []
    starts = []  # (heading start, title, paragraph start) per draft
    for i, m in enumerate(matches):
        para = _paragraph_start(text, matches[i - 1].end() if i else 0, m.start())
        starts.append((*_heading(text, para), para))
    meeting, day = None, None
    for i, m in enumerate(matches):
        _, title, start = starts[i]
        end = starts[i + 1][0] if i + 1 < len(matches) else len(text)
        seg = text[start:end]
        symbol = re.sub(r"\s", "", m.group("symbol"))
        family = draft_family(symbol)
        where = f"{location} ({symbol})"
        intro = text[start:m.start()]
        meeting_m, date_m = _MEETING_RE.search(intro), _DATE_RE.search(intro)
        if meeting_m or not _SAME_MEETING_RE.search(intro):
            meeting = meeting_m.group(0) if meeting_m else None
            day = parse_date(date_m.group(1)) if date_m else None
        adopted_as = _ADOPTED_AS_RE.search(seg)
        resolution = None
        if adopted_as:
            kind = "RES" if adopted_as.group("kind").lower() == "resolution" else "DEC"
            resolution = f"A/HRC/{kind}/{adopted_as.group('number')}"
        draft = DraftRecord(symbol=symbol, family=family, revision=draft_revision(symbol),
                            title=title, body="HRC", date=day,
                            resolution_symbol=resolution, location=where)
        sp = _SPONSORED_RE.search(seg, m.end() - start)
        if sp:
            for role, group in (("main", sp.group("main")), ("co", sp.group("co"))):
                for name, behalf in _names(group or "", is_known):
                    draft.events.append(SponsorEvent(family=family, name=name, action="join",
                                                     role=role, on_behalf_of=behalf, date=day,
                                                     source_document=source))
        for jm in _JOINED_RE.finditer(seg):
            for name, behalf in _names(jm.group("list"), is_known):
                draft.events.append(SponsorEvent(family=family, name=name, action="join",
                                                 role="additional", on_behalf_of=behalf,
                                                 date=day, source_document=source))
        drafts.append(draft)
        vote, problems = _report_vote(seg, symbol, day, meeting, where)
        if vote:
            votes.append(vote)
        errors += problems
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
