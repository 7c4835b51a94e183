"""The few Streamlit helpers pages share: the cached dataset, notices, source lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.countries import KOSOVO_FOOTNOTE
from components.dataset import Dataset, fingerprint, load_dataset
from components.formatting import source_line
from components.settings import data_dir


@st.cache_resource(max_entries=2, show_spinner="Loading data…")
def _load(folder: str, content_hash: str) -> Dataset:
    # Keyed on the files' content, so every session shares one copy until a file really changes.
    return load_dataset(Path(folder))


def dataset() -> Dataset:
    folder = data_dir()
    return _load(str(folder), fingerprint(folder))


def file_notices(data: Dataset) -> None:
    """A banner on every page when a file was left out, naming it and pointing to the details."""
    rejected = [report for report in data.reports if report.rejected]
    if rejected:
        names = ", ".join(f"**{report.file}**" for report in rejected)
        # The most specific problem first: a row-level one explains more than the file summary.
        problems = rejected[0].problems
        first = next((p for p in problems if p.check != "no-valid-rows"), problems[0])
        st.warning(
            f"{len(rejected)} data file(s) could not be used and are left out: {names}. "
            f"All other data is shown. First problem: {first.message} "
            "See **Data & sources** for every problem and how to fix it.",
            icon="⚠️",
        )


def source_caption(data: Dataset, source_ids, years=None) -> None:
    ids = [source_ids] if isinstance(source_ids, str) else list(dict.fromkeys(source_ids))
    lines = [source_line(data.source(source_id), years) for source_id in ids]
    st.caption("  \n".join(lines))


def kosovo_footnote() -> None:
    st.caption(KOSOVO_FOOTNOTE)


def table(frame: pd.DataFrame, **kwargs) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)
