"""Presenter mode's widgets: projector CSS, the slide, its controls (buttons, keys, jump, play).

The sidebar (and its language picker) is hidden, so the language comes from the link (?lang=) or
the session, and every link out of presenter mode carries it along.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

import pydeck as pdk
import streamlit as st

from components import contract, filters, language_ui, pages_registry, projector, stories, story_export_ui
from components.corridors import legend_html
from components.dataset import Dataset
from components.i18n import Phrase, Texts
from components.markdown_text import clipped
from components.settings import data_dir

# Where the pages live (components/pages_registry.py); the presenter links to them.
PRESENT_PAGE = pages_registry.page("present").script
EXIT_PAGE = pages_registry.home().script

SLIDE, STORY, PLAYING, STEP, NOTICES = ("present_slide", "present_story", "present_playing",
                                        "present_play_step", "present_notices")
# One year every PLAY_SECONDS: slow enough to say the year aloud.
PLAY_SECONDS = 1.2
# How often an open presentation checks its stories file for edits.
WATCH_SECONDS = 2.0
# A story's file name, short enough for any file system (a 100 kB name must not reach the disk).
STORY_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")

# Everything on screen is sized from the viewport, so a slide fits 1280×720 and 1920×1080 alike:
# the slide box is exactly one screen tall and the chart takes whatever the text leaves. Slide text
# is about 1.5 × the dashboard's 16 px; the controls keep their normal size (the room needn't read them).
CSS = """
<style>
.st-key-present_screen_size, .st-key-present_chart_size { display: none !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stMainMenu"], [data-testid="stBottom"], footer, #MainMenu { display: none !important; }
[data-testid="stMain"] { overflow: hidden !important; }
[data-testid="stMainBlockContainer"] { padding: 10px 24px 8px 24px !important; max-width: 100% !important; }
div.st-key-present_box { flex: none !important; height: calc(100vh - 18px) !important; min-height: 0 !important; gap: 6px !important;
                         flex-wrap: nowrap !important; overflow: hidden !important; }
div[data-testid="stLayoutWrapper"]:has(> div.st-key-present_chart) { flex: 1 1 0 !important; min-height: 0 !important; }
div.st-key-present_chart { flex: 1 1 0 !important; min-height: 0 !important; gap: 4px !important;
                           overflow: hidden !important; }
div.st-key-present_box > [data-testid="stElementContainer"],
div.st-key-present_chart [data-testid="stElementContainer"] { flex: none !important; }
/* The chart (and the fragment wrapping it while years play) takes the height that is left. */
div.st-key-present_chart :is([data-testid="stLayoutWrapper"], [data-testid="stVerticalBlock"],
    [data-testid="stElementContainer"]):has(.stPlotlyChart, [data-testid="stDeckGlJsonChart"]) {
  flex: 1 1 0 !important; min-height: 0 !important; height: auto !important; }
div.st-key-present_chart .stPlotlyChart, div.st-key-present_chart [data-testid="stDeckGlJsonChart"] {
  height: 100% !important; }
div.st-key-present_chart .stPlotlyChart > div, div.st-key-present_chart .js-plotly-plot { height: 100% !important; }
div.st-key-present_box [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
/* No grey flash while the next slide or year is drawn: the old one stays sharp until replaced. */
div.st-key-present_box [data-stale="true"] { opacity: 1 !important; transition: none !important; }
.stMarkdown .present-title { font-size: clamp(28px, 4.5vh, 50px) !important; font-weight: 700; line-height: 1.12;
                             color: #111; margin: 0 !important; padding: 0; }
.stMarkdown .present-message { font-size: clamp(24px, 3.2vh, 36px) !important; line-height: 1.25; color: #111;
                               margin: 4px 0 0 0 !important; }
/* Wrapped, never cut: a map slide's line is the full citation, and its year comes last. */
.stMarkdown .present-source { font-size: clamp(20px, 2.3vh, 28px) !important; color: #222; line-height: 1.25;
                              margin: 0 !important; }
.stMarkdown .present-footnote { font-size: clamp(16px, 1.8vh, 22px) !important; color: #333; line-height: 1.2;
                                margin: 0 !important; }
.stMarkdown .present-legend { font-size: clamp(20px, 2.8vh, 32px) !important; color: #111; line-height: 1.4; margin: 0 !important; }
.stMarkdown .present-counter { font-size: 22px !important; font-weight: 700; white-space: nowrap; }
div.st-key-present_pageup, div.st-key-present_pagedown { display: none !important; }
div.st-key-present_controls { flex-wrap: nowrap !important; flex: 0 0 auto !important; }
</style>
"""


# Reports the size in pixels of the window (data "window") or of an element (data: a CSS selector):
# chart text grows with the screen, and a map is zoomed to fill its area (plotly's tile maps take
# a fixed zoom). Polls twice a second and sends only a changed size, so it cannot loop.
SIZE_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  let last = "";
  const report = () => {
    let rect = { width: window.innerWidth, height: window.innerHeight };
    if (data !== "window") {
      const box = document.querySelector(data);
      if (!box) return;
      rect = box.getBoundingClientRect();
    }
    const size = { width: Math.floor(rect.width / 4) * 4, height: Math.floor(rect.height / 4) * 4 };
    const text = JSON.stringify(size);
    if (size.height > 0 && text !== last) { last = text; setStateValue("size", size); }
  };
  report();
  const timer = setInterval(report, 500);
  return () => clearInterval(timer);
}
"""
_size_of = st.components.v2.component("present_size", js=SIZE_JS, isolate_styles=False)
# Until the browser has reported, slides are drawn for the smallest screen we support (1280×720).
FALLBACK_SCREEN = {"width": 1280, "height": 720}
FALLBACK_CHART_SIZE = {"width": 1232, "height": 440}


def presenter_link() -> None:
    """'Presenter mode' at the top of a page's sidebar."""
    tx = language_ui.current()
    st.sidebar.page_link(PRESENT_PAGE, label=tx(pages_registry.page("present").nav_key), icon=pages_registry.page("present").icon,
                         query_params=language_ui.query_with_language({}))


def projector_screen() -> None:
    st.html(CSS)


def chosen_story() -> tuple[str, Path]:
    """The story named in the link (?story=...), or the default one with a notice."""
    name = st.query_params.get("story", stories.DEFAULT_STORY)
    folder = data_dir()
    if not STORY_NAME.fullmatch(name) or not stories.story_path(folder, name).is_file():
        if name != stories.DEFAULT_STORY:
            st.session_state[NOTICES] = [Phrase("present.no_story", name=clipped(name))]
        name = stories.DEFAULT_STORY
    return name, stories.story_path(folder, name)


def load_story(path: Path, data: Dataset):
    """The story's slides and report, re-read whenever the file's content (or the data) changes."""
    if not path.is_file():
        return stories.read_stories(path, data)
    raw = path.read_bytes()
    _watch_story(str(path), _digest(raw))
    return _parse(raw, path.name, _digest(raw), data.fingerprint, data)


def story_reports(data: Dataset) -> list:
    """The report of every stories file in data/stories/, parsed once per content as presenter
    mode parses them, for the files table on Data & sources."""
    reports = []
    for path in stories.story_files(data_dir()):
        raw = path.read_bytes()
        reports.append(_parse(raw, path.name, _digest(raw), data.fingerprint, data)[1])
    return reports


@st.cache_data(max_entries=8, show_spinner=False)
def _parse(raw: bytes, file_name: str, content_hash: str, data_fingerprint: str, _data: Dataset):
    # Keyed on the file's content and the data's: an edited story shows at once, without a restart.
    return stories.parse_stories(raw, f"{stories.STORIES_DIR}/{file_name}", _data)


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _watch_story(path: str, shown: str) -> None:
    with st.sidebar:
        _story_watch(path, shown)


@st.fragment(run_every=WATCH_SECONDS)
def _story_watch(path: str, shown: str) -> None:
    file = Path(path)
    if file.is_file() and _digest(file.read_bytes()) != shown:
        st.rerun()


def current_index(slides: list, story: str) -> int:
    """The slide on screen: from the link when the story opens, then from the controls."""
    state = st.session_state
    if state.get(STORY) != story or SLIDE not in state:
        state[STORY] = story
        raw = st.query_params.get("slide", "1")
        number = filters.whole_number(raw)
        if number is not None and 1 <= number <= len(slides):
            state[SLIDE] = number - 1
        else:
            state[SLIDE] = 0
            state.setdefault(NOTICES, []).append(
                Phrase("present.bad_slide", slide=clipped(raw), count=len(slides)))
    state[SLIDE] = max(0, min(state[SLIDE], len(slides) - 1))
    # Key by key, so the link keeps its other parameters: the language above all (?lang=).
    st.query_params["story"], st.query_params["slide"] = story, str(state[SLIDE] + 1)
    st.query_params[language_ui.KEY] = language_ui.current().code
    return state[SLIDE]


def _go(step: int, count: int) -> None:
    state = st.session_state
    state[SLIDE] = max(0, min(state.get(SLIDE, 0) + step, count - 1))
    state[PLAYING] = None


def _jump(key: str, shown: int) -> None:
    # One list per slide (its key names the slide). A key press that reaches the server while the
    # last slide is still being drawn carries that slide's list as well; it is stale, not a jump,
    # and must not undo the key press.
    state = st.session_state
    if shown != state.get(SLIDE) or state.get(key) == shown:
        return
    state[SLIDE], state[PLAYING] = state[key], None


def _play(number: int | None) -> None:
    st.session_state[PLAYING], st.session_state[STEP] = number, 0


def slide(slides: list[stories.Slide], index: int, data: Dataset, report: contract.FileReport) -> None:
    """One screen: title, message, chart, source line and the controls, sized to the viewport."""
    slide, tx = slides[index], language_ui.current()
    title, message = slide.text("title", tx), slide.text("message", tx)
    with st.container(key="present_box"):
        st.markdown(f'<div class="present-title">{html.escape(title)}</div>'
                    + (f'<div class="present-message">{html.escape(message)}</div>' if message else ""),
                    unsafe_allow_html=True)
        playing = slide.play_years and st.session_state.get(PLAYING) == slide.number
        screen = _measured("window", "present_screen_size", FALLBACK_SCREEN)
        size = dict(FALLBACK_CHART_SIZE, scale=projector.scale_for(screen["height"]))
        if slide.view.page == "map":
            size.update(_measured(".st-key-present_chart .stPlotlyChart", "present_chart_size", FALLBACK_CHART_SIZE))
        with st.container(key="present_chart"):
            if playing:
                _playing(slide, data, size, tx)
            else:
                _chart(slide, size, tx, *stories.slide_figure(slide, data, tx=tx))
        _controls(slides, index, report, data, playing, tx)


def _measured(what: str, key: str, fallback: dict) -> dict:
    with st.sidebar:
        result = _size_of(key=key, data=what, on_size_change=lambda: None)
    size = getattr(result, "size", None)
    return size if isinstance(size, dict) and size.get("height") else fallback


def _chart(slide: stories.Slide, size: dict, tx: Texts, figure, table, source_lines: list[str]) -> None:
    # Keyed by the slide, so that the browser (and its tests) can tell this slide's chart from the last.
    with st.container(key=f"present_slide_{slide.number}", gap="xsmall"):
        if isinstance(figure, pdk.Deck):
            st.markdown(f'<div class="present-legend">{legend_html(table, table["unit"].iloc[0], tx)}</div>',
                        unsafe_allow_html=True)
            st.pydeck_chart(projector.deck_style(figure), height="stretch", key=f"present-{slide.number}")
            # deck.gl draws no text of its own: the source goes underneath (plotly figures carry theirs).
            st.markdown(f'<div class="present-source">{html.escape(source_lines[0])}</div>',
                        unsafe_allow_html=True)
            return
        figure = projector.projector_style(figure, size["scale"])
        if any(trace.type == "choroplethmap" for trace in figure.data):
            figure = projector.fit_map(figure, size["width"], size["height"])
        st.plotly_chart(figure, theme=None, key=f"present-{slide.number}", height="stretch",
                        config={"displayModeBar": False, "responsive": True, "scrollZoom": False})
        if len(source_lines) > 1:  # notes such as "No figures for: Serbia."; the source is in the figure
            st.markdown(f'<div class="present-source">{html.escape(" ".join(source_lines[1:]))}</div>',
                        unsafe_allow_html=True)
        mentioned = "Kosovo" in slide.message or tx.country("XKX").rstrip("*") in slide.text("message", tx)
        if "XKX" in set(table.get("country", ())) or mentioned:
            # The footnote the EU attaches to every mention of Kosovo, as on the dashboard's pages.
            st.markdown(f'<div class="present-footnote">{html.escape(tx("countries.kosovo_footnote"))}</div>',
                        unsafe_allow_html=True)


@st.fragment(run_every=PLAY_SECONDS)
def _playing(slide: stories.Slide, data: Dataset, size: dict, tx: Texts) -> None:
    years = stories.play_years(slide, data)
    step = st.session_state.get(STEP, 0)
    if step >= len(years):
        _play(None)
        st.rerun(scope="app")
    _chart(slide, size, tx, *stories.slide_figure(slide, data, year=years[step], tx=tx))
    st.session_state[STEP] = step + 1


def _controls(slides: list[stories.Slide], index: int, report: contract.FileReport, data: Dataset,
              playing: bool, tx: Texts) -> None:
    slide, count = slides[index], len(slides)
    with st.container(key="present_controls", horizontal=True, vertical_alignment="center", gap="small"):
        st.button(tx("present.previous"), key="present_prev", shortcut="Left",
                  on_click=_go, args=(-1, count), disabled=index == 0)
        st.markdown(f'<span class="present-counter">{index + 1} / {count}</span>', unsafe_allow_html=True,
                    width="content")
        st.button(tx("present.next"), key="present_next", shortcut="Right", type="primary",
                  on_click=_go, args=(1, count), disabled=index == count - 1)
        # What slide clickers send; the buttons are hidden, their keys work.
        st.button(tx("present.previous_slide"), key="present_pageup", shortcut="PageUp", on_click=_go,
                  args=(-1, count), disabled=index == 0)
        st.button(tx("present.next_slide"), key="present_pagedown", shortcut="PageDown", on_click=_go,
                  args=(1, count), disabled=index == count - 1)
        jump = f"present_jump_{index}"
        st.selectbox(tx("present.go_to"), range(count), index=index, key=jump, on_change=_jump, args=(jump, index),
                     width=360, format_func=lambda i: f"{i + 1}. {slides[i].text('title', tx)}",
                     label_visibility="collapsed")
        if slide.play_years:
            if playing:
                st.button(tx("present.stop"), key="present_stop", icon=":material/stop:", on_click=_play, args=(None,))
            else:
                st.button(tx("present.play"), key="present_play", icon=":material/play_arrow:", on_click=_play,
                          args=(slide.number,))
        note = slide.text("note", tx)
        if note:
            with st.popover(tx("present.note"), icon=":material/sticky_note_2:"):
                st.markdown(note)
        _problems(report, data, tx)
        with st.popover(tx("story_export.header"), icon=":material/download:"):
            story_export_ui.story_download(slides, data, st.session_state.get(STORY, stories.DEFAULT_STORY), tx,
                                           key="present_take_home")
        st.page_link(EXIT_PAGE, label=tx("present.exit"), icon=":material/close:",
                     query_params=language_ui.query_with_language({}))


def _problems(report: contract.FileReport, data: Dataset, tx: Texts) -> None:
    """A small button, not a banner: the room sees the slide; the presenter can look inside."""
    notices = st.session_state.pop(NOTICES, [])
    broken = [r.file for r in data.reports if r.broken]
    if broken:
        notices.append(Phrase("present.broken_files", names=", ".join(broken)))
    if not report.problems and not notices:
        return
    skipped = report.rows_rejected
    label = (tx("present.skipped", count=skipped) if skipped
             else tx("present.notices", count=len(report.problems) + len(notices)))
    with st.popover(label, icon=":material/warning:"):
        for notice in notices:
            st.markdown(f"- {tx.markdown(notice)}")
        for problem in report.problems:
            st.markdown(f"- {tx.markdown(problem.message)}")
        st.caption(tx.markdown(Phrase("present.fix_hint", file=f"data/{report.file}")))


def no_slides(report: contract.FileReport) -> None:
    """A broken stories file: say what is wrong and how to fix it, instead of an empty screen."""
    tx = language_ui.current()
    st.markdown(f'<div class="present-title">{html.escape(tx("present.cannot_show"))}</div>',
                unsafe_allow_html=True)
    for problem in report.problems:
        st.warning(tx.markdown(problem.message), icon=":material/warning:")
    st.page_link(EXIT_PAGE, label=tx("present.exit_presenter"), icon=":material/close:",
                 query_params=language_ui.query_with_language({}))
