"""Derived indicators, computed from curated stocks and population; definitions in catalogues.py."""

from __future__ import annotations

import pandas as pd

from components.countries import KOSOVO
from curation.readers import COLUMNS

TOP_DESTINATIONS = 10


def _series(observations: pd.DataFrame, indicator: str) -> pd.Series:
    rows = observations[(observations["indicator"] == indicator) & (observations["partner"] == "")]
    return rows.set_index(["country", "year"])["value"]


def derive(observations: pd.DataFrame) -> pd.DataFrame:
    emigrants = _series(observations, "emigrant_stock")
    immigrants = _series(observations, "immigrant_stock")
    population = _series(observations, "population").copy()
    # UN DESA counts Kosovo inside Serbia, so Serbia's denominator must include Kosovo's people.
    kosovo = population.xs(KOSOVO, level="country")
    serbia = population.xs("SRB", level="country")
    combined = (serbia + kosovo).dropna()
    for year, value in combined.items():
        population.loc[("SRB", year)] = value
    population = population.reindex(emigrants.index)
    serbia_note = "Serbia includes Kosovo (as in UN DESA); denominator is Serbia + Kosovo population."

    def rate(indicator, numerator, denominator):
        frame = (numerator / denominator * 100).dropna().round(3).rename("value").reset_index()
        frame["indicator"], frame["partner"], frame["flag"] = indicator, "", ""
        frame["note"] = frame["country"].map({"SRB": serbia_note}).fillna("")
        return frame[COLUMNS]

    native_born = emigrants + population - immigrants.reindex(emigrants.index)
    frames = [
        rate("emigrants_share_of_population", emigrants, population),
        rate("share_of_native_born_abroad", emigrants, native_born),
        rate("immigrants_share_of_population", immigrants.reindex(emigrants.index), population),
    ]
    frames += _destinations(observations, emigrants)
    return pd.concat(frames, ignore_index=True)


def _destinations(observations: pd.DataFrame, emigrants: pd.Series) -> list[pd.DataFrame]:
    bilateral = observations[(observations["indicator"] == "emigrant_stock") & (observations["partner"] != "")].copy()
    total = pd.Series(list(zip(bilateral["country"], bilateral["year"]))).map(emigrants).to_numpy()
    share = bilateral.assign(indicator="emigrant_share_by_destination",
                             value=(bilateral["value"] / total * 100).round(3), flag="", note="")
    share = share[share["value"].notna()]
    # Ties are broken by partner code so that the ranking is reproducible.
    ordered = bilateral.sort_values(["country", "year", "value", "partner"], ascending=[True, True, False, True])
    ordered["value"] = ordered.groupby(["country", "year"]).cumcount() + 1
    rank = ordered[ordered["value"] <= TOP_DESTINATIONS].assign(indicator="emigrant_destination_rank", flag="", note="")
    return [share[COLUMNS], rank[COLUMNS]]
