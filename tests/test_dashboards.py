"""The dashboard page: its form, its co-sponsorship matrix."""

import pytest

from .conftest import SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")


def test_dashboard_filters_by_mandate_from_its_form(loaded_app):
    client = loaded_app.test_client()
    page = client.get("/dashboards/").get_data(as_text=True)
    assert '<select id="mandate" name="mandate">' in page
    assert "Special Rapporteur on the situation of human rights defenders</option>" in page
    everything = client.get("/dashboards.json").get_json()["total"]
    page = client.get("/dashboards/?mandate=human-rights-defenders&scheme=un-groups")
    html = page.get_data(as_text=True)
    assert 'value="human-rights-defenders" selected' in html
    form = html.split('class="inline dashboard-form"', 1)[1].split("</form>", 1)[0]
    assert 'type="hidden" name="mandate"' not in form  # the select carries it, once
    defenders = client.get("/dashboards.json?mandate=human-rights-defenders").get_json()
    assert 0 < defenders["total"] < everything


def test_dashboard_legend_comes_before_the_matrix(loaded_app):
    page = loaded_app.test_client().get("/dashboards/").get_data(as_text=True)
    assert page.index('class="legend"') < page.index('class="matrix sponsor-matrix"')


def test_region_table_lists_the_regions_the_states_page_groups(app, session):
    """The region table reads only the regions' names: those that hold a State (not a
    former one), in the order the States page groups them, for every scheme."""
    from tracker.dashboards import _regions_with_states
    from tracker.models import State
    from tracker.states import schemes, states_by_region

    session.get(State, "MLT").status = "former"  # a State gone from its regions' lists
    session.commit()
    for scheme in schemes(session):
        assert _regions_with_states(session, scheme) == [
            g.region.name for g in states_by_region(session, scheme)]
