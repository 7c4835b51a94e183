"""The shared filter widgets: the same on every page, kept across pages, written into the URL."""

from __future__ import annotations

import streamlit as st

from components import filters, language_ui
from components.countries import REGION
from components.i18n import Phrase
from components.markdown_text import clipped
from components.dataset import Dataset

_SEEDED = "_filters_seeded"
_INITIAL = "_initial_query"
_NOTICES = "_url_notices"


def _initial_query() -> dict:
    """The query string the session was opened with (a shared link), read once."""
    if _INITIAL not in st.session_state:
        st.session_state[_INITIAL] = {key: st.query_params.get_all(key) for key in st.query_params}
    return st.session_state[_INITIAL]


def _seed(data: Dataset) -> filters.Choices:
    options = filters.choices(data.observations, data.indicators)
    if not st.session_state.get(_SEEDED):
        raw = {key: values if key == "countries" and len(values) > 1 else (values[0] if values else "")
               for key, values in _initial_query().items()}
        selection, notices = filters.parse_query(raw, options)
        st.session_state.update({
            "countries": selection.countries, "migration_type": selection.migration_type,
            "indicator": selection.indicator, "view": selection.view,
        })
        if selection.edition:
            st.session_state["edition"] = selection.edition
        if selection.year is not None:
            st.session_state["year"] = selection.year
        if selection.years is not None:
            st.session_state["year_range"] = selection.years
        st.session_state[_NOTICES] = notices
        st.session_state[_SEEDED] = True
    return options


def page_option(key: str, options: list, default):
    """Seed a page's own widget from the shared link once; later the widget's own state rules."""
    if key not in st.session_state:
        raw = _initial_query().get(key, [])
        text = raw[0] if raw else ""
        # A year is read as plain digits only (filters.whole_number); anything else as text.
        numeric = bool(options) and isinstance(options[0], int)
        value = (filters.whole_number(text) if numeric else text) or None
        if text and (value is None or value not in options):
            st.session_state.setdefault(_NOTICES, []).append(
                Phrase("filters.link_option_unavailable", key=key, value=clipped(text)))
            value = None
        st.session_state[key] = value if value is not None else default
        _show_notices()
    elif st.session_state[key] not in options:
        st.session_state[key] = default
    return st.session_state[key]


def years_of(data: Dataset, indicator: str) -> list[int]:
    return filters.choices(data.observations, data.indicators).years.get(indicator, [])


def shared_filters(data: Dataset, *, year: str | None = "single", indicator: bool = True,
                   indicator_filter=None, views: list[str] | None = None,
                   multi_country: bool = True) -> filters.Selection:
    """Render the filters in the sidebar and return what they select."""
    options = _seed(data)
    tx = language_ui.current()
    _notice_vanished_indicator(options)
    sidebar = st.sidebar
    sidebar.header(tx("filters.header"))
    countries = list(REGION)
    st.session_state["countries"] = [c for c in st.session_state.get("countries", []) if c in countries]
    if multi_country:
        chosen = sidebar.multiselect(tx("filters.countries"), countries, key="countries", format_func=tx.country,
                                     persist_state="session", placeholder=tx("filters.countries_placeholder"))
    else:
        chosen = st.session_state["countries"]
    types = options.migration_types
    if st.session_state.get("migration_type") not in types:
        st.session_state["migration_type"] = types[0] if types else ""
    migration_type = sidebar.selectbox(tx("filters.migration_type"), types, key="migration_type",
                                       format_func=tx.migration_type, persist_state="session")
    selection = filters.Selection(countries=list(chosen), migration_type=migration_type)
    if indicator:
        _indicator_and_edition(selection, options, indicator_filter, tx)
    years = options.years.get(selection.indicator, [])
    if year == "single" and years:
        if st.session_state.get("year") not in years:
            st.session_state["year"] = years[-1]
        selection.year = sidebar.select_slider(tx("filters.year"), years, key="year", persist_state="session")
    elif year == "range" and len(years) > 1:
        current = st.session_state.get("year_range")
        if not (isinstance(current, (tuple, list)) and len(current) == 2
                and current[0] in years and current[1] in years and current[0] <= current[1]):
            st.session_state["year_range"] = (years[0], years[-1])
        selection.years = tuple(sidebar.select_slider(tx("filters.years"), years, key="year_range",
                                                      persist_state="session"))
    if views:
        if st.session_state.get("view") not in views:
            st.session_state["view"] = views[0]
        selection.view = sidebar.radio(tx("filters.show"), views, key="view", persist_state="session",
                                       format_func=lambda v: tx(f"views.{v}"))
    _show_notices()
    return selection


def _indicator_and_edition(selection: filters.Selection, options: filters.Choices, indicator_filter, tx) -> None:
    """One picker entry per series, then the edition picker when the series has more than one."""
    sidebar = st.sidebar
    usable = (lambda i: True) if indicator_filter is None else indicator_filter
    allowed = options.series_list(selection.migration_type, usable)
    if not allowed:
        sidebar.info(tx("filters.no_indicator"))
        selection.indicator = ""
        return
    current = st.session_state.get("indicator")
    entry = {options.series_of(i): i for i in allowed}.get(options.series_of(current)) if current else None
    if entry and entry != current:
        # An edition's own id (a link's, or a story's): its series' entry, in that edition.
        st.session_state["edition"] = options.edition_of(current)
        st.session_state["indicator"] = entry
    if st.session_state.get("indicator") not in allowed:
        default = options.default_indicator(selection.migration_type)
        st.session_state["indicator"] = default if default in allowed else allowed[0]
    picked = sidebar.selectbox(tx("filters.indicator"), allowed, key="indicator",
                               format_func=lambda i: tx.indicator(i, options.labels.get(i, i)),
                               persist_state="session")
    series = options.series_of(picked)
    editions = [e for e in options.editions_of(series) if usable(options.in_edition(series, e))]
    selection.indicator = picked
    if len(editions) < 2:
        return
    if st.session_state.get("edition") not in editions:
        st.session_state["edition"] = editions[0]
    newest = editions[0]
    edition = sidebar.radio(
        tx("filters.edition"), editions, key="edition", horizontal=True, persist_state="session",
        format_func=lambda e: tx("filters.edition_newest" if e == newest else "filters.edition_option", edition=e),
        help=tx("filters.edition_help"))
    selection.indicator = options.in_edition(series, edition)
    selection.series, selection.edition = series, edition
def _notice_vanished_indicator(options: filters.Choices) -> None:
    """The indicator on screen is no longer in the data (its file was removed, or no longer
    loads): say so, rather than switch silently to another one below."""
    shown = st.session_state.get("indicator")
    if shown and not any(shown in ids for ids in options.indicators.values()):
        label = language_ui.current().indicator(shown, shown)
        st.session_state.setdefault(_NOTICES, []).append(Phrase("filters.indicator_gone", indicator=label,
                                                                  page=Phrase("nav.data")))


def _show_notices() -> None:
    tx = language_ui.current()
    for notice in st.session_state.pop(_NOTICES, []):
        st.info(tx.markdown(notice), icon=":material/link_off:")


def publish(selection: filters.Selection, **extra) -> None:
    """Write the view into the URL so that a copied link reopens it."""
    selection.extra.update({key: str(value) for key, value in extra.items() if value is not None})
    st.query_params.from_dict(language_ui.query_with_language(filters.to_query(selection)))
