"""What changed between editions: the same series in two editions of its source, side by side.

UN DESA's International Migrant Stock 2024 revises every year of the 2020 edition, often by a lot.
A reader who checks one of our numbers against the publisher's older table needs to see the
revision, not a silent change. Only figures present in both editions are compared: a figure that
one edition has and the other lacks is not a revision.
"""

from __future__ import annotations

import pandas as pd

from components.filters import Choices
from components.formatting import format_number
from components.i18n import Texts, english
from components.profile import country_forms

COLUMNS = ["country", "partner", "year", "older", "newer", "difference", "difference_pct",
           "older_indicator", "newer_indicator", "older_source", "newer_source"]
MINUS = "\u2212"


def revised_series(options: Choices) -> list[str]:
    """The series published in more than one edition, in catalogue order."""
    return [series for series, by_edition in options.editions.items() if len(by_edition) > 1]


def revisions(observations: pd.DataFrame, options: Choices, series: str,
              newer: str | None = None, older: str | None = None) -> pd.DataFrame:
    """Every country, partner and year in both editions: old and new value, the difference
    (new − old) and it as a % of the old value; largest absolute revisions first.

    Totals and partner rows only: sex, age and sub-national rows are other series of their own.
    """
    editions = options.editions.get(series, {})
    ordered = list(editions)  # newest first
    if len(ordered) < 2:
        return pd.DataFrame(columns=COLUMNS)
    newer = newer or ordered[0]
    older = older or next(e for e in ordered if e != newer)
    plain = (observations["region"] == "") & (observations["sex"] == "") & (observations["age"] == "")
    keys = ["country", "partner", "year"]

    def edition_rows(edition: str) -> pd.DataFrame:
        rows = observations[plain & (observations["indicator"] == editions[edition])]
        return rows[[*keys, "value", "indicator", "source"]].dropna(subset=["value"])

    both = edition_rows(older).merge(edition_rows(newer), on=keys, suffixes=("_older", "_newer"))
    table = pd.DataFrame({
        "country": both["country"], "partner": both["partner"], "year": both["year"].astype(int),
        "older": both["value_older"], "newer": both["value_newer"],
        "difference": both["value_newer"] - both["value_older"],
        "older_indicator": both["indicator_older"], "newer_indicator": both["indicator_newer"],
        "older_source": both["source_older"], "newer_source": both["source_newer"],
    })
    # A % of nothing is not a number: an old value of 0 leaves the % missing.
    table["difference_pct"] = (table["difference"] / table["older"].where(table["older"] != 0) * 100)
    table = table.assign(_size=table["difference"].abs())
    table = table.sort_values(["_size", "country", "partner", "year"], ascending=[False, True, True, True])
    return table.drop(columns="_size")[COLUMNS].reset_index(drop=True)


def signed_percent(value: float, tx: Texts) -> str:
    """'−11.7%' or '+4.0%' in the reader's number format (a real minus sign, as in print)."""
    if value != value:  # NaN
        return tx("common.no_data")
    sign = MINUS if value < 0 else "+" if value > 0 else ""
    return tx("numbers.percent", value=sign + tx.number(abs(value), 1))


def amount(value: float, unit: str, tx: Texts) -> str:
    """The size of a revision, without its sign (the sentence says up or down)."""
    magnitude = abs(value)
    if unit.startswith("%"):
        return tx("revisions.points", value=tx.number(magnitude, 1))
    if unit == "rank":
        return tx("revisions.places", value=tx.number(magnitude, 0))
    return format_number(magnitude, unit, tx)


def subject(series: str, country: str, partner: str, label: str, tx: Texts) -> str:
    """'Albania's emigrants', 'Albania's emigrants in Italy' or a neutral wording for other series."""
    forms = country_forms(country, tx)
    partner_forms = country_forms(partner, tx) if partner else {}
    params = dict(country=forms["country"], in_country=forms["in_country"], of_country=forms["of_country"],
                  partner=partner_forms.get("country", ""), in_partner=partner_forms.get("in_country", ""),
                  indicator=label)
    kind = "subject_partner" if partner else "subject"
    return tx.get(f"revisions.{kind}.{series}", None, **params) or tx(f"revisions.{kind}.other", **params)


def sentence(row, series: str, label: str, unit: str, newer: str, tx: Texts | None = None) -> str:
    """'The 2024 edition revised Albania's emigrants in 2020 down by 146,602 (−11.7%).'"""
    tx = tx or english()
    what = subject(series, row["country"], row["partner"], label, tx)
    if row["difference"] == 0:
        return tx("revisions.sentence_same", newer=newer, subject=what, year=int(row["year"]))
    key = "revisions.sentence_up" if row["difference"] > 0 else "revisions.sentence_down"
    return tx(key, newer=newer, subject=what, year=int(row["year"]),
              difference=amount(row["difference"], unit, tx), percent=signed_percent(row["difference_pct"], tx))


def sentences(table: pd.DataFrame, series: str, label: str, unit: str, newer: str,
              tx: Texts | None = None, limit: int = 10) -> list[str]:
    """The sentences for the largest revisions, largest first."""
    return [sentence(row, series, label, unit, newer, tx) for _, row in table.head(limit).iterrows()]


def link_target(indicators: pd.DataFrame, table: pd.DataFrame) -> dict | None:
    """{'series', 'newer'} when every row behind a chart is of one indicator whose series the
    catalogue has in more than one edition: the chart then links to what changed between them."""
    if "indicator" not in table or table.empty:
        return None
    shown = table["indicator"].dropna().unique()
    if len(shown) != 1:
        return None
    row = indicators[indicators["id"] == shown[0]]
    series = row["series"].iloc[0] if len(row) and "series" in row else ""
    editions = indicators.loc[indicators.get("series", pd.Series(dtype=str)) == series, "edition"] if series else []
    if len(editions) < 2:
        return None
    return {"series": series, "newer": max(editions)}


def download_table(table: pd.DataFrame, tx: Texts | None = None) -> pd.DataFrame:
    """The full comparison for the CSV: stable column names, with the countries' names beside the codes."""
    tx = tx or english()
    frame = table.copy()
    for column in ("partner", "country"):
        frame.insert(frame.columns.get_loc(column) + 1, f"{column}_name",
                     frame[column].map(lambda c: tx.country(c) if c else ""))
    return frame


def on_screen(table: pd.DataFrame, newer: str, older: str, unit: str, tx: Texts | None = None) -> pd.DataFrame:
    """The comparison as the page shows it: names, numbers in the reader's format, headings in their language."""
    tx = tx or english()
    return pd.DataFrame({
        tx("revisions.columns.country"): table["country"].map(tx.country),
        tx("revisions.columns.partner"): table["partner"].map(lambda p: tx.country(p) if p
                                                             else tx("revisions.columns.all_partners")),
        tx("revisions.columns.year"): table["year"].astype(str),
        tx("filters.edition_option", edition=older): table["older"].map(lambda v: format_number(v, unit, tx)),
        tx("filters.edition_option", edition=newer): table["newer"].map(lambda v: format_number(v, unit, tx)),
        tx("revisions.columns.difference"): table["difference"].map(
            lambda v: (MINUS if v < 0 else "+" if v > 0 else "") + amount(v, unit, tx)),
        tx("revisions.columns.difference_pct"): table["difference_pct"].map(lambda v: signed_percent(v, tx)),
    })
