"""The few Streamlit helpers pages share: the cached dataset, notices, source lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components import history, language_ui, markdown_text
from components.dataset import Dataset, keep_settled_versions, load_dataset, read_data_snapshot
from components.formatting import source_line
from components.i18n import Phrase, Texts
from components.settings import data_dir, settle_seconds
from components.snapshot import Snapshot

# How often an open page checks data/ for added, replaced or removed files. Every open tab sends
# this check, so it is load: at 2 s, 30 open tabs made 15 extra runs a second, and under that load
# Streamlit 1.67 sometimes lost a full run that overlapped a timed one (bench/sessions.py measured
# errors at 30 sessions with the timer, none without). 5 s still shows a dropped file within
# seconds and waits until a first visit's chart is drawn.
WATCH_SECONDS = 5.0


@st.cache_resource(max_entries=2, show_spinner="Loading data…")
def _load(folder: str, content_hash: str, _snapshot: Snapshot) -> Dataset:
    # Keyed on the files' content, so every session shares one copy until a file really changes.
    # The snapshot (not hashed: leading underscore) holds exactly the bytes content_hash was
    # computed from, so the cached Dataset can never belong to another version of a file.
    return load_dataset(_snapshot)


def dataset() -> Dataset:
    snapshot = served_snapshot()
    data = _load(str(snapshot.root), snapshot.fingerprint, snapshot)
    keep_settled_versions(data, snapshot)
    return data


def served_snapshot(folder: Path | None = None) -> Snapshot:
    """The bytes the app serves: a file still being copied is taken only once it has settled."""
    folder = Path(folder or data_dir())
    _tidy_once(str(folder))
    return read_data_snapshot(folder, settle=settle_seconds())


@st.cache_resource(max_entries=4, show_spinner=False)  # one data folder per server; tests use a few
def _tidy_once(folder: str) -> None:
    # At start-up (once per process and folder): temporary files a killed write left behind.
    history.remove_stale_temporaries(Path(folder))


def page_start() -> tuple[Texts, Dataset]:
    """Every page's first step: the reader's language and the served dataset, with a notice for
    each data file that did not load. Returns (tx, data)."""
    tx = language_ui.current()
    data = dataset()
    file_notices(data)
    return tx, data


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
    tx = language_ui.current()
    parts = []
    # File names, labels and problems come from files staff dropped: shown as text, never as Markdown.
    if stand_ins:
        names = ", ".join(f"**{tx.markdown(r.file)}** "
                          f"({tx.markdown(Phrase('notices.last_good_version', label=r.last_good))})"
                          for r in stand_ins)
        parts.append(tx("notices.stand_ins", count=len(stand_ins), names=names))
    if left_out:
        names = ", ".join(f"**{tx.markdown(report.file)}**" for report in left_out)
        parts.append(tx("notices.left_out", count=len(left_out), names=names))
    # The most specific problem first: a row-level one explains more than the file summary.
    problems = (left_out or stand_ins)[0].problems
    first = next((p for p in problems if p.check != "no-valid-rows"), problems[0])
    parts.append(tx("notices.fix_first", message=tx.markdown(first.message)))
    slot.warning(" ".join(parts), icon="⚠️")


def watch_data(data: Dataset) -> None:
    """Re-run the page when a file in data/ changes: checked every WATCH_SECONDS while it is open."""
    with st.sidebar:
        _watch(str(data_dir()), data)


@st.fragment(run_every=WATCH_SECONDS)
def _watch(folder: str, shown: Dataset) -> None:
    # Only this small fragment runs on the timer; the page itself re-runs only when the
    # content (hash) of the files differs from what it shows.
    # A file still being copied keeps its old bytes here, so a copy in progress (or 20
    # replacements in a row) re-runs the page once, when the file has settled.
    snapshot = served_snapshot(Path(folder))
    if shown.fingerprint and snapshot.fingerprint != shown.fingerprint:
        st.rerun()
    keep_settled_versions(shown, snapshot)


def source_caption(data: Dataset, source_ids, years=None) -> None:
    ids = [source_ids] if isinstance(source_ids, str) else list(dict.fromkeys(source_ids))
    tx = language_ui.current()
    lines = [source_line(data.source(source_id), years, tx) for source_id in ids]
    st.caption("  \n".join(markdown_text.inline(line) for line in lines))


def kosovo_footnote() -> None:
    st.caption(language_ui.current()("countries.kosovo_footnote"))


def table(frame: pd.DataFrame, **kwargs) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)
