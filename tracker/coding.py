"""The rule-based coder: summary, letter and reply text in, codes with their reasons out.

The rules are data (tracker/data/coding/rules.toml, or the file the CODING_RULES setting
names) that a person reads and edits; this module only knows how to apply them. Each code
keeps the rule that fired and the words it matched, exactly as they appear in the text, so
that a reviewer sees why. Pure: no Flask, no database (tracker.codes stores the results).

Matching is case- and accent-insensitive and on whole words: the text and the rule's
words are both folded (lower case, accents and ligatures removed, curly quotes straight),
and a position map leads every match back to the original characters.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tracker.codebook import (
    CODING_DIR,
    LANGUAGES,
    FileCache,
    VocabularyError,
    load_codebook,
    parse_toml,
)

RULES_FILE = CODING_DIR / "rules.toml"
SCHEMES = ("women", "whrd", "attack", "perpetrator", "risk")
FIELDS = ("summary", "letter", "reply")
YES_NO = ("women", "whrd")  # one value in force; the others hold any number of values
MAX_MATCHED = 10  # distinct words kept per hit: enough to see why, short enough to show


class RulesError(ValueError):
    """The rules file cannot be used; the message names the file and the rule or line."""


@dataclass(frozen=True)
class Hit:
    scheme: str
    value: str
    rule: str
    confidence: float
    field: str  # "summary" | "letter" | "reply"
    matched: tuple[str, ...]  # the words as they appear in the text


@dataclass(frozen=True)
class Rule:
    id: str
    scheme: str
    value: str
    confidence: float
    words: tuple[str, ...] = ()
    pattern: str | None = None
    exceptions: tuple[str, ...] = ()
    lang: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    mandates: frozenset[str] = frozenset()
    note: str = ""
    line: int = 0
    matchers: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)
    # the first words its `words` can begin with: a text holding none of them is skipped
    # without running the regex (most rules match no text, and re is slow on long letters)
    starts: tuple[tuple[str, bool], ...] | None = field(default=None, repr=False,
                                                        compare=False)
    unless: re.Pattern | None = field(default=None, repr=False, compare=False)

    @property
    def code(self) -> str:
        return f"{self.scheme}:{self.value}"


@dataclass(frozen=True)
class Rules:
    version: int
    rules: tuple[Rule, ...]
    path: Path
    defaults: Mapping[str, float] = field(default_factory=dict)
    ignore: re.Pattern | None = field(default=None, repr=False, compare=False)
    letter_end: re.Pattern | None = field(default=None, repr=False, compare=False)

    @property
    def coded_by(self) -> str:
        """What a rule-made code records as its author."""
        return f"rules v{self.version}"

    def count(self) -> dict[str, int]:
        """Rules per scheme, in the schemes' order."""
        return {s: sum(r.scheme == s for r in self.rules) for s in SCHEMES}


# --- folding: the form both text and rules are compared in -------------------------------

_SPECIAL = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
            "\u00a0": " ", "\u202f": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-",
            "\u2013": "-", "\u2014": "-", "\u00ad": "", "œ": "oe", "Œ": "oe", "æ": "ae",
            "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"}


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base.casefold()


def fold(text: str) -> tuple[str, list[int] | None]:
    """The text as rules see it, and for each of its characters the original's index.

    The index list is None when every character folds to exactly one (the usual case).
    """
    if text.isascii():
        return text.lower(), None
    table = {ord(c): _fold_char(c) for c in set(text)}
    if all(len(v) == 1 for v in table.values()):
        return text.translate(table), None
    pieces = [table[ord(c)] for c in text]
    origin = [i for i, p in enumerate(pieces) for _ in p]
    return "".join(pieces), origin


def _strip_accents(pattern: str) -> str:
    """A regex as it will meet folded text: accents and ligatures off (re.I does the case).

    Only letters and quotes are changed, never punctuation that means something in a
    regex (a dash in a character class)."""
    out = []
    for c in pattern:
        if c in _SPECIAL and (c.isalpha() or _SPECIAL[c] == "'"):
            out.append(_SPECIAL[c])
        else:
            out.append("".join(d for d in unicodedata.normalize("NFKD", c)
                               if not unicodedata.combining(d)))
    return "".join(out)


_SEP = r"(?:\s+|\s*-\s*)"  # between the words of a phrase: spaces, or a hyphen
_HYPHEN = r"[\s-]*"  # a hyphen inside a word: ill-treatment, ill treatment, illtreatment


def _atoms(word: str) -> list[str]:
    """One word or phrase of a rule as a list of regex pieces over folded text."""
    atoms: list[str] = []
    for chunk in fold(word.strip())[0].split():
        if atoms:
            atoms.append(_SEP)
        if chunk == "*":
            atoms.append(r"\w+")
            continue
        for i, part in enumerate(chunk.rstrip("*").split("-")):
            if i:
                atoms.append(_HYPHEN)
            atoms.extend(re.escape(c) for c in part)
        if chunk.endswith("*"):
            atoms.append(r"\w*")
    return atoms


def _starts(words: Iterable[str]) -> tuple[tuple[str, bool], ...] | None:
    """For each word, the text word it must begin with, and whether that is only a prefix
    (defensor* begins defensoras; ill-treat* may be written illtreatment). None when a word
    can begin anywhere (a lone *, or a word starting with punctuation)."""
    starts = set()
    for word in words:
        first = fold(word.strip())[0].split()[0]
        literal = re.match(r"\w*", first).group()
        if not literal or first == "*":
            return None
        whole = first == literal or not re.match(r"[\w*-]", first[len(literal):])
        starts.add((literal, not whole))
    return tuple(sorted(starts))


def _trie_regex(node: dict) -> str:
    """A regex for the words of a trie: shared beginnings are matched once (hundreds of
    words then compile and match fast), longer words are tried before shorter ones."""
    alternatives = [atom + _trie_regex(child) for atom, child in node.items() if atom]
    if "" in node:  # a word ends here
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def words_regex(words: Iterable[str]) -> re.Pattern:
    """Any of these words or phrases, as whole words."""
    trie: dict = {}
    for word in words:
        node = trie
        for atom in _atoms(word):
            node = node.setdefault(atom, {})
        node[""] = {}
    # \b instead of (?<!\w) when every word starts with a letter: re then skips quickly to
    # the places where a word could start
    starts = r"\b" if all(re.fullmatch(r"\w", atom) for atom in trie if atom) else r"(?<!\w)"
    return re.compile(starts + _trie_regex(trie) + r"(?!\w)")


# --- language ------------------------------------------------------------------------------

_STOPWORDS = {lang: {fold(w)[0] for w in words.split()} for lang, words in {
    "en": "the of and to that is was were for with his her by has have which are been this "
          "from who their they he she against after but not also into",
    "es": "el los las y del por con para una su sus fue sobre ha han como al lo se según "
          "quien ella él también contra sin bajo desde hacia pero tras durante",
    "fr": "le les des et du une pour sur par au aux dans est été il elle qui ces ont selon "
          "leur leurs contre avec sans sous chez aussi auprès",
}.items()}
_WORD = re.compile(r"\w+")


_LANGUAGE_OF = {w: lang for lang, words in _STOPWORDS.items() for w in words}


def detect_language(folded: str) -> str | None:
    """English, Spanish or French by their commonest words; None when unclear."""
    counts = Counter(_LANGUAGE_OF.get(w) for w in _WORD.findall(folded[:3000]))
    counts.pop(None, None)
    ranked = counts.most_common(2) + [("", 0), ("", 0)]
    (best, n), (_, second) = ranked[0], ranked[1]
    return best if (n >= 3 and n >= 1.5 * second) or (n >= 2 and second == 0) else None


# --- loading --------------------------------------------------------------------------------

_RULE_KEYS = {"id", "scheme", "value", "confidence", "lang", "words", "pattern", "except",
              "fields", "requires", "mandates", "note"}
_TOP_KEYS = {"version", "default", "text", "rule"}
_DEFAULT_KEYS = {"women_no", "whrd_no"}
_TEXT_KEYS = {"ignore", "ignore_patterns", "letter_ends_at"}
_cache = FileCache()


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and check a rules file (None: the shipped one), compiled once and cached until
    the file changes. Raises RulesError naming the file and the rule at fault."""
    path = Path(path) if path else RULES_FILE
    return _cache.get(path, lambda text: _build(parse_toml(text, path, RulesError), path,
                                                _rule_lines(text)), RulesError)


def _rule_lines(text: str) -> list[int]:
    """The line of each [[rule]] header, so an error can point at it."""
    return [n for n, line in enumerate(text.splitlines(), start=1)
            if line.strip().replace(" ", "") == "[[rule]]"]


def _build(data: dict, path: Path, lines: list[int]) -> Rules:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise RulesError(f"{path}: unknown top-level key {unknown[0]!r} "
                         f"(known: {', '.join(sorted(_TOP_KEYS))})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RulesError(f"{path}: 'version' must be a whole number of 1 or more")
    defaults = _table(data, "default", _DEFAULT_KEYS, path)
    for name in _DEFAULT_KEYS:
        defaults[name] = _confidence(defaults.get(name, 0.6), f"{path}: [default] {name}")
    text = _table(data, "text", _TEXT_KEYS, path)
    ignore = _strings(text, "ignore", f"{path}: [text]")
    ignore_patterns = _strings(text, "ignore_patterns", f"{path}: [text]")
    ends = _strings(text, "letter_ends_at", f"{path}: [text]")
    for word in ignore + ends:
        _check_word(word, f"{path}: [text]")
    ignore_parts = [words_regex(ignore).pattern] if ignore else []
    ignore_parts += [_compile(p, f"{path}: [text] ignore_patterns").pattern
                     for p in ignore_patterns]
    try:
        codebook = load_codebook()
    except VocabularyError as exc:
        raise RulesError(str(exc)) from None
    known_mandates = _mandate_slugs()
    rules, seen = [], set()
    raw_rules = data.get("rule") or []
    if not isinstance(raw_rules, list):
        raise RulesError(f"{path}: 'rule' must be written as [[rule]] tables")
    for i, raw in enumerate(raw_rules):
        line = lines[i] if i < len(lines) else 0
        rule = _rule(raw, i, line, path, codebook, known_mandates)
        if rule.id in seen:
            raise RulesError(f"{path}, line {line}, rule {rule.id}: this id is used twice")
        seen.add(rule.id)
        rules.append(rule)
    return Rules(
        version=version, rules=tuple(rules), path=path, defaults=defaults,
        ignore=re.compile("|".join(f"(?:{p})" for p in ignore_parts), re.I)
        if ignore_parts else None,
        letter_end=words_regex(ends) if ends else None)


def _table(data, name, allowed, path) -> dict:
    table = data.get(name) or {}
    if not isinstance(table, dict):
        raise RulesError(f"{path}: [{name}] must be a table")
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise RulesError(f"{path}: [{name}] has an unknown key {unknown[0]!r} "
                         f"(known: {', '.join(sorted(allowed))})")
    return dict(table)


def _strings(raw: dict, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(f"{where}: {key!r} must be a list of non-empty strings")
    return value


def _confidence(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RulesError(f"{where}: confidence must be a number from 0 to 1, not {value!r}")
    return float(value)


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        compiled = re.compile(_strip_accents(pattern), re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: bad regular expression {pattern!r}: {exc}") from None
    if compiled.search(""):
        raise RulesError(f"{where}: the pattern {pattern!r} matches empty text, so it "
                         "would fire on everything")
    return compiled


def _rule(raw, i: int, line: int, path: Path, codebook, known_mandates) -> Rule:
    if not isinstance(raw, dict):
        raise RulesError(f"{path}, line {line}: rule #{i + 1} is not a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise RulesError(f"{path}, line {line}: rule #{i + 1} has no id")
    where = f"{path}, line {line}, rule {rule_id}"
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise RulesError(f"{where}: unknown key {unknown[0]!r} "
                         f"(known: {', '.join(sorted(_RULE_KEYS))})")
    scheme, value = raw.get("scheme"), raw.get("value")
    if scheme not in SCHEMES:
        raise RulesError(f"{where}: unknown scheme {scheme!r} (schemes: {', '.join(SCHEMES)})")
    if value not in codebook.schemes[scheme].terms:
        raise RulesError(f"{where}: {value!r} is not a value of {scheme} "
                         f"(values: {', '.join(codebook.slugs(scheme))})")
    if "confidence" not in raw:
        raise RulesError(f"{where}: no confidence (a number from 0 to 1)")
    confidence = _confidence(raw["confidence"], where)
    words = _strings(raw, "words", where)
    exceptions = _strings(raw, "except", where)
    for word in words + exceptions:
        _check_word(word, where)
    pattern = raw.get("pattern")
    if pattern is not None and (not isinstance(pattern, str) or not pattern.strip()):
        raise RulesError(f"{where}: 'pattern' must be a non-empty string")
    if not words and pattern is None:
        raise RulesError(f"{where}: give 'words' or a 'pattern' for it to look for")
    lang = set(_strings(raw, "lang", where))
    if lang - set(LANGUAGES):
        raise RulesError(f"{where}: unknown language {sorted(lang - set(LANGUAGES))[0]!r} "
                         f"(languages: {', '.join(LANGUAGES)})")
    fields = set(_strings(raw, "fields", where))
    if fields - set(FIELDS):
        raise RulesError(f"{where}: unknown field {sorted(fields - set(FIELDS))[0]!r} "
                         f"(fields: {', '.join(FIELDS)})")
    requires = _strings(raw, "requires", where)
    for code in requires:
        s, _, v = code.partition(":")
        if s not in SCHEMES or v not in codebook.schemes[s].terms:
            raise RulesError(f"{where}: requires {code!r}, which is not a scheme:value code")
    mandates = _strings(raw, "mandates", where)
    if known_mandates and set(mandates) - known_mandates:
        raise RulesError(f"{where}: unknown mandate "
                         f"{sorted(set(mandates) - known_mandates)[0]!r} (see "
                         "tracker/data/mandates.csv for the slugs)")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise RulesError(f"{where}: 'note' must be a string")
    matchers = ([words_regex(words)] if words else []) + \
        ([_compile(pattern, where)] if pattern is not None else [])
    return Rule(id=rule_id, scheme=scheme, value=value, confidence=confidence,
                words=tuple(words), pattern=pattern, exceptions=tuple(exceptions),
                lang=frozenset(lang), fields=frozenset(fields), requires=frozenset(requires),
                mandates=frozenset(mandates), note=note, line=line, matchers=tuple(matchers),
                starts=_starts(words) if pattern is None else None,
                unless=words_regex(exceptions) if exceptions else None)


def _check_word(word: str, where: str) -> None:
    if not _WORD.search(fold(word.replace("*", " "))[0]):
        raise RulesError(f"{where}: the word {word!r} has no letters, so it would match "
                         "anything")
    if any("*" in token.rstrip("*") for token in word.split()):
        raise RulesError(f"{where}: in {word!r}, * may only end a word (defensor* matches "
                         "defensora, defensoras …) or stand alone for any one word")


@functools.cache
def _mandate_slugs() -> frozenset[str]:
    import csv

    with open(CODING_DIR.parent / "mandates.csv", encoding="utf-8") as f:
        return frozenset(row["slug"] for row in csv.DictReader(f))


# --- coding ----------------------------------------------------------------------------------

@dataclass
class _Text:
    field: str
    original: str
    folded: str
    origin: list[int] | None
    lang: str | None
    tokens: list[str] = field(default_factory=list)  # its distinct words, sorted

    def __post_init__(self):
        self.tokens = sorted(set(_WORD.findall(self.folded)))

    def may_hold(self, starts: tuple[tuple[str, bool], ...] | None) -> bool:
        if starts is None:
            return True
        for literal, prefix in starts:
            i = bisect.bisect_left(self.tokens, literal)
            if i < len(self.tokens) and (self.tokens[i] == literal or
                                         prefix and self.tokens[i].startswith(literal)):
                return True
        return False

    def words(self, start: int, end: int) -> str:
        if self.origin is not None:
            start, end = self.origin[start], self.origin[end - 1] + 1
        return self.original[start:end]


def _prepare(texts: Mapping[str, str | None], rules: Rules,
             languages: Mapping[str, str]) -> list[_Text]:
    prepared = []
    for name in FIELDS:
        original = texts.get(name)
        if not original or not original.strip():
            continue
        folded, origin = fold(original)
        if name == "letter" and rules.letter_end is not None:
            # the legal annex cites the law, not the facts: a letter is read up to it
            end = rules.letter_end.search(folded)
            if end:
                folded = folded[:end.start()]
        if rules.ignore is not None:
            # mandate titles and forms of address: blanked, positions kept
            folded = rules.ignore.sub(lambda m: " " * len(m.group()), folded)
        prepared.append(_Text(name, original, folded, origin,
                              languages.get(name) or detect_language(folded)))
    return prepared


def _apply(rule: Rule, text: _Text) -> Hit | None:
    if rule.fields and text.field not in rule.fields:
        return None
    if rule.lang and text.lang and text.lang not in rule.lang:
        return None
    if not text.may_hold(rule.starts):
        return None
    spans = [m.span() for matcher in rule.matchers for m in matcher.finditer(text.folded)
             if m.end() > m.start()]
    if spans and rule.unless is not None:
        blocked = [m.span() for m in rule.unless.finditer(text.folded)]
        spans = [(s, e) for s, e in spans if not any(bs < e and s < be for bs, be in blocked)]
    if not spans:
        return None
    matched = list(dict.fromkeys(text.words(s, e) for s, e in sorted(spans)))
    return Hit(rule.scheme, rule.value, rule.id, rule.confidence, text.field,
               tuple(matched[:MAX_MATCHED]))


def code(texts: Mapping[str, str | None], rules: Rules, *, mandates: Iterable[str] = (),
         given: Iterable[str] = (), languages: Mapping[str, str] | None = None) -> list[Hit]:
    """Every code the rules find in these texts, one hit per rule and field.

    texts: {"summary": ..., "letter": ..., "reply": ...}; mandates: the letter's mandate
    slugs; given: "scheme:value" codes a person already decided (for `requires`);
    languages: a field's known language (otherwise it is detected). A rule whose `requires`
    names a code fires once that code was found, whatever the rules' order in the file.
    Women and WHRD are "no", at the [default] confidence, when no rule finds "yes"; a
    communication with no text at all gets no codes.
    """
    prepared = _prepare(texts, rules, languages or {})
    if not prepared:
        return []
    mandates = set(mandates)
    found = set(given)
    hits: list[tuple[int, Hit]] = []
    pending = [(n, r) for n, r in enumerate(rules.rules)
               if not r.mandates or r.mandates & mandates]
    progress = True
    while pending and progress:
        progress, waiting = False, []
        for n, rule in pending:
            if not rule.requires <= found:
                waiting.append((n, rule))
                continue
            for text in prepared:
                hit = _apply(rule, text)
                if hit:
                    hits.append((n, hit))
                    progress |= rule.code not in found
                    found.add(rule.code)
        pending = waiting
    result = [hit for _, hit in sorted(hits, key=lambda nh: nh[0])]
    for scheme in YES_NO:
        if not any(h.scheme == scheme for h in result):
            result.append(Hit(scheme, "no", f"default.{scheme}_no",
                              rules.defaults[f"{scheme}_no"], prepared[0].field, ()))
    return result


def resolve(hits: Iterable[Hit]) -> dict[str, dict[str, Hit]]:
    """Per scheme, per value, the strongest hit (the first of equals).

    Women and WHRD keep one value, the stronger of yes and no; the other schemes keep
    every value found.
    """
    best: dict[str, dict[str, Hit]] = {}
    for hit in hits:
        values = best.setdefault(hit.scheme, {})
        if hit.value not in values or hit.confidence > values[hit.value].confidence:
            values[hit.value] = hit
    for scheme in YES_NO:
        if len(best.get(scheme, {})) > 1:
            strongest = max(best[scheme].values(), key=lambda h: h.confidence)
            best[scheme] = {strongest.value: strongest}
    return best
