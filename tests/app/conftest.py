"""Page tests write whole files into their data copy before the page opens, then read it at once.

The settle window (a file is published only once nobody wrote to it for MOBILITY_SETTLE_SECONDS)
would show those files' previous versions for 10 s; it has its own tests
(tests/unit/test_half_copied_files.py, tests/app/test_data_changes.py, tests/e2e/test_live_refresh.py).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def files_written_whole(monkeypatch):
    monkeypatch.setenv("MOBILITY_SETTLE_SECONDS", "0")
