"""Country profile: key facts, plain-language sentences generated from them, and an offline HTML file."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from components import actors, alt_text, charts, indicator_facts, people, views
from components.catalogue import in_role_order, profile_facts
from components.countries import KOSOVO
from components.formatting import format_number, short_source
from components.i18n import Texts, english
from components.trend_chart import PERIOD_BASIS, trend, year_span


@dataclass
class Profile:
    country: str
    facts: dict[str, dict] = field(default_factory=dict)  # fact -> {value, year, unit, source_id}
    destinations: pd.DataFrame = field(default_factory=pd.DataFrame)
    origins: pd.DataFrame = field(default_factory=pd.DataFrame)


def build_profile(observations: pd.DataFrame, indicators: pd.DataFrame, country: str) -> Profile:
    catalogue = indicators.set_index("id")
    profile = Profile(country)
    for fact, indicator in profile_facts(indicators).items():  # the catalogue's profile_fact column
        rows = views.country_totals(observations, indicator, [country])
        if rows.empty or indicator not in catalogue.index:
            continue
        latest = rows.iloc[-1]
        profile.facts[fact] = {"value": float(latest["value"]), "year": int(latest["year"]),
                               "period": period(catalogue.loc[indicator], int(latest["year"])),
                               "unit": catalogue.at[indicator, "unit"], "indicator": indicator,
                               "source_id": latest["source"] or catalogue.at[indicator, "source_id"]}
    stock_year = profile.facts.get("emigrants", {}).get("year")
    if stock_year:
        profile.destinations = views.partners(observations, "emigrant_stock", country, stock_year).head(10)
    origin_year = profile.facts.get("immigrants", {}).get("year")
    if origin_year:
        profile.origins = views.partners(observations, "immigrant_stock", country, origin_year).head(10)
    return profile


def period(meta: pd.Series, year: int) -> str:
    """The year as the source means it: DIOC's census round '2015/16' is filed under 2015, and a
    five-year flow under its period's last year (2020 is '2015–2020', as the charts' axes say)."""
    if str(meta.get("time_basis", "")).startswith("census round") and meta.get("edition"):
        return str(meta["edition"])
    if meta.get("time_basis") == PERIOD_BASIS:
        return f"{year - 5}–{year}"
    return str(year)


def _list(frame: pd.DataFrame, tx: Texts, count: int = 3) -> str:
    parts = [tx("profile.sentences.list_item", country=tx.country(r.partner),
                number=format_number(r.value, "persons", tx)) for r in frame.head(count).itertuples()]
    if len(parts) > 1:
        return tx("profile.sentences.list_last", items=", ".join(parts[:-1]), last=parts[-1])
    return "".join(parts)


def country_forms(country: str, tx: Texts | None = None) -> dict[str, str]:
    """The country's name as each sentence needs it: 'Albania', 'in Albania', 'of Albania'.

    Serbian and Albanian decline names ('u Albaniji', 'në Shqipëri'), so the region's countries
    have their phrases written out per language; any other country uses a neutral wording.
    """
    tx = tx or english()
    name = tx.country(country)
    return {"country": name,
            "in_country": tx.get(f"profile.country_in.{country}") or tx("profile.forms.in_other", country=name),
            "of_country": tx.get(f"profile.country_of.{country}") or tx("profile.forms.of_other", country=name)}


def _percent(value: float, tx: Texts) -> str:
    return tx("numbers.percent", value=tx.number(value, 1))


def sentences(profile: Profile, tx: Texts | None = None) -> list[str]:
    """Short sentences written from the figures, never typed in; a missing figure is said to be missing.

    Each sentence is one whole template per language (with or without its optional parts), so that
    word order and grammar are the translator's, not glued together here.
    """
    tx = tx or english()
    forms, facts, said = country_forms(profile.country, tx), profile.facts, []
    if "emigrants" in facts:
        e = facts["emigrants"]
        params = dict(year=e["year"], number=format_number(e["value"], "persons", tx), in_country=forms["in_country"])
        variant = "emigrants"
        if "share_abroad" in facts:
            variant += "_share"
            params["share"] = _percent(facts["share_abroad"]["value"], tx)
        if len(profile.destinations):
            variant += "_destinations"
            params["destinations"] = _list(profile.destinations, tx)
        said.append(tx(f"profile.sentences.{variant}", **params))
    elif profile.country == KOSOVO:
        said.append(tx("profile.sentences.kosovo_in_serbia"))
    if "immigrants" in facts:
        i = facts["immigrants"]
        params = dict(year=i["year"], number=format_number(i["value"], "persons", tx), in_country=forms["in_country"])
        if len(profile.origins):
            said.append(tx("profile.sentences.immigrants_origins", origins=_list(profile.origins, tx), **params))
        else:
            said.append(tx("profile.sentences.immigrants", **params))
    if "net_migration" in facts:
        n = facts["net_migration"]
        params = dict(year=n["year"], number=format_number(n["value"], "persons", tx))
        if n["value"] < 0:
            said.append(tx("profile.sentences.net_migration_negative", **params))
        else:
            said.append(tx("profile.sentences.net_migration_positive", **params))
    if "remittances_usd" in facts:
        r = facts["remittances_usd"]
        params = dict(year=r["year"], amount=format_number(r["value"], r["unit"], tx))
        if "remittances_gdp" in facts and facts["remittances_gdp"]["year"] == r["year"]:
            said.append(tx("profile.sentences.remittances_gdp", share=_percent(facts["remittances_gdp"]["value"], tx),
                           **params))
        else:
            said.append(tx("profile.sentences.remittances", **params))
    if "returns" in facts:
        t = facts["returns"]
        said.append(tx("profile.sentences.returns", number=format_number(t["value"], "persons", tx),
                       in_country=forms["in_country"], start=t["year"] - 5, end=t["year"]))
    if "returning_nationals" in facts:
        n = facts["returning_nationals"]
        said.append(tx("profile.sentences.returning_nationals", year=n["year"],
                       number=format_number(n["value"], "persons", tx), of_country=forms["of_country"]))
    for fact in ("women_emigrants", "women_immigrants"):
        if fact in facts:
            said.append(tx(f"profile.sentences.{fact}", year=facts[fact]["year"],
                           share=_percent(facts[fact]["value"], tx), in_country=forms["in_country"]))
    if "tertiary_share" in facts and "oecd_emigrants" in facts:
        t, e = facts["tertiary_share"], facts["oecd_emigrants"]
        said.append(tx("profile.sentences.tertiary_share", period=t["period"], share=_percent(t["value"], tx),
                       number=format_number(e["value"], "persons", tx), in_country=forms["in_country"]))
    if not said:
        said.append(tx("profile.sentences.no_figures", country=forms["country"]))
    return said


def sources_by_id(sources: pd.DataFrame) -> dict[str, dict]:
    """The source catalogue's rows by id, each row keeping its id: the credit and the source line look
    their words up in the reader's language by that id ([source_names] …), so a row without it reads English."""
    return {row["id"]: row for row in sources.to_dict("records")}


def figures(profile: Profile, observations: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame,
            tx: Texts | None = None) -> list[dict]:
    """The profile's charts, each with its source id, the years it shows (for its source line), the table
    behind it and its text alternative."""
    tx = tx or english()
    catalogue = indicators.set_index("id")
    source_of = sources_by_id(sources)
    name = tx.country(profile.country)
    result = []
    for indicator in in_role_order(indicators, "profile_chart_order"):  # also a profile slide's charts
        rows = views.country_totals(observations, indicator, [profile.country])
        if rows.empty or indicator not in catalogue.index:
            continue
        meta = catalogue.loc[indicator]
        facts = indicator_facts.from_rows(indicator, meta, meta["source_id"], source_of.get(meta["source_id"], {}), tx)
        span = year_span(rows["year"], facts.time_basis)
        figure = trend(rows, title=tx("profile.chart_title", indicator=facts.label, country=name),
                       unit=facts.unit, unit_label=facts.unit_text, source=facts.credit(span),
                       time_basis=facts.time_basis, estimate=facts.estimate, tx=tx,
                       title_width=34)  # two charts side by side
        result.append({"figure": figure, "source_id": facts.source_id, "years": span,
                       "table": rows.assign(indicator=indicator, unit=facts.unit).rename(columns={"source": "source_id"}),
                       "alt": alt_text.trend_summary(rows, facts.label, facts.unit, tx)})
    if len(profile.destinations):
        year = profile.facts["emigrants"]["year"]
        frame = profile.destinations[["partner", "share"]].rename(columns={"partner": "country", "share": "value"})
        # The partner rows name their edition; the chart credits that one, not a fixed one.
        source_id = profile.destinations["source"].iloc[0] or catalogue.at["emigrant_stock", "source_id"]
        figure = charts.ranked_bars(frame, title=tx("profile.destinations_title", country=name, year=year),
                                    unit="% of emigrants",
                                    source=short_source(source_of.get(source_id, {}), year, tx), tx=tx)
        result.append({"figure": figure, "source_id": source_id, "years": year,
                       "table": profile.destinations.assign(indicator="emigrant_stock", year=year)
                       .rename(columns={"source": "source_id"}),
                       "alt": alt_text.ranking_summary(frame, "% of emigrants", tx)})
    return result


def actors_table(entries: pd.DataFrame, tx: Texts | None = None) -> pd.DataFrame:
    """One country's actors as the profile lists them: name (the index), kind, place and period,
    headed and worded in the reader's language; the page and the offline file show the same."""
    tx = tx or english()
    table = entries.assign(place=entries["place"].replace("", tx("profile.actors.whole_country")),
                           kind=[actors.kind_label(kind, tx) for kind in entries["kind"]])
    table = table.set_index("name")[["kind", "place", "period"]]
    table.index.name = tx("profile.actors.name")
    return table.rename(columns={"kind": tx("profile.actors.kind"), "place": tx("profile.actors.place"),
                                 "period": tx("profile.actors.period")})


def _actors_html(country: str, entries: pd.DataFrame, tx: Texts) -> str:
    heading = f"<h2>{html.escape(tx('profile.actors.heading', country=tx.country(country)))}</h2>"
    if entries.empty:
        # The page's Markdown (**Actors**) as HTML.
        text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>",
                      html.escape(tx("profile.actors.none", page=tx("nav.actors"))))
        return f"{heading}<p>{text}</p>"
    return heading + actors_table(entries, tx).reset_index().to_html(index=False, border=0, classes="actors")


def people_figures(profile: Profile, observations: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame,
                   tx: Texts | None = None, age_year: int | None = None) -> list[dict]:
    """'Who the migrants are': women's share, immigrants' ages by sex (in `age_year`, else the newest
    year with ages) and emigrants' education. A chart the data cannot draw is left out; the page says why."""
    tx = tx or english()
    catalogue = indicators.set_index("id")
    source_of = sources_by_id(sources)
    name, country, result = tx.country(profile.country), profile.country, []
    women = people.women_shares(observations, country)
    if len(women):
        source_id = women["source"].iloc[0] or catalogue.at[people.WOMEN_SHARES[0], "source_id"]
        span = year_span(women["year"])
        figure = people.women_share_chart(women, title=tx("people.women_title", country=name),
                                          source=short_source(source_of.get(source_id, {}), span, tx), tx=tx)
        result.append({"figure": figure, "source_id": source_id, "kind": "women", "years": span,
                       "table": women.assign(unit="%").rename(columns={"source": "source_id"}), "alt": people.women_share_summary(women, tx)})
    years = people.age_years(observations, country)
    if years:
        year = age_year if age_year in years else years[-1]
        pyramid = people.pyramid_frame(observations, country, year)
        source_id = pyramid["source"].iloc[0] or catalogue.at[people.AGE_INDICATOR, "source_id"]
        figure = people.pyramid_chart(pyramid, title=tx("people.pyramid_title", country=name, year=year),
                                      source=short_source(source_of.get(source_id, {}), year, tx), tx=tx)
        result.append({"figure": figure, "source_id": source_id, "kind": "pyramid", "year": year, "years": year,
                       "table": pyramid.assign(country=country, year=year, indicator=people.AGE_INDICATOR,
                                               unit="persons").rename(columns={"source": "source_id"}),
                       "alt": people.pyramid_summary(pyramid, tx)})
    education = people.education_levels(observations, [country])
    if len(education):
        row = education.iloc[0]
        source_id = row["source"] or catalogue.at[people.EDUCATION_TOTAL, "source_id"]
        round_ = period(catalogue.loc[people.EDUCATION_TOTAL], int(row["year"]))
        figure = people.education_chart(row, title=tx("people.education_title", country=name, period=round_),
                                        source=short_source(source_of.get(source_id, {}), round_, tx), tx=tx)
        result.append({"figure": figure, "source_id": source_id, "kind": "education", "period": round_, "years": round_,
                       "table": education.assign(indicator=people.EDUCATION_TOTAL, unit="persons", period=round_)
                       .rename(columns={"source": "source_id"}),
                       "alt": people.education_summary(education, tx)})
    return result


def profile_html(profile: Profile, said: list[str], charts_with_sources: list[dict],
                 sources: pd.DataFrame, tx: Texts | None = None, actor_entries: pd.DataFrame | None = None, *,
                 appendix: str = "", appendix_sources: tuple[str, ...] = ()) -> str:
    """One self-contained HTML file in the reader's language: plotly.js is inlined once, so it opens offline.

    Like the page, it gives each chart's summary in words (its text alternative) and, when
    `actor_entries` (the country's rows of the actors file) are given, the list of actors.
    `appendix` is more HTML for the end of the page (the corridor cards), whose charts use the same
    plotly.js; `appendix_sources` are the sources it cites."""
    tx = tx or english()
    source_of = sources_by_id(sources)
    # plotly.js goes in once, ahead of the charts, so that the file opens offline.
    parts = [_plotly_js()] if charts_with_sources or appendix else []
    parts += ["<figure>" + chart["figure"].to_html(full_html=False, include_plotlyjs=False)
              + (f"<figcaption>{html.escape(chart['alt'])}</figcaption>" if chart.get("alt") else "")
              + "</figure>" for chart in charts_with_sources]
    if actor_entries is not None:
        parts.append(_actors_html(profile.country, actor_entries, tx))
    parts.append(appendix)
    used = dict.fromkeys(chart["source_id"] for chart in charts_with_sources)
    used.update(dict.fromkeys(f["source_id"] for f in profile.facts.values()))
    used.update(dict.fromkeys(appendix_sources))
    # Publishers' citations and licences are proper names: they stay as published.
    credits = "".join("<li>" + html.escape(tx("profile.html.credit", credit=source_of[s]["credit"],
                                              licence=source_of[s]["licence"])) + "</li>"
                      for s in used if s in source_of)
    title = html.escape(tx("profile.title", country=tx.country(profile.country)))
    body = "".join(f"<p>{html.escape(s)}</p>" for s in said)
    return (f"<!DOCTYPE html><html lang='{tx.code}'><head><meta charset='utf-8'><title>{title}</title>"
            "<style>body{font-family:Arial,sans-serif;max-width:1100px;margin:2em auto;color:#1f2933}"
            "p{font-size:1.15em;line-height:1.5}small{color:#52606d}figure{margin:1.5em 0}"
            "figcaption{font-size:1.05em;color:#3e4c59}table.actors{border-collapse:collapse;font-size:1.05em}"
            "table.actors th,table.actors td{text-align:left;padding:.3em .8em;border-bottom:1px solid #cbd2d9}"
            "</style></head><body>"
            f"<h1>{title}</h1>{body}{''.join(parts)}"
            f"<h2>{html.escape(tx('profile.html.sources'))}</h2><ul>{credits}</ul>"
            f"<p><small>{html.escape(tx('countries.kosovo_footnote'))}</small></p></body></html>")


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    """plotly.js (4.8 MB) as inline scripts, like plotly's to_html(include_plotlyjs="inline") writes it;
    read from disk once rather than for every new profile."""
    from plotly.offline import get_plotlyjs

    return f"<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script><script>{get_plotlyjs()}</script>"
