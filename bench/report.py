"""The benchmark's results as one Markdown document (printed, and written to bench/RESULTS.md)."""

from __future__ import annotations

from bench.browser import median, p


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def markdown(results: dict) -> str:
    machine = results["machine"]
    lines = ["# Benchmark results", "",
             f"Command: `.venv/bin/python -m bench{' --quick' if results['quick'] else ''}`. "
             f"Machine: {machine['cores']} cores, {machine['memory_gb']} GB; Python {machine['python']}, "
             f"Streamlit {machine['streamlit']}, pandas {machine['pandas']}, plotly {machine['plotly']}, "
             f"{machine['chromium']}.", "",
             "## Data load (cold, fresh process, load + validate everything)", "",
             "First load: every file is new and every cell is checked. Restart: the same files after a "
             "server restart; each file's check result was kept by content (data/.cache/checked), so "
             "only the bytes are read, hashed and matched.", "",
             "| volume | rows | first load: check every file | restart: files checked before | "
             "floor: pandas read only | peak memory, first load | peak memory, restart |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for factor, load in results["load"].items():
        lines.append(f"| {factor}x | {load['rows']:,} | {load['load_s']:.2f} s | {load.get('restart_s', float('nan')):.2f} s | "
                     f"{load['read_floor_s']:.2f} s | {load['peak_mb']:,.0f} MB | "
                     f"{load.get('restart_peak_mb', float('nan')):,.0f} MB |")
    dropped = [(factor, load) for factor, load in results["load"].items() if "new_file_s" in load]
    if dropped:
        lines += ["", "One new file dropped next to files checked before (the largest file again, under a new "
                  "region code), loaded in a fresh process:", "",
                  "| volume | new rows | load | peak memory |", "|---|---:|---:|---:|"]
        lines += [f"| {factor}x | {load['new_file_rows']:,} | {load['new_file_s']:.2f} s | "
                  f"{load['new_file_peak_mb']:,.0f} MB |" for factor, load in dropped]
    for title, key in (("Server time per rerun (AppTest, filters changed every rerun)", "server"),
                       ("Server time per rerun at 100x data", "server_100x")):
        if not results.get(key):
            continue
        lines += ["", f"## {title}", "", "| page | cold | warm p50 | warm p95 | floor: figure from memory | reruns | errors |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for page, timing in results[key].items():
            lines.append(f"| {page} | {_ms(timing['cold_s'])} | {_ms(median(timing['warm_s']))} | "
                         f"{_ms(p(timing['warm_s'], 0.95))} | {_ms(results['floors'][page])} | "
                         f"{len(timing['warm_s'])} | {timing['errors']} |")
    browser = results["browser"]
    lines += ["", "## Browser (Playwright + Chromium on localhost)", "",
              "| page | first chart p50 | first chart max | no chart within 60 s | bytes received (websocket) | of which geometry | floor: figure JSON |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for page, timings in browser["first_chart"].items():
        slowest = max(timings) if timings else float("nan")
        errors = browser.get("first_chart_errors", {}).get(page, 0)
        lines.append(f"| {page} | {median(timings):.2f} s | {slowest:.2f} s | {errors} | {browser['bytes'][page]:,} | "
                     f"{results['geometry_bytes'][page]:,} | {results['figure_bytes'][page]:,} |")
    lines += ["", "Static JavaScript and fonts come from the app's own host and are cached by the browser "
              "after the first visit; the byte counts are the page's data.", "",
              "## Concurrent sessions (each opens the map and flips the 'Show' toggle)", "",
              "| sessions | interactions | p50 | p95 | errors |", "|---:|---:|---:|---:|---:|"]
    for count, run in browser["concurrency"].items():
        lines.append(f"| {count} | {len(run['latencies'])} | {median(run['latencies']):.2f} s | "
                     f"{p(run['latencies'], 0.95):.2f} s | {run['errors']} |")
    lines += ["", f"Server peak memory during the browser runs: {browser['peak_memory_mb']:,.0f} MB.", "",
              "## Targets", "", "| figure | measured | target | status |", "|---|---:|---:|---|"]
    for row in results["checks"]:
        status = row["status"] + ("" if row.get("gate", True) else " (not gated)")
        lines.append(f"| {row['figure']} | {row['value']:,.3g} | {row['target']:,.3g} | {status} |")
    return "\n".join(lines) + "\n"
