"""Start Streamlit on app.py: `python bin/serve.py [streamlit options]` (bin/run calls this).

Why not plain `streamlit run app.py`: Streamlit 1.67 decides once per server process, when the
first browser session opens, whether the app is a legacy multipage app, from whether a `pages/`
folder sits next to the main script (runtime/pages_manager.py, `PagesManager.uses_pages_directory`).
Only a call to `st.navigation` turns that off, and app.py's call comes too late for the first
session: its first run goes through the legacy router (`_mpa_v1` in script_runner.py), which
knows only the scripts at the top of `pages/` (none here), cannot find the page of a deep link
such as /corridors, and sends the browser its "Page not found" dialog before it runs app.py.
app.py declares every page with `st.navigation`, so the server is told so from the start.
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main(prog_name="streamlit")
