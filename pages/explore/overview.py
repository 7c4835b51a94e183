"""Overview: headline figures for each country, and what the data says about the '20%' claim."""

import streamlit as st

from components import chart_ui, markdown_text, metrics, series_scenes, ui
from components.formatting import format_number, source_line

tx, data = ui.page_start()


def percent(value: float) -> str:
    return tx("numbers.percent", value=tx.number(value, 1))


st.title(tx("overview.title"))
st.markdown(tx("overview.intro"))

st.header(tx("overview.claim_header"))
claims = [c for c in metrics.western_balkans_claims(data.observations, data.indicators) if c.region_share is not None]
if not claims:
    st.info(tx("overview.claim_missing"))
else:
    claim = claims[0]  # the newest edition
    lead, chart = st.columns([1, 2], gap="large")
    with lead:
        st.metric(tx("overview.metric_label", year=claim.year), percent(claim.region_share),
                  help=tx("overview.claim_definition"))
        low, high = claim.by_country["share"].min(), claim.by_country["share"].max()
        st.markdown(tx("overview.claim_text_edition", edition=claim.edition, year=claim.year,
                       share=percent(claim.region_share), emigrants=format_number(claim.emigrants, tx=tx),
                       native_born=format_number(claim.native_born, tx=tx),
                       verdict=claim.verdict, low=percent(low), high=percent(high)))
        st.caption(tx("overview.claim_definition"))
        st.caption(tx("overview.claim_counted"))
    with chart:
        scene = series_scenes.claim_scene(data, claim, tx)
        chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines,
                            file_name=f"share_born_here_living_abroad_{claim.year}.csv", key="claim",
                            alt=scene.alt, token=scene.token, tx=tx, catalogue=data.indicators)
    if len(claims) > 1:
        st.subheader(tx("overview.editions_header"))
        st.table(metrics.claim_editions_table(claims, tx).set_index(tx("overview.editions_columns.edition")))
        for other in claims[1:]:
            st.markdown(tx("overview.other_edition", edition=other.edition, year=other.year,
                           share=percent(other.region_share), emigrants=format_number(other.emigrants, tx=tx),
                           native_born=format_number(other.native_born, tx=tx), verdict=other.verdict,
                           newest=claim.edition))
        for other in claims:
            st.caption(tx("overview.edition_sources", edition=other.edition) + " " + " ".join(
                markdown_text.inline(source_line(data.source(s), other.year, tx)) for s in other.sources))

st.header(tx("overview.glance_header"))
st.caption(tx("overview.glance_caption", no_data=tx("common.no_data")))
headlines = metrics.headline_figures(data.observations, data.indicators)
table, column_sources = metrics.headline_table(headlines, tx)
st.table(table.rename_axis(tx("common.country")))  # a named corner cell: no empty table header
for column, (source_id, years) in column_sources.items():
    st.caption(f"**{column}** — {markdown_text.inline(source_line(data.source(source_id), years, tx))}")
st.caption(tx("overview.kosovo_in_serbia"))
ui.kosovo_footnote()
