"""The few Streamlit helpers pages share: the cached dataset, notices, source lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.countries import KOSOVO_FOOTNOTE
from components.dataset import Dataset, load_dataset, read_data_snapshot
from components.formatting import source_line
from components.settings import data_dir
from components.snapshot import Snapshot

# How often an open page checks data/ for added, replaced or removed files.
WATCH_SECONDS = 2.0


@st.cache_resource(max_entries=2, show_spinner="Loading data…")
def _load(folder: str, content_hash: str, _snapshot: Snapshot) -> Dataset:
    # Keyed on the files' content, so every session shares one copy until a file really changes.
    # The snapshot (not hashed: leading underscore) holds exactly the bytes content_hash was
    # computed from, so the cached Dataset can never belong to another version of a file.
    return load_dataset(_snapshot)


def dataset() -> Dataset:
    snapshot = read_data_snapshot(data_dir())
    return _load(str(snapshot.root), snapshot.fingerprint, snapshot)


def file_notices(data: Dataset) -> None:
    """A banner on every page when a file cannot be used, naming it and saying what to fix;
    and the watcher that brings changed files onto an open page."""
    watch_data(data)
    # Always the same slot, so that a notice coming or going does not shift the elements below
    # it (which would reset the page's tabs to the first one on a live refresh).
    slot = st.container()
    broken = [report for report in data.reports if report.broken]
    if not broken:
        return
    stand_ins = [report for report in broken if report.last_good]
    left_out = [report for report in broken if not report.last_good]
    parts = []
    if stand_ins:
        names = ", ".join(f"**{r.file}** (last good version {r.last_good})" for r in stand_ins)
        parts.append(f"{len(stand_ins)} data file(s) were replaced by a version that cannot be "
                     f"used, so the dashboard keeps showing their last good version: {names}.")
    if left_out:
        names = ", ".join(f"**{report.file}**" for report in left_out)
        parts.append(f"{len(left_out)} data file(s) could not be used and are left out: {names}. "
                     "All other data is shown.")
    # The most specific problem first: a row-level one explains more than the file summary.
    problems = (left_out or stand_ins)[0].problems
    first = next((p for p in problems if p.check != "no-valid-rows"), problems[0])
    parts.append(f"What to fix first: {first.message} See **Data & sources → Data files** for "
                 "every problem and how to fix it.")
    slot.warning(" ".join(parts), icon="⚠️")


def watch_data(data: Dataset) -> None:
    """Re-run the page when a file in data/ changes: checked every WATCH_SECONDS while it is open."""
    with st.sidebar:
        _watch(str(data_dir()), data.fingerprint)


@st.fragment(run_every=WATCH_SECONDS)
def _watch(folder: str, shown: str) -> None:
    # Only this small fragment runs on the timer; the page itself re-runs only when the
    # content (hash) of the files differs from what it shows.
    if shown and read_data_snapshot(Path(folder)).fingerprint != shown:
        st.rerun()


def source_caption(data: Dataset, source_ids, years=None) -> None:
    ids = [source_ids] if isinstance(source_ids, str) else list(dict.fromkeys(source_ids))
    lines = [source_line(data.source(source_id), years) for source_id in ids]
    st.caption("  \n".join(lines))


def kosovo_footnote() -> None:
    st.caption(KOSOVO_FOOTNOTE)


def table(frame: pd.DataFrame, **kwargs) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)
