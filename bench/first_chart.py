"""python -m bench.first_chart [--loads N]: only the first-chart figures of bench/browser.py, printed."""

from __future__ import annotations

import argparse
import json

from bench import browser


def _p50(values: list[float]) -> str:
    return f"{browser.median(values):.2f} s" if values else "-"


def main(loads: int, out: str | None) -> None:
    results = browser.measure(loads=loads, sessions=[], changes=0)
    floor = results["first_chart_floor_painted"]
    print(f"floor (bare app): first chart {_p50(results['first_chart_floor'])}; painted: table "
          f"{_p50(browser.painted(floor, 'table'))}, "
          f"plotly {_p50(browser.painted(floor, 'plotly'))}")
    print("| page | fresh p50 | fresh painted p50 | returning p50 | returning painted p50 |")
    print("|---|---:|---:|---:|---:|")
    for page, timings in results["first_chart"].items():
        painted = browser.painted(results["first_chart_painted"][page])
        returning = browser.painted(results["first_chart_returning_painted"][page])
        print(f"| {page} | {_p50(timings)} | {_p50(painted)} | {_p50(results['first_chart_returning'][page])} | "
              f"{_p50(returning)} |")
    print(f"requests to other hosts: {results['other_hosts'] or 'none'}")
    if out:
        with open(out, "w") as handle:
            json.dump(results, handle, indent=1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--out", help="also write the raw results (JSON) here")
    arguments = parser.parse_args()
    main(arguments.loads, arguments.out)
