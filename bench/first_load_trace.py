"""Where a fresh browser's first chart time goes: python -m bench.first_load_trace [page ...] [--loads N] [--bare].

One timeline per load, in ms from navigation: the HTML, Streamlit's entry bundle, the websocket,
every message the server sends (new session, deltas, script finished, page info), what the
browser sends back (reruns), the plotly/deck chunks, and the chart on screen. Requests to any
host but the app's own are listed, so a regression there shows too.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections import Counter
from urllib.parse import urlparse

from bench import browser

# Marks written by the page itself, on the browser's clock (performance.now(), 0 = navigation start).
MARKS_JS = """
(() => {
  const marks = {}, long = [];
  const checks = {
    app: '[data-testid=stApp]',
    sidebar: '[data-testid=stSidebar]',
    first_element: '[data-testid=stMain] [data-testid=stElementContainer]',
    plotly_div: '.js-plotly-plot',
    plotly_svg: '.js-plotly-plot .main-svg',
    deck_canvas: '[data-testid=stDeckGlJsonChart] canvas',
    table: '[data-testid=stTable]',
    dataframe: '[data-testid=stDataFrame]',
  };
  const look = () => {
    for (const [name, selector] of Object.entries(checks)) {
      const element = document.querySelector(selector);
      if (!element) continue;
      if (!(name in marks)) marks[name] = performance.now();
      if (!((name + ' visible') in marks) && element.checkVisibility && element.checkVisibility()
          && element.getBoundingClientRect().height > 0) marks[name + ' visible'] = performance.now();
    }
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true});
  const frame = () => { look(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver(list => list.getEntries().forEach(e => long.push([e.startTime, e.duration])))
      .observe({type: 'longtask', buffered: true});
  } catch (e) {}
  window.__marks = marks; window.__long = long;
})();
"""


def _forward_kinds(payload: bytes) -> list[str]:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        message = ForwardMsg.FromString(payload)
    except Exception:  # a frame that is not one ForwardMsg
        return ["?"]
    kind = message.WhichOneof("type")
    if kind == "delta":
        delta = message.delta
        inner = delta.WhichOneof("type")
        if inner == "new_element":
            return [f"delta:{delta.new_element.WhichOneof('type')}"]
        return [f"delta:{inner}"]
    return [kind or "?"]


def _back_kind(payload) -> str:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    try:
        message = BackMsg.FromString(payload if isinstance(payload, bytes) else payload.encode())
        kind = message.WhichOneof("type")
        if kind == "rerun_script" and message.rerun_script.fragment_id:
            return "rerun_script (fragment timer)"
        return kind
    except Exception:
        return "?"


async def trace(chromium, url: str, context=None) -> dict:
    own = context is None
    context = context or await chromium.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = await context.new_page()
    await page.add_init_script(MARKS_JS)
    page.on("console", lambda message: None)
    events, hosts = [], Counter()
    start = time.perf_counter()

    def at() -> float:
        return (time.perf_counter() - start) * 1000

    def on_ws(ws):
        events.append((at(), "ws open", ""))
        ws.on("framereceived", lambda payload: [events.append((at(), "recv", kind))
                                                for kind in _forward_kinds(payload)])
        ws.on("framesent", lambda payload: events.append((at(), "sent", _back_kind(payload))))

    page.on("websocket", on_ws)
    page.on("request", lambda request: hosts.update([urlparse(request.url).netloc]))
    try:
        await page.goto(url)
        await page.wait_for_selector(browser.FIRST_CHART, state="visible", timeout=60_000)
        visible = at()
        await page.wait_for_timeout(1500)
        before = at()
        page_now = await page.evaluate("performance.now()")
        offset = (before + at()) / 2 - page_now  # Python's clock minus the page's, in ms
        marks = await page.evaluate("window.__marks")
        long_tasks = await page.evaluate("window.__long")
        navigation = await page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
        resources = await page.evaluate(
            "performance.getEntriesByType('resource').map(e => ({name: e.name, start: e.startTime, "
            "end: e.responseEnd, size: e.encodedBodySize, decoded: e.decodedBodySize, cached: e.transferSize === 0}))")
    finally:
        if own:
            await context.close()
        else:
            await page.close()
    return {"offset": offset, "visible": visible, "events": events, "marks": marks, "long_tasks": long_tasks, "navigation": navigation,
            "resources": resources, "hosts": dict(hosts)}


def _summary(run: dict) -> dict:
    """The milestones of one load, in ms."""
    nav, marks, events = run["navigation"], run["marks"], run["events"]
    resources = run["resources"]

    def resource(fragment: str, field: str = "end"):
        hits = [r[field] for r in resources if fragment in r["name"].rsplit("/", 1)[-1]]
        return min(hits) if hits else None

    def event(direction: str, kind: str, last: bool = False):
        hits = [t for t, d, k in events if d == direction and k.startswith(kind)]
        return (hits[-1] if last else hits[0]) if hits else None

    return {
        "page clock starts at": run["offset"],
        "html": nav["responseEnd"],
        "dom_content_loaded": nav["domContentLoadedEventEnd"],
        "entry_js": resource("index."),
        "ws_open": next((t for t, d, _ in events if d == "ws open"), None),
        "new_session": event("recv", "new_session"),
        "first_delta": event("recv", "delta"),
        "script_finished": event("recv", "script_finished"),
        "plotly_chunk": resource("PlotlyChart"),
        "deck_chunk": resource("DeckGlJsonChart"),
        **{f"mark {name}": value for name, value in sorted(marks.items(), key=lambda item: item[1])},
        "long tasks before visible": sum(d for t, d in run["long_tasks"] if t < run["visible"]),
        "visible (playwright)": run["visible"],
        "scripts_run": sum(1 for _, d, k in events if d == "recv" and k == "new_session"),
        "reruns_sent": sum(1 for _, d, k in events if d == "sent" and k == "rerun_script"),
        "fragment_runs_sent": sum(1 for _, d, k in events if d == "sent" and k.startswith("rerun_script (")),
        "js_from_cache": sum(1 for r in resources if r["cached"] and r["name"].endswith(".js")),
        "js_fetched": sum(1 for r in resources if not r["cached"] and r["name"].endswith(".js")),
    }


def _print_timeline(run: dict) -> None:
    for at, direction, kind in run["events"]:
        print(f"  {at:8.0f} ms  {direction:7} {kind}")
    for t, d in run["long_tasks"]:
        print(f"  {t:8.0f} ms  long task {d:.0f} ms")
    for r in sorted(run["resources"], key=lambda r: r["start"]):
        name = r["name"].rsplit("/", 1)[-1][:48]
        print(f"  {r['start']:8.0f} → {r['end']:6.0f} ms  {name:48} {r['decoded']:>9,} B{' (cache)' if r['cached'] else ''}")


async def main(pages: list[str], loads: int, bare: bool, verbose: bool, returning: bool, variants: list[str]) -> None:
    from playwright.async_api import async_playwright

    with browser.server(app=browser.BARE_APP if bare else None) as (url, _):
        async with async_playwright() as playwright:
            chromium = await playwright.chromium.launch(executable_path=browser.CHROMIUM, args=browser.ARGS)
            await trace(chromium, url)  # warm the server
            names = ([f"?with={variant}" for variant in variants] if bare else pages)
            collected = {name: [] for name in names}
            # Rounds: each load of every page or variant in turn, so that a busy spell hits all alike.
            for number in range(loads):
                for name in names:
                    path = name if bare else browser.PAGES[name]
                    summaries = collected[name]
                    if returning:
                        context = await chromium.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
                        await trace(chromium, f"{url}/{path}", context)
                        run = await trace(chromium, f"{url}/{path}", context)
                        await context.close()
                    else:
                        run = await trace(chromium, f"{url}/{path}")
                    if verbose and number == 0:
                        print(f"--- {name}: first load's timeline")
                        _print_timeline(run)
                    summaries.append(_summary(run))
                    foreign = {host for host in run["hosts"] if host and host != urlparse(url).netloc}
                    if foreign:
                        print(f"!!! {name}: requests to other hosts: {sorted(foreign)}")
            for name, summaries in collected.items():
                print(f"=== {name}{' (returning visitor)' if returning else ''}: median of {loads} loads, ms")
                for key in dict.fromkeys(k for s in summaries for k in s):
                    values = [s[key] for s in summaries if s.get(key) is not None]
                    if values:
                        print(f"  {key:22} {statistics.median(values):8.0f}   "
                              f"({', '.join(f'{v:.0f}' for v in values)})")
            await chromium.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="*", default=["overview", "trends", "corridors"])
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--bare", action="store_true", help="the bare Streamlit app (bench/bare_app.py)")
    parser.add_argument("--returning", action="store_true", help="second visit in the same browser context")
    parser.add_argument("--variants", nargs="*", default=[""],
                        help="with --bare: the extras to compare, e.g. '' numbers watch html (bench/bare_app.py)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the first load's timeline")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.pages, arguments.loads, arguments.bare, arguments.verbose, arguments.returning,
                     arguments.variants))
