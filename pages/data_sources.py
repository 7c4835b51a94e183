"""Data & sources: where every number comes from, what it means, what is covered, and file health."""

import streamlit as st

from components import metrics, ui
from components.countries import KOSOVO_FOOTNOTE, NORTH_MACEDONIA_NOTE, REGION
from components.dataset import CONFLICT_RULE
from components.validation_report import file_table, problems_csv, problems_table

data = ui.dataset()
ui.file_notices(data)

st.title("Data & sources")
st.markdown("Every figure in this dashboard comes from one of the published sources below. "
            "Modelled figures are marked as estimates wherever they appear.")

sources_tab, indicators_tab, coverage_tab, files_tab, credits_tab = st.tabs(
    ["Sources", "Indicators", "Coverage", "Data files", "Credits"])

with sources_tab:
    st.subheader("Sources catalogue")
    ui.table(data.sources.rename(columns=str.capitalize),
             column_config={"Url": st.column_config.LinkColumn("URL")})

with indicators_tab:
    st.subheader("Indicator definitions")
    columns = ["id", "label", "definition", "unit", "migration_type", "measure", "estimate",
               "time_basis", "source_id", "notes"]
    ui.table(data.indicators[columns])
    st.caption("Stocks count people at a moment; flows count moves during a period. "
               "Emigrants are people born in a country who live elsewhere: not the same as the "
               "diaspora, which also counts their descendants.")

with coverage_tab:
    st.subheader("Coverage: years with data, by indicator and country")
    st.caption("Each cell gives the first and last year and, in brackets, the number of years. "
               "An empty cell means the sources hold nothing for that country.")
    ui.table(metrics.coverage_matrix(data.observations, data.indicators).reset_index(names="Indicator"))

with files_tab:
    st.subheader("Data files and their validation status")
    ui.table(file_table(data.reports))
    problems = problems_table(data.reports)
    if problems.empty:
        st.success("Every file passed every check.")
    else:
        st.markdown(f"**{len(problems)} problem(s) found.** Each names the file, row and column, "
                    "what was found, what was expected and how to fix it.")
        ui.table(problems)
        st.download_button("Download the validation report (CSV)", problems_csv(data.reports),
                           file_name="validation_report.csv", mime="text/csv")
    st.caption(CONFLICT_RULE)

with credits_tab:
    st.subheader("Licences and credits")
    for source in data.sources.itertuples():
        st.markdown(f"- **{source.publisher}** — {source.dataset}. {source.credit} Licence: {source.licence}.")
    st.caption(NORTH_MACEDONIA_NOTE)
    st.caption(KOSOVO_FOOTNOTE)
