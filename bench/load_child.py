"""Run in a fresh process: cold load + validation of one data folder, with its peak memory."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from bench.floors import read_floor_s
from components.dataset import load_dataset

if __name__ == "__main__":
    folder = Path(sys.argv[1])
    floor = read_floor_s(folder)
    start = time.perf_counter()
    dataset = load_dataset(folder, keep_history=False)
    elapsed = time.perf_counter() - start
    print(json.dumps({"load_s": elapsed, "read_floor_s": floor, "rows": len(dataset.observations),
                      "problems": len(dataset.problems),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
