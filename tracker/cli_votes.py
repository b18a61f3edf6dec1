"""`tracker import-votes`: the Human Rights Council's recorded votes from OHCHR's library."""

import time
from pathlib import Path

import click
from flask.cli import with_appcontext

from scrapers import ScraperError


@click.command("import-votes")
@with_appcontext
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def import_votes_command(folder):
    """Import the recorded HRC votes of OHCHR's voting library from the CSV export in
    FOLDER (sqlite_export_countries/resolutions/votes.csv.gz), read where it lies."""
    from tracker.cli import _run, _sessions
    from tracker.hrc_votes import import_export

    started = time.perf_counter()
    with _run("import", f"hrc votes {folder}") as (tally, _run_row), _sessions()() as session:
        try:
            report = import_export(session, folder, tally)
        except ScraperError as exc:
            session.rollback()
            # _run records the run as failed and says why, without a traceback.
            raise ScraperError(f"{exc} (nothing was imported)") from None
    seconds = time.perf_counter() - started
    click.echo(f"HRC recorded votes: {report.votes} votes ({report.saved} new, "
               f"{report.updated} updated, {report.unchanged} unchanged), {report.casts} "
               f"State votes ({report.casts_saved} new, {report.casts_updated} updated); "
               f"{len(report.unmatched)} State codes matched no State; "
               f"{len(report.corrected)} misprinted symbols corrected; amendments placed "
               f"{report.linked}, not placed {report.unlinked}; {seconds:.1f} s")


@click.command("hrc-votes")
@with_appcontext
@click.option("--pages", type=int, help="Read at most this many pages of 100 votes.")
@click.option("--offline", type=click.Path(file_okay=False, path_type=Path),
              help="Read only saved responses from this folder (cache layout).")
@click.option("--force", is_flag=True, help="Fetch again even what is cached, and read on "
              "past pages that bring nothing new.")
def scrape_hrc_votes_command(pages, offline, force):
    """Read the Council's recorded votes from OHCHR's voting library, newest first, until a
    page brings nothing new."""
    from tracker.cli import _client, _run, _sessions
    from tracker.runs import Heartbeat
    from tracker.scraping import scrape_hrc_votes

    with _run("hrc-votes", "searchlibrary.ohchr.org") as (tally, run):
        report = scrape_hrc_votes(_client(offline), _sessions(), tally, pages=pages,
                                  force=force, progress=Heartbeat(_sessions(), run.id))
        click.echo(f"HRC recorded votes: {report.votes} read ({report.saved} new), "
                   f"{report.casts} State votes; amendments placed {report.linked}, not "
                   f"placed {report.unlinked}")
