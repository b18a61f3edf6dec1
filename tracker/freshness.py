"""When each UN source was last fetched: for every page's footer and every export.

A Source row's `fetched_at` is when its bytes left the UN's server. A file imported from
disk has no such moment of its own, so it takes the import time, except the shared sample
files: their capture dates are known (the samples' README and PROVENANCE files), so a
sample loaded today does not pass for data fetched today.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import func
from sqlmodel import Session, select

from tracker.models import Source

# sha256 of a sample file -> when its content was captured from the UN. Keyed on the
# bytes, not the path, so a copy elsewhere or an edited file is never misdated.
SAMPLE_CAPTURED = {
    # ohchr/README.md: scraped live, `generated_at` 2026-07-12T10:54:11Z
    "fe64580e55b1fcfe7692dbda64fa86d0406bba4df3a92727055af4fbafea3ced":
        datetime(2026, 7, 12, 10, 54, 11, tzinfo=UTC),
    # un_resolutions/ and unbisnet_catalogue/ READMEs: scraped from UNBISnet by the
    # author of FrieseWoudloper/UnitedNationsDraftResolutions, committed 2015-08-28: the
    # last day the catalogue can have been read.
    "7a1eec2a2da6d422309f5ff32319ffae12c00f0eb0e59eba4be7f2aba314fad6":
        datetime(2015, 8, 28, tzinfo=UTC),
    "3e1a7824a4c37a6f07e03400c3b3a273d4659f6e61de49a6fb4c26f2f7535a60":
        datetime(2015, 8, 28, tzinfo=UTC),
    "9232a9c6e696835c5435bce533219903ab15d67b6a41a0ce4f54c77fe6c7d8b2":
        datetime(2015, 8, 28, tzinfo=UTC),
    "3abb54d35e6cf1e0af986c9a6ee71ba02cda591e50bbc0faf03e30306ddf3381":
        datetime(2015, 8, 28, tzinfo=UTC),
    # undl/PROVENANCE.md: a Digital Library export committed 2025-11-27
    "472f619368ff3a2d2cd4e423a1a0c5b9a6e48c35a9f0c3aedd9e807cf6c26901":
        datetime(2025, 11, 27, tzinfo=UTC),
}

# Parser module (the part of Source.parser before the dot) -> the source it reads.
KINDS = {"communications": "communications", "undl": "undl", "unbis": "unbisnet",
         "hrc": "hrc"}
ORDER = ("communications", "undl", "unbisnet", "hrc")


def captured_on(digest: str) -> datetime | None:
    """When a sample file's content was captured, or None for any other file."""
    return SAMPLE_CAPTURED.get(digest)


def last_fetched(session: Session) -> list[tuple[str, datetime]]:
    """Each source kind with data, and when it was last fetched, in a fixed order."""
    latest: dict[str, datetime] = {}
    for parser, when in session.exec(select(Source.parser, func.max(Source.fetched_at))
                                     .group_by(Source.parser)):
        kind = KINDS.get(parser.partition(".")[0])
        if kind and when and (kind not in latest or when > latest[kind]):
            latest[kind] = when
    return [(kind, latest[kind]) for kind in ORDER if kind in latest]


def label(kind: str) -> str:
    """The source's name in the interface language."""
    return {"communications": _("UN Special Procedures communications"),
            "undl": _("UN Digital Library"),
            "unbisnet": _("UNBISnet catalogue of draft resolutions"),
            "hrc": _("Human Rights Council documents")}[kind]


def described(session: Session) -> list[tuple[str, str]]:
    """(source name, date last fetched as YYYY-MM-DD) for pages and exports."""
    return [(label(kind), when.date().isoformat()) for kind, when in last_fetched(session)]


def as_meta(session: Session) -> list[dict[str, str]]:
    """The same for JSON: stable keys, the full UTC timestamp."""
    return [{"source": kind, "name": label(kind),
             "fetched_at": (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()}
            for kind, when in last_fetched(session)]
