"""The states pages: every state grouped by region, in any scheme."""

from flask import Blueprint, abort, render_template, request

from tracker.auth import PUBLIC, access
from tracker.db import get_session
from tracker.states import scheme_by_slug, schemes, states_by_region

bp = Blueprint("states", __name__)


@bp.get("/states")
@access(PUBLIC)
def index():
    session = get_session()
    scheme = scheme_by_slug(session, request.args.get("scheme", "un-groups"))
    if scheme is None:
        abort(404, description="No region scheme by that name.")
    groups = states_by_region(session, scheme)
    return render_template("states/index.html", scheme=scheme, schemes=schemes(session),
                           groups=groups)


@bp.get("/")
@access(PUBLIC)
def home():
    return index()
