"""Whole chart 'scenes' (figure, table, source lines, text alternative), built once per view.

Building a map or a corridor deck copies its geometry several times inside plotly and pydeck;
memoised on the loaded dataset, a view that any session has already opened costs nothing again.
Pages and presenter slides both draw from here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pandas as pd

from components import maps, profile, views
from components.corridors import corridor_deck
from components.countries import REGION, country_name
from components.dataset import Dataset
from components.export import view_table
from components.formatting import short_source, source_line
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
def map_scene(data: Dataset, indicator: str, year: int, countries: tuple, view: str) -> Scene:
    meta, notes = data.indicator(indicator), []
    countries = countries or tuple(REGION)
    frame = views.map_values(data.observations, indicator, year, countries)
    unit = meta["unit"]
    if view == "per_population":
        if meta.get("denominator"):
            frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
        else:
            notes.append(f"'{meta['label']}' has no population denominator; showing absolute numbers.")
    source = data.source(meta["source_id"])
    title = f"{meta['label']}, {year}" + (" (estimates)" if meta["estimate"] == "yes" and "estimate" not in meta["label"] else "")
    regional = views.regional_values(data.observations, indicator, year)
    geometry = maps.subnational_geometry(regional["region"], data.boundaries) if len(regional) else None
    if geometry:
        name, collection = geometry
        notes.append(f"Sub-national figures drawn on {name}.")
        names = {f["properties"]["code"]: f["properties"].get("name") for f in collection["features"]}
        figure = maps.choropleth(regional.rename(columns={"region": "code"}), collection, title=title, unit=unit,
                                 source=short_source(source, year), code_column="code", names=names,
                                 context_geojson=data.boundaries.get("region_countries"))
        table = regional
    else:
        figure = maps.choropleth(frame, data.boundaries["region_countries"], title=title, unit=unit,
                                 source=short_source(source, year), context_geojson=data.boundaries["region_countries"])
        table = frame
    missing = frame[frame["value"].isna()]["country"].tolist()
    alt = f"Map of {meta['label'].lower()} in {year}." + (
        f" No data for: {', '.join(map(country_name, missing))}." if missing else "")
    return Scene(figure, view_table(table, indicator=indicator, unit=unit, source=source_line(source)), unit,
                 [source_line(source, year), meta["definition"]], alt, notes)


@per_dataset
def corridor_scene(data: Dataset, indicator: str, origin: str, year: int) -> Scene | None:
    meta = data.indicator(indicator)
    partners = views.partners(data.observations, indicator, origin, year)
    if partners.empty:
        return None
    outward = meta["migration_type"] == "Emigration"
    deck = corridor_deck(partners, data.boundaries["world_countries"], origin=origin, unit=meta["unit"],
                         year=year, reverse=not outward)
    deck.to_json()  # serialise once here, inside the memo, rather than on every rerun
    source = data.source(meta["source_id"])
    top = partners.head(10)
    alt = (f"Map of {country_name(origin)}'s corridors in {year}. Largest: "
           + ", ".join(f"{country_name(p)} ({s:.1f}%)" for p, s in zip(top["partner"], top["share"])) + ".")
    return Scene(deck, view_table(partners, indicator=indicator, unit=meta["unit"], source=source_line(source)),
                 meta["unit"], [source_line(source, year), meta["definition"]], alt)


@per_dataset
def profile_scene(data: Dataset, country: str) -> tuple:
    """(facts, sentences, charts, offline HTML) for one country."""
    facts = profile.build_profile(data.observations, data.indicators, country)
    said = profile.sentences(facts)
    charts = profile.figures(facts, data.observations, data.indicators, data.sources)
    return facts, said, charts, profile.profile_html(facts, said, charts, data.sources)
