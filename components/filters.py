"""The shared filters as plain data: choices from the catalogue, and URL parsing with notices.

A link must reopen exactly the same view, and a wrong link must never raise: every URL value is
checked here, and an unknown one falls back to the default with a short notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from components.memo import per_dataset
from components.countries import CORE, REGION, resolve_country
from components.i18n import Phrase, english
from components.markdown_text import clipped

DEFAULT_TYPE = "Emigration"
DEFAULT_INDICATOR = {"Emigration": "emigrant_stock", "Immigration": "immigrant_stock",
                     "Return": "return_flow_5yr", "Remittances": "remittances_pct_gdp",
                     "Net migration": "net_migration"}
VIEWS = {"absolute": "Absolute numbers", "per_population": "Per population",
         "index": "Indexed to a base year"}


@dataclass
class Choices:
    """What can be chosen, derived from the data so a new migration type needs no code."""

    migration_types: list[str]
    indicators: dict[str, list[str]]  # migration type -> indicator ids
    years: dict[str, list[int]]  # indicator -> years with country totals or partner rows
    labels: dict[str, str]
    denominators: dict[str, str]

    def default_indicator(self, migration_type: str) -> str:
        preferred = DEFAULT_INDICATOR.get(migration_type)
        options = self.indicators.get(migration_type, [])
        return preferred if preferred in options else (options[0] if options else "")


@per_dataset
def choices(observations: pd.DataFrame, indicators: pd.DataFrame) -> Choices:
    present = observations.groupby("indicator")["year"].unique()
    catalogue = indicators[indicators["id"].isin(present.index)]
    by_type: dict[str, list[str]] = {}
    for row in catalogue.itertuples():
        by_type.setdefault(row.migration_type, []).append(row.id)
    types = sorted(by_type, key=lambda t: (t != DEFAULT_TYPE, t.startswith("Population"), t))
    return Choices(
        migration_types=types,
        indicators=by_type,
        years={ind: sorted(int(y) for y in years) for ind, years in present.items()},
        labels=dict(zip(catalogue["id"], catalogue["label"])),
        denominators={r.id: r.denominator for r in catalogue.itertuples() if r.denominator},
    )


@dataclass
class Selection:
    countries: list[str] = field(default_factory=lambda: list(CORE))
    migration_type: str = DEFAULT_TYPE
    indicator: str = ""
    year: int | None = None
    years: tuple[int, int] | None = None
    view: str = "absolute"
    extra: dict[str, str] = field(default_factory=dict)


def _first(value) -> str:
    if isinstance(value, (list, tuple)):
        return str(value[0]) if value else ""
    return "" if value is None else str(value)


# A year or a slide number as a link writes it: ASCII digits only, and few of them. str.isdigit()
# is not enough: it is true for '²' and '٣', which int() then refuses or reads as another number.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def whole_number(text) -> int | None:
    """The number a link's text spells in plain digits ('2020', ' 7 '), else None; never raises."""
    text = str(text).strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def parse_countries(raw, notices: list[str]) -> list[str]:
    """'SRB,MNE' or repeated params; names are accepted too. Unknown ones are dropped, with a notice."""
    parts = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
    codes, unknown = [], []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        code = resolve_country(part)
        if code in REGION:
            codes.append(code)
        else:
            unknown.append(part)
    if unknown:
        notices.append(Phrase("filters.unknown_country", value=clipped(", ".join(unknown))))
    return list(dict.fromkeys(codes))


def _year(raw, allowed: list[int], notices: list[str], default: Phrase) -> int | None:
    text = _first(raw)
    if text == "":
        return None
    year = whole_number(text)
    if year is not None and year in allowed:
        return year
    notices.append(Phrase("filters.bad_year", value=clipped(text), default=default))
    return None


def parse_query(params: dict, options: Choices, default: Selection | None = None) -> tuple[Selection, list[str]]:
    """A Selection from URL query parameters, and the notices for anything that was ignored."""
    notices: list[str] = []
    selection = default or Selection()
    if "countries" in params:
        selection.countries = parse_countries(params["countries"], notices)
    migration_type = _first(params.get("type"))
    if migration_type:
        if migration_type in options.migration_types:
            selection.migration_type = migration_type
        else:
            notices.append(Phrase("filters.unknown_type", value=clipped(migration_type),
                                  default=catalogue_phrase("migration_types", selection.migration_type)))
    if selection.migration_type not in options.migration_types and options.migration_types:
        selection.migration_type = options.migration_types[0]
    indicator = _first(params.get("indicator"))
    allowed = options.indicators.get(selection.migration_type, [])
    if indicator and indicator in allowed:
        selection.indicator = indicator
    else:
        selection.indicator = options.default_indicator(selection.migration_type)
        if indicator:
            notices.append(Phrase("filters.unknown_indicator", value=clipped(indicator),
                                  default=catalogue_phrase("indicators", selection.indicator, "label")))
    years = options.years.get(selection.indicator, [])
    selection.year = _year(params.get("year"), years, notices, Phrase("link_notices.latest_year"))
    start = _year(params.get("from"), years, notices, Phrase("link_notices.all_years"))
    end = _year(params.get("to"), years, notices, Phrase("link_notices.all_years"))
    if start is not None and end is not None and start <= end:
        selection.years = (start, end)
    elif start is not None or end is not None:
        notices.append(Phrase("link_notices.range_incomplete"))
    view = _first(params.get("view"))
    if view:
        if view in VIEWS:
            selection.view = view
        else:
            notices.append(Phrase("filters.unknown_view", value=clipped(view)))
    return selection, notices


def catalogue_phrase(table: str, name: str, field: str = "") -> str:
    """A catalogue word as a Phrase when the language files know it, else as it is (staff's own)."""
    key = f"{table}.{name}" + (f".{field}" if field else "")
    return Phrase(key) if english().get(key) is not None else name


def to_query(selection: Selection) -> dict[str, str]:
    """The URL parameters that reproduce a Selection."""
    query = {"countries": ",".join(selection.countries), "type": selection.migration_type,
             "indicator": selection.indicator, "view": selection.view}
    if selection.year is not None:
        query["year"] = str(selection.year)
    if selection.years is not None:
        query["from"], query["to"] = str(selection.years[0]), str(selection.years[1])
    query.update(selection.extra)
    return {key: value for key, value in query.items() if value not in ("", None)}
