"""Curating the boundary extracts gives small, keyed, deterministic GeoJSON."""

import json
from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
if not SOURCES.is_dir():
    pytest.skip(f"boundary sources not available at {SOURCES}", allow_module_level=True)

from curation.geometry import curate_boundaries  # noqa: E402

REGION = {"SRB", "MNE", "MKD", "MDA", "BGR", "ALB", "BIH", "XKX", "HRV", "ROU"}
LIMITS = {
    "world_countries.geojson": 400_000,
    "region_countries.geojson": 300_000,
    "region_admin1.geojson": 700_000,
}
FILES = [*LIMITS, "region_nuts.geojson"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Curate twice into separate folders; return (summary, folder) per run."""
    out = []
    for i in range(2):
        folder = tmp_path_factory.mktemp(f"boundaries{i}")
        out.append((curate_boundaries(SOURCES / "geo", folder), folder))
    return out


def _features(folder, name):
    return json.loads((folder / name).read_text(encoding="utf-8"))["features"]


def test_output_is_byte_identical_across_runs(runs):
    (first, a), (second, b) = runs
    assert first == second
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_summary_matches_files_and_sizes_are_under_limits(runs):
    summary, folder = runs[0]
    assert [s["file"] for s in summary] == FILES
    for s in summary:
        size = (folder / s["file"]).stat().st_size
        assert s["bytes"] == size
        assert s["features"] == len(_features(folder, s["file"]))
        assert size <= LIMITS.get(s["file"], size), s


def test_region_countries_and_kosovo_present(runs):
    folder = runs[0][1]
    for name in ("world_countries.geojson", "region_countries.geojson"):
        codes = {f["properties"]["code"] for f in _features(folder, name)}
        assert REGION <= codes, name
        assert "XKX" in codes
    admin1_countries = {f["properties"]["country"] for f in _features(folder, "region_admin1.geojson")}
    assert REGION <= admin1_countries


def test_every_feature_has_a_code_and_name(runs):
    folder = runs[0][1]
    for name in FILES:
        for f in _features(folder, name):
            props = f["properties"]
            assert isinstance(props["code"], str) and props["code"].strip(), (name, props)
            assert isinstance(props["name"], str) and props["name"].strip(), (name, props)
            assert f["geometry"]["coordinates"], (name, props)


def test_admin1_codes_are_unique_and_moldova_deduplicated(runs):
    features = _features(runs[0][1], "region_admin1.geojson")
    codes = [f["properties"]["code"] for f in features]
    assert len(codes) == len(set(codes))
    assert codes.count("MD-SN") == 1
    assert not any("Repuplika" in f["properties"]["name"] for f in features)


def test_nuts_levels_and_serbia(runs):
    features = _features(runs[0][1], "region_nuts.geojson")
    assert {f["properties"]["level"] for f in features} == {0, 1, 2, 3}
    codes = {f["properties"]["code"] for f in features}
    assert {"RS11", "RS1"} & codes
