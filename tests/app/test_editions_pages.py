"""Editions through AppTest: the edition picker and link, source lines, no mixed table on any page,
and the 'What changed between editions' section of Data & sources."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components import editions
from components.dataset import load_dataset
from components.i18n import english
from tests.conftest import DATA, REPO

MAP = "pages/explore/map.py"
DATA_PAGE = "pages/data/data_sources.py"


def open_page(page: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    app.query_params.update(params)
    app.run()  # the navigation first: the data page's own path is only known after it
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def edition_picker(app: AppTest):
    found = [radio for radio in app.sidebar.radio if radio.label == "Edition"]
    return found[0] if found else None


def captions(app: AppTest) -> str:
    return "\n".join(str(c.value) for c in app.caption)


def links(app: AppTest) -> list[tuple[str, str, str]]:
    return [(link.proto.label, link.proto.page, link.proto.query_string) for link in app.get("page_link")]


def test_the_map_opens_on_the_newest_edition_with_an_edition_picker():
    app = open_page(MAP)
    picker = edition_picker(app)
    assert picker is not None and picker.value == "2024"
    assert picker.options == ["2024 edition (newest)", "2020 edition"]
    assert app.sidebar.select_slider(key="year").value == 2024
    assert "International Migrant Stock 2024" in captions(app) and "2024 revision" in captions(app)
    assert (app.query_params["indicator"], app.query_params["edition"], app.query_params["year"]) == (
        "emigrant_stock", "2024", "2024")
    assert ("What changed in the 2024 edition?", "data", "revisions=emigrant_stock") in links(app)


def test_a_link_with_edition_2020_opens_it_and_the_picker_switches_to_2024():
    app = open_page(MAP, indicator="emigrant_stock", edition="2020")
    assert edition_picker(app).value == "2020"
    assert app.sidebar.select_slider(key="year").value == 2020  # the 2020 edition's latest year
    assert "International Migrant Stock 2020" in captions(app) and "2024" not in captions(app).split("\n")[0]
    assert app.query_params["edition"] == "2020"
    edition_picker(app).set_value("2024").run()
    assert "International Migrant Stock 2024" in captions(app)
    assert app.query_params["edition"] == "2024"


def test_an_old_link_to_the_2020_indicator_opens_the_2020_edition():
    app = open_page(MAP, indicator="emigrant_stock_ims2020", year="2010")
    assert edition_picker(app).value == "2020" and app.sidebar.select_slider(key="year").value == 2010
    assert "International Migrant Stock 2020" in captions(app)
    assert (app.query_params["indicator"], app.query_params["edition"]) == ("emigrant_stock", "2020")
    indicator = app.sidebar.selectbox(key="indicator")
    assert indicator.value == "emigrant_stock" and not any(o.endswith("_ims2020") for o in indicator.options)


def test_an_unknown_edition_falls_back_to_the_newest_with_a_notice():
    app = open_page(MAP, indicator="emigrant_stock", edition="<script>1999</script>")
    assert edition_picker(app).value == "2024"
    notices = [str(info.value) for info in app.info]
    # The link's value is quoted as escaped text (issue 14): never rendered as markup.
    assert "Unknown edition '\\<script\\>1999\\</script\\>' in the link; showing the 2024 edition." in notices


def test_a_one_edition_indicator_has_no_edition_picker_and_no_what_changed_link():
    app = open_page(MAP, type="Net migration", indicator="net_migration")
    assert edition_picker(app) is None
    assert "edition" not in app.query_params
    assert not [link for link in links(app) if link[1] == "data"]


VIEWS = [(MAP, {"view": "absolute"}), (MAP, {"view": "per_population"}),
         ("pages/explore/corridors.py", {"origin": "MDA"}),
         ("pages/explore/trends.py", {"view": "absolute"}), ("pages/explore/trends.py", {"view": "per_population"}),
         ("pages/explore/trends.py", {"view": "index"}),
         ("pages/explore/compare.py", {"view": "absolute", "since": "1990"}),
         ("pages/explore/compare.py", {"view": "per_population"}),
         ("pages/explore/profile.py", {"country": "ALB"})]


@pytest.fixture(scope="module")
def catalogue():
    return load_dataset(DATA, keep_history=False).indicators


@pytest.mark.parametrize("edition", ["2024", "2020"])
@pytest.mark.parametrize("page, params", VIEWS)
def test_no_table_on_any_page_mixes_editions(catalogue, page, params, edition):
    app = open_page(page, indicator="emigrant_stock", edition=edition, countries="SRB,MDA,ALB,BIH", **params)
    heading = english()
    indicator_column, source_column = heading("chart.columns.indicator"), heading("chart.columns.source_id")
    tables = [frame.value for frame in app.dataframe if indicator_column in frame.value.columns]
    assert tables, "no table of a chart's numbers on the page"
    for table in tables:
        assert source_column in table.columns, list(table.columns)
        found = editions.mixed_editions(table, catalogue, indicator_column=indicator_column,
                                        source_column=source_column)
        assert found == [], found
    if page != "pages/explore/profile.py":  # the profile is not filtered by edition: it shows the newest
        shown = {s for table in tables for s in table[source_column] if "ims" in str(s)}
        assert shown and all(s.endswith(edition) for s in shown), shown
        other = "2020" if edition == "2024" else "2024"
        assert f"International Migrant Stock {edition}" in captions(app)
        assert f"International Migrant Stock {other}" not in captions(app)


def test_what_changed_opens_on_the_series_of_the_link():
    app = open_page(DATA_PAGE, revisions="immigrant_stock")
    assert app.selectbox(key="revisions_series").value == "immigrant_stock"
    body = "\n".join(str(m.value) for m in app.markdown)
    assert "The 2024 edition revised the immigrants in Serbia in 1990 up by 965,345 (+972.5%)." in body
    assert "2,624 figures are in both editions" in body
    assert "Compared: the 2024 edition with the 2020 edition." in captions(app)
    table = next(f.value for f in app.dataframe if "Difference (%)" in f.value.columns)
    assert len(table) == 2624 and table.iloc[0].tolist() == ["Serbia", "all", "1990", "99,269", "1.06 million",
                                                              "+965,345", "+972.5%"]
    downloads = [d for d in app.get("download_button") if d.proto.label == "Download the full table (CSV)"]
    assert len(downloads) == 1


def test_what_changed_shows_albanias_emigrants_after_choosing_the_series():
    app = open_page(DATA_PAGE)
    app.selectbox(key="revisions_series").set_value("emigrant_stock").run()
    table = next(f.value for f in app.dataframe if "Difference (%)" in f.value.columns)
    albania = table[(table["Country"] == "Albania") & (table["Partner country"] == "all") & (table["Year"] == "2020")]
    assert albania.iloc[0].tolist()[3:] == ["1.25 million", "1.1 million", "\u2212146,602", "\u221211.7%"]


def test_what_changed_in_serbian_cyrillic():
    app = open_page(DATA_PAGE, revisions="emigrant_stock", lang="sr-Cyrl")
    body = "\n".join(str(m.value) for m in app.markdown)
    assert "Издање 2024 ревидирало је број емиграната Србије за 2000. наниже, за 655.333 (\u221257,9%)." in body
