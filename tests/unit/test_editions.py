"""Editions of one indicator (UN DESA International Migrant Stock 2024 and 2020): the shared edition
filter, source lines that name the edition, no series that mixes editions, and what changed."""

from __future__ import annotations

import pandas as pd
import pytest

from components import editions, filters, profile, revisions, scenes, stories, views
from components.countries import REGION
from components.dataset import load_dataset
from components.export import view_table
from components.formatting import short_source, source_line
from components.i18n import LANGUAGES, texts
from tests.conftest import DATA

SERIES = ["emigrant_stock", "immigrant_stock", "emigrants_share_of_population", "share_of_native_born_abroad",
          "immigrants_share_of_population", "emigrant_share_by_destination", "emigrant_destination_rank"]


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA, keep_history=False)


@pytest.fixture(scope="module")
def options(data):
    return filters.choices(data.observations, data.indicators)


# ---- the edition filter ---------------------------------------------------------------------

def test_each_series_knows_its_editions_newest_first(options):
    for series in SERIES:
        assert options.editions[series] == {"2024": series, "2020": f"{series}_ims2020"}, series
    assert options.editions["net_migration"] == {"": "net_migration"}
    assert options.series_of("emigrant_stock_ims2020") == "emigrant_stock"
    assert options.edition_of("emigrant_stock_ims2020") == "2020" and options.edition_of("net_migration") == ""


def test_the_pickers_list_each_series_once(options):
    emigration = options.series_list("Emigration")
    assert "emigrant_stock" in emigration and not any(i.endswith("_ims2020") for i in emigration)
    assert len(emigration) == len({options.series_of(i) for i in options.indicators["Emigration"]})
    # Every entry is its series' newest edition (a one-edition series, e.g. DIOC 2015/16, is its own newest).
    assert all(options.newest(options.series_of(i)) == i for i in emigration)


def test_a_page_opens_on_the_newest_edition(options):
    selection, notices = filters.parse_query({}, options)
    assert (selection.indicator, selection.series, selection.edition, notices) == (
        "emigrant_stock", "emigrant_stock", "2024", [])
    assert options.years[selection.indicator][-1] == 2024  # so the default year is 2024
    assert options.years["emigrant_stock_ims2020"][-1] == 2020


def test_a_link_with_edition_2020_opens_the_2020_edition_and_round_trips(options):
    selection, notices = filters.parse_query({"indicator": "emigrant_stock", "edition": "2020", "year": "2020"},
                                             options)
    assert notices == [] and selection.indicator == "emigrant_stock_ims2020" and selection.year == 2020
    query = filters.to_query(selection)
    assert (query["indicator"], query["edition"]) == ("emigrant_stock", "2020")
    again, _ = filters.parse_query(query, options)
    assert (again.indicator, again.edition, again.year) == ("emigrant_stock_ims2020", "2020", 2020)


def test_an_old_link_to_the_2020_indicator_still_opens_the_2020_edition(options):
    selection, notices = filters.parse_query({"indicator": "emigrant_stock_ims2020"}, options)
    assert notices == [] and (selection.indicator, selection.edition) == ("emigrant_stock_ims2020", "2020")
    assert filters.to_query(selection)["edition"] == "2020"


def test_an_unknown_edition_falls_back_to_the_newest_with_a_notice(options):
    selection, notices = filters.parse_query({"indicator": "immigrant_stock", "type": "Immigration",
                                              "edition": "<b>1999</b>"}, options)
    assert selection.indicator == "immigrant_stock" and selection.edition == "2024"
    said = [texts("en").say(n) for n in notices]
    assert said == ["Unknown edition '<b>1999</b>' in the link; showing the 2024 edition."]
    assert texts("sr-Latn").say(notices[0]).startswith("Nepoznato izdanje „<b>1999</b>“")


def test_a_one_edition_indicator_writes_no_edition_into_the_link(options):
    selection, notices = filters.parse_query({"type": "Net migration", "indicator": "net_migration"}, options)
    assert notices == [] and selection.edition == "" and "edition" not in filters.to_query(selection)


def test_a_story_view_copied_from_a_link_keeps_its_edition(data):
    text = ("slides:\n  - {title: T, message: m, view: {page: map, indicator: emigrant_stock, edition: 2020}}\n"
            "  - {title: U, message: n, view: {page: map, indicator: emigrant_stock, edition: 1999}}\n")
    slides, report = stories.parse_stories(text.encode(), "stories/t.yaml", data)
    assert [s.view.indicator for s in slides] == ["emigrant_stock_ims2020"]
    assert slides[0].view.year == 2020
    assert [p.column for p in report.problems] == ["view.edition"]
    assert "2024, 2020" in texts("en").say(report.problems[0].fix) or "2024, 2020" in str(report.problems[0].expected)


# ---- source lines name the edition ----------------------------------------------------------

@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_source_line_names_its_edition_in_every_language(data, code):
    tx = texts(code)
    for source_id, edition in [("un_desa_ims2024", "2024"), ("un_desa_ims2020", "2020"),
                               ("derived", "2024"), ("derived_ims2020", "2020")]:
        other = "2020" if edition == "2024" else "2024"
        line = source_line(data.source(source_id), None, tx)
        assert tx(f"source_editions.{source_id}") in line, (code, source_id, line)
        assert edition in line and other not in line, (code, line)
        assert edition in short_source(data.source(source_id), None, tx), (code, source_id)
    # The words of a 2020-edition indicator are its series' words, in every language.
    assert tx.indicator("emigrant_stock_ims2020", "x") == tx.indicator("emigrant_stock", "y") != "x"


# ---- no chart, table or download mixes editions --------------------------------------------

def _tables_of_every_view(data):
    """Every table a page or slide builds for a chart, for every indicator with figures."""
    observations = data.observations
    tx = texts("en")
    for indicator in sorted(views.indicators_with_totals(observations)):
        meta = data.indicator(indicator)
        if not meta:
            continue
        years = sorted(views.country_totals(observations, indicator)["year"].unique())
        latest, first = int(years[-1]), int(years[0])
        for view in ("absolute", "per_population"):
            yield f"map {indicator} {view}", scenes.map_scene(data, indicator, latest, (), view, tx).table
        frame = views.country_totals(observations, indicator, list(REGION))
        yield f"trends {indicator}", view_table(frame, indicator=indicator, unit=meta["unit"], source="s")
        if meta.get("denominator"):
            rates, unit = views.per_population(frame, observations, meta["unit"], meta["source_id"])
            yield f"trends {indicator} per population", view_table(rates, indicator=indicator, unit=unit, source="s")
        yield f"compare {indicator}", view_table(views.ranked(observations, indicator, list(REGION), latest),
                                                 indicator=indicator, unit=meta["unit"], source="s")
        if first < latest:
            change = views.difference(observations, indicator, list(REGION), first, latest)
            yield f"change {indicator}", view_table(change, indicator=indicator, unit=meta["unit"], source="s")
    for indicator in sorted(views.indicators_with_partners(observations)):
        years = sorted(views.country_totals(observations, indicator)["year"].unique()) or [2020]
        for origin in REGION:
            scene = scenes.corridor_scene(data, indicator, origin, int(years[-1]), tx)
            if scene is not None:
                yield f"corridors {indicator} {origin}", scene.table
    multiples = scenes.multiples_scene(data, tuple(REGION), tx)
    yield "compare multiples", multiples.table
    for country in REGION:
        for number, chart in enumerate(profile.figures(profile.build_profile(observations, data.indicators, country),
                                                       observations, data.indicators, data.sources, tx)):
            yield f"profile {country} {number}", chart["table"]
    slides, _ = stories.read_stories(DATA / "stories" / "default.yaml", data)
    for slide in slides:
        yield f"slide {slide.title}", stories.slide_figure(slide, data)[1]


def test_no_chart_table_or_download_mixes_editions(data):
    checked, problems = 0, {}
    for name, table in _tables_of_every_view(data):
        assert "source_id" in table, f"{name}: the rows' sources are not carried"
        found = editions.mixed_editions(table, data.indicators)
        if found:
            problems[name] = found
        checked += 1
    assert checked > 300 and not problems, problems


def test_the_edition_check_catches_a_mixed_series(data, options):
    """Negative controls: a frame that joins the two editions, or labels one edition's rows as the other's."""
    tx = texts("en")
    newer = scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", tx).table
    older = scenes.map_scene(data, "emigrant_stock_ims2020", 2020, (), "absolute", tx).table
    assert editions.mixed_editions(newer, data.indicators) == []
    assert editions.mixed_editions(older, data.indicators) == []
    # One series, two editions, side by side in one table.
    both = pd.concat([newer, older])
    assert editions.mixed_editions(both, data.indicators) == ["emigrant_stock: editions ['2020', '2024'] in one table"]
    # The 2020 edition's rows passed off as the 2024 indicator: one indicator, two sources.
    relabelled = pd.concat([newer, older.assign(indicator="emigrant_stock")])
    assert editions.mixed_editions(relabelled, data.indicators) == [
        "emigrant_stock: rows from ['un_desa_ims2020', 'un_desa_ims2024']"]
    # Side by side, each row labelled with its own edition (the corridor card's two lines): a
    # comparison, not a join; but a label that is not the row's edition is caught.
    labelled = pd.concat([newer.assign(edition="2024"), older.assign(edition="2020")])
    assert editions.mixed_editions(labelled, data.indicators) == []
    mislabelled = pd.concat([newer.assign(edition="2024"), older.assign(edition="2024")])
    assert editions.mixed_editions(mislabelled, data.indicators) == ["emigrant_stock: editions ['2020', '2024'] in one table"]
    # A single row of the other edition is enough.
    one_row = newer.copy()
    one_row.loc[0, "source_id"] = "un_desa_ims2020"
    assert editions.mixed_editions(one_row, data.indicators)
    # A change between two years whose rows come from two editions names both sources on the row.
    observations = data.observations
    mixed = observations[~((observations["indicator"] == "emigrant_stock") & (observations["year"] == 1990))]
    spliced = observations[(observations["indicator"] == "emigrant_stock_ims2020") & (observations["year"] == 1990)]
    spliced = pd.concat([mixed, spliced.assign(indicator="emigrant_stock")], ignore_index=True)
    change = views.difference(spliced, "emigrant_stock", ["ALB", "SRB"], 1990, 2020)
    assert set(change["source"]) == {"un_desa_ims2020 | un_desa_ims2024"}
    assert editions.mixed_editions(view_table(change, indicator="emigrant_stock", unit="persons", source="s"),
                                   data.indicators)


# ---- what changed between editions ----------------------------------------------------------

def test_revisions_of_emigrants_albania_2020_hand_checked(data, options):
    table = revisions.revisions(data.observations, options, "emigrant_stock")
    albania = table[(table["country"] == "ALB") & (table["partner"] == "") & (table["year"] == 2020)].iloc[0]
    assert (albania["older"], albania["newer"], albania["difference"]) == (1_250_451, 1_103_849, -146_602)
    assert round(albania["difference_pct"], 1) == -11.7
    assert (albania["older_source"], albania["newer_source"]) == ("un_desa_ims2020", "un_desa_ims2024")
    meta = data.indicator("emigrant_stock")
    said = revisions.sentence(albania, "emigrant_stock", meta["label"], meta["unit"], "2024", texts("en"))
    assert said == "The 2024 edition revised the emigrants of Albania in 2020 down by 146,602 (\u221211.7%)."
    serbian = revisions.sentence(albania, "emigrant_stock", meta["label"], meta["unit"], "2024", texts("sr-Latn"))
    assert serbian == "Izdanje 2024 revidiralo je broj emigranata Albanije za 2020. naniže, za 146.602 (\u221211,7%)."


def test_revisions_of_immigrants_serbia_1990_hand_checked_and_largest_first(data, options):
    table = revisions.revisions(data.observations, options, "immigrant_stock")
    first = table.iloc[0]
    # 99,269 in the 2020 edition, 1,064,614 in the 2024 edition: the largest revision of all.
    assert (first["country"], first["partner"], first["year"]) == ("SRB", "", 1990)
    assert (first["older"], first["newer"], first["difference"]) == (99_269, 1_064_614, 965_345)
    assert round(first["difference_pct"], 1) == 972.5
    sizes = table["difference"].abs().tolist()
    assert sizes == sorted(sizes, reverse=True)
    # Only what both editions have: Montenegro's 1990-2005 immigrants are missing in the 2020 edition.
    montenegro = table[(table["country"] == "MNE") & (table["partner"] == "")]
    assert sorted(montenegro["year"]) == [2010, 2015, 2020]
    both = set(map(tuple, table[["country", "partner", "year"]].to_numpy()))
    plain = data.observations[(data.observations["sex"] == "") & (data.observations["age"] == "")]
    def keys(indicator):
        rows = plain[plain["indicator"] == indicator]
        return set(map(tuple, rows[["country", "partner", "year"]].to_numpy()))
    assert both == keys("immigrant_stock") & keys("immigrant_stock_ims2020")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_revision_sentences_in_every_language(data, options, code):
    tx = texts(code)
    table = revisions.revisions(data.observations, options, "immigrant_stock")
    meta = data.indicator("immigrant_stock")
    said = revisions.sentences(table, "immigrant_stock", tx.indicator("immigrant_stock"), meta["unit"], "2024", tx)
    assert len(said) == 10 and all("{" not in s for s in said)
    assert tx.number(965_345) in said[0] and "2024" in said[0] and "1990" in said[0] and tx.country("SRB")[:4] in said[0]
    assert tx("numbers.percent", value="+" + tx.number(972.5, 1)) in said[0]


def test_every_revised_series_has_a_table(data, options):
    assert revisions.revised_series(options) == [s for s in options.editions if s in SERIES]
    for series in SERIES:
        table = revisions.revisions(data.observations, options, series)
        assert len(table) and (table["older_indicator"] == f"{series}_ims2020").all()
        assert (table["newer_indicator"] == series).all()
    shares = revisions.revisions(data.observations, options, "share_of_native_born_abroad")
    line = revisions.sentences(shares, "share_of_native_born_abroad", "Share", "% of native-born", "2024")[0]
    assert "percentage points" in line
    assert revisions.revisions(data.observations, options, "net_migration").empty


def test_the_revisions_download_and_screen_table(data, options):
    table = revisions.revisions(data.observations, options, "emigrant_stock")
    download = revisions.download_table(table, texts("ro"))
    assert list(download.columns[:5]) == ["country", "country_name", "partner", "partner_name", "year"]
    assert len(download) == len(table)
    shown = revisions.on_screen(table, "2024", "2020", "persons", texts("en"))
    albania = shown[(shown["Country"] == "Albania") & (shown["Partner country"] == "all") & (shown["Year"] == "2020")]
    assert albania.iloc[0].tolist() == ["Albania", "all", "2020", "1.25 million", "1.1 million", "\u2212146,602",
                                        "\u221211.7%"]


def test_a_chart_links_to_what_changed_only_when_its_indicator_has_two_editions(data):
    tx = texts("en")
    stock = scenes.map_scene(data, "emigrant_stock", 2024, (), "absolute", tx).table
    assert revisions.link_target(data.indicators, stock) == {"series": "emigrant_stock", "newer": "2024"}
    older = scenes.map_scene(data, "emigrant_stock_ims2020", 2020, (), "absolute", tx).table
    assert revisions.link_target(data.indicators, older) == {"series": "emigrant_stock", "newer": "2024"}
    net = scenes.map_scene(data, "net_migration", 2024, (), "absolute", tx).table
    assert revisions.link_target(data.indicators, net) is None
    assert revisions.link_target(data.indicators, scenes.multiples_scene(data, tuple(REGION), tx).table) is None
