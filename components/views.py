"""Tidy selections behind every chart: totals, per-population, indexed, partners, differences.

All functions are pure: observations in, a small frame out. A missing figure stays missing
(NaN), so that charts can show 'no data' rather than zero.
"""

from __future__ import annotations

import weakref

import pandas as pd

from components.catalogue import in_role_order
from components.memo import per_dataset
from components.countries import REGION, population_with_kosovo_in_serbia

# Sources that count Kosovo inside Serbia: Serbia's denominator must then include Kosovo.
KOSOVO_IN_SERBIA_SOURCES = {"un_desa_ims2024", "un_desa_ims2020", "derived", "derived_ims2020"}
# Abel & Cohen's flows are modelled on UN population data, which also counts Kosovo inside Serbia
# (the flows have no Kosovo rows), so Serbia's per-population rate needs the same denominator.
# Kept apart from the set above, whose pages print a note that names UN DESA.
SERBIA_WITH_KOSOVO_POPULATION_SOURCES = KOSOVO_IN_SERBIA_SOURCES | {"abel_cohen_2019"}

# The units and short names below are stable English keys, like the catalogue's units: charts and
# tables show them in the reader's language (charts.unit_text, charts.panel_title; locale tables
# [charts.units] and [charts.panels]), and CSV downloads keep them as they are.
PER_POPULATION = {
    # unit of the indicator -> (factor, unit of the per-population figure)
    "persons": (100, "% of residents"),
    "persons per year": (1000, "per 1,000 residents"),
    "persons per five years": (1000, "per 1,000 residents, over five years"),
    "permits": (1000, "per 1,000 residents"),
    "current US$": (1, "US$ per resident"),
}
COLUMNS = ["country", "year", "value", "flag", "note", "source"]


_SPLITS: dict[int, tuple] = {}


def split(observations: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Country totals and partner rows, by indicator, computed once per loaded dataset.

    Every chart reads one indicator; filtering 67,000 rows for it on every rerun cost more than
    drawing. The split is remembered for as long as the observations frame itself lives.
    """
    key = id(observations)
    hit = _SPLITS.get(key)
    if hit is not None and hit[0]() is observations:
        return hit[1], hit[2]
    plain = (observations["region"] == "") & (observations["sex"] == "") & (observations["age"] == "")
    no_partner = observations["partner"] == ""
    totals = dict(tuple(observations[plain & no_partner].groupby("indicator", sort=False)))
    partners = dict(tuple(observations[plain & ~no_partner].groupby("indicator", sort=False)))
    _SPLITS[key] = (weakref.ref(observations, lambda _: _SPLITS.pop(key, None)), totals, partners)
    return totals, partners


@per_dataset
def _sorted_totals(observations: pd.DataFrame, indicator: str) -> pd.DataFrame:
    # Sorted once per dataset and indicator: a profile reads thirteen of these, and sorting each
    # selection again took most of the millisecond that a selection costs.
    rows = split(observations)[0].get(indicator, observations.iloc[:0])
    return rows[COLUMNS].sort_values(["country", "year"])


def country_totals(observations: pd.DataFrame, indicator: str, countries=None, years=None) -> pd.DataFrame:
    rows = _sorted_totals(observations, indicator)
    if countries is not None:
        rows = rows[rows["country"].isin(list(countries))]
    if years is not None:
        low, high = years
        rows = rows[(rows["year"] >= low) & (rows["year"] <= high)]
    return rows.reset_index(drop=True).copy()  # the caller's own copy: the sorted table is shared


def has_country_totals(observations: pd.DataFrame, indicator: str) -> bool:
    return not country_totals(observations, indicator).empty


def population(observations: pd.DataFrame, source_id: str) -> pd.Series:
    """Population by (country, year); Serbia includes Kosovo where the source counts it so."""
    people = country_totals(observations, "population").set_index(["country", "year"])["value"]
    if source_id in SERBIA_WITH_KOSOVO_POPULATION_SOURCES:
        people = population_with_kosovo_in_serbia(people)
    return people


def per_population(frame: pd.DataFrame, observations: pd.DataFrame, unit: str, source_id: str) -> tuple[pd.DataFrame, str]:
    """Divide by the resident population of the same country and year."""
    factor, new_unit = PER_POPULATION.get(unit, (1000, f"{unit} per 1,000 residents"))
    people = population(observations, source_id)
    keys = pd.MultiIndex.from_frame(frame[["country", "year"]])
    result = frame.copy()
    result["value"] = frame["value"].to_numpy() / people.reindex(keys).to_numpy() * factor
    return result, new_unit


def indexed(frame: pd.DataFrame, base_year: int) -> tuple[pd.DataFrame, list[str]]:
    """Each country's series as 100 x value / value in the base year; countries without it drop out."""
    base = frame[frame["year"] == base_year].set_index("country")["value"]
    usable = base[(base.notna()) & (base != 0)]
    missing = sorted(set(frame["country"]) - set(usable.index))
    result = frame[frame["country"].isin(usable.index)].copy()
    result["value"] = result["value"] / result["country"].map(usable) * 100
    return result, missing


def map_values(observations: pd.DataFrame, indicator: str, year: int, countries=tuple(REGION)) -> pd.DataFrame:
    """One row per country of the region, NaN where the source has no figure for that year."""
    rows = country_totals(observations, indicator, countries, (year, year)).set_index("country")
    frame = pd.DataFrame({"country": list(countries)})
    for column in ("value", "flag", "note", "source"):
        frame[column] = frame["country"].map(rows[column])
    frame["year"] = year
    return frame[COLUMNS]


# A corridors view reads the same partners four times (page, deck, and the change table's two years);
# remembered per dataset, and never changed by a caller.
@per_dataset
def partners(observations: pd.DataFrame, indicator: str, country: str, year: int) -> pd.DataFrame:
    """Partner countries ranked by size, with each one's share of the country total."""
    rows = split(observations)[1].get(indicator, observations.iloc[:0])
    rows = rows[(rows["country"] == country) & (rows["year"] == year)]
    rows = rows[["partner", "value", "flag", "source"]].sort_values(["value", "partner"], ascending=[False, True])
    total = country_totals(observations, indicator, [country], (year, year))["value"]
    denominator = total.iloc[0] if len(total) else rows["value"].sum()
    rows = rows.assign(share=rows["value"] / denominator * 100, rank=range(1, len(rows) + 1))
    return rows.reset_index(drop=True)


def change_between(observations: pd.DataFrame, indicator: str, country: str, year_a: int, year_b: int) -> pd.DataFrame:
    """Partners in either year, their values in both, and the change. Absent means no figure."""
    a = partners(observations, indicator, country, year_a).set_index("partner")["value"]
    b = partners(observations, indicator, country, year_b).set_index("partner")["value"]
    frame = pd.DataFrame({str(year_a): a, str(year_b): b})
    frame["change"] = frame[str(year_b)] - frame[str(year_a)]
    # A change from zero has no percentage (it would read "+∞%"): no figure, as for a missing year.
    frame["change_pct"] = frame["change"] / frame[str(year_a)].where(frame[str(year_a)] != 0) * 100
    frame = frame.sort_values(str(year_b), ascending=False, na_position="last")
    return frame.reset_index(names="partner")


def ranked(observations: pd.DataFrame, indicator: str, countries, year: int) -> pd.DataFrame:
    frame = map_values(observations, indicator, year, countries)
    return frame.sort_values("value", ascending=False, na_position="last").reset_index(drop=True)


def difference(observations: pd.DataFrame, indicator: str, countries, year_a: int, year_b: int) -> pd.DataFrame:
    a = map_values(observations, indicator, year_a, countries).set_index("country")
    b = map_values(observations, indicator, year_b, countries).set_index("country")
    frame = pd.DataFrame({"country": list(countries), "from": a["value"].reindex(list(countries)).to_numpy(),
                          "to": b["value"].reindex(list(countries)).to_numpy()})
    frame["change"] = frame["to"] - frame["from"]
    # The rows' sources, both years: one id when both come from the same source (and edition).
    both = [" | ".join(sorted({s for s in pair if isinstance(s, str) and s}))
            for pair in zip(a["source"].reindex(list(countries)), b["source"].reindex(list(countries)))]
    frame["source"] = both
    return frame.sort_values("change", ascending=False, na_position="last").reset_index(drop=True)


def latest_common_year(observations: pd.DataFrame, indicator: str, countries) -> int | None:
    """The latest year in which most of the chosen countries have a figure."""
    rows = country_totals(observations, indicator, countries)
    if rows.empty:
        return None
    counts = rows.groupby("year")["country"].nunique()
    best = counts.max()
    return int(counts[counts >= max(1, best)].index.max())


def indicators_with_totals(observations: pd.DataFrame) -> set[str]:
    return set(split(observations)[0])


def indicators_with_partners(observations: pd.DataFrame) -> set[str]:
    return set(split(observations)[1])


@per_dataset
def _regional_rows(observations: pd.DataFrame) -> pd.DataFrame:
    # Picked out once per dataset: scanning every row for a region code on each new map view cost
    # 1.5 s at 100x the shipped data (bench/RESULTS.md); the sub-national rows are few.
    return observations[(observations["region"] != "") & (observations["partner"] == "")]


def regional_values(observations: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """Sub-national figures (a region code) for one indicator and year."""
    regional = _regional_rows(observations)
    rows = regional[(regional["indicator"] == indicator) & (regional["year"] == year)]
    return rows[["region", "country", "year", "value", "flag", "note", "source"]].reset_index(drop=True)


# Rates that make countries of different size comparable, for the small multiples.


@per_dataset
def comparison_panels(observations: pd.DataFrame, indicators: pd.DataFrame, countries) -> list[dict]:
    """One panel per comparable indicator at its latest year; counts become per-population rates."""
    catalogue = indicators.set_index("id")
    panels = []
    for indicator in in_role_order(indicators, "compare_order"):  # the catalogue's compare_order
        if indicator not in catalogue.index:
            continue
        year = latest_common_year(observations, indicator, countries)
        if year is None:
            continue
        meta = catalogue.loc[indicator]
        frame = map_values(observations, indicator, year, countries)
        unit = meta["unit"]
        if unit in PER_POPULATION and meta["denominator"]:
            frame, unit = per_population(frame, observations, unit, meta["source_id"])
        # A census round filed under its first year (DIOC's 2015 is 2015/16) is titled as the round.
        period = (str(meta["edition"]) if str(meta.get("time_basis", "")).startswith("census round")
                  and meta.get("edition") else str(year))
        panels.append({"indicator": indicator, "year": year, "period": period, "unit": unit, "frame": frame,
                       "source_id": meta["source_id"],
                       "title": f"{meta['label']}<br><sup>{unit}, {period}</sup>"})
    return panels
