"""Page options that follow links: a card or a country opened from another page, or a shared link.

filter_ui.page_option reads the link the session was opened with, once; the circular-migration page
and the corridor cards are also opened from inside the app (st.page_link with query parameters), so
a value that is new in the address wins over the widget's last value, and the widget rules otherwise.
"""

from __future__ import annotations

import streamlit as st

from components import language_ui
from components.countries import resolve_country
from components.i18n import Phrase
from components.markdown_text import clipped

_SEEN = "_link_seen_"


def linked_option(name: str, state_key: str, options: list, default, *, country: bool = False):
    """Seed the widget `state_key` from the address's `name` when that value is new there."""
    raw = st.query_params.get(name)
    if raw is not None and raw != st.session_state.get(_SEEN + state_key):
        st.session_state[_SEEN + state_key] = raw
        value = resolve_country(raw) if country else _cast(raw, options)
        if value in options:
            st.session_state[state_key] = value
        else:
            tx = language_ui.current()
            # As filter_ui's notices: the link's value clipped and escaped, never read as Markdown.
            st.info(tx.markdown(Phrase("filters.link_option_unavailable", key=name, value=clipped(raw))),
                    icon=":material/link_off:")
    if st.session_state.get(state_key) not in options:
        st.session_state[state_key] = default
    return st.session_state[state_key]


def _cast(raw: str, options: list):
    kind = type(options[0]) if options else str
    try:
        return kind(raw)
    except (TypeError, ValueError):
        return None


def publish(options: dict[str, tuple[str, object]]) -> None:
    """Write the page's options ({name: (widget key, value)}) and the language into the address, so a
    copied link reopens the view. What is written is remembered as seen, so that the next run does not
    take it for a new link."""
    query = {}
    for name, (state_key, value) in options.items():
        if value is not None:
            query[name] = str(value)
            st.session_state[_SEEN + state_key] = query[name]
    st.query_params.from_dict(language_ui.query_with_language(query))
