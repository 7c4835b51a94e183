"""The scenes of Trends, Compare and Overview: one chart each, for the page and for a slide alike.

Each takes the data, the selection's values and the reader's language and returns a Scene
(components/scenes.py). The presenter draws its trends and compare slides from these same
functions (components/stories.py) and styles them for a projector on top (components/projector.py),
so a change to a page's chart reaches its slides too.

Source lines come first, the indicator's definition second, then sentences naming the countries
without figures: a slide shows the source and those sentences, not the definition.
"""

from __future__ import annotations

import pandas as pd

from components import alt_text, charts, metrics, views
from components.countries import WESTERN_BALKANS
from components.dataset import Dataset
from components.export import view_table
from components.formatting import format_number, short_source, source_line
from components.i18n import Texts, english
from components.memo import per_dataset
from components.scenes import Scene
from components.trend_chart import time_basis_text, trend


def trend_years(data: Dataset, indicator: str, countries: tuple, years: tuple) -> list[int]:
    """The years Trends has figures for: the choices of an index's base year."""
    frame = views.country_totals(data.observations, indicator, countries, years)
    return sorted(int(y) for y in frame["year"].unique())


@per_dataset
def trends_scene(data: Dataset, indicator: str, countries: tuple, years: tuple, view: str, base: int | None,
                 until: int | None = None, tx: Texts | None = None) -> Scene:
    """The trends chart. `view` is absolute, per_population or index (an index needs `base`);
    `until` cuts the lines at a year while a slide plays the years, the axes keeping the whole range.
    `notes` are notices for the reader above the chart; the figure is None when no chosen country
    has a figure, and the last note says so."""
    tx = tx or english()
    meta, notes = data.indicator(indicator), []
    label = tx.indicator(indicator, meta["label"])
    frame = views.country_totals(data.observations, indicator, countries, years)
    unit = meta["unit"]
    if view == "per_population":
        if meta.get("denominator"):
            frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
        else:
            notes.append(tx("trends.no_denominator", indicator=label))
    elif view == "index" and base is not None:
        frame, dropped = views.indexed(frame, base)
        unit = tx("trends.index_unit", base=base)
        if dropped:
            notes.append(tx("trends.no_base_figure", countries=", ".join(map(tx.country, dropped))))
    source = data.source(meta["source_id"])
    if frame.empty:
        notes.append(tx("trends.no_figures", source=source.get("short") or tx("trends.the_source")))
        return Scene(None, frame, unit, [], "", notes)
    full = frame
    if until is not None:
        frame = frame[frame["year"] <= until]
    span = f"{years[0]}–{years[1]}"
    figure = trend(frame, title=tx("trends.chart_title", indicator=label, span=span), unit=unit,
                   source=short_source(source, span, tx), time_basis=meta["time_basis"],
                   estimate=meta["estimate"] == "yes", tx=tx)
    if until is not None:
        _hold_axes(figure, full, meta["time_basis"] == "five-year period ending in the year shown")
    ordered = frame.sort_values("year")
    first, last = ordered.groupby("country").first(), ordered.groupby("country").last()
    series = "; ".join(tx("trends.alt_series", country=tx.country(c),
                          first=format_number(first.at[c, "value"], unit, tx), first_year=first.at[c, "year"],
                          last=format_number(last.at[c, "value"], unit, tx), last_year=last.at[c, "year"])
                       for c in first.index)
    alt = tx("trends.alt", indicator=label[:1].lower() + label[1:], series=series)
    lines = [source_line(source, span, tx),
             tx("trends.definition_note", definition=tx.definition(indicator, meta["definition"]),
                time_basis=time_basis_text(meta["time_basis"], tx))]
    shown = set(full["country"])
    missing = [c for c in countries if c not in shown]  # in the order chosen
    if missing:
        lines.append(tx("trends.no_figures_for", countries=", ".join(map(tx.country, missing))))
    table = view_table(frame, indicator=indicator, unit=unit, source=source_line(source, tx=tx), tx=tx)
    return Scene(figure, table, unit, lines, alt, notes)


def _hold_axes(figure, full: pd.DataFrame, periods: bool) -> None:
    # While years play, the axes keep the whole range so that the lines grow instead of jumping.
    values = full["value"].dropna()
    top, bottom = values.max(), min(values.min(), 0)
    figure.update_yaxes(range=[bottom - 0.05 * (top - bottom), top * 1.05 if top > 0 else 1])
    if not periods:
        figure.update_xaxes(range=[full["year"].min() - 0.5, full["year"].max() + 0.5])


@per_dataset
def ranked_scene(data: Dataset, indicator: str, countries: tuple, year: int, view: str,
                 tx: Texts | None = None) -> Scene:
    """Compare's ranked bars: the countries, largest first, in one year (per 1,000 residents when
    `view` is per_population and the indicator has a denominator)."""
    tx = tx or english()
    meta = data.indicator(indicator)
    frame = views.ranked(data.observations, indicator, countries, year)
    unit = meta["unit"]
    if view == "per_population" and meta.get("denominator"):
        frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
        frame = frame.sort_values("value", ascending=False, na_position="last")
    source = data.source(meta["source_id"])
    label = tx.indicator(indicator, meta["label"])
    figure = charts.ranked_bars(frame, title=tx("compare.ranked_title", indicator=label, year=year), unit=unit,
                                source=short_source(source, year, tx),
                                kosovo_in_serbia=source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES, tx=tx)
    present = frame.dropna(subset=["value"])
    ranking = ", ".join(f"{i + 1}. {tx.country(c)}" for i, c in enumerate(present["country"]))
    alt = tx("compare.ranking", ranking=ranking) if len(present) else tx("compare.no_country_has_data")
    table = view_table(frame, indicator=indicator, unit=unit, source=source_line(source, tx=tx), tx=tx)
    return Scene(figure, table, unit, [source_line(source, year, tx), tx.definition(indicator, meta["definition"])],
                 alt)


@per_dataset
def change_scene(data: Dataset, indicator: str, countries: tuple, since: int, year: int,
                 tx: Texts | None = None) -> Scene:
    """Compare's dumbbells: each country's figure in `since` and in `year`."""
    tx = tx or english()
    meta = data.indicator(indicator)
    unit = meta["unit"]
    source = data.source(meta["source_id"])
    label = tx.indicator(indicator, meta["label"])
    change = views.difference(data.observations, indicator, countries, since, year)
    both_years = tx("compare.two_years", first=since, second=year)
    figure = charts.dumbbell(change, year_a=since, year_b=year, unit=unit,
                             title=tx("compare.change_title", indicator=label, years=both_years),
                             source=short_source(source, both_years, tx), tx=tx)
    table = view_table(change, indicator=indicator, unit=unit, source=source_line(source, tx=tx), tx=tx)
    return Scene(figure, table, unit, [source_line(source, f"{since}, {year}", tx)],
                 alt_text.change_summary(change, since, year, unit, tx))


@per_dataset
def claim_scene(data: Dataset, claim: metrics.ClaimCheck, tx: Texts | None = None) -> Scene:
    """Overview's '20%' chart: the share of each country's native-born living abroad in the claim's
    year, the Western Balkans highlighted, against the figure quoted in meetings."""
    tx = tx or english()
    sources = [data.source(s) for s in claim.sources]
    lines = [source_line(s, claim.year, tx) for s in sources]
    share = claim.by_country[["country", "share"]]
    names = "; ".join(s.get("short", "") for s in sources)
    meetings_figure = tx("numbers.percent", value=tx.number(metrics.CLAIM_SHARE))  # "20%", not "20.0%"
    figure = charts.share_abroad_bars(share, claim.year, metrics.CLAIM_SHARE,
                                      tx("overview.reference_label", value=meetings_figure),
                                      tx("compare.sources", names=names) + f" · {claim.year}",
                                      highlight=WESTERN_BALKANS, tx=tx,
                                      title_width=40)  # the chart sits in a column beside the text
    shares = share.rename(columns={"share": "value"})
    counts = claim.by_country.rename(columns={"share": "value"}).assign(year=claim.year, edition=claim.edition)
    unit = "% of native-born"
    table = view_table(counts, indicator="share_of_native_born_abroad", unit=unit, source=" ".join(lines), tx=tx)
    return Scene(figure, table, unit, lines, alt_text.ranking_summary(shares, unit, tx))
