"""`tracker alerts send`: what saved searches found, into their feeds and by email (cron)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

LOCK_NAME = "alerts-send"


@click.group("alerts")
def alerts_group():
    """Send saved searches' news by email and into their feeds."""


@alerts_group.command("send")
@with_appcontext
@click.option("--digest", type=click.Choice(["immediate", "daily", "weekly"]),
              help="Email only the alerts with this digest, now. Without it, every alert "
                   "whose digest is due (immediate: always; daily: a day after the last; "
                   "weekly: a week after).")
def send_command(digest):
    """Find what is new for every saved search (its feed shows it at once) and email each
    due alert its unsent items, as one message; nothing is ever sent twice."""
    from sqlmodel import Session

    from tracker.cli_schedule import EXIT_BUSY
    from tracker.db import get_engine
    from tracker.mail import MailError, settings_from
    from tracker.schedule_lock import HeldLock, LockHeld

    cfg = current_app.config
    try:
        mail = settings_from(cfg)
    except MailError as exc:
        raise click.ClickException(str(exc)) from None
    if mail is None:
        click.echo("MAIL_SERVER is not set: alerts go to their feeds only; their items wait "
                   "to be emailed once it is.", err=True)
    # Links in emails are built on BASE_URL; without it, on a host the app answers.
    hosts = cfg.get("TRUSTED_HOSTS") or ["localhost"]
    site = cfg.get("BASE_URL") or f"http://{hosts[0].lstrip('.')}:5000"
    # Cron on several nodes may start two sends at once; one at a time keeps "sent once".
    lock = HeldLock(lambda: Session(get_engine(), expire_on_commit=False), LOCK_NAME,
                    ttl=float(cfg["SCHEDULE_LOCK_SECONDS"]))
    try:
        lock.__enter__()
    except LockHeld as exc:
        click.echo(f"Alerts are being sent already: {exc}. Not starting again.", err=True)
        raise click.exceptions.Exit(EXIT_BUSY) from None
    try:
        _catch_up(cfg["SEARCH_INDEX_DIR"])
        _send_all(cfg, mail, site, digest)
    finally:
        lock.__exit__(None, None, None)


def _catch_up(root) -> None:
    """Apply the change log to this node's index first: the scrape that found the news may
    have run on another node, and a node without a web app has no follower."""
    from tracker.db import get_engine
    from tracker.search import IndexBusy, apply_changes

    try:
        apply_changes(root, get_engine())
    except IndexBusy as exc:
        click.echo(f"search index not brought up to date: {exc} Alerts match what it holds.",
                   err=True)


def _send_all(cfg, mail, site: str, digest: str | None) -> None:
    from sqlmodel import Session, select

    from tracker import alerts
    from tracker.db import get_engine
    from tracker.mail import Mailer, MailError
    from tracker.models import SavedSearch

    at = alerts.now()
    found = emailed = digests = 0
    failures: list[str] = []
    with current_app.test_request_context("/", base_url=site), \
            Session(get_engine(), expire_on_commit=False) as session:
        chosen = session.exec(select(SavedSearch).order_by(SavedSearch.id)).all()
        with alerts.IndexMatcher(cfg["SEARCH_INDEX_DIR"]) as matcher:
            for alert in chosen:
                found += len(alerts.collect(session, matcher, alert, at))
        due = [a for a in chosen if alerts.due(a, at, digest)]
        if mail is None:
            for alert in due:
                alerts.deliver(session, alert, None, at)
        else:
            try:
                with Mailer(mail) as mailer:
                    for alert in due:
                        try:
                            n = alerts.deliver(session, alert, mailer.send, at,
                                               sender=mail.sender, site=site,
                                               secret_key=cfg["SECRET_KEY"])
                        except MailError as exc:  # one bad address must not stop the rest
                            session.rollback()
                            failures.append(f"alert {alert.id}: {exc}")
                            continue
                        emailed += n
                        digests += bool(n)
            except MailError as exc:
                failures.append(str(exc))
    click.echo(f"Alerts: {len(chosen)} saved searches, {found} new items found; "
               f"{digests} emails sent with {emailed} items.")
    if failures:
        raise click.ClickException("not sent (tried again next time): " + "; ".join(failures))
