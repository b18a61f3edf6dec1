"""A fused Whoosh analyzer: tokenise, lowercase, fold accents, drop stop words, stem.

It gives the same terms as RegexTokenizer | LowercaseFilter | CharsetFilter(accent_map)
| StopFilter | StemFilter, but in one pass with a per-word cache, because Whoosh's
chained filters spend most of an index build creating and passing Token objects
(profiled: 70 % of add_document). A test checks it against the chain.
"""

import re

from whoosh.analysis import Analyzer, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

WORD = re.compile(r"\w+(\.?\w+)*", re.UNICODE)  # what a word is, also for passages


class FoldStemAnalyzer(Analyzer):
    def __init__(self, stem_words: bool = True, stoplist=STOP_WORDS, minsize: int = 2,
                 cachesize: int = 200_000):
        self.stem_words, self.stoplist, self.minsize = stem_words, frozenset(stoplist), minsize
        self.cachesize = cachesize
        self._cache: dict[str, str | None] = {}

    def __eq__(self, other):
        return (type(other) is type(self) and self.stem_words == other.stem_words
                and self.stoplist == other.stoplist and self.minsize == other.minsize)

    def __hash__(self):
        return hash((type(self), self.stem_words, self.minsize))

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def term(self, word: str) -> str | None:
        """The indexed form of a word, or None for a stop word or a too-short one."""
        cached = self._cache.get(word)
        if cached is not None or word in self._cache:
            return cached
        folded = word.lower().translate(accent_map)
        if folded in self.stoplist or len(folded) < self.minsize:
            out = None
        else:
            out = stem(folded) if self.stem_words else folded
        if len(self._cache) < self.cachesize:
            self._cache[word] = out
        return out

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = value
            t.text = self.term(value) or value.lower().translate(accent_map)
            t.boost, t.stopped = 1.0, False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in WORD.finditer(value):
            word = match.group(0)
            text = self.term(word)
            if text is None and removestops:
                continue
            t.text, t.stopped, t.boost = (word.lower(), True, 1.0) if text is None else (
                text, False, 1.0)
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t
            pos += 1
