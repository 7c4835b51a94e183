"""The overview and compare builders in Serbian (Cyrillic) and Romanian: titles, axes, names, numbers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from components import charts, metrics, views
from components.export import to_csv_bytes, view_table
from components.i18n import texts
from tests.conftest import DATA

CYRILLIC = re.compile("[А-Яа-яЂђЉљЊњЋћЏџЈј]")



def test_share_chart_in_serbian_cyrillic_names_countries_and_writes_decimal_commas():
    tx = texts("sr-Cyrl")
    frame = pd.DataFrame({"country": ["ALB", "SRB", "XKX"], "share": [33.456, 11.3, None]})
    figure = charts.share_abroad_bars(frame, 2020, 20, "Податак са састанка: ~20%", "Извор: UN DESA · 2020", tx=tx)
    bar = figure.data[0]
    assert figure.layout.title.text == "Удео особа рођених у свакој земљи које живе у иностранству, 2020"
    assert figure.layout.xaxis.title.text == "% особа рођених у земљи"
    assert list(bar.y) == ["Србија (укљ. Косово*)", "Албанија"]
    assert list(bar.text) == ["11,3%", "33,5%"]
    # Ticks and hover numbers are written by plotly with the figure's marks: decimal comma, thousands dot.
    assert figure.layout.separators == ",."
    assert "%{x:,.4~g}" in bar.hovertemplate and "% особа рођених у земљи" in bar.hovertemplate
    notes = [a.text for a in figure.layout.annotations]
    assert any(n.startswith("Нема података: Косово*.") for n in notes), "a country without data is named"


def test_ranked_bars_in_serbian_write_thousands_with_dots(dataset):
    tx = texts("sr-Cyrl")
    frame = views.ranked(dataset.observations, "emigrant_stock", ["SRB", "MNE", "MKD", "ALB"], 2024)
    figure = charts.ranked_bars(frame, title="Емигранти, 2024", unit="persons", source="Извор", tx=tx)
    shown = dict(zip(figure.data[0].y, figure.data[0].text))
    # UN DESA International Migrant Stock 2024: 90,678, 534,616 and 963,307.
    assert shown["Црна Гора"] == "90.678" and shown["Северна Македонија"] == "534.616"
    assert shown["Србија"] == "963.307"
    assert shown["Албанија"] == "1,22 милиона"  # 1,216,628: written in words past a million


def test_dumbbell_and_small_multiples_in_romanian(dataset):
    tx = texts("ro")
    countries = ("SRB", "MKD", "ALB", "MDA")
    change = views.difference(dataset.observations, "emigrant_stock", list(countries), 1990, 2020)
    figure = charts.dumbbell(change, year_a=1990, year_b=2020, unit="persons",
                             title="Emigranți: 1990 și 2020", source="Sursa: UN DESA", tx=tx)
    names = set(figure.data[-1].y)
    assert {"Macedonia de Nord", "Republica Moldova", "Serbia", "Albania"} == names
    assert [t.name for t in figure.data if t.mode == "markers"] == ["1990", "2020"]
    assert figure.layout.separators == ",."

    panels = views.comparison_panels(dataset.observations, dataset.indicators, countries)
    multiples = charts.small_multiples(panels, title="Emigrația, imigrația și remitențele comparate",
                                       source="Surse: UN DESA", tx=tx)
    titles = [a.text for a in multiples.layout.annotations if "<sup>" in a.text]  # the panels' titles
    assert "Emigranți la 100 de rezidenți<br><sup>" in titles[1]
    assert any(t.startswith("Migrația netă la 1.000 de rezidenți<br><sup>la 1.000 de rezidenți, ") for t in titles)
    assert "Macedonia de Nord" in multiples.data[0].y


def test_english_stays_the_default_for_every_builder(dataset):
    frame = pd.DataFrame({"country": ["ALB", "SRB"], "share": [33.5, 11.3]})
    figure = charts.share_abroad_bars(frame, 2020, 20, "Meeting's figure", "Source: X · 2020")
    assert figure.layout.separators == ".," and figure.layout.title.text.startswith("Share of people born")
    panels = views.comparison_panels(dataset.observations, dataset.indicators, ("SRB", "ALB"))
    # Panels are titled by their short English name (the catalogue label is only the fallback of an
    # indicator without one).
    assert [charts.panel_title(p) for p in panels] == [charts.panel_title(p, texts("en")) for p in panels]
    assert charts.panel_title(panels[0]).startswith("Born here, living abroad<br>")


def test_headline_table_in_serbian_cyrillic(dataset):
    tx = texts("sr-Cyrl")
    headlines = metrics.headline_figures(dataset.observations, dataset.indicators)
    table, sources = metrics.headline_table(headlines, tx)
    assert {"Србија", "Северна Македонија", "Косово*", "Албанија"} <= set(table.index)
    # The 2024 edition's latest year (2024): Albania 1,216,628, Montenegro 90,678.
    assert table.loc["Албанија"].iloc[0] == "1,22 милиона"
    assert table.loc["Црна Гора"].iloc[0] == "90.678"
    assert table.loc["Косово*"].iloc[0] == "у податку за Србију"
    assert set(sources) == set(table.columns)


def test_the_claims_verdict_is_said_in_the_readers_language(dataset):
    claim = metrics.western_balkans_claim(dataset.observations)
    assert claim.verdict in {"close to the claim", "above the claim", "below the claim"}
    romanian = texts("ro").say(claim.verdict)
    assert romanian in {"aproape de afirmație", "peste afirmație", "sub afirmație"}
    assert CYRILLIC.search(texts("sr-Cyrl").say(claim.verdict))


def test_coverage_rows_keep_the_indicator_id_beside_the_readers_label(dataset):
    tx = texts("sr-Cyrl")
    matrix = metrics.coverage_matrix(dataset.observations, dataset.indicators, tx=tx)
    assert f"{tx.indicator('emigrant_stock')} [emigrant_stock]" in matrix.index
    assert list(matrix.columns[:3]) == ["SRB", "MNE", "MKD"]  # columns stay codes


def test_a_download_keeps_codes_and_column_names_and_opens_in_excel_with_cyrillic(dataset):
    tx = texts("sr-Cyrl")
    frame = views.ranked(dataset.observations, "emigrant_stock", ["SRB", "MKD"], 2020)
    table = view_table(frame, indicator="emigrant_stock", unit="persons", source="Извор: UN DESA", tx=tx)
    assert list(table.columns[:3]) == ["country", "country_name", "year"]
    assert list(table["country"]) == ["SRB", "MKD"]
    assert list(table["country_name"]) == ["Србија", "Северна Македонија"]
    data = to_csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    text = data.decode("utf-8-sig")
    assert text.startswith("country,country_name,year,value") and "Северна Македонија" in text
