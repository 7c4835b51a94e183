"""The map and corridor builders in the reader's language: names, numbers, legend, hover and tooltips."""

from __future__ import annotations

import json
import re

import pytest

from components import chart_ui, indicator_facts, maps, scenes, views
from components.corridors import corridor_deck, legend_html, percent
from components.dataset import load_dataset
from components.export import to_csv_bytes
from components.i18n import english, texts
from tests.conftest import DATA

CYRILLIC = re.compile("[А-Яа-яЂђЉљЊњЋћЏџЈј]")


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


def _layer(deck, kind: str):
    return next(layer for layer in json.loads(deck.to_json())["layers"] if layer["@@type"] == kind)["data"]


def test_the_map_in_serbian_cyrillic_has_cyrillic_names_and_serbian_numbers(data):
    tx = texts("sr-Cyrl")
    scene = scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", tx)
    figure = scene.figure
    assert figure.layout.separators == ",."  # plotly's own numbers: decimal comma, thousands point
    names = [trace.name for trace in figure.data]
    assert "Нема података" in names and "остале земље" in names
    classes = [name for name in names if "–" in name]
    # The smallest class starts at Montenegro's 94,731 (UN DESA International Migrant Stock 2024, 2020).
    assert "94.731 – 700.000" in classes
    assert all(re.fullmatch(r"[\d.,]+( [а-я]+)? – [\d.,]+( [а-я]+)?", name) for name in classes), classes
    coloured = next(trace for trace in figure.data if trace.name in classes)
    assert "Година: %{customdata[2]}" in coloured.hovertemplate
    hover_names = {row[0] for trace in figure.data if trace.customdata is not None for row in trace.customdata}
    assert {tx.country("SRB"), tx.country("MKD"), tx.country("XKX")} <= hover_names
    assert all(CYRILLIC.search(name) for name in hover_names)
    assert scene.alt.startswith("Мапа: ") and scene.alt.endswith(f"Нема података за: {tx.country('XKX')}.")
    assert scene.table.set_index("country").at["SRB", "country_name"] == tx.country("SRB")


def test_the_map_in_romanian(data):
    tx = texts("ro")
    frame = views.map_values(data.observations, "emigrant_stock", 2020)
    figure = maps.choropleth(frame, data.boundaries["region_countries"], title="T",
                             facts=indicator_facts.resolve(data, "emigrant_stock", tx), source="Sursa: S · 2020",
                             context_geojson=data.boundaries["region_countries"])
    no_data = next(trace for trace in figure.data if trace.name == "Fără date")
    assert list(no_data.locations) == ["XKX"]
    assert figure.layout.separators == ",."
    albania = next(row for trace in figure.data if trace.customdata is not None for row in trace.customdata
                   if row[0] == tx.country("ALB"))
    assert albania[1] == "1,1 milioane"  # 1,103,849 (2024 edition): Romanian compact number, decimal comma
    assert "Anul: " in no_data.hovertemplate


def test_the_memo_keeps_one_scene_per_language(data):
    english_scene = scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", english())
    romanian = scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", texts("ro"))
    assert romanian is not english_scene and romanian.token != english_scene.token
    assert scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", texts("ro")) is romanian
    assert "No data" in [t.name for t in english_scene.figure.data]
    assert "Fără date" in [t.name for t in romanian.figure.data]


def test_corridor_tooltips_in_serbian_cyrillic(data):
    tx = texts("sr-Cyrl")
    partners = views.partners(data.observations, "emigrant_stock", "MDA", 2020)
    deck = corridor_deck(partners, data.boundaries["world_countries"], origin="MDA", unit="persons", year=2020, tx=tx)
    arcs = _layer(deck, "ArcLayer")
    # 2024 edition, 2020: Moldova-born in Italy 200,676 of 812,653 (24.7%), in Russia 198,728.
    assert arcs[0]["name"] == tx.country("ITA") and CYRILLIC.search(arcs[0]["name"])
    assert arcs[0]["label"] == f"200.676 ({percent(partners['share'].iloc[0], tx)} укупног броја)"
    assert percent(partners["share"].iloc[0], tx).startswith("24,7")
    shapes = {f["properties"]["name"]: f["properties"]["label"] for f in _layer(deck, "GeoJsonLayer")["features"]}
    assert shapes[tx.country("MDA")] == "изабрана земља"
    assert shapes[tx.country("RUS")] == "198.728 (2020)"
    assert shapes[tx.country("BRA")] == "нема податка"


def test_corridor_scene_and_legend_in_romanian(data):
    tx = texts("ro")
    scene = scenes.corridor_scene(data, "emigrant_stock", "MDA", 2020, tx)
    assert scene.alt.startswith(f"Harta coridoarelor pentru {tx.country('MDA')}, 2020.")
    assert f"{tx.country('ITA')} ({percent(200_676 / 812_653 * 100, tx)})" in scene.alt  # 2024 edition
    assert scene.table["partner_name"].iloc[0] == tx.country("ITA")
    legend = legend_html(views.partners(data.observations, "emigrant_stock", "MDA", 2020), "persons", tx)
    assert "țara aleasă" in legend and "fără date" in legend
    assert re.search(r"\d{1,3}\.\d{3} – ", legend), legend  # Romanian thousands point


def test_the_numbers_behind_a_chart_have_translated_headings_but_the_csv_keeps_its_columns(data):
    tx = texts("sr-Cyrl")
    table = scenes.map_scene(data, "emigrant_stock", 2020, (), "absolute", tx).table
    shown = chart_ui.on_screen(table, tx)
    assert {"Шифра земље", "Земља", "Година", "Вредност", "Извор"} <= set(shown.columns)
    csv = to_csv_bytes(table).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("country,country_name,year,value")
    assert f"SRB,{tx.country('SRB')},2020," in csv
