"""Reading a searcher's query: its syntax, the fallback to plain words, spelling suggestions.

The query language is Whoosh's (`"phrase"`, `AND`/`OR`/`NOT`, `field:value`,
`date:[2012 to 2014]`). Whoosh quietly drops what it cannot read ("Information AND ("
becomes "Information"), so a query is checked before and after parsing, and one that was
not read as written is searched as its words, with a notice that says so.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from whoosh import qparser
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import Every, NullQuery, Or, Query, Term

from tracker.analysis import FoldStemAnalyzer
from tracker.documents import DOCUMENT_FIELDS

MAX_QUERY_LENGTH = 1000
OPERATORS = ("AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE")

# Stems English and folds accents, so "Peña" finds "Pena" and "defensoras" finds
# "defensora"; summaries are in English, French or Spanish.
# Folding comes before stemming, so "Dupré" and "Dupre" stem alike (see tracker.analysis).
ANALYZER = FoldStemAnalyzer()

SPELL_ANALYZER = FoldStemAnalyzer(stem_words=False, stoplist=())

# Searched by default; the letter's and replies' text also by name ("letter:quarry").
DEFAULT_FIELDS = ("refwords", "addressee", "summary", "title", *DOCUMENT_FIELDS)

NOTICES = {
    "cut": "The query was cut to its first {n} characters.",
    "no-words": "The query had no words to search for, so everything is shown.",
    "unreadable": "Your query could not be read as written, so we searched for its words: "
                  "{words}",
}


class Notice(str):
    """How the query was read, as an English sentence that also keeps its key and values,
    so that a page can say it in the reader's language."""

    key: str
    args: dict

    def __new__(cls, key: str, **args):
        notice = super().__new__(cls, NOTICES[key].format(**args))
        notice.key, notice.args = key, args
        return notice


def _parser(ix) -> qparser.QueryParser:
    """The parser for an index's (or a searcher's) schema; made once per set of fields,
    since making one compiles the date plugin's many expressions (a millisecond a query).
    Relative dates stay relative: the plugin reads "today" when it parses, not when made."""
    schema = ix.schema
    key = tuple(schema.names())
    parser = _PARSERS.get(key)
    if parser is None:
        # An index built before letters were read lacks their fields until `tracker reindex`.
        fields = [f for f in DEFAULT_FIELDS if f in schema]
        parser = qparser.MultifieldParser(fields, schema, group=qparser.AndGroup)
        parser.add_plugin(DateParserPlugin(free=False))
        parser.add_plugin(qparser.GtLtPlugin())
        _PARSERS[key] = parser  # a race makes two; either will do
    return parser


_PARSERS: dict[tuple[str, ...], qparser.QueryParser] = {}


_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"[^"]*"')
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _unbalanced(text: str) -> bool:
    """Whether quotes or brackets are left open or a query ends in an operator.

    Whoosh reads such a query without complaint by dropping its broken part.
    """
    if text.count('"') % 2:
        return True
    outside = _PHRASE.sub(" ", text)
    stack: list[str] = []
    for ch in outside:
        if ch in "([{":
            stack.append(ch)
        elif ch in _PAIRS and (not stack or stack.pop() != _PAIRS[ch]):
            return True
    if stack:
        return True
    words = outside.split()
    return bool(words) and (words[0] in ("AND", "OR") or words[-1] in OPERATORS)


def _has_hole(query: Query) -> bool:
    """Whether some part of the parsed query came out empty (a range Whoosh could not read)."""
    if isinstance(query, type(NullQuery)):
        return True
    return any(_has_hole(child) for child in query.children())


def parse_query(ix, text: str) -> tuple[Query, Notice | None]:
    """Parse the user's query; on any trouble fall back to plain words and say so."""
    text = (text or "").strip()
    notice = None
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        notice = Notice("cut", n=MAX_QUERY_LENGTH)
    if not text:
        return Every(), notice
    if not _WORD.search(text):
        return Every(), Notice("no-words")
    try:
        if _unbalanced(text):
            raise ValueError("open quote, bracket or operator")
        # Whoosh's date parser reads "2013-05-02" as the year 2013; it reads 20130502 right.
        compact = re.sub(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b",
                         lambda m: m.group(1) + m.group(2) + (m.group(3) or ""), text)
        query = _parser(ix).parse(compact)
        if _has_hole(query):
            raise ValueError("a part could not be read")
        # Pathological wildcards (a leading '*') are slow; treat them as plain words.
        if re.search(r"(^|\s)[*?]", text):
            raise ValueError("wildcard")
        return query, notice
    except Exception:  # noqa: BLE001 - Whoosh raises many kinds; every one means "plain words"
        words = _plain_words(text)
        plain = Or([Term(f, w) for w in _analysed(words) for f in DEFAULT_FIELDS])
        return plain, Notice("unreadable", words=" ".join(words[:20]))


def _plain_words(text: str) -> list[str]:
    """The words of an unreadable query, without its field names and operators (unless
    they are all it has)."""
    words = _WORD.findall(re.sub(r"\w+:", " ", text))
    return [w for w in words if w not in OPERATORS] or words


def _analysed(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.extend(t.text for t in ANALYZER(w))
    return list(dict.fromkeys(out))


# A field with its value (a word, a phrase, a range or a group), a phrase, a range, or a
# run of other characters; only the last may hold words a speller may change.
_SYNTAX = re.compile(r'''
    \w+:(?:"[^"]*"?|[\[{][^\]}]*[\]}]?|\([^)]*\)?|[^\s()]*)
  | "[^"]*"?
  | [\[{][^\]}]*[\]}]?
  | [^\s"()\[\]{}]+
''', re.VERBOSE | re.UNICODE)


def plain_word_spans(text: str) -> list[tuple[int, int]]:
    """Where the plain words are: not field names or values, phrases, ranges, operators, or
    words carrying wildcards, boosts or fuzziness."""
    spans = []
    for m in _SYNTAX.finditer(text):
        chunk = m.group(0)
        if chunk[0] in '"[{' or re.match(r"\w+:", chunk) or chunk in OPERATORS:
            continue
        if re.search(r"[*?~^]", chunk):
            continue
        spans += [(m.start() + w.start(), m.start() + w.end()) for w in _WORD.finditer(chunk)]
    return spans


def did_you_mean(vocabulary: list[str], text: str,
                 known: Collection[str] | None = None) -> str | None:
    """Swap each unknown plain word for the closest known word, leaving the syntax as typed.
    `known` is the vocabulary as a set, when the caller keeps one."""
    from rapidfuzz import fuzz, process

    known = set(vocabulary) if known is None else known
    out, last, changed = [], 0, False
    for start, end in plain_word_spans(text):
        word = text[start:end]
        key = "".join(t.text for t in SPELL_ANALYZER(word))
        best = None
        if key and key not in known and not word.isdigit():
            best = process.extractOne(key, vocabulary, scorer=fuzz.ratio, score_cutoff=75)
        out += [text[last:start], best[0] if best else word]
        changed |= bool(best)
        last = end
    out.append(text[last:])
    return "".join(out) if changed else None
