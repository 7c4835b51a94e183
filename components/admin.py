"""Staff sign-in for the actions that change data/ (upload, roll back). Off unless a password is set.

The password lives in .streamlit/secrets.toml as `admin_password = "..."`; without that file or
key the upload page does not exist and nobody can sign in.
"""

from __future__ import annotations

import hmac
import time

import streamlit as st

from components import language_ui
from components.i18n import Texts

SESSION_KEY = "staff_signed_in"
FAILED_KEY = "staff_sign_in_failed"
# A wrong password costs this long, so that guessing by script is slow.
WRONG_PASSWORD_DELAY_SECONDS = 1.0


def admin_password() -> str | None:
    try:
        value = st.secrets["admin_password"]
    except Exception:  # no secrets.toml, an unreadable one, or no such key: all mean "off"
        return None
    return str(value) if str(value or "").strip() else None


def upload_enabled() -> bool:
    return admin_password() is not None


def password_matches(given: str, expected: str) -> bool:
    # Constant time: how long the comparison takes says nothing about how much of it was right.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def signed_in() -> bool:
    return upload_enabled() and st.session_state.get(SESSION_KEY) is True


def may_change_data() -> bool:
    """Roll-back needs a signed-in member of staff once a password is set; on a laptop with no
    password (the default), whoever runs the app is staff."""
    return not upload_enabled() or signed_in()


def sign_in_box(tx: Texts | None = None) -> None:
    """Staff sign-in (or sign-out), shown only when a password is set. It lives on the Data &
    sources page, not in the sidebar, so that no password box shows during a presentation."""
    expected = admin_password()
    if expected is None:
        return
    tx = tx or language_ui.current()
    if signed_in():
        st.caption(tx("admin.signed_in", page=tx("nav.upload")))
        if st.button(tx("admin.sign_out"), key="staff_sign_out"):
            st.session_state[SESSION_KEY] = False
            st.rerun()
        return
    failed = st.session_state.get(FAILED_KEY, False)
    with st.expander(tx("admin.sign_in_title"), expanded=failed):
        with st.form("staff_sign_in", clear_on_submit=True):
            given = st.text_input(tx("admin.password"), type="password")
            if st.form_submit_button(tx("admin.sign_in")):
                if password_matches(given, expected):
                    st.session_state[SESSION_KEY] = True
                    st.session_state[FAILED_KEY] = False
                    st.rerun()
                time.sleep(WRONG_PASSWORD_DELAY_SECONDS)
                st.session_state[FAILED_KEY] = failed = True
        # Kept in the session, so the message survives any rerun that follows the attempt.
        if failed:
            st.error(tx("admin.wrong_password"))


def require_sign_in(tx: Texts | None = None) -> None:
    """Stop the page here unless a signed-in member of staff is looking at it."""
    if not signed_in():
        tx = tx or language_ui.current()
        st.error(tx("admin.staff_only", page=tx("nav.data"), tab=tx("data_page.tabs.files")))
        st.stop()
