"""The shared filters as plain data: choices from the catalogue, and URL parsing with notices.

A link must reopen exactly the same view, and a wrong link must never raise: every URL value is
checked here, and an unknown one falls back to the default with a short notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from components.catalogue import default_indicators
from components.memo import per_dataset
from components.countries import CORE, REGION, resolve_country
from components.i18n import Phrase, english
from components.markdown_text import clipped

DEFAULT_TYPE = "Emigration"
VIEWS = {"absolute": "Absolute numbers", "per_population": "Per population",
         "index": "Indexed to a base year"}


@dataclass
class Choices:
    """What can be chosen, derived from the data so a new migration type needs no code.

    An indicator published in several editions (UN DESA's International Migrant Stock 2024 and
    2020) is one series: the pickers show the series once, and the edition is a filter of its own.
    """

    migration_types: list[str]
    indicators: dict[str, list[str]]  # migration type -> indicator ids (every edition's)
    years: dict[str, list[int]]  # indicator -> years with country totals or partner rows
    labels: dict[str, str]
    denominators: dict[str, str]
    # series -> {edition: indicator id}, newest edition first; a one-edition indicator is its own
    # series with the edition "" (the catalogue's series and edition columns left empty).
    editions: dict[str, dict[str, str]] = field(default_factory=dict)
    # migration type -> the indicator opened first for it (the catalogue's default_for_type column)
    defaults: dict[str, str] = field(default_factory=dict)

    def default_indicator(self, migration_type: str) -> str:
        preferred = self.defaults.get(migration_type)
        options = self.indicators.get(migration_type, [])
        return preferred if preferred in options else (options[0] if options else "")

    def series_of(self, indicator: str) -> str:
        for series, by_edition in self.editions.items():
            if indicator in by_edition.values():
                return series
        return indicator

    def edition_of(self, indicator: str) -> str:
        return next((edition for edition, i in self.editions.get(self.series_of(indicator), {}).items()
                     if i == indicator), "")

    def editions_of(self, series: str) -> list[str]:
        """The series' editions, newest first; [""] for an indicator with no editions."""
        return list(self.editions.get(series, {"": series}))

    def newest(self, series: str) -> str:
        """The newest edition's indicator id: what a page shows unless an edition is chosen."""
        return next(iter(self.editions.get(series, {"": series}).values()))

    def in_edition(self, series: str, edition: str) -> str:
        """The indicator id of a series in an edition (the newest if that edition is not there)."""
        return self.editions.get(series, {}).get(edition) or self.newest(series)

    def series_list(self, migration_type: str, usable=None) -> list[str]:
        """One entry per series of a type (its newest usable edition's id), in catalogue order."""
        chosen: dict[str, str] = {}
        for indicator in self.indicators.get(migration_type, []):
            if usable is None or usable(indicator):
                chosen.setdefault(self.series_of(indicator), indicator)
        return [self.newest_usable(series, usable) for series in chosen]

    def newest_usable(self, series: str, usable=None) -> str:
        return next((i for i in self.editions.get(series, {"": series}).values() if usable is None or usable(i)),
                    self.newest(series))


@per_dataset
def choices(observations: pd.DataFrame, indicators: pd.DataFrame) -> Choices:
    present = observations.groupby("indicator")["year"].unique()
    catalogue = indicators[indicators["id"].isin(present.index)]
    by_type: dict[str, list[str]] = {}
    editions: dict[str, dict[str, str]] = {}
    for row in catalogue.itertuples():
        by_type.setdefault(row.migration_type, []).append(row.id)
        series, edition = (getattr(row, "series", "") or row.id), (getattr(row, "edition", "") or "")
        editions.setdefault(series, {})[edition] = row.id
    types = sorted(by_type, key=lambda t: (t != DEFAULT_TYPE, t.startswith("Population"), t))
    return Choices(
        migration_types=types,
        indicators=by_type,
        years={ind: sorted(int(y) for y in years) for ind, years in present.items()},
        labels=dict(zip(catalogue["id"], catalogue["label"])),
        denominators={r.id: r.denominator for r in catalogue.itertuples() if r.denominator},
        # Newest first: editions are years ("2024" > "2020"); a later one-edition "" sorts last.
        editions={series: dict(sorted(by_edition.items(), reverse=True)) for series, by_edition in editions.items()},
        defaults=default_indicators(indicators),
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
    # The series the indicator belongs to and its edition, when the series has more than one
    # edition ("" otherwise): both go into the link, so that it reopens the same edition.
    series: str = ""
    edition: str = ""


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


def _year_range(start_text: str, end_text: str, allowed: list[int], notices: list) -> tuple[int, int] | None:
    """A link's from-to range, narrowed to the years the indicator has figures for.

    A range is a span, not two chosen years: 1990-2024 for a series that starts in 1992 shows
    1992-2024 without a notice (as Our World in Data's links do), and a range open at one end runs
    to the first or last year. Only a value that is not a year, a reversed range, or a range with no
    year of data falls back to all years, with a notice."""
    bounds = []
    for text in (start_text, end_text):
        number = whole_number(text) if text else None
        if text and number is None:
            notices.append(Phrase("filters.bad_year", value=clipped(text), default=Phrase("link_notices.all_years")))
        bounds.append(number)
    if (start_text and bounds[0] is None) or (end_text and bounds[1] is None) or not allowed or bounds == [None, None]:
        return None
    start, end = bounds[0] if bounds[0] is not None else allowed[0], bounds[1] if bounds[1] is not None else allowed[-1]
    if start > end:
        notices.append(Phrase("link_notices.range_incomplete"))
        return None
    inside = [year for year in allowed if start <= year <= end]
    if not inside:
        notices.append(Phrase("filters.bad_year", value=clipped(start_text or end_text),
                              default=Phrase("link_notices.all_years")))
        return None
    return inside[0], inside[-1]


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
    indicator = _first(params.get("indicator"))
    if indicator and not migration_type:
        # A link that names an indicator but not its migration type (a shortened link): the
        # indicator says which type it is, instead of being called unknown.
        named = options.newest(indicator) if indicator in options.editions else indicator
        selection.migration_type = next(
            (kind for kind in options.migration_types if named in options.indicators.get(kind, [])),
            selection.migration_type)
    if selection.migration_type not in options.migration_types and options.migration_types:
        selection.migration_type = options.migration_types[0]
    allowed = options.indicators.get(selection.migration_type, [])
    if indicator not in allowed and indicator in options.editions:
        indicator = options.newest(indicator)  # a series named by its own id
    if indicator and indicator in allowed:
        selection.indicator = indicator
    else:
        selection.indicator = options.default_indicator(selection.migration_type)
        if indicator:
            notices.append(Phrase("filters.unknown_indicator", value=clipped(indicator),
                                  default=catalogue_phrase("indicators", selection.indicator, "label")))
    choose_edition(selection, _first(params.get("edition")), options, notices)
    years = options.years.get(selection.indicator, [])
    selection.year = _year(params.get("year"), years, notices, Phrase("link_notices.latest_year"))
    selection.years = _year_range(_first(params.get("from")), _first(params.get("to")), years, notices)
    view = _first(params.get("view"))
    if view:
        if view in VIEWS:
            selection.view = view
        else:
            notices.append(Phrase("filters.unknown_view", value=clipped(view)))
    return selection, notices


def choose_edition(selection: Selection, edition: str, options: Choices, notices: list) -> None:
    """Set the selection's series and edition. An edition named in the link wins; an old link that
    names an edition's own indicator id (emigrant_stock_ims2020) opens that edition; without
    either, the newest edition is shown."""
    series = options.series_of(selection.indicator)
    editions = options.editions_of(series)
    if edition and edition not in editions and len(editions) > 1:
        notices.append(Phrase("filters.unknown_edition", value=edition, default=editions[0]))
        edition = editions[0]
    if edition in editions and edition:
        selection.indicator = options.in_edition(series, edition)
    selection.series = series if len(editions) > 1 else ""
    selection.edition = options.edition_of(selection.indicator) if len(editions) > 1 else ""


def catalogue_phrase(table: str, name: str, field: str = "") -> str:
    """A catalogue word as a Phrase when the language files know it, else as it is (staff's own)."""
    key = f"{table}.{name}" + (f".{field}" if field else "")
    return Phrase(key) if english().get(key) is not None else name


def to_query(selection: Selection) -> dict[str, str]:
    """The URL parameters that reproduce a Selection."""
    # A series with editions is named by its series id and the edition: the link stays readable
    # and says which edition it shows, even after a newer edition becomes the default.
    query = {"countries": ",".join(selection.countries), "type": selection.migration_type,
             "indicator": selection.series or selection.indicator, "edition": selection.edition,
             "view": selection.view}
    if selection.year is not None:
        query["year"] = str(selection.year)
    if selection.years is not None:
        query["from"], query["to"] = str(selection.years[0]), str(selection.years[1])
    query.update(selection.extra)
    return {key: value for key, value in query.items() if value not in ("", None)}
