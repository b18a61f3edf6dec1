"""The `tracker` command: thin wrappers over functions the tests also call."""

import platform
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from importlib import metadata
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, ScriptInfo, with_appcontext
from sqlmodel import Session

from scrapers import ScraperError
from tracker.cli_backup import backup_command, restore_command
from tracker.cli_cases import cases_group
from tracker.cli_coding import code_rules_group
from tracker.cli_db import db_group
from tracker.cli_users import user_group
from tracker.cli_votes import import_votes_command, scrape_hrc_votes_command
from tracker.db import get_engine, init_db_command, session_scope
from tracker.ingest import Tally, finish_run, start_run
from tracker.logs import Lap, log_step, step
from tracker.reference import ReferenceDataError, import_scheme_csv


def _sessions():
    engine = get_engine()
    return lambda: Session(engine, expire_on_commit=False)


@contextmanager
def _run(kind: str, target: str, tally: Tally | None = None):
    """Record a ScrapeRun around a scrape or import and print the closing line."""
    from tracker import changelog, pacing
    from tracker.runs import mark_dead_runs_interrupted, started_runs

    tally = tally if tally is not None else Tally()
    with _sessions()() as session:
        since = changelog.bounds(session)[1]
        run = start_run(session, kind, target)
        if started_runs.get() is not None:
            started_runs.get().append(run.id)
        for dead in mark_dead_runs_interrupted(session, except_id=run.id):
            click.echo(f"run {dead.id} ({dead.source_kind} {dead.target[:60]}, started "
                       f"{dead.started_at:%Y-%m-%d %H:%M}) was left running by a process "
                       "that is gone: marked interrupted", err=True)
    error = None
    try:
        with step(kind, "store", lambda: _counts(tally), run=run.id):
            yield tally, run
    except ScraperError as exc:
        error = str(exc)
    finally:
        with _sessions()() as session:
            finish_run(session, run, tally, error)
            changed = {"communications": len(tally.changed_communications),
                       "resolutions": len(tally.changed_resolutions)}
            with step(kind, "code", run=run.id, **changed):
                _code_communications(session, tally.changed_communications
                                     - tally.coded_communications)
            with step(kind, "index", run=run.id, **changed):
                _update_search_index(session, tally.changed_communications,
                                     tally.changed_resolutions, since=since)
            if tally.saved + tally.updated >= pacing.ANALYZE_AFTER:
                from tracker.db import analyze, get_engine

                with step(kind, "analyze", run=run.id):
                    analyze(get_engine())
    for name, where in sorted(tally.unmatched.items()):
        click.echo(f"unmatched name: {name!r} in {where}", err=True)
    for message in tally.errors[:20]:  # a repair the importer made starts with "warning: "
        click.echo(message if message.startswith("warning: ") else f"failed: {message}",
                   err=True)
    if len(tally.errors) > 20:
        click.echo(f"... and {len(tally.errors) - 20} more (see the run's record)", err=True)
    click.echo(tally.summary())
    if error:
        raise click.ClickException(error)
    if tally.failed:
        # a script or cron job must hear that something was not stored
        raise click.exceptions.Exit(1)


def _counts(tally: Tally) -> dict:
    return {"saved": tally.saved, "updated": tally.updated, "unchanged": tally.unchanged,
            "skipped": tally.skipped, "failed": tally.failed}


def _code_communications(session, ids):
    """Code what an import or scrape brought; a broken rules file leaves them uncoded."""
    from tracker.codes import apply_rules
    from tracker.coding import RulesError, load_rules

    if not ids:
        return
    try:
        rules = load_rules(current_app.config.get("CODING_RULES"))
    except RulesError as exc:
        click.echo(f"communications not coded: {exc}. Mend the rules file, then run "
                   "`tracker code`.", err=True)
        return
    click.echo(apply_rules(session, ids=ids, rules=rules).summary(), err=True)


def _update_search_index(session, communication_ids=(), resolution_symbols=(),
                         since: int | None = None):
    """Write what a command changed into the search index, after its commits; `since`:
    the change log's position when it began."""
    from tracker.pacing import COMMAND_INDEX_WAIT
    from tracker.search import IndexBusy, update_index

    try:
        n = update_index(current_app.config["SEARCH_INDEX_DIR"], session,
                         communication_ids=communication_ids,
                         resolution_symbols=resolution_symbols, timeout=COMMAND_INDEX_WAIT,
                         since=since)
    except IndexBusy as exc:
        click.echo(f"search index not updated now: {exc} The web app's follower applies "
                   "the change log within seconds; without one, run `tracker reindex`.",
                   err=True)
        return
    if n:
        click.echo(f"Search index: {n} {'entry' if n == 1 else 'entries'} written (one for "
                   "each communication and resolution this command changed).", err=True)


@click.command("code")
@with_appcontext
@click.option("--all", "everything", is_flag=True,
              help="Code every communication again, not only those this version of the "
                   "rules has not coded.")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A rules file to use instead of the CODING_RULES setting.")
def code_command(everything, rules_file):
    """Code communications with the rules; a person's codes always stay in force."""
    from tracker.codes import apply_rules, stale_ids
    from tracker.coding import RulesError, load_rules

    try:
        rules = load_rules(rules_file or current_app.config.get("CODING_RULES"))
    except RulesError as exc:
        raise click.ClickException(f"{exc}. Nothing was coded.") from None
    with _sessions()() as session:
        ids = None if everything else stale_ids(session, rules)
        tally = apply_rules(session, ids=ids, rules=rules)
        _update_search_index(session, tally.changed_communications)
    click.echo(tally.summary())


@click.command("reindex")
@with_appcontext
@click.option("--procs", type=click.IntRange(min=1),
              help="Processes that write the index; by default one per core.")
def reindex_command(procs):
    """Rebuild the search index from the database and switch to it atomically."""
    from tracker.search import IndexBusy, rebuild_index
    from tracker.search.lifecycle import default_procs

    start = time.perf_counter()
    try:
        with _sessions()() as session:
            n = rebuild_index(current_app.config["SEARCH_INDEX_DIR"], session,
                              procs=procs or default_procs())
    except IndexBusy as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Search index rebuilt: {n} entries (one for each communication and "
               f"resolution) in {time.perf_counter() - start:.1f} s.")


@click.command("add-scheme")
@with_appcontext
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", required=True, help="Short name used in URLs, e.g. 'eu'.")
@click.option("--name", required=True, help="Name shown to people.")
@click.option("--description", default="", help="What the scheme is and where it comes from.")
def add_scheme_command(csv_file, slug, name, description):
    """Add or replace a region scheme from a CSV with columns iso3, region[, counts]."""
    try:
        with session_scope() as session:
            result = import_scheme_csv(session, slug=slug, name=name, description=description,
                                       text=csv_file.read_text(encoding="utf-8-sig"),
                                       filename=str(csv_file))
    except (ReferenceDataError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Scheme {slug}: {result.regions} regions, {result.memberships} memberships. "
               "Run `tracker reindex` so that search and the dashboards count by them.")


def _import(paths, hrc_session=None):
    from tracker.importers import import_files
    from tracker.pacing import BatchCoder, IndexAsYouGo, StatisticsAsYouGo
    from tracker.runs import Heartbeat

    with _run("import", ", ".join(map(str, paths))) as (tally, run), FileProgress() as progress:
        coder = BatchCoder.from_config(tally)
        heartbeat, index = Heartbeat(_sessions(), run.id), IndexAsYouGo(tally)
        statistics = StatisticsAsYouGo(tally)

        def committed(*_):
            heartbeat()
            index()
            statistics()

        import_files(list(paths), _sessions(), tally, hrc_session=hrc_session,
                     progress=progress, max_bytes=current_app.config["MAX_IMPORT_BYTES"],
                     committed=committed, code=coder)
        if coder is not None and coder.codes.read:
            click.echo(coder.codes.summary(), err=True)


class FileProgress:
    """One progress bar per file, on an interactive terminal only (not in logs or CI)."""

    def __init__(self):
        self.interactive = sys.stderr.isatty()
        self.item, self.bar, self.shown = None, None, 0

    def __call__(self, item, done: int, total: int) -> None:
        if not self.interactive:
            return
        if item is not self.item:
            self._close()
            self.item, self.shown = item, 0
            self.bar = click.progressbar(length=max(total, 1), file=sys.stderr,
                                         label=f"Importing {Path(str(item.path)).name}")
            self.bar.__enter__()
        if total > 1 or self.shown == 0:
            self.bar.update(done - self.shown if total > 1 else 1)
            self.shown = done

    def _close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._close()


@click.command("import")
@with_appcontext
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--session", "hrc_session", type=int,
              help="HRC session number, for a session table whose page does not say.")
def import_command(files, hrc_session):
    """Import saved files; the format of each is detected (see `tracker formats`)."""
    _import(files, hrc_session)


@click.command("formats")
@with_appcontext
def formats_command():
    """List the file formats `tracker import` understands."""
    from tracker.importers import FORMATS

    for name, what in FORMATS.items():
        click.echo(f"{name:24} {what}")


@click.command("load-samples")
@with_appcontext
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Samples folder (default: the SAMPLES_DIR setting, ../shared/samples).")
def load_samples_command(folder):
    """Import the sample data in ../shared/samples, or the real UN snapshot that ships
    with the tracker when there is none."""
    from tracker.importers import sample_files
    from tracker.snapshot import SNAPSHOT_DIR, snapshot_files

    if folder is not None:  # a folder asked for by name must be there
        if not folder.is_dir():
            raise click.ClickException(f"no samples folder at {folder}")
        files = sample_files(folder)
        if not files:
            raise click.ClickException(f"no sample files in {folder} (looked for "
                                       "ohchr/*.json and un_resolutions/unbisnet_*.csv)")
    else:
        folder = current_app.config.get("SAMPLES_DIR")
        files = sample_files(Path(folder)) if folder and Path(folder).is_dir() else []
        if not files:
            where = f"No sample files in {folder}" if folder else "No samples folder"
            click.echo(f"{where}: loading the small snapshot of real UN data that "
                       "ships with the tracker (SOURCE.md beside it says where it comes from).")
            click.echo("It is not kept up to date: fetch current data with `tracker scrape "
                       "communications` and `tracker scrape undl --query …`, or import "
                       "downloaded files with `tracker import FILE…`.")
            folder, files = SNAPSHOT_DIR, snapshot_files()
    click.echo(f"Loading {len(files)} sample files from {folder}")
    _import(files)


@click.group("scrape")
def scrape_group():
    """Fetch UN pages politely (cached, throttled) and store what they hold."""


def _client(offline):
    from tracker.scraping import make_client

    return make_client(offline)


_offline = click.option("--offline", type=click.Path(file_okay=False, path_type=Path),
                        help="Read only saved responses from this folder (cache layout).")
_force = click.option("--force", is_flag=True, help="Fetch again even what is cached.")


@scrape_group.command("communications")
@with_appcontext
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Stop at communications older than this date (YYYY-MM-DD).")
@click.option("--pages", type=int, help="Read at most this many pages.")
@_offline
@_force
def scrape_communications_command(since, pages, offline, force):
    """Read the Special Procedures' CommunicationSent listing, newest first."""
    from tracker.runs import Heartbeat
    from tracker.scraping import scrape_communications

    with _run("communications", "CommunicationSent") as (tally, run):
        beat, lap = Heartbeat(_sessions(), run.id), Lap()

        def show(number, last):
            beat()
            log_step("communications", "page", lap(), run=run.id, page=number,
                     **_counts(tally))
            click.echo(f"page {number}{' of ' + str(last) if last else ''}: {tally.summary()}",
                       err=True)
        scrape_communications(_client(offline), _sessions(), tally, run_id=run.id,
                              since=since.date() if isinstance(since, datetime) else None,
                              pages=pages, force=force, progress=show,
                              base_url=current_app.config["COMMUNICATIONS_URL"])


@scrape_group.command("letters")
@with_appcontext
@click.option("--limit", type=click.IntRange(min=1), help="Read at most this many files.")
@_offline
@_force
def scrape_letters_command(limit, offline, force):
    """Fetch and read each communication's letter and replies (PDF), newest first; only
    those not yet read, unless --force."""
    from tracker.letters import DocumentTally, Limits, fetch_documents
    from tracker.runs import Heartbeat

    cfg = current_app.config
    limits = Limits(max_bytes=cfg["MAX_RESPONSE_BYTES"], max_pages=cfg["LETTER_MAX_PAGES"],
                    max_chars=cfg["LETTER_MAX_CHARS"], max_seconds=cfg["LETTER_MAX_SECONDS"])
    with _run("letters", "letters and replies", DocumentTally()) as (tally, run):
        beat, lap = Heartbeat(_sessions(), run.id), Lap()

        def show(done, total, line):
            beat()
            log_step("letters", "document", lap(), run=run.id, done=done, total=total)
            click.echo(f"{done}/{total} {line}", err=True)

        def index(ids):  # as _run does at the end: the rules read the new text first
            with _sessions()() as session:
                _code_communications(session, ids)
                _update_search_index(session, ids)

        fetch_documents(_client(offline), _sessions(), tally, run_id=run.id, force=force,
                        limit=limit, limits=limits, index=index, progress=show)
        # Writing what the run read rebuilds an index older than letters whole; only a
        # run that read nothing new leaves such an index as it was.
        if not tally.changed_communications:
            _letters_hint()


def _letters_hint():
    from tracker.documents import DOCUMENT_FIELDS
    from tracker.search import missing_fields

    if set(DOCUMENT_FIELDS) & missing_fields(current_app.config["SEARCH_INDEX_DIR"]):
        click.echo("The search index was built before letters were read: run `tracker "
                   "reindex` so that search covers their text.", err=True)


@scrape_group.command("undl")
@with_appcontext
@click.option("--query", help="A Digital Library search, e.g. 'women human rights defenders'.")
@click.option("--record", "records", type=int, multiple=True, help="A record id (repeatable).")
@click.option("--pages", type=int, help="Read at most this many result pages.")
@_offline
@_force
def scrape_undl_command(query, records, pages, offline, force):
    """Read drafts, resolutions and votes from the UN Digital Library as MARCXML."""
    from tracker.scraping import scrape_undl

    if not query and not records:
        raise click.UsageError("give --query or at least one --record")
    from tracker.runs import Heartbeat

    with _run("undl", query or ",".join(map(str, records))) as (tally, run):
        scrape_undl(_client(offline), _sessions(), tally, query=query, record_ids=records,
                    pages=pages, force=force, progress=Heartbeat(_sessions(), run.id))


@scrape_group.command("hrc-session")
@with_appcontext
@click.argument("number", type=int)
@click.option("--url", help="The session's adopted-texts page, if not at the usual address.")
@_offline
@_force
def scrape_hrc_session_command(number, url, offline, force):
    """Read OHCHR's table of texts adopted at HRC session NUMBER."""
    from tracker.scraping import scrape_hrc_session

    with _run("hrc-session", str(number)) as (tally, _):
        scrape_hrc_session(_client(offline), _sessions(), tally, session_number=number,
                           url=url, force=force)


@scrape_group.command("hrc-report")
@with_appcontext
@click.argument("url")
@_offline
@_force
def scrape_hrc_report_command(url, offline, force):
    """Read sponsors and votes from an HRC session report (PDF or text) at URL."""
    from tracker.scraping import scrape_hrc_report

    with _run("hrc-report", url) as (tally, _):
        scrape_hrc_report(_client(offline), _sessions(), tally, url=url, force=force)


@click.command("check")
@with_appcontext
@click.option("--all", "show_all", is_flag=True, help="List every item, not the first 20.")
def check_command(show_all):
    """Print the data-quality list: unresolved names, matches to confirm, disagreements."""
    from tracker.quality import build_report

    with _sessions()() as session:
        report = build_report(session)
    limit = None if show_all else 20

    def section(title, rows):
        click.echo(f"\n{title}: {len(rows)}")
        for row in rows[:limit]:
            click.echo(f"  {row}")
        if limit and len(rows) > limit:
            click.echo(f"  ... and {len(rows) - limit} more (--all lists them)")

    click.echo("Data quality")
    for name, n in report.counts().items():
        click.echo(f"  {name}: {n}")
    section("Unresolved names (name, drafts, why)", [
        f"{name!r} in {n} draft(s), e.g. {drafts[0]}: {why}"
        for name, n, drafts, why in report.unresolved])
    section("Similarity matches awaiting a person (tracker names confirm|reject NAME)", [
        f"{d.name!r} -> {d.iso3} (score {d.score:.0f}, like {d.matched_alias!r}; "
        f"next: {d.runner_up or 'none'}) first in {d.first_seen}" for d in report.pending])
    section("Disagreements between the catalogue's author entries and the printed record",
            [f"{i.subject}: {i.detail}" for i in report.disagreements])
    section("Placeholder resolution symbols",
            [f"{i.subject}: {i.detail}" for i in report.placeholders])
    section("Text not read as sponsors", [f"{i.subject}: {i.detail}" for i in report.not_read])
    section("Records skipped, by reason",
            [f"{n} {reason}" for reason, n in report.skipped.most_common()])
    section("Drafts without a resolution, by body (not withdrawn, rejected or superseded)",
            [f"{body}: {n}" for body, n in report.without_resolution.most_common()])
    section("Groups sponsoring that are not spread to States (no membership list)",
            [f"{group}: {n} draft families" for group, n in report.unspread_groups.most_common()])
    section("Letters and replies printing another communication's reference (kept out of "
            "search)", [f"{c.reference} {d.kind} {d.url}: prints {d.reference_found}"
                        for c, d in report.document_mismatches])
    section("Letters and replies that could not be read (tracker scrape letters tries "
            "again)", [f"{c.reference} {d.kind}: {d.error}" for c, d in report.documents_failed])
    section("Recorded votes whose States differ from the Council's membership that day "
            "(listed, not fixed)", [d.describe() for d in report.vote_membership])
    section("Recorded votes the voting library printed oddly",
            [f"{i.kind} {i.subject}: {i.detail}" for i in report.vote_issues])
    section("Amendments not tied to the draft they amend (its title matched no draft or "
            "resolution of the session)",
            [f"{d.symbol} ({d.date}): {d.title}" for d in report.unplaced_amendments])


@click.group("names")
def names_group():
    """Confirm or reject the similarity matches of printed names to States."""


def _decide(name, status):
    from tracker.quality import DecisionError, decide

    try:
        with session_scope() as session:
            d = decide(session, name, status, by="cli")
            click.echo(f"{d.name!r} -> {d.iso3}: {d.status}")
    except DecisionError as exc:
        raise click.ClickException(str(exc)) from None


@names_group.command("confirm")
@with_appcontext
@click.argument("name")
def names_confirm_command(name):
    """Confirm that NAME, as printed, is the State it was matched to."""
    _decide(name, "confirmed")


@names_group.command("reject")
@with_appcontext
@click.argument("name")
def names_reject_command(name):
    """Reject the match of NAME; its sponsorships become unresolved."""
    _decide(name, "rejected")


def _scheduled_commands():
    from tracker.cli_alerts import alerts_group
    from tracker.cli_follow import follow_command
    from tracker.cli_schedule import scrape_all_command

    scrape_group.add_command(scrape_all_command)
    scrape_group.add_command(scrape_hrc_votes_command)
    return (alerts_group, follow_command)


COMMANDS = (add_scheme_command, import_command, import_votes_command, formats_command,
            load_samples_command,
            scrape_group, reindex_command, code_command, check_command, names_group,
            user_group, code_rules_group, cases_group, backup_command, restore_command, db_group,
            *_scheduled_commands())


def init_app(app):
    for command in COMMANDS:
        app.cli.add_command(command)


def _create_app():
    from tracker import ConfigError, create_app

    try:
        return create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _show_version(ctx, _param, value):
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"Geneva Tracker {_version('geneva-tracker')}\n"
               f"Python {platform.python_version()}\n"
               f"Flask {_version('flask')}")
    ctx.exit()


_version_option = click.Option(
    ["--version"], is_flag=True, is_eager=True, expose_value=False, callback=_show_version,
    help="Show the versions of Geneva Tracker, Python and Flask.")


class TrackerGroup(FlaskGroup):
    """The `tracker` command: its help lists the commands even when the app cannot start."""

    def __init__(self, **extra):
        super().__init__(add_version_option=False, load_dotenv=False, **extra)
        # Flask's --app would load another application and --env-file another settings
        # file; the tracker is one app, configured by instance/config.py and TRACKER_*.
        self.params = [p for p in self.params if p.name not in ("app", "env_file")]
        self.params.append(_version_option)

    def list_commands(self, ctx):
        try:
            ctx.ensure_object(ScriptInfo).load_app()
        except click.ClickException:
            # No usable configuration (say, no SECRET_KEY yet): list what is known without
            # the app; running a command then prints the one-line reason.
            return click.Group.list_commands(self, ctx)
        return super().list_commands(ctx)


main = TrackerGroup(create_app=_create_app,
                    help="Geneva Tracker: scrape UN sources, search, and serve the web UI.")
for _command in (*COMMANDS, init_db_command):
    main.add_command(_command)
