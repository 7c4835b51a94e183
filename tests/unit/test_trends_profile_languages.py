"""Trend charts and country profiles in the region's languages: words, names and numbers follow the reader."""

from __future__ import annotations

import html
import json

import pytest

from components import i18n, profile, scenes, views
from components.countries import REGION
from components.dataset import load_dataset
from components.i18n import texts
from components.trend_chart import FIVE_YEARLY, PERIOD_BASIS, trend
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


def test_a_cyrillic_trend_chart_names_countries_axes_and_estimates_in_serbian(data):
    frame = views.country_totals(data.observations, "return_flow_5yr", ["ALB", "MDA"])
    figure = trend(frame, title="Повратници", unit="persons per five years", source="Извор: UN DESA",
                   time_basis=PERIOD_BASIS, estimate=True, tx=texts("sr-Cyrl"))
    assert [t.name for t in figure.data] == ["Албанија", "Молдавија"]
    assert figure.layout.xaxis.title.text == "Петогодишњи период"
    assert figure.layout.title.text == "Повратници (моделске процене)"
    # Ticks and hover numbers are written 1.250.451 / 12,5, as the sentences are.
    assert figure.layout.separators == ",."
    assert "Албанија, %{x}" in figure.data[0].hovertemplate


def test_a_title_that_already_says_estimate_is_not_marked_twice(data):
    frame = views.country_totals(data.observations, "return_flow_5yr", ["ALB"])
    figure = trend(frame, title="Povratnici (procena)", unit="persons per five years", source="S",
                   time_basis=PERIOD_BASIS, estimate=True, tx=texts("sr-Latn"))
    assert figure.layout.title.text == "Povratnici (procena)"


def test_a_romanian_trend_chart_has_romanian_axes_flags_and_number_marks(data):
    frame = views.country_totals(data.observations, "remittances_usd_knomad2020", ["ALB", "MDA"])
    figure = trend(frame, title="Remitențe", unit="US$ million", source="Sursa: KNOMAD",
                   time_basis="calendar year", estimate=False, tx=texts("ro"))
    names = [t.name for t in figure.data]
    assert "Republica Moldova" in names and "Albania" in names
    assert "estimare" in names, "the publisher's estimate flag is named in the legend, in Romanian"
    assert figure.layout.xaxis.title.text == "Anul"
    assert figure.layout.separators == ",."
    five_yearly = trend(views.country_totals(data.observations, "emigrant_stock", ["ROU"]), title="Emigranți",
                        unit="persons", source="S", time_basis=FIVE_YEARLY, estimate=False, tx=texts("ro"))
    assert five_yearly.data[0].name == "România" and five_yearly.layout.xaxis.title.text == "Anul"


def test_profile_sentences_in_serbian_cyrillic_decline_the_country_and_write_serbian_numbers(data):
    albania = profile.build_profile(data.observations, data.indicators, "ALB")
    said = profile.sentences(albania, texts("sr-Cyrl"))
    # UN DESA 2024 edition: 1,216,628 Albania-born abroad in 2024 (34.3% of everyone born there).
    assert said[0].startswith("2024. године у иностранству је живело 1,22 милиона лица рођених у Албанији, што је 34,3")
    assert "Италија (542.638), Грчка (474.441) и Северна Македонија (68.356)" in said[0]
    assert any("-24.472" in s and "Нето миграција у 2024. години" in s for s in said)
    assert any("102.387 лица рођених у Албанији" in s and "од 2015. до 2020. године" in s for s in said)
    # The same sentences in Latin script are the same words.
    latin = profile.sentences(albania, texts("sr-Latn"))
    assert latin[0].startswith("2024. godine u inostranstvu je živelo 1,22 miliona lica rođenih u Albaniji")


def test_profile_sentences_in_romanian_name_the_country_and_its_partners(data):
    moldova = profile.build_profile(data.observations, data.indicators, "MDA")
    said = profile.sentences(moldova, texts("ro"))
    # UN DESA 2024 edition, 2024: 864,257 Moldova-born abroad, 218,594 of them in Italy.
    assert said[0].startswith("În 2024, numărul persoanelor născute în Republica Moldova care trăiau în străinătate "
                              "era de 864.257")
    assert "Italia (218.594)" in said[0] and " și " in said[0]
    assert any("1,92 miliarde" in s and "10,5" in s for s in said), "remittances in Romanian number words"
    assert any("numărul cetățenilor Republicii Moldova care au imigrat în propria țară a fost de 29.804" in s for s in said)
    kosovo = profile.sentences(profile.build_profile(data.observations, data.indicators, "XKX"), texts("ro"))
    assert kosovo[0].startswith("UN DESA include Kosovo în cifrele Serbiei")


@pytest.mark.parametrize("code", list(i18n.LANGUAGES))
def test_every_region_country_has_its_sentence_forms_in_every_language(code):
    tx = texts(code)
    for country in REGION:
        assert tx.get(f"profile.country_in.{country}"), f"{code}: no 'in' form for {country}"
        assert tx.get(f"profile.country_of.{country}"), f"{code}: no 'of' form for {country}"


def test_the_profile_charts_and_offline_file_are_in_the_readers_language(data):
    tx = texts("sr-Cyrl")
    albania = profile.build_profile(data.observations, data.indicators, "ALB")
    charts = profile.figures(albania, data.observations, data.indicators, data.sources, tx)
    titles = [chart["figure"].layout.title.text for chart in charts]
    assert "Албанија: земље у којима живе емигранти, 2024" in titles
    assert all(chart["figure"].layout.separators == ",." for chart in charts)
    page = profile.profile_html(albania, profile.sentences(albania, tx), charts, data.sources, tx)
    assert "<html lang='sr-Cyrl'>" in page
    assert "<h1>Миграциони профил: Албанија</h1>" in page and "<h2>Извори</h2>" in page
    assert "рођених у Албанији" in page and "International Migrant Stock 2024" in page  # proper names stay
    assert html.escape(tx("countries.kosovo_footnote")) in page
    assert "Лиценца:" in page and "Licence:" not in page


def test_a_profile_built_in_one_language_is_not_served_in_another(data):
    english = scenes.profile_scene(data, "MDA", texts("en"))
    romanian = scenes.profile_scene(data, "MDA", texts("ro"))
    assert english[1][0].startswith("In 2024") and romanian[1][0].startswith("În 2024")
    assert "lang='ro'" in romanian[3]() and "lang='en'" in english[3]()
    assert romanian[3]() is romanian[3](), "the offline page is written once"
    assert scenes.profile_scene(data, "MDA", texts("ro")) is romanian, "each language is built once"
    spec = json.loads(romanian[2][0]["figure"].to_json())
    assert spec["layout"]["separators"] == ",."
