"""Sponsors that are not States: groups of States and UN bodies, under every printed name.

A group's sponsorship spreads to its members on the day where membership is known: the
five UN regional groups (their names changed over time: the Asian Group became the
Asia-Pacific Group in 2011, the Latin American Group took in the Caribbean), the
European Union and the European Communities before it, and the Group of 77. Other
groups (the Arab Group, the OIC, the Non-Aligned Movement, ECOWAS …) are kept as groups
and not spread: the tracker holds no membership list for them.
"""

from __future__ import annotations

import re

from tracker.names import name_key
from tracker.vocabulary import N_

# canonical group -> the UN regional group (Region.name in the "un-groups" scheme)
REGIONAL = {
    "African Group": "African Group",
    "Asia-Pacific Group": "Asia-Pacific Group",
    "Eastern European Group": "Eastern European Group",
    "GRULAC": "GRULAC",
    "WEOG": "WEOG",
}
# Groups whose members come from GroupMembership rows (tracker/data/*_membership.csv).
LISTED = {"European Union", "Group of 77"}

# (pattern on the name key, canonical name). Order matters: the first match wins.
# The names are interface vocabulary: N_ marks them for the catalogues.
_GROUPS = [
    (r"\bafrican (?:states|group)\b|\bgroup of african\b", N_("African Group")),
    (r"\basia[n-]?\s*(?:pacific )?(?:states|group)\b|\bgroup of asia", N_("Asia-Pacific Group")),
    (r"\beastern european\b", N_("Eastern European Group")),
    (r"\blatin american\b", N_("GRULAC")),
    (r"\bwestern european\b", N_("WEOG")),
    (r"\beuropean (?:union|communit\w*|economic community)\b|^eec$|^eu$", N_("European Union")),
    (r"\bgroup (?:of )?77\b", N_("Group of 77")),
    (r"\barab (?:group|states)\b", N_("Arab Group")),
    (r"\bislamic (?:cooperation|conference)\b", N_("Organization of Islamic Cooperation")),
    (r"\bnon aligned\b", N_("Non-Aligned Movement")),
    (r"\becowas\b|\beconomic community of west african states\b",
     N_("Economic Community of West African States")),
    (r"\bsouthern african development community\b", N_("Southern African Development Community")),
    (r"\bgroup b\b", N_("Group B (UNCTAD)")),
    (r"\bcaribbean (?:states|community)\b|\bcaricom\b", N_("Caribbean States")),
    (r"\bnordic\b", N_("Nordic countries")),
    (r"\bother states\b", N_("Other States")),
]
_GROUP_RES = [(re.compile(p), name) for p, name in _GROUPS]

# UN organs and other bodies that appear where sponsors are catalogued.
_BODY_RE = re.compile(
    r"\b(?:secretary general|commission on|security council|general assembly|economic and "
    r"social council|committee|conference of the parties|union$|association$|organi[sz]ation"
    r"|programme|council|commission|agency|fund)\b")


def canonical_group(name: str) -> str | None:
    key = name_key(name).replace("-", " ")
    for pattern, canonical in _GROUP_RES:
        if pattern.search(key):
            return canonical
    return None


def body_name(name: str) -> str | None:
    """A UN organ or other body named as an author ("UN. Secretary-General"), or None."""
    key = name_key(name).replace("-", " ")
    if _BODY_RE.search(key):
        return re.sub(r"^UN\.?\s+", "", name).strip()
    return None
