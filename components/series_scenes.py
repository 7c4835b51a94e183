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

from components import alt_text, charts, indicator_facts, metrics, views
from components.countries import WESTERN_BALKANS
from components.dataset import Dataset
from components.export import view_table
from components.formatting import source_line, source_name
from components.i18n import Texts, english
from components.memo import per_dataset
from components.scenes import Scene
from components.trend_chart import PERIOD_BASIS, trend, year_span


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
    facts, notes = indicator_facts.resolve(data, indicator, tx), []
    frame = views.country_totals(data.observations, indicator, countries, years)
    shown = facts
    if view == "per_population":
        if facts.denominator:
            frame, unit = views.per_population(frame, data.observations, facts.unit, facts.source_id)
            shown = facts.per_unit(unit)
        else:
            notes.append(tx("trends.no_denominator", indicator=facts.label))
    elif view == "index" and base is not None:
        frame, dropped = views.indexed(frame, base)
        shown = facts.per_unit(tx("trends.index_unit", base=base))
        if dropped:
            notes.append(tx("trends.no_base_figure", countries=", ".join(map(tx.country, dropped))))
    if frame.empty:
        notes.append(tx("trends.no_figures", source=source_name(facts.source, tx) if facts.source else tx("trends.the_source")))
        return Scene(None, frame, shown.unit, [], "", notes, facts=shown)
    full = frame
    if until is not None:
        frame = frame[frame["year"] <= until]
    # The years the chart has figures for, not the chosen range: a source that starts in 2000
    # is not credited with 1990 (five-year flows name their periods).
    span = year_span(full["year"])
    if facts.time_basis == PERIOD_BASIS:  # filed under each period's last year: 2000 is 1995–2000
        span = f"{int(full['year'].min()) - 5}–{int(full['year'].max())}"
    credited = year_span(full["year"], facts.time_basis)
    figure = trend(frame, title=tx("trends.chart_title", indicator=facts.label, span=span), unit=shown.unit,
                   unit_label=shown.unit_text, source=facts.credit(credited), time_basis=facts.time_basis,
                   estimate=facts.estimate, tx=tx)
    if until is not None:
        _hold_axes(figure, full, facts.time_basis == "five-year period ending in the year shown")
    ordered = frame.sort_values("year")
    first, last = ordered.groupby("country").first(), ordered.groupby("country").last()
    series = "; ".join(tx("trends.alt_series", country=tx.country(c),
                          first=shown.number(first.at[c, "value"]), first_year=first.at[c, "year"],
                          last=shown.number(last.at[c, "value"]), last_year=last.at[c, "year"])
                       for c in first.index)
    alt = tx("trends.alt", indicator=facts.label[:1].lower() + facts.label[1:], series=series)
    lines = [facts.source_line(credited),
             tx("trends.definition_note", definition=facts.definition, time_basis=facts.time_basis_text)]
    present = set(full["country"])
    missing = [c for c in countries if c not in present]  # in the order chosen
    if missing:
        lines.append(tx("trends.no_figures_for", countries=", ".join(map(tx.country, missing))))
    table = view_table(frame, indicator=indicator, unit=shown.unit, source=facts.source_line(), tx=tx)
    return Scene(figure, table, shown.unit, lines, alt, notes, facts=shown)


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
    facts = shown = indicator_facts.resolve(data, indicator, tx)
    frame = views.ranked(data.observations, indicator, countries, year)
    if view == "per_population" and facts.denominator:
        frame, unit = views.per_population(frame, data.observations, facts.unit, facts.source_id)
        frame = frame.sort_values("value", ascending=False, na_position="last")
        shown = facts.per_unit(unit)
    figure = charts.ranked_bars(frame, title=tx("compare.ranked_title", indicator=facts.label, year=year),
                                unit=shown.unit, unit_label=shown.unit_text, source=facts.credit(year),
                                kosovo_in_serbia=facts.source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES, tx=tx)
    present = frame.dropna(subset=["value"])
    ranking = ", ".join(f"{i + 1}. {tx.country(c)}" for i, c in enumerate(present["country"]))
    alt = tx("compare.ranking", ranking=ranking) if len(present) else tx("compare.no_country_has_data")
    table = view_table(frame, indicator=indicator, unit=shown.unit, source=facts.source_line(), tx=tx)
    return Scene(figure, table, shown.unit, [facts.source_line(year), facts.definition], alt, facts=shown)


@per_dataset
def change_scene(data: Dataset, indicator: str, countries: tuple, since: int, year: int,
                 tx: Texts | None = None) -> Scene:
    """Compare's dumbbells: each country's figure in `since` and in `year`."""
    tx = tx or english()
    facts = indicator_facts.resolve(data, indicator, tx)
    change = views.difference(data.observations, indicator, countries, since, year)
    both_years = tx("compare.two_years", first=since, second=year)
    figure = charts.dumbbell(change, year_a=since, year_b=year, unit=facts.unit, unit_label=facts.unit_text,
                             title=tx("compare.change_title", indicator=facts.label, years=both_years),
                             source=facts.credit(both_years), tx=tx)
    table = view_table(change, indicator=indicator, unit=facts.unit, source=facts.source_line(), tx=tx)
    return Scene(figure, table, facts.unit, [facts.source_line(f"{since}, {year}")],
                 alt_text.change_summary(change, since, year, facts.unit, tx), facts=facts)


@per_dataset
def claim_scene(data: Dataset, claim: metrics.ClaimCheck, tx: Texts | None = None) -> Scene:
    """Overview's '20%' chart: the share of each country's native-born living abroad in the claim's
    year, the Western Balkans highlighted, against the figure quoted in meetings."""
    tx = tx or english()
    sources = [data.source(s) for s in claim.sources]
    lines = [source_line(s, claim.year, tx) for s in sources]
    share = claim.by_country[["country", "share"]]
    names = "; ".join(source_name(s, tx) for s in sources)
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
