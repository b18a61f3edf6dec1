"""The Whoosh index of communications and resolutions.

- schema.py: the fields, and the documents built from the database;
- lifecycle.py: where the index lives (generations), rebuilding, searchers;
- changes.py: the change log (tracker.changelog) written into a generation, its position;
- following.py: each node's index following the log, at startup and continuously;
- building.py: a rebuild's writer, postings kept in memory, one segment per process;
- matching.py: a query and filters to a page of results (`search`) or counts (`matches`);
- scoring.py: the query matched and scored with numpy, as Whoosh would (else Whoosh does);
- postings.py: the index's postings as numpy arrays, per generation, for scoring.py;
- facets.py: the facet table, numpy arrays of the documents carrying each value;
- highlights.py: matched words marked in summaries and passages;
- suggestions.py: the vocabulary for "did you mean".

Callers import from here; the modules are how the work is divided, not an API.
"""

from tracker.search.changes import WRITER_TIMEOUT, IndexBusy
from tracker.search.facets import FacetTable, filters_query
from tracker.search.following import apply_changes, update_index
from tracker.search.highlights import passage
from tracker.search.lifecycle import POINTER, missing_fields, open_index, rebuild_index
from tracker.search.matching import (
    SORTS,
    Hit,
    Matches,
    SearchResult,
    as_date,
    matches,
    read_sort,
    search,
)
from tracker.search.schema import (
    CODED_FACETS,
    FACETS,
    NONE_FOUND,
    coded_doc,
    communication_docs,
    is_coded,
    make_schema,
    region_term,
    resolution_docs,
)

__all__ = [
    "CODED_FACETS", "FACETS", "NONE_FOUND", "POINTER", "SORTS", "WRITER_TIMEOUT",
    "FacetTable", "Hit", "IndexBusy", "Matches", "SearchResult", "apply_changes", "as_date",
    "coded_doc",
    "communication_docs", "filters_query", "is_coded", "make_schema", "matches",
    "missing_fields", "open_index", "passage", "read_sort", "rebuild_index",
    "region_term", "resolution_docs", "search", "update_index",
]
