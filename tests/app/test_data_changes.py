"""Data files changing under an open page: a removed file is announced, a failed roll-back says why."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components import history
from components.dataset import load_dataset
from tests.conftest import REPO

TIMEOUT = 90


@pytest.fixture
def app_on(monkeypatch, data_copy):
    monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_copy))
    monkeypatch.setenv("MOBILITY_SETTLE_SECONDS", "0")  # the copy was just written; nobody writes to it

    def start(page: str) -> AppTest:
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
        app.run()
        app.switch_page(page).run()
        assert not app.exception, [e.message for e in app.exception]
        return app
    return start


def test_trends_says_so_when_the_file_behind_its_indicator_is_deleted(app_on, data_copy):
    app = app_on("pages/explore/trends.py")
    shown = app.selectbox(key="indicator").value
    observations = load_dataset(data_copy, keep_history=False).observations
    for name in set(observations.loc[observations["indicator"] == shown, "file"]):
        (data_copy / "observations" / name).unlink()
    app.run()
    assert not app.exception
    notices = " ".join(info.value for info in app.info)
    assert "are no longer in the data" in notices and "removed from data/" in notices, notices
    assert app.selectbox(key="indicator").value != shown
    app.run()  # said once, not on every run after
    assert "are no longer in the data" not in " ".join(info.value for info in app.info)


def test_a_roll_back_into_a_read_only_folder_names_the_cause_and_the_fix(app_on, monkeypatch):
    app = app_on("pages/data/data_sources.py")
    assert app.selectbox(key="rollback_version").options

    def read_only(*args, **kwargs):  # what mkstemp meets in a folder the app may not write to
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(history.tempfile, "mkstemp", read_only)
    app.button(key="rollback").click().run()
    assert not app.exception, "a generic error instead of a message"
    message = " ".join(error.value for error in app.error)
    assert "was not put back: the app cannot write to data/" in message
    assert "(Permission denied)" in message and "write permission" in message
