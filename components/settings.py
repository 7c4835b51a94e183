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
    )
}


def data_dir() -> Path:
    return Path(SETTINGS["MOBILITY_DATA_DIR"].value)
