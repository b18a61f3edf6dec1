"""The regional gaps of many resolutions at once equal `resolution_gaps`, one by one."""

from datetime import date

from sqlmodel import Session, select

from tracker.db import get_engine
from tracker.models import Draft, GroupMembership, Resolution, Sponsorship
from tracker.resolutions import resolution_gaps, resolutions_gaps


def _shape(gaps):
    return [(g.region, [m.iso3 for m in g.members], [s.iso3 for s in g.sponsors])
            for g in gaps]


def _all_equal(session) -> list[Resolution]:
    every = list(session.exec(select(Resolution).order_by(Resolution.symbol)))
    bulk = resolutions_gaps(session, [r.symbol for r in every])
    for r in every:
        assert _shape(bulk[r.symbol]) == _shape(resolution_gaps(session, r.symbol)), r.symbol
    return every


def test_resolutions_gaps_equal_one_by_one_for_every_sample_resolution(loaded_app):
    with loaded_app.app_context(), Session(get_engine()) as session:
        every = _all_equal(session)
        assert sum(bool(resolution_gaps(session, r.symbol)) for r in every) > 5


def _resolution(session, symbol, adopted, drafts, sponsors=()):
    """A resolution with its drafts ((symbol, date, status)) and its first family's
    sponsorship rows ((iso3 or None, group or None, withdrawn))."""
    r = Resolution(body="GA", symbol=symbol, title=symbol, adoption_date=adopted)
    session.add(r)
    session.flush()
    for n, (draft, day, status) in enumerate(drafts):
        session.add(Draft(symbol=draft, family=draft.split("/Rev.")[0], revision=n,
                          resolution_id=r.id, date=day, status=status))
    family = drafts[0][0].split("/Rev.")[0]
    for iso3, group, withdrawn in sponsors:
        session.add(Sponsorship(family=family, sponsor_key=iso3 or f"group:{group}", iso3=iso3,
                                group_name=group, role="co", withdrawn=withdrawn,
                                raw_name=iso3 or group))
    session.flush()
    return r


def test_resolutions_gaps_equal_one_by_one_in_constructed_cases(app, session):
    # South Sudan joined the UN on 14 July 2011: missing from the 2012 count, not from 2010's.
    before = _resolution(session, "A/RES/T/1", date(2010, 12, 1), [("A/T/L.1", None, None)],
                         [("MEX", None, False), ("SSD", None, False)])
    after = _resolution(session, "A/RES/T/2", date(2012, 12, 1), [("A/T/L.2", None, None)],
                        [("MEX", None, False), ("SSD", None, False)])
    # A withdrawal; a regional group on whose behalf a State sponsors, one of its members
    # having withdrawn; the European Union before and after Croatia joined it.
    _resolution(session, "A/RES/T/3", date(2014, 12, 1), [("A/T/L.3", None, None)],
                [("NOR", None, True), ("ETH", None, False), (None, "African Group", False),
                 ("KEN", None, True), (None, "European Union", False)])
    _resolution(session, "A/RES/T/4", date(2012, 12, 1), [("A/T/L.4", None, None)],
                [(None, "European Union", False)])
    # No adoption date: counted on the last draft's day; a withdrawn group sponsors nothing.
    _resolution(session, "A/RES/T/5", None, [("A/T/L.5", date(2009, 3, 1), None),
                                             ("A/T/L.5/Rev.1", date(2009, 3, 20), None)],
                [("CHL", None, False), (None, "WEOG", True)])
    # The sponsors withdrew the last revision: no final sponsor at all.
    _resolution(session, "A/RES/T/6", date(2013, 3, 1), [("A/T/L.6", None, None),
                                                         ("A/T/L.6/Rev.1", None, "withdrawn")],
                [("CHL", None, False)])
    # No draft, and no date at all.
    session.add(Resolution(body="GA", symbol="A/RES/T/7", title="no draft"))
    _resolution(session, "A/RES/T/8", None, [("A/T/L.8", None, None)], [("PER", None, False)])
    session.flush()

    _all_equal(session)
    bulk = resolutions_gaps(session, [before.symbol, after.symbol])
    members = [{m.iso3 for g in bulk[r.symbol] for m in g.members} for r in (before, after)]
    assert "SSD" not in members[0] and "SSD" in members[1]
    eu = set(session.exec(select(GroupMembership.iso3)
                          .where(GroupMembership.group_name == "European Union")))
    assert {"HRV", "GBR"} <= eu  # the shipped membership list: Croatia from July 2013
    gaps = resolutions_gaps(session, ["A/RES/T/3", "A/RES/T/4"])
    sponsors = {s: {m.iso3 for g in gaps[s] for m in g.sponsors}
                for s in ("A/RES/T/3", "A/RES/T/4")}
    assert "HRV" in sponsors["A/RES/T/3"] and "HRV" not in sponsors["A/RES/T/4"]
    assert "KEN" not in sponsors["A/RES/T/3"] and "NOR" not in sponsors["A/RES/T/3"]
    assert "ETH" in sponsors["A/RES/T/3"] and "SEN" in sponsors["A/RES/T/3"]
