"""Server time per rerun, page by page, through AppTest: cold (empty caches) and warm."""

from __future__ import annotations

import itertools
import random
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from components import pages_registry

REPO = Path(__file__).resolve().parents[1]
COUNTRY_SETS = [["SRB", "MNE"], ["MKD", "ALB", "BIH"], ["MDA", "ROU", "BGR"], ["HRV", "SRB", "XKX"], ["MDA"]]

# page -> its file (components/pages_registry.py) and how a person changes the view on it
# (one widget change per rerun)
CHANGES = {"overview": None, "map": "year", "corridors": "origin", "trends": "countries", "compare": "year",
           "profile": "country", "data": None}
PAGES = {slug: (pages_registry.page(slug).script, key) for slug, key in CHANGES.items()}


def _change(app: AppTest, key: str | None, step: int) -> None:
    if key is None:
        return
    widget = app.get_by_key(key) if hasattr(app, "get_by_key") else None
    widget = widget[0] if isinstance(widget, list) else widget
    if key == "countries":
        widget.set_value(COUNTRY_SETS[step % len(COUNTRY_SETS)])
    else:
        options = list(widget.options)
        choice = options[step % len(options)]
        widget.set_value(type(widget.value)(choice) if widget.value is not None else choice)


def page_times(page: str, reruns: int, seed: int = 1) -> dict:
    """Cold: first run with caches cleared. Warm: `reruns` runs, each after one filter change."""
    path, key = PAGES[page]
    st.cache_resource.clear()
    st.cache_data.clear()
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=900)  # 100x cold loads take minutes
    app.switch_page(path)
    start = time.perf_counter()
    app.run()
    cold = time.perf_counter() - start
    errors = len(app.exception)
    warm = []
    random.seed(seed)
    for step in itertools.islice(itertools.count(1), reruns):
        _change(app, key, step)
        start = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - start)
        errors += len(app.exception)
    return {"page": page, "cold_s": cold, "warm_s": warm, "errors": errors}
