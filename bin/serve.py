"""Start Streamlit on app.py: `python bin/serve.py [streamlit options]` (bin/run calls this).

Two things of Streamlit 1.67's server are set here, before it starts.

Deep links on a fresh server. Streamlit decides once per server process, when the first browser
session opens, whether the app is a legacy multipage app, from whether a `pages/` folder sits
next to the main script (runtime/pages_manager.py, `PagesManager.uses_pages_directory`). Only a
call to `st.navigation` turns that off, and app.py's call comes too late for the first session:
its first run goes through the legacy router (`_mpa_v1` in script_runner.py), which knows only
the scripts at the top of `pages/` (none here), cannot find the page of a deep link such as
/corridors, and sends the browser its "Page not found" dialog before it runs app.py. app.py
declares every page with `st.navigation`, so the server is told so from the start.

A page run lost to the data watcher's timer (`hold_fragment_ticks_while_a_run_ends`).
"""

import sys
from pathlib import Path

from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"
# How often a held timer run asks again, and for how long at most (then as Streamlit would).
RETRY_SECONDS = 0.05
RETRY_LIMIT = 200


def hold_fragment_ticks_while_a_run_ends() -> None:
    """Every open page re-runs its data watcher (a fragment, components/ui.py) on a timer. When a
    tick reaches the server just as a page's run has ended, but before the server has passed on
    that run's last messages, Streamlit 1.67 starts a new runner for the tick at once and drops
    everything the ended runner still had to send (AppSession._handle_scriptrunner_event_on_event_loop
    ignores a non-current runner): the page's chart and its "finished" never reach the browser,
    which waits forever. With 90 open pages this happened 1-3 times a minute (bench.sessions).

    The fix: a timer run that the ending runner refused waits until that runner has shut down
    (its last messages sent), then runs. Full runs (a click) are left as Streamlit does them.
    """
    if getattr(AppSession, "_held_fragment_ticks", False):
        return
    create_runner = AppSession._create_scriptrunner

    def create_runner_after_the_last_one_ended(session, rerun_data, attempt=0):
        ending = session._scriptrunner
        if not rerun_data.fragment_id or ending is None or attempt >= RETRY_LIMIT:
            return create_runner(session, rerun_data)
        if session._state == AppSessionState.SHUTDOWN_REQUESTED:
            return None
        if attempt and ending.request_rerun(rerun_data):  # a new runner (a click) took it
            return None
        if attempt and not session.has_fragment(rerun_data.fragment_id):
            return None  # the run that just ended no longer draws this fragment
        session._event_loop.call_later(RETRY_SECONDS, create_runner_after_the_last_one_ended,
                                       session, rerun_data, attempt + 1)
        return None

    AppSession._create_scriptrunner = create_runner_after_the_last_one_ended
    AppSession._held_fragment_ticks = True


if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    hold_fragment_ticks_while_a_run_ends()
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main(prog_name="streamlit")
