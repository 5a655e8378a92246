"""The numbers agree: on a database the loader built from seeds/ and benchmarks/articles/, the Overview's
headline equals the sums of its incidents table and of the incidents CSV; unknown figures stay blank; a click
on a timeline bar filters to its period."""
import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import export, tally
from lib.filters import Filters
from lib.load import load_paths
from lib.paths import ROOT, SEEDS
from lib.store import queries, schema
from tests.dashboard.test_pages import elements, metrics, open_page, click_marker  # noqa: F401
from streamlit.proto.WidgetStates_pb2 import WidgetState


@pytest.fixture(scope="module")
def news_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "atlas.db"
    report = load_paths([SEEDS, ROOT / "benchmarks" / "articles"], path, workers=1)
    assert report.failed == 0 and report.loaded > 10
    return path


@pytest.fixture
def news(news_db, monkeypatch):
    monkeypatch.setenv("ATLAS_DB", str(news_db))
    return news_db


def _csv_sums(path, filters):
    db = schema.connect(path, readonly=True)
    try:
        data = export.to_csv(export.incidents_export(queries.incident_table(db, filters)))
    finally:
        db.close()
    frame = pd.read_csv(io.BytesIO(data))
    return frame, {f: int(frame[f].dropna().sum()) for f in tally.FIGURES}


def _table(at) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "killed" in d.value.columns and "open" in d.value.columns)


@pytest.mark.parametrize("params, filters", [({}, Filters()), ({"country": "NG"}, Filters(countries=("NG",))),
                                             ({"type": "bombing"}, Filters(types=("bombing",)))])
def test_headline_equals_the_incidents_table_and_its_csv(news, params, filters):
    at = open_page(params=params)
    head = metrics(at)
    table = _table(at)
    csv, sums = _csv_sums(news, filters)
    assert head["Incidents"] == len(table) == len(csv) > 0
    for label, figure in (("Killed", "killed"), ("Injured", "injured"), ("Attackers killed", "attackers_killed")):
        shown = int(table[figure].dropna().sum())
        if head[label] is None:  # no incident gives the figure
            assert table[figure].isna().all() and csv[figure].isna().all()
        else:
            assert head[label] == shown == sums[figure]


def test_unknown_figures_are_blank_and_counted_in_a_note(news):
    at = open_page()
    table = _table(at)
    missing = int(table["injured"].isna().sum())
    assert missing > 0, "the articles have incidents that give no injured figure"
    assert any(c.value == tally.without_figure(missing) for c in at.caption)
    csv, _ = _csv_sums(news, Filters())
    assert int(csv["injured"].isna().sum()) == missing  # blank cells in the CSV, not 0


def test_the_incidents_export_has_precision_codes_coordinates_and_sources(news):
    csv, _ = _csv_sums(news, Filters())
    for column in ("geo_precision", "time_precision", "date_start", "date_end", "latitude", "longitude",
                   "attackers_killed", "sources"):
        assert column in csv.columns
    assert set(csv["geo_precision"].dropna()) <= {1, 2, 3} and set(csv["time_precision"].dropna()) <= {1, 2, 3}


def _click_bar(at, customdata):
    chart = next(e for e in elements(at, "plotly_chart") if str(e.key).startswith("timeline_"))
    states = at._tree.get_widget_states()
    selection = {"selection": {"points": [{"curve_number": 0, "point_number": 0, "point_index": 0,
                                           "customdata": customdata}], "point_indices": [0], "box": [], "lasso": []}}
    states.widgets.append(WidgetState(id=chart.proto.id, string_value=json.dumps(selection)))
    at._run(states)
    assert not at.exception, at.exception
    return at


def test_a_click_on_a_timeline_bar_filters_to_its_month(news):
    at = open_page("pages/2_Counts.py")
    before = next(c.value for c in at.caption if "with incidents match" in c.value)
    fig = json.loads(next(e for e in elements(at, "plotly_chart") if str(e.key).startswith("timeline_")).proto.spec)
    span = fig["data"][0]["customdata"][-1]
    at = _click_bar(at, span)
    first, last = span.split("|")
    assert at.query_params["from"] == first and at.query_params["to"] == last
    after = next(c.value for c in at.caption if "with incidents match" in c.value)
    assert after.startswith("1 month with incidents matches") and after != before


def test_search_results_mark_the_words_and_link_to_their_article(news):
    at = open_page("pages/3_Sources.py", params={"q": "killed"})
    results = "\n".join(e.proto.body for e in elements(at, "html") if "atlas-results" in e.proto.body)
    assert '<mark class="atlas-term">killed</mark>' in results
    assert 'href="./Sources?q=killed&amp;doc=' in results and "open the article" in results
    assert "· source ·" not in results  # an article without a named source says so, never a bare "source"


def test_the_articles_table_links_each_row_to_its_article(news):
    at = open_page("pages/3_Sources.py")
    table = next(d.value for d in at.dataframe if "open" in d.value.columns and "title" in d.value.columns)
    assert all(link.startswith("./Sources?doc=") for link in table["open"])
    assert any(c.value.endswith("articles match the filters") for c in at.caption)
