"""Map, corridors, trends, compare and profile through AppTest, for several filter combinations."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components import maps, pages_registry
from tests.conftest import REPO

# The pages that read the shared filters from their link (components/pages_registry.py).
PAGES = [page.script for page in pages_registry.PAGES if "countries" in page.params]


def open_page(page: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params.update(params)
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def charts(app: AppTest) -> list:
    return app.get("plotly_chart") + app.get("deck_gl_json_chart")


def text(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*app.markdown, *app.caption, *app.info, *app.subheader, *app.header])


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", [
    {},
    {"countries": "MDA"},
    {"countries": ""},
    {"countries": "XKX", "indicator": "emigrant_stock", "year": "2020"},
    {"countries": "SRB,Atlantis", "type": "Teleportation", "year": "3020", "view": "zzz"},
])
def test_every_page_renders_for_several_selections(page, params):
    app = open_page(page, **params)
    assert app.title, "every page has a title"
    if params.get("type") == "Teleportation":
        assert any("Unknown migration type" in i.value for i in app.info)


def test_map_shows_the_chosen_year_and_no_data_for_kosovo():
    app = open_page("pages/explore/map.py", countries="SRB,XKX,ALB", indicator="emigrant_stock", year="2000")
    figure = app.get("plotly_chart")[0].proto.spec
    assert "2000" in figure and "No data" in figure and "white-bg" in figure
    assert "UN DESA counts Kosovo inside Serbia" in text(app)


def test_map_where_every_shown_country_lost_people():
    # Net migration 2024 for Serbia and Montenegro is negative for both: this page once crashed.
    app = open_page("pages/explore/map.py", countries="SRB,MNE", type="Net migration", indicator="net_migration",
                    year="2024")
    spec = app.get("plotly_chart")[0].proto.spec
    # Drawn, on the orange (losing) side only: two values make two orange classes.
    assert "Net migration, 2024" in spec and any(orange in spec for orange in maps.NEGATIVE)
    assert not any(purple in spec for purple in maps.POSITIVE)


def test_map_per_population_changes_the_unit():
    app = open_page("pages/explore/map.py", countries="ALB,MKD", indicator="emigrant_stock", view="per_population")
    assert "% of residents" in app.get("plotly_chart")[0].proto.spec


def test_corridors_answer_where_moldovans_live_and_the_change_since_2000():
    app = open_page("pages/explore/corridors.py", origin="MDA", since="2000", year="2020")
    assert app.get("deck_gl_json_chart"), "the corridor map is drawn"
    largest, change = app.table[0].value, app.table[1].value
    assert largest.iloc[0]["country"] == "Italy"  # 200,676 ahead of Russia's 198,728 (UN DESA 2024 edition)
    assert "2000" in change.columns and "2020" in change.columns
    assert "Italy" in change.index


def test_trends_index_and_five_year_bars():
    app = open_page("pages/explore/trends.py", countries="ALB,MDA", type="Return", indicator="return_flow_5yr")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert {trace["type"] for trace in spec["data"]} == {"bar"}
    assert "2015–2020" in spec["data"][0]["x"]
    indexed = open_page("pages/explore/trends.py", countries="MDA,ALB", type="Remittances", indicator="remittances_usd",
                        view="index", base="2005")
    assert "index, 2005 = 100" in indexed.get("plotly_chart")[0].proto.spec


def test_trends_without_countries_ask_for_a_choice():
    app = open_page("pages/explore/trends.py", countries="")
    assert any("Choose one or more countries" in i.value for i in app.info)
    assert not app.get("plotly_chart")


def test_compare_ranks_and_compares_years():
    app = open_page("pages/explore/compare.py", countries="MKD,SRB,MNE,ALB,BIH", indicator="emigrants_share_of_population",
                    year="2020", since="1990")
    specs = [c.proto.spec for c in app.get("plotly_chart")]
    assert len(specs) == 4  # ranked, several indicators, education of emigrants, change
    assert "North Macedonia" in specs[0] and "1990" in specs[3]


def test_profile_generates_sentences_and_offers_the_html():
    app = open_page("pages/explore/profile.py", country="MDA")
    assert app.title[0].value == "Migration profile: Moldova"
    assert any("people born in Moldova lived abroad" in m.value for m in app.markdown)
    assert app.get("download_button")
    actors = app.table[-1].value
    assert "Engaging returnees in local development (Moldova)" in actors.index


def test_profile_names_a_five_year_flow_by_its_period():
    # Abel & Cohen's returns are filed under the period's last year: the metric said "(2020)" beside
    # a sentence saying "between 2015 and 2020"; its label and source line name the period.
    app = open_page("pages/explore/profile.py", country="SRB")
    returns = next(m for m in app.metric if m.label.startswith("Returns over five years"))
    assert returns.label == "Returns over five years (estimate) (2015–2020)"
    assert returns.proto.help.endswith("Year: 2015–2020.")
    assert any(m.label == "Emigrants (2024)" for m in app.metric)


def test_profile_lists_the_countrys_actors():
    app = open_page("pages/explore/profile.py", country="SRB")
    names = set(app.table[-1].value.index)
    assert {"Local migration profile of Kikinda", "Diaspora guides of Veliko Gradište"} <= names


def test_the_url_records_the_view():
    app = open_page("pages/explore/map.py", countries="MDA,MKD", indicator="emigrant_stock", year="2005")
    assert app.query_params["countries"] in ("MDA,MKD", ["MDA,MKD"])
    assert app.query_params["year"] in ("2005", ["2005"])


def everything_shown(app: AppTest) -> str:
    """The page's text, tables and chart titles and labels, as one string to search."""
    parts = [text(app), *(str(e.value) for e in app.title)]
    parts += [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in app.get("plotly_chart")]
    parts += [c.proto.json for c in app.get("deck_gl_json_chart")]
    parts += [table.value.to_string() for table in [*app.table, *app.dataframe]]
    return "\n".join(parts)


# Moved from the browser tier (a link is parsed on the server; AppTest sees the same view): the
# browser still opens links in tests/e2e/test_deep_links.py and test_explore_browser.py.
@pytest.mark.parametrize("page, params, expected", [
    ("map", dict(countries="MDA,MKD", type="Emigration", indicator="emigrant_stock", year="2005"),
     ["Emigrants (born in the country, living abroad), 2005"]),
    ("corridors", dict(origin="MDA", since="2000", year="2020", indicator="emigrant_stock"),
     ["Moldova → partner countries, 2020", "Change from 2000 to 2020", "Russia"]),
    ("trends", {"countries": "ALB,MDA", "type": "Remittances", "indicator": "remittances_pct_gdp", "from": "2000",
                "to": "2024"},
     ["Personal remittances received (% of GDP), 2000–2024", "Albania", "Moldova"]),
    ("compare", dict(countries="MKD,SRB,MNE,ALB", indicator="emigrants_share_of_population", year="2020", since="2000"),
     ["Emigrants as a share of the resident population, 2020", "North Macedonia", "Montenegro"]),
    ("profile", dict(country="MDA"), ["Migration profile: Moldova", "people born in Moldova lived abroad"]),
])
def test_a_link_opens_the_view_it_describes(page, params, expected):
    app = open_page(pages_registry.page(page).script, **params)
    shown = everything_shown(app)
    assert [words for words in expected if words not in shown] == []
