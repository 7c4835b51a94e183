"""Every chart on the explore pages has a text alternative (its title and a one-line summary) and,
in an expander right under it, the table of the numbers it draws."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from tests.app.test_explore_pages import open_page
from tests.markdown_reading import markup_in, read

CHARTS = ("plotly_chart", "deck_gl_json_chart")
# Page, link parameters, and how many charts that view draws (so that a chart that silently
# disappears is noticed too).
VIEWS = [
    ("pages/explore/overview.py", {}, 1),
    ("pages/explore/map.py", {"indicator": "emigrant_stock", "year": "2020"}, 1),
    ("pages/explore/corridors.py", {"origin": "MDA", "year": "2020", "since": "2000"}, 1),
    ("pages/explore/trends.py", {"countries": "ALB,MDA", "type": "Remittances", "indicator": "remittances_pct_gdp"}, 1),
    ("pages/explore/compare.py", {"countries": "MKD,SRB,MNE,ALB", "year": "2020", "since": "2000"}, 4),
    ("pages/explore/profile.py", {"country": "MDA"}, 8),  # 5 + women, age pyramid, education
    ("pages/explore/compare.py", {"lang": "sr-Cyrl"}, 4),
    ("pages/explore/profile.py", {"country": "ALB", "lang": "mk"}, 7),  # no ages for Albania
]


def in_order(node) -> list:
    """The page's elements in the order they are drawn (depth first)."""
    children = getattr(node, "children", None)
    if not isinstance(children, dict):
        return [node]
    return [node] + [element for child in children.values() for element in in_order(child)]


def chart_title(chart) -> str:
    if chart.type != "plotly_chart":
        return ""  # a deck.gl map draws no title of its own
    title = json.loads(chart.proto.spec)["layout"].get("title", {}).get("text", "")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", title)).strip()


def what_follows_each_chart(app) -> list[tuple[object, list]]:
    elements = in_order(app.main)
    starts = [i for i, element in enumerate(elements) if getattr(element, "type", "") in CHARTS]
    return [(elements[start], elements[start + 1:end]) for start, end in zip(starts, starts[1:] + [len(elements)])]


@pytest.mark.parametrize("page, params, count", VIEWS, ids=lambda v: v if isinstance(v, str) else None)
def test_every_chart_has_a_title_a_summary_and_its_numbers(page, params, count):
    app = open_page(page, **params)
    # No caption on the page sets names, units or sources as LaTeX ('US$ … US$') or other markup.
    for caption in app.caption:
        assert not {"math_inline", "math_block", "em_open", "link_open", "html_inline"} & set(markup_in(caption.value)), caption.value
    followed = what_follows_each_chart(app)
    assert len(followed) == count, f"{page}: {len(followed)} charts, expected {count}"
    for number, (chart, after) in enumerate(followed, start=1):
        where = f"{page} {params}, chart {number}"
        captions = [read(str(e.value)) for e in after if getattr(e, "type", "") == "caption"]
        title = chart_title(chart)
        if title:
            described = [c for c in captions if c.startswith(title + " — ")]
            assert described, f"{where}: no caption starts with the chart's title {title!r}: {captions}"
            summary = described[0][len(title) + 3:]
        else:
            summary = max(captions, key=len, default="")
        assert len(summary.split()) >= 5, f"{where}: the summary says too little: {summary!r}"

        expanders = [e for e in after if getattr(e, "type", "") == "expander"]
        assert expanders, f"{where}: no expander with the numbers under the chart"
        tables = [e.value for e in in_order(expanders[0]) if getattr(e, "type", "") == "dataframe"]
        assert tables and isinstance(tables[0], pd.DataFrame), f"{where}: the expander holds no table"
        numbers = tables[0].select_dtypes("number")
        assert len(tables[0]) and numbers.notna().to_numpy().any(), f"{where}: the table has no numbers"


def test_a_summary_gives_the_numbers_the_chart_draws():
    app = open_page("pages/explore/profile.py", country="MDA")
    captions = [str(c.value) for c in app.caption]
    trend = next(c for c in captions if c.startswith("Emigrants") and "Trend of" in c)
    assert re.search(r"Moldova from [\d.,]+ (thousand|million)? ?\(1990\) to [\d.,]+ (thousand|million)? ?\(2024\)", trend), trend
    # UN DESA 2024 edition, 2024: Italy 218,594, Russia 166,187, Ukraine 154,284.
    ranking = next(c for c in captions if "Ranking: 1. Italy" in c)
    assert re.search(r"1\. Italy \([\d.]+%\), 2\. Russia \([\d.]+%\), 3\. Ukraine", ranking), ranking


def test_captions_under_a_chart_in_us_dollars_show_every_dollar_sign_as_written():
    # Two 'US$' in one Markdown caption once opened LaTeX: the words between them were set as math.
    app = open_page("pages/explore/trends.py", countries="ALB,MDA", type="Remittances", indicator="remittances_usd")
    (chart, after), = what_follows_each_chart(app)
    captions = [str(e.value) for e in after if getattr(e, "type", "") == "caption"]
    summary = next(c for c in captions if read(c).startswith(chart_title(chart) + " — "))
    assert read(summary).count("US$") >= 2, read(summary)
    for caption in captions:
        assert markup_in(caption) in ([], ["hardbreak"] * caption.count("  \n")), caption
