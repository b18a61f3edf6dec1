"""/healthz: for a load balancer or a monitor; public, no sign-in, no session."""

from flask import Blueprint, current_app, jsonify

from tracker.auth import OPEN, access
from tracker.db import get_engine
from tracker.health import report

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@access(OPEN)
def healthz():
    """200 when the database answers at the newest schema and the index is there; 503
    otherwise. The body says what was found, and how far the index lags."""
    healthy, body = report(get_engine(), current_app.config["SEARCH_INDEX_DIR"],
                           max_lag_seconds=current_app.config["HEALTH_MAX_INDEX_LAG_SECONDS"])
    response = jsonify(body)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
