"""python -m bench [--quick] [--out FILE]: measure, print a table, write bench/RESULTS.md."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from bench import browser, replicas, sessions, views_memory
from bench.floors import figure_bytes, figure_floor_s, geometry_bytes
from bench.server import PAGES, page_times
from bench.synthetic import scaled_copy
from bench.targets import check, TARGETS
from components.checked_files import CACHE_DIR
from components.dataset import load_dataset

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def _load(folder: Path) -> dict:
    """Two cold loads, each in a fresh process: first as when every file is new (the kept check
    results deleted, so every cell is checked), then as after a server restart over the same
    files (each file's check result kept in data/.cache/checked, see components/checked_files.py)."""
    shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
    first = _load_child(folder)
    restart = _load_child(folder)
    result = {**first, "restart_s": restart["load_s"], "restart_peak_mb": restart["peak_mb"]}
    if folder != DATA:  # never write into the shipped data folder
        result.update(_new_file_dropped(folder))
    return result


def _new_file_dropped(folder: Path) -> dict:
    """What staff wait for: one new full-size file (the largest there is, under a new region
    code) dropped next to files checked before, loaded after a restart."""
    largest = max((folder / "observations").glob("*.csv"), key=lambda path: path.stat().st_size)
    dropped = folder / "observations" / "zz_dropped_by_staff.csv"
    frame = pd.read_csv(largest, dtype=str, keep_default_na=False).assign(region="NEWFILE")
    frame.to_csv(dropped, index=False)
    try:
        load = _load_child(folder)
    finally:
        dropped.unlink()
    return {"new_file_s": load["load_s"], "new_file_rows": len(frame), "new_file_peak_mb": load["peak_mb"]}


def _load_child(folder: Path) -> dict:
    child = subprocess.run([sys.executable, "-m", "bench.load_child", str(folder)], cwd=REPO,
                           capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def _server(reruns: int, data_dir: Path | None) -> dict:
    if data_dir is not None:
        os.environ["MOBILITY_DATA_DIR"] = str(data_dir)
    try:
        return {page: page_times(page, reruns) for page in PAGES}
    finally:
        os.environ.pop("MOBILITY_DATA_DIR", None)


# A full run takes about half an hour; each finished part is kept here, so that `--resume`
# after a crash or an interruption measures only the parts still missing.
PARTIAL = REPO / "bench" / ".partial.json"
# Crowds for one replica behind HAProxy, to find how many sessions it holds at p95 <= 1.5 s.
SIZING_CROWDS = [30, 60, 90, 120]


def run(quick: bool, resume: bool = False) -> dict:
    factors = [1] if quick else [1, 10, 100]
    reruns = 5 if quick else 30
    results = {"machine": _machine(), "quick": quick, "load": {}, "server": {}, "server_100x": {}}
    if resume and PARTIAL.exists():
        results.update(json.loads(PARTIAL.read_text()))
        results["load"] = {int(k): v for k, v in results["load"].items()}
        for part in ("browser", "sessions"):
            results[part] = results.get(part) and {
                **results[part], "concurrency": {int(k): v for k, v in results[part]["concurrency"].items()}}

    def keep(part: str, value) -> None:
        results[part] = value
        if not quick:
            PARTIAL.write_text(json.dumps({k: v for k, v in results.items() if k != "machine"}))

    data = load_dataset(DATA, keep_history=False)
    with tempfile.TemporaryDirectory() as scratch:
        if not quick and not (results["load"] and results["server_100x"]):
            for factor in factors:
                folder = DATA if factor == 1 else Path(scratch) / f"x{factor}"
                if factor > 1:
                    scaled_copy(DATA, factor, folder)
                results["load"][factor] = _load(folder)
            keep("load", results["load"])
        elif quick:
            results["load"][1] = _load(DATA)
        if not results["server"]:
            keep("server", _server(reruns, None))
        if not quick and not results["server_100x"]:
            keep("server_100x", _server(10, Path(scratch) / "x100"))
    results["floors"] = {page: figure_floor_s(data, page) for page in PAGES}
    results["figure_bytes"] = {page: figure_bytes(data, page) for page in PAGES}
    results["geometry_bytes"] = {page: geometry_bytes(data, page) for page in PAGES}
    if not results.get("browser"):
        # Real Chromium sessions share the server's 2 cores, so beyond 10 they measure the clients
        # (bench/RESULTS.md); the room of 30 is measured at the server with protocol clients below.
        keep("browser", browser.measure(loads=1 if quick else 5, sessions=[3] if quick else [1, 10],
                                        changes=3 if quick else 6, quick=quick))
    if not results.get("sessions"):
        keep("sessions", sessions.measure(sessions=[3] if quick else [1, 10, 30], changes=3 if quick else 6))
    if not quick and not results.get("views_memory"):
        # Bounded memory: 2,000 different map views, memory after them against after the first 50.
        keep("views_memory", views_memory.measure(views=2000, parallel=4))
    if not quick and not results.get("replicas"):
        # Many viewers: 3 replicas behind HAProxy (CI runs a quick version in tests/e2e/test_replicas.py).
        keep("replicas", replicas.measure(replicas=3, count=90, changes=6))
    if not quick and not results.get("sizing"):
        keep("sizing", replicas.sizing(SIZING_CROWDS, changes=6))
    results["checks"] = check(results)
    return results


def _machine() -> dict:
    import pandas
    import plotly
    import streamlit

    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "memory_gb": round(int(memory) / 1024 / 1024, 1),
            "python": platform.python_version(), "streamlit": streamlit.__version__,
            "pandas": pandas.__version__, "plotly": plotly.__version__, "chromium": chromium}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1x data, a few reruns, 3 sessions (CI)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the Markdown table")
    parser.add_argument("--resume", action="store_true",
                        help="keep the parts of an interrupted full run (bench/.partial.json); measure the rest")
    args = parser.parse_args()
    results = run(args.quick, args.resume)
    from bench.report import markdown

    text = markdown(results)
    print(text)
    out = args.out or (None if args.quick else REPO / "bench" / "RESULTS.md")
    if out:
        out.write_text(text, encoding="utf-8")
    failed = [c for c in results["checks"] if c["status"] == "over 3x" and c["gate"]]
    return 1 if args.quick and failed else 0


if __name__ == "__main__":
    sys.exit(main())
