"""Normalise state names as UN documents spell them, so every spelling finds one key."""

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Fold a name to its matching key: no accents, case, leading "the", or punctuation noise.

    "Côte d’Ivoire" and "COTE D'IVOIRE" give the same key; so do "the Sudan" and "Sudan".
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").casefold()  # dotless i from TÜRKİYE
    text = re.sub(r"[^\w'()]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"\s+", " ", text)
