"""Error pages in the site's look; JSON callers get JSON, CSV callers a line of text."""

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException


def _wants_json() -> bool:
    return request.path.endswith(".json") or request.accept_mimetypes.best == "application/json"


def handle_http_error(exc: HTTPException):
    if _wants_json():
        return jsonify(error=exc.name, message=exc.description), exc.code
    if request.path.endswith(".csv"):  # a script or spreadsheet reads this, not a browser
        return f"{exc.code} {exc.name}: {exc.description}\n", exc.code, {
            "Content-Type": "text/plain; charset=utf-8"}
    return render_template("error.html", error=exc), exc.code


def init_app(app):
    app.register_error_handler(HTTPException, handle_http_error)
