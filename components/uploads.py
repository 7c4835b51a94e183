"""An uploaded file: its type told from its content, checked like a dropped file, stored under a name we make.

The name the browser sends is only shown back to the person; it never becomes part of a path.
What is stored is never the uploaded bytes: it is what passed the check, written out again by the
app (observations as a plain UTF-8 CSV of the rows that loaded, boundaries as the parsed JSON).
So a line of script between the rows, the macros of an .xlsm renamed .xlsx, a workbook's links to
other files or its hidden sheets never reach data/.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components import contract as c
from components import numbers
from components.boundary_files import read_boundaries
from components.file_formats import content_kind, decode
from components.history import write_atomically
from components.i18n import Phrase
from components.observations import OBSERVATION_COLUMNS, read_observations
from components.snapshot import written_whole

# What each kind of content becomes: (folder in data/, suffix of the stored file).
OBSERVATIONS_CSV = ("observations", ".csv")
OBSERVATIONS_XLSX = ("observations", ".xlsx")  # what an upload is read as; it is stored as CSV
BOUNDARIES = ("boundaries", ".geojson")
_UNSAFE_NAME = re.compile(r"[/\\\x00]|(^|[/\\])\.\.($|[/\\])|^\s*$")


@dataclass
class UploadCheck:
    accepted: bool
    message: str  # one sentence for the person who uploaded (a Phrase: tx.say(message) on screen)
    kind: tuple[str, str] | None = None
    report: c.FileReport | None = None
    stored: bytes | None = None  # what is written to data/ if published: the checked content, rewritten


def check_upload(data: bytes, uploaded_name: str, indicators: pd.DataFrame) -> UploadCheck:
    """Accept the upload only if it is a data file that loads; say why not otherwise."""
    if _UNSAFE_NAME.search(uploaded_name or "") or uploaded_name.startswith("."):
        # The name is not echoed back: it is the one thing here an attacker fully controls.
        return UploadCheck(False, Phrase("upload.check.unsafe_name"))
    if len(data) > c.MAX_FILE_BYTES:
        return UploadCheck(False, Phrase("upload.check.too_large", size=c.megabytes(len(data)),
                                         limit=c.MAX_FILE_MB))
    kind = content_type(data)
    if kind is None:
        return UploadCheck(False, Phrase("upload.check.not_data"))
    folder, _ = kind
    if folder == "observations":
        rows, introduced, report = read_observations(data, uploaded_name, indicators)
        stored, kind = (None if report.rejected else checked_csv(rows, introduced)), OBSERVATIONS_CSV
    else:
        collection, report = read_boundaries(data, uploaded_name)
        stored = None if report.rejected else json.dumps(collection, ensure_ascii=False).encode("utf-8")
    if report.rejected:
        return UploadCheck(False, Phrase("upload.check.rejected"), kind, report)
    return UploadCheck(True, Phrase("upload.check.passed", status=Phrase(c.STATUS_KEYS[report.status]),
                                    rows=report.rows_loaded), kind, report, stored)


def checked_once(memory: dict, data: bytes, uploaded_name: str, indicators: pd.DataFrame,
                 catalogue: str) -> UploadCheck:
    """check_upload, once per content (and name and catalogue): the upload page runs again on every
    click, and a check can take seconds. `memory` (the session's) keeps only the latest check."""
    key = (hashlib.sha256(data).hexdigest(), uploaded_name, catalogue)
    if key not in memory:
        memory.clear()
        memory[key] = check_upload(data, uploaded_name, indicators)
    return memory[key]


# The contract's columns, in the template's order: what a stored upload holds.
STORED_COLUMNS = ["indicator", "indicator_label", "unit", "migration_type", "definition", "measure",
                  "country", "partner", "region", "sex", "year", "value", "flag", "note", "source"]


def checked_csv(rows: pd.DataFrame, introduced: pd.DataFrame) -> bytes:
    """The rows that passed the check as a plain UTF-8 CSV in the contract's form (ISO codes,
    decimal point), with the description of any indicator the file brought: read again, it gives
    the same rows."""
    table = rows[OBSERVATION_COLUMNS].copy()
    described = {"indicator_label": "label", "unit": "unit", "migration_type": "migration_type",
                 "definition": "definition", "measure": "measure"}
    by_id = introduced.set_index("id") if len(introduced) else None
    for column, field in described.items():
        table[column] = table["indicator"].map(by_id[field]).fillna("") if by_id is not None else ""
    table["year"] = table["year"].astype(int).astype(str)
    # The shortest text that reads back as the same number: 52.3, not 52.299999999999997.
    table["value"] = [numbers.plain_number(value) for value in table["value"]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STORED_COLUMNS)
    writer.writerows(table[STORED_COLUMNS].astype(str).itertuples(index=False, name=None))
    return out.getvalue().encode("utf-8")


def content_type(data: bytes) -> tuple[str, str] | None:
    """(folder, suffix) from the bytes: an xlsx zip, GeoJSON text, or CSV text; None otherwise."""
    kind = content_kind(data)
    if kind == "xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return OBSERVATIONS_XLSX if "xl/workbook.xml" in archive.namelist() else None
        except zipfile.BadZipFile:
            return None
    if kind != "text":
        return None
    text, _ = decode(data)
    if text.lstrip().startswith(("{", "[")):
        try:
            parsed = json.loads(text)
        except ValueError:
            return None
        return BOUNDARIES if isinstance(parsed, dict) and parsed.get("type") == "FeatureCollection" else None
    first_line = text.lstrip().splitlines()[0] if text.strip() else ""
    return OBSERVATIONS_CSV if any(sep in first_line for sep in (",", ";", "\t")) else None


def stored_name(data: bytes, suffix: str, now: dt.datetime | None = None) -> str:
    """upload-20251127-154012-1a2b3c4d.csv: made by the app, unique, sorted by time."""
    now = now or dt.datetime.now()
    return f"upload-{now:%Y%m%d-%H%M%S}-{hashlib.sha256(data).hexdigest()[:8]}{suffix}"


def replaceable_files(data_dir: Path, folder: str) -> list[str]:
    """Names of the files an upload of this kind may replace: those already in the folder, of the
    type it is stored as (a CSV cannot take the name of a workbook)."""
    base = Path(data_dir) / folder
    suffixes = (".csv",) if folder == "observations" else c.BOUNDARY_SUFFIXES
    return sorted(p.name for p in base.glob("*")
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in suffixes)


def store(data_dir: Path, check: UploadCheck, replace: str | None = None) -> Path:
    """Write what passed the check into data/ in one atomic rename; the loader publishes it like
    a dropped file. The uploaded bytes themselves are never written."""
    if not check.accepted or check.stored is None:
        raise ValueError("only a checked upload is stored")
    data, (folder, suffix) = check.stored, check.kind
    if replace is not None:
        if replace not in replaceable_files(data_dir, folder):
            raise ValueError(f"not a file in data/{folder}/: {replace!r}")
        name = replace
    else:
        name = stored_name(data, suffix)
        # Publishing the same bytes twice (a double click) must not make a second copy.
        same = sorted((Path(data_dir) / folder).glob(f"upload-*{name[-len(suffix) - 9:]}"))
        if same:
            return same[0]
    target = Path(data_dir) / folder / name
    write_atomically(target, data)
    written_whole(target, hashlib.sha256(data).hexdigest())  # whole: the loader need not wait
    return target
