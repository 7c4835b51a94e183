"""The Actors page's map is a scene like every other chart: data, filters, choice, language in; deck out."""

from __future__ import annotations

import json

from components import actors, i18n
from components.actor_map import LAYER_ID, NO_BASEMAP, actors_scene


def _markers(deck) -> list[dict]:
    layer = next(layer for layer in json.loads(deck.to_json())["layers"] if layer["id"] == LAYER_ID)
    return layer["data"]


def test_the_scene_holds_the_filtered_entries_the_choice_and_the_words(dataset):
    tx = i18n.texts("sr-Cyrl")
    shown = actors.filter_actors(dataset.actors, countries=("SRB",), include_without_country=True)
    chosen = shown["id"].iloc[0]
    scene = actors_scene(dataset, shown, chosen, tx)
    markers = _markers(scene.figure)
    assert {m["id"] for m in markers} <= set(shown["id"])
    ringed = [m["id"] for m in markers if m["line_width"] == 4.5]
    assert ringed == [chosen]
    # Offline: no basemap, no tiles from another host (Streamlit drops this marker instead of adding CARTO).
    assert scene.figure.map_style == NO_BASEMAP and scene.figure.map_provider is None
    assert scene.table.equals(actors.table_view(shown, tx))
    assert scene.alt == tx("actors.count", shown=tx.number(len(shown)), total=tx.number(len(dataset.actors)))
    unplaced = shown[shown["country"] == ""]["name"]
    assert scene.notes == ([tx("actors.unmapped", names=", ".join(unplaced))] if len(unplaced) else [])
    assert scene.notes, "the shipped file has an entry without a country (Returning Point), kept by the filter"


def test_without_a_choice_no_marker_is_ringed(dataset):
    scene = actors_scene(dataset, dataset.actors)
    assert not [m for m in _markers(scene.figure) if m["line_width"] == 4.5]
    assert len(scene.table) == len(dataset.actors)
