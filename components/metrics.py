"""Pure figures computed from a Dataset: headline numbers, the 20% claim, coverage."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.catalogue import in_role_order
from components.countries import KOSOVO, REGION, WESTERN_BALKANS
from components.formatting import format_number
from components.i18n import Phrase, Texts, english
from components.memo import per_dataset

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
        for indicator in in_role_order(indicators, "headline_order"):  # the catalogue's headline order
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
    by_country: pd.DataFrame  # country, emigrants, immigrants, population, native_born, share
    emigrants: float | None
    native_born: float | None
    edition: str = ""  # the UN DESA edition the counts come from, e.g. "2024"
    sources: tuple[str, ...] = ()  # source ids of the counts: the UN DESA edition, then the population

    @property
    def verdict(self) -> Phrase:
        """'close to the claim' (English); `tx.say(claim.verdict)` in the reader's language."""
        if self.region_share is None:
            return Phrase("metrics.verdict_no_data")
        gap = self.region_share - CLAIM_SHARE
        if abs(gap) <= 2.5:
            return Phrase("metrics.verdict_close")
        return Phrase("metrics.verdict_above" if gap > 0 else "metrics.verdict_below")


def claim_editions(indicators: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(edition, emigrant indicator, immigrant indicator) of every edition that has both, newest first."""
    if "series" not in indicators.columns or "edition" not in indicators.columns:
        return [("", "emigrant_stock", "immigrant_stock")]
    by_series = indicators[["id", "series", "edition"]].fillna("").astype(str)
    emigrants = by_series[by_series["series"] == "emigrant_stock"].set_index("edition")["id"]
    immigrants = by_series[by_series["series"] == "immigrant_stock"].set_index("edition")["id"]
    common = sorted(set(emigrants.index) & set(immigrants.index), reverse=True)
    return [(edition, emigrants[edition], immigrants[edition]) for edition in common]


@per_dataset
def western_balkans_claim(observations: pd.DataFrame, emigrant_indicator: str = "emigrant_stock",
                          immigrant_indicator: str = "immigrant_stock", edition: str = "") -> ClaimCheck:
    """Share of everyone born in the Western Balkans who lives abroad, in one UN DESA edition.

    Counted, not back-computed from rounded shares: emigrants / (emigrants + population − immigrants),
    summed over Albania, Bosnia and Herzegovina, Montenegro, North Macedonia and Serbia, in the
    edition's latest year in which all five have all three counts. UN DESA counts Kosovo inside
    Serbia, so Serbia's population here is Serbia's plus Kosovo's (World Bank, same year).
    """
    members = [c for c in WESTERN_BALKANS if c != KOSOVO]
    empty = ClaimCheck(None, None, pd.DataFrame(columns=["country", "share"]), None, None, edition)
    counts = {name: totals(observations, indicator).set_index(["country", "year"])
              for name, indicator in (("emigrants", emigrant_indicator), ("immigrants", immigrant_indicator),
                                      ("population", "population"))}
    people = counts["population"]["value"]
    if KOSOVO in people.index.get_level_values(0) and "SRB" in people.index.get_level_values(0):
        with_kosovo = (people.xs("SRB", level="country") + people.xs(KOSOVO, level="country")).dropna()
        people = pd.concat([people.drop("SRB", level="country"),
                            pd.Series(with_kosovo.to_numpy(), index=pd.MultiIndex.from_product(
                                [["SRB"], with_kosovo.index], names=["country", "year"]))])
    table = pd.DataFrame({"emigrants": counts["emigrants"]["value"], "immigrants": counts["immigrants"]["value"],
                          "population": people}).dropna()
    table = table[table.index.get_level_values("country").isin(members)]
    complete = table.groupby(level="year").size()
    years = complete[complete == len(members)].index
    if not len(years):
        return empty
    year = int(years.max())
    in_year = table.xs(year, level="year").reindex(members)
    in_year["native_born"] = in_year["emigrants"] + in_year["population"] - in_year["immigrants"]
    in_year["share"] = in_year["emigrants"] / in_year["native_born"] * 100
    emigrants, native_born = float(in_year["emigrants"].sum()), float(in_year["native_born"].sum())
    sources = tuple(dict.fromkeys(
        str(counts[name].loc[("SRB", year), "source"]) for name in ("emigrants", "population")))
    by_country = in_year.reset_index(names="country").sort_values("share", ascending=False)
    return ClaimCheck(year, emigrants / native_born * 100, by_country.reset_index(drop=True),
                      emigrants, native_born, edition, sources)


def western_balkans_claims(observations: pd.DataFrame, indicators: pd.DataFrame) -> list[ClaimCheck]:
    """The claim checked in every UN DESA edition on file, newest first; each edition on its own."""
    return [western_balkans_claim(observations, emigrants, immigrants, edition)
            for edition, emigrants, immigrants in claim_editions(indicators)]


def claim_editions_table(claims: list[ClaimCheck], tx: Texts | None = None) -> pd.DataFrame:
    """One row per edition (newest first): its year, share, emigrants and people born in the region.

    Each row is one edition's own result; no figure in it is computed from two editions.
    """
    tx = tx or english()
    column = lambda name: tx(f"overview.editions_columns.{name}")  # noqa: E731
    return pd.DataFrame({
        column("edition"): [c.edition for c in claims],
        column("year"): [str(c.year) for c in claims],
        column("share"): [format_number(c.region_share, "%", tx) for c in claims],
        # Exact counts here: the text above rounds them to "20.66 million".
        column("emigrants"): [tx.number(c.emigrants, 0) for c in claims],
        column("native_born"): [tx.number(c.native_born, 0) for c in claims],
        column("verdict"): [tx.say(c.verdict) for c in claims],
    })


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
