"""My alerts: saved searches with a digest and an address, followed resolutions, each
alert's Atom feed (a secret URL, no sign-in) and one-click unsubscribe.

Addresses: accounts carry no email address, so each alert has the one its owner types.
Only signed-in people can add alerts, every email says how to stop it, and its
unsubscribe link works in one click (RFC 8058), so a mistyped address costs its owner
one email at most per digest until they stop it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlmodel import select

from scrapers.text import xml_safe
from tracker import alerts
from tracker.auth import OPEN, VIEWER, access, current_user
from tracker.db import get_session
from tracker.mail import valid_address
from tracker.models import AlertItem, FollowedResolution, Resolution, SavedSearch

bp = Blueprint("alerts", __name__, url_prefix="/alerts")
FEED_ITEMS = 100


def _mine(alert_id: int) -> SavedSearch:
    alert = get_session().get(SavedSearch, alert_id)
    if alert is None or alert.user_id != current_user().id:
        abort(404)
    return alert


def _digest_and_email() -> tuple[str, str | None, str | None]:
    """The form's digest and address, or an error message."""
    digest = request.form.get("digest", "daily")
    email = request.form.get("email", "").strip() or None
    if digest not in alerts.DIGESTS:
        return digest, email, _("Choose a digest: immediately, daily or weekly.")
    if email is not None and not valid_address(email):
        return digest, email, _("%(email)s is not an email address.", email=email[:80])
    return digest, email, None


def _page(status=200):
    db = get_session()
    mine = db.exec(select(SavedSearch).where(SavedSearch.user_id == current_user().id)
                   .order_by(SavedSearch.id)).all()
    follows = {a.id: db.exec(select(FollowedResolution.symbol).where(
        FollowedResolution.saved_search_id == a.id)).all() for a in mine}
    return render_template("alerts/index.html", alerts=mine, follows=follows,
                           digests=alerts.DIGESTS, describe=alerts.describe_query), status


@bp.get("/")
@access(VIEWER)
def index():
    return _page()


def _resolution(symbol: str) -> str | None:
    symbol = symbol.strip()
    found = get_session().exec(select(Resolution.symbol).where(
        Resolution.symbol == symbol)).first() if symbol else None
    if found is None:
        flash(_("No resolution %(symbol)s in the tracker.", symbol=symbol[:60] or "—"), "error")
    return found


@bp.post("/")
@access(VIEWER)
def create():
    """Save a search (from the search page), or follow a resolution in a new alert."""
    digest, email, error = _digest_and_email()
    symbol = request.form.get("symbol")
    if error:
        flash(error, "error")
        return _page(400)
    db = get_session()
    if symbol is not None:
        symbol = _resolution(symbol)
        if symbol is None:
            return _page(400)
        kind, query, name = "resolutions", "", symbol
    else:
        kind = "search"
        query = alerts.clean_query(
            request.form.get("query", "")[:current_app.config["MAX_QUERY_BYTES"]])
        name = request.form.get("name", "").strip()[:200] or alerts.describe_query(query)
    alert = SavedSearch(user_id=current_user().id, name=" ".join(name.split()), kind=kind,
                        query=query, digest=digest, email=email,
                        language=str(get_locale() or "en")[:2],
                        feed_token=alerts.new_feed_token())
    db.add(alert)
    db.flush()
    if symbol:
        db.add(FollowedResolution(saved_search_id=alert.id, symbol=symbol))
    db.commit()
    flash(_("Alert saved: %(name)s.", name=alert.name), "success")
    return redirect(url_for("alerts.index"))


@bp.post("/<int:alert_id>")
@access(VIEWER)
def update(alert_id):
    alert = _mine(alert_id)
    digest, email, error = _digest_and_email()
    if error:
        flash(error, "error")
        return _page(400)
    name = " ".join(request.form.get("name", "").split())[:200]
    alert.name, alert.digest = name or alert.name, digest
    if email != alert.email or request.form.get("subscribed"):
        alert.subscribed = True  # a new address, or asked again: emails start again
    alert.email = email
    return _stored(alert, _("Alert saved: %(name)s.", name=alert.name))


def _stored(alert: SavedSearch, message: str):
    """Commit a change to `alert`, say so, and go back to the list."""
    db = get_session()
    db.add(alert)
    db.commit()
    flash(message, "success")
    return redirect(url_for("alerts.index"))


@bp.post("/<int:alert_id>/delete")
@access(VIEWER)
def delete(alert_id):
    alert = _mine(alert_id)
    alerts.delete_alert(get_session(), alert)
    flash(_("Alert deleted: %(name)s.", name=alert.name), "success")
    return redirect(url_for("alerts.index"))


@bp.post("/<int:alert_id>/feed-token")
@access(VIEWER)
def renew_feed(alert_id):
    """Give the feed a new secret address; the old one (and old unsubscribe links) stop."""
    alert = _mine(alert_id)
    alert.feed_token = alerts.new_feed_token()
    return _stored(alert, _("The feed has a new address; the old one no longer works."))


@bp.post("/<int:alert_id>/follow")
@access(VIEWER)
def follow(alert_id):
    alert = _mine(alert_id)
    symbol = _resolution(request.form.get("symbol", ""))
    if symbol is None:
        return redirect(url_for("alerts.index"))
    db = get_session()
    if db.get(FollowedResolution, (alert.id, symbol)) is None:
        db.add(FollowedResolution(saved_search_id=alert.id, symbol=symbol))
        db.commit()
    return redirect(url_for("alerts.index"))


@bp.post("/<int:alert_id>/unfollow")
@access(VIEWER)
def unfollow(alert_id):
    alert = _mine(alert_id)
    db = get_session()
    row = db.get(FollowedResolution, (alert.id, request.form.get("symbol", "")))
    if row is not None:
        db.delete(row)
        db.commit()
    return redirect(url_for("alerts.index"))


@bp.get("/feed/<token>.atom")
@access(OPEN)  # the secret address is the key, so feed readers need no sign-in
def feed(token):
    db = get_session()
    alert = db.exec(select(SavedSearch).where(SavedSearch.feed_token == token)).first() \
        if len(token) <= 64 else None
    if alert is None:
        abort(404)
    items = db.exec(select(AlertItem).where(AlertItem.saved_search_id == alert.id)
                    .order_by(AlertItem.found_at.desc(), AlertItem.id.desc())
                    .limit(FEED_ITEMS)).all()
    body = render_template(
        "alerts/feed.xml", alert=alert, items=items,
        updated=_stamp(items[0].found_at if items else alert.created_at),
        stamp=_stamp, self_url=url_for("alerts.feed", token=token, _external=True),
        root=url_for("search.index", _external=True).rstrip("/"))
    return current_app.response_class(xml_safe(body), mimetype="application/atom+xml")


def _stamp(moment: datetime) -> str:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@access(OPEN)  # the signed link is the key: it works from the email, signed in or not
def unsubscribe(token):
    """GET shows a button (a link checker that follows links must not unsubscribe);
    POST stops the emails, as a mail client's one-click unsubscribe does (RFC 8058)."""
    db = get_session()
    alert = alerts.alert_for_unsubscribe(db, current_app.config["SECRET_KEY"], token)
    if alert is None:
        abort(404, description=_("This unsubscribe link is not valid any more: the alert was "
                                 "deleted or its feed address renewed."))
    done = False
    if request.method == "POST":
        alert.subscribed = False
        db.add(alert)
        db.commit()
        done = True
    return render_template("alerts/unsubscribe.html", alert=alert, token=token, done=done)


def init_app(app):
    # A mail client's one-click unsubscribe POSTs without a form token; the signed link
    # is what authorises it, and all it can do is stop emails.
    app.extensions["csrf"].exempt(unsubscribe)
