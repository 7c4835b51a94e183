"""Scenes (figure, table, source lines, text alternative) of the circular-migration page and the
corridor cards, built once per dataset, country (or pair) and language; pages and slides share them."""

from __future__ import annotations

import html

import pandas as pd

from components import circular, corridor_card, indicator_facts, views
from components.charts import wrap
from components.circular_charts import leaving_and_returning, level_bars, lines, period_label, ratio_bars
from components.dataset import Dataset
from components.export import view_table
from components.formatting import dated_credit, format_number, source_line, source_name
from components.indicator_facts import IndicatorFacts
from components.i18n import Texts, english
from components.memo import per_dataset
from components.scenes import Scene

EDITION_STYLES = {0: dict(colour="#0072B2", dash="solid", symbol="circle"),
                  1: dict(colour="#D55E00", dash="dash", symbol="square"),
                  2: dict(colour="#009E73", dash="dot", symbol="diamond")}


def _scene(figure, frame: pd.DataFrame, facts: IndicatorFacts, unit: str, years, alt: str) -> Scene:
    if "source" not in frame:
        # Ratios and rankings are computed from the indicator's rows, all from its one source.
        frame = frame.assign(source=facts.source_id)
    table = view_table(frame, indicator=facts.id, unit=unit, source=facts.source_line(), tx=facts.tx)
    if "indicator" in frame:
        # One line per edition (the corridor card's stock): each row keeps its own edition's id.
        table["indicator"] = frame["indicator"].to_numpy()
    return Scene(figure, table, unit, [facts.source_line(years), facts.definition], alt, facts=facts)


def _span(years: pd.Series) -> str:
    low, high = int(years.min()), int(years.max())
    return str(low) if low == high else f"{low}–{high}"


@per_dataset
def flows_scene(data: Dataset, country: str, tx: Texts | None = None) -> Scene | None:
    """People born in the country leaving it and coming back, per period, with the return ratio."""
    tx = tx or english()
    ratios = circular.return_ratios(data.observations, [country])
    if ratios.empty:
        return None
    periods = f"{period_label(ratios['year'].min())} … {period_label(ratios['year'].max())}"
    facts = indicator_facts.resolve(data, circular.RETURNS, tx)
    figure = leaving_and_returning(
        ratios, title=tx("trends.modelled_title", title=tx("circular.flows_title", country=tx.country(country))),
        source=facts.credit(periods), leaving=tx("circular.leaving"),
        returning=tx("circular.returning"), ratio_label="circular.ratio_tick", tx=tx)
    alt = " ".join(circular.ratio_sentence(row, tx) for row in ratios.to_dict("records"))
    return _scene(figure, ratios, facts, "persons per five years", periods, alt)


@per_dataset
def ranking_scene(data: Dataset, year: int, country: str, tx: Texts | None = None) -> Scene | None:
    tx = tx or english()
    ranked = circular.ranking(data.observations, year)
    if ranked["ratio"].dropna().empty:
        return None
    period = period_label(year)
    facts = indicator_facts.resolve(data, circular.RETURNS, tx)
    figure = ratio_bars(ranked, title=tx("circular.ranking_title", period=period),
                        source=facts.credit(period), highlight=country, tx=tx)
    present = ranked.dropna(subset=["ratio"])
    alt = tx("compare.ranking", ranking=", ".join(f"{int(r)}. {tx.country(c)} ({tx.number(v, 2)})" for r, c, v in
                                                    zip(present["rank"], present["country"], present["ratio"])))
    return _scene(figure, ranked, facts, "returns per departure", period, alt)


def _series_scene(facts: IndicatorFacts, frame: pd.DataFrame, series: str, names: dict, title: str,
                  styles: dict | None = None) -> Scene | None:
    if frame.empty:
        return None
    tx, span = facts.tx, _span(frame["year"])
    figure = lines(frame, series=series, names=names, title=title, source=facts.credit(span),
                   unit=facts.unit, tx=tx, styles=styles)
    alt = "; ".join(tx("trends.alt_series", country=names.get(key, key),
                       first=facts.number(rows["value"].iloc[0]), first_year=int(rows["year"].iloc[0]),
                       last=facts.number(rows["value"].iloc[-1]), last_year=int(rows["year"].iloc[-1]))
                    for key, rows in frame.sort_values("year").groupby(series, sort=False))
    return _scene(figure, frame, facts, facts.unit, span, alt)


@per_dataset
def returning_scene(data: Dataset, country: str, tx: Texts | None = None) -> Scene | None:
    tx = tx or english()
    rows = views.country_totals(data.observations, circular.RETURNING_NATIONALS, [country])
    return _series_scene(indicator_facts.resolve(data, circular.RETURNING_NATIONALS, tx), rows.dropna(subset=["value"]),
                         "country", {country: tx.country(country)},
                         tx("circular.returning_title", country=tx.country(country)))


@per_dataset
def permits_scene(data: Dataset, country: str, tx: Texts | None = None) -> Scene | None:
    tx = tx or english()
    frame = circular.permits_by_destination(data.observations, country)
    names = {p: tx.country(p) for p in frame["partner"].unique()} if len(frame) else {}
    scene = _series_scene(indicator_facts.resolve(data, circular.PERMITS_ABROAD, tx), frame.assign(country=country),
                          "partner", names, tx("circular.permits_title", country=tx.country(country)))
    return scene


@per_dataset
def remittances_scenes(data: Dataset, country: str, tx: Texts | None = None) -> list[Scene]:
    tx = tx or english()
    scenes = []
    for indicator in (circular.REMITTANCES_USD, circular.REMITTANCES_GDP):
        rows = views.country_totals(data.observations, indicator, [country]).dropna(subset=["value"])
        facts = indicator_facts.resolve(data, indicator, tx)
        scene = _series_scene(facts, rows, "country", {country: facts.label},
                              tx("circular.remittances_title", indicator=facts.label, country=tx.country(country)))
        if scene:
            scenes.append(scene)
    return scenes


@per_dataset
def education_scene(data: Dataset, country: str, tx: Texts | None = None) -> Scene | None:
    tx = tx or english()
    frame = circular.education(data.observations, country)
    if frame.empty:
        return None
    year = "2015/16"
    labels = {i: tx(f"circular.education.{i.removeprefix('oecd_emigrants_25_64_')}") for i in circular.EDUCATION_LEVELS}
    facts = indicator_facts.resolve(data, circular.EDUCATION_LEVELS[0], tx)
    figure = level_bars(frame, labels=labels, title=tx("circular.education_title", country=tx.country(country)),
                        source=facts.credit(year), unit="persons", tx=tx)
    alt = "; ".join(f"{labels[i]}: {format_number(v, 'persons', tx)}" for i, v in zip(frame["indicator"], frame["value"]))
    return _scene(figure, frame, facts, "persons", year, alt)


@per_dataset
def page_sentences(data: Dataset, country: str, year: int | None, tx: Texts | None = None) -> list[dict]:
    """The page's sentences, each with 'estimate'/'observed' and its source and edition said."""
    tx = tx or english()
    said = circular.sentences(data.observations, country, year, tx)
    for item in said:
        source = data.source(data.indicator(item["indicator"]).get("source_id", "")) if item["indicator"] else {}
        item["provenance"] = circular.provenance(item["kind"], source, tx)
    return said


# --- corridor cards --------------------------------------------------------------------------------

@per_dataset
def card_scenes(data: Dataset, origin: str, destination: str, tx: Texts | None = None) -> dict:
    """{card, sentences, stock, flows, permits, table}: the scenes are None where the data has nothing."""
    tx = tx or english()
    card = corridor_card.build_card(data.observations, data.indicators, origin, destination)
    names = dict(origin=tx.country(origin), destination=tx.country(destination))
    said = corridor_card.sentences(card, tx)
    for item in said:
        source = data.source(data.indicator(item["indicator"]).get("source_id", "")) if item["indicator"] else {}
        item["provenance"] = circular.provenance(item["kind"], source, tx)
    stock = None
    if not card.stock.empty:
        editions = list(dict.fromkeys(card.stock["edition"]))
        labels = {e: tx("corridor_card.edition", edition=e) for e in editions}
        styles = {e: EDITION_STYLES[i % len(EDITION_STYLES)] for i, e in enumerate(editions)}
        stock = _series_scene(indicator_facts.resolve(data, card.stock["indicator"].iloc[0], tx), card.stock, "edition",
                              labels, tx("corridor_card.stock_title", **names), styles)
        # Each edition is credited with the years it gives, not the card's span: the 2020 edition ends in 2020.
        spans = {data.indicator(indicator)["source_id"]: _span(rows["year"])
                 for indicator, rows in card.stock.groupby("indicator", sort=False)}
        stock.source_lines = ([source_line(data.source(s), span, tx) for s, span in spans.items()]
                              + stock.source_lines[1:])
        credits = "; ".join(dated_credit(source_name(data.source(s), tx), span) for s, span in spans.items())
        stock.figure.layout.annotations[-1].text = wrap(tx("sources.short", name=credits))
        # The download's rows likewise: each row's source line is its own edition's.
        lines = {s: source_line(data.source(s), tx=tx) for s in dict.fromkeys(stock.table["source_id"])}
        stock.table["source"] = stock.table["source_id"].map(lines)
        stock.notes.append(tx("corridor_card.editions_note"))
    flows = None
    if not card.flows.empty:
        wide = card.flows.pivot_table(index="year", columns="indicator", values="value").reset_index()
        wide = wide.rename(columns={circular.OUTFLOW: "outflow", circular.RETURNS: "returns"})
        for column in ("outflow", "returns"):
            if column not in wide:
                wide[column] = float("nan")
        span = f"{period_label(wide['year'].min())} … {period_label(wide['year'].max())}"
        facts = indicator_facts.resolve(data, circular.RETURNS, tx)
        figure = leaving_and_returning(wide, title=tx("trends.modelled_title", title=tx("corridor_card.flows_title", **names)),
                                       source=facts.credit(span),
                                       leaving=tx("corridor_card.leaving", **names),
                                       returning=tx("corridor_card.returning", **names), tx=tx)
        alt = " ".join(item["text"] for item in said if item["indicator"] == circular.OUTFLOW) or span
        flows = _scene(figure, card.flows.assign(country=origin, partner=destination), facts,
                       "persons per five years", span, alt)
    permits = None
    if not card.permits.empty:
        permits = _series_scene(indicator_facts.resolve(data, circular.PERMITS_ABROAD, tx),
                                card.permits.assign(partner=destination), "partner",
                                {destination: tx.country(destination)}, tx("corridor_card.permits_title", **names))
    table = corridor_card.card_table(card, data.indicators)
    return {"card": card, "sentences": said, "stock": stock, "flows": flows, "permits": permits, "table": table}


def card_html(data: Dataset, origin: str, destination: str, tx: Texts | None = None) -> str:
    """A card as a section of an offline HTML page (plotly.js must be on the page already)."""
    tx = tx or english()
    built = card_scenes(data, origin, destination, tx)
    title = html.escape(tx("corridor_card.title", origin=tx.country(origin), destination=tx.country(destination)))
    parts = [f"<section class='corridor-card'><h2>{title}</h2>"]
    for item in built["sentences"]:
        note = f" <small>({html.escape(item['provenance'])})</small>" if item["provenance"] else ""
        parts.append(f"<p>{html.escape(item['text'])}{note}</p>")
    for name in ("stock", "flows", "permits"):
        scene = built[name]
        if scene is not None:
            parts.append(scene.figure.to_html(full_html=False, include_plotlyjs=False))
            parts.append(f"<p><small>{html.escape(scene.source_lines[0])}</small></p>")
    parts.append("</section>")
    return "".join(parts)
