"""Every page through streamlit.testing.v1.AppTest, on the shipped data and beside bad files."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, drop_in

TIMEOUT = 60


def run_page(page: str | None, data_dir=None, monkeypatch=None) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [w.value for w in app.warning]
    return "\n".join(str(p) for p in parts)


def test_overview_shows_real_headline_figures_with_sources():
    app = run_page(None)
    assert app.title[0].value == "Mobility in South-East Europe"
    metric = app.metric[0]
    assert metric.label == "Western Balkans, 2024"  # the newest edition's latest year
    assert metric.value.endswith("%") and 15 < float(metric.value.rstrip("%")) < 35
    table = app.table[-1].value  # the glance table, after the table of editions
    assert table.loc["Albania"].iloc[0] == "1.22 million"  # 1,216,628 in 2024
    assert table.loc["Kosovo*"].iloc[0] == "in Serbia's figure"
    body = texts(app)
    assert "International Migrant Stock 2024" in body and "World Development Indicators" in body
    assert "UNSCR 1244/1999" in body
    [chart] = app.get("plotly_chart")
    # The chart's title as Plotly draws it (a <br> where a narrow column wraps it).
    title = json.loads(chart.proto.spec)["layout"]["title"]["text"]
    assert re.match(r"Share of people born in each country who live abroad, 2024", re.sub(r"<br>", " ", title)), title
    assert not app.warning  # no file problems with the shipped data


def test_data_and_sources_lists_sources_indicators_coverage_and_files():
    app = run_page("pages/data/data_sources.py")
    assert app.title[0].value == "Data & sources"
    frames = [frame.value for frame in app.dataframe]
    sources, indicators, coverage, files = frames[:4]
    assert {"un_desa_ims2024", "un_desa_ims2020", "abel_cohen_2019", "eurostat_migr_imm1ctz"} <= set(sources["Id"])
    assert indicators.set_index("id").loc["return_flow_5yr", "estimate"] == "yes"
    assert "ALB" in coverage.columns and "XKX" in coverage.columns
    assert set(files["Status"]) == {"loaded"}
    assert "actors/actors.csv" in set(files["File"])  # the actors file is checked like any other
    assert app.success[0].value == "Every file passed every check."
    assert "Made with Natural Earth." in texts(app)


@pytest.mark.parametrize("bad_file", ["text_in_value.csv", "empty.csv", "no_code.geojson", "year_3020.csv"])
def test_a_bad_file_leaves_both_pages_working_and_is_named(data_copy, monkeypatch, bad_file):
    drop_in(data_copy, bad_file)
    overview = run_page(None, data_copy, monkeypatch)
    assert bad_file in overview.warning[0].value
    if bad_file == "text_in_value.csv":  # the banner names the value that is not a number
        assert "about a million" in overview.warning[0].value
    assert overview.table[-1].value.loc["Albania"].iloc[0] == "1.22 million"
    sources = run_page("pages/data/data_sources.py", data_copy, monkeypatch)
    assert bad_file in sources.warning[0].value
    files = sources.dataframe[3].value.set_index("File")
    assert files.loc[bad_file, "Status"] == "rejected"
    problems = sources.dataframe[4].value
    assert bad_file in set(problems["File"])
    assert problems[problems["File"] == bad_file]["Fix"].str.len().min() > 10
