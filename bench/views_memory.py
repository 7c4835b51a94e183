"""Server memory as people open many different map views: does it level off, or grow with every view?

Each view is a shared link to the map (indicator x year x countries x language x 'Show'), opened
by a fresh protocol client (bench/sessions.py) that closes when the chart has arrived, so what
stays in the server afterwards is what its caches keep, not open sessions. The server's resident
memory (VmRSS) is read after the first 50 views and at checkpoints up to 2,000 (each reading after
the server has gone quiet). The claim checked: memory after 2,000 views is within 1.5x of memory
after 50 (issue 17, "Bounded memory").

    .venv/bin/python -m bench.views_memory [--views 2000] [--parallel 4]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from bench.browser import server
from bench.sessions import ProtocolSession, SessionError, warm
from components import filters, i18n, views
from components.countries import REGION
from components.dataset import load_dataset

REPO = Path(__file__).resolve().parents[1]
FIRST = 50
LIMIT = 1.5
SETTLE_S = 2.0
MAP_SHOWS = ("absolute", "per_population")  # the map page's 'Show' choices (pages/explore/map.py)


def distinct_views(count: int, seed: int = 17) -> list[str]:
    """`count` different map links, in a fixed random order: every one a view no earlier link showed."""
    data = load_dataset(REPO / "data", keep_history=False)
    options = filters.choices(data.observations, data.indicators)
    totals = views.split(data.observations)[0]  # the map draws country totals
    mappable = [(kind, indicator, sorted(int(y) for y in totals[indicator]["year"].unique()))
                for kind in options.migration_types for indicator in options.indicators[kind]
                if indicator in totals]
    codes, languages = list(REGION), list(i18n.LANGUAGES)
    chooser, seen, links = random.Random(seed), set(), []
    while len(links) < count:
        kind, indicator, years = chooser.choice(mappable)
        year = chooser.choice(years)
        countries = tuple(code for code in codes if chooser.random() < 0.5) or (chooser.choice(codes),)
        language, show = chooser.choice(languages), chooser.choice(MAP_SHOWS)
        key = (indicator, year, countries, language, show)
        if key in seen:
            continue
        seen.add(key)
        links.append("map?" + urlencode({"type": kind, "indicator": indicator, "year": year,
                                         "countries": ",".join(countries), "view": show, "lang": language}))
    return links


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


async def _open(url: str, link: str) -> list[str]:
    """Open one view as a fresh tab would and close it once its map arrived; what went wrong, if anything."""
    try:
        async with ProtocolSession(url, fragment_timers=False) as session:
            run = await session.open(link)
    except (SessionError, OSError) as problem:
        return [f"{link}: {type(problem).__name__}: {problem}"]
    problems = [f"{link}: {error}" for error in run.errors]
    year = parse_qs(link.partition("?")[2])["year"][0]
    if not run.charts:
        problems.append(f"{link}: no map drawn")
    elif year not in run.charts[-1]:
        problems.append(f"{link}: the map drawn is not of {year}")
    return problems


async def _open_all(url: str, links: list[str], parallel: int) -> list[str]:
    queue = list(reversed(links))
    problems: list[str] = []

    async def worker():
        while queue:
            problems.extend(await _open(url, queue.pop()))

    await asyncio.gather(*[worker() for _ in range(parallel)])
    return problems


async def _measure(url: str, pid: int, links: list[str], parallel: int, checkpoints: list[int]) -> dict:
    await warm(url)
    await asyncio.sleep(SETTLE_S)
    readings, problems, done = {0: rss_mb(pid)}, [], 0
    start = time.perf_counter()
    for checkpoint in checkpoints:
        problems += await _open_all(url, links[done:checkpoint], parallel)
        done = checkpoint
        await asyncio.sleep(SETTLE_S)  # closed sessions are let go; the reading is what stays
        readings[done] = rss_mb(pid)
        print(f"{done:>5} views  {readings[done]:7.0f} MB  {time.perf_counter() - start:6.0f} s"
              f"  problems so far: {len(problems)}", flush=True)
    return {"rss_mb": readings, "problems": problems, "seconds": time.perf_counter() - start}


def measure(count: int = 2000, parallel: int = 4, step: int = 250) -> dict:
    links = distinct_views(count)
    checkpoints = sorted({min(FIRST, count), *range(step, count, step), count})
    with server() as (url, sampler):
        result = asyncio.run(_measure(url, sampler.pid, links, parallel, checkpoints))
        result["peak_mb"] = sampler.peak_mb
    return {**result, "views": count, "parallel": parallel, "first": min(FIRST, count)}


def ratio(result: dict) -> float:
    """Memory after all the views over memory after the first 50."""
    readings = {int(done): mb for done, mb in result["rss_mb"].items()}  # keys are text after JSON
    return readings[result["views"]] / readings[result["first"]]


def section(result: dict | None) -> list[str]:
    """The Markdown section of bench/RESULTS.md (python -m bench, full run)."""
    if not result:
        return []
    readings = {int(done): mb for done, mb in result["rss_mb"].items()}
    lines = ["", "## Memory after many distinct views (bench/views_memory.py)", "",
             f"Each view is a map link (indicator x year x countries x language x 'Show'), all different, opened "
             f"by a fresh protocol client that closes once its map arrived, {result['parallel']} at a time; "
             f"the server's resident memory (VmRSS) is read after it has been quiet for {SETTLE_S:.0f} s. "
             f"{result['views']:,} views took {result['seconds']:.0f} s; {len(result['problems'])} problems.", "",
             "| views opened | " + " | ".join(f"{done:,}" for done in readings) + " |",
             "|---|" + "---:|" * len(readings),
             "| server memory | " + " | ".join(f"{mb:,.0f} MB" for mb in readings.values()) + " |", "",
             f"After {result['views']:,} views / after {result['first']}: **{ratio(result):.2f}x** "
             f"(limit {LIMIT}x); peak {result['peak_mb']:,.0f} MB."]
    lines += [f"- {problem[:240]}" for problem in result["problems"][:6]]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="python -m bench.views_memory: " + __doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=2000)
    parser.add_argument("--parallel", type=int, default=4, help="sessions open at the same time")
    parser.add_argument("--step", type=int, default=250, help="views between memory readings")
    args = parser.parse_args()
    result = measure(args.views, args.parallel, args.step)
    print("\n".join(section(result)))
    return 0 if ratio(result) <= LIMIT and not result["problems"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
