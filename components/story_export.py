"""A story as one self-contained HTML file: the slides to take home after a presentation.

Everything is inside the file (plotly.js, each chart's figure, the corridor maps as pictures), so
it opens from a USB stick with no network: one slide per screen, the arrow keys or Page Up /
Page Down (what slide clickers send) to move, in the language it was saved in. Each chart is
drawn the first time its slide is shown, so that plotly sizes it to the screen rather than to a
hidden box. Pure: slides and data in, text out (the download buttons are in story_export_ui.py).
"""

from __future__ import annotations

import base64
import html
import json
from functools import lru_cache

import pydeck as pdk

from components import deck_picture, projector, stories
from components.corridors import legend_html
from components.dataset import Dataset
from components.i18n import Texts, english

# The size a map slide is zoomed for (plotly's tile maps take a fixed zoom): a 1280×720 screen less the text.
MAP_SIZE = (1200, 400)

STYLE = """
html, body { margin: 0; height: 100%; background: #fff; color: #111;
             font-family: "Source Sans Pro", "Source Sans", Arial, sans-serif; }
.slide { display: none; box-sizing: border-box; height: 100vh; padding: 2vh 3vw 64px 3vw;
         flex-direction: column; gap: 1vh; }
.slide.shown { display: flex; }
.slide h1 { font-size: clamp(24px, 4.5vh, 50px); line-height: 1.12; margin: 0; }
.message { font-size: clamp(18px, 3.2vh, 36px); line-height: 1.25; margin: 0; }
.chart { flex: 1 1 0; min-height: 0; position: relative; }
.chart > .plot { position: absolute; inset: 0; }
.chart > img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.legend { font-size: clamp(16px, 2.4vh, 28px); margin: 0; line-height: 1.4; }
.source { font-size: clamp(14px, 1.9vh, 22px); color: #333; margin: 0; line-height: 1.25; }
.footnote { font-size: clamp(12px, 1.6vh, 18px); color: #333; margin: 0; }
details.notes { font-size: 16px; color: #333; border-top: 1px solid #ccc; padding-top: 4px; }
nav { position: fixed; left: 0; right: 0; bottom: 0; display: flex; gap: 12px; align-items: center;
      padding: 8px 3vw; background: #fff; border-top: 1px solid #e4e7eb; font-size: 16px; }
nav button { font: inherit; padding: 4px 16px; border: 1px solid #7b8794; border-radius: 6px; background: #fff; }
nav button:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
#counter { font-weight: 700; }
.hint { color: #52606d; }
@media print { .slide { display: flex !important; break-after: page; } nav { display: none; } }
"""

# Slides change with the keys a slide clicker sends (Page Up/Down) and the arrows; the slide
# number is kept in the address (#3), so a reload stays on the same slide.
SCRIPT = """
(function () {
  const slides = [...document.querySelectorAll('section.slide')];
  const counter = document.getElementById('counter');
  const previous = document.getElementById('previous'), next = document.getElementById('next');
  let current = -1;
  function draw(slide) {
    const box = slide.querySelector('.plot');
    if (!box || box.dataset.drawn || !window.Plotly) return;
    const figure = JSON.parse(document.getElementById(box.dataset.figure).textContent);
    box.dataset.drawn = '1';
    // After the slide is laid out; and once more when drawn, since a tile map first measured in the
    // same frame as its slide appeared stays blank until resized.
    requestAnimationFrame(function () {
      Plotly.newPlot(box, figure.data, figure.layout, {responsive: true, displaylogo: false, scrollZoom: false})
        .then(function (plot) { Plotly.Plots.resize(plot); });
    });
  }
  function show(index) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) return;
    if (current >= 0) slides[current].classList.remove('shown');
    current = index;
    slides[index].classList.add('shown');
    counter.textContent = (index + 1) + ' / ' + slides.length;
    previous.disabled = index === 0;
    next.disabled = index === slides.length - 1;
    draw(slides[index]);
    try { history.replaceState(null, '', '#' + (index + 1)); } catch (e) {}
  }
  document.addEventListener('keydown', function (event) {
    if (event.target.closest && event.target.closest('summary, button')) {
      if (event.key === ' ' || event.key === 'Enter') return;
    }
    const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' '], back = ['ArrowLeft', 'ArrowUp', 'PageUp'];
    if (forward.includes(event.key)) show(current + 1);
    else if (back.includes(event.key)) show(current - 1);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(slides.length - 1);
    else return;
    event.preventDefault();
  });
  previous.addEventListener('click', function () { show(current - 1); });
  next.addEventListener('click', function () { show(current + 1); });
  const start = parseInt(location.hash.slice(1), 10);
  show(Number.isFinite(start) ? start - 1 : 0);
})();
"""


@lru_cache(maxsize=1)
def plotly_script() -> str:
    """plotly.js (about 4.8 MB) as an inline script: no CDN, so the file works offline."""
    from plotly.offline import get_plotlyjs

    return f"<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script><script>{get_plotlyjs()}</script>"


def _json_in_script(text: str) -> str:
    # A figure's JSON inside <script>: "</" would end the script early.
    return text.replace("</", "<\\/")


def _needs_kosovo_footnote(slide: stories.Slide, table, tx: Texts) -> bool:
    """As on the slide in presenter mode: the EU's footnote wherever Kosovo has a figure or is named."""
    mentioned = "Kosovo" in slide.message or tx.country("XKX").rstrip("*") in slide.text("message", tx)
    return "XKX" in set(table.get("country", ())) or mentioned


def slide_html(slide: stories.Slide, data: Dataset, tx: Texts, *, notes: bool = False) -> str:
    """One <section>: title, message, chart, legend (maps drawn as pictures), source lines, footnote, notes."""
    figure, table, source_lines = stories.slide_figure(slide, data, tx=tx)
    title, message = slide.text("title", tx), slide.text("message", tx)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if message:
        parts.append(f'<p class="message">{html.escape(message)}</p>')
    if isinstance(figure, pdk.Deck):
        picture = base64.b64encode(deck_picture.map_png(figure)).decode("ascii")
        parts.append(f'<p class="legend">{legend_html(table, table["unit"].iloc[0], tx)}</p>')
        parts.append(f'<div class="chart"><img src="data:image/png;base64,{picture}" alt="{html.escape(title)}"></div>')
    else:
        figure = projector.projector_style(figure)
        if any(trace.type == "choroplethmap" for trace in figure.data):
            figure = projector.fit_map(figure, *MAP_SIZE)
        figure.update_layout(height=None, autosize=True)
        chart_id = f"figure-{slide.number}"
        parts.append(f'<div class="chart"><div class="plot" role="img" aria-label="{html.escape(title)}" '
                     f'data-figure="{chart_id}"></div></div>')
        parts.append(f'<script type="application/json" id="{chart_id}">{_json_in_script(figure.to_json())}</script>')
    parts.append(f'<p class="source">{html.escape(" ".join(dict.fromkeys(source_lines)))}</p>')
    if _needs_kosovo_footnote(slide, table, tx):
        parts.append(f'<p class="footnote">{html.escape(tx("countries.kosovo_footnote"))}</p>')
    note = slide.text("note", tx)
    if notes and note:
        parts.append(f'<details class="notes"><summary>{html.escape(tx("story_export.notes_heading"))}</summary>'
                     f"<p>{html.escape(note)}</p></details>")
    return f'<section class="slide" id="slide-{slide.number}">{"".join(parts)}</section>'


def story_html(slides: list[stories.Slide], data: Dataset, tx: Texts | None = None, *, story: str = "",
               notes: bool = False) -> str:
    """Every slide of a story in one HTML file, in the language of `tx`, optionally with the speaker notes."""
    tx = tx or english()
    title = tx("story_export.document_title", story=story or stories.DEFAULT_STORY)
    sections = "".join(slide_html(slide, data, tx, notes=notes) for slide in slides)
    navigation = (f'<nav><button id="previous" type="button">{html.escape(tx("present.previous"))}</button>'
                  f'<span id="counter" aria-live="polite"></span>'
                  f'<button id="next" type="button">{html.escape(tx("present.next"))}</button>'
                  f'<span class="hint">{html.escape(tx("story_export.keys_hint"))}</span></nav>')
    return (f"<!DOCTYPE html><html lang={json.dumps(tx.code)}><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style>{plotly_script()}</head>"
            f"<body><main>{sections}</main>{navigation}<script>{SCRIPT}</script></body></html>")


def file_name(story: str, language: str) -> str:
    return f"slides_{story}_{language}.html"
