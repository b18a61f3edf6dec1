"""UN document symbols: which body a document belongs to, what kind of document it is.

Symbol series as the UN's own guide to document symbols describes them: "/L." marks a
limited-distribution document (drafts and amendments), "/R." a restricted one, "/WP." a
working paper, "/RES/" an adopted resolution; "S/2015/562" is a Security Council document.
"""

from __future__ import annotations

import re

from scrapers.text import clean

# Resolution symbols as the UN prints them, from 1946 to now.
_RESOLUTION_RES = [
    r"A/RES/\d+/\d+(?:\s*[A-Z])?",  # A/RES/68/181, A/RES/63/111 B
    r"A/RES/ES-\d+/\d+",
    r"A/RES/S-\d+/\d+",
    r"A/RES/\d+\s*\([IVXLCS\-]+\)(?:\s*[A-Z])?",  # A/RES/260 (III) A
    r"A/HRC/RES/S?-?\d+/\d+",
    r"S/RES/\d+\s*\(\d{4}\)",
    r"E/RES/\d{4}/\d+",
    r"E/CN\.4/RES/\d{4}/\d+",
    r"E/DEC/\d{4}/\d+",
    r"A/HRC/DEC/\d+/\d+",
]
_RESOLUTION_RE = re.compile(r"^(?:" + "|".join(_RESOLUTION_RES) + r")$", re.I)


def body_of(symbol: str) -> str:
    """The body a symbol belongs to: GA, HRC, CHR, SC, ESC (ECOSOC) or OTH."""
    s = clean(symbol).upper()
    if s.startswith("A/HRC/"):
        return "HRC"
    if s.startswith("E/CN.4/"):
        return "CHR"
    if s.startswith("A/"):
        return "GA"
    if s.startswith("S/"):
        return "SC"
    if s.startswith("E/"):
        return "ESC"
    return "OTH"


def is_placeholder(symbol: str) -> bool:
    """True for "A/RES/68/..." and the like: a symbol the cataloguer had not yet been given."""
    return ".." in symbol or "…" in symbol or bool(re.search(r"/\s*$", symbol))


def resolution_symbol(text: str) -> str | None:
    """The resolution symbol in a catalogue's related-document entry, normalised, or None.

    Parts print in several ways: "A/RES/53/77[U]", "A/RES/57/113B", "A/RES/59/112 A and B",
    "A/RES/60/32A-B"; a single part is kept ("A/RES/53/77 U"), several give the base symbol.
    """
    text = clean(text)
    if is_placeholder(text):
        return None
    if _RESOLUTION_RE.match(text):
        return text
    m = re.match(r"^(A/RES/\d+/\d+)\s*\[?([A-Z])?\]?(?P<more>\s*(?:-|and)\s*[A-Z])?", text)
    if not m:
        return None
    return f"{m.group(1)} {m.group(2)}" if m.group(2) and not m.group("more") else m.group(1)


def is_resolution_symbol(symbol: str) -> bool:
    return bool(_RESOLUTION_RE.match(clean(symbol)))


def classify_record(symbol: str, title: str) -> tuple[str | None, str]:
    """Say whether a catalogue record is a draft: (kind, reason).

    kind is "draft", "amendment" or "corrigendum" for records to store, None for records
    that are not drafts; the reason names what the record is instead.
    """
    s = clean(symbol).upper()
    t = clean(title).lower()
    amendment = bool(re.search(r"\bamend(?:e)?ments?\b", t))
    if re.search(r"/WP\.\d", s) or re.search(r"/WG\.\d", s):
        return None, "not a draft: a working group's paper"
    if re.search(r"/R\.\d", s):
        return None, ("not a draft: amendments in a restricted (R.) document" if amendment
                      else "not a draft: a restricted (R.) document, not an L-document")
    if re.search(r"/CORR\.\d+$", s):
        return "corrigendum", ""
    if "/L." in s:
        return ("amendment" if amendment else "draft"), ""
    if s.startswith("S/") and re.search(r"draft\s+resolution", t):
        return ("amendment" if amendment else "draft"), ""
    if re.search(r"draft\]?\s+resolution", t) and not amendment:
        return "draft", ""
    return None, "not a draft: neither an L-document nor titled a draft resolution"
