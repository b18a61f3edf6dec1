"""The review screen: editors work through the rules' codes, confirm or correct them.

Plain forms that work without JavaScript; tracker/static/review.js adds the keyboard.
Every decision is audited, and the search index learns it after the commit (one document,
with a short wait for the index's lock, so an import writing it cannot hold the page up).
"""

import re

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from markupsafe import Markup, escape

from tracker import codes
from tracker.auth import EDITOR, access, current_user, log
from tracker.coding import RulesError, load_rules
from tracker.db import get_session
from tracker.models import Communication
from tracker.review import QUEUES, explain, queue_counts, queue_ids, queue_page, rule_notes
from tracker.views.helpers import with_query
from tracker.vocabulary import N_

bp = Blueprint("review", __name__, url_prefix="/review")

# The coding schemes, each with the question a reader sees (the communication page too).
CODING = {"women": N_("Concerns women"),
          "whrd": N_("Concerns women human rights defenders"),
          "attack": N_("Attack types"), "perpetrator": N_("Perpetrator"),
          "risk": N_("Risk factors")}
QUEUE_NAMES = {"uncoded": N_("Not yet coded"), "low": N_("Low confidence"),
               "disputed": N_("Disputed"), "all": N_("All")}
STATUS_NAMES = {None: N_("not yet coded"), "rules": N_("coded by the rules"),
                "reviewed": N_("reviewed"), "disputed": N_("disputed")}
TEXT_NAMES = {"summary": N_("Summary"), "letter": N_("The letter"), "reply": N_("The reply")}
EXCERPT = 240  # characters either side of a matched word in a letter or reply
PASSAGES = 3


@bp.app_template_filter("coder")
def coder(coded_by: str | None) -> str | None:
    """Who coded, in the reader's language: the rules' "rules v3" is a name to translate."""
    version = codes.rules_version(coded_by)
    return _("rules v%(version)s", version=version) if version else coded_by


def _below() -> float:
    return float(current_app.config["CODING_REVIEW_BELOW"])


def _queue_asked() -> str | None:
    name = request.values.get("queue")
    return name if name in QUEUES else None


def loaded_rules():
    """The rules in use, or None with the reason when the file cannot be read."""
    try:
        return load_rules(current_app.config.get("CODING_RULES")), None
    except RulesError as exc:
        return None, str(exc)


@bp.get("/")
@access(EDITOR)
def index():
    session = get_session()
    counts = queue_counts(session, _below())
    name = _queue_asked() or next((q for q in QUEUES if counts[q]), "all")
    size = current_app.config["PAGE_SIZE"]
    pages = max(1, -(-counts[name] // size))
    asked = request.args.get("page", "1")
    page = min(max(int(asked), 1), pages) if asked.isdecimal() and len(asked) < 10 else 1
    rows = queue_page(session, name, _below(), page=page, size=size)
    return render_template("review/index.html", counts=counts, queue=name, rows=rows,
                           page=page, pages=pages, queue_names=QUEUE_NAMES, below=_below(),
                           status_names={k: _(v) for k, v in STATUS_NAMES.items()})


def _highlight(text: str, words) -> Markup:
    """The text, escaped, with the words the rules matched in <mark>."""
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words),
                         re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [escape(text[last:m.start()]), Markup("<mark>{}</mark>").format(m.group(0))]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _passages(text: str, words) -> list[Markup]:
    """A long letter shown as the passages around its matched words (or its opening)."""
    spans = []
    for word in sorted(words, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            spans.append((max(0, m.start() - EXCERPT), min(len(text), m.end() + EXCERPT)))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    merged = merged[:PASSAGES] or [[0, min(len(text), 2 * EXCERPT)]]
    return [Markup("{}{}{}").format("… " if s else "", _highlight(text[s:e], words),
                                    " …" if e < len(text) else "") for s, e in merged]


def _neighbours(session, queue: str, comm_id: int) -> tuple[int | None, int | None, int, int]:
    """The previous and next item of the queue, this one's place in it, and its length."""
    ids = queue_ids(session, queue, _below())
    if comm_id not in ids:
        return None, (ids[0] if ids else None), 0, len(ids)
    i = ids.index(comm_id)
    return (ids[i - 1] if i else None), (ids[i + 1] if i + 1 < len(ids) else None), i + 1, \
        len(ids)


def _item_url(comm_id: int | None, queue: str) -> str:
    if comm_id is None:
        return with_query(url_for("review.index"), {"queue": [queue]})
    return with_query(url_for("review.show", comm_id=comm_id), {"queue": [queue]})


@bp.get("/<int:comm_id>")
@access(EDITOR)
def show(comm_id):
    session = get_session()
    why = explain(session, comm_id)
    if why is None:
        abort(404, description=_("No communication with that number."))
    queue = _queue_asked() or "all"
    previous, following, place, total = _neighbours(session, queue, comm_id)
    rules, rules_error = loaded_rules()
    words = why.words()
    texts = [(field, TEXT_NAMES[field],
              [_highlight(text, words.get(field, ()))] if field == "summary"
              else _passages(text, words.get(field, ())))
             for field, text in why.item.texts().items() if text]
    number = iter(range(1, 100))
    keys = {(scheme, c.value): next(number) for scheme, cs in why.codes.items() for c in cs}
    return render_template(
        "review/show.html", c=why.item.comm, why=why, texts=texts, keys=keys, queue=queue,
        queue_names=QUEUE_NAMES, scheme_names=CODING, notes=rule_notes(rules),
        rules_error=rules_error, previous=previous, following=following, place=place,
        total=total, prev_url=_item_url(previous, queue) if previous else None,
        next_url=_item_url(following, queue), below=_below(),
        input_types={s: "radio" if s in codes.YES_NO else "checkbox" for s in codes.SCHEMES},
        status_names={k: _(v) for k, v in STATUS_NAMES.items()})


def _form_decisions() -> dict[str, set[str]]:
    """The codes the form shows ticked, for every scheme it carried."""
    out = {}
    for scheme in request.form.getlist("scheme"):
        if scheme in codes.YES_NO:
            answer = request.form.get(scheme)
            if answer:
                out[scheme] = {answer}
        elif scheme in codes.SCHEMES:
            out[scheme] = set(request.form.getlist(scheme))
    return out


def _index_one(comm_id: int) -> None:
    """Tell the search index after the commit; if it is busy, a reindex catches up."""
    from tracker.search import IndexBusy, update_index

    try:
        update_index(current_app.config["SEARCH_INDEX_DIR"], get_session(),
                     communication_ids={comm_id}, timeout=2.0)
    except IndexBusy:
        flash(_("Saved. The search index is busy: its filters show this decision after the "
                "next reindex."), "notice")


def _save(comm_id: int) -> None:
    session = get_session()
    rules, _error = loaded_rules()
    why = explain(session, comm_id)
    before = {s: f.values for s, f in why.forces.items()}
    decisions = _form_decisions()
    changed = codes.decide_all(session, comm_id, decisions, current_user(), rules)
    same = all(before[s] == v for s, v in decisions.items())
    detail = "; ".join(f"{s}: {','.join(sorted(v)) or '-'}" for s, v in decisions.items())
    log("coding-confirmed" if same else "coding-corrected", target=f"communication:{comm_id}",
        detail=detail)
    if not changed:
        flash(_("Nothing changed: these codes were already a person's decision."), "ok")


@bp.post("/<int:comm_id>")
@access(EDITOR)
def decide(comm_id):
    session = get_session()
    if session.get(Communication, comm_id) is None:
        abort(404, description=_("No communication with that number."))
    queue = _queue_asked() or "all"
    action = request.form.get("action", "")
    following = request.form.get("next", "")
    after = _item_url(int(following), queue) if following.isdecimal() and len(following) < 10 \
        else _item_url(None, queue)
    try:
        if action in ("confirm", "save"):
            _save(comm_id)
        elif action == "flag":
            if not request.form.get("note", "").strip():
                flash(_("Not flagged: say in the note what is wrong with the codes."), "error")
                return redirect(_item_url(comm_id, queue) + "#flag")
            codes.flag(session, comm_id, request.form.get("note", ""), current_user())
            log("coding-flagged", target=f"communication:{comm_id}",
                detail=request.form.get("note", "")[:400])
        elif action == "unflag":
            if codes.unflag(session, comm_id):
                log("coding-unflagged", target=f"communication:{comm_id}")
            after = _item_url(comm_id, queue)
        else:
            abort(400, description=_("Choose what to do: confirm, save corrections or flag."))
    except codes.CodingError as exc:
        session.rollback()
        flash(_("Not saved: %(reason)s.", reason=str(exc)), "error")
        return redirect(_item_url(comm_id, queue))
    session.commit()
    _index_one(comm_id)
    return redirect(after)
