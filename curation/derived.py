"""Derived indicators, computed from curated stocks and population; definitions in catalogues.py.

Each UN DESA edition gets its own derived indicators, computed only from that edition's stocks and
the World Bank population of the same year: an edition is part of what a number is, so no derived
figure ever mixes two of them.
"""

from __future__ import annotations

import pandas as pd

from components.countries import population_with_kosovo_in_serbia
from curation.readers import COLUMNS, IMS2020_SUFFIX

TOP_DESTINATIONS = 10

# Indicator-id suffix of an edition -> the source id its derived figures carry.
EDITIONS = {"": "derived", IMS2020_SUFFIX: "derived_ims2020"}
SERBIA_NOTE = "Serbia includes Kosovo (as in UN DESA); denominator is Serbia + Kosovo population."


def _series(observations: pd.DataFrame, indicator: str, sex: str = "") -> pd.Series:
    rows = observations[(observations["indicator"] == indicator) & (observations["partner"] == "")
                        & (observations["sex"] == sex) & (observations["age"] == "")]
    return rows.set_index(["country", "year"])["value"]


def derive(observations: pd.DataFrame) -> pd.DataFrame:
    observations = observations.copy()
    for column in ("sex", "age"):
        observations[column] = observations[column].fillna("")
    population = population_with_kosovo_in_serbia(_series(observations, "population"))
    frames = []
    for suffix, source in EDITIONS.items():
        frames += _edition(observations, population, suffix, source)
    return pd.concat(frames, ignore_index=True)


def _edition(observations: pd.DataFrame, population: pd.Series, suffix: str, source: str) -> list[pd.DataFrame]:
    emigrants = _series(observations, "emigrant_stock" + suffix)
    immigrants = _series(observations, "immigrant_stock" + suffix)
    people = population.reindex(emigrants.index.union(immigrants.index))

    def rate(indicator, numerator, denominator, note_serbia=True):
        frame = (numerator / denominator * 100).dropna().round(3).rename("value").reset_index()
        frame["indicator"], frame["partner"], frame["flag"] = indicator + suffix, "", ""
        frame["sex"], frame["age"], frame["source"] = "", "", source
        frame["note"] = frame["country"].map({"SRB": SERBIA_NOTE}).fillna("") if note_serbia else ""
        return frame[COLUMNS]

    # A missing immigrant total (a placeholder in the source) leaves the native-born missing too,
    # never computed as if the country had no immigrants.
    native_born = emigrants + people.reindex(emigrants.index) - immigrants.reindex(emigrants.index)
    frames = [
        rate("emigrants_share_of_population", emigrants, people.reindex(emigrants.index)),
        rate("share_of_native_born_abroad", emigrants, native_born),
        rate("immigrants_share_of_population", immigrants, people.reindex(immigrants.index)),
    ]
    female_emigrants = _series(observations, "emigrant_stock" + suffix, "female")
    if not female_emigrants.empty:
        frames.append(rate("emigrants_female_share", female_emigrants, emigrants.reindex(female_emigrants.index),
                           note_serbia=False))
    female_immigrants = _series(observations, "immigrant_stock" + suffix, "female")
    if not female_immigrants.empty:
        frames.append(rate("immigrants_female_share", female_immigrants,
                           immigrants.reindex(female_immigrants.index), note_serbia=False))
    frames += _destinations(observations, emigrants, suffix, source)
    return frames


def _destinations(observations: pd.DataFrame, emigrants: pd.Series, suffix: str, source: str) -> list[pd.DataFrame]:
    bilateral = observations[(observations["indicator"] == "emigrant_stock" + suffix) & (observations["partner"] != "")
                             & (observations["sex"] == "") & (observations["age"] == "")].copy()
    total = pd.Series(list(zip(bilateral["country"], bilateral["year"]))).map(emigrants).to_numpy()
    share = bilateral.assign(indicator="emigrant_share_by_destination" + suffix,
                             value=(bilateral["value"] / total * 100).round(3), flag="", note="", source=source)
    share = share[share["value"].notna()]
    # Ties are broken by partner code so that the ranking is reproducible.
    ordered = bilateral.sort_values(["country", "year", "value", "partner"], ascending=[True, True, False, True])
    ordered["value"] = ordered.groupby(["country", "year"]).cumcount() + 1
    rank = ordered[ordered["value"] <= TOP_DESTINATIONS].assign(
        indicator="emigrant_destination_rank" + suffix, flag="", note="", source=source)
    return [share[COLUMNS], rank[COLUMNS]]
