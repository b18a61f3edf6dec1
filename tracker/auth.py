"""The one place where every request is authorised, whatever its format (HTML, JSON, CSV).

Views declare their access level with `@access("private")`; until accounts exist
(a later issue) private endpoints answer 404, so private data cannot leak through a
route that forgot its own check.
"""

from flask import abort, current_app, request

PUBLIC = "public"
STAFF = "staff"  # the organisation's working documents (briefs); open until accounts exist
PRIVATE = "private"  # data about defenders at risk: never served without an account


def access(level: str):
    """Mark a view function with the access level it needs."""
    def mark(view):
        view.access_level = level
        return view
    return mark


def current_user():
    return None  # accounts arrive with the accounts issue


def authorize():
    if request.endpoint is None or request.endpoint == "static":
        return None
    view = current_app.view_functions.get(request.endpoint)
    level = getattr(view, "access_level", PUBLIC)
    if level in (PUBLIC, STAFF):
        return None
    if current_user() is None:
        abort(404)
    return None


def init_app(app):
    app.before_request(authorize)
