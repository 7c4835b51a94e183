"""The stories file: the default story's claims against the data, validation, figures, projector styling."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import pytest

from components import circular, contract, i18n, projector, stories, views
from components.countries import CORE
from tests.conftest import DATA

STORY = DATA / "stories" / "default.yaml"




def _parse(dataset, text: str, name: str = "stories/test.yaml"):
    return stories.parse_stories(text.encode("utf-8"), name, dataset)


# --- the default story -------------------------------------------------------------------------

def test_the_default_story_plays_every_slide_without_problems(default_story):
    slides, report = default_story
    assert len(slides) >= 8
    assert report.problems == [], [p.message for p in report.problems]
    assert [s.number for s in slides] == list(range(1, len(slides) + 1))
    assert all(s.title and s.message for s in slides)


def test_the_default_story_covers_what_the_issue_asks_for(default_story):
    slides, _ = default_story
    pages = {s.view.page for s in slides}
    indicators = {s.view.indicator for s in slides}
    assert {"map", "corridors", "trends"} <= pages
    assert any(s.view.page == "trends" for s in slides), "change over time"
    assert indicators & {"return_flow_5yr", "returning_nationals"}, "returns"
    assert "remittances_pct_gdp" in indicators, "remittances"
    missing = [s for s in slides if "seasonal" in s.message.lower() and "circular" in s.message.lower()]
    assert missing, "a slide says what the data cannot show: seasonal and circular migration"
    assert any(s.play_years for s in slides if s.view.page == "map")
    assert any(s.play_years for s in slides if s.view.page == "trends")


# The slides on emigrants show UN DESA's newest edition (2024, the plain indicator ids), so their
# messages are checked on it; no check reads the 2020 edition (_ims2020), as no slide shows it.
def _share(dataset, indicator, year, countries=None):
    frame = views.map_values(dataset.observations, indicator, year).set_index("country")["value"].dropna()
    return frame if countries is None else frame.reindex(list(countries))


def _check_one_in_three(d):
    share = _share(d, "share_of_native_born_abroad", 2024).sort_values()
    return bool(share.index[0] == "SRB" and 10.5 <= share.iloc[0] <= 11.8  # "about one in nine"
                and set(share.index[-2:]) == {"ALB", "BIH"}  # the highest two, in the title
                and (share.iloc[-2:].between(31.5, 35.5)).all()  # "about one in three" each
                and share.iloc[-3] < 30)  # and only they: Moldova (28.1%) is no longer one in three


def _check_how_many(d):
    stock = _share(d, "emigrant_stock", 2024)
    return bool(stock.idxmin() == "MNE" and 90_500 <= stock.min() < 91_500  # "about 91,000"
                and stock.idxmax() == "ROU" and 4_500_000 <= stock.max() < 4_600_000)  # "almost 4.6 million"


def _top(d, origin, year=2024, indicator="emigrant_stock"):
    return views.partners(d.observations, indicator, origin, year).set_index("partner")["share"]


def _check_moldova(d):
    share = _top(d, "MDA")
    return bool(list(share.index[:4]) == ["ITA", "RUS", "UKR", "ROU"]
                and 23 <= share["ITA"] <= 27  # "about a quarter"
                and 100 / 3 < share["RUS"] + share["UKR"] < 40  # "together more than a third"
                and share["ROU"] < 10)  # "fewer than one in ten"


def _check_albania(d):
    share = _top(d, "ALB")
    return bool(set(share.index[:2]) == {"ITA", "GRC"}
                and 80 < share["ITA"] + share["GRC"] < 85)  # "more than four in five" (and not five in six)


def _check_rose(d):
    share = views.country_totals(d.observations, "share_of_native_born_abroad", CORE).pivot(
        index="year", columns="country", values="value")
    ratio = share.loc[2024] / share.loc[1990]
    # In the 2024 edition every country of the process has a 1990 figure, Montenegro included.
    return bool(set(ratio.dropna().index) == set(CORE)
                and set(ratio[ratio > 1].index) == set(CORE) - {"MNE"}  # "rose in four of the five"
                and ratio["MNE"] < 1  # "in Montenegro it fell"
                and ratio.idxmax() == "SRB" and 2.6 <= ratio["SRB"] < 3)  # "fastest in Serbia ... almost tripled"


def _check_returns(d):
    returns = _share(d, "return_flow_5yr", 2020, CORE)
    return bool(returns.notna().all() and (returns > 10_000).all())


def _check_counted_returns(d):
    counted = views.country_totals(d.observations, "returning_nationals")
    return not {"SRB", "ALB"} & set(counted["country"]) and len(counted["country"].unique()) >= 3


def _check_money(d):
    share = _share(d, "remittances_pct_gdp", 2024)
    return 15.5 <= share["XKX"] <= 18 and all(9.5 <= share[c] <= 11.5 for c in ("BIH", "MNE", "MDA"))


def _check_moldova_remittances(d):
    series = views.country_totals(d.observations, "remittances_pct_gdp", ["MDA"]).set_index("year")["value"]
    return (series.idxmax() == 2006 and 31 <= series.max() <= 36  # "about a third of GDP in 2006"
            and 9.5 <= series[2024] <= 11.5)  # "about a tenth" in 2024


def _check_cannot_show(d):
    words = d.indicators[["id", "label", "definition"]].astype(str).apply(" ".join, axis=1).str.lower()
    years = sorted(views.country_totals(d.observations, "emigrant_stock")["year"].unique())
    steps = {b - a for a, b in zip(years, years[1:])}
    return not words.str.contains("seasonal|circular").any() and steps == {4, 5}  # 1990, 1995, ... 2020, 2024


def _check_moldova_returns(d):
    ratios = circular.ranking(d.observations, 2020).set_index("country")
    moldova = ratios.loc["MDA"]
    return bool(moldova["outflow"] == 283_178 and moldova["returns"] == 85_037
                and round(moldova["departures_per_return"], 1) == 3.3  # "one return for every 3.3 departures"
                and moldova["rank"] == ratios["rank"].max()  # the note: Moldova the lowest
                and ratios["rank"].idxmin() == "MKD" and round(ratios.loc["MKD", "ratio"], 2) == 0.71)


def _check_serbia_germany(d):
    share = _top(d, "SRB", 2024, "emigrant_stock")
    stock = views.partners(d.observations, "emigrant_stock", "SRB", 2024).set_index("partner")["value"]
    return bool(share.index[0] == "DEU" and 300_000 <= stock["DEU"] <= 308_000  # "about 304,000"
                and 30 <= share["DEU"] < 33.4)  # "almost a third", and the largest


# Every claim of the default story, checked against the shipped data: the message as it stands in
# data/stories/default.yaml, and the check of each number or comparison in it. Edit a message and
# this test fails until its check is updated too.
CLAIMS = {
    "One in three born in Albania or Bosnia and Herzegovina lives abroad": (
        "In 2024 the share of people born in a country who lived abroad ranged from about one in nine in "
        "Serbia to about one in three in Albania and Bosnia and Herzegovina.", _check_one_in_three),
    "How many people from each country live abroad": (
        "In 2024, from about 91,000 people born in Montenegro to almost 4.6 million born in Romania lived in "
        "another country.", _check_how_many),
    "Where people from Moldova live": (
        "Italy is home to about a quarter of Moldova's emigrants, Russia and Ukraine together to more than a "
        "third, and Romania to fewer than one in ten.", _check_moldova),
    "Where people from Albania live": (
        "Italy and Greece together are home to more than four in five emigrants from Albania.", _check_albania),
    "More of those born in the region live abroad than in 1990, except in Montenegro": (
        "Between 1990 and 2024 the share living abroad rose in four of the five countries of the process, "
        "fastest in Serbia, where it almost tripled; in Montenegro it fell.", _check_rose),
    "Returns are estimated, not counted": (
        "By a model's estimate (Abel and Cohen), more than 10,000 people moved back to each of the five "
        "countries in 2015–2020.", _check_returns),
    "Counted returns exist for only some countries": (
        "Eurostat counts citizens moving back to their own country, but only for some countries and years: "
        "there is no figure for Serbia or Albania.", _check_counted_returns),
    "Money sent home": (
        "In 2024 remittances were worth about a sixth of GDP in Kosovo* and about a tenth in Bosnia and "
        "Herzegovina, Montenegro and Moldova.", _check_money),
    "Moldova: remittances peaked in 2006": (
        "Money sent home to Moldova peaked at about a third of GDP in 2006; by 2024 it was about a tenth.",
        _check_moldova_remittances),
    "What the data cannot show yet": (
        "No source here counts seasonal or circular migration: emigrants are counted only every four or five "
        "years, so people who leave and come back in between do not show.", _check_cannot_show),
    "Moldova: about one return for every three departures": (
        "Between 2015 and 2020, an estimated 283,178 people born in Moldova left it and 85,037 came back: about "
        "one return for every 3.3 departures.", _check_moldova_returns),
    "Serbia → Germany: the largest corridor": (
        "In 2024, about 304,000 people born in Serbia lived in Germany: almost a third of all emigrants from "
        "Serbia, more than in any other country.", _check_serbia_germany),
}


def test_the_default_story_shows_the_newest_un_desa_edition_and_its_latest_year(default_story, dataset):
    # The checks above read the 2024 edition; a slide pinned back to 2020 would show other numbers.
    slides, _ = default_story
    un_desa = [s for s in slides if s.view.indicator in {"emigrant_stock", "share_of_native_born_abroad"}]
    assert len(un_desa) == 6
    assert not [s.title for s in slides if s.view.indicator.endswith("_ims2020")]
    latest = int(views.country_totals(dataset.observations, "emigrant_stock")["year"].max())
    assert latest == 2024
    for slide in un_desa:
        last = slide.view.years[1] if slide.view.years else slide.view.year
        assert last in (None, latest), slide.title  # None: the page's default, the latest year
        assert str(latest) in slide.message or "2020" not in slide.message, slide.title


def test_every_message_says_only_what_the_data_shows(default_story, dataset):
    slides, _ = default_story
    unchecked = [s.title for s in slides if s.title not in CLAIMS]
    assert not unchecked, f"add these slides and a check of their messages to CLAIMS: {unchecked}"
    changed = [s.title for s in slides if s.message != CLAIMS[s.title][0]]
    assert not changed, f"these messages changed: update their checks in CLAIMS: {changed}"
    wrong = [title for title, (_, check) in CLAIMS.items() if not check(dataset)]
    assert not wrong, f"these messages no longer agree with the data: {wrong}"


def _holds(check, data) -> bool:
    try:
        return bool(check(data))
    except (KeyError, IndexError, ValueError):  # a year or partner the claim names is missing
        return False


def test_the_checks_reject_the_2020_editions_numbers(dataset):
    # The checks test numbers, not just that data exists: given the 2020 edition's figures under the
    # plain ids, its latest year standing in for 2024 (what the slides said before), every message on
    # UN DESA emigrants must be caught.
    import dataclasses

    observations = dataset.observations
    older = observations[observations["indicator"].str.endswith("_ims2020")]
    older = older.assign(year=older["year"].replace({2020: 2024}))
    newer = older["indicator"].str.removesuffix("_ims2020")
    swapped = pd.concat([observations[~observations["indicator"].isin(set(newer))],
                         older.assign(indicator=newer)], ignore_index=True)
    as_2020 = dataclasses.replace(dataset, observations=swapped)
    on_2020 = {title for title, (_, check) in CLAIMS.items() if _holds(check, as_2020)}
    emigrant_slides = {"One in three born in Albania or Bosnia and Herzegovina lives abroad",
                       "How many people from each country live abroad", "Where people from Moldova live",
                       "Where people from Albania live",
                       "More of those born in the region live abroad than in 1990, except in Montenegro",
                       "What the data cannot show yet"}
    assert not emigrant_slides & on_2020, emigrant_slides & on_2020
    assert "Serbia → Germany: the largest corridor" not in on_2020  # 199,691 in 2020 is not "about 304,000"


# --- validation --------------------------------------------------------------------------------

GOOD = """
  - title: Good slide
    message: Fine.
    view: {page: trends, indicator: emigrant_stock, countries: SRB}
"""


@pytest.mark.parametrize("slide, column, value", [
    ("view: {page: pie_chart}", "view.page", "pie_chart"),
    ("view: {page: map, indicator: emigrant_stok}", "view.indicator", "emigrant_stok"),
    ("view: {page: map, indicator: emigrant_stock, year: 3020}", "view.year", "3020"),
    ("view: {page: map, indicator: emigrant_stock, year: 2021}", "view.year", "2021"),
    ("view: {page: trends, countries: 'SRB,Atlantis'}", "view.countries", "Atlantis"),
    ("view: {page: trends, countries: XKX, indicator: emigrant_stock}", "view.countries", "XKX"),
    ("view: {page: corridors, origin: XKX}", "view.origin", "XKX"),
    ("view: {page: map, colour: red}", "view.colour", "colour"),
    ("view: {page: compare, view: per_population, indicator: remittances_pct_gdp}", "view.view", "per_population"),
    ("view: {page: trends, indicator: population_by_citizenship, type: Emigration}", "view.indicator",
     "population_by_citizenship"),
])
def test_a_bad_slide_is_skipped_with_a_problem_naming_file_slide_and_field(dataset, slide, column, value):
    text = f"slides:{GOOD}\n  - title: Broken slide\n    message: Broken.\n    {slide}\n{GOOD}"
    slides, report = _parse(dataset, text)
    assert [s.title for s in slides] == ["Good slide", "Good slide"], "the other slides still play"
    assert [s.number for s in slides] == [1, 3]
    [problem] = report.problems
    assert (problem.file, problem.row, problem.column, problem.value) == ("stories/test.yaml", 2, column, value)
    assert problem.severity == contract.ROW and report.rows_rejected == 1 and not report.rejected
    message = problem.message
    assert "stories/test.yaml" in message and "row 2" in message and f"'{column}'" in message
    assert re.search(r"Slide 2 \(line \d+\)", message), message
    assert "How to fix" in message and "expected" in message


def test_a_yaml_syntax_error_names_the_line_and_plays_nothing(dataset):
    slides, report = _parse(dataset, "slides:\n  - title: One\n    message: [unclosed\n  - title: Two\n")
    assert slides == []
    [problem] = report.problems
    assert problem.check == "yaml-syntax" and problem.severity == contract.ERROR and report.rejected
    assert "stories/test.yaml" in problem.message and "line " in problem.message


@pytest.mark.parametrize("text, check", [
    ("", "no-slides"),
    ("slides: []", "no-slides"),
    ("title: only a title", "no-slides"),
    ("slides:\n  - just text\n", "no-valid-slides"),
])
def test_a_file_without_usable_slides_is_an_error(dataset, text, check):
    slides, report = _parse(dataset, text)
    assert slides == [] and report.rejected
    assert check in {p.check for p in report.problems}


def test_a_missing_or_non_utf8_file_is_reported_not_raised(dataset, tmp_path):
    slides, report = stories.read_stories(tmp_path / "nowhere.yaml", dataset)
    assert slides == [] and report.problems[0].check == "missing-file"
    (tmp_path / "latin1.yaml").write_bytes("slides:\n  - title: Ni\xf1a\n".encode("latin-1"))
    slides, report = stories.read_stories(tmp_path / "latin1.yaml", dataset)
    assert slides == [] and report.problems[0].check == "not-utf8"
    assert report.problems[0].file == "stories/latin1.yaml"


def test_small_mistakes_are_warnings_and_the_slide_still_plays(dataset):
    text = ("slides:\n  - title: No message\n    messge: typo\n    play_years: true\n"
            "    view: {page: compare, indicator: emigrant_stock}\n")
    slides, report = _parse(dataset, text)
    assert len(slides) == 1 and slides[0].play_years is False
    assert {p.column for p in report.problems} == {"messge", "message", "play_years"}
    assert {p.severity for p in report.problems} == {contract.WARNING}


def test_views_use_the_pages_link_parameters_and_defaults(dataset):
    text = """
slides:
  - title: A
    message: a
    view: {page: trends, type: Remittances, indicator: remittances_usd, countries: [MDA, Albania],
           from: 2005, to: 2020, view: index, base: 2010}
  - title: B
    message: b
    view: {page: map}
  - title: C
    message: c
    view: {page: corridors, origin: Moldova, year: 2000, since: 1990}
  - title: D
    message: d
    view: {page: profile, country: ALB}
  - title: E
    message: e
    view: {page: compare, countries: all, view: per_population, since: 2000}
"""
    slides, report = _parse(dataset, text)
    assert report.problems == [], [p.message for p in report.problems]
    a, b, c, d, e = (s.view for s in slides)
    assert (a.countries, a.years, a.mode, a.base) == (("MDA", "ALB"), (2005, 2020), "index", 2010)
    assert (b.indicator, b.countries, b.year) == ("emigrant_stock", CORE, 2024)  # the newest edition's latest year
    assert (c.origin, c.year, c.since) == ("MDA", 2000, 1990)
    assert (d.country, d.indicator) == ("ALB", "emigrant_stock")
    assert len(e.countries) == 10 and e.mode == "per_population" and e.since == 2000


# --- figures -----------------------------------------------------------------------------------

def test_every_default_slide_has_a_figure_with_its_source(default_story, dataset):
    slides, _ = default_story
    for slide in slides:
        figure, table, lines = stories.slide_figure(slide, dataset)
        assert len(table) and lines[0].startswith("Source:"), slide.title
        if slide.view.page == "corridors":
            assert isinstance(figure, pdk.Deck)
            assert table["partner"].iloc[0] == "ITA"  # the first destination of Moldova's and Albania's emigrants
        else:
            assert isinstance(figure, go.Figure) and figure.data
            assert "Source:" in figure.layout.annotations[-1].text


def test_a_slide_figure_shows_the_slides_filters(dataset):
    text = ("slides:\n  - {title: T, message: m, view: {page: compare, indicator: emigrant_stock, year: 2005, "
            "countries: 'ALB,MDA'}}\n  - {title: U, message: n, view: {page: compare, indicator: emigrant_stock, "
            "year: 2020, since: 1995, countries: 'ALB,MDA'}}\n")
    (ranked, change), _ = _parse(dataset, text)
    figure, table, _ = stories.slide_figure(ranked, dataset)
    assert figure.layout.title.text.endswith(", 2005") and set(table["country"]) == {"ALB", "MDA"}
    expected = views.map_values(dataset.observations, "emigrant_stock", 2005, ["ALB", "MDA"])
    assert sorted(figure.data[0].x) == sorted(expected["value"])
    figure, table, _ = stories.slide_figure(change, dataset)
    assert {trace.name for trace in figure.data if trace.name} == {"1995", "2020"}


def test_played_years_keep_one_legend_and_fixed_axes(default_story, dataset):
    slides, _ = default_story
    played = [s for s in slides if s.play_years]
    for slide in played:
        years = stories.play_years(slide, dataset)
        assert len(years) >= 5 and years == sorted(years)
        frames = [stories.slide_figure(slide, dataset, year=year)[0] for year in years]
        if slide.view.page == "map":
            legends = {tuple(t.name for t in f.data if t.showlegend) for f in frames}
            assert len(legends) == 1, "a colour means the same number in every year"
            assert all(str(year) in f.layout.title.text for f, year in zip(frames, years))
        else:
            assert len({tuple(f.layout.yaxis.range) for f in frames}) == 1
            assert max(frames[0].data[0].x) == years[0] and max(frames[-1].data[0].x) == years[-1]


# --- projector styling -------------------------------------------------------------------------

def test_projector_style_makes_big_type_and_thick_lines_without_touching_the_original(default_story, dataset):
    slides, _ = default_story
    for slide in slides:
        figure = stories.slide_figure(slide, dataset)[0]
        if isinstance(figure, pdk.Deck):
            styled = projector.deck_style(figure)
            assert {layer.type: True for layer in styled.layers}.keys() == {"GeoJsonLayer", "ArcLayer"}
            assert [getattr(layer, "width_min_pixels", None) for layer in styled.layers if layer.type == "ArcLayer"] == [5]
            continue
        before = figure.to_json()
        styled = projector.projector_style(figure)
        assert figure.to_json() == before, "the dashboard's figure is left as it was"
        assert projector.minimum_font(styled) >= 20, slide.title
        assert styled.layout.title.font.size >= 22
        for trace in styled.data:
            if trace.type == "scatter" and "lines" in (trace.mode or "lines"):
                assert trace.line.width >= 5, slide.title
        large = projector.projector_style(figure, projector.scale_for(1080))
        assert projector.minimum_font(large) >= 30, "a taller screen gets larger type"


def test_the_scale_follows_the_screen_height():
    assert projector.scale_for(None) == projector.scale_for(600) == projector.scale_for(720) == 1.0
    assert projector.scale_for(900) == 1.25 and projector.scale_for(1080) == projector.scale_for(2160) == 1.5


def test_fit_map_zooms_the_region_to_the_screen(default_story, dataset):
    slide = next(s for s in default_story[0] if s.view.page == "map")
    styled = projector.projector_style(stories.slide_figure(slide, dataset)[0])
    small = projector.fit_map(go.Figure(styled), 1232, 440)
    large = projector.fit_map(go.Figure(styled), 1872, 780)
    assert 3.5 < small.layout.map.zoom < large.layout.map.zoom < 6
    assert large.layout.height == 780
    centre = small.layout.map.center
    assert 41 < centre.lat < 46 and 19 < centre.lon < 25


def test_story_path_and_default_name():
    assert stories.story_path(Path("/x"), "default") == Path("/x/stories/default.yaml")
    assert stories.DEFAULT_STORY == "default" and STORY.is_file()


def test_on_a_slide_a_long_translated_chart_title_is_one_line_again():
    # The pages wrap long titles for their columns; a slide's margin has room for one line only,
    # and a second line would run into the slide's message above the chart.
    from components.charts import house_style

    long_title = "Ponderea persoanelor născute în țară care locuiesc în străinătate, 2020"
    figure = house_style(go.Figure(go.Bar(x=[1], y=["a"])), long_title, "Sursa: X")
    assert "<br>" in figure.layout.title.text
    assert projector.projector_style(figure).layout.title.text == long_title


def test_a_map_slide_of_un_desa_figures_says_kosovo_is_counted_inside_serbia(default_story, dataset):
    # The first slide's map shades Kosovo* as "No data" while Serbia's share includes it; the Map
    # page says why under the map, the slide (and the take-home file) said nothing.
    slides, _ = default_story
    slide = next(s for s in slides if s.view.page == "map")
    _, table, lines = stories.slide_figure(slide, dataset)
    assert "XKX" not in set(table.dropna(subset=["value"])["country"])
    assert "UN DESA counts Kosovo inside Serbia, so Kosovo* shows no figure of its own here." in lines[1:]
    _, _, serbian = stories.slide_figure(slide, dataset, tx=i18n.texts("sr-Latn"))
    assert any("Kosov" in line for line in serbian[1:])
