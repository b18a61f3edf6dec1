"""`tracker scrape all`: every source in order, one run at a time across all nodes.

Made for cron or a systemd timer (README, deploy/): each step is the same command a
person would type, so it is as incremental as they are (the listing stops at known
pages, letters already read are not fetched again, upserts change nothing twice). A
step that fails is recorded and the next one still runs. The whole run is a ScrapeRun of
kind `all` whose RunStep rows name each step's own run; /admin/runs shows them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.models import RunStep, ScrapeRun
from tracker.schedule_lock import HeldLock, LockHeld

log = logging.getLogger(__name__)
LOCK_NAME = "scrape-all"
EXIT_BUSY = 75  # EX_TEMPFAIL: another run is at work; try again at the next tick
TOTALS = ("saved", "updated", "unchanged", "skipped", "failed", "unmatched")


def planned_steps(config, offline: Path | None) -> list[tuple[str, str, dict]]:
    """The steps, in order: (name, scrape subcommand, its arguments)."""
    steps = [("communications", "communications",
              {"since": None, "pages": None, "force": False, "offline": offline})]
    if config["SCHEDULE_LETTERS"]:
        steps.append(("letters", "letters", {"limit": None, "force": False, "offline": offline}))
    for query in config["SCHEDULE_UNDL_QUERIES"] or []:
        steps.append((f"undl {query}", "undl", {"query": query, "records": (), "pages": None,
                                                 "force": False, "offline": offline}))
    for number in config["SCHEDULE_HRC_SESSIONS"] or []:
        steps.append((f"hrc-session {number}", "hrc-session",
                      {"number": int(number), "url": None, "force": False, "offline": offline}))
    return steps


def _run_step(ctx, command, kwargs) -> tuple[str, str | None]:
    """Run one scrape command; return its outcome and the message of a failure."""
    try:
        ctx.invoke(command, **kwargs)
    except click.exceptions.Exit as exc:  # the command stored what it could; some failed
        return ("finished" if exc.exit_code == 0 else "partial"), None
    except click.ClickException as exc:
        return "failed", exc.format_message()
    except Exception as exc:  # noqa: BLE001 - one broken source must not stop the others
        log.exception("scrape step failed")
        return "failed", f"{type(exc).__name__}: {exc}"
    return "finished", None


def overall_status(outcomes: list[str]) -> str:
    if all(o == "finished" for o in outcomes):
        return "finished"
    if all(o == "failed" for o in outcomes):
        return "failed"
    return "partial"


@click.command("all")
@with_appcontext
@click.option("--offline", type=click.Path(file_okay=False, path_type=Path),
              help="Read only saved responses from this folder (cache layout).")
@click.pass_context
def scrape_all_command(ctx, offline):
    """Run every source in order (communications, letters, then the Digital Library
    searches and HRC sessions configured), incrementally; safe under cron: a second run
    anywhere exits with code 75 while one is at work."""
    from tracker.cli import _sessions, scrape_group
    from tracker.ingest import start_run
    from tracker.runs import started_runs

    cfg = current_app.config
    sessions = _sessions()
    steps = planned_steps(cfg, offline)
    try:
        lock = HeldLock(sessions, LOCK_NAME, ttl=float(cfg["SCHEDULE_LOCK_SECONDS"]))
        lock.__enter__()
    except LockHeld as exc:
        click.echo(f"A `scrape all` run is in progress: {exc}. Not starting another.",
                   err=True)
        raise click.exceptions.Exit(EXIT_BUSY) from None
    try:
        if lock.claim.taken_from:
            click.echo(f"Took over the lock of a run whose process is gone: "
                       f"{lock.claim.taken_from}.", err=True)
        with sessions() as session:
            parent = start_run(session, "all", ", ".join(name for name, _, _ in steps))
        lock.attach(parent.id)
        outcomes = []
        for position, (name, command_name, kwargs) in enumerate(steps, start=1):
            click.echo(f"== step {position}/{len(steps)}: {name}", err=True)
            runs: list[int] = []
            token = started_runs.set(runs)
            try:
                outcome, message = _run_step(ctx, scrape_group.commands[command_name], kwargs)
            finally:
                started_runs.reset(token)
            outcomes.append(outcome)
            with sessions() as session:
                step_run = session.get(ScrapeRun, runs[0]) if runs else None
                if step_run is not None and step_run.status != "finished":
                    outcome = step_run.status if outcome == "finished" else outcome
                    message = message or step_run.error
                outcomes[-1] = outcome
                session.add(RunStep(parent_id=parent.id, position=position, name=name,
                                    run_id=step_run.id if step_run else None, outcome=outcome,
                                    message=message))
                session.commit()
            if lock.lost:
                outcomes.append("failed")
                click.echo("The lock was taken over by another run; stopping here.", err=True)
                break
        summary = _finish(sessions, parent.id, outcomes)
    finally:
        lock.__exit__(None, None, None)
    click.echo(summary)
    if any(o != "finished" for o in outcomes):
        raise click.exceptions.Exit(1)


def _finish(sessions, parent_id: int, outcomes: list[str]) -> str:
    """Close the `all` run with the sum of its steps; return its closing line."""
    from sqlmodel import select

    with sessions() as session:
        parent = session.get(ScrapeRun, parent_id)
        steps = session.exec(select(RunStep).where(RunStep.parent_id == parent_id)
                             .order_by(RunStep.position)).all()
        for step in steps:
            child = session.get(ScrapeRun, step.run_id) if step.run_id else None
            for name in TOTALS:
                setattr(parent, name, getattr(parent, name) + (getattr(child, name) if child
                                                               else 0))
        parent.status = overall_status(outcomes)
        parent.finished_at = datetime.now(UTC)
        failed = [f"{s.name}: {(s.message or s.outcome).splitlines()[0]}" for s in steps
                  if s.outcome != "finished"]
        parent.error = "\n".join(failed) or None
        session.add(parent)
        session.commit()
        return (f"scrape all (run {parent.id}): {parent.status}; {len(steps)} steps, "
                f"{sum(s.outcome == 'finished' for s in steps)} finished; {parent.saved} new, "
                f"{parent.updated} updated, {parent.failed} failed"
                + (f"; not finished: {'; '.join(failed)}" if failed else ""))
