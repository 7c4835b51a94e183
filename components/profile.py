"""Country profile: key facts, plain-language sentences generated from them, and an offline HTML file."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from components import charts, views
from components.countries import KOSOVO, KOSOVO_FOOTNOTE, country_name
from components.formatting import format_number, short_source
from components.trend_chart import trend

FACTS = {
    # fact name -> indicator; each fact is the latest country total
    "emigrants": "emigrant_stock", "share_abroad": "share_of_native_born_abroad",
    "immigrants": "immigrant_stock", "population": "population", "net_migration": "net_migration",
    "remittances_usd": "remittances_usd", "remittances_gdp": "remittances_pct_gdp",
    "returns": "return_flow_5yr", "returning_nationals": "returning_nationals",
}


@dataclass
class Profile:
    country: str
    facts: dict[str, dict] = field(default_factory=dict)  # fact -> {value, year, unit, source_id}
    destinations: pd.DataFrame = field(default_factory=pd.DataFrame)
    origins: pd.DataFrame = field(default_factory=pd.DataFrame)


def build_profile(observations: pd.DataFrame, indicators: pd.DataFrame, country: str) -> Profile:
    catalogue = indicators.set_index("id")
    profile = Profile(country)
    for fact, indicator in FACTS.items():
        rows = views.country_totals(observations, indicator, [country])
        if rows.empty or indicator not in catalogue.index:
            continue
        latest = rows.iloc[-1]
        profile.facts[fact] = {"value": float(latest["value"]), "year": int(latest["year"]),
                               "unit": catalogue.at[indicator, "unit"], "indicator": indicator,
                               "source_id": latest["source"] or catalogue.at[indicator, "source_id"]}
    stock_year = profile.facts.get("emigrants", {}).get("year")
    if stock_year:
        profile.destinations = views.partners(observations, "emigrant_stock", country, stock_year).head(10)
    origin_year = profile.facts.get("immigrants", {}).get("year")
    if origin_year:
        profile.origins = views.partners(observations, "immigrant_stock", country, origin_year).head(10)
    return profile


def _list(frame: pd.DataFrame, count: int = 3) -> str:
    parts = [f"{country_name(r.partner)} ({format_number(r.value, 'persons')})" for r in frame.head(count).itertuples()]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)


def sentences(profile: Profile) -> list[str]:
    """Short sentences written from the figures, never typed in; a missing figure is said to be missing."""
    name, facts, said = country_name(profile.country), profile.facts, []
    if "emigrants" in facts:
        e = facts["emigrants"]
        text = f"In {e['year']}, {format_number(e['value'], 'persons')} people born in {name} lived abroad"
        if "share_abroad" in facts:
            text += f", {facts['share_abroad']['value']:.1f}% of everyone born there"
        if len(profile.destinations):
            text += f"; the largest groups were in {_list(profile.destinations)}"
        said.append(text + ".")
    elif profile.country == KOSOVO:
        said.append("UN DESA counts Kosovo inside Serbia, so there is no separate figure for people "
                    "born in Kosovo who live abroad.")
    if "immigrants" in facts:
        i = facts["immigrants"]
        text = f"In {i['year']}, {format_number(i['value'], 'persons')} people born abroad lived in {name}"
        if len(profile.origins):
            text += f"; most were born in {_list(profile.origins)}"
        said.append(text + ".")
    if "net_migration" in facts:
        n = facts["net_migration"]
        direction = "more people left than arrived" if n["value"] < 0 else "more people arrived than left"
        said.append(f"Net migration in {n['year']} was {format_number(n['value'], 'persons')} "
                    f"({direction}; a UN population estimate).")
    if "remittances_usd" in facts:
        r = facts["remittances_usd"]
        text = f"People abroad sent home {format_number(r['value'], r['unit'])} in {r['year']}"
        if "remittances_gdp" in facts and facts["remittances_gdp"]["year"] == r["year"]:
            text += f", {facts['remittances_gdp']['value']:.1f}% of GDP"
        said.append(text + ".")
    if "returns" in facts:
        t = facts["returns"]
        said.append(f"An estimated {format_number(t['value'], 'persons')} people born in {name} moved back "
                    f"between {t['year'] - 5} and {t['year']} (a modelled estimate).")
    if "returning_nationals" in facts:
        n = facts["returning_nationals"]
        said.append(f"In {n['year']}, {format_number(n['value'], 'persons')} citizens of {name} immigrated "
                    "into their own country (Eurostat).")
    if not said:
        said.append(f"The loaded sources hold no migration figures for {name}.")
    return said


def figures(profile: Profile, observations: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame) -> list[dict]:
    """The profile's charts, each with its source id and the table behind it."""
    catalogue = indicators.set_index("id")
    source_of = sources.set_index("id").to_dict("index")
    result = []
    for indicator in ("emigrant_stock", "remittances_pct_gdp", "return_flow_5yr", "net_migration"):
        rows = views.country_totals(observations, indicator, [profile.country])
        if rows.empty or indicator not in catalogue.index:
            continue
        meta = catalogue.loc[indicator]
        span = f"{rows['year'].min()}–{rows['year'].max()}"
        source = short_source(source_of.get(meta["source_id"], {}), span)
        figure = trend(rows, title=f"{meta['label']}, {country_name(profile.country)}", unit=meta["unit"],
                       source=source, time_basis=meta["time_basis"], estimate=meta["estimate"] == "yes")
        result.append({"figure": figure, "source_id": meta["source_id"],
                       "table": rows.assign(indicator=indicator, unit=meta["unit"])})
    if len(profile.destinations):
        year = profile.facts["emigrants"]["year"]
        frame = profile.destinations[["partner", "share"]].rename(columns={"partner": "country", "share": "value"})
        figure = charts.ranked_bars(frame, title=f"Where emigrants from {country_name(profile.country)} live, {year}",
                                    unit="% of emigrants", source=short_source(source_of.get("un_desa_ims2020", {}), year))
        result.append({"figure": figure, "source_id": "un_desa_ims2020",
                       "table": profile.destinations.assign(indicator="emigrant_stock", year=year)})
    return result


def profile_html(profile: Profile, said: list[str], charts_with_sources: list[dict],
                 sources: pd.DataFrame) -> str:
    """One self-contained HTML file: plotly.js is inlined once, so it opens offline."""
    source_of = sources.set_index("id").to_dict("index")
    parts, first = [], True
    for chart in charts_with_sources:
        parts.append(chart["figure"].to_html(full_html=False, include_plotlyjs="inline" if first else False))
        first = False
    used = dict.fromkeys(chart["source_id"] for chart in charts_with_sources)
    used.update(dict.fromkeys(f["source_id"] for f in profile.facts.values()))
    credits = "".join(f"<li>{html.escape(source_of[s]['credit'])} Licence: {html.escape(source_of[s]['licence'])}.</li>"
                      for s in used if s in source_of)
    name = html.escape(country_name(profile.country))
    body = "".join(f"<p>{html.escape(s)}</p>" for s in said)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Migration profile: {name}</title>"
            "<style>body{font-family:Arial,sans-serif;max-width:1100px;margin:2em auto;color:#1f2933}"
            "p{font-size:1.15em;line-height:1.5}small{color:#52606d}</style></head><body>"
            f"<h1>Migration profile: {name}</h1>{body}{''.join(parts)}<h2>Sources</h2><ul>{credits}</ul>"
            f"<p><small>{html.escape(KOSOVO_FOOTNOTE)}</small></p></body></html>")
