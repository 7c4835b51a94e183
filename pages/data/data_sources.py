"""Data & sources: where every number comes from, what it means, what is covered, and file health."""

import streamlit as st

from components import admin, contract, history, metrics, ui
from components.countries import KOSOVO_FOOTNOTE, NORTH_MACEDONIA_NOTE, REGION
from components.dataset import CONFLICT_RULE, read_data_snapshot
from components.settings import data_dir
from components.validation_report import (conflicts_table, file_details, file_table,
                                          problems_csv, problems_table, report_workbook,
                                          worth_a_look)

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
    st.caption("Drop CSV or Excel (.xlsx) files into data/observations/ and GeoJSON files into "
               "data/boundaries/: they are checked and appear here, and on every page, within a "
               "few seconds. 'Detected' says how each file was read.")
    ui.table(file_table(data.reports))
    problems = problems_table(data.reports)
    if problems.empty:
        st.success("Every file passed every check.")
    else:
        st.markdown(f"**{len(problems)} problem(s) found.** Each names the file, row and column, "
                    "what was found, what was expected and how to fix it.")
        ui.table(problems)
    st.download_button("Download the validation report (Excel)",
                       report_workbook(data.reports, data.conflicts),
                       file_name="validation_report.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if not problems.empty:
        st.download_button("Download the problems (CSV)", problems_csv(data.reports),
                           file_name="validation_report.csv", mime="text/csv")

    notable = [report for report in data.reports if worth_a_look(report)]
    if notable:
        st.markdown("**How each file was read, and what to fix**")
    icons = {"loaded": ":material/check_circle:", "loaded with warnings": ":material/warning:",
             "rejected": ":material/block:", "serving last good version": ":material/history:"}
    for report in notable:
        read, fixes = file_details(report)
        with st.expander(f"{report.file} — {report.status}", icon=icons.get(report.status),
                         expanded=report.broken):
            st.markdown("\n".join(f"- {line}" for line in read) or "- nothing to note")
            if fixes:
                st.markdown("**What to fix**\n" + "\n".join(f"- {line}" for line in fixes))

    st.markdown("**Conflicts between files**")
    st.caption(CONFLICT_RULE)
    if data.conflicts.empty:
        st.caption("No two files give different values for the same figure.")
    else:
        ui.table(conflicts_table(data.conflicts))

    st.markdown("**Earlier versions: put one back**")
    st.caption(f"The last {contract.HISTORY_KEEP} good versions of every file are kept in "
               "data/.history/. When a file is replaced by a broken one, the last good version "
               "is shown until the file is fixed.")
    if message := st.session_state.pop("restored_message", None):
        st.success(message)
    versions = history.all_versions(data_dir())
    current = {entry.key: entry.digest for entry in read_data_snapshot(data_dir()).files}
    if not versions:
        st.caption("No versions kept yet.")
    elif not admin.may_change_data():
        st.caption("Sign in as staff (below) to put back an earlier version.")
    else:
        version = st.selectbox(
            "Version", versions, key="rollback_version",
            format_func=lambda v: f"{v.folder}/{v.name} — {v.label}"
            + (" — in use now" if current.get(f"{v.folder}/{v.name}", "").startswith(v.digest) else ""))
        if st.button("Put this version back", key="rollback"):
            history.restore(data_dir(), version)
            st.session_state["restored_message"] = (
                f"{version.name}: the version {version.label} is back in data/{version.folder}/.")
            st.rerun()
    admin.sign_in_box()

with credits_tab:
    st.subheader("Licences and credits")
    for source in data.sources.itertuples():
        st.markdown(f"- **{source.publisher}** — {source.dataset}. {source.credit} Licence: {source.licence}.")
    st.caption(NORTH_MACEDONIA_NOTE)
    st.caption(KOSOVO_FOOTNOTE)
