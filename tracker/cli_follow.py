"""`tracker follow`: this node's search index follows the change log, in a process of
its own (gunicorn's master starts one; a systemd unit may run it instead)."""

import contextlib
import signal

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("follow")
@with_appcontext
@click.option("--once", is_flag=True, help="Bring the index up to date, then stop.")
def follow_command(once):
    """Apply the search change log to this node's index every SEARCH_FOLLOW_SECONDS,
    until stopped (SIGTERM or Ctrl-C). While it runs, the web workers leave the work
    to it."""
    from tracker.search.following import make_follower

    follower = make_follower(current_app, dedicated=True)
    if follower is None:
        raise click.ClickException("SEARCH_FOLLOW_SECONDS is 0: following is switched off "
                                   "in the configuration")
    if once:
        from tracker.search import IndexBusy, apply_changes

        try:
            applied = apply_changes(follower.root, follower.bind)
        except IndexBusy as exc:
            raise click.ClickException(str(exc)) from None
        if applied.rebuilt:
            click.echo(f"Search index rebuilt from the database: {applied.written} entries.")
        else:
            click.echo(f"Search index at change {applied.position}: {applied.changes} "
                       "changes applied.")
        return
    signal.signal(signal.SIGTERM, lambda *_: follower.stopped.set())
    click.echo(f"Following the search change log into {follower.root} every "
               f"{follower.interval:g} s.", err=True)
    with contextlib.suppress(KeyboardInterrupt):
        follower.run()  # in this thread: returns when stopped
