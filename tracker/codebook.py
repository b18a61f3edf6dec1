"""The coding vocabulary: schemes, their terms, labels in three languages, scope notes.

It lives in tracker/data/coding/vocabulary.toml so that a person can read and extend it;
the rules (tracker.coding), the review screen, search facets and the Special Rapporteur's
tables all take their slugs and labels from here. Pure: no Flask, no database.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

LANGUAGES = ("en", "es", "fr")
CODING_DIR = Path(__file__).resolve().parent / "data" / "coding"
VOCABULARY_FILE = CODING_DIR / "vocabulary.toml"
# The scheme whose terms are the parents of the perpetrators (derived, never coded itself).
PARENTS = "perpetrator_type"
T = TypeVar("T")


class VocabularyError(ValueError):
    """The vocabulary file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    scheme: str
    slug: str
    labels: Mapping[str, str]
    scope: str
    parent: str | None = None

    def label(self, lang: str | None = "en") -> str:
        return self.labels.get(lang or "en") or self.labels["en"]


@dataclass(frozen=True)
class Scheme:
    slug: str
    labels: Mapping[str, str]
    scope: str
    terms: Mapping[str, Term]

    def label(self, lang: str | None = "en") -> str:
        return self.labels.get(lang or "en") or self.labels["en"]


@dataclass(frozen=True)
class Codebook:
    schemes: Mapping[str, Scheme]

    def slugs(self, scheme: str) -> tuple[str, ...]:
        """The scheme's slugs in the file's order (the order tables and forms show)."""
        return tuple(self.schemes[scheme].terms)

    def term(self, scheme: str, slug: str) -> Term | None:
        found = self.schemes.get(scheme)
        return found.terms.get(slug) if found else None

    def label(self, scheme: str, slug: str, lang: str | None = "en") -> str:
        """The label of `slug` in `scheme`, or the slug itself if the vocabulary lacks it."""
        term = self.term(scheme, slug)
        return term.label(lang) if term else slug

    def parents(self, perpetrators: Iterable[str]) -> list[str]:
        """The sorted perpetrator types of these perpetrators (state, non_state, unknown)."""
        terms = self.schemes["perpetrator"].terms
        return sorted({terms[p].parent for p in perpetrators if p in terms})


_ENTRY_KEYS = {"slug", "scope", *LANGUAGES}
_TERM_KEYS = _ENTRY_KEYS | {"scheme", "parent"}


class FileCache:
    """What was built from a file, built again only when the file's time or size changes.

    So a person's edit to the vocabulary or the rules is seen at the next use, without a
    restart, and an unchanged file is not read again."""

    def __init__(self):
        self._built: dict[Path, tuple[tuple[int, int], object]] = {}

    def get(self, path: Path, build: Callable[[str], T], error: type[ValueError]) -> T:
        try:
            stat = path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
            if path in self._built and self._built[path][0] == key:
                return self._built[path][1]
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise error(f"{path}: cannot read it ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise error(f"{path}: not UTF-8 text") from None
        value = build(text)
        self._built[path] = (key, value)
        return value


def parse_toml(text: str, path: Path, error: type[ValueError]) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None


_cache = FileCache()


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and check the vocabulary file (None: the shipped one); cached until it changes."""
    path = Path(path) if path else VOCABULARY_FILE
    return _cache.get(path, lambda text: _build(parse_toml(text, path, VocabularyError), path),
                      VocabularyError)


def _entry(raw, where: str, allowed: set[str]) -> tuple[str, dict[str, str], str]:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: expected a table")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise VocabularyError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("slug", "scope", *LANGUAGES):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise VocabularyError(f"{where}: {key!r} must be a non-empty string")
    return raw["slug"], {lang: raw[lang] for lang in LANGUAGES}, raw["scope"]


def _build(data: dict, path: Path) -> Codebook:
    schemes: dict[str, tuple[dict, str, dict[str, Term]]] = {}
    for i, raw in enumerate(data.get("scheme") or [], start=1):
        slug, labels, scope = _entry(raw, f"{path}: scheme #{i}", _ENTRY_KEYS)
        if slug in schemes:
            raise VocabularyError(f"{path}: scheme {slug!r} is defined twice")
        schemes[slug] = (labels, scope, {})
    for i, raw in enumerate(data.get("term") or [], start=1):
        where = f"{path}: term #{i} ({raw.get('scheme')}:{raw.get('slug')})" \
            if isinstance(raw, dict) else f"{path}: term #{i}"
        slug, labels, scope = _entry(raw, where, _TERM_KEYS)
        scheme = raw.get("scheme")
        if scheme not in schemes:
            raise VocabularyError(f"{where}: unknown scheme {scheme!r}")
        terms = schemes[scheme][2]
        if slug in terms:
            raise VocabularyError(f"{where}: defined twice")
        parent = raw.get("parent")
        if (scheme == "perpetrator") != (parent is not None):
            raise VocabularyError(f"{where}: a perpetrator, and only a perpetrator, "
                                  f"has a parent (one of {PARENTS})")
        terms[slug] = Term(scheme, slug, labels, scope, parent)
    unknown_keys = sorted(set(data) - {"scheme", "term"})
    if unknown_keys:
        raise VocabularyError(f"{path}: unknown table {unknown_keys[0]!r}")
    book = Codebook({slug: Scheme(slug, labels, scope, terms)
                     for slug, (labels, scope, terms) in schemes.items()})
    parents = set(book.schemes[PARENTS].terms) if PARENTS in book.schemes else set()
    for term in book.schemes.get("perpetrator", Scheme("", {}, "", {})).terms.values():
        if term.parent not in parents:
            raise VocabularyError(f"{path}: term perpetrator:{term.slug}: unknown parent "
                                  f"{term.parent!r}")
    return book
