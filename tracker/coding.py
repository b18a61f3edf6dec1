"""STAND-IN for the rule-based coder (branch `coder` owns the real one): the contract's API,
with simple whole-word matching, so the review screen and tracker.codes can be built and
tested before it lands. No database, no Flask.

A rules file is TOML: `version = N`, an optional `[default]` table (women_no, whrd_no: the
confidence of "no" when a text was read and no rule found "yes"), then `[[rule]]` tables
with id, scheme, value, confidence, words and/or pattern, and optionally fields,
requires, mandates, lang (not checked here) and note.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SCHEMES = ("women", "whrd", "attack", "perpetrator", "risk")
FIELDS = ("summary", "letter", "reply")
SHIPPED = Path(__file__).resolve().parent / "data" / "coding" / "rules.toml"


class RulesError(ValueError):
    """The rules file cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Hit:
    scheme: str
    value: str
    rule: str
    confidence: float
    field: str
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    scheme: str
    value: str
    confidence: float
    words: tuple[re.Pattern, ...]
    pattern: re.Pattern | None
    fields: tuple[str, ...]
    requires: tuple[str, ...]
    mandates: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Rules:
    version: int
    rules: tuple[Rule, ...]
    path: Path
    defaults: Mapping[str, float] = field(default_factory=dict)


@lru_cache(maxsize=16)  # every rule reads the same few texts
def _fold(text: str) -> tuple[str, list[int]]:
    """The text without accents and case, with each folded character's original index."""
    out, where = [], []
    for i, ch in enumerate(text):
        plain = "".join(c for c in unicodedata.normalize("NFD", ch)
                        if not unicodedata.combining(c)).casefold()
        out.append(plain)
        where += [i] * len(plain)
    return "".join(out), where


def _word_pattern(word: str) -> re.Pattern:
    folded, _ = _fold(word.strip())
    star = folded.endswith("*")
    body = re.escape(folded.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"\w*" if star else ""
    return re.compile(rf"(?<!\w){body}{ending}(?!\w)")


def _fail(path, rule_id, message):
    raise RulesError(f"{path}: rule {rule_id!r}: {message}")


def _rule(path: Path, raw: dict, seen: set[str]) -> Rule:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RulesError(f"{path}: a [[rule]] has no id")
    if rule_id in seen:
        _fail(path, rule_id, "the id is used twice")
    seen.add(rule_id)
    if raw.get("scheme") not in SCHEMES:
        _fail(path, rule_id, f"scheme must be one of {', '.join(SCHEMES)}")
    if not isinstance(raw.get("value"), str):
        _fail(path, rule_id, "value must be a slug")
    confidence = raw.get("confidence")
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        _fail(path, rule_id, "confidence must be a number from 0 to 1")
    words = raw.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        _fail(path, rule_id, "words must be a list of strings")
    pattern = None
    if raw.get("pattern"):
        try:
            pattern = re.compile(raw["pattern"], re.IGNORECASE)
        except re.error as exc:
            _fail(path, rule_id, f"pattern is not a regular expression ({exc})")
    if not words and pattern is None:
        _fail(path, rule_id, "give words or a pattern")
    fields = tuple(raw.get("fields", FIELDS))
    if not set(fields) <= set(FIELDS):
        _fail(path, rule_id, f"fields must be among {', '.join(FIELDS)}")
    return Rule(rule_id, raw["scheme"], raw["value"], float(confidence),
                tuple(_word_pattern(w) for w in words), pattern, fields,
                tuple(raw.get("requires", ())), tuple(raw.get("mandates", ())),
                str(raw.get("note", "")))


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and check a rules file (None: the shipped one)."""
    path = Path(path) if path else SHIPPED
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from None
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RulesError(f"{path}: `version = N` (a whole number) is missing")
    seen: set[str] = set()
    rules = tuple(_rule(path, raw, seen) for raw in data.get("rule", []))
    defaults = {k: float(v) for k, v in data.get("default", {}).items()}
    return Rules(version, rules, path, defaults)


def _find(rule: Rule, text: str) -> tuple[str, ...]:
    folded, where = _fold(text)
    found: list[str] = []
    for pattern in rule.words:
        for m in pattern.finditer(folded):
            found.append(text[where[m.start()]:where[m.end() - 1] + 1])
    if rule.pattern is not None:
        found += [m.group(0) for m in rule.pattern.finditer(text) if m.group(0)]
    return tuple(dict.fromkeys(found))


def code(texts: Mapping[str, str | None], rules: Rules, *, mandates: Iterable[str] = (),
         given: Iterable[str] = ()) -> list[Hit]:
    """Every rule that fires on these texts, in the file's order."""
    present = {f: t for f, t in texts.items() if t and t.strip()}
    if not present:
        return []
    mandates, found = set(mandates), set(given)
    hits: list[Hit] = []
    for rule in rules.rules:
        if not set(rule.requires) <= found:
            continue
        if rule.mandates and not mandates & set(rule.mandates):
            continue
        for name in rule.fields:
            matched = _find(rule, present[name]) if name in present else ()
            if matched:
                hits.append(Hit(rule.scheme, rule.value, rule.id, rule.confidence, name,
                                matched))
                found.add(f"{rule.scheme}:{rule.value}")
    first = next(iter(present))
    for scheme in ("women", "whrd"):
        if not any(h.scheme == scheme and h.value == "yes" for h in hits) \
                and f"{scheme}_no" in rules.defaults:
            hits.append(Hit(scheme, "no", f"default.{scheme}_no",
                            rules.defaults[f"{scheme}_no"], first, ()))
    return hits


def resolve(hits: Iterable[Hit]) -> dict[str, dict[str, Hit]]:
    """Per scheme, per value, the strongest hit."""
    out: dict[str, dict[str, Hit]] = {}
    for hit in hits:
        best = out.setdefault(hit.scheme, {}).get(hit.value)
        if best is None or hit.confidence > best.confidence:
            out[hit.scheme][hit.value] = hit
    return out
