"""Error pages in the site's look; JSON callers get JSON, CSV callers a line of text.

Werkzeug names and describes errors in English; a page shows them in the reader's language.
A description of our own (`abort(404, description=_("No State with that code."))`) is
already translated where it is raised and is shown as it is.
"""

from flask import jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, default_exceptions

from tracker.vocabulary import N_

# status code -> (name, what happened and what to do), for Werkzeug's own descriptions
MESSAGES = {
    400: (N_("Bad request"), N_("The site could not understand this request.")),
    401: (N_("Sign-in needed"), N_("Sign in to see this page.")),
    403: (N_("Not allowed"), N_("Your account does not give access to this page.")),
    404: (N_("Page not found"),
          N_("There is no page at this address. Check the address, or start again from the "
             "list of communications.")),
    405: (N_("Method not allowed"), N_("This page cannot be used that way.")),
    413: (N_("Too large"), N_("What was sent is larger than this site accepts. Nothing was "
                              "saved.")),
    414: (N_("Address too long"), N_("The address is longer than this site accepts.")),
    429: (N_("Too many requests"), N_("Too many requests in a short time. Wait a minute and "
                                      "try again.")),
    500: (N_("Server error"), N_("Something went wrong on the server. The error has been "
                                 "logged; try again later.")),
}


EXPIRED_FORM = N_("The form expired or came from another page. Go back, reload the page and "
                  "send it again.")


def error_text(exc: HTTPException) -> tuple[str, str]:
    """The error's name and description in the reader's language."""
    name, default = MESSAGES.get(exc.code, (None, None))
    if isinstance(exc, CSRFError):  # Flask-WTF's reasons are English and technical
        return _(name), _(EXPIRED_FORM)
    # Werkzeug's text, or Flask-Limiter's ("10 per 1 minute"): ours instead
    theirs = exc.code == 429 or exc.description == getattr(
        default_exceptions.get(exc.code), "description", None)
    description = _(default) if theirs and default else exc.description
    return (_(name) if name else exc.name), description


def _wants_json() -> bool:
    return request.path.endswith(".json") or request.accept_mimetypes.best == "application/json"


def handle_http_error(exc: HTTPException):
    if _wants_json():
        return jsonify(error=exc.name, message=exc.description), exc.code
    if request.path.endswith(".csv"):  # a script or spreadsheet reads this, not a browser
        return f"{exc.code} {exc.name}: {exc.description}\n", exc.code, {
            "Content-Type": "text/plain; charset=utf-8"}
    name, description = error_text(exc)
    return render_template("error.html", error=exc, name=name, description=description), exc.code


def init_app(app):
    app.register_error_handler(HTTPException, handle_http_error)
