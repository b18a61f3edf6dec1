"""Template helpers: URLs that keep the whole query, so every view can be bookmarked, and
links to stored URLs that can only ever point to the web."""

from urllib.parse import urlencode

from flask import g, request, url_for
from markupsafe import Markup, escape

from scrapers.text import http_url


def with_query(path: str, args: dict[str, list]) -> str:
    """Append query arguments to a built path.

    Never through url_for's keywords: a visitor's `?fmt=`, `?endpoint=` or `?_external=`
    would collide with the route's own (a 500 the fuzz test found).
    """
    items = [(k, v) for k, values in args.items() for v in values if v is not None]
    query = urlencode(items, safe="!$'()*,/:;?@")  # as Werkzeug encodes url_for's
    return f"{path}?{query}" if query else path


def url_with(endpoint: str | None = None, **changes) -> str:
    """The current URL with some arguments changed (None removes one); page resets."""
    args = dict(_request_args())
    if "page" not in changes:
        args.pop("page", None)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    return with_query(_path(endpoint or request.endpoint), args)


def _request_args() -> dict[str, list]:
    """The request's arguments, read once per request: a search page builds a link for
    each of its few hundred facet values."""
    if "_url_args" not in g:
        g._url_args = request.args.to_dict(flat=False)
    return g._url_args


def _path(endpoint: str) -> str:
    """The endpoint's path with the request's own parts (a State's code), built once per
    request; fmt is each route's default, not a part."""
    paths = g.setdefault("_url_paths", {})
    if endpoint not in paths:
        parts = {k: v for k, v in (request.view_args or {}).items() if k != "fmt"}
        paths[endpoint] = url_for(endpoint, **parts)
    return paths[endpoint]


def toggle_url(name: str, value: str) -> str:
    """The current URL with one filter value switched on or off."""
    values = _request_args().get(name, [])
    values = [v for v in values if v != value] if value in values else [*values, value]
    return url_with(**{name: values or None})


def external_link(url: str | None, text: str) -> Markup:
    """A link to a URL from the data when it is http(s); otherwise the text alone.

    Stored URLs came from pages and files: a javascript: or data: link must never become
    clickable, in a page or in a brief's PDF (where an <a> becomes a URI action).
    """
    safe = http_url(url)
    if safe is None:
        return escape(text)
    return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(safe, text)


def init_app(app):
    app.jinja_env.globals.update(url_with=url_with, toggle_url=toggle_url,
                                 external_link=external_link)
    app.jinja_env.tests["startswith"] = lambda value, prefix: str(value).startswith(prefix)
