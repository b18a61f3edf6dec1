"""Resolve state names as printed in UN documents to ISO3 codes, or to sponsor groups."""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlmodel import Session, select

from tracker.models import State, StateAlias
from tracker.names import name_key
from tracker.reference import add_alias

# Sponsors that are groups, not states ("UN. Group of African States" in the catalogue).
_GROUP_RE = re.compile(r"\b(group of|european (union|communit)|organi[sz]ation of|"
                       r"african union|league of arab|non-aligned|member states of)\b", re.I)
FUZZY_CUTOFF = 90


@dataclass
class Match:
    kind: str  # state | group
    value: str  # ISO3, or the group's name
    how: str  # alias | code | fuzzy | group


@dataclass
class StateResolver:
    """Exact alias first, then a group pattern, then a fuzzy match that records the alias."""

    session: Session
    aliases: dict[str, str] = field(default_factory=dict)
    unmatched: dict[str, str] = field(default_factory=dict)  # name -> where it was met

    def __post_init__(self):
        self.aliases = {a.key: a.iso3 for a in self.session.exec(select(StateAlias)).all()}
        self.codes = set(self.session.exec(select(State.iso3)).all())

    def is_known(self, name: str) -> bool:
        """True for an exact alias or a group; what the parsers use to split run-on names."""
        key = name_key(name)
        return key in self.aliases or bool(_GROUP_RE.search(name))

    def resolve(self, name: str, *, where: str = "") -> Match | None:
        key = name_key(name)
        if key in self.aliases:
            return Match("state", self.aliases[key], "alias")
        if key.upper() in self.codes:
            return Match("state", key.upper(), "code")
        if _GROUP_RE.search(name):
            group = re.sub(r"^UN\.\s*", "", name).strip()
            group = re.sub(r"^the\s+", "", group, flags=re.I)
            return Match("group", group[0].upper() + group[1:], "group")
        best = process.extractOne(key, self.aliases.keys(), scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_CUTOFF)
        if best:
            iso3 = self.aliases[best[0]]
            add_alias(self.session, name, iso3,
                      f"fuzzy match (score {best[1]:.0f}) to '{best[0]}'"
                      + (f" in {where}" if where else ""))
            self.aliases[key] = iso3
            return Match("state", iso3, "fuzzy")
        self.unmatched.setdefault(name, where)
        return None
