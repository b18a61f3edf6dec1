"""The words a query matched, marked in a summary or in a passage of a long letter.

The output is exactly Whoosh's `highlight(text, terms, ANALYZER, ContextFragmenter(
maxchars=300, surround=60), HtmlFormatter(tagname="mark", classname="hl"), top=2)`, but
computed from plain tuples in one pass: Whoosh's analyzer, filter and fragmenter pass a
Token object through three generators per word and copy it per match, which cost a
quarter to a half of a filtered search's 50 results. tests/test_highlights.py checks the
two agree on generated texts; bench/highlights.py measures the difference.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from html import escape  # what whoosh.compat.htmlescape is on Python 3
from itertools import accumulate, compress
from operator import itemgetter

from tracker.analysis import WORD
from tracker.query import ANALYZER

MAXCHARS, SURROUND, TOP = 300, 60, 2
CHARLIMIT = 2 ** 15  # Whoosh's fragmenters stop at the token ending past this
BETWEEN = "..."


# The words as tracker.analysis.WORD finds them, kept by re.split between the gaps, so
# that words, offsets and terms come from C loops rather than one Python step per word.
_SPLIT = re.compile("(" + WORD.pattern.replace("(", "(?:") + ")", re.UNICODE)


def highlight_text(text: str, terms: set[str] | frozenset[str]) -> str:
    if not text or not terms:
        return ""
    terms = frozenset(terms)
    words, starts, ends = _words(text)
    indexed = _indexed(words, terms)
    hits = list(compress(range(len(words)), map(terms.__contains__, indexed)))
    if not hits:
        return ""
    fragments = _fragments(text, starts, ends, indexed, hits)
    if len(fragments) > TOP:
        # Whoosh ranks (score, Fragment) pairs with heapq.nlargest; a Fragment compares by
        # its start, so of two equal scores the later fragment wins.
        fragments = sorted(fragments, key=itemgetter(0, 1), reverse=True)[:TOP]
    fragments = sorted((f for f in fragments if f[0] >= 1), key=itemgetter(1))
    seen: dict[str, int] = {}
    return BETWEEN.join(_format(text, start, end, matches, seen)
                        for _, start, end, matches in fragments)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of a text and where each starts and ends; kept for the summaries shown
    most recently, since paging and related queries show the same ones again."""
    parts = _SPLIT.split(text)  # gap, word, gap, word, …, gap
    offsets = list(accumulate(map(len, parts)))  # word k spans offsets[2k]:offsets[2k+1]
    return parts[1::2], offsets[0:-1:2], offsets[1::2]


def _indexed(words: list[str], terms: frozenset[str]) -> list[str | None]:
    """Each word as the analyzer indexes it: its term, None for a stop word, or, when the
    query holds a stop word itself, that word lowercased (what Whoosh's highlighter then
    compares)."""
    cache, term = ANALYZER._cache, ANALYZER.term
    for word in set(words).difference(cache):
        term(word)
    if any(term(t) is None for t in terms):
        return [term(w) or w.lower() for w in words]
    if len(cache) >= ANALYZER.cachesize:  # a full cache keeps no new words
        return [term(w) for w in words]
    return list(map(cache.__getitem__, words))


def _fragments(text: str, starts, ends, indexed, hits) -> list[tuple[int, int, int, list]]:
    """ContextFragmenter.fragment_tokens as (score, start, end, matches), stepping word by
    word only inside fragments: between them, its state at the next match depends only on
    the words within SURROUND characters before it."""
    out = []
    hit = set(hits)
    n = len(starts)
    after = 0  # the first word after the last fragment
    for h in hits:
        if h < after:
            continue
        if ends[h] > CHARLIMIT:
            break
        # The words since the last fragment that end the window before this match.
        first = None
        if h > after:
            edge = ends[h - 1] - SURROUND
            i = bisect_left(starts, edge, after, h)
            if i < h:
                first = starts[i]
        countdown, currentlen, tks = -1, 0, []
        i = h
        endchar = None
        closed = False
        while i < n:
            startchar, endchar = starts[i], ends[i]
            tlength = endchar - startchar
            if endchar > CHARLIMIT:
                break
            if currentlen + tlength > MAXCHARS:
                countdown = 0
            elif i in hit:
                countdown = SURROUND
                if first is None:
                    first = startchar
                    countdown += SURROUND
                tks.append((startchar, endchar, indexed[i]))
            currentlen += tlength
            countdown -= tlength
            i += 1
            if countdown <= 0:
                out.append(_fragment(text, tks, first, endchar))
                closed = True
                break
        if not closed:
            if tks:
                out.append(_fragment(text, tks, first, endchar))
            break
        # Whoosh does not reset its countdown after a fragment: one left at exactly 0
        # swallows the next word into an empty fragment (scored 0, never shown) unless
        # that word is a match, so the word cannot begin the next fragment's context.
        after = i + 1 if countdown == 0 and i < n and i not in hit else i
    return out


def _fragment(text: str, tks, first, endchar) -> tuple[int, int, int, list]:
    """whoosh.highlight.mkfrag, scored as BasicFragmentScorer scores it."""
    start = first if first is not None else (tks[0][0] if tks else 0)
    score = len(tks) * (len({t for _, _, t in tks}) * 100 or 1)
    return score, max(0, start), min(len(text), endchar), tks


def _format(text: str, start: int, end: int, matches, seen: dict[str, int]) -> str:
    """HtmlFormatter.format_fragment: each match in <mark>, with a class per distinct
    matched text (term0…term4, in order of first appearance)."""
    out = []
    index = start
    for s, e, _ in matches:
        if s < index:
            continue
        if s > index:
            out.append(escape(text[index:s], quote=False))
        word = escape(text[s:e], quote=False)
        if word not in seen:
            seen[word] = len(seen) % 5
        out.append(f'<mark class="hl term{seen[word]}">{word}</mark>')
        index = e
    out.append(escape(text[index:end], quote=False))
    return "".join(out)


def passage(text: str, terms: set[str] | frozenset[str], around: int = 240) -> str:
    """The passage of a long text (a letter) around the first word the query matches,
    escaped, the words in <mark>; "" when none matches.

    Only a window round the first match is highlighted: the whole of a letter runs to
    100,000 characters.
    """
    for m in WORD.finditer(text or ""):
        if ANALYZER.term(m.group(0)) in terms:
            return highlight_text(text[max(0, m.start() - around):m.end() + around], set(terms))
    return ""
