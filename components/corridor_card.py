"""A corridor card: everything the data holds about one origin → destination pair.

The stock comes from each UN DESA edition separately (an edition is part of what a number is), the
flows and returns from Abel & Cohen's estimates, the permits from Eurostat; the corridor's share of
the origin's emigrants and its rank come from the newest edition's latest year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from components import views
from components.circular import OUTFLOW, PERIOD_YEARS, PERMITS_ABROAD, RETURNS
from components.formatting import format_number
from components.i18n import Texts, english

STOCK_SERIES = "emigrant_stock"
TABLE_COLUMNS = ["indicator", "edition", "origin", "destination", "year", "value", "flag", "kind", "source"]


@dataclass
class Card:
    origin: str
    destination: str
    stock: pd.DataFrame = field(default_factory=pd.DataFrame)  # indicator, edition, year, value, source
    flows: pd.DataFrame = field(default_factory=pd.DataFrame)  # indicator, year, value (A&C periods)
    permits: pd.DataFrame = field(default_factory=pd.DataFrame)  # year, value
    standing: dict = field(default_factory=dict)  # year, value, share, rank, count, edition, indicator

    @property
    def empty(self) -> bool:
        return self.stock.empty and self.flows.empty and self.permits.empty


def stock_editions(indicators: pd.DataFrame) -> list[tuple[str, str]]:
    """(indicator, edition) of every edition of the emigrant stock, newest first."""
    editions = indicators[indicators.get("series", pd.Series("", index=indicators.index)) == STOCK_SERIES]
    editions = editions.sort_values("edition", ascending=False)
    return list(zip(editions["id"], editions["edition"].astype(str)))


def _pair(observations: pd.DataFrame, indicator: str, origin: str, destination: str) -> pd.DataFrame:
    rows = views.split(observations)[1].get(indicator, observations.iloc[:0])
    rows = rows[(rows["country"] == origin) & (rows["partner"] == destination)]
    return rows[["year", "value", "flag", "source"]].dropna(subset=["value"]).sort_values("year")


def build_card(observations: pd.DataFrame, indicators: pd.DataFrame, origin: str, destination: str) -> Card:
    card = Card(origin, destination)
    editions = stock_editions(indicators)
    card.stock = pd.concat([_pair(observations, indicator, origin, destination).assign(indicator=indicator,
                                                                                         edition=edition)
                            for indicator, edition in editions], ignore_index=True) if editions else pd.DataFrame()
    card.flows = pd.concat([_pair(observations, indicator, origin, destination).assign(indicator=indicator)
                            for indicator in (OUTFLOW, RETURNS)], ignore_index=True)
    card.permits = _pair(observations, PERMITS_ABROAD, origin, destination).reset_index(drop=True)
    for indicator, edition in editions:
        years = views.country_totals(observations, indicator, [origin])["year"]
        if years.empty:
            continue
        year = int(years.max())
        partners = views.partners(observations, indicator, origin, year)
        row = partners[partners["partner"] == destination]
        if len(row):
            card.standing = {"indicator": indicator, "edition": edition, "year": year,
                             "value": float(row["value"].iloc[0]), "share": float(row["share"].iloc[0]),
                             "rank": int(row["rank"].iloc[0]), "count": len(partners),
                             "source": row["source"].iloc[0]}
        break  # the newest edition decides; an older one is not a stand-in
    return card


def largest_corridors(observations: pd.DataFrame, indicators: pd.DataFrame, origin: str, count: int = 10) -> list[str]:
    """The origin's largest destinations in the newest edition's latest year."""
    for indicator, _ in stock_editions(indicators):
        years = views.country_totals(observations, indicator, [origin])["year"]
        if len(years):
            return list(views.partners(observations, indicator, origin, int(years.max()))["partner"].head(count))
    return []


def destinations(observations: pd.DataFrame, indicators: pd.DataFrame, origin: str) -> list[str]:
    """Every destination the card can say something about: the largest first, then the rest by code."""
    first = largest_corridors(observations, indicators, origin, count=10_000)
    partner_rows = views.split(observations)[1]
    others: dict[str, float] = {}
    # Without a stock (Kosovo* in UN DESA), the most permits, then the largest flows, come first.
    for indicator in [PERMITS_ABROAD, OUTFLOW, RETURNS] + [i for i, _ in stock_editions(indicators)]:
        rows = partner_rows.get(indicator)
        if rows is None:
            continue
        rows = rows[(rows["country"] == origin) & ~rows["partner"].isin(first + [origin])].dropna(subset=["value"])
        latest = rows.sort_values("year").groupby("partner")["value"].last().sort_values(ascending=False)
        for partner, value in latest.items():
            others.setdefault(partner, value)
    return first + list(others)


def card_table(card: Card, indicators: pd.DataFrame) -> pd.DataFrame:
    """Every number on the card, one row each, for the CSV: what it is, its edition, observed or estimate."""
    estimate = indicators.set_index("id")["estimate"].to_dict()
    parts = []
    if not card.stock.empty:
        parts.append(card.stock)
    if not card.flows.empty:
        parts.append(card.flows.assign(edition=""))
    if not card.permits.empty:
        parts.append(card.permits.assign(indicator=PERMITS_ABROAD, edition=""))
    if not parts:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    table["origin"], table["destination"] = card.origin, card.destination
    table["kind"] = table["indicator"].map(lambda i: "estimate" if estimate.get(i) == "yes" else "observed")
    table["flag"] = table["flag"].fillna("")
    table["year"] = table["year"].astype(int)
    return table[TABLE_COLUMNS]


def sentences(card: Card, tx: Texts | None = None) -> list[dict]:
    """The card in words: {text, kind, indicator}; only figures the data holds."""
    tx = tx or english()
    names = dict(origin=tx.country(card.origin), destination=tx.country(card.destination))
    said = []
    if card.standing:
        s = card.standing
        said.append({"text": tx("corridor_card.sentences.stock", year=s["year"],
                                number=format_number(s["value"], "persons", tx),
                                share=tx("numbers.percent", value=tx.number(s["share"], 1)), rank=s["rank"],
                                **names),
                     "kind": "observed", "indicator": s["indicator"]})
    else:
        said.append({"text": tx("corridor_card.sentences.no_stock", **names), "kind": "", "indicator": ""})
    if not card.flows.empty:
        latest = int(card.flows["year"].max())
        period = card.flows[card.flows["year"] == latest].set_index("indicator")["value"]
        if OUTFLOW in period and RETURNS in period:
            said.append({"text": tx("corridor_card.sentences.flows", start=latest - PERIOD_YEARS, end=latest,
                                    outflow=format_number(period[OUTFLOW], "persons", tx),
                                    returns=format_number(period[RETURNS], "persons", tx), **names),
                         "kind": "estimate", "indicator": OUTFLOW})
    if not card.permits.empty:
        last = card.permits.iloc[-1]
        said.append({"text": tx("corridor_card.sentences.permits", year=int(last["year"]),
                                number=format_number(last["value"], "permits", tx), **names),
                     "kind": "observed", "indicator": PERMITS_ABROAD})
    return said
