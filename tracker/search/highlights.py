"""The words a query matched, marked in a summary or in a passage of a long letter."""

from __future__ import annotations

from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight

from tracker.analysis import WORD
from tracker.query import ANALYZER


def highlight_text(text: str, terms: set[str]) -> str:
    if not text or not terms:
        return ""
    return highlight(text, frozenset(terms), ANALYZER,
                     ContextFragmenter(maxchars=300, surround=60),
                     HtmlFormatter(tagname="mark", classname="hl"), top=2)


def passage(text: str, terms: set[str] | frozenset[str], around: int = 240) -> str:
    """The passage of a long text (a letter) around the first word the query matches,
    escaped, the words in <mark>; "" when none matches.

    Only a window round the first match is highlighted: Whoosh's highlighter reads the
    whole text it is given, and a letter runs to 100,000 characters.
    """
    for m in WORD.finditer(text or ""):
        if ANALYZER.term(m.group(0)) in terms:
            return highlight_text(text[max(0, m.start() - around):m.end() + around], set(terms))
    return ""


