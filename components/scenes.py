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

from components import charts, maps, people, profile, views
from components.corridors import corridor_deck, percent
from components.countries import REGION
from components.dataset import Dataset
from components.export import view_table
from components.formatting import short_source, source_line
from components.i18n import Texts, english
from components.memo import per_dataset


@dataclass
class Scene:
    figure: object  # a plotly Figure or a pydeck Deck
    table: pd.DataFrame
    unit: str
    source_lines: list[str]
    alt: str
    notes: list[str] = field(default_factory=list)
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
    meta, notes = data.indicator(indicator), []
    label = tx.indicator(indicator, meta["label"])
    countries = countries or tuple(REGION)
    per_population = view == "per_population" and bool(meta.get("denominator"))
    if view == "per_population" and not per_population:
        notes.append(tx("map.no_denominator", indicator=label))
    frame, unit = _map_values(data, meta, indicator, year, countries, per_population)
    source = data.source(meta["source_id"])
    # Whether the label already says 'estimate' is decided on the catalogue's (English) label.
    estimates = meta["estimate"] == "yes" and "estimate" not in meta["label"]
    title = tx("map.figure_title_estimates" if estimates else "map.figure_title", indicator=label, year=year)
    regional = views.regional_values(data.observations, indicator, year)
    geometry = (maps.subnational_geometry(regional["region"], data.boundaries)
                if len(regional) and not scale_years else None)
    if geometry:
        name, collection = geometry
        notes.append(tx("map.subnational", boundaries=tx.get(f"map.boundaries.{name}", name)))
        names = {f["properties"]["code"]: f["properties"].get("name") for f in collection["features"]}
        figure = maps.choropleth(regional.rename(columns={"region": "code"}), collection, title=title, unit=unit,
                                 source=short_source(source, year, tx), code_column="code", names=names,
                                 context_geojson=data.boundaries.get("region_countries"), tx=tx)
        table = regional
    else:
        anchors = [_class_anchors(_map_values(data, meta, indicator, other, countries, per_population)[0])
                   for other in scale_years]
        figure = maps.choropleth(pd.concat([frame, *anchors]), data.boundaries["region_countries"], title=title,
                                 unit=unit,
                                 source=short_source(source, year, tx),
                                 context_geojson=data.boundaries["region_countries"], tx=tx)
        table = frame
    missing = frame[frame["value"].isna()]["country"].tolist()
    alt = tx("map.alt", indicator=label, year=year)
    if missing:
        alt += " " + tx("map.alt_no_data", countries=", ".join(map(tx.country, missing)))
    return Scene(figure, view_table(table, indicator=indicator, unit=unit, source=source_line(source, tx=tx), tx=tx),
                 unit, [source_line(source, year, tx), tx.definition(indicator, meta["definition"])], alt, notes)


def _map_values(data: Dataset, meta: dict, indicator: str, year: int, countries: tuple,
                per_population: bool) -> tuple[pd.DataFrame, str]:
    frame = views.map_values(data.observations, indicator, year, countries)
    if per_population:
        return views.per_population(frame, data.observations, meta["unit"], meta["source_id"])
    return frame, meta["unit"]


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
    meta = data.indicator(indicator)
    partners = views.partners(data.observations, indicator, origin, year)
    if partners.empty:
        return None
    outward = meta["migration_type"] == "Emigration"
    deck = corridor_deck(partners, data.boundaries["world_countries"], origin=origin, unit=meta["unit"],
                         year=year, reverse=not outward, tx=tx)
    deck.to_json()  # serialise once here, inside the memo, rather than on every rerun
    source = data.source(meta["source_id"])
    top = partners.head(10)
    largest = ", ".join(f"{tx.country(p)} ({percent(s, tx)})" for p, s in zip(top["partner"], top["share"]))
    alt = tx("corridors.alt", country=tx.country(origin), year=year, largest=largest)
    return Scene(deck, view_table(partners, indicator=indicator, unit=meta["unit"], source=source_line(source, tx=tx),
                                  tx=tx),
                 meta["unit"], [source_line(source, year, tx), tx.definition(indicator, meta["definition"])], alt)


@per_dataset
def multiples_scene(data: Dataset, countries: tuple, tx: Texts | None = None) -> Scene | None:
    """Compare's small multiples: each comparable indicator at its own latest year, so the scene
    depends on the countries and the language only, not on the year being compared."""
    tx = tx or english()
    panels = views.comparison_panels(data.observations, data.indicators, countries)
    if not panels:
        return None
    sources = [data.source(p["source_id"]) for p in panels]
    names = "; ".join(dict.fromkeys(s.get("short", "") for s in sources))
    figure = charts.small_multiples(panels, title=tx("compare.multiples_title"),
                                    source=tx("compare.sources", names=names), tx=tx)
    table = pd.concat([view_table(p["frame"], indicator=p["indicator"], unit=p["unit"],
                                  source=source_line(s, tx=tx), tx=tx)
                       for p, s in zip(panels, sources)], ignore_index=True)
    return Scene(figure, table, "", [source_line(s, tx=tx) for s in sources], tx("compare.multiples_alt"))


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
    source = data.source(frame["source"].iloc[0] or meta["source_id"])
    figure = people.education_mix_chart(frame, title=tx("people.education_mix_title", period=round_),
                                        source=short_source(source, round_, tx), tx=tx)
    table = view_table(frame.assign(period=round_), indicator=people.EDUCATION_TOTAL, unit="persons",
                       source=source_line(source, tx=tx), tx=tx)
    missing = [c for c in (countries or REGION) if c not in set(frame["country"])]
    notes = [tx("charts.no_data_for", countries=", ".join(map(tx.country, missing)))] if missing else []
    return Scene(figure, table, "persons", [source_line(source, round_, tx),
                                            tx.definition(people.TERTIARY_SHARE, "")],
                 people.education_summary(frame, tx), notes)


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
        chart.update(source_line=source_line(data.source(chart["source_id"]), chart.get("period", chart.get("year")),
                                             tx=tx), token=uuid.uuid4().hex)
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
