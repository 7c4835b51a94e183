"""Trends, Compare and Overview charts come from one scene each, which the presenter's slides share."""

from __future__ import annotations

import pytest

from components import i18n, metrics, series_scenes, stories

ENGLISH = i18n.english()


def _slides(default_story, page):
    slides, _ = default_story
    chosen = [slide for slide in slides if slide.view.page == page]
    assert chosen, f"the default story has no {page} slide"
    return chosen


def test_a_trends_slide_is_the_trends_pages_chart(dataset, default_story):
    for slide in _slides(default_story, "trends"):
        view = slide.view
        figure, table, lines = stories.slide_figure(slide, dataset, tx=ENGLISH)
        scene = series_scenes.trends_scene(dataset, view.indicator, view.countries, view.years, view.mode,
                                           view.base, None, ENGLISH)
        assert figure.to_json() == scene.figure.to_json()
        assert table.equals(scene.table)
        # The slide names the source and the countries without figures; the definition stays on the page.
        assert lines == scene.source_lines[:1] + scene.source_lines[2:]


def test_a_compare_slide_is_the_compare_pages_chart(dataset, default_story):
    for slide in _slides(default_story, "compare"):
        view = slide.view
        countries = view.countries or stories.REGION
        if view.since is not None:
            scene = series_scenes.change_scene(dataset, view.indicator, tuple(countries), view.since, view.year,
                                               ENGLISH)
        else:
            scene = series_scenes.ranked_scene(dataset, view.indicator, tuple(countries), view.year, view.mode,
                                               ENGLISH)
        figure, table, lines = stories.slide_figure(slide, dataset, tx=ENGLISH)
        assert figure.to_json() == scene.figure.to_json()
        assert table.equals(scene.table)
        assert lines == scene.source_lines[:1]


def test_an_index_is_100_in_its_base_year_and_names_countries_without_a_base_figure(dataset):
    countries, years = ("ALB", "MDA", "XKX"), (1995, 2020)
    base = 1996  # Kosovo's remittances start later
    scene = series_scenes.trends_scene(dataset, "remittances_usd", countries, years, "index", base, None, ENGLISH)
    at_base = scene.table[scene.table["year"] == base]
    assert len(at_base) and (at_base["value"].round(6) == 100).all()
    assert scene.unit == f"index, {base} = 100"
    assert sorted(at_base["country"]) == ["ALB", "MDA"]
    assert scene.notes == ["No figure in the base year, so left out: Kosovo*."]


def test_trends_without_figures_say_so_instead_of_drawing(dataset):
    scene = series_scenes.trends_scene(dataset, "remittances_usd", ("ALB",), (1800, 1810), "absolute", None, None,
                                       ENGLISH)
    assert scene.figure is None
    assert scene.table.empty
    assert "has no figures for the chosen countries" in scene.notes[-1]


def test_a_trend_credits_the_years_it_has_figures_for_not_the_chosen_range(dataset):
    # Remittances start in 1992 at the earliest: a chart of 1990-2024 must not credit the World
    # Bank with 1990. Five-year flows name their periods.
    remittances = series_scenes.trends_scene(dataset, "remittances_usd", ("ALB", "MDA"), (1990, 2024),
                                         "absolute", None, None, ENGLISH)
    low, high = int(remittances.table["year"].min()), int(remittances.table["year"].max())
    assert low > 1990
    assert remittances.source_lines[0].endswith(f"Year: {low}–{high}."), remittances.source_lines[0]
    assert f"{low}–{high}" in remittances.figure.layout.title.text
    assert "1990" not in remittances.figure.layout.title.text
    flows = series_scenes.trends_scene(dataset, "return_flow_5yr", ("SRB",), (1990, 2024), "absolute", None, None,
                                       ENGLISH)
    first, last = int(flows.table["year"].min()), int(flows.table["year"].max())
    assert f"{first - 5}–{first} … {last - 5}–{last}" in flows.source_lines[0], flows.source_lines[0]


def test_a_playing_trend_stops_at_its_year_on_the_whole_range_of_axes(dataset):
    countries, years = ("ALB", "MDA"), (1995, 2020)
    whole = series_scenes.trends_scene(dataset, "remittances_usd", countries, years, "absolute", None, None, ENGLISH)
    played = series_scenes.trends_scene(dataset, "remittances_usd", countries, years, "absolute", None, 2005,
                                        ENGLISH)
    assert played.table["year"].max() == 2005 < whole.table["year"].max()
    low, high = played.figure.layout.yaxis.range
    assert high >= whole.table["value"].max()


@pytest.mark.parametrize("language", ["en", "sq"])
def test_the_claim_scene_charts_every_countrys_share_with_its_sources(dataset, language):
    tx = i18n.texts(language)
    claim = next(c for c in metrics.western_balkans_claims(dataset.observations, dataset.indicators)
                 if c.region_share is not None)
    scene = series_scenes.claim_scene(dataset, claim, tx)
    assert sorted(scene.table["country"]) == sorted(claim.by_country["country"])
    assert scene.source_lines and all(str(claim.year) in line for line in scene.source_lines)
    assert ENGLISH.country("ALB") in series_scenes.claim_scene(dataset, claim, ENGLISH).alt


def test_a_five_year_flow_chart_title_spans_its_periods(dataset):
    # Five-year flows are filed under each period's last year: a chart of 1995–2000 … 2015–2020 was
    # titled "…, 2000–2020" (the returns slide), as if it began in 2000. It spans 1995–2020.
    scene = series_scenes.trends_scene(dataset, "return_flow_5yr", ("BGR", "MDA", "MKD"), (2000, 2020), "absolute",
                                       None, None, ENGLISH)
    assert sorted(scene.table["year"].unique()) == [2000, 2005, 2010, 2015, 2020]
    assert scene.figure.layout.title.text.endswith(", 1995–2020")
    assert "1995–2000 … 2015–2020" in scene.figure.layout.annotations[-1].text
    stock = series_scenes.trends_scene(dataset, "emigrant_stock", ("BGR",), (1990, 2024), "absolute", None, None,
                                       ENGLISH)
    assert stock.figure.layout.title.text.endswith(", 1990–2024")
