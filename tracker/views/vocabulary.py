"""For administrators: the case register's vocabulary (add, relabel, retire a term).

The communication coder keeps reading tracker/data/coding/vocabulary.toml and rules.toml;
a term added here codes cases, and the rules code it only once rules.toml names it.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from tracker import vocabulary_edits as edits
from tracker.auth import ADMIN, access, current_user, log
from tracker.codebook import LANGUAGES, PARENTS
from tracker.db import get_session
from tracker.vocabulary import N_

bp = Blueprint("vocabulary", __name__, url_prefix="/admin/vocabulary")


def _labels() -> dict[str, str]:
    return {lang: request.form.get(lang, "") for lang in LANGUAGES}


@bp.route("/", methods=["GET", "POST"])
@access(ADMIN)
def index():
    session = get_session()
    error = None
    if request.method == "POST":
        action = request.form.get("action", "")
        scheme, slug = request.form.get("scheme", ""), request.form.get("slug", "").strip()
        user = current_user().username
        try:
            if action == "add":
                edits.add_term(session, scheme=scheme, slug=slug, labels=_labels(),
                               scope=request.form.get("scope", ""),
                               parent=request.form.get("parent") or None, username=user)
            elif action == "relabel":
                edits.relabel(session, scheme=scheme, slug=slug, labels=_labels(),
                              scope=request.form.get("scope", ""), username=user)
            elif action in ("retire", "unretire"):
                edits.set_retired(session, scheme=scheme, slug=slug,
                                  retired=action == "retire", username=user)
            else:
                raise edits.VocabularyEditError(N_("Choose what to do."))
        except edits.VocabularyEditError as exc:
            session.rollback()
            error = exc
        else:
            log("vocabulary-changed", target=f"{scheme}:{slug}", detail=action)
            session.commit()
            flash(_("The vocabulary was changed."), "saved")
            return redirect(url_for("vocabulary.index"))
    book = edits.merged_codebook(session)
    lang = str(get_locale() or "en")
    return render_template(
        "admin/vocabulary.html", book=book, schemes=edits.EDITABLE, lang=lang,
        parents=[(p, book.label(PARENTS, p, lang)) for p in book.slugs(PARENTS)],
        error=error.render(_) if error else None, error_field=error.field if error else None,
        form=request.form if error else {}), 400 if error else 200
