"""Small text helpers shared by the parsers: dates, whitespace, language, links."""

import re
from datetime import date, datetime
from urllib.parse import urlsplit

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def clean(text: str | None) -> str:
    """Fold runs of white space (any kind: tabs, line breaks, no-break spaces) to one."""
    return " ".join((text or "").split())


def parse_date(text: str | None) -> date | None:
    """Read "27 Feb 2026", "21 Nov. 2013", "25 September 2014" or "2026-02-27"; else None."""
    text = clean(text)
    if not text:
        return None
    try:
        return datetime.strptime(text[:10], "%Y-%m-%d").date()
    except ValueError:
        pass
    m = _DATE_DMY.search(text)
    if not m:
        return None
    month = _MONTHS.get(m.group(2)[:3].lower())
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(1)))
    except ValueError:
        return None


_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "concerning", "alleged", "information", "received",
           "against", "with", "for", "their", "his", "her"},
    "fr": {"le", "la", "les", "des", "du", "et", "concernant", "allégations", "reçues",
           "contre", "dans", "une", "sur", "pour", "leur"},
    "es": {"el", "la", "los", "las", "del", "y", "en", "relativa", "recibida", "contra",
           "una", "por", "para", "su", "sus", "defensora", "defensoras"},
}


def detect_language(text: str | None) -> str | None:
    """Guess en, fr or es from function words; summaries come in only these three.

    The trailer "Alleged victims: N" is English in every language, so it is ignored.
    """
    body = re.sub(r"Alleged victims:.*$", "", text or "", flags=re.S).lower()
    words = re.findall(r"[a-záéíóúñàèçêâôûëïü]+", body)
    if len(words) < 5:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else None


def http_url(url: str | None) -> str | None:
    """Return url when it is an absolute http(s) URL, else None.

    Links come from pages and files we do not control; a javascript: or data: URL stored
    as a letter's link would run in the reader's browser, so anything else is dropped.
    """
    url = url.strip() if isinstance(url, str) else ""
    # Browsers skip tabs, line breaks and other controls inside a scheme ("java\tscript:").
    if not url or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname  # raises on a broken IPv6 literal
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and host else None


# XML 1.0 allows tab, line feed, carriage return and these ranges, nothing else.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)
