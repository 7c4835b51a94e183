"""Actors and initiatives: the file's checks, the shipped entries against their source, places, filters, map."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from components import actors as a
import math

from components.actor_map import (KIND_COLOURS, MAP_HEIGHT, MAP_WIDTH, NO_BASEMAP, REGION_VIEW, actors_map,
                                  country_centroids, fit_view, map_points, unmapped)
from components.contract import ERROR, ROW, WARNING
from tests.conftest import DATA, REPO, SHARED_SOURCES

ACTORS_FILE = DATA / "actors" / "actors.csv"
PLACES_FILE = DATA / "places" / "places.csv"
CONTEXT = REPO.parent / "shared" / "context"
HEADER = ",".join(a.ACTOR_COLUMNS)


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return a.load_places(PLACES_FILE)


@pytest.fixture(scope="module")
def shipped(places):
    return a.read_actors_file(ACTORS_FILE, places)


@pytest.fixture(scope="module")
def boundaries() -> dict:
    return json.loads((DATA / "boundaries" / "region_countries.geojson").read_text(encoding="utf-8"))


def read_rows(tmp_path, places, *rows: dict, header: str = HEADER):
    """Write rows (dicts of column -> text) under the header and read them back."""
    buffer = io.StringIO()
    columns = header.split(",")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    path = tmp_path / "actors.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return a.read_actors_file(path, places)


GOOD = {"name": "Test initiative", "kind": "organisation", "country": "SRB", "source": "a document"}


def only_problem(report, check):
    found = [p for p in report.problems if p.check == check]
    assert len(found) == 1, [p.message for p in report.problems]
    return found[0]


# --- the file's checks -----------------------------------------------------------------------------

def test_a_good_row_loads_and_names_its_country(tmp_path, places):
    entries, report = read_rows(tmp_path, places, {**GOOD, "country": "Srbija", "place": "kikinda"})
    assert report.status == "loaded" and report.rows_loaded == 1
    entry = entries.iloc[0]
    assert entry["country"] == "SRB" and entry["located"] == a.AT_PLACE
    assert (entry["latitude"], entry["longitude"]) == (45.82972, 20.46528)


def test_missing_name_rejects_the_row_and_names_it(tmp_path, places):
    entries, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": ""})
    problem = only_problem(report, "missing-name")
    assert (problem.severity, problem.row, problem.column) == (ROW, 3, "name")
    assert "actors.csv, row 3, column 'name'" in problem.message
    assert list(entries["name"]) == ["Test initiative"] and report.rows_rejected == 1


def test_unknown_kind_lists_the_kinds(tmp_path, places):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "kind": "think tank"})
    problem = only_problem(report, "unknown-kind")
    assert problem.row == 3 and problem.value == "think tank"
    assert "found 'think tank'" in problem.message
    for kind in a.KINDS:
        assert kind in problem.expected


def test_kind_is_read_case_insensitively(tmp_path, places):
    entries, report = read_rows(tmp_path, places, {**GOOD, "kind": "  Pilot  Project "})
    assert report.status == "loaded" and entries.iloc[0]["kind"] == "pilot project"


def test_unknown_country_is_named(tmp_path, places):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "country": "Atlantis"})
    problem = only_problem(report, "unknown-country")
    assert (problem.row, problem.column, problem.value) == (3, "country", "Atlantis")
    assert "XKX" in problem.expected


def test_kosovo_is_xkx_and_a_country_outside_the_region_is_refused(tmp_path, places):
    entries, report = read_rows(tmp_path, places, {**GOOD, "country": "Kosova"},
                                {**GOOD, "name": "B", "country": "Germany"})
    assert list(entries["country"]) == ["XKX"]
    assert only_problem(report, "country-outside-region").row == 3


@pytest.mark.parametrize("latitude, longitude, swapped", [("52.52", "13.40", False), ("20.46", "44.80", True)])
def test_coordinates_outside_the_region_are_refused(tmp_path, places, latitude, longitude, swapped):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "latitude": latitude, "longitude": longitude})
    problem = only_problem(report, "coordinates-outside-region")
    assert problem.row == 3 and problem.value == f"{latitude}, {longitude}"
    assert "latitude from 38.5 to 49.5" in problem.expected
    assert ("swapped" in problem.fix) is swapped


def test_only_one_coordinate_or_text_in_a_coordinate_is_refused(tmp_path, places):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "latitude": "44.8"},
                          {**GOOD, "name": "C", "latitude": "44.8", "longitude": "20,4°"})
    assert only_problem(report, "half-coordinates").column == "longitude"
    assert only_problem(report, "bad-coordinate").row == 4


def test_coordinates_win_over_the_place_name(tmp_path, places):
    entries, _ = read_rows(tmp_path, places, {**GOOD, "place": "Somewhere small", "latitude": "44.5",
                                              "longitude": "20.5"})
    assert entries.iloc[0]["located"] == a.AT_COORDINATES and entries.iloc[0]["latitude"] == 44.5


def test_a_place_that_cannot_be_found_names_the_row(tmp_path, places):
    _, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "B", "place": "Zvezdarra"})
    problem = only_problem(report, "unknown-place")
    assert problem.severity == ROW
    assert problem.message.startswith("actors.csv, row 3, column 'place': found 'Zvezdarra'")
    assert "Serbia" in problem.expected and "latitude and longitude" in problem.fix


def test_a_place_is_looked_up_within_the_entrys_country(tmp_path, places):
    _, report = read_rows(tmp_path, places, {**GOOD, "country": "BGR", "place": "Kikinda"})
    assert only_problem(report, "unknown-place").row == 2


def test_a_name_two_places_share_asks_for_coordinates(tmp_path, places):
    _, report = read_rows(tmp_path, places, {**GOOD, "country": "MDA", "place": "Briceni"})
    problem = only_problem(report, "ambiguous-place")
    assert "2 places have this name" in problem.fix and "GeoNames" in problem.fix


def test_unknown_topic_and_bad_link_are_warnings_and_left_out(tmp_path, places):
    entries, report = read_rows(tmp_path, places, {**GOOD, "topics": "return; returns; Diaspora",
                                                   "link": "www.example.org"})
    assert only_problem(report, "unknown-topic").severity == WARNING
    assert "'returns'" in only_problem(report, "unknown-topic").fix
    assert only_problem(report, "bad-link").severity == WARNING
    assert entries.iloc[0]["topics"] == "return; diaspora" and entries.iloc[0]["link"] == ""


def test_the_templates_placeholder_row_is_recognised(tmp_path, places):
    path = tmp_path / "actors.csv"
    path.write_bytes(a.template_csv())
    entries, report = a.read_actors_file(path, places)
    assert entries.empty and report.rejected
    assert only_problem(report, "template-placeholder").row == 2


def test_template_has_exactly_the_columns_and_no_facts():
    rows = list(csv.reader(io.StringIO(a.template_csv().decode("utf-8"))))
    assert tuple(rows[0]) == a.ACTOR_COLUMNS
    assert len(rows) == 2 and all(cell.startswith("<") and cell.endswith(">") for cell in rows[1])


def test_missing_required_column_rejects_the_file(tmp_path, places):
    _, report = read_rows(tmp_path, places, {"name": "A"}, header="name,place")
    problem = only_problem(report, "missing-column")
    assert problem.severity == ERROR and "'kind', 'country'" in problem.fix


def test_a_missing_file_is_an_error_not_an_exception(tmp_path, places):
    entries, report = a.read_actors_file(tmp_path / "nothing.csv", places)
    assert entries.empty and report.rejected and report.problems[0].check == "unreadable"


def test_a_repeated_entry_is_left_out(tmp_path, places):
    entries, report = read_rows(tmp_path, places, GOOD, {**GOOD, "name": "test INITIATIVE"})
    assert len(entries) == 1 and only_problem(report, "duplicate-entry").row == 3


# --- the shipped entries and their source ------------------------------------------------------------

def test_shipped_file_loads_without_problems(shipped):
    entries, report = shipped
    assert report.status == "loaded", [p.message for p in report.problems]
    assert len(entries) >= 10


def test_every_shipped_entry_cites_its_source(shipped):
    entries, _ = shipped
    assert (entries["source"].str.len() > 0).all()
    assert (entries["source_quote"].str.len() > 0).all()


def test_every_source_quote_occurs_verbatim_in_the_context_document(shipped):
    if not CONTEXT.is_dir():
        pytest.skip(f"the context documents are not available at {CONTEXT}")
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(CONTEXT.glob("*.txt")))
    entries, _ = shipped
    for entry in entries.itertuples():
        assert entry.source_quote in text, entry.name
        # The place an entry is pinned to is one the quoted sentence names.
        if entry.place:
            assert entry.place in entry.source_quote, entry.name


def test_shipped_entries_invent_no_links_or_dates(shipped):
    entries, _ = shipped
    for entry in entries.itertuples():
        assert entry.link == "" or entry.link in entry.source_quote
        if entry.period:
            year = entry.period.split()[-1]
            assert year in entry.source_quote, entry.name


def test_the_meetings_examples_are_placed(shipped):
    entries, _ = shipped
    placed = entries.set_index("place")
    for place in ("Zvezdara", "Kikinda", "Veliko Gradište"):
        assert placed.loc[place, "located"] == a.AT_PLACE and placed.loc[place, "country"] == "SRB"
    at_country = entries[entries["located"] == a.AT_COUNTRY]
    assert {"MNE", "BGR", "MDA"} <= set(at_country["country"])
    assert at_country["latitude"].isna().all()  # no invented coordinates


@pytest.mark.parametrize("name", ["Zvezdara", "Kikinda", "Veliko Gradište", "veliko gradiste", "KIKINDA"])
def test_the_meetings_places_resolve(places, name):
    matches = a.resolve_place(name, "SRB", places)
    assert len(matches) == 1
    assert 44 < matches[0]["latitude"] < 46 and 20 < matches[0]["longitude"] < 22


def test_dj_and_d_with_stroke_meet(places):
    assert a.resolve_place("Djakovo", "HRV", places) == a.resolve_place("Đakovo", "HRV", places) != []


# --- filters ------------------------------------------------------------------------------------------

def test_filter_by_country_keeps_entries_without_a_country_unless_asked(shipped):
    entries, _ = shipped
    montenegro = a.filter_actors(entries, ["MNE"])
    assert set(montenegro["country"]) == {"MNE", ""}
    strict = a.filter_actors(entries, ["MNE"], include_without_country=False)
    assert list(strict["kind"]) == ["pilot project"]


def test_filter_by_kind_topic_and_text(shipped):
    entries, _ = shipped
    profiles = a.filter_actors(entries, kinds=["local migration profile"])
    assert set(profiles["place"]) == {"Zvezdara", "Kikinda"}
    returning = a.filter_actors(entries, topics=["return"])
    assert {"MDA", "BGR"} <= set(returning["country"])
    assert all("return" in a.topic_list(cell) for cell in returning["topics"])
    assert list(a.filter_actors(entries, text="gradiste")["place"]) == ["Veliko Gradište"]
    assert list(a.filter_actors(entries, text="SMART city")["country"]) == ["MNE"]
    assert a.filter_actors(entries, text="kikinda profile").shape[0] == 1
    assert a.filter_actors(entries, text="no such words").empty
    assert len(a.filter_actors(entries)) == len(entries)


def test_filters_combine(shipped):
    entries, _ = shipped
    both = a.filter_actors(entries, ["SRB"], ["diaspora guide"], ["diaspora"], "veliko")
    assert list(both["place"]) == ["Veliko Gradište"]
    assert a.filter_actors(entries, ["SRB"], ["pilot project"]).query("country != ''").empty


def test_table_view_says_where_in_words(shipped):
    entries, _ = shipped
    table = a.table_view(entries).set_index("Name")
    assert list(table.columns) == ["Kind", "Where", "Period"]
    assert table.loc["Local migration profile of Kikinda", "Where"] == "Kikinda, Serbia"
    assert table.loc["“Smart city” pilot project (Montenegro)", "Where"] == "Montenegro (whole country)"
    assert table.loc["GIZ", "Where"] == "no country given"


# --- the map --------------------------------------------------------------------------------------------

def test_map_has_countries_and_markers_and_no_basemap(shipped, boundaries):
    entries, _ = shipped
    spec = json.loads(actors_map(entries, boundaries).to_json())
    assert spec["mapStyle"] == NO_BASEMAP and "mapProvider" not in spec
    assert "mapbox" not in json.dumps(spec).lower() and "cartocdn" not in json.dumps(spec)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert layers["countries"]["@@type"] == "GeoJsonLayer"
    assert len(layers["countries"]["data"]["features"]) == len(boundaries["features"])
    markers = layers["actors"]
    assert markers["@@type"] == "ScatterplotLayer" and markers["radiusUnits"] == "pixels"
    assert len(markers["data"]) == len(entries) - len(unmapped(entries, boundaries))


def test_markers_are_coloured_by_kind_and_profiles_stand_out(shipped, boundaries):
    entries, _ = shipped
    points = map_points(entries, boundaries).set_index("name")
    kikinda = points.loc["Local migration profile of Kikinda"]
    guides = points.loc["Diaspora guides of Veliko Gradište"]
    assert kikinda["radius"] > guides["radius"]
    assert guides["fill"][:3] == [int(KIND_COLOURS["diaspora guide"][i:i + 2], 16) for i in (1, 3, 5)]
    assert set(KIND_COLOURS) == set(a.KINDS) and len(set(KIND_COLOURS.values())) == len(a.KINDS)


def test_country_level_entries_sit_at_the_country_centroid_and_say_so(shipped, boundaries):
    entries, _ = shipped
    centroids = country_centroids(boundaries)
    points = map_points(entries, boundaries).set_index("name")
    pilot = points.loc["“Smart city” pilot project (Montenegro)"]
    assert (pilot["lon"], pilot["lat"]) == centroids["MNE"]
    assert pilot["where"] == "Montenegro (country-level entry, no exact place)"
    assert not pilot["exact"]
    # Two country-level entries in Moldova are spread apart so both can be clicked.
    moldova = points[points["where"].str.startswith("Moldova")]
    assert len(moldova) == 2 and moldova[["lon", "lat"]].drop_duplicates().shape[0] == 2


def test_the_view_fits_every_marker_inside_the_map(shipped, boundaries):
    entries, _ = shipped
    for subset in (entries, a.filter_actors(entries, ["SRB"]), a.filter_actors(entries, ["MDA", "BGR"])):
        points = map_points(subset, boundaries)
        view = fit_view(points)
        scale = 512 * 2 ** view.zoom

        def mercator(lat):
            return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

        x = (points["lon"] - view.longitude) / 360 * scale
        y = points["lat"].map(lambda lat: (mercator(lat) - mercator(view.latitude)) / (2 * math.pi) * scale)
        assert (x.abs() <= MAP_WIDTH / 2 - 15).all() and (y.abs() <= MAP_HEIGHT / 2 - 15).all()
    assert fit_view(map_points(a.filter_actors(entries, ["MNE"], include_without_country=False), boundaries)).zoom == 6
    assert fit_view(map_points(entries.iloc[0:0], boundaries)) is REGION_VIEW


def test_the_chosen_marker_is_ringed_and_small_markers_stay_on_top(shipped, boundaries):
    entries, _ = shipped
    chosen = entries.set_index("name").loc["Local migration profile of Kikinda", "id"]
    points = map_points(entries, boundaries, highlight=chosen)
    assert points.set_index("id").loc[chosen, "line_width"] > points["line_width"].drop(
        points.index[points["id"] == chosen]).max()
    assert points["radius"].is_monotonic_decreasing  # deck.gl draws later rows on top


def test_entries_without_a_country_are_listed_as_unmapped(shipped, boundaries):
    entries, _ = shipped
    missing = unmapped(entries, boundaries)
    assert set(missing["country"]) == {""} and "Returning Point" in set(missing["name"])


# --- curation of the places -----------------------------------------------------------------------------

@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="needs ../shared/sources beside the checkout")
def test_curate_places_is_deterministic_and_matches_the_committed_file(tmp_path):
    from curation.places import curate_places

    source = SHARED_SOURCES / "geo" / "places_geonames.geojson"
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    assert curate_places(source, first) == curate_places(source, second) > 1000
    assert first.read_bytes() == second.read_bytes() == PLACES_FILE.read_bytes()


def test_committed_places_have_the_documented_columns_and_only_the_region(places):
    assert tuple(places.columns) == a.PLACE_COLUMNS
    assert set(places["country"]) == set(a.REGION)
    assert places["geonameid"].is_unique


# --- the staff's data guide documents the file ------------------------------------------------------------

def test_data_doc_documents_every_column_kind_and_topic():
    guide = (REPO / "docs" / "DATA.md").read_text(encoding="utf-8")
    section = guide.split("## Actors and initiatives", 1)[1].split("\n## ", 1)[0]
    for word in (*a.ACTOR_COLUMNS, *a.KINDS, *a.TOPICS):
        assert f"`{word}`" in section, word
