"""bin/serve.py holds a data-watcher tick that reaches the server while a page's run is ending,
instead of letting Streamlit drop the rest of that run (the page's chart and its "finished")."""

from __future__ import annotations

import asyncio
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

SERVE = Path(__file__).resolve().parents[2] / "bin" / "serve.py"


@pytest.fixture
def serve(monkeypatch):
    """bin/serve.py with Streamlit's runner creation replaced by a recorder, patched as at start."""
    created = []
    monkeypatch.setattr(AppSession, "_create_scriptrunner", lambda session, data: created.append(data),
                        raising=True)
    monkeypatch.setattr(AppSession, "_held_fragment_ticks", False, raising=False)
    spec = importlib.util.spec_from_file_location("serve_under_test", SERVE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.hold_fragment_ticks_while_a_run_ends()
    module.created = created
    return module


class EndingRunner:
    """A runner whose run is over: it refuses every new request, as Streamlit's does then."""

    def request_rerun(self, data):
        return False


class BusyRunner:
    """A runner in the middle of a run (a click started it): it takes the tick into its queue."""

    def __init__(self):
        self.queued = []

    def request_rerun(self, data):
        self.queued.append(data)
        return True


@dataclass
class Session:
    _event_loop: asyncio.AbstractEventLoop
    _scriptrunner: object = None
    _state: AppSessionState = AppSessionState.APP_IS_RUNNING
    fragments: set = field(default_factory=lambda: {"watcher"})

    def has_fragment(self, fragment_id):
        return fragment_id in self.fragments


def _run_for(seconds: float, loop: asyncio.AbstractEventLoop, then=None) -> None:
    async def wait():
        await asyncio.sleep(seconds)
        if then:
            then()
    loop.run_until_complete(wait())


def test_a_tick_waits_until_the_ending_run_has_shut_down_then_runs(serve):
    loop = asyncio.new_event_loop()
    session = Session(loop, _scriptrunner=EndingRunner())
    tick = RerunData(fragment_id="watcher")
    AppSession._create_scriptrunner(session, tick)
    _run_for(0.3, loop)
    assert serve.created == []  # held: the ending runner still has messages to pass on
    # Streamlit clears the runner once its SHUTDOWN event (after all its messages) is handled.
    _run_for(0.2, loop, then=lambda: setattr(session, "_scriptrunner", None))
    _run_for(0.2, loop)
    assert serve.created == [tick]
    loop.close()


def test_a_tick_held_while_a_click_starts_a_new_run_joins_that_run(serve):
    loop = asyncio.new_event_loop()
    session = Session(loop, _scriptrunner=EndingRunner())
    tick = RerunData(fragment_id="watcher")
    AppSession._create_scriptrunner(session, tick)
    clicked = BusyRunner()
    _run_for(0.1, loop, then=lambda: setattr(session, "_scriptrunner", clicked))
    _run_for(0.2, loop)
    assert clicked.queued == [tick] and serve.created == []
    loop.close()


def test_a_tick_for_a_fragment_the_page_no_longer_draws_is_dropped(serve):
    loop = asyncio.new_event_loop()
    session = Session(loop, _scriptrunner=EndingRunner())
    AppSession._create_scriptrunner(session, RerunData(fragment_id="watcher"))
    session.fragments.clear()
    _run_for(0.3, loop)
    # Dropped, not held: once the ending runner is gone, nothing runs the stale tick.
    session._scriptrunner = None
    _run_for(0.3, loop)
    assert serve.created == []
    loop.close()


def test_clicks_and_first_runs_start_at_once_as_streamlit_does(serve):
    loop = asyncio.new_event_loop()
    idle, click = Session(loop), RerunData(query_string="year=2020")
    AppSession._create_scriptrunner(idle, RerunData(fragment_id="watcher"))
    AppSession._create_scriptrunner(Session(loop, _scriptrunner=EndingRunner()), click)
    assert serve.created == [RerunData(fragment_id="watcher"), click]
    loop.close()


def test_a_runner_that_never_shuts_down_is_replaced_as_streamlit_would_after_the_limit(serve, monkeypatch):
    monkeypatch.setattr(serve, "RETRY_SECONDS", 0.001)
    loop = asyncio.new_event_loop()
    session = Session(loop, _scriptrunner=EndingRunner())
    tick = RerunData(fragment_id="watcher")
    AppSession._create_scriptrunner(session, tick)
    _run_for(1.5, loop)
    assert serve.created == [tick]
    loop.close()
