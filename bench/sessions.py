"""A room full of people on the map, measured at the server: each person is a light Python client
speaking Streamlit's own websocket protocol, so the clients do not take the server's 2 cores."""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from bench.browser import PAGES, median, p, server

# The "Show" choice and a word that only the chart of that view carries (its colour-bar unit),
# so a rerun that silently kept the old view cannot pass.
SHOW = "Show"
VIEWS = {"Per population": "% of residents", "Absolute numbers": "persons"}
LOAD_TIMEOUT_S = 240.0
CHANGE_TIMEOUT_S = 60.0
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


class SessionError(Exception):
    """What a person would see as broken: an error on the page, a lost connection, a wrong chart."""


@dataclass
class Run:
    """What one full script run sent: widgets by label, plotly specs in order, errors shown."""
    widgets: dict = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_seen: list[str] = field(default_factory=list)  # message kinds, to say where a stuck run stopped
    unannounced: bool = False  # over without its own script_finished (see ProtocolSession._run)


class ProtocolSession:
    """One browser tab as the server sees it: the rerun requests Streamlit's frontend sends and the
    bookkeeping it keeps (URL query, current page, widget values, message cache, fragment timers)."""

    def __init__(self, url: str, fragment_timers: bool = True):
        self.url, self.fragment_timers = url, fragment_timers
        self.query_string = ""
        self.page_script_hash = ""
        self.widget_states: dict[str, WidgetState] = {}
        self.widgets: dict = {}
        self.cache: dict[str, ForwardMsg] = {}  # hash -> message, as the frontend's ForwardMsgCache
        self.timers: dict[str, tuple[float, asyncio.Task]] = {}
        self.socket = None
        self.last_seen: deque[str] = deque(maxlen=12)

    async def __aenter__(self):
        stream = self.url.replace("http://", "ws://", 1) + "/_stcore/stream"
        # max_size=None: one map chart message is ~220 kB; a browser takes any size.
        self.socket = await connect(stream, origin=self.url, subprotocols=["streamlit"], max_size=None,
                                    open_timeout=LOAD_TIMEOUT_S)
        return self

    async def __aexit__(self, *exc):
        for _, timer in self.timers.values():
            timer.cancel()
        await self.socket.close()

    async def open(self, path: str) -> Run:
        """Open `path` ("map?countries=...") as a shared link would: page name and query, no hash."""
        page_name, _, self.query_string = path.partition("?")
        return await self._run(LOAD_TIMEOUT_S, page_name=page_name)

    async def choose(self, label: str, option: str) -> Run:
        """Pick `option` in the radio (or selectbox) labelled `label`, as a click would."""
        element = self.widgets.get(label)
        if element is None or option not in element.options:
            raise SessionError(f"no widget {label!r} with option {option!r} on the page")
        self.widget_states[element.id] = WidgetState(id=element.id, string_value=option)
        return await self._run(CHANGE_TIMEOUT_S)

    async def rerun(self) -> Run:
        """Rerun with nothing changed, as after a click that changes no widget."""
        return await self._run(CHANGE_TIMEOUT_S)

    async def _send_rerun(self, page_name: str = "", fragment_id: str = "", auto: bool = False) -> None:
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = "" if page_name else self.page_script_hash
        rerun.page_name = page_name
        rerun.fragment_id = fragment_id
        rerun.is_auto_rerun = auto
        rerun.widget_states.widgets.extend(self.widget_states.values())
        rerun.cached_message_hashes.extend(self.cache)
        rerun.context_info.locale = "en-US"
        rerun.context_info.timezone = "UTC"
        await self.socket.send(message.SerializeToString())

    async def _run(self, timeout: float, page_name: str = "") -> Run:
        """Ask for a full run and read until it is over: the server says it finished, or the same
        session goes on to a fragment run (unpatched, Streamlit 1.67 drops a full run's last
        messages when a fragment timer fires as it ends; `person` counts that as an error)."""
        run, full_run, status = Run(), None, None
        await self._send_rerun(page_name)
        try:
            async with asyncio.timeout(timeout):
                while status not in FINISHED:
                    message = await self._receive(run)
                    kind, run_id = message.WhichOneof("type"), message.metadata.run.script_run_id
                    if kind == "new_session" and not message.metadata.run.fragment_ids:
                        full_run = run_id  # a newer full run (after one cut short) replaces the older
                    elif kind == "new_session" and full_run and run.charts:
                        # Runs of one session are sequential: a fragment run starting after the
                        # full run drew its chart means the full run is over.
                        run.unannounced = True
                        break
                    elif kind == "script_finished" and run_id == full_run:
                        status = message.script_finished
        except TimeoutError:
            raise SessionError(f"no finished run within {timeout:.0f} s; first messages: "
                               f"{', '.join(run.first_seen)}; last: {', '.join(self.last_seen)}") from None
        except WebSocketException as lost:
            raise SessionError(f"connection lost: {lost}") from None
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            run.errors.append("compile error")
        self.widgets.update(run.widgets)
        return run

    async def _receive(self, run: Run) -> ForwardMsg:
        message = ForwardMsg()
        message.ParseFromString(await self.socket.recv())
        if message.WhichOneof("type") == "ref_hash":
            # The server sends only the hash of an element this client said it holds.
            if message.ref_hash not in self.cache:
                raise SessionError(f"server referred to a message this client never had: {message.ref_hash}")
            cached = ForwardMsg()
            cached.CopyFrom(self.cache[message.ref_hash])
            cached.metadata.CopyFrom(message.metadata)
            message = cached
        elif message.metadata.cacheable:
            self.cache[message.hash] = message
        kind = message.WhichOneof("type")
        seen = f"script_finished={message.script_finished}" if kind == "script_finished" else kind
        self.last_seen.append(seen)
        if len(run.first_seen) < 12:
            run.first_seen.append(seen)
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._note_element(message.delta.new_element, run)
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string  # the frontend's URL bar
        elif kind == "new_session":
            self.page_script_hash = message.new_session.page_script_hash
        elif kind == "navigation":
            self.page_script_hash = message.navigation.page_script_hash
        elif kind == "page_not_found":
            run.errors.append(f"page not found: {message.page_not_found.page_name!r}")
        elif kind == "auto_rerun":
            self._keep_timer(message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                self._drop_timer(fragment_id)
        return message

    @staticmethod
    def _note_element(element, run: Run) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.errors.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "plotly_chart":
            run.charts.append(element.plotly_chart.spec)
        elif kind in ("radio", "selectbox"):
            run.widgets[getattr(element, kind).label] = getattr(element, kind)

    # The page's data watcher is a fragment with run_every: a browser tab re-runs it on a timer for
    # as long as it is open (App.handleAutoRerun), so 30 open tabs are 30 timers on the server.
    def _keep_timer(self, fragment_id: str, interval: float) -> None:
        if not self.fragment_timers or (fragment_id in self.timers and self.timers[fragment_id][0] == interval):
            return
        self._drop_timer(fragment_id)
        self.timers[fragment_id] = (interval, asyncio.create_task(self._tick(fragment_id, interval)))

    def _drop_timer(self, fragment_id: str) -> None:
        if fragment_id in self.timers:
            self.timers.pop(fragment_id)[1].cancel()

    async def _tick(self, fragment_id: str, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self._send_rerun(fragment_id=fragment_id, auto=True)
            except WebSocketException:
                return


def expected_chart(run: Run, option: str) -> None:
    """Fail unless the run drew a chart of the chosen view (and not of the other one)."""
    wanted = VIEWS[option]
    others = [word for choice, word in VIEWS.items() if choice != option]
    if not run.charts:
        raise SessionError(f"no chart after choosing {option!r}")
    spec = run.charts[-1]
    if wanted not in spec or any(word in spec for word in others):
        raise SessionError(f"the chart after choosing {option!r} is not the {wanted!r} view")


@dataclass
class Visit:
    """One person's time on the map: seconds per checked flip, what went wrong, the page load."""
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    load_s: float | None = None
    unannounced: int = 0


async def person(url: str, changes: int, fragment_timers: bool = True) -> Visit:
    """Open the map from a shared link, then flip 'Show' `changes` times. A flip's latency is
    kept only once its chart proved to be the chosen view."""
    visit = Visit()
    try:
        async with ProtocolSession(url, fragment_timers) as session:
            start = time.perf_counter()
            run = await session.open(PAGES["map"])
            visit.load_s = time.perf_counter() - start
            visit.problems += run.errors
            for step in range(changes):
                option = "Per population" if step % 2 == 0 else "Absolute numbers"
                start = time.perf_counter()
                run = await session.choose(SHOW, option)
                elapsed = time.perf_counter() - start
                visit.problems += run.errors
                visit.unannounced += run.unannounced
                if run.unannounced:
                    # The page looks complete, but a browser would keep waiting for the finish
                    # (bin/serve.py, hold_fragment_ticks_while_a_run_ends, prevents it): an error.
                    visit.problems.append("the run's 'finished' message never came")
                expected_chart(run, option)
                visit.latencies.append(elapsed)
    # A wrong chart or a lost server is what this counts; the session stops there, as a person would.
    except (SessionError, OSError, WebSocketException) as problem:
        visit.problems.append(f"{type(problem).__name__}: {problem}")
    return visit


async def warm(url: str) -> None:
    """Once per server start: the first run loads the data, and the benchmark measures the
    sessions that come after it."""
    async with ProtocolSession(url) as session:
        await session.open("")
    async with ProtocolSession(url) as session:
        await session.open(PAGES["map"])


async def crowd(url: str, count: int, changes: int, fragment_timers: bool = True) -> dict:
    visits = await asyncio.gather(*[person(url, changes, fragment_timers) for _ in range(count)])
    return {"latencies": [value for visit in visits for value in visit.latencies],
            "errors": sum(len(visit.problems) for visit in visits),
            "problems": sorted({problem for visit in visits for problem in visit.problems}),
            "page_loads": [visit.load_s for visit in visits if visit.load_s is not None],
            "unannounced_finishes": sum(visit.unannounced for visit in visits)}


async def _measure(url: str, sessions: list[int], changes: int, fragment_timers: bool) -> dict:
    await warm(url)
    return {count: await crowd(url, count, changes, fragment_timers) for count in sessions}


def measure(sessions: list[int], changes: int, data_dir: Path | None = None, fragment_timers: bool = True) -> dict:
    """`fragment_timers=False` leaves out the data watcher's timed reruns that every open tab
    sends; only to tell their share of the load (and of the errors) apart, not a real browser."""
    with server(data_dir) as (url, sampler):
        concurrency = asyncio.run(_measure(url, sessions, changes, fragment_timers))
        return {"concurrency": concurrency, "peak_memory_mb": sampler.peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description="python -m bench.sessions: " + __doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--changes", type=int, default=6, help="'Show' flips per session")
    parser.add_argument("--no-fragment-timers", action="store_true",
                        help="do not send the data watcher's 2 s reruns (a browser does); for diagnosis")
    args = parser.parse_args()
    results = measure(args.sessions, args.changes, fragment_timers=not args.no_fragment_timers)
    print("| sessions | interactions | p50 | p95 | max | page load p50 | errors | runs without their own finish |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count, run in results["concurrency"].items():
        latencies = run["latencies"]
        slowest = max(latencies) if latencies else float("nan")
        print(f"| {count} | {len(latencies)} | {median(latencies) * 1000:,.0f} ms | "
              f"{p(latencies, 0.95) * 1000:,.0f} ms | {slowest * 1000:,.0f} ms | "
              f"{median(run['page_loads']) * 1000:,.0f} ms | {run['errors']} | {run['unannounced_finishes']} |")
    for count, run in results["concurrency"].items():
        for problem in run["problems"]:
            print(f"{count} sessions: {problem}")
    print(f"\nServer peak memory: {results['peak_memory_mb']:,.0f} MB")


if __name__ == "__main__":
    main()
