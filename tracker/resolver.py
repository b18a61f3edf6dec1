"""Resolve sponsor names as printed in UN documents: a State, a group, a body, or nothing.

In this order: an exact spelling (a historic one only within its dates), an ISO3 code
("tkm", typed by a cataloguer), a group or body, a name a person already confirmed, and
last a guarded similarity match. A similarity match is recorded as a NameDecision for a
person to confirm or reject; a name that matches nothing is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlmodel import Session, select

from tracker.groups import body_name, canonical_group
from tracker.models import NameDecision, State, StateAlias
from tracker.names import name_key

FUZZY_CUTOFF = 85
# The runner-up must trail the best match by this much, or the name is too close to two
# States to choose (Niger/Nigeria, Guinea/Guinea-Bissau, Austria/Australia …).
FUZZY_MARGIN = 8
# Names that are real States close to another real State: never matched by similarity to
# each other, whatever the scores.
CONFUSABLE = [
    {"NER", "NGA"}, {"GIN", "GNB", "GNQ", "PNG"}, {"DMA", "DOM"}, {"SDN", "SSD"},
    {"COG", "COD"}, {"AUT", "AUS"}, {"IRN", "IRQ"}, {"SVK", "SVN"}, {"MLI", "MLT"},
    {"GMB", "ZMB"}, {"KOR", "PRK"}, {"LBR", "LBY"}, {"PRY", "URY"}, {"MRT", "MUS"},
]


@dataclass
class Match:
    kind: str  # state | group | body
    value: str  # ISO3, or the group's or body's name
    how: str  # alias | historic | code | group | body | confirmed | fuzzy


@dataclass
class StateResolver:
    """Resolve names against the database's spellings; remember what it could not."""

    session: Session
    unmatched: dict[str, str] = field(default_factory=dict)  # name -> where it was met

    def __post_init__(self):
        self.spellings: dict[str, list[tuple]] = {}
        self.shown: dict[str, str] = {}  # key -> the spelling as written, for people
        for a in self.session.exec(select(StateAlias)).all():
            self.shown.setdefault(a.key, a.alias)
            self.spellings.setdefault(a.key, []).append(
                (a.iso3, a.valid_from, a.valid_to, a.historic))
        self.codes = set(self.session.exec(select(State.iso3)).all())
        self.decisions = {d.key: d for d in self.session.exec(select(NameDecision)).all()}
        self.plain = {k: v[0][0] for k, v in self.spellings.items()
                      if len({x[0] for x in v}) == 1}
        self._cache: dict[tuple, Match | None] = {}
        self._known: dict[str, bool] = {}
        self.dated = {k for k, v in self.spellings.items() if len({x[0] for x in v}) > 1}

    def is_known(self, name: str) -> bool:
        """True for a spelling we hold, a group or a body: what parsers use to split lists."""
        known = self._known.get(name)
        if known is None:
            key = name_key(name)
            known = self._known[name] = (
                key in self.spellings or canonical_group(name) is not None
                or (len(key) == 3 and key.upper() in self.codes))
        return known

    def resolve(self, name: str, *, where: str = "", on: dt.date | None = None
                ) -> Match | None:
        # Only a spelling shared by several States in time needs the date to resolve.
        cache_key = (name, on) if name_key(name) in self.dated else (name, None)
        if cache_key in self._cache:
            match = self._cache[cache_key]
        else:
            match = self._cache[cache_key] = self._resolve(name, where, on)
        if match is None:
            self.unmatched.setdefault(name, where)
        return match

    def _resolve(self, name: str, where: str, on: dt.date | None) -> Match | None:
        key = name_key(name)
        if key in self.spellings:
            return self._by_date(key, on)
        if len(key) == 3 and key.upper() in self.codes:
            return Match("state", key.upper(), "code")
        if group := canonical_group(name):
            return Match("group", group, "group")
        if body := body_name(name):
            return Match("body", body, "body")
        decision = self.decisions.get(key)
        if decision is not None:
            if decision.status == "rejected":
                return None
            return Match("state", decision.iso3,
                         "confirmed" if decision.status == "confirmed" else "fuzzy")
        return self._fuzzy(name, key, where)

    def _by_date(self, key: str, on: dt.date | None) -> Match | None:
        rows = self.spellings[key]
        historic = all(r[3] for r in rows)
        # Dates choose between States that shared a spelling; a name used for one State
        # only stays that State's even after its official end (catalogues lag).
        if on is not None and len({r[0] for r in rows}) > 1:
            dated = [r for r in rows if (r[1] is None or r[1] <= on)
                     and (r[2] is None or on < r[2])]
            if not dated and all(r[1] or r[2] for r in rows):
                # "Yugoslavia" between 1992 and 2000 was no member's name.
                return None
            rows = dated or rows
        # Without a date, the latest period of a spelling wins.
        iso3 = max(rows, key=lambda r: r[1] or dt.date.min)[0]
        return Match("state", iso3, "historic" if historic else "alias")

    def _fuzzy(self, name: str, key: str, where: str) -> Match | None:
        if len(key) < 5:
            return None
        found = process.extract(key, self.plain.keys(), scorer=fuzz.ratio, limit=12)
        found = [(spelling, score, self.plain[spelling]) for spelling, score, _ in found]
        if not found or found[0][1] < FUZZY_CUTOFF:
            return None
        best_spelling, best_score, iso3 = found[0]
        rival = next(((s, sc, c) for s, sc, c in found[1:] if c != iso3), None)
        if rival and best_score - rival[1] < FUZZY_MARGIN:
            return None
        if any(iso3 in pair and rival and rival[2] in pair and rival[1] >= FUZZY_CUTOFF - 15
               for pair in CONFUSABLE):
            return None
        decision = NameDecision(
            key=key, name=name, iso3=iso3, score=round(best_score, 1),
            matched_alias=self.shown[best_spelling],
            runner_up=(f"{self.shown[rival[0]]} ({rival[2]}, {rival[1]:.0f})" if rival
                       else None),
            first_seen=where)
        self.session.add(decision)
        self.decisions[key] = decision
        return Match("state", iso3, "fuzzy")
