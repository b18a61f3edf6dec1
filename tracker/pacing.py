"""What an import does as it goes, besides storing: it codes each batch in the batch's
commit, brings the node's search index up to date every few thousand records, and
refreshes the database's statistics as its tables grow (tracker.cli's `import`)."""

import click
from flask import current_app

# Records stored or changed from which a run refreshes the database's statistics.
ANALYZE_AFTER = 1000
# A command waits this long for the node's follower to let it write the index: what it
# stored is then searchable when it ends, even while the follower works through an import.
COMMAND_INDEX_WAIT = 600.0


class IndexAsYouGo:
    """Bring this node's index up to date after every EVERY records an import stores.

    The import then goes at the pace its index can follow: on a server busy with readers
    the node's follower, at a lower priority than the pages, falls behind a big import,
    and what was stored would wait for it; this way it is searchable when the import
    ends, and the index work is done at the import's own priority."""

    EVERY = 2000

    def __init__(self, tally):
        self.tally, self.at, self.busy = tally, 0, False

    def __call__(self) -> None:
        from tracker.db import get_engine
        from tracker.search import IndexBusy, apply_changes

        done = len(self.tally.changed_communications) + len(self.tally.changed_resolutions)
        if self.busy or done - self.at < self.EVERY:
            return
        self.at = done
        try:
            apply_changes(current_app.config["SEARCH_INDEX_DIR"], get_engine(),
                          wait=COMMAND_INDEX_WAIT)
        except IndexBusy as exc:
            self.busy = True  # the index is written at the end, or by the follower
            click.echo(f"search index not updated during the import: {exc}", err=True)


class StatisticsAsYouGo:
    """Refresh the database's statistics each time an import has doubled what it stored
    (from ANALYZE_AFTER records): a table planned as nearly empty is read whole by the
    pages' queries while the import goes on, which autovacuum, where it runs, mends only
    later."""

    def __init__(self, tally):
        self.tally, self.at = tally, 0

    def __call__(self) -> None:
        from tracker.db import analyze, get_engine

        done = self.tally.saved + self.tally.updated
        if done >= max(ANALYZE_AFTER, 2 * self.at):
            self.at = done
            analyze(get_engine())


class BatchCoder:
    """Codes each batch of an import's letters in the batch's own transaction, so the
    search change log names each letter once (stored and coded), not twice."""

    def __init__(self, rules, tally):
        from tracker.codes import Tally as CodesTally

        self.rules, self.tally = rules, tally
        self.codes = CodesTally(version=rules.version)

    @classmethod
    def from_config(cls, tally):
        """None when the rules file cannot be read: the run's code step says why."""
        from tracker.coding import RulesError, load_rules

        try:
            return cls(load_rules(current_app.config.get("CODING_RULES")), tally)
        except RulesError:
            return None

    def __call__(self, session, ids):
        from tracker.codes import code_in_transaction

        code_in_transaction(session, ids, self.rules, self.codes)
        self.tally.coded_communications |= ids
