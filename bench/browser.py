"""What a person waits for: first chart in Chromium, bytes on the wire, and a room full of users."""

from __future__ import annotations

import asyncio
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
def server(data_dir: Path | None = None):
    port = _free_port()
    env = dict(os.environ)
    if data_dir is not None:
        env["MOBILITY_DATA_DIR"] = str(data_dir)
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
                                "--server.port", str(port), "--server.address", "127.0.0.1",
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


async def _first_chart(browser, url: str) -> tuple[float, int]:
    """Seconds from navigation to the first chart on screen, and websocket bytes received."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = await context.new_page()
    received = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(
        0, received[0] + len(payload))))
    start = time.perf_counter()
    try:
        await page.goto(url)
        await page.wait_for_selector(FIRST_CHART, state="visible", timeout=60_000)
        elapsed = time.perf_counter() - start
        await page.wait_for_timeout(1500)  # let the rest of the page arrive before counting bytes
    finally:
        await context.close()
    return elapsed, received[0]


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


async def _measure(url: str, loads: int, sessions: list[int], changes: int) -> dict:
    from playwright.async_api import async_playwright

    results = {"first_chart": {}, "bytes": {}, "concurrency": {}, "first_chart_errors": {}}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        await _first_chart(browser, url)  # warm the server's caches and the browser's static files
        for name, path in PAGES.items():
            timings, errors, size = [], 0, 0
            for _ in range(loads):
                try:
                    elapsed, size = await _first_chart(browser, f"{url}/{path}")
                    timings.append(elapsed)
                except Exception:  # a page that never shows a chart is a result, not a crash
                    errors += 1
            results["first_chart"][name] = timings
            results["first_chart_errors"][name] = errors
            results["bytes"][name] = size
        for count in sessions:
            runs = await asyncio.gather(*[_session(browser, url, changes) for _ in range(count)])
            latencies = [value for run, _ in runs for value in run]
            results["concurrency"][count] = {"latencies": latencies, "errors": sum(e for _, e in runs)}
        await browser.close()
    return results


def measure(loads: int, sessions: list[int], changes: int, data_dir: Path | None = None) -> dict:
    with server(data_dir) as (url, sampler):
        results = asyncio.run(_measure(url, loads, sessions, changes))
        results["peak_memory_mb"] = sampler.peak_mb
    return results


def p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
