"""What one request may ask of the server, refused with a clear 4xx before any work.

The site is public and its users can be targets, so a request must not be able to cost
minutes or gigabytes. This module keeps the ids in URLs within the database's range.
"""

from werkzeug.routing import IntegerConverter

# Ids are INTEGER columns: 32 bits in PostgreSQL, 64 in SQLite. A larger number in a URL
# names nothing and would overflow in the driver (a 500), so it must not reach the database.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: an id past MAX_ID does not match the route, so it is a 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app):
    """Register before the blueprints: their rules compile with the converter."""
    app.url_map.converters["int"] = IdConverter
