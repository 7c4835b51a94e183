"""Every setting of the dashboard, declared once with its default and a one-line help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def value(self) -> str:
        return os.environ.get(self.name, self.default)


SETTINGS = {
    setting.name: setting
    for setting in (
        Setting("MOBILITY_DATA_DIR", str(REPO_ROOT / "data"),
                "Folder holding observations/, boundaries/ and catalogue/; tests point it elsewhere."),
        Setting("MOBILITY_SETTLE_SECONDS", "10",
                "A file in data/ is published only after nobody wrote to it for this long, so that a "
                "copy that stalls (up to this long) is never shown half-copied."),
    )
}


def data_dir() -> Path:
    return Path(SETTINGS["MOBILITY_DATA_DIR"].value)


def settle_seconds() -> float:
    try:
        return max(0.0, float(SETTINGS["MOBILITY_SETTLE_SECONDS"].value))
    except ValueError:
        return float(SETTINGS["MOBILITY_SETTLE_SECONDS"].default)
