"""Filters, views, maps, corridors, trends, exports and profiles: pure functions on the shipped data."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from components import filters, indicator_facts, maps, profile, views
from components.corridors import corridor_deck, legend_html
from components.dataset import load_dataset
from components.export import neutralise, to_csv_bytes
from components.trend_chart import trend
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def options(data):
    return filters.choices(data.observations, data.indicators)


# ---- filters and links ---------------------------------------------------------------------

def test_migration_types_come_from_the_catalogue(data, options):
    assert {"Emigration", "Immigration", "Return", "Remittances"} <= set(options.migration_types)
    assert options.migration_types[0] == "Emigration"
    extra = data.indicators.iloc[:1].assign(id="seasonal", migration_type="Seasonal work")
    observations = pd.concat([data.observations, data.observations.iloc[:1].assign(indicator="seasonal")])
    assert "Seasonal work" in filters.choices(observations, pd.concat([data.indicators, extra])).migration_types


def test_a_link_round_trips(options):
    selection = filters.Selection(countries=["MDA", "MKD"], migration_type="Emigration",
                                  indicator="emigrant_stock", year=2000, view="per_population")
    parsed, notices = filters.parse_query(filters.to_query(selection), options)
    assert notices == []
    assert (parsed.countries, parsed.indicator, parsed.year, parsed.view) == (["MDA", "MKD"], "emigrant_stock", 2000, "per_population")


@pytest.mark.parametrize("params, expected_notice", [
    ({"countries": "SRB,Atlantis"}, "Unknown country"),
    ({"type": "Teleportation"}, "Unknown migration type"),
    ({"indicator": "nonsense"}, "Unknown indicator"),
    ({"indicator": "emigrant_stock", "year": "3020"}, "is not available"),
    ({"indicator": "emigrant_stock", "year": "abc"}, "is not available"),
    ({"indicator": "net_migration", "type": "Net migration", "from": "2020", "to": "1990"}, "incomplete or reversed"),
    ({"view": "<script>"}, "Unknown view"),
])
def test_a_bad_link_falls_back_with_a_notice(options, params, expected_notice):
    selection, notices = filters.parse_query(params, options)
    assert any(expected_notice in notice for notice in notices), notices
    assert selection.indicator in options.indicators[selection.migration_type]


def test_local_names_in_links_are_understood(options):
    selection, notices = filters.parse_query({"countries": "Srbija,Северна Македонија"}, options)
    assert selection.countries == ["SRB", "MKD"] and notices == []


# ---- views ----------------------------------------------------------------------------------

def test_per_population_uses_serbia_and_kosovo_for_un_desa(data):
    frame = views.map_values(data.observations, "emigrant_stock", 2020, ["SRB", "ALB"])
    rates, unit = views.per_population(frame, data.observations, "persons", "un_desa_ims2020")
    assert unit == "% of residents"
    population = views.population(data.observations, "wb_wdi").loc
    serbia = frame.set_index("country").at["SRB", "value"] / (population[("SRB", 2020)] + population[("XKX", 2020)]) * 100
    assert rates.set_index("country").at["SRB", "value"] == pytest.approx(serbia)
    derived = views.map_values(data.observations, "emigrants_share_of_population", 2020, ["SRB"])["value"].item()
    assert rates.set_index("country").at["SRB", "value"] == pytest.approx(derived, abs=1e-3)


def test_missing_stays_missing(data):
    frame = views.map_values(data.observations, "emigrant_stock", 2020)
    assert pd.isna(frame.set_index("country").at["XKX", "value"])
    assert (frame.dropna(subset=["value"])["value"] > 0).all()


def test_index_to_base_year(data):
    frame = views.country_totals(data.observations, "remittances_usd", ["MDA", "SRB"], (2000, 2024))
    indexed, dropped = views.indexed(frame, 2000)
    assert dropped == ["SRB"]  # Serbia's series starts in 2007
    assert indexed[indexed["year"] == 2000]["value"].tolist() == [100.0]


def test_partners_ranked_with_shares_of_the_published_total(data):
    # UN DESA International Migrant Stock 2024: Moldova-born in Italy 2024 = 218,594 of 864,257.
    moldova = views.partners(data.observations, "emigrant_stock", "MDA", 2024)
    assert moldova["rank"].tolist()[:3] == [1, 2, 3]
    assert moldova.iloc[0]["partner"] == "ITA"
    assert moldova.iloc[0]["share"] == pytest.approx(218_594 / 864_257 * 100, rel=1e-6)
    assert moldova["share"].sum() <= 100.01
    # The 2020 edition ranked Russia first in 2020: 294,152 of 1,159,443.
    older = views.partners(data.observations, "emigrant_stock_ims2020", "MDA", 2020)
    assert older.iloc[0]["partner"] == "RUS"
    assert older.iloc[0]["share"] == pytest.approx(294_152 / 1_159_443 * 100, rel=1e-6)
    change = views.change_between(data.observations, "emigrant_stock", "MDA", 2000, 2020).set_index("partner")
    assert change.at["ITA", "change"] == change.at["ITA", "2020"] - change.at["ITA", "2000"]


def test_a_change_from_zero_has_no_percentage(data):
    # UN DESA 2024 counts 0 people born in Serbia in France in 1990 and 96,840 in 2024: the corridors
    # page showed "+∞%"; the change is a number, its percentage is no figure.
    change = views.change_between(data.observations, "emigrant_stock", "SRB", 1990, 2024).set_index("partner")
    assert change.at["FRA", "1990"] == 0 and change.at["FRA", "change"] == change.at["FRA", "2024"] > 0
    assert pd.isna(change.at["FRA", "change_pct"])
    assert change.at["AUT", "change_pct"] == pytest.approx((145_580 - 97_183) / 97_183 * 100)


# ---- maps and corridors -------------------------------------------------------------------

def test_classes_cover_every_value_and_no_data_is_separate(data):
    frame = views.map_values(data.observations, "emigrant_stock", 2020)
    bins = maps.classes(frame["value"])
    assigned = maps.assign(frame["value"], bins)
    assert assigned[frame["value"].notna()].notna().all()
    assert assigned[frame["value"].isna()].isna().all()
    figure = maps.choropleth(frame, data.boundaries["region_countries"], title="T",
                             facts=indicator_facts.resolve(data, "emigrant_stock"), source="Source: S · 2020",
                             context_geojson=data.boundaries["region_countries"])
    names = [trace.name for trace in figure.data]
    assert "No data" in names
    no_data = next(t for t in figure.data if t.name == "No data")
    assert list(no_data.locations) == ["XKX"]
    coloured = [t for t in figure.data if t.name not in ("No data", "other countries")]
    assert sum(len(t.locations) for t in coloured) == 9
    assert "Source: S · 2020" in coloured[0].hovertemplate
    assert figure.layout.map.style == "white-bg"  # no tiles, no CDN


def test_diverging_classes_for_net_migration(data):
    frame = views.map_values(data.observations, "net_migration", 2024)
    bins = maps.classes(frame["value"])
    assert bins[0][0] < 0 and bins[-1][1] > 0
    assert {colour for *_, colour in bins} <= set(maps.NEGATIVE + maps.POSITIVE)


def test_corridor_deck_has_no_basemap_and_arcs_sized_by_people(data):
    partners = views.partners(data.observations, "emigrant_stock", "MDA", 2020)
    deck = corridor_deck(partners, data.boundaries["world_countries"], origin="MDA", unit="persons", year=2020)
    spec = json.loads(deck.to_json())
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__") and not spec.get("mapProvider")
    arcs = next(layer for layer in spec["layers"] if layer["@@type"] == "ArcLayer")["data"]
    # 2024 edition, 2020: Italy 200,676 ahead of Russia 198,728.
    assert arcs[0]["name"] == "Italy" and arcs[0]["width"] == max(a["width"] for a in arcs)
    assert "chosen country" in legend_html(partners, "persons")


# ---- trends --------------------------------------------------------------------------------

def test_five_year_periods_are_bars_not_annual_lines(data):
    frame = views.country_totals(data.observations, "return_flow_5yr", ["ALB", "MDA"])
    figure = trend(frame, title="Returns", unit="persons per five years", source="S",
                   time_basis="five-year period ending in the year shown", estimate=True)
    assert {t.type for t in figure.data} == {"bar"}
    assert list(figure.data[0].x)[:2] == ["1990–1995", "1995–2000"]
    assert "estimate" in figure.layout.title.text


def test_flags_are_marked(data):
    frame = views.country_totals(data.observations, "remittances_usd_knomad2020", ["ALB"])
    figure = trend(frame, title="KNOMAD", unit="US$ million", source="S", time_basis="calendar year", estimate=False)
    marked = [t for t in figure.data if t.name == "estimate"]
    assert marked and list(marked[0].x) == [2019]


# ---- export and profile --------------------------------------------------------------------

def test_csv_export_neutralises_formulas_and_keeps_negative_numbers():
    frame = pd.DataFrame({"country": ["=HYPERLINK(\"x\")", "+1", "@SUM", "\tTab", "-cmd", "Serbia"],
                          "value": [-24472, 1.5, 2, 3, 4, 5]})
    text = to_csv_bytes(frame).decode()
    assert "'=HYPERLINK" in text and "'+1" in text and "'@SUM" in text and "'\tTab" in text and "'-cmd" in text
    assert ",-24472.0\n" in text  # a negative number stays a number: no quote, no prefix
    assert neutralise(-5) == -5


def test_profile_sentences_are_generated_from_the_data(data):
    albania = profile.build_profile(data.observations, data.indicators, "ALB")
    said = profile.sentences(albania)
    # 2024 edition: 1,216,628 Albania-born abroad in 2024, 34.297% of everyone born there.
    assert said[0].startswith("In 2024, 1.22 million people born in Albania lived abroad, 34.3%")
    assert "Italy" in said[0]
    kosovo = profile.sentences(profile.build_profile(data.observations, data.indicators, "XKX"))
    assert "inside Serbia" in kosovo[0]


def test_profile_html_is_self_contained(data):
    albania = profile.build_profile(data.observations, data.indicators, "ALB")
    charts = profile.figures(albania, data.observations, data.indicators, data.sources)
    html = profile.profile_html(albania, profile.sentences(albania), charts, data.sources)
    # Nothing is loaded from elsewhere: every script is inline (plotly.js's own text mentions URLs,
    # so look at the markup outside the scripts). The browser test opens the file offline too.
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)
    assert "<script" not in markup and "src=" not in markup and "<link" not in markup
    assert html.count("<script>") >= len(charts)
    assert len(charts) >= 4 and html.count("Plotly.newPlot") >= len(charts)
    # The destinations chart credits the edition of its rows (it said 2020 whatever the data was).
    assert "International Migrant Stock 2024" in html and "International Migrant Stock 2020" not in html
