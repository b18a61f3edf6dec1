"""One communication: every field, replies, coding and related letters."""

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _

from tracker.auth import PUBLIC, access
from tracker.communications import communication_view
from tracker.db import get_session
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
                           coding=CODING, notes=rule_notes(rules))


@bp.get("/<int:comm_id>.json")
@access(PUBLIC)
def show_json(comm_id):
    v = _view_or_404(comm_id)
    c = v.communication
    data = c.model_dump(exclude={"created_at", "updated_at"})
    data["reference"] = c.reference
    data["mandates"] = [m.site_label for m in v.mandates]
    data["replies"] = [{"date": r.date, "url": r.url, "kind": r.kind} for r in v.replies]
    return as_json(data)
