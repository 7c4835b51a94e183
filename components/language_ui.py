"""The language picker: read from the link (?lang=), else the browser's locale; kept in the URL."""

from __future__ import annotations

import streamlit as st

from components import i18n

KEY = "lang"


def _first_choice() -> str:
    """A shared link's language wins; on a first visit without one, the browser's locale decides."""
    from_link = i18n.language_of(st.query_params.get(KEY))
    if from_link:
        return from_link
    return i18n.from_locale(getattr(st.context, "locale", None))


def current() -> i18n.Texts:
    """The session's language (chosen on the first run, then the picker's)."""
    if KEY not in st.session_state or st.session_state[KEY] not in i18n.LANGUAGES:
        st.session_state[KEY] = _first_choice()
    return i18n.texts(st.session_state[KEY])


def picker() -> i18n.Texts:
    """The picker at the top of the sidebar; writes the choice into the URL so a copied link keeps it."""
    tx = current()
    codes = list(i18n.LANGUAGES)
    st.sidebar.selectbox(f":material/language: {tx('language.label')}", codes, key=KEY, format_func=i18n.LANGUAGES.get,
                         help=tx("language.help"))
    tx = i18n.texts(st.session_state[KEY])
    st.query_params[KEY] = tx.code
    if not tx.reviewed:
        st.sidebar.caption(tx("language.unreviewed"))
    return tx


def query_with_language(query: dict) -> dict:
    """A page's URL parameters plus the language, for pages that rewrite the whole query string."""
    return {**query, KEY: st.session_state.get(KEY, i18n.DEFAULT)}
