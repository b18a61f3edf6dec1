"""One communication: every field, replies, coding, related letters, and the text of its
letter and replies."""

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _

from tracker.auth import PUBLIC, access
from tracker.communications import communication_view
from tracker.db import get_session
from tracker.documents import documents_of, searchable
from tracker.models import Document, Reply
from tracker.review import explain, rule_notes
from tracker.views.output import as_json
from tracker.views.review import CODING, loaded_rules

bp = Blueprint("communications", __name__, url_prefix="/communications")


def _view_or_404(comm_id):
    view = communication_view(get_session(), comm_id)
    if view is None:
        abort(404, description=_("No communication with that number."))
    return view


@bp.get("/<int:comm_id>")
@access(PUBLIC)
def show(comm_id):
    v = _view_or_404(comm_id)
    rules, _error = loaded_rules()
    return render_template("communications/show.html", v=v, why=explain(get_session(), comm_id),
                           coding=CODING, notes=rule_notes(rules),
                           documents=documents_of(get_session(), comm_id))


@bp.get("/<int:comm_id>.json")
@access(PUBLIC)
def show_json(comm_id):
    v = _view_or_404(comm_id)
    c = v.communication
    data = c.model_dump(exclude={"created_at", "updated_at"})
    data["reference"] = c.reference
    data["mandates"] = [m.site_label for m in v.mandates]
    data["replies"] = [{"date": r.date, "url": r.url, "kind": r.kind} for r in v.replies]
    data["documents"] = [
        {"kind": d.kind, "url": d.url, "reply_date": r.date if r else None,
         "status": d.text_status, "language": d.language, "pages": d.pages,
         "reference_found": d.reference_found, "reference_ok": d.reference_ok,
         "note": d.error, "fetched_at": d.fetched_at}
        for d, r in documents_of(get_session(), comm_id)]
    return as_json(data)


@bp.get("/<int:comm_id>/documents/<int:doc_id>")
@access(PUBLIC)
def document(comm_id, doc_id):
    """The text read from a letter or reply file, with what is known of how it was read."""
    session = get_session()
    v = _view_or_404(comm_id)
    doc = session.get(Document, doc_id)
    if doc is None or doc.communication_id != comm_id:
        abort(404, description=_("This communication has no such letter or reply."))
    reply = session.get(Reply, doc.reply_id) if doc.reply_id else None
    return render_template("communications/document.html", c=v.communication, doc=doc,
                           reply=reply, searchable=searchable(doc))
