"""The case register's vocabulary as admins edit it: VocabularyTerm rows over the file.

tracker/data/coding/vocabulary.toml ships the terms; an admin may add a perpetrator (with
its parent), an attack or a risk factor, relabel a term, or retire one (hidden from forms,
still labelled where a case has it). Slugs are never renamed or deleted: cases store them.
`merge` is pure; the rest reads and writes the table (the caller commits and audits).

The communication coder (tracker.coding) keeps reading the file alone: for the rules to
code a new term, rules.toml must name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session, select

from tracker.cases import CaseError
from tracker.codebook import LANGUAGES, PARENTS, Codebook, Scheme, Term, load_codebook
from tracker.models import VocabularyTerm
from tracker.vocabulary import N_

# The schemes a case is coded with: the only ones an admin edits here.
EDITABLE = ("perpetrator", "attack", "risk")
SLUG = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
LABEL_LIMIT = 120
SCOPE_LIMIT = 2000


class VocabularyEditError(CaseError):
    """An edit cannot be made as asked; `field` names the form field at fault (a form
    error like a case's: the same message, field and translation)."""


@dataclass(frozen=True)
class MergedCodebook(Codebook):
    """A Codebook with the admins' terms and labels, knowing which terms are retired."""

    retired: Mapping[str, frozenset[str]] = field(default_factory=dict)
    added: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def is_retired(self, scheme: str, slug: str) -> bool:
        return slug in self.retired.get(scheme, ())


def merge(book: Codebook, rows: Iterable[VocabularyTerm]) -> MergedCodebook:
    """The file's vocabulary with the rows laid over it: new terms appended in the order
    they were added, non-empty labels and scope notes replacing the file's."""
    terms = {slug: dict(scheme.terms) for slug, scheme in book.schemes.items()}
    retired: dict[str, set[str]] = {}
    added: dict[str, set[str]] = {}
    for row in rows:
        if row.scheme not in terms:
            continue
        old = terms[row.scheme].get(row.slug)
        given = {lang: getattr(row, lang).strip() for lang in LANGUAGES
                 if getattr(row, lang).strip()}
        if old is None:
            if "en" not in given:
                continue
            labels = {lang: given.get(lang, given["en"]) for lang in LANGUAGES}
            terms[row.scheme][row.slug] = Term(row.scheme, row.slug, labels,
                                               (row.scope or "").strip(), row.parent)
            added.setdefault(row.scheme, set()).add(row.slug)
        else:
            terms[row.scheme][row.slug] = Term(
                row.scheme, row.slug, {**old.labels, **given},
                (row.scope or "").strip() or old.scope, old.parent)
        if row.retired:
            retired.setdefault(row.scheme, set()).add(row.slug)
    schemes = {slug: Scheme(s.slug, s.labels, s.scope, terms[slug])
               for slug, s in book.schemes.items()}
    return MergedCodebook(schemes,
                          retired={k: frozenset(v) for k, v in retired.items()},
                          added={k: frozenset(v) for k, v in added.items()})


def active_slugs(book: Codebook, scheme: str) -> tuple[str, ...]:
    """The scheme's slugs a form offers: every one but the retired."""
    retired = book.retired.get(scheme, ()) if isinstance(book, MergedCodebook) else ()
    return tuple(s for s in book.slugs(scheme) if s not in retired)


def merged_codebook(session: Session, path=None) -> MergedCodebook:
    """The vocabulary the case register uses: the file, then the table's edits."""
    rows = session.exec(select(VocabularyTerm).order_by(VocabularyTerm.id)).all()
    return merge(load_codebook(path), rows)


def _labels(raw: Mapping[str, str], *, required: bool) -> dict[str, str]:
    labels = {lang: str(raw.get(lang) or "").strip() for lang in LANGUAGES}
    if required and not labels["en"]:
        raise VocabularyEditError(N_("A new term needs an English label."), "en")
    for lang, text in labels.items():
        if len(text) > LABEL_LIMIT:
            raise VocabularyEditError(N_("Too long: at most %(limit)s characters."), lang,
                                      limit=LABEL_LIMIT)
    return labels


def _scope(raw: str | None) -> str:
    scope = str(raw or "").strip()
    if len(scope) > SCOPE_LIMIT:
        raise VocabularyEditError(N_("Too long: at most %(limit)s characters."), "scope",
                                  limit=SCOPE_LIMIT)
    return scope


def _row(session: Session, scheme: str, slug: str) -> VocabularyTerm | None:
    return session.exec(select(VocabularyTerm).where(VocabularyTerm.scheme == scheme)
                        .where(VocabularyTerm.slug == slug)).first()


def _check_scheme(scheme: str) -> None:
    if scheme not in EDITABLE:
        raise VocabularyEditError(N_("Terms are added to perpetrators, attacks or risk "
                                     "factors only."), "scheme")


def add_term(session: Session, *, scheme: str, slug: str, labels: Mapping[str, str],
             scope: str = "", parent: str | None = None, username: str) -> VocabularyTerm:
    """Add a term to a scheme; a perpetrator needs its parent (state, non_state, unknown)."""
    _check_scheme(scheme)
    slug = (slug or "").strip()
    if not SLUG.match(slug):
        raise VocabularyEditError(N_("A slug is 2 to 40 lower-case letters, digits or "
                                     "underscores, starting with a letter."), "slug")
    book = merged_codebook(session)
    if book.term(scheme, slug) is not None or _row(session, scheme, slug) is not None:
        raise VocabularyEditError(N_("This scheme already has the slug %(value)s."), "slug",
                                  value=slug)
    parents = book.slugs(PARENTS) if PARENTS in book.schemes else ()
    if scheme == "perpetrator":
        if parent not in parents:
            raise VocabularyEditError(N_("Choose whether this perpetrator is State, "
                                         "non-State or unknown."), "parent")
    else:
        parent = None
    row = VocabularyTerm(scheme=scheme, slug=slug, parent=parent, scope=_scope(scope),
                         changed_by=username, **_labels(labels, required=True))
    session.add(row)
    session.flush()
    return row


def _existing(session: Session, scheme: str, slug: str, username: str) -> VocabularyTerm:
    _check_scheme(scheme)
    if merged_codebook(session).term(scheme, slug) is None:
        raise VocabularyEditError(N_("No such term: %(value)s"), "slug", value=slug[:40])
    row = _row(session, scheme, slug) or VocabularyTerm(scheme=scheme, slug=slug)
    row.changed_by = username
    return row


def relabel(session: Session, *, scheme: str, slug: str, labels: Mapping[str, str],
            scope: str = "", username: str) -> VocabularyTerm:
    """Give a term new labels (an empty one keeps the current label) or a new scope note."""
    row = _existing(session, scheme, slug, username)
    given = _labels(labels, required=False)
    scope = _scope(scope)
    if not any(given.values()) and not scope:
        raise VocabularyEditError(N_("Give at least one new label or a scope note."), "en")
    for lang, text in given.items():
        setattr(row, lang, text or getattr(row, lang))
    if scope:
        row.scope = scope
    session.add(row)
    session.flush()
    return row


def set_retired(session: Session, *, scheme: str, slug: str, retired: bool,
                username: str) -> VocabularyTerm:
    """Retire a term (hidden from forms, kept where used) or bring it back."""
    row = _existing(session, scheme, slug, username)
    row.retired = retired
    session.add(row)
    session.flush()
    return row
