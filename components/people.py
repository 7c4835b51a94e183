"""Who the migrants are: women's share, immigrants' ages by sex, emigrants' education.

Pure selections and figure builders for the profile and Compare pages. Each figure names its
source and period; a country the source does not cover gets no chart and a message, never zeros.
"""

from __future__ import annotations

import pandas as pd

from components import views
from components.charts import PALETTE, figure_from, house_layout, unit_text, wrap
from components.formatting import format_number
from components.i18n import Texts, english
from components.memo import per_dataset

WOMEN_SHARES = ("emigrants_female_share", "immigrants_female_share")
# UN DESA's five-year age groups, youngest first (a pyramid draws them bottom to top).
AGE_GROUPS = ("0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
              "50-54", "55-59", "60-64", "65-69", "70-74", "75+")
AGE_INDICATOR = "immigrant_stock"
EDUCATION_LEVELS = ("low", "medium", "high", "unknown")
EDUCATION_TOTAL = "oecd_emigrants_25_64"
TERTIARY_SHARE = "oecd_emigrants_tertiary_share"
MEN, WOMEN = PALETTE[0], PALETTE[1]  # blue and orange: apart for colour-blind readers and in grey
LEVEL_COLOURS = {"low": "#56B4E9", "medium": "#0072B2", "high": "#D55E00", "unknown": "#9aa5b1"}


def education_indicator(level: str) -> str:
    return f"{EDUCATION_TOTAL}_{level}_education"


# -- women's share --------------------------------------------------------------------------

def women_shares(observations: pd.DataFrame, country: str) -> pd.DataFrame:
    """Women's share of the country's emigrants and of its immigrants, by year (indicator, year, value, source)."""
    rows = [views.country_totals(observations, indicator, [country]).assign(indicator=indicator)
            for indicator in WOMEN_SHARES]
    frame = pd.concat(rows, ignore_index=True)
    return frame[["indicator", "country", "year", "value", "source"]].dropna(subset=["value"])


def women_share_chart(frame: pd.DataFrame, *, title: str, source: str, tx: Texts | None = None,
                      title_width: int = 34):
    """Two lines, emigrants and immigrants, in % women; 50% drawn as the even split."""
    tx = tx or english()
    traces = []
    for index, (indicator, rows) in enumerate(frame.groupby("indicator", sort=False)):
        name = tx(f"people.women_series.{indicator}")
        rows = rows.sort_values("year")
        traces.append(dict(type="scatter", x=rows["year"], y=rows["value"], name=name, mode="lines+markers",
                           line=dict(color=PALETTE[index * 3], width=4, dash="dot"),
                           marker=dict(size=11, symbol=("circle", "square")[index % 2],
                                       line=dict(width=1, color="#1f2933")),
                           hovertemplate=f"{name} %{{x}}: %{{y:.1f}}{tx('numbers.percent', value='')}<extra></extra>"))
    layout = house_layout(title, source, height=480, tx=tx, title_width=title_width, showlegend=True)
    layout["xaxis"].update(title=dict(text=tx("trends.axis_year")))
    layout["yaxis"].update(title=dict(text=tx("people.women_axis")), range=[0, 100],
                           ticksuffix=tx("numbers.percent", value=""))
    layout["shapes"] = [dict(type="line", xref="paper", x0=0, x1=1, y0=50, y1=50,
                             line=dict(color="#7b8794", width=2, dash="dash"))]
    years = sorted(frame["year"].unique())
    layout["xaxis"].update(tickvals=years, tickfont=dict(size=13))
    # The legend sits inside the plot's empty top band (the shares stay far below 100%), where a
    # wrapped title cannot reach it.
    layout["legend"] = dict(orientation="h", x=0.01, y=0.99, xanchor="left", yanchor="top",
                            bgcolor="rgba(255,255,255,0.85)")
    _narrow_source(layout, source)
    return figure_from(traces, layout)


def _narrow_source(layout: dict, source: str, width: int = 55) -> None:
    """The source line wrapped for a half-width chart (house_layout wraps it for a full-width one)."""
    layout["annotations"][-1]["text"] = wrap(source, width)


def women_share_summary(frame: pd.DataFrame, tx: Texts | None = None) -> str:
    """'Women's share of emigrants: 53.5% (1990) to 55.5% (2024); of immigrants: …'."""
    tx = tx or english()
    parts = []
    for indicator, rows in frame.groupby("indicator", sort=False):
        rows = rows.sort_values("year")
        first, last = rows.iloc[0], rows.iloc[-1]
        parts.append(tx("people.women_alt_series", series=tx(f"people.women_series.{indicator}"),
                        first=format_number(first["value"], "%", tx), first_year=int(first["year"]),
                        last=format_number(last["value"], "%", tx), last_year=int(last["year"])))
    return "; ".join(parts) + "." if parts else tx("common.no_data")


# -- age pyramid ----------------------------------------------------------------------------

@per_dataset(keep=4)
def _age_rows_by_country(observations: pd.DataFrame) -> dict[str, pd.DataFrame]:
    # Found once per loaded dataset: scanning every row for one country's ages on each profile
    # view cost as much as drawing a chart.
    rows = observations[(observations["indicator"] == AGE_INDICATOR) & (observations["age"] != "")
                        & (observations["partner"] == "") & (observations["region"] == "")]
    return dict(tuple(rows.groupby("country", sort=False)))


def _age_rows(observations: pd.DataFrame, country: str) -> pd.DataFrame:
    rows = _age_rows_by_country(observations).get(country)
    return observations.iloc[:0] if rows is None else rows


def age_years(observations: pd.DataFrame, country: str) -> list[int]:
    """The years in which the country's immigrants are published by age and sex, oldest first."""
    rows = _age_rows(observations, country)
    rows = rows[rows["sex"].isin(["female", "male"])]
    return sorted(int(y) for y in rows["year"].unique())


def pyramid_frame(observations: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    """Immigrants by five-year age group (youngest first) with columns male, female and source.

    An age group the source leaves out stays missing (NaN), never 0.
    """
    rows = _age_rows(observations, country)
    rows = rows[(rows["year"] == year) & rows["sex"].isin(["female", "male"])]
    table = rows.pivot_table(index="age", columns="sex", values="value", aggfunc="sum")
    table = table.reindex(index=list(AGE_GROUPS), columns=["male", "female"])
    table.index.name = "age"
    frame = table.reset_index()
    frame.columns.name = None
    frame["source"] = rows["source"].iloc[0] if len(rows) else ""
    return frame


def pyramid_chart(frame: pd.DataFrame, *, title: str, source: str, tx: Texts | None = None,
                  title_width: int = 34):
    """A population pyramid: men to the left, women to the right, 0-4 at the bottom and 75+ on top."""
    tx = tx or english()
    ages = [age.replace("-", "–") for age in frame["age"]]  # "0–4": numbers read the same in every language
    men, women = frame["male"], frame["female"]
    widest = float(pd.concat([men, women]).max()) if len(frame) else 0.0
    ticks = _symmetric_ticks(widest)
    persons = unit_text("persons", tx)
    traces = []
    for name, values, sign, colour in ((tx("people.men"), men, -1, MEN), (tx("people.women"), women, 1, WOMEN)):
        traces.append(dict(type="bar", orientation="h", name=name, y=ages, x=values * sign,
                           customdata=[format_number(v, "persons", tx) for v in values],
                           marker=dict(color=colour, line=dict(width=1, color="#1f2933")),
                           hovertemplate=f"{name}, {tx('people.age_axis')} %{{y}}: %{{customdata}} {persons}"
                                         "<extra></extra>"))
    # Men and women are named above their own half, as pyramids usually are, instead of in a legend.
    sides = tuple(dict(text=text, x=x, xanchor=anchor, xref="paper", y=1, yref="paper", yanchor="bottom",
                       showarrow=False, font=dict(size=16, color=colour))
                  for text, x, anchor, colour in (("← " + tx("people.men"), 0.02, "left", MEN),
                                                  (tx("people.women") + " →", 0.98, "right", "#8a5a00")))
    layout = house_layout(title, source, height=640, tx=tx, title_width=title_width, annotations=sides)
    layout.update(barmode="relative", bargap=0.08)
    _narrow_source(layout, source)
    layout["xaxis"].update(title=dict(text=persons),
                           tickvals=[-t for t in ticks[:0:-1]] + ticks,
                           ticktext=[format_number(t, "persons", tx) for t in ticks[:0:-1] + ticks],
                           range=[-widest * 1.08, widest * 1.08] if widest else [-1, 1])
    # The age groups name themselves ("0–4" … "75+"); an axis title there would sit on the labels.
    layout["yaxis"].update(categoryorder="array", categoryarray=ages, type="category",
                           tickmode="array", tickvals=ages, tickfont=dict(size=13))
    return figure_from(traces, layout)


def _symmetric_ticks(widest: float) -> list[float]:
    """0 and two or three round steps up to the widest bar (mirrored to the left by the caller)."""
    if widest <= 0:
        return [0]
    step = 10 ** len(str(int(widest / 3))) / 10
    for factor in (1, 2, 2.5, 5, 10):
        if widest / (step * factor) <= 4:
            step *= factor
            break
    return [step * i for i in range(int(widest // step) + 1)]


def pyramid_summary(frame: pd.DataFrame, tx: Texts | None = None) -> str:
    """'141,530 men and 157,570 women; largest group: 0-4 (45,044).'"""
    tx = tx or english()
    totals = frame[["male", "female"]].sum(axis=1, min_count=1)
    if totals.isna().all():
        return tx("people.no_age_data")
    largest = int(totals.idxmax())
    return tx("people.pyramid_alt", men=format_number(frame["male"].sum(), "persons", tx),
              women=format_number(frame["female"].sum(), "persons", tx),
              age=frame["age"].iloc[largest].replace("-", "–"), number=format_number(totals.iloc[largest], "persons", tx))


# -- education (DIOC) -----------------------------------------------------------------------

def education_levels(observations: pd.DataFrame, countries) -> pd.DataFrame:
    """Emigrants aged 25-64 in OECD countries: one row per country with a figure, with the count per
    education level, the total, the tertiary share (of those whose education is known) and year."""
    countries = list(countries)
    columns = {level: views.country_totals(observations, education_indicator(level), countries)
               .set_index("country")["value"] for level in EDUCATION_LEVELS}
    total = views.country_totals(observations, EDUCATION_TOTAL, countries).set_index("country")
    share = views.country_totals(observations, TERTIARY_SHARE, countries).set_index("country")["value"]
    frame = pd.DataFrame({**columns, "total": total["value"], "tertiary_share": share})
    frame = frame.reindex([c for c in countries if c in frame.index]).dropna(subset=["total"])
    frame["year"] = total["year"].reindex(frame.index)
    frame["source"] = total["source"].reindex(frame.index)
    return frame.rename_axis("country").reset_index()


def _level_name(level: str, tx: Texts) -> str:
    return tx(f"people.education_levels.{level}")


def education_chart(row: pd.Series, *, title: str, source: str, tx: Texts | None = None,
                    title_width: int = 34):
    """One country's emigrants aged 25-64 in OECD countries, one bar per education level (persons),
    each known level labelled with its share of those whose education is known."""
    tx = tx or english()
    names = [_level_name(level, tx) for level in EDUCATION_LEVELS]
    values = [row[level] for level in EDUCATION_LEVELS]
    known = sum(row[level] for level in EDUCATION_LEVELS if level != "unknown")
    labels = [format_number(v, "persons", tx) + ("" if level == "unknown" or not known
                                                  else f" ({format_number(v / known * 100, '%', tx)})")
              for level, v in zip(EDUCATION_LEVELS, values)]
    persons = unit_text("persons", tx)
    bar = dict(type="bar", orientation="h", y=names, x=values, text=labels, textposition="outside",
               marker=dict(color=[LEVEL_COLOURS[lv] for lv in EDUCATION_LEVELS], line=dict(width=1, color="#1f2933")),
               hovertemplate=f"%{{y}}: %{{text}} {persons}<extra></extra>")
    bar["textfont"] = dict(size=13)
    layout = house_layout(title, source, height=420, tx=tx, title_width=title_width)
    _narrow_source(layout, source)
    # A two-line axis title: the source line moves down by one line to stay clear of it.
    layout["annotations"][-1]["yshift"] = -122
    layout["margin"]["b"] = 165
    layout["xaxis"].update(title=dict(text=wrap(tx("people.education_axis"), 30)), rangemode="tozero",
                           range=[0, max(v for v in values if pd.notna(v)) * 1.9], tickfont=dict(size=13))
    layout["yaxis"].update(autorange="reversed")
    return figure_from([bar], layout)


def education_mix_chart(frame: pd.DataFrame, *, title: str, source: str, tx: Texts | None = None):
    """Several countries' emigrants aged 25-64 by education level, each bar 100% (stacked), so that
    countries of different size compare; the tertiary share is the orange part's label."""
    tx = tx or english()
    frame = frame.sort_values("tertiary_share")
    countries = [tx.country(c) for c in frame["country"]]
    traces = []
    for level in EDUCATION_LEVELS:
        share = frame[level] / frame["total"] * 100
        name = _level_name(level, tx)
        traces.append(dict(type="bar", orientation="h", name=name, y=countries, x=share,
                           marker=dict(color=LEVEL_COLOURS[level], line=dict(width=1, color="#1f2933")),
                           customdata=[format_number(v, "persons", tx) for v in frame[level]],
                           hovertemplate=f"%{{y}}, {name}: %{{x:.1f}}{tx('numbers.percent', value='')}"
                                         " (%{customdata})<extra></extra>"))
    layout = house_layout(title, source, height=160 + 46 * max(len(frame), 3), tx=tx, showlegend=True)
    layout.update(barmode="stack", legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", traceorder="normal"))
    layout["xaxis"].update(title=dict(text=wrap(tx("people.education_mix_axis"), 30)), range=[0, 100],
                           ticksuffix=tx("numbers.percent", value=""))
    return figure_from(traces, layout)


def education_summary(frame: pd.DataFrame, tx: Texts | None = None) -> str:
    """Per country: the tertiary share and the number of emigrants aged 25-64 in OECD countries."""
    tx = tx or english()
    if frame.empty:
        return tx("compare.no_country_has_data")
    ordered = frame.sort_values("tertiary_share", ascending=False)
    return "; ".join(tx("people.education_alt", country=tx.country(r.country),
                        share=format_number(r.tertiary_share, "%", tx), total=format_number(r.total, "persons", tx))
                     for r in ordered.itertuples()) + "."
