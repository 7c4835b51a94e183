"""Data & sources: where every number comes from, what it means, what is covered, file health, languages."""

import pandas as pd
import streamlit as st

from components import (admin, contract, filters, history, i18n, metrics, presenter_ui,
                        revisions, story_export_ui, ui)
from components.contract import status_in
from components.country_names import unreviewed_names
from components.dataset import CONFLICT_RULE
from components.export import to_csv_bytes
from components.settings import data_dir
from components.validation_report import (conflicts_table, file_details, file_table,
                                          problems_csv, problems_table, report_workbook, say,
                                          worth_a_look)

tx, data = ui.page_start()

st.title(tx("data_page.title"))
st.markdown(tx("data_page.intro"))

# A chart's "What changed in the 2024 edition?" link opens this page on the editions tab, with its series.
requested = st.query_params.get("revisions")
tab_names = ("sources", "indicators", "coverage", "files", "credits", "languages", "revisions")
sources_tab, indicators_tab, coverage_tab, files_tab, credits_tab, languages_tab, revisions_tab = st.tabs(
    [tx(f"data_page.tabs.{name}") for name in tab_names],
    default=tx("data_page.tabs.revisions") if requested else None)


def headed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The catalogue's column names as headings in the reader's language."""
    return frame.rename(columns=lambda name: tx.get(f"data_page.{table}.{name}", name))


def described(indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicator catalogue's words in the reader's language; ids, codes and sources unchanged."""
    words = indicators.copy()
    words["label"] = [tx.indicator(i, label) for i, label in zip(words["id"], words["label"])]
    words["definition"] = [tx.definition(i, text) for i, text in zip(words["id"], words["definition"])]
    words["notes"] = [tx.get(f"indicators.{i}.notes", text) for i, text in zip(words["id"], words["notes"])]
    words["unit"] = words["unit"].map(tx.unit)
    words["migration_type"] = words["migration_type"].map(tx.migration_type)
    words["measure"] = words["measure"].map(lambda m: tx.get(f"measures.{m}", m))
    words["estimate"] = words["estimate"].map(lambda e: tx.get(f"data_page.answers.{e}", e))
    words["time_basis"] = words["time_basis"].map(lambda t: tx.get(f"data_page.time_basis.{t}", t))
    return words


with sources_tab:
    st.header(tx("data_page.sources_title"))
    url = tx("data_page.source_columns.url")
    ui.table(headed(data.sources, "source_columns"), column_config={url: st.column_config.LinkColumn(url)})

with indicators_tab:
    st.header(tx("data_page.indicators_title"))
    columns = ["id", "label", "definition", "unit", "migration_type", "measure", "estimate",
               "time_basis", "source_id", "notes"]
    ui.table(headed(described(data.indicators)[columns], "indicator_columns"))
    st.caption(tx("data_page.indicators_caption"))

with coverage_tab:
    st.header(tx("data_page.coverage_title"))
    st.caption(tx("data_page.coverage_caption"))
    ui.table(metrics.coverage_matrix(data.observations, described(data.indicators))
             .reset_index(names=tx("data_page.coverage_indicator")))

with files_tab:
    st.header(tx("data_page.files_title"))
    st.caption(tx("data_page.files_caption", detected=tx("status.file_columns.detected")))
    # The presenter's stories files are checked here too, so staff see their problems before a talk.
    reports = data.reports + presenter_ui.story_reports(data)
    ui.table(file_table(reports, tx))
    problems = problems_table(reports, tx)
    if problems.empty:
        st.success(tx("data_page.all_passed"))
    else:
        st.markdown(tx("data_page.problems_found", count=len(problems)))
        ui.table(problems)
    st.download_button(tx("data_page.download_workbook"),
                       report_workbook(reports, data.conflicts, tx),
                       file_name="validation_report.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if not problems.empty:
        st.download_button(tx("data_page.download_csv"), problems_csv(reports, tx),
                           file_name="validation_report.csv", mime="text/csv")

    notable = [report for report in reports if worth_a_look(report)]
    if notable:
        st.markdown(tx("data_page.details_title"))
    icons = {contract.LOADED: ":material/check_circle:", contract.WARNINGS: ":material/warning:",
             contract.REJECTED: ":material/block:", contract.LAST_GOOD: ":material/history:"}
    for report in notable:
        read, fixes = file_details(report, tx=tx)
        with st.expander(f"{tx.markdown(report.file)} — {status_in(report.status, tx)}",
                         icon=icons.get(report.status), expanded=report.broken):
            st.markdown("\n".join(f"- {line}" for line in read) or f"- {tx('data_page.nothing_to_note')}")
            if fixes:
                st.markdown(tx("data_page.what_to_fix") + "\n" + "\n".join(f"- {line}" for line in fixes))

    st.markdown(tx("data_page.conflicts_title"))
    st.caption(tx.say(CONFLICT_RULE))
    if data.conflicts.empty:
        st.caption(tx("data_page.no_conflicts"))
    else:
        ui.table(conflicts_table(data.conflicts, tx))

    st.markdown(tx("data_page.history.title"))
    st.caption(tx("data_page.history.caption", keep=contract.HISTORY_KEEP))
    if message := st.session_state.pop("restored_message", None):
        st.success(say(message, tx, markdown=True))
    versions = history.all_versions(data_dir())
    current = {entry.key: entry.digest for entry in ui.served_snapshot().files}

    def version_label(version: history.Version) -> str:
        label = f"{version.folder}/{version.name} — {say(version.label, tx)}"
        in_use = current.get(f"{version.folder}/{version.name}", "").startswith(version.digest)
        return label + (f" — {tx('data_page.history.in_use')}" if in_use else "")

    if not versions:
        st.caption(tx("data_page.history.none_kept"))
    elif not admin.may_change_data():
        st.caption(tx("data_page.history.sign_in_first"))
    else:
        version = st.selectbox(tx("data_page.history.version"), versions, key="rollback_version",
                               format_func=version_label)
        if st.button(tx("data_page.history.put_back"), key="rollback"):
            try:
                history.restore(data_dir(), version)
            except OSError as error:  # e.g. a read-only data folder: say which, why, and what to do
                st.error(tx("data_page.history.cannot_write", folder=f"data/{version.folder}/",
                            reason=error.strerror or type(error).__name__, name=version.name))
            else:
                # A Phrase, so that it is said in whatever language the page shows after the rerun.
                st.session_state["restored_message"] = i18n.Phrase(
                    "data_page.history.restored", name=version.name, version=version.label,
                    folder=version.folder)
                st.rerun()
    admin.sign_in_box(tx)

with credits_tab:
    st.header(tx("data_page.credits_title"))
    for source in data.sources.itertuples():
        st.markdown("- " + tx("data_page.credit_line", publisher=source.publisher, dataset=source.dataset,
                              credit=source.credit, licence=source.licence))
    st.caption(tx("countries.north_macedonia_note"))
    st.caption(tx("countries.kosovo_footnote"))

with languages_tab:
    st.header(tx("data_page.languages.title"))
    st.markdown(tx("data_page.languages.intro"))
    answers = {True: tx("data_page.answers.yes"), False: tx("data_page.answers.no")}
    languages = pd.DataFrame([{
        "language": name, "code": code, "reviewed": answers[i18n.texts(code).reviewed],
        "reviewed_by": (tx("data_page.languages.source_text") if code == i18n.DEFAULT
                        else i18n.texts(code).meta.get("reviewed_by", "")),
    } for code, name in i18n.LANGUAGES.items()])
    ui.table(headed(languages, "languages.columns"))
    unreviewed = pd.DataFrame([{
        "country": f"{tx.country(row['iso3'])} ({row['iso3']})",
        "language": i18n.LANGUAGES.get(row["language"], row["language"]),
        "name": row["name"], "note": row.get("note", ""),
    } for row in unreviewed_names()], columns=["country", "language", "name", "note"])
    st.markdown(tx("data_page.languages.names_title", count=len(unreviewed)))
    if unreviewed.empty:
        st.caption(tx("data_page.languages.names_all_reviewed"))
    else:
        ui.table(headed(unreviewed, "languages.name_columns"))
    st.info(tx("data_page.languages.how_to_report"), icon=":material/edit_note:")

with revisions_tab:
    st.header(tx("revisions.title"))
    st.markdown(tx("revisions.intro"))
    options = filters.choices(data.observations, data.indicators)
    revised = revisions.revised_series(options)
    if not revised:
        st.info(tx("revisions.none"))
    else:
        if requested in revised and st.session_state.get("_revisions_opened") != requested:
            st.session_state["revisions_series"] = requested  # the link's series, once per link
        st.session_state["_revisions_opened"] = requested
        series = st.selectbox(tx("revisions.series"), revised, key="revisions_series",
                              format_func=lambda s: tx.indicator(options.newest(s), options.labels.get(options.newest(s), s)))
        newer, older = options.editions_of(series)[:2]
        meta = data.indicator(options.newest(series))
        table = revisions.revisions(data.observations, options, series, newer, older)
        st.caption(tx("revisions.compared", newer=newer, older=older))
        ui.source_caption(data, [data.indicator(options.in_edition(series, e))["source_id"] for e in (newer, older)])
        st.markdown(tx("revisions.count", count=tx.number(len(table)),
                       changed=tx.number(int((table["difference"] != 0).sum()))))
        st.subheader(tx("revisions.largest"))
        said = revisions.sentences(table, series, tx.indicator(meta["id"], meta["label"]), meta["unit"], newer, tx)
        # Country names such as "Kosovo*" would be read as Markdown emphasis: shown as they are.
        st.markdown("\n".join("- " + line.replace("*", "\\*") for line in said))
        ui.table(revisions.on_screen(table, newer, older, meta["unit"], tx))
        st.download_button(tx("revisions.download"), to_csv_bytes(revisions.download_table(table, tx)),
                           file_name=f"revisions_{series}_{older}_{newer}.csv", mime="text/csv",
                           key="revisions-csv", icon=":material/download:")

# Outside the tabs: presenters look for their slides here as well as in presenter mode.
story_export_ui.take_home_section(data, tx)
