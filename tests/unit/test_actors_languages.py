"""Actors and initiatives in the reader's language: table, places, map, template and file problems."""

from __future__ import annotations

import csv
import io
import json

import pytest

from components import actors as a
from components.actor_map import TOOLTIP, actors_map, map_points
from components.i18n import english, texts
from tests.conftest import DATA
from tests.unit.test_actors import GOOD, read_rows


@pytest.fixture(scope="module")
def places():
    return a.load_places(DATA / "places" / "places.csv")


@pytest.fixture(scope="module")
def shipped(places):
    return a.read_actors_file(DATA / "actors" / "actors.csv", places)[0]


@pytest.fixture(scope="module")
def boundaries() -> dict:
    return json.loads((DATA / "boundaries" / "region_countries.geojson").read_text(encoding="utf-8"))


def test_every_kind_and_topic_has_words_in_every_language():
    for code in ("en", "sr-Latn", "sr-Cyrl", "mk", "bg", "ro", "sq"):
        tx = texts(code)
        assert all(f"actors.kinds.{kind}" in tx.strings for kind in a.KINDS), code
        assert all(f"actors.topics.{topic}" in tx.strings for topic in a.TOPICS), code
    assert [a.kind_label(kind) for kind in a.KINDS] == list(a.KINDS), "English shows the codes themselves"


def test_the_table_reads_in_romanian_and_keeps_the_entries_own_words(shipped):
    table = a.table_view(shipped, texts("ro")).set_index("Denumire")
    assert list(table.columns) == ["Tip", "Loc", "Perioadă"]
    assert table.loc["Local migration profile of Kikinda", "Tip"] == "profil migrațional local"
    assert table.loc["Local migration profile of Kikinda", "Loc"] == "Kikinda, Serbia"
    assert table.loc["“Smart city” pilot project (Montenegro)", "Loc"] == "Muntenegru (întreaga țară)"
    assert table.loc["GIZ", "Loc"] == "nicio țară menționată"


def test_where_and_topics_in_serbian_cyrillic(shipped):
    tx = texts("sr-Cyrl")
    entry = shipped.set_index("name").loc["“Smart city” pilot project (Montenegro)"].to_dict()
    assert a.where(entry, tx) == "Црна Гора (унос на нивоу земље, без тачног места)"
    assert a.where(entry) == "Montenegro (country-level entry, no exact place)"
    assert a.topics_text("return; diaspora", tx) == "повратак; дијаспора"


def test_the_map_names_countries_in_the_language_and_can_draw_their_letters(shipped, boundaries):
    spec = json.loads(actors_map(shipped, boundaries, tx=texts("sr-Cyrl")).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    names = {label["text"] for label in layers["country-names"]["data"]}
    assert {"Србија", "Црна Гора", "Косово*"} <= names
    # deck.gl prepares only ASCII letters unless told to take them from the labels.
    assert layers["country-names"]["characterSet"] == "auto"
    kikinda = next(p for p in layers["actors"]["data"] if p["name"] == "Local migration profile of Kikinda")
    assert kikinda["kind_label"] == "локални миграциони профил" and kikinda["where"] == "Kikinda, Србија"
    assert "{kind_label}" in TOOLTIP["html"] and "{kind}" not in TOOLTIP["html"]


def test_map_tooltips_escape_the_entries_own_words(shipped, boundaries):
    entry = shipped.iloc[[0]].assign(name="<img src=x onerror=alert(1)>")
    spec = json.loads(actors_map(entry, boundaries).to_json())
    [point] = [layer for layer in spec["layers"] if layer["id"] == "actors"][0]["data"]
    assert point["name"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert map_points(entry, boundaries)["name"].iloc[0].startswith("<img"), "the points themselves stay as written"


def test_the_template_speaks_the_language_but_keeps_the_files_codes(tmp_path, places):
    raw = a.template_csv(texts("sr-Latn"))
    header, row = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert tuple(header) == a.ACTOR_COLUMNS
    assert row[0] == "<naziv organizacije ili inicijative>"
    assert "local migration profile" in row[1] and "seasonal work" in row[8], "kinds and topics stay codes"
    path = tmp_path / "actors.csv"
    path.write_bytes(raw)
    entries, report = a.read_actors_file(path, places)
    assert entries.empty and report.problems[0].check == "template-placeholder"


def test_file_problems_are_said_in_the_readers_language_and_stored_in_english(tmp_path, places):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "kind": "think tank"},
                          {**GOOD, "name": "C", "latitude": "20.46", "longitude": "44.80"})
    kind = next(p for p in report.problems if p.check == "unknown-kind")
    assert kind.fix == "Use one of these kinds, spelt as here." and kind.fix == english()(kind.fix.key)
    bulgarian = kind.message_in(texts("bg"))
    assert "Използвайте един от тези видове" in bulgarian and "think tank" in bulgarian
    assert "organisation" in bulgarian, "the kinds the file accepts are listed as they must be written"
    swapped = next(p for p in report.problems if p.check == "coordinates-outside-region")
    romanian = swapped.message_in(texts("ro"))
    assert "Latitudinea și longitudinea par inversate" in romanian and "între 38.5 și 49.5" in romanian
