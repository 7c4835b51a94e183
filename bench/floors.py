"""Floors: the same work with everything already in memory, to show how close a page comes to it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd

from components import charts, indicator_facts, maps, metrics, profile, views
from components.corridors import corridor_deck
from components.dataset import Dataset
from components.trend_chart import trend

CORE = ["SRB", "MNE", "MKD", "ALB", "BIH"]


def _figures(data: Dataset) -> dict:
    """Each page's main figure, built from prepared data: what a rerun cannot avoid."""
    obs, catalogue = data.observations, data.indicators
    return {
        "overview": lambda: charts.share_abroad_bars(
            metrics.western_balkans_claim(obs).by_country, 2020, 20, "ref", "src").to_json(),
        "map": lambda: maps.choropleth(views.map_values(obs, "emigrant_stock", 2020), data.boundaries["region_countries"],
                                       title="t", facts=indicator_facts.resolve(data, "emigrant_stock"),
                                       source="s", context_geojson=data.boundaries["region_countries"]).to_json(),
        "corridors": lambda: corridor_deck(views.partners(obs, "emigrant_stock", "MDA", 2020),
                                           data.boundaries["world_countries"], origin="MDA", unit="persons",
                                           year=2020).to_json(),
        "trends": lambda: trend(views.country_totals(obs, "remittances_pct_gdp", CORE), title="t", unit="%",
                                source="s", time_basis="calendar year", estimate=False).to_json(),
        "compare": lambda: charts.ranked_bars(views.ranked(obs, "emigrants_share_of_population", CORE, 2020),
                                              title="t", unit="%", source="s").to_json(),
        "profile": lambda: [c["figure"].to_json() for c in profile.figures(
            profile.build_profile(obs, catalogue, "MDA"), obs, catalogue, data.sources)],
        "data": lambda: metrics.coverage_matrix(obs, catalogue).to_json(),
    }


def figure_floor_s(data: Dataset, page: str, repeats: int = 5) -> float:
    build = _figures(data)[page]
    build()
    start = time.perf_counter()
    for _ in range(repeats):
        build()
    return (time.perf_counter() - start) / repeats


def figure_bytes(data: Dataset, page: str) -> int:
    built = _figures(data)[page]()
    return sum(len(part) for part in built) if isinstance(built, list) else len(built)


def geometry_bytes(data: Dataset, page: str) -> int:
    """The part of a page's payload that is boundary shapes."""
    if page == "map":
        figure = maps.choropleth(views.map_values(data.observations, "emigrant_stock", 2020),
                                 data.boundaries["region_countries"], title="t", facts=indicator_facts.resolve(data, "emigrant_stock"),
                                 source="s", context_geojson=data.boundaries["region_countries"])
        return sum(len(json.dumps(trace.geojson, separators=(",", ":"))) for trace in figure.data)
    if page == "corridors":
        spec = json.loads(_figures(data)["corridors"]())
        return len(json.dumps(spec["layers"][0]["data"], separators=(",", ":")))
    return 0


def read_floor_s(data_dir: Path) -> float:
    """Reading the same CSV files with pandas and no checks at all."""
    start = time.perf_counter()
    for path in sorted((data_dir / "observations").glob("*.csv")):
        pd.read_csv(path, dtype=str, keep_default_na=False)
    return time.perf_counter() - start
