"""What one request may ask of the server, refused with a clear 4xx before any work.

The site is public and its users can be targets, so a request must not be able to cost
minutes or gigabytes. Sizes of bodies are capped by MAX_CONTENT_LENGTH (Flask's own
setting, read here to answer with a clear message); this module also caps the query
string and the ids in URLs.
"""

from flask import abort, current_app, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

# Ids are INTEGER columns: 32 bits in PostgreSQL, 64 in SQLite. A larger number in a URL
# names nothing and would overflow in the driver (a 500), so it must not reach the database.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: an id past MAX_ID does not match the route, so it is a 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def check_request():
    """Refuse a request past the limits before any view reads it.

    Every facet and filter link on a page repeats the whole query, so n values of a
    parameter cost n times n in the answer (2,000 values: 17 s and 62 MB).
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if limit and (request.content_length or 0) > limit:
        # Werkzeug would refuse it too, while reading; this says why, in the site's words.
        abort(413, description=_("What was sent is larger than the %(mb)s MB this site "
                                 "accepts. Nothing was saved.", mb=f"{limit / 2**20:g}"))
    limit = current_app.config["MAX_QUERY_BYTES"]
    if len(request.query_string) > limit:
        abort(414, description=_("The address is too long: at most %(n)s characters after "
                                 "the “?”.", n=f"{limit:,}"))
    limit = current_app.config["MAX_FILTER_VALUES"]
    for name, values in request.args.lists():
        if len(values) > limit:
            abort(400, description=_("Too many values for “%(name)s” (%(n)s): at most %(limit)d "
                                     "in one search.", name=name, n=f"{len(values):,}",
                                     limit=limit))
    # PostgreSQL refuses NUL in text (an error deep in a query); it is never meaningful here.
    sent = [request.path, *(f"{k}={v}" for k, v in request.args.items(multi=True))]
    if request.method == "POST":
        sent += [f"{k}={v}" for k, v in request.form.items(multi=True)]
    if any("\x00" in text for text in sent):
        abort(400, description=_("The request contains a NUL character (%%00), which no "
                                 "address or form of this site uses."))


def init_app(app):
    """Register before the blueprints (their rules compile with the converter) and after
    authorisation (a private route answers 404 whatever its query)."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(check_request)
