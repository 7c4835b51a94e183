"""First loads only: python -m bench.first_load [--factors 1 100] [--repeats 3] [--keep DIR].

The data-load part of `python -m bench`, on its own and repeated, for a machine shared with
others where one run is noise: each repeat is a fresh process that reads the folder with pandas
alone (the floor) and then loads and checks every file with no kept check results, as when every
file is new. Prints every repeat and the median of each figure, and the whole result as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import scaled_copy
from components.checked_files import CACHE_DIR

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def first_load(folder: Path) -> dict:
    """One first load in a fresh process: floor, load time, rows, problems, peak memory."""
    shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
    child = subprocess.run([sys.executable, "-m", "bench.load_child", str(folder)], cwd=REPO,
                           capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def scaled_folder(factor: int, scratch: Path) -> Path:
    """The shipped data/ at 1x (as `python -m bench` measures it), a scaled copy otherwise,
    written once into `scratch` and reused by later runs."""
    if factor == 1:
        return DATA
    folder = scratch / f"x{factor}"
    done = folder / ".complete"
    if not done.exists():
        scaled_copy(DATA, factor, folder)
        done.write_text("")
    return folder


def measure(factors: list[int], repeats: int, scratch: Path) -> dict:
    results = {}
    for factor in factors:
        folder = scaled_folder(factor, scratch)
        runs = []
        for number in range(repeats):
            run = first_load(folder)
            runs.append(run)
            print(f"{factor}x run {number + 1}: load {run['load_s']:.2f} s, floor {run['read_floor_s']:.2f} s, "
                  f"peak {run['peak_mb']:,.0f} MB, {run['rows']:,} rows, {run['problems']} problems", flush=True)
        results[factor] = {"runs": runs, **{key: statistics.median(run[key] for run in runs)
                                             for key in ("load_s", "read_floor_s", "peak_mb")}}
        print(f"{factor}x median of {repeats}: load {results[factor]['load_s']:.2f} s, floor "
              f"{results[factor]['read_floor_s']:.2f} s, peak {results[factor]['peak_mb']:,.0f} MB", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factors", type=int, nargs="*", default=[1, 100])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None,
                        help="a folder for the scaled copies, kept between runs (default: a temporary one)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = measure(args.factors, args.repeats, args.keep)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            results = measure(args.factors, args.repeats, Path(scratch))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
