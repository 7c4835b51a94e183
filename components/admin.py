"""Staff sign-in for the actions that change data/ (upload, roll back). Off unless a password is set.

The password lives in .streamlit/secrets.toml as `admin_password = "..."`; without that file or
key the upload page does not exist and nobody can sign in.

Guessing is slowed for the whole server, not per browser tab: after a wrong password every session
waits (1 s, then 2, 4 ... up to a minute) before any password is checked again, and each failure
is logged (never the password). A sign-in holds only while the password that granted it is the one
in secrets.toml: changing it signs everyone out.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time

import streamlit as st
from streamlit import config as streamlit_config

from components import contract, language_ui
from components.i18n import Texts

SESSION_KEY = "staff_signed_in"
FAILED_KEY = "staff_sign_in_failed"
# A wrong password costs this long, so that guessing by script is slow.
WRONG_PASSWORD_DELAY_SECONDS = 1.0
FIRST_BACKOFF_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 60.0
# After this long without a wrong password, the backoff starts again from the first step.
BACKOFF_RESET_SECONDS = 15 * 60.0

log = logging.getLogger(__name__)
# A key of this process: what a session keeps is a keyed hash of the password, never the password.
_PROCESS_KEY = secrets.token_bytes(32)


class SignInGuard:
    """Wrong passwords slow every session down, one shared clock for the whole server."""

    def __init__(self, clock=time.monotonic):
        self._clock, self._lock = clock, threading.Lock()
        self.failures, self._next_check, self._last_failure = 0, 0.0, float("-inf")

    def wait_left(self) -> float:
        with self._lock:
            return max(0.0, self._next_check - self._clock())

    def attempt(self, given: str, expected: str, who: str = "") -> bool | float:
        """True when right; False when wrong; or the seconds left to wait, when no password may
        be checked yet (then it is not even compared)."""
        with self._lock:
            now = self._clock()
            if now < self._next_check:
                log.warning("Staff sign-in refused without checking (backoff, %.0f s left)%s",
                            self._next_check - now, f" from {who}" if who else "")
                return self._next_check - now
            if password_matches(given, expected):
                self.failures, self._next_check = 0, 0.0
                return True
            if now - self._last_failure > BACKOFF_RESET_SECONDS:
                self.failures = 0
            self.failures += 1
            self._last_failure = now
            delay = min(FIRST_BACKOFF_SECONDS * 2 ** (self.failures - 1), MAX_BACKOFF_SECONDS)
            self._next_check = now + delay
            # Never the password, nor its length: only that it was wrong.
            log.warning("Failed staff sign-in%s (%d in a row); next password checked in %.0f s",
                        f" from {who}" if who else "", self.failures, delay)
            return False


GUARD = SignInGuard()


def password_token(password: str) -> str:
    """What a session keeps to say which password signed it in."""
    return hmac.new(_PROCESS_KEY, password.encode("utf-8"), hashlib.sha256).hexdigest()


def admin_password() -> str | None:
    try:
        value = st.secrets["admin_password"]
    except Exception:  # no secrets.toml, an unreadable one, or no such key: all mean "off"
        return None
    return str(value) if str(value or "").strip() else None


def upload_enabled() -> bool:
    return admin_password() is not None


def bound_upload_endpoint() -> None:
    """Streamlit's upload endpoint takes a file from any open session, signed in or not, and holds
    it in memory for minutes (25 MB each: +1.3 GB measured). While no password is set nothing in
    the app accepts a file, so the endpoint takes none. Streamlit 1.67 reads server.maxUploadSize
    on every upload request (tests/app/test_upload.py checks that it still does); the public
    st.set_option only sets client options, hence Streamlit's own config module here."""
    limit = contract.MAX_FILE_MB if upload_enabled() else 0
    if streamlit_config.get_option("server.maxUploadSize") != limit:
        streamlit_config.set_option("server.maxUploadSize", limit,
                                    where_defined="components/admin.py: uploads only with an admin password")


def password_matches(given: str, expected: str) -> bool:
    # Constant time: how long the comparison takes says nothing about how much of it was right.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def signed_in() -> bool:
    expected = admin_password()
    token = st.session_state.get(SESSION_KEY)
    # Tied to the password that granted it: after a change in secrets.toml this no longer matches.
    return expected is not None and isinstance(token, str) and hmac.compare_digest(token, password_token(expected))


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
            st.session_state[SESSION_KEY] = None
            st.rerun()
        return
    failed = st.session_state.get(FAILED_KEY, False)
    with st.expander(tx("admin.sign_in_title"), expanded=bool(failed)):
        with st.form("staff_sign_in", clear_on_submit=True):
            given = st.text_input(tx("admin.password"), type="password")
            if st.form_submit_button(tx("admin.sign_in")):
                outcome = GUARD.attempt(given, expected, who=_who())
                if outcome is True:
                    st.session_state[SESSION_KEY] = password_token(expected)
                    st.session_state[FAILED_KEY] = False
                    st.rerun()
                if outcome is False:
                    time.sleep(WRONG_PASSWORD_DELAY_SECONDS)
                st.session_state[FAILED_KEY] = failed = "wrong" if outcome is False else f"{outcome:.0f}"
        # Kept in the session, so the message survives any rerun that follows the attempt.
        if failed == "wrong" or failed is True:
            st.error(tx("admin.wrong_password"))
        elif failed:
            st.error(tx("admin.wait", seconds=max(1, int(float(failed) + 0.999))))


def require_sign_in(tx: Texts | None = None) -> None:
    """Stop the page here unless a signed-in member of staff is looking at it."""
    if not signed_in():
        tx = tx or language_ui.current()
        st.error(tx("admin.staff_only", page=tx("nav.data"), tab=tx("data_page.tabs.files")))
        st.stop()


def _who() -> str:
    """The client's address for the log (behind a proxy: the proxy's, unless it forwards it)."""
    try:
        return st.context.ip_address or ""
    except Exception:  # outside a browser session (tests): no address
        return ""
