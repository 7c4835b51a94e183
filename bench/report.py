"""The benchmark's results as one Markdown document (printed, and written to bench/RESULTS.md)."""

from __future__ import annotations

from bench import views_memory
from bench.browser import median, p, painted


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
              "First visit: a fresh browser (empty cache). Page's clock: the first animation frame with a "
              "chart on screen, stamped by the page itself (Playwright's own check polls every 500 ms and "
              "cannot look while the page is busy, so it reads late). Returning: the same browser opening "
              "the page again, Streamlit's JavaScript in its cache.", "",
              "| page | first chart p50 | page's clock p50 | returning p50 | first chart max | no chart within 60 s "
              "| bytes received (websocket) | of which geometry | floor: figure JSON |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for page, timings in browser["first_chart"].items():
        slowest = max(timings) if timings else float("nan")
        errors = browser.get("first_chart_errors", {}).get(page, 0)
        shown = median(painted(browser.get("first_chart_painted", {}).get(page, [])))
        returning = median(browser.get("first_chart_returning", {}).get(page, []))
        lines.append(f"| {page} | {median(timings):.2f} s | {shown:.2f} s | {returning:.2f} s | {slowest:.2f} s | "
                     f"{errors} | {browser['bytes'][page]:,} | {results['geometry_bytes'][page]:,} | "
                     f"{results['figure_bytes'][page]:,} |")
    if browser.get("first_chart_floor"):
        floor_painted = browser.get("first_chart_floor_painted", [])
        plotly, table = median(painted(floor_painted, "plotly")), median(painted(floor_painted, "table"))
        lines += ["", f"Floor: a bare Streamlit app (bench/bare_app.py: one table, one small plotly chart) in a "
                  f"fresh browser on the same machine: first chart p50 {median(browser['first_chart_floor']):.2f} s; "
                  f"on the page's clock its table shows at {table:.2f} s and its plotly chart at {plotly:.2f} s."]
    hosts = browser.get("other_hosts")
    if hosts is not None:
        lines += ["", f"Requests to hosts other than the app's own: {', '.join(hosts) if hosts else 'none'}."]
    lines += ["", "The byte counts are the page's data over the websocket; static JavaScript and fonts come "
              "from the app's own host.", "",
              "## Concurrent browser sessions (Chromium; each opens the map and flips the 'Show' toggle)", "",
              "| sessions | interactions | p50 | p95 | errors |", "|---:|---:|---:|---:|---:|"]
    for count, run in browser["concurrency"].items():
        lines.append(f"| {count} | {len(run['latencies'])} | {median(run['latencies']):.2f} s | "
                     f"{p(run['latencies'], 0.95):.2f} s | {run['errors']} |")
    lines += ["", f"Server peak memory during the browser runs: {browser['peak_memory_mb']:,.0f} MB."]
    crowd = results.get("sessions")
    if crowd:
        lines += ["", "## Concurrent sessions at the server (bench/sessions.py: protocol clients; each opens "
                  "the map and flips 'Show')", "",
                  "Each session is a light client speaking Streamlit's own websocket protocol, as a browser "
                  "tab does (including the data watcher's timed reruns), so that the clients do not take "
                  "the server's 2 cores. A change counts only when the new chart arrived with the new unit.", "",
                  "| sessions | interactions | p50 | p95 | max | page load p50 | errors | runs without their own finish |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for count, run in crowd["concurrency"].items():
            latencies = run["latencies"]
            slowest = max(latencies) if latencies else float("nan")
            lines.append(f"| {count} | {len(latencies)} | {_ms(median(latencies))} | {_ms(p(latencies, 0.95))} | "
                         f"{_ms(slowest)} | {_ms(median(run.get('page_loads', [])))} | {run['errors']} | "
                         f"{run.get('unannounced_finishes', 0)} |")
        problems = [f"- {count} sessions: {problem}" for count, run in crowd["concurrency"].items()
                    for problem in run.get("problems", [])]
        lines += ["", *problems[:10], "" if problems else "",
                  f"Server peak memory during the protocol runs: {crowd['peak_memory_mb']:,.0f} MB."]
    lines += views_memory.section(results.get("views_memory"))
    lines += replicas_section(results.get("replicas"), results.get("sizing"))
    lines += ["",
              "## Targets", "", "| figure | measured | target | status |", "|---|---:|---:|---|"]
    for row in results["checks"]:
        status = row["status"] + ("" if row.get("gate", True) else " (not gated)")
        lines.append(f"| {row['figure']} | {row['value']:,.3g} | {row['target']:,.3g} | {status} |")
    return "\n".join(lines) + "\n"


def _load(figures) -> str:
    return "/".join(f"{value:.1f}" for value in figures)


def replicas_section(run: dict | None, sizing: dict | None) -> list[str]:
    """Many viewers (bench/replicas.py): replicas behind HAProxy, and how many for how many viewers."""
    lines = []
    if run:
        crowd, drop, upload, kill = run["crowd"], run["drop_in"], run["upload"], run["kill"]
        spread = ", ".join(f"{name} {count}" for name, count in crowd["sessions_per_replica"].items())
        memory = ", ".join(f"{name} {mb:,} MB" for name, mb in run["peak_memory_mb"].items())
        seen = ", ".join(f"{name} {value if isinstance(value, str) else f'{value:.1f} s'}"
                         for name, value in drop["seconds_by_replica"].items())
        lines += ["", f"## Many viewers: {run['replicas']} replicas behind HAProxy (bench/replicas.py)", "",
                  "The replicas are `streamlit run app.py` processes on the loopback sharing one data folder, "
                  "one cookie secret and one secrets file; HAProxy runs deploy/haproxy.cfg with only its bind "
                  "line and server addresses replaced. Sessions are the protocol clients above, sent through "
                  "HAProxy with its stickiness cookie, "
                  f"{run['changes']} 'Show' flips each. Load average (1/5/15 min) before: {_load(run['load_before'])}, "
                  f"after: {_load(run['load_after'])}.", "",
                  "| check | result |", "|---|---|",
                  f"| {crowd['sessions']} concurrent sessions | {crowd['interactions']} flips, p50 {_ms(crowd['p50_s'])}, "
                  f"p95 {_ms(crowd['p95_s'])}, max {_ms(crowd['max_s'])}, {crowd['errors']} errors; "
                  f"sessions per replica: {spread} |",
                  f"| peak memory per replica | {memory} |",
                  f"| a file dropped into the shared data/ ({drop['before']} → {drop['after']} on Overview) | "
                  f"shown by an open tab on every replica, unprompted: {seen} (limit {drop['limit_s']:.0f} s) |",
                  f"| signed-in upload in Chromium through HAProxy | served by {upload['replica']}; upload requests "
                  f"{', '.join(map(str, upload['upload_statuses'])) or 'none'}; stored {', '.join(upload['stored']) or 'nothing'}"
                  f"{' (rows match)' if upload['stored_rows_match'] else ''} |",
                  f"| {kill['killed']} killed (SIGKILL) after {kill['killed_after_flips']} of the crowd's flips | "
                  f"its {kill['victim_sessions']} sessions: {kill['victim_sessions_reconnected']} reconnected to "
                  f"{', '.join(kill['victim_moved_to']) or 'none'}, {kill['victim_sessions_completed']} finished every "
                  f"flip, {kill['victim_errors']} errors; the other {kill['other_sessions']} sessions: "
                  f"{kill['other_errors']} errors, {kill['other_reconnects']} reconnects; all flips p95 "
                  f"{_ms(kill['all']['p95_s'])}, max {_ms(kill['all']['max_s'])} |"]
        problems = list(dict.fromkeys(crowd["problems"] + kill["problems"]))
        lines += ["", *[f"- {problem[:240]}" for problem in problems[:6]]] if problems else []
    if sizing:
        lines += ["", "### Sizing: one replica, growing crowds", "",
                  f"One replica behind HAProxy; every session flips 'Show' back to back (no reading time), the "
                  f"harshest use of a tab. Load average before: {_load(sizing['load_before'])}, after: "
                  f"{_load(sizing['load_after'])}.", "",
                  "| sessions | flips | p50 | p95 | max | errors | wall time | replica CPU | replica CPU per flip "
                  "| client CPU |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for count, crowd in sizing["crowds"].items():
            per_flip = crowd["replica_cpu_s"] / crowd["interactions"] if crowd["interactions"] else float("nan")
            lines.append(f"| {count} | {crowd['interactions']} | {_ms(crowd['p50_s'])} | {_ms(crowd['p95_s'])} | "
                         f"{_ms(crowd['max_s'])} | {crowd['errors']} | {crowd['wall_s']:.1f} s | "
                         f"{crowd['replica_cpu_s']:.1f} s | {_ms(per_flip)} | {crowd['client_cpu_s']:.1f} s |")
        idle = sizing.get("open_tabs")
        if idle:
            lines += ["", f"Open tabs left alone (viewers reading): {idle['tabs']} tabs on the map for "
                      f"{idle['seconds']:.0f} s cost the replica {idle['replica_cpu_s']:.1f} CPU seconds, i.e. "
                      f"{idle['core_per_1000_tabs']:.2f} of a core per 1,000 open tabs (the data watcher's check every 5 s)."]
        per = sizing["sessions_per_replica"]
        lines += ["", "| sessions per replica at p95 ≤ 1.5 s | peak memory per replica | replicas for 300 viewers "
                  "| replicas for 1,000 viewers |", "|---:|---:|---:|---:|",
                  f"| {per or 'none of the crowds'} | {sizing['peak_memory_mb']:,} MB | "
                  f"{sizing.get('replicas_for_300', '–')} | {sizing.get('replicas_for_1000', '–')} |"]
    return lines
