"""Map: the chosen indicator for every country of the region in one year."""

import streamlit as st

from components import chart_ui, filter_ui, maps, ui, views
from components.countries import REGION, country_name
from components.export import view_table
from components.formatting import short_source, source_line

data = ui.dataset()
ui.file_notices(data)
st.title("Map of the region")

mappable = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=mappable.__contains__,
                                     views=["absolute", "per_population"])
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info("There is no country-level figure of this migration type to map. Choose another type.")
    st.stop()

countries = selection.countries or list(REGION)
if not selection.countries:
    st.info("No country is chosen, so all ten are shown.")
frame = views.map_values(data.observations, selection.indicator, selection.year, countries)
unit = meta["unit"]
if selection.view == "per_population":
    if meta.get("denominator"):
        frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
    else:
        st.info(f"'{meta['label']}' has no population denominator; showing absolute numbers.")

source = data.source(meta["source_id"])
title = f"{meta['label']}, {selection.year}" + (" (estimates)" if meta["estimate"] == "yes" else "")
regional = views.regional_values(data.observations, selection.indicator, selection.year)
geometry = maps.subnational_geometry(regional["region"], data.boundaries) if len(regional) else None
if geometry:
    name, collection = geometry
    st.caption(f"Sub-national figures drawn on {name}.")
    figure = maps.choropleth(regional.rename(columns={"region": "code"}), collection, title=title,
                             unit=unit, source=short_source(source, selection.year), code_column="code",
                             names={f["properties"]["code"]: f["properties"].get("name") for f in collection["features"]},
                             context_geojson=data.boundaries.get("region_countries"))
    table = regional
else:
    figure = maps.choropleth(frame, data.boundaries["region_countries"], title=title, unit=unit,
                             source=short_source(source, selection.year),
                             context_geojson=data.boundaries["region_countries"])
    table = frame

missing = frame[frame["value"].isna()]["country"].tolist()
summary = (f"Map of {meta['label'].lower()} in {selection.year}. "
           + (f"No data for: {', '.join(map(country_name, missing))}." if missing else ""))
chart_ui.show_chart(figure, view_table(table, indicator=selection.indicator, unit=unit, source=source_line(source)),
                    source_lines=[source_line(source, selection.year), meta["definition"]],
                    file_name=f"map_{selection.indicator}_{selection.year}.csv", key="map", alt=summary)
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption("UN DESA counts Kosovo inside Serbia, so Kosovo* shows no figure of its own here.")
ui.kosovo_footnote()
filter_ui.publish(selection)
