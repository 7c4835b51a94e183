"""Pure figures computed from a Dataset: headline numbers, the 20% claim, coverage."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.countries import KOSOVO, REGION, WESTERN_BALKANS
from components.formatting import format_number
from components.i18n import Phrase, Texts, english
from components.memo import per_dataset

HEADLINE_INDICATORS = (
    "emigrant_stock", "share_of_native_born_abroad", "population", "net_migration",
    "remittances_pct_gdp",
)
CLAIM_SHARE = 20.0  # "around 20% of the population in Western Balkan countries lives outside"


def totals(observations: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Country totals (no partner, no region, both sexes) of one indicator."""
    from components.views import split

    return split(observations)[0].get(indicator, observations.iloc[:0])


def latest(observations: pd.DataFrame, indicator: str, country: str) -> dict | None:
    rows = totals(observations, indicator)
    rows = rows[rows["country"] == country]
    if rows.empty:
        return None
    return rows.sort_values("year").iloc[-1].to_dict()


@per_dataset
def headline_figures(observations: pd.DataFrame, indicators: pd.DataFrame,
                     countries=tuple(REGION)) -> pd.DataFrame:
    """One row per country and headline indicator: the latest year with data, or a gap."""
    catalogue = indicators.set_index("id")
    records = []
    for country in countries:
        for indicator in HEADLINE_INDICATORS:
            if indicator not in catalogue.index:
                continue
            found = latest(observations, indicator, country) or {}
            records.append({
                "country": country, "indicator": indicator,
                "label": catalogue.at[indicator, "label"], "unit": catalogue.at[indicator, "unit"],
                "year": found.get("year"), "value": found.get("value"),
                "flag": found.get("flag", ""), "note": found.get("note", ""),
                "source_id": found.get("source") or catalogue.at[indicator, "source_id"],
                "estimate": catalogue.at[indicator, "estimate"] == "yes" or found.get("flag") == "e",
            })
    return pd.DataFrame(records)


@dataclass(frozen=True)
class ClaimCheck:
    year: int | None
    region_share: float | None  # % of people born in the Western Balkans living abroad
    by_country: pd.DataFrame  # country, share
    emigrants: float | None
    native_born: float | None

    @property
    def verdict(self) -> Phrase:
        """'close to the claim' (English); `tx.say(claim.verdict)` in the reader's language."""
        if self.region_share is None:
            return Phrase("metrics.verdict_no_data")
        gap = self.region_share - CLAIM_SHARE
        if abs(gap) <= 2.5:
            return Phrase("metrics.verdict_close")
        return Phrase("metrics.verdict_above" if gap > 0 else "metrics.verdict_below")


@per_dataset
def western_balkans_claim(observations: pd.DataFrame) -> ClaimCheck:
    """Share of everyone born in the Western Balkans who lives abroad, UN DESA's latest year.

    Kosovo is inside Serbia in UN DESA, so Serbia's figures (and the derived indicator) cover it.
    """
    share = totals(observations, "share_of_native_born_abroad")
    members = [c for c in WESTERN_BALKANS if c != KOSOVO]
    share = share[share["country"].isin(members)]
    if share.empty:
        return ClaimCheck(None, None, pd.DataFrame(columns=["country", "share"]), None, None)
    year = int(share["year"].max())
    in_year = share[share["year"] == year]
    emigrants = totals(observations, "emigrant_stock")
    emigrants = emigrants[(emigrants["year"] == year) & emigrants["country"].isin(members)]
    by_country = in_year[["country", "value"]].rename(columns={"value": "share"})
    # Native-born = emigrants / share; summing both gives the region's pooled share.
    joined = emigrants.set_index("country")["value"].to_frame("emigrants").join(
        by_country.set_index("country"), how="inner")
    joined["native_born"] = joined["emigrants"] / (joined["share"] / 100)
    region_share = None
    if len(joined) == len(members):
        region_share = float(joined["emigrants"].sum() / joined["native_born"].sum() * 100)
    return ClaimCheck(year, region_share, by_country.sort_values("share", ascending=False),
                      float(joined["emigrants"].sum()), float(joined["native_born"].sum()))


@per_dataset
def _coverage_years(observations: pd.DataFrame, indicator_ids: tuple, countries: tuple) -> pd.DataFrame:
    rows = observations[observations["country"].isin(countries)]
    span = rows.groupby(["indicator", "country"])["year"].agg(["min", "max", "nunique"])
    text = span.apply(lambda r: f"{r['min']}–{r['max']} ({r['nunique']})" if r["min"] != r["max"]
                      else f"{r['min']} (1)", axis=1)
    matrix = text.unstack("country").reindex(columns=list(countries)).fillna("")
    return matrix.reindex([i for i in indicator_ids if i in matrix.index])


def coverage_matrix(observations: pd.DataFrame, indicators: pd.DataFrame,
                    countries=tuple(REGION), tx: Texts | None = None) -> pd.DataFrame:
    """Indicator x country: the years covered, e.g. '1990–2020 (7)'; empty where there is nothing.

    Rows are named '<label> [indicator id]': the catalogue's label, or with `tx` the label in
    that language. Columns stay ISO3 codes.
    """
    matrix = _coverage_years(observations, tuple(indicators["id"]), tuple(countries)).copy()
    labels = indicators.set_index("id")["label"]
    label = (lambda i: tx.indicator(i, labels.get(i, i))) if tx else (lambda i: labels.get(i, i))
    matrix.index = [f"{label(i)} [{i}]" for i in matrix.index]
    return matrix


def headline_table(headlines: pd.DataFrame,
                   tx: Texts | None = None) -> tuple[pd.DataFrame, dict[str, tuple[str, str]]]:
    """Countries as rows, headline indicators as columns, values formatted for reading.

    A column is headed by its most common year; a cell from another year says which. Returns
    the table and, per column, (source id, years) for the source lines under it.
    """
    named = tx.indicator if tx else (lambda _, label: label)  # without tx: the catalogue's own label
    tx = tx or english()
    table = pd.DataFrame(index=[tx.country(c) for c in dict.fromkeys(headlines["country"])])
    sources = {}
    for indicator, rows in headlines.groupby("indicator", sort=False):
        years = rows["year"].dropna().astype(int)
        usual = int(years.mode().iloc[0]) if len(years) else None
        label = named(indicator, rows["label"].iloc[0]) + (f" ({usual})" if usual else "")
        if rows["estimate"].any():
            label += " · " + tx("common.estimate")
        # UN DESA counts Kosovo inside Serbia: its gap in these columns is not a missing figure.
        inside_serbia = "stock" in indicator or indicator == "share_of_native_born_abroad"
        cells = []
        for row in rows.itertuples():
            if pd.isna(row.year):
                cells.append(tx("metrics.in_serbia_figure") if row.country == KOSOVO and inside_serbia
                             else tx("common.no_data"))
                continue
            text = format_number(row.value, row.unit, tx)
            cells.append(text if int(row.year) == usual else f"{text} ({int(row.year)})")
        table[label] = cells
        span = f"{years.min()}–{years.max()}" if len(years) and years.min() != years.max() else usual
        sources[label] = (rows["source_id"].iloc[0], span)
    return table, sources
