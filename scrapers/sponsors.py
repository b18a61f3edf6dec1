"""Sponsor lists as the UN prints them: draft covers, "Additional sponsors" and withdrawals.

Seen in real catalogue records (shared/samples/un_resolutions):
- a cover: "… : revised draft resolution / Afghanistan, Albania, … Uruguay and Vanuatu";
- "Ethiopia (on behalf of the Group of African States)";
- a missing comma: "Netherlands New Zealand" (split only when the caller can say which
  names are known);
- notes: "Additional sponsors: A, B and C (A/62/439/Add.2)." and
  "A, B and C withdrew their sponsorship of the draft resolution, as orally revised
  (A/68/456/Add.2).", "X withdrew as a sponsor …", "X withdrew from the list of sponsors …";
  withdrawals from an *amendment* are not withdrawals from the draft and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scrapers.records import SponsorEvent
from scrapers.text import clean

# Names that contain " and " themselves; splitting a list must not cut them.
_COMPOUNDS = [
    "Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines", "Sao Tome and Principe", "São Tomé and Príncipe",
    "Serbia and Montenegro", "Trinidad and Tobago", "Heard Island and McDonald Islands",
    "Turks and Caicos Islands", "Wallis and Futuna",
    "United Kingdom of Great Britain and Northern Ireland",
    "United Kingdom of Great Britan and Northern Ireland",
]
_PLACEHOLDER = "\x00"
_COMPOUND_RE = re.compile("|".join(re.escape(c) for c in _COMPOUNDS), re.I)
_BEHALF_RE = re.compile(r"^(?P<name>.+?)\s*\(\s*on behalf of (?:the )?(?P<group>[^)]+)\)\s*$",
                        re.I)
_DOC_RE = re.compile(r"\(\s*((?:A|E|S)/[^()]*(?:\([^()]*\))?[^()]*)\)")
_ADDITIONAL_RE = re.compile(r"^Additional (?:co-)?sponsors?\s*:\s*(?P<list>.+)$", re.I | re.S)
_WITHDRAW_RE = re.compile(
    r"^(?P<list>.+?)\s+withdrew\s+(?:its|their|as (?:a )?sponsors?|from)\b(?P<rest>.*)$",
    re.I | re.S)

IsKnown = Callable[[str], bool]


def draft_family(symbol: str) -> str:
    """The symbol shared by a draft and its revisions: "A/C.3/68/L.64/Rev.1" -> "…/L.64"."""
    return re.sub(r"/Rev\.\s*\d+$", "", clean(symbol), flags=re.I)


def draft_revision(symbol: str) -> int:
    m = re.search(r"/Rev\.\s*(\d+)$", clean(symbol), flags=re.I)
    return int(m.group(1)) if m else 0


def _split_plain(text: str) -> list[str]:
    protected = _COMPOUND_RE.sub(lambda m: m.group(0).replace(" and ", _PLACEHOLDER), text)
    parts: list[str] = []
    depth, current = 0, ""
    for ch in protected:  # commas inside parentheses belong to the name
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    last = parts.pop()
    # "…, Uruguay and Vanuatu": the final " and " separates the last two names.
    parts.extend(re.split(r"\s+and\s+(?![^(]*\))", last))
    names = []
    for p in parts:
        name = clean(p.replace(_PLACEHOLDER, " and "))
        name = re.sub(r"^(?:and|the)\s+(?=[A-Z])", "", name).rstrip(".;:")
        if name:
            names.append(name)
    return names


def _split_run_together(name: str, is_known: IsKnown) -> list[str]:
    """Split "Netherlands New Zealand" into two known names, when exactly one cut works."""
    words = name.split()
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    good = [c for c in cuts if is_known(c[0]) and is_known(c[1])]
    return list(good[0]) if len(good) == 1 else [name]


def split_sponsor_list(text: str, is_known: IsKnown | None = None) -> list[tuple[str, str | None]]:
    """Split a printed sponsor list into (name, on behalf of) pairs, in printed order."""
    out = []
    for name in _split_plain(clean(text)):
        behalf = None
        m = _BEHALF_RE.match(name)
        if m:
            name, behalf = clean(m.group("name")), clean(m.group("group"))
        pieces = [name]
        if is_known is not None and not is_known(name):
            pieces = _split_run_together(name, is_known)
        out.extend((p, behalf) for p in pieces)
    return out


def split_cover(title: str) -> tuple[str, str | None]:
    """Split a catalogue title "… : draft resolution / A, B and C" into (title, sponsors)."""
    title = clean(title)
    m = re.search(r"\s/\s(?=[^/]*$)", title)
    if not m:
        return title, None
    head, sponsors = title[: m.start()], title[m.end():]
    return clean_title(head), sponsors.rstrip(". ") or None


def clean_title(title: str) -> str:
    """Drop the trailing ": draft resolution" (or revised) and MARC punctuation."""
    title = clean(title).strip(" :/")
    return re.sub(r"\s*:\s*(?:revised\s+)?draft (?:resolution|decision)\s*$", "", title,
                  flags=re.I).strip(" :/")


def parse_cover(family: str, sponsors_text: str, *, role: str = "cover", date=None,
                source_document: str | None = None,
                is_known: IsKnown | None = None) -> list[SponsorEvent]:
    return [SponsorEvent(family=family, name=name, action="join", role=role,
                         on_behalf_of=behalf, date=date, source_document=source_document)
            for name, behalf in split_sponsor_list(sponsors_text, is_known)]


_GROUP_ENTRY_RE = re.compile(r"^UN\.\s+|\bGroup of\b|European (?:Union|Communities)", re.I)


def catalogued_sponsors(family: str, names: list[str], *, printed: bool, date=None,
                        source_document: str | None = None,
                        is_known: IsKnown | None = None) -> list[SponsorEvent]:
    """Sponsors from the catalogue's 710 entries, next to a printed cover.

    The 710 list is the catalogue's cleaned-up union of the cover and later sponsors, so
    it only adds what the printed cover cannot say: every name when no cover was printed,
    and otherwise the groups ("UN. Group of African States") that the cover gives as
    "X (on behalf of …)".
    """
    events = []
    for name in names:
        if printed and not _GROUP_ENTRY_RE.search(name):
            continue
        events += parse_cover(family, name, date=date, source_document=source_document,
                              is_known=is_known)
    return events


def parse_notes(family: str, notes: str, *, fallback_document: str | None = None,
                is_known: IsKnown | None = None) -> list[SponsorEvent]:
    """Read "Additional sponsors" and withdrawal notes into events with their source document.

    A segment without its own document takes the last one named in the notes (the
    committee report usually closes the whole note), else `fallback_document`.
    """
    segments = [clean(s) for s in re.split(r"\s+-{1,2}\s+", notes or "") if clean(s)]
    docs = [clean(m.group(1)) for s in segments for m in _DOC_RE.finditer(s)]
    default_doc = docs[-1] if docs else fallback_document
    events: list[SponsorEvent] = []
    for seg in segments:
        found = list(_DOC_RE.finditer(seg))
        m = found[-1] if found else None
        doc = clean(m.group(1)) if m else default_doc
        body = seg[: m.start()] if m else seg
        body = body.rstrip(". ")
        if add := _ADDITIONAL_RE.match(body):
            events.extend(SponsorEvent(family=family, name=n, action="join", role="additional",
                                       on_behalf_of=b, source_document=doc)
                          for n, b in split_sponsor_list(add.group("list"), is_known))
        elif wd := _WITHDRAW_RE.match(body):
            if "amendment" in wd.group("rest").lower():
                continue
            events.extend(SponsorEvent(family=family, name=n, action="withdraw",
                                       on_behalf_of=b, source_document=doc)
                          for n, b in split_sponsor_list(wd.group("list"), is_known))
    return events
