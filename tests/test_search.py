import threading
from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from scrapers.records import CommunicationRecord, ReplyRecord
from tracker.importers import import_files, sample_files
from tracker.ingest import Tally, store_communications
from tracker.models import (
    Communication,
    CommunicationMandate,
    Mandate,
    Region,
    RegionMembership,
    Reply,
)
from tracker.query import ANALYZER, MAX_QUERY_LENGTH, did_you_mean, plain_word_spans
from tracker.search import IndexBusy, open_index, rebuild_index, search, update_index

from .conftest import SAMPLES

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")


def _rec(code, number, summary, mandates=("human rights defenders",), replies=()):
    return CommunicationRecord(type="UA", addressee_code=code, number=number, year=2013,
                               date=date(2013, 5, number), addressee_name=code,
                               mandates=list(mandates), summary=summary,
                               replies=[ReplyRecord(date(2013, 8, 1), u) for u in replies],
                               location="test")


@pytest.fixture
def index_dir(app):
    return app.config["SEARCH_INDEX_DIR"]


@pytest.fixture
def three_languages(session, index_dir):
    tally = Tally()
    store_communications(session, [
        _rec("HND", 5, "Amenazas contra defensoras de derechos humanos, entre ellas la "
                       "señora Berta Peña, en Intibucá."),
        _rec("FRA", 1, "Allégations concernant des défenseures des droits de l'homme et "
                       "Mme Françoise Dupré.", replies=["https://x/r"]),
        _rec("GBR", 2, "Information received concerning threats against women human rights "
                       "defenders in Belfast.", mandates=("violence against women and girls",)),
    ], tally)
    session.commit()
    update_index(index_dir, session, communication_ids=tally.changed_communications)
    return tally


@pytest.mark.parametrize("query, ref", [
    ("Pena", "UA HND 5/2013"), ("Peña", "UA HND 5/2013"), ("defensora", "UA HND 5/2013"),
    ("defensoras", "UA HND 5/2013"), ("Intibuca", "UA HND 5/2013"),
    ("Francoise Dupre", "UA FRA 1/2013"), ("defenseure", "UA FRA 1/2013"),
    ("allegations", "UA FRA 1/2013"), ("defender", "UA GBR 2/2013"),
    ('"women human rights defenders"', "UA GBR 2/2013"),
])
def test_search_folds_accents_and_stems_three_languages(three_languages, index_dir, query, ref):
    result = search(index_dir, query)
    assert [h.fields["reference"] for h in result.hits] == [ref]


def test_search_highlights_and_field_queries(three_languages, index_dir):
    result = search(index_dir, "Belfast")
    assert '<mark class="hl' in result.hits[0].highlight
    assert search(index_dir, "state:FRA").total == 1
    assert search(index_dir, "reply:replied").total == 1
    assert search(index_dir, "date:2013").total == 3
    assert search(index_dir, "date:[2013-05-02 to 2013-05-05]").total == 2
    assert search(index_dir, "Belfast OR Intibuca").total == 2
    assert search(index_dir, "defenders NOT Belfast").total == 0


def test_search_filters_sort_and_pages(three_languages, index_dir):
    result = search(index_dir, "", filters={"reply": ["awaiting"]}, sort="-date")
    assert [h.fields["reference"] for h in result.hits] == ["UA HND 5/2013", "UA GBR 2/2013"]
    paged = search(index_dir, "", per_page=2, page=2, sort="date")
    assert (paged.total, paged.pages, [h.fields["reference"] for h in paged.hits]) == (
        3, 2, ["UA HND 5/2013"])


def test_search_did_you_mean(three_languages, index_dir):
    result = search(index_dir, "Belfsat")
    assert result.total == 0 and result.suggestion == "belfast"


def test_did_you_mean_changes_plain_words_only():
    vocabulary = ["two", "belfast", "date", "state"]
    text = 'date:[2030 to 2031] "Belfsat x" state:Belfsat Belfsa* Belfsat AND to'
    assert did_you_mean(vocabulary, text) == (
        'date:[2030 to 2031] "Belfsat x" state:Belfsat Belfsa* belfast AND two')
    query = "date:{2030 to 2031] (x OR y:z) w"
    assert [query[a:b] for a, b in plain_word_spans(query)] == ["x", "w"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=60),
    st.text(alphabet='"()[]*?:^~-+ANDORT to{}\\/ ', max_size=40),
    st.sampled_from(['"unbalanced', "AND", "OR OR", "NOT", "*", "?", "state:", "date:[2012",
                     "date:[2012 to", "(((", "field:value:other", "x" * 10_000, "title:*",
                     "date:2099-99-99", "~~", "\x00", "a AND (b OR"])))
def test_search_malformed_queries_never_raise(three_languages, index_dir, text):
    result = search(index_dir, text)
    assert result.total >= 0
    if len(text) > MAX_QUERY_LENGTH:
        assert "cut to its first" in result.notice


def test_search_bad_query_says_what_it_did(three_languages, index_dir):
    result = search(index_dir, "AND")
    assert "could not be read as written" in result.notice


@needs_samples
def test_search_facet_counts_equal_database_counts(app, session, index_dir):
    with app.app_context():
        tally = Tally()
        from sqlmodel import Session

        from tracker.db import get_engine
        import_files(sample_files(SAMPLES), lambda: Session(get_engine()), tally)
        update_index(index_dir, session, communication_ids=tally.changed_communications)
    result = search(index_dir, "", filters={"group": ["WEOG"]})
    weog = set(session.exec(select(RegionMembership.iso3).join(Region)
                            .where(Region.name == "WEOG", RegionMembership.counts)).all())
    by_state = dict(session.exec(select(Communication.state_iso3, func.count())
                                 .where(Communication.state_iso3.in_(weog))
                                 .group_by(Communication.state_iso3)).all())
    assert dict(result.facets["state"]) == by_state
    by_mandate = dict(session.exec(
        select(Mandate.slug, func.count()).join(CommunicationMandate)
        .join(Communication, Communication.id == CommunicationMandate.communication_id)
        .where(Communication.state_iso3.in_(weog)).group_by(Mandate.slug)).all())
    assert dict(result.facets["mandate"]) == by_mandate
    everything = search(index_dir, "")
    # the year it was sent, as date: filters, not the reference's year
    by_year = Counter(str(d.year) if d else "undated"
                      for d in session.exec(select(Communication.date)).all())
    assert dict(everything.facets["year"]) == by_year
    replied = session.exec(select(func.count(func.distinct(Reply.communication_id)))).one()
    assert dict(everything.facets["reply"]).get("replied", 0) == replied
    assert dict(everything.facets["state"])["OTH"] == session.exec(
        select(func.count()).where(Communication.addressee_code == "OTH")).one()


def test_search_incremental_ingest_shows_at_once(three_languages, session, index_dir):
    assert search(index_dir, "Tegucigalpa").total == 0
    tally = Tally()
    store_communications(session, [_rec("HND", 9, "A journalist in Tegucigalpa.")], tally)
    session.commit()
    update_index(index_dir, session, communication_ids=tally.changed_communications)
    assert search(index_dir, "Tegucigalpa").total == 1


def test_search_reindex_while_readers_search(three_languages, session, index_dir):
    errors, totals = [], set()
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                totals.add(search(index_dir, "").total)
            except Exception as exc:  # noqa: BLE001 - any error fails the test below
                errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(4):
        rebuild_index(index_dir, session)
    stop.set()
    for t in threads:
        t.join()
    assert errors == []
    assert totals == {3}  # never a partial index


def test_search_writer_busy_is_clear(three_languages, session, index_dir):
    holder = open_index(index_dir).writer()
    try:
        with pytest.raises(IndexBusy, match="being written by another process"):
            update_index(index_dir, session, communication_ids=[1], timeout=0.2)
    finally:
        holder.cancel()


def test_analyzer_matches_whoosh_filter_chain():
    from whoosh.analysis import (
        CharsetFilter,
        LowercaseFilter,
        RegexTokenizer,
        StemFilter,
        StopFilter,
    )
    from whoosh.support.charset import accent_map

    chain = (RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter()
             | StemFilter())
    text = ("Les défenseures des droits de l'homme, Mme Peña and the women human rights "
            "defenders of Côte d’Ivoire were threatened; e.g. 2013.")
    ours = [(t.text, t.pos) for t in ANALYZER(text, positions=True)]
    theirs = [(t.text, t.pos) for t in chain(text, positions=True)]
    assert ours == theirs


def test_search_text_with_broad_filter_keeps_filter(three_languages, index_dir):
    # two of three documents await a reply: a filter covering most of the index
    result = search(index_dir, "defensoras OR defenders OR defenseure",
                    filters={"reply": ["awaiting"]})
    assert sorted(h.fields["reference"] for h in result.hits) == ["UA GBR 2/2013",
                                                                  "UA HND 5/2013"]


@pytest.mark.parametrize("text", ["Information AND (", "defenders OR", '"Belfast', "a ) b",
                                  "date:[2030 two 2031]"])
def test_search_query_whoosh_would_cut_falls_back_to_words(three_languages, index_dir, text):
    """Whoosh drops what it cannot read without a word; the reader is told instead."""
    assert "could not be read as written" in search(index_dir, text).notice


def test_search_open_before_an_update_counts_the_updated_letter_once(session, index_dir):
    """A web process's searcher outlives an update (an import, a coding decision)."""
    store_communications(session, [_rec("HND", 1, "A defender in Tegucigalpa."),
                                   _rec("GBR", 2, "A journalist in Belfast.")], Tally())
    session.commit()
    rebuild_index(index_dir, session)
    assert search(index_dir, "", filters={"women": ["not coded"]}).total == 2
    c = session.exec(select(Communication).where(Communication.number == 1)).one()
    c.women = True
    session.add(c)
    session.commit()
    update_index(index_dir, session, communication_ids=[c.id])
    assert search(index_dir, "", filters={"women": ["not coded"]}).total == 1
    assert search(index_dir, "", filters={"women": ["yes"]}).total == 1
    assert search(index_dir, "Tegucigalpa").total == 1
