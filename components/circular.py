"""Circular migration: who leaves, who comes back and what comes back, as figures and sentences.

The return ratio of a five-year period is Abel & Cohen's estimate of people born in a country who
moved back to it, divided by their estimate of people born there who left it, in the same period:
both are modelled by the same method, so their quotient compares like with like.
"""

from __future__ import annotations

import pandas as pd

from components import views
from components.countries import REGION
from components.formatting import format_number
from components.i18n import Texts, english

OUTFLOW, RETURNS = "native_outflow_5yr", "return_flow_5yr"
RETURNING_NATIONALS = "returning_nationals"
PERMITS_ABROAD = "residence_permits_abroad"
REMITTANCES_USD, REMITTANCES_GDP = "remittances_usd", "remittances_pct_gdp"
TERTIARY_SHARE = "oecd_emigrants_tertiary_share"
EDUCATION_LEVELS = ("oecd_emigrants_25_64_low_education", "oecd_emigrants_25_64_medium_education",
                    "oecd_emigrants_25_64_high_education", "oecd_emigrants_25_64_unknown_education")
PERIOD_YEARS = 5
RATIO_COLUMNS = ["country", "start", "year", "outflow", "returns", "ratio", "departures_per_return"]


def return_ratios(observations: pd.DataFrame, countries=tuple(REGION)) -> pd.DataFrame:
    """One row per country and five-year period (keyed by its last year) with both estimates.

    A period with only one of the two estimates, or no departures, has no ratio and is left out.
    """
    outflow = views.country_totals(observations, OUTFLOW, countries)[["country", "year", "value"]]
    returns = views.country_totals(observations, RETURNS, countries)[["country", "year", "value"]]
    both = outflow.merge(returns, on=["country", "year"], suffixes=("_out", "_back")).dropna()
    both = both[both["value_out"] > 0]
    frame = pd.DataFrame({"country": both["country"], "start": both["year"] - PERIOD_YEARS, "year": both["year"],
                          "outflow": both["value_out"], "returns": both["value_back"]})
    frame["ratio"] = frame["returns"] / frame["outflow"]
    frame["departures_per_return"] = frame["outflow"] / frame["returns"].where(frame["returns"] > 0)
    return frame[RATIO_COLUMNS].sort_values(["country", "year"]).reset_index(drop=True)


def periods(observations: pd.DataFrame, countries=tuple(REGION)) -> list[int]:
    """The periods (by last year) for which at least one country has a return ratio."""
    return sorted(int(y) for y in return_ratios(observations, countries)["year"].unique())


def ranking(observations: pd.DataFrame, year: int, countries=tuple(REGION)) -> pd.DataFrame:
    """The region's countries on the return ratio of one period, most circular first.

    Countries without both estimates come last, with no ratio and no rank (never a zero).
    """
    ratios = return_ratios(observations, countries)
    ratios = ratios[ratios["year"] == year].sort_values("ratio", ascending=False)
    ranked = ratios.assign(rank=range(1, len(ratios) + 1))
    missing = [c for c in countries if c not in set(ranked["country"])]
    absent = pd.DataFrame({"country": missing, "start": year - PERIOD_YEARS, "year": year})
    frame = pd.concat([ranked, absent], ignore_index=True) if missing else ranked.reset_index(drop=True)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame[[*RATIO_COLUMNS, "rank"]]


def ratio_in(observations: pd.DataFrame, country: str, year: int | None = None) -> dict | None:
    """The country's ratio row for a period (the latest when `year` is None), or None."""
    rows = return_ratios(observations, [country])
    if year is not None:
        rows = rows[rows["year"] == year]
    return rows.iloc[-1].to_dict() if len(rows) else None


def ratio_sentence(row: dict, tx: Texts | None = None) -> str:
    """'Between 2015 and 2020, an estimated 283,178 people left Moldova and 85,037 came back: about one
    return for every 3.3 departures.' More returns than departures are said the other way round."""
    tx = tx or english()
    params = dict(start=int(row["start"]), end=int(row["year"]), country=tx.country(row["country"]),
                  outflow=format_number(row["outflow"], "persons", tx),
                  returns=format_number(row["returns"], "persons", tx))
    if row["ratio"] < 1:
        return tx("circular.sentences.ratio", per=tx.number(row["departures_per_return"], 1), **params)
    return tx("circular.sentences.ratio_more_returns", per=tx.number(row["ratio"], 1), **params)


def ranking_sentence(ranked: pd.DataFrame, country: str, tx: Texts | None = None) -> str | None:
    """Where the country stands among those with a ratio in the period, and which is most circular."""
    tx = tx or english()
    present = ranked.dropna(subset=["ratio"])
    if country not in set(present["country"]) or present.empty:
        return None
    row = present[present["country"] == country].iloc[0]
    top = present.iloc[0]
    return tx("circular.sentences.rank", country=tx.country(country), rank=int(row["rank"]), count=len(present),
              start=int(row["start"]), end=int(row["year"]), top=tx.country(top["country"]),
              top_ratio=tx.number(top["ratio"], 2))


def latest(observations: pd.DataFrame, indicator: str, country: str) -> dict | None:
    """The latest country total of an indicator: {value, year, source}, or None."""
    rows = views.country_totals(observations, indicator, [country]).dropna(subset=["value"])
    return rows.iloc[-1].to_dict() if len(rows) else None


def permits_by_destination(observations: pd.DataFrame, country: str, top: int = 5) -> pd.DataFrame:
    """Valid permits held by the country's citizens in each EU/EFTA country, every year, for the
    `top` destinations with the most permits in their latest reported year."""
    rows = views.split(observations)[1].get(PERMITS_ABROAD, observations.iloc[:0])
    rows = rows[rows["country"] == country][["partner", "year", "value", "flag", "source"]].dropna(subset=["value"])
    if rows.empty:
        return rows.reset_index(drop=True)
    # Ranked in the latest year any destination reports; one that did not report then comes after.
    newest = rows[rows["year"] == rows["year"].max()].sort_values(["value", "partner"], ascending=[False, True])
    earlier = rows[~rows["partner"].isin(newest["partner"])].sort_values("year").groupby("partner").tail(1)
    chosen = list(newest["partner"]) + list(earlier.sort_values(["value", "partner"],
                                                                ascending=[False, True])["partner"])
    chosen = chosen[:top]
    shown = rows[rows["partner"].isin(chosen)]
    shown = shown.assign(order=shown["partner"].map({p: i for i, p in enumerate(chosen)}))
    return shown.sort_values(["order", "year"]).drop(columns="order").reset_index(drop=True)


def permits_year(observations: pd.DataFrame, country: str) -> int | None:
    """The latest year in which any EU/EFTA country reports permits of the country's citizens."""
    rows = views.split(observations)[1].get(PERMITS_ABROAD, observations.iloc[:0])
    years = rows.loc[rows["country"] == country, "year"]
    return int(years.max()) if len(years) else None


def education(observations: pd.DataFrame, country: str) -> pd.DataFrame:
    """Emigrants aged 25–64 in OECD countries by level of education (DIOC): indicator, year, value."""
    frames = [views.country_totals(observations, indicator, [country]).assign(indicator=indicator)
              for indicator in EDUCATION_LEVELS]
    frame = pd.concat(frames, ignore_index=True).dropna(subset=["value"])
    return frame[["indicator", "country", "year", "value", "flag", "source"]]


def sentences(observations: pd.DataFrame, country: str, year: int | None = None,
              tx: Texts | None = None) -> list[dict]:
    """What the data says about the country's circular migration, one sentence per figure.

    Each item is {text, kind, source_id}: kind is 'estimate' or 'observed', so the page can say which
    it is and name the source and its edition. Only figures the data holds are said.
    """
    tx = tx or english()
    said = []
    ratio = ratio_in(observations, country, year)
    if ratio:
        said.append({"text": ratio_sentence(ratio, tx), "kind": "estimate", "indicator": RETURNS})
        rank = ranking_sentence(ranking(observations, int(ratio["year"])), country, tx)
        if rank:
            said.append({"text": rank, "kind": "estimate", "indicator": RETURNS})
    else:
        said.append({"text": tx("circular.sentences.no_ratio", country=tx.country(country)), "kind": "",
                     "indicator": ""})
    counted = latest(observations, RETURNING_NATIONALS, country)
    if counted:
        said.append({"text": tx("circular.sentences.returning_nationals", year=int(counted["year"]),
                                number=format_number(counted["value"], "persons", tx),
                                country=tx.country(country)),
                     "kind": "observed", "indicator": RETURNING_NATIONALS})
    permits = permits_by_destination(observations, country, top=1)
    if len(permits) and permits["year"].max() == permits_year(observations, country):
        last = permits.iloc[-1]
        said.append({"text": tx("circular.sentences.permits", year=int(last["year"]),
                                number=format_number(last["value"], "permits", tx),
                                country=tx.country(country), destination=tx.country(last["partner"])),
                     "kind": "observed", "indicator": PERMITS_ABROAD})
    money, share = latest(observations, REMITTANCES_USD, country), latest(observations, REMITTANCES_GDP, country)
    if money and share and money["year"] == share["year"]:
        said.append({"text": tx("circular.sentences.remittances_gdp", year=int(money["year"]),
                                country=tx.country(country), amount=format_number(money["value"], "current US$", tx),
                                share=format_number(share["value"], "% of GDP", tx)),
                     "kind": "observed", "indicator": REMITTANCES_USD})
    elif money:
        said.append({"text": tx("circular.sentences.remittances", year=int(money["year"]), country=tx.country(country),
                                amount=format_number(money["value"], "current US$", tx)),
                     "kind": "observed", "indicator": REMITTANCES_USD})
    tertiary = latest(observations, TERTIARY_SHARE, country)
    if tertiary:
        said.append({"text": tx("circular.sentences.tertiary", country=tx.country(country),
                                share=format_number(tertiary["value"], "%", tx)),
                     "kind": "observed", "indicator": TERTIARY_SHARE})
    return said


def provenance(kind: str, source: dict, tx: Texts | None = None) -> str:
    """'Estimate · Abel & Cohen (2019), modelled estimates · edition: Scientific Data 6:82 (2019)'."""
    tx = tx or english()
    if not kind:
        return ""
    name = tx.get(f"source_names.{source.get('id', '')}", source.get("short") or source.get("publisher", ""))
    # The edition as the source lines word it (formatting.source_line), in the reader's language.
    edition = tx.get(f"source_editions.{source.get('id', '')}", source.get("edition", ""))
    return tx(f"circular.provenance.{kind}", source=name, edition=edition)
