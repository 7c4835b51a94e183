"""Scaled copies of data/ for load tests: the shipped rows repeated under synthetic region codes.

The copies are generated into a temporary folder and never shipped. Each repetition gets its own
`region` code (SYN0001, ...) so that keys stay unique and the loader does the full work.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd


# Staff files may be at most 25 MB (the contract), so large volumes come as several files.
PART_BYTES = 20 * 2**20


def scaled_copy(data_dir: Path, factor: int, target: Path) -> int:
    """Write `factor` times the shipped observations into target; return the number of rows."""
    if target.exists():
        shutil.rmtree(target)
    for folder in ("catalogue", "boundaries", "actors", "places"):
        if (data_dir / folder).is_dir():
            shutil.copytree(data_dir / folder, target / folder)
    (target / "observations").mkdir(parents=True)
    rows = 0
    for path in sorted((data_dir / "observations").glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        part, handle = 0, None
        for copy in range(factor):
            if handle is None or handle.tell() > PART_BYTES:
                if handle:
                    handle.close()
                part += 1
                handle = (target / "observations" / f"{path.stem}_part{part:03d}.csv").open(
                    "w", encoding="utf-8", newline="")
                header = True
            chunk = frame.assign(region="" if copy == 0 else f"SYN{copy:04d}")
            chunk.to_csv(handle, index=False, header=header, lineterminator="\n")
            header = False
            rows += len(chunk)
        handle.close()
    return rows
