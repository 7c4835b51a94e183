"""Whole chart 'scenes' (figure, table, source lines, text alternative), built once per view.

Building a map or a corridor deck copies its geometry several times inside plotly and pydeck;
memoised on the loaded dataset, a view that any session has already opened costs nothing again.
Pages and presenter slides both draw from here.
"""

from __future__ import annotations

import functools
import html
import uuid
from dataclasses import dataclass, field

import pandas as pd

from components import charts, indicator_facts, maps, people, profile, views
from components.corridors import corridor_deck, percent
from components.countries import REGION
from components.dataset import Dataset
from components.export import view_table
from components.formatting import source_line, source_name
from components.i18n import Texts, english
from components.indicator_facts import IndicatorFacts
from components.memo import per_dataset


@dataclass
class Scene:
    figure: object  # a plotly Figure or a pydeck Deck
    table: pd.DataFrame
    unit: str
    source_lines: list[str]
    alt: str
    notes: list[str] = field(default_factory=list)
    # The indicator's display facts as the chart shows them (None for a scene of several indicators).
    facts: IndicatorFacts | None = None
    # Identifies this built scene, so that its drawn chart can be replayed from Streamlit's cache.
    token: str = field(default_factory=lambda: uuid.uuid4().hex)


@per_dataset
def map_scene(data: Dataset, indicator: str, year: int, countries: tuple, view: str,
              tx: Texts | None = None, scale_years: tuple = ()) -> Scene:
    """The map page's scene in the reader's language (`tx` is part of the memo key).

    `scale_years` are the other years of a slide that plays the years: their values fix the
    shading classes, so that a colour means the same number in every year shown; such a map stays
    at country level."""
    tx = tx or english()
    facts, notes = indicator_facts.resolve(data, indicator, tx), []
    countries = countries or tuple(REGION)
    per_population = view == "per_population" and bool(facts.denominator)
    if view == "per_population" and not per_population:
        notes.append(tx("map.no_denominator", indicator=facts.label))
    frame, shown = _map_values(data, facts, year, countries, per_population)
    title = tx("map.figure_title_estimates" if facts.estimate_not_in_label else "map.figure_title",
               indicator=facts.label, year=year)
    regional = views.regional_values(data.observations, indicator, year)
    geometry = (maps.subnational_geometry(regional["region"], data.boundaries)
                if len(regional) and not scale_years else None)
    if geometry:
        name, collection = geometry
        notes.append(tx("map.subnational", boundaries=tx.get(f"map.boundaries.{name}", name)))
        names = {f["properties"]["code"]: f["properties"].get("name") for f in collection["features"]}
        figure = maps.choropleth(regional.rename(columns={"region": "code"}), collection, title=title, facts=shown,
                                 source=shown.credit(year), code_column="code", names=names,
                                 context_geojson=data.boundaries.get("region_countries"))
        table = regional
    else:
        anchors = [_class_anchors(_map_values(data, facts, other, countries, per_population)[0])
                   for other in scale_years]
        figure = maps.choropleth(pd.concat([frame, *anchors]), data.boundaries["region_countries"], title=title,
                                 facts=shown, source=shown.credit(year),
                                 context_geojson=data.boundaries["region_countries"])
        table = frame
    missing = frame[frame["value"].isna()]["country"].tolist()
    alt = tx("map.alt", indicator=facts.label, year=year)
    if missing:
        alt += " " + tx("map.alt_no_data", countries=", ".join(map(tx.country, missing)))
    return Scene(figure, view_table(table, indicator=indicator, unit=shown.unit, source=facts.source_line(), tx=tx),
                 shown.unit, [facts.source_line(year), facts.definition], alt, notes, facts=shown)


def _map_values(data: Dataset, facts: IndicatorFacts, year: int, countries: tuple,
                per_population: bool) -> tuple[pd.DataFrame, IndicatorFacts]:
    """The values to map and the facts they are shown with (per 1,000 residents: another unit)."""
    frame = views.map_values(data.observations, facts.id, year, countries)
    if per_population:
        frame, unit = views.per_population(frame, data.observations, facts.unit, facts.source_id)
        return frame, facts.per_unit(unit)
    return frame, facts


def _class_anchors(frame: pd.DataFrame) -> pd.DataFrame:
    """Another year's values under codes no boundary has: maps.choropleth draws its shading classes
    from the values it is given, and the anchors match no shape, so nothing more is drawn."""
    anchors = frame.dropna(subset=["value"])
    return anchors.assign(country=anchors["country"] + ":" + anchors["year"].astype(str))


# A corridor deck keeps its world map written out as JSON (about 0.3 MB), so fewer are kept.
@per_dataset(keep=32)
def corridor_scene(data: Dataset, indicator: str, origin: str, year: int,
                   tx: Texts | None = None) -> Scene | None:
    """The corridors page's scene in the reader's language (`tx` is part of the memo key)."""
    tx = tx or english()
    facts = indicator_facts.resolve(data, indicator, tx)
    partners = views.partners(data.observations, indicator, origin, year)
    if partners.empty:
        return None
    outward = facts.migration_type == "Emigration"
    deck = corridor_deck(partners, data.boundaries["world_countries"], origin=origin, unit=facts.unit,
                         year=year, reverse=not outward, tx=tx)
    deck.to_json()  # serialise once here, inside the memo, rather than on every rerun
    top = partners.head(10)
    largest = ", ".join(f"{tx.country(p)} ({percent(s, tx)})" for p, s in zip(top["partner"], top["share"]))
    alt = tx("corridors.alt", country=tx.country(origin), year=year, largest=largest)
    return Scene(deck, view_table(partners, indicator=indicator, unit=facts.unit, source=facts.source_line(), tx=tx),
                 facts.unit, [facts.source_line(year), facts.definition], alt, facts=facts)


@per_dataset
def multiples_scene(data: Dataset, countries: tuple, tx: Texts | None = None) -> Scene | None:
    """Compare's small multiples: each comparable indicator at its own latest year, so the scene
    depends on the countries and the language only, not on the year being compared."""
    tx = tx or english()
    panels = views.comparison_panels(data.observations, data.indicators, countries)
    if not panels:
        return None
    sources = [data.source(p["source_id"]) for p in panels]
    names = "; ".join(dict.fromkeys(source_name(s, tx) for s in sources))
    figure = charts.small_multiples(panels, title=tx("compare.multiples_title"),
                                    source=tx("compare.sources", names=names), tx=tx)
    table = pd.concat([view_table(p["frame"], indicator=p["indicator"], unit=p["unit"],
                                  source=source_line(s, tx=tx), tx=tx)
                       for p, s in zip(panels, sources)], ignore_index=True)
    # One line per source, naming the years of its panels (each panel is at its own latest year).
    periods: dict[str, list[str]] = {}
    for panel in panels:
        periods.setdefault(panel["source_id"], []).append(panel["period"])
    lines = [source_line(data.source(s), ", ".join(sorted(set(years))), tx) for s, years in periods.items()]
    return Scene(figure, table, "", lines, tx("compare.multiples_alt"))


@per_dataset
def education_scene(data: Dataset, countries: tuple, tx: Texts | None = None) -> Scene | None:
    """Compare's education of emigrants (DIOC): each chosen country's emigrants aged 25-64 in OECD
    countries by education level, as shares of 100, with the census round and coverage in the title."""
    tx = tx or english()
    frame = people.education_levels(data.observations, countries or tuple(REGION))
    if frame.empty:
        return None
    meta = data.indicator(people.EDUCATION_TOTAL)
    round_ = profile.period(pd.Series(meta), int(frame["year"].iloc[0]))
    # The rows name the DIOC round they come from; the chart credits that one.
    facts = indicator_facts.resolve(data, people.EDUCATION_TOTAL, tx,
                                    source_id=frame["source"].iloc[0] or meta["source_id"])
    figure = people.education_mix_chart(frame, title=tx("people.education_mix_title", period=round_),
                                        source=facts.credit(round_), tx=tx)
    table = view_table(frame.assign(period=round_), indicator=people.EDUCATION_TOTAL, unit="persons",
                       source=facts.source_line(), tx=tx)
    missing = [c for c in (countries or REGION) if c not in set(frame["country"])]
    notes = [tx("charts.no_data_for", countries=", ".join(map(tx.country, missing)))] if missing else []
    return Scene(figure, table, "persons", [facts.source_line(round_), tx.definition(people.TERTIARY_SHARE, "")],
                 people.education_summary(frame, tx), notes, facts=facts)


# A downloaded profile keeps its offline page (plotly.js inline, about 5 MB), so fewer are kept.
@per_dataset(keep=16)
def profile_scene(data: Dataset, country: str, tx: Texts | None = None, age_year: int | None = None) -> tuple:
    """(facts, sentences, charts, offline HTML writer) for one country, in the reader's language.

    The charts end with 'who the migrants are' (each has a "kind": women, pyramid, education); the
    pyramid shows `age_year`, or the newest year with ages when it is None or not published.

    The offline page is most of a new profile's cost (plotly writes every chart to HTML), so it
    is written when someone downloads it, once, and kept with the scene.

    `tx` is part of the memo key (Texts hash by language), so each language is built once."""
    facts = profile.build_profile(data.observations, data.indicators, country)
    said = profile.sentences(facts, tx)
    charts = profile.figures(facts, data.observations, data.indicators, data.sources, tx)
    charts += profile.people_figures(facts, data.observations, data.indicators, data.sources, tx, age_year)
    for chart in charts:
        # A token lets the page replay each drawn chart (components/chart_ui.py) instead of writing it out again.
        chart.update(source_line=source_line(data.source(chart["source_id"]), chart["years"], tx=tx),
                     token=uuid.uuid4().hex)
    offline_page = functools.cache(lambda: _offline_profile(data, facts, said, charts, tx))
    return facts, said, charts, offline_page


def _offline_profile(data: Dataset, facts: profile.Profile, said: list[str], charts: list[dict], tx: Texts) -> str:
    """The profile's offline page, with the cards of the country's three largest corridors at its end."""
    # Imported here: the corridor cards' scenes are built on this module's Scene.
    from components import circular_scenes, corridor_card

    destinations = corridor_card.largest_corridors(data.observations, data.indicators, facts.country, count=3)
    cards = "".join(circular_scenes.card_html(data, facts.country, destination, tx) for destination in destinations)
    if cards:
        cards = f"<h2>{html.escape(tx('corridor_card.profile_html_heading'))}</h2>{cards}"
    card_sources = tuple(dict.fromkeys(
        source for destination in destinations
        for source in circular_scenes.card_scenes(data, facts.country, destination, tx)["table"]["source"]))
    entries = data.actors[data.actors["country"] == facts.country]
    return profile.profile_html(facts, said, charts, data.sources, tx, actor_entries=entries,
                                appendix=cards, appendix_sources=card_sources)
