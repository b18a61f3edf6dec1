"""Interface words that arrive with the data, shown in the reader's language.

Regional group and region names, region scheme names, mandate titles, letter types, reply
and coding values are the interface's vocabulary even though they live in the database or
in tracker/data: a Spanish reader sees "Grupo de los Estados de África", not "African
Group". They go through gettext like every other interface string, so one catalogue (and
one completeness test) holds them all. The data itself (summaries, titles, names of
States) stays as the UN published it.

The English text of the reference files is extracted straight from tracker/data by
`extract_csv` (named in babel.cfg), so a mandate added to mandates.csv lands in the
catalogues at the next `make translations`. A value with no translation, such as a region
of a scheme someone imported, is shown as it is.

The coding vocabulary (attack types, perpetrators, risk factors) is the exception: its
labels come in English, Spanish and French from tracker/data/coding/vocabulary.toml, which
keeps each term whole in one place (tracker.codebook), not from the catalogues.
"""

from __future__ import annotations

import csv
import io

from flask import g, has_app_context
from flask_babel import get_locale, get_translations, gettext

from tracker.codebook import load_codebook


def N_(message: str) -> str:  # noqa: N802 (the name gettext tools look for)
    """Mark a string for the catalogues without translating it here."""
    return message


# Codes the data stores, with the English words the interface shows for them.
CODES: dict[str, dict[str, str]] = {
    "type": {"AL": N_("Allegation letter"), "UA": N_("Urgent appeal"),
             "OL": N_("Other letter"), "JAL": N_("Joint allegation letter"),
             "JUA": N_("Joint urgent appeal"), "JOL": N_("Joint other letter")},
    "reply": {"awaiting": N_("awaiting a reply"), "replied": N_("reply received")},
    "coding": {"yes": N_("yes"), "no": N_("no"), "not coded": N_("not coded")},
    "vote": {"Y": N_("in favour"), "N": N_("against"), "A": N_("abstained"),
             "X": N_("did not vote")},
    # The Council's agenda since 2007 (resolution 5/1), as a voting record filters it.
    "agenda_item": {"1": N_("Item 1: organizational and procedural matters"),
                    "2": N_("Item 2: annual report of the High Commissioner"),
                    "3": N_("Item 3: promotion and protection of all human rights"),
                    "4": N_("Item 4: situations that require the Council’s attention"),
                    "5": N_("Item 5: human rights bodies and mechanisms"),
                    "6": N_("Item 6: universal periodic review"),
                    "7": N_("Item 7: Palestine and other occupied Arab territories"),
                    "8": N_("Item 8: the Vienna Declaration and Programme of Action"),
                    "9": N_("Item 9: racism and racial discrimination"),
                    "10": N_("Item 10: technical assistance and capacity-building")},
    "vote_subject": {"defenders": N_("human rights defenders"), "women": N_("women and gender"),
                     "mandates": N_("Special Procedures mandates")},
    "vote_facet": {"without-a-vote": N_("adopted without a vote"),
                   "recorded": N_("recorded vote"), "non-recorded": N_("vote not recorded"),
                   "unknown": N_("not known")},
    "body": {"GA": N_("General Assembly"), "HRC": N_("Human Rights Council"),
             "CHR": N_("Commission on Human Rights")},
    "language": {"en": N_("English"), "fr": N_("French"), "es": N_("Spanish")},
    "reply_kind": {"acknowledgement": N_("acknowledgement"), "substantive": N_("substantive")},
    "document": {"letter": N_("letter"), "reply": N_("reply")},
    "group": {"none": N_("Not a State")},
    "decision": {"confirmed": N_("confirmed"), "rejected": N_("rejected")},
    "user_role": {"viewer": N_("viewer"), "editor": N_("editor"), "admin": N_("administrator")},
}
CODES["women"] = CODES["whrd"] = CODES["coding"]  # the search facets' names

# Kinds whose values are English words from the data (region names, mandate titles …):
# translated when the catalogue knows them, shown as they are otherwise.
WORDS = {"group", "region", "scheme", "mandate", "role", "reason"}

N_("member"), N_("observer"), N_("participant")  # region roles, from tracker/reference.py

# Kinds labelled from the coding vocabulary: its schemes, and "coding_scheme" for their names.
CODING_KINDS = {"women", "whrd", "attack", "perpetrator", "perpetrator_type", "risk",
                "coding_scheme"}


def _coding_label(value: str, kind: str) -> str | None:
    book = load_codebook()
    locale = get_locale()
    lang = locale.language if locale else "en"
    if kind == "coding_scheme":
        scheme = book.schemes.get(value)
        return scheme.label(lang) if scheme else None
    term = book.term(kind, value)
    return term.label(lang) if term else None


def label(value, kind: str) -> str:
    """Show a value from the data in the interface's language: `label("AL", "type")`.

    Kinds the vocabulary does not know (a State, a year) pass through unchanged, so a
    template can apply the filter to every facet alike.
    """
    if value is None or value == "":
        return value
    if kind in CODING_KINDS:
        coded = _coding_label(str(value), kind)
        if coded is not None:
            return coded
    english = CODES.get(kind, {}).get(str(value))
    if english is None and kind not in WORDS:
        return value
    return _gettext(english or str(value))


def _gettext(message: str) -> str:
    """flask_babel's gettext, with the catalogue of each language looked up once per
    request: a search page labels a few hundred facet values, and finding the catalogue
    each time was a fifth of its rendering. Keyed by the language, as an alert or a
    brief switches it (force_locale)."""
    if not has_app_context():
        return gettext(message)
    locale = get_locale()
    catalogues = g.setdefault("_label_catalogues", {})
    catalogue = catalogues.get(locale)
    if catalogue is None:
        catalogue = catalogues[locale] = get_translations()
    return catalogue.ugettext(message)


def extract_csv(fileobj, keywords, comment_tags, options):
    """Babel extractor: the values of the columns babel.cfg names, one msgid each.

    babel.cfg names it under [extractors] and gives each file its columns:
    `[vocabulary: tracker/data/mandates.csv]`, then `columns = full_name site_label`.
    """
    columns = options.get("columns", "").split()
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    seen = set()
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        for column in columns:
            value = (row.get(column) or "").strip()
            if value and value not in seen:
                seen.add(value)
                yield lineno, "_", value, [f"{column} in {fileobj.name.rsplit('/', 1)[-1]}"]
