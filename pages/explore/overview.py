"""Overview: headline figures for each country, and what the data says about the '20%' claim."""

import streamlit as st

from components import charts, metrics, ui
from components.countries import WESTERN_BALKANS
from components.formatting import format_number, short_source, source_line

data = ui.dataset()
ui.file_notices(data)

st.title("Mobility in South-East Europe")
st.markdown(
    "How many people from the region live abroad, where migration is heading, and what it sends "
    "home. Every figure is from a published source named underneath it."
)

st.header("Do one in five people from the Western Balkans live abroad?")
claim = metrics.western_balkans_claim(data.observations)
if claim.region_share is None:
    st.info("The UN DESA migrant stock or population data is not loaded, so this cannot be checked.")
else:
    lead, chart = st.columns([1, 2], gap="large")
    with lead:
        st.metric(f"Western Balkans, {claim.year}",
                  f"{claim.region_share:.1f}%",
                  help=data.indicator("share_of_native_born_abroad").get("definition"))
        low, high = claim.by_country["share"].min(), claim.by_country["share"].max()
        st.markdown(
            f"The regional meeting in Belgrade heard that *around 20% of the population in "
            f"Western Balkan countries lives outside their country of origin*. UN DESA's "
            f"{claim.year} figures put it at **{claim.region_share:.1f}%** for the region as a "
            f"whole ({format_number(claim.emigrants)} of {format_number(claim.native_born)} people "
            f"born there): **{claim.verdict}**. By country it ranges from {low:.1f}% to {high:.1f}%."
        )
        st.caption(
            "Definition: emigrants ÷ everyone born in the country (emigrants + residents − "
            "immigrants). Western Balkans = Albania, Bosnia and Herzegovina, Kosovo*, Montenegro, "
            "North Macedonia and Serbia; UN DESA counts Kosovo inside Serbia. Measured against "
            "residents instead, the shares are higher (see the table below)."
        )
    with chart:
        share = metrics.totals(data.observations, "share_of_native_born_abroad")
        share = share[share["year"] == claim.year][["country", "value"]].rename(columns={"value": "share"})
        source = short_source(data.source("derived"), claim.year)
        figure = charts.share_abroad_bars(share, claim.year, metrics.CLAIM_SHARE,
                                          "Meeting's figure: ~20%", source,
                                          highlight=WESTERN_BALKANS)
        st.plotly_chart(figure, theme=None, config={"displayModeBar": False})
        ui.source_caption(data, "derived", claim.year)

st.header("Each country at a glance")
st.caption("The latest year with data for each figure. 'no data' means the source has no figure: "
           "it is never shown as zero.")
headlines = metrics.headline_figures(data.observations, data.indicators)
table, column_sources = metrics.headline_table(headlines)
st.table(table)
for column, (source_id, years) in column_sources.items():
    st.caption(f"**{column}** — {source_line(data.source(source_id), years)}")
st.caption("UN DESA counts Kosovo inside Serbia: Serbia's emigrant figures and shares include Kosovo, "
           "and Serbia's shares use the population of Serbia and Kosovo together.")
ui.kosovo_footnote()
