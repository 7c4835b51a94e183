"""What a person waits for: first chart in Chromium, bytes on the wire, and a room full of users."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
FIRST_CHART = (".js-plotly-plot .main-svg, [data-testid=stDeckGlJsonChart] canvas, [data-testid=stTable], "
               "[data-testid=stDataFrame]")
# URL path -> a view with filters, as a shared link would open it
PAGES = {
    "overview": "",
    "map": "map?countries=SRB,MNE,MKD,MDA,BGR,ALB,BIH,XKX,HRV,ROU&indicator=emigrant_stock&year=2020",
    "corridors": "corridors?origin=MDA&indicator=emigrant_stock&year=2020&since=2000",
    "trends": "trends?countries=SRB,MKD,ALB,MDA&type=Remittances&indicator=remittances_pct_gdp",
    "compare": "compare?countries=SRB,MNE,MKD,ALB,BIH&indicator=emigrants_share_of_population&year=2020",
    "profile": "profile?country=MDA",
    "data": "data",
}
MAP_PAGES = ("map", "corridors")
# The floor: Streamlit and Chromium on this machine with nothing of ours (one small chart, one table).
BARE_APP = REPO / "bench" / "bare_app.py"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MemorySampler(threading.Thread):
    """Peak resident memory of the server process, read from /proc every 100 ms."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self._stop = pid, 0.0, threading.Event()

    def run(self):
        while not self._stop.is_set():
            try:
                for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
            except OSError:
                pass
            self._stop.wait(0.1)

    def stop(self):
        self._stop.set()


@contextmanager
def server(data_dir: Path | None = None, app: Path | None = None):
    port = _free_port()
    env = dict(os.environ)
    if data_dir is not None:
        env["MOBILITY_DATA_DIR"] = str(data_dir)
    # The dashboard starts as bin/run starts it (bin/serve.py); the bare floor app is plain Streamlit.
    start = [sys.executable, "-m", "streamlit", "run", str(app)] if app else [sys.executable, str(REPO / "bin" / "serve.py")]
    process = subprocess.Popen([*start, "--server.port", str(port), "--server.address", "127.0.0.1",
                                "--server.headless", "true"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    sampler = MemorySampler(process.pid)
    sampler.start()
    try:
        yield url, sampler
    finally:
        sampler.stop()
        process.terminate()
        process.wait(timeout=30)


# Playwright's wait_for_selector looks at the first match in document order only, and polls at
# 500 ms once the first few tries have failed, so its figure runs up to half a second late. The
# page therefore stamps, on its own clock (0 = navigation start), the first animation frame in
# which a chart of each kind is on screen. It looks only after the page changed, so that the
# looking does not keep the browser drawing frames while it loads.
CHART_KINDS = {"plotly": ".js-plotly-plot .main-svg", "deck": "[data-testid=stDeckGlJsonChart] canvas",
               "table": "[data-testid=stTable]", "dataframe": "[data-testid=stDataFrame]"}
STAMP_CHARTS_JS = """
(() => {
  const kinds = %s, seen = window.__charts = {};
  const shown = element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true});
  };
  let asked = false;
  const look = () => {
    asked = false;
    for (const [kind, selector] of Object.entries(kinds)) {
      if (!(kind in seen) && [...document.querySelectorAll(selector)].some(shown)) seen[kind] = performance.now();
    }
  };
  const changed = () => { if (!asked) { asked = true; requestAnimationFrame(look); } };
  new MutationObserver(changed).observe(document, {childList: true, subtree: true, attributes: true});
})();
""" % CHART_KINDS


async def _new_context(browser):
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    await context.add_init_script(STAMP_CHARTS_JS)
    return context


async def _first_chart(browser, url: str, context=None) -> tuple[float, int, dict]:
    """Seconds from navigation to the first chart on screen, websocket bytes received, and the
    page's own stamps (seconds from navigation start to each kind of chart on screen; "any" is the
    first). In a fresh browser context unless one is given (a returning visitor's warm cache)."""
    own = context is None
    context = context or await _new_context(browser)
    page = await context.new_page()
    received = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(
        0, received[0] + len(payload))))
    page.on("request", lambda request: _HOSTS.add(urlsplit(request.url).netloc))
    start = time.perf_counter()
    try:
        await page.goto(url)
        await page.wait_for_selector(FIRST_CHART, state="visible", timeout=60_000)
        elapsed = time.perf_counter() - start
        await page.wait_for_timeout(1500)  # let the rest of the page arrive before counting bytes
        painted = {kind: ms / 1000 for kind, ms in (await page.evaluate("window.__charts || {}")).items()}
        painted["any"] = min(painted.values(), default=float("nan"))
    finally:
        await page.close()
        if own:
            await context.close()
    return elapsed, received[0], painted


# Every host any page asked for; the app must ask only its own.
_HOSTS: set[str] = set()


async def _session(browser, url: str, changes: int) -> tuple[list[float], int]:
    """One person on the map page: open it, then flip the 'Show' toggle several times."""
    latencies, errors = [], 0
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = await context.new_page()
    try:
        await page.goto(f"{url}/{PAGES['map']}", timeout=240_000)
        await page.wait_for_selector(FIRST_CHART, state="visible", timeout=240_000)
        for step in range(changes):
            label, expected = (("Per population", "% of residents") if step % 2 == 0
                               else ("Absolute numbers", "persons"))
            start = time.perf_counter()
            await page.get_by_text(label, exact=True).click()
            await page.locator(".js-plotly-plot").get_by_text(expected, exact=True).first.wait_for(timeout=120_000)
            latencies.append(time.perf_counter() - start)
        errors += await page.locator("[data-testid=stException]").count()
    except Exception:  # a timeout or a crash is what this measures
        errors += 1
    finally:
        await context.close()
    return latencies, errors


async def _floor(browser, url: str, loads: int) -> dict:
    """The bare app (BARE_APP): first chart by the pages' rule, and each kind as the page stamped it."""
    floor = {"first_chart": [], "painted": []}
    await _first_chart(browser, url)  # warm its server
    for _ in range(loads):
        elapsed, _, painted = await _first_chart(browser, url)
        floor["first_chart"].append(elapsed)
        floor["painted"].append(painted)
    return floor


async def _measure(url: str, loads: int, sessions: list[int], changes: int, floor_url: str | None = None,
                   returning_visits: bool = True) -> dict:
    from playwright.async_api import async_playwright

    results = {"first_chart": {}, "bytes": {}, "concurrency": {}, "first_chart_errors": {},
               "first_chart_returning": {}, "first_chart_painted": {}, "first_chart_returning_painted": {}}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if floor_url:
            floor = await _floor(browser, floor_url, loads)
            results["first_chart_floor"] = floor["first_chart"]
            results["first_chart_floor_painted"] = floor["painted"]
        _HOSTS.clear()
        await _first_chart(browser, url)  # warm the server's caches and the browser's static files
        for name, path in PAGES.items():
            timings, errors, size, returning, painted, returning_painted = [], 0, 0, [], [], []
            for _ in range(loads):
                context = await _new_context(browser)
                try:
                    elapsed, size, stamps = await _first_chart(browser, f"{url}/{path}", context)
                    timings.append(elapsed)
                    painted.append(stamps)
                    if returning_visits:
                        # The same person opening the page again: Streamlit's JavaScript is in the cache.
                        elapsed, _, stamps = await _first_chart(browser, f"{url}/{path}", context)
                        returning.append(elapsed)
                        returning_painted.append(stamps)
                except Exception:  # a page that never shows a chart is a result, not a crash
                    errors += 1  # a returning visit failing counts too: the page failed to show a chart
                finally:
                    await context.close()
            results["first_chart"][name] = timings
            results["first_chart_errors"][name] = errors
            results["bytes"][name] = size
            results["first_chart_returning"][name] = returning
            results["first_chart_painted"][name] = painted
            results["first_chart_returning_painted"][name] = returning_painted
        own = urlsplit(url).netloc
        results["other_hosts"] = sorted(host for host in _HOSTS if host and host != own)
        for count in sessions:
            runs = await asyncio.gather(*[_session(browser, url, changes) for _ in range(count)])
            latencies = [value for run, _ in runs for value in run]
            results["concurrency"][count] = {"latencies": latencies, "errors": sum(e for _, e in runs)}
        await browser.close()
    return results


def measure(loads: int, sessions: list[int], changes: int, data_dir: Path | None = None,
            quick: bool = False) -> dict:
    """First chart per page (a first and a returning visit, against a bare app's floor) and
    concurrent browser sessions. `quick` (the benchmark in CI) skips the returning visits and the
    bare app: they give only figures that are printed, never gated, and took half of CI's
    benchmark time; every gated figure is still measured."""
    with contextlib.ExitStack() as stack:
        url, sampler = stack.enter_context(server(data_dir))
        floor_url = stack.enter_context(server(app=BARE_APP))[0] if not quick else None
        results = asyncio.run(_measure(url, loads, sessions, changes, floor_url,
                                       returning_visits=not quick))
        results["peak_memory_mb"] = sampler.peak_mb
    return results


def p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def painted(stamps: list[dict], kind: str = "any") -> list[float]:
    """Seconds to the first chart of this kind on the page's own clock, for the loads that drew one
    ("any": the first chart of any kind)."""
    return [stamp[kind] for stamp in stamps if stamp.get(kind) is not None and stamp[kind] == stamp[kind]]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
