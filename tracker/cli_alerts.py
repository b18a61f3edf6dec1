"""`tracker alerts`: send what saved searches found (for cron)."""

import click


@click.group("alerts")
def alerts_group():
    """Send saved searches' news by email and into their feeds."""
