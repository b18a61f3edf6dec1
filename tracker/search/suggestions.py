"""The words of an index generation, unstemmed, for "did you mean"."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tracker.query import SPELL_ANALYZER

VOCABULARY = "vocabulary.txt"
_VOCAB_CACHE: dict[tuple[str, float], tuple[list[str], frozenset[str]]] = {}


def spelling_words(texts: Iterable[str]) -> set[str]:
    return {t.text for text in texts for t in SPELL_ANALYZER(text or "") if len(t.text) > 2
            and not t.text.isdigit()}


def add_vocabulary(folder: str | Path, words: set[str]) -> None:
    """Keep the generation's unstemmed words for "did you mean" (cheaper than a field)."""
    path = Path(folder) / VOCABULARY
    known = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    if words - known:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".vocab-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(known | words)))
        os.replace(tmp, path)


def vocabulary(folder: str | Path) -> tuple[list[str], frozenset[str]]:
    """The generation's words, in order for the speller and as a set to look words up
    (made once per generation: a set of every word per query was most of a typo's time)."""
    path = Path(folder) / VOCABULARY
    if not path.exists():
        return [], frozenset()
    key = (str(path), path.stat().st_mtime)
    if key not in _VOCAB_CACHE:
        _VOCAB_CACHE.clear()
        words = path.read_text(encoding="utf-8").split()
        _VOCAB_CACHE[key] = (words, frozenset(words))
    return _VOCAB_CACHE[key]


