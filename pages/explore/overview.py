"""Overview: headline figures for each country, and what the data says about the '20%' claim."""

import streamlit as st

from components import alt_text, chart_ui, charts, language_ui, metrics, ui
from components.countries import WESTERN_BALKANS
from components.export import view_table
from components.formatting import format_number, short_source, source_line

tx = language_ui.current()
data = ui.dataset()
ui.file_notices(data)


def percent(value: float) -> str:
    return tx("numbers.percent", value=tx.number(value, 1))


st.title(tx("overview.title"))
st.markdown(tx("overview.intro"))

st.header(tx("overview.claim_header"))
claim = metrics.western_balkans_claim(data.observations)
if claim.region_share is None:
    st.info(tx("overview.claim_missing"))
else:
    lead, chart = st.columns([1, 2], gap="large")
    with lead:
        definition = data.indicator("share_of_native_born_abroad").get("definition", "")
        st.metric(tx("overview.metric_label", year=claim.year), percent(claim.region_share),
                  help=tx.definition("share_of_native_born_abroad", definition))
        low, high = claim.by_country["share"].min(), claim.by_country["share"].max()
        st.markdown(tx("overview.claim_text", year=claim.year, share=percent(claim.region_share),
                       emigrants=format_number(claim.emigrants, tx=tx),
                       native_born=format_number(claim.native_born, tx=tx),
                       verdict=claim.verdict, low=percent(low), high=percent(high)))
        st.caption(tx("overview.claim_definition"))
    with chart:
        share = metrics.totals(data.observations, "share_of_native_born_abroad")
        share = share[share["year"] == claim.year][["country", "value"]].rename(columns={"value": "share"})
        source = short_source(data.source("derived"), claim.year, tx)
        meetings_figure = tx("numbers.percent", value=tx.number(metrics.CLAIM_SHARE))  # "20%", not "20.0%"
        figure = charts.share_abroad_bars(share, claim.year, metrics.CLAIM_SHARE,
                                          tx("overview.reference_label", value=meetings_figure),
                                          source, highlight=WESTERN_BALKANS, tx=tx,
                                          title_width=40)  # the chart sits in a column beside the text
        shares = share.rename(columns={"share": "value"})
        unit = data.indicator("share_of_native_born_abroad").get("unit", "%")
        chart_ui.show_chart(figure, view_table(shares.assign(year=claim.year), indicator="share_of_native_born_abroad",
                                               unit=unit, source=source_line(data.source("derived"), tx=tx), tx=tx),
                            source_lines=[source_line(data.source("derived"), claim.year, tx)],
                            file_name=f"share_born_here_living_abroad_{claim.year}.csv", key="claim",
                            alt=alt_text.ranking_summary(shares, unit, tx), tx=tx,
                            catalogue=data.indicators)

st.header(tx("overview.glance_header"))
st.caption(tx("overview.glance_caption", no_data=tx("common.no_data")))
headlines = metrics.headline_figures(data.observations, data.indicators)
table, column_sources = metrics.headline_table(headlines, tx)
st.table(table.rename_axis(tx("common.country")))  # a named corner cell: no empty table header
for column, (source_id, years) in column_sources.items():
    st.caption(f"**{column}** — {source_line(data.source(source_id), years, tx)}")
st.caption(tx("overview.kosovo_in_serbia"))
ui.kosovo_footnote()
