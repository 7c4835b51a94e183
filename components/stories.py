"""Stories for presenter mode: a staff-edited YAML file of slides, checked against the data, and
each slide's chart built with the same pure builders and selections as the dashboard's pages.

A slide's `view` uses the URL parameter names of its page (components/filters.py `to_query`, plus
the pages' own keys), so a view can be copied from a link. A broken slide is skipped with a
Problem (contract.py) naming the file, the slide (as `row`) and the field (as `column`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import yaml

from components import charts, contract as c, filters, maps, scenes, views
from components.countries import CORE, REGION, country_name, resolve_country
from components.dataset import Dataset
from components.export import view_table
from components.formatting import short_source, source_line
from components.memo import per_dataset
from components.trend_chart import trend

STORIES_DIR = "stories"
DEFAULT_STORY = "default"
PAGES = ("map", "corridors", "trends", "compare", "profile")
PLAYABLE = ("map", "trends")
# The query keys each page reads from its URL (shared filters + the page's own options).
PAGE_KEYS = {
    "map": {"countries", "type", "indicator", "year", "view"},
    "corridors": {"countries", "type", "indicator", "year", "origin", "since"},
    "trends": {"countries", "type", "indicator", "from", "to", "view", "base"},
    "compare": {"countries", "type", "indicator", "year", "view", "since"},
    "profile": {"countries", "country", "indicator"},
}
PAGE_VIEWS = {"map": ("absolute", "per_population"), "compare": ("absolute", "per_population"),
              "trends": ("absolute", "per_population", "index")}
PROFILE_CHARTS = ("emigrant_stock", "remittances_pct_gdp", "return_flow_5yr", "net_migration")
SLIDE_FIELDS = ("title", "message", "view", "note", "play_years")
# Longer than this, a message no longer reads as one sentence from the back of a room.
LONGEST_MESSAGE = 200


@dataclass(frozen=True)
class View:
    """A page and its filters, checked: every value has data."""

    page: str
    indicator: str = ""
    countries: tuple[str, ...] = ()
    year: int | None = None
    years: tuple[int, int] | None = None
    mode: str = "absolute"  # the URL's `view`: absolute, per_population or index
    base: int | None = None
    origin: str = ""
    since: int | None = None
    country: str = ""


@dataclass(frozen=True)
class Slide:
    number: int  # the slide's position in the file, counted from 1
    title: str
    message: str
    view: View
    note: str = ""
    play_years: bool = False


class SlideError(Exception):
    def __init__(self, column: str, value, expected: str, fix: str):
        super().__init__(expected)
        self.column, self.value, self.expected, self.fix = column, value, expected, fix


def story_path(data_dir: Path, name: str) -> Path:
    return data_dir / STORIES_DIR / f"{name}.yaml"


def read_stories(path: Path, dataset: Dataset) -> tuple[list[Slide], c.FileReport]:
    """The playable slides of one stories file, and the report of everything wrong with it."""
    name = f"{STORIES_DIR}/{Path(path).name}"
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return [], _file_error(name, "missing-file", f"a stories file at data/{name}",
                               "Create the file (copy data/stories/default.yaml) or fix the story name in the link.")
    return parse_stories(raw, name, dataset)


def parse_stories(raw: bytes, name: str, dataset: Dataset) -> tuple[list[Slide], c.FileReport]:
    """As read_stories, from the file's bytes (`name` is how problems call the file)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], _file_error(name, "not-utf8", "a text file in UTF-8",
                               "Save the file as UTF-8 text (in a text editor: Save as → Encoding UTF-8).")
    report = c.FileReport(file=name, kind="stories")
    try:
        content = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere in the file"
        problem = getattr(error, "problem", None) or "unreadable YAML"
        report.problems.append(c.Problem(
            name, "yaml-syntax", c.ERROR, "valid YAML", f"Correct the file near {where} ({problem}); "
            "check the indentation and that text with a colon is in quotes.", value=where))
        return [], report
    entries = content.get("slides") if isinstance(content, dict) else content
    if not isinstance(entries, list) or not entries:
        report.problems.append(c.Problem(
            name, "no-slides", c.ERROR, "a list of slides under 'slides:'",
            "Start the file with 'slides:' and give each slide as a '- title: ...' item.",
            column="slides", value=type(entries).__name__ if entries is not None else "nothing"))
        return [], report
    lines = _slide_lines(root)
    options = filters.choices(dataset.observations, dataset.indicators)
    slides = []
    for number, entry in enumerate(entries, start=1):
        where = f"Slide {number}" + (f" (line {lines[number - 1]})" if number <= len(lines) else "")
        try:
            slide, warnings = _slide(number, entry, dataset, options)
        except SlideError as error:
            report.rows_rejected += 1
            report.problems.append(c.Problem(name, "slide-skipped", c.ROW, error.expected,
                                             f"{where}: {error.fix} The slide is skipped until then.",
                                             row=number, column=error.column, value=_text(error.value)))
            continue
        report.problems.extend(c.Problem(name, "slide-warning", c.WARNING, expected, f"{where}: {fix}",
                                         row=number, column=column, value=_text(value))
                               for column, value, expected, fix in warnings)
        slides.append(slide)
    report.rows_loaded = len(slides)
    if not slides:
        report.problems.append(c.Problem(name, "no-valid-slides", c.ERROR, "at least one slide that can be shown",
                                         "Fix the slides listed above."))
    return slides, report


def _file_error(name: str, check: str, expected: str, fix: str) -> c.FileReport:
    report = c.FileReport(file=name, kind="stories")
    report.problems.append(c.Problem(name, check, c.ERROR, expected, fix))
    return report


def _slide_lines(root) -> list[int]:
    node = root
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "slides"), None)
    return [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []


def _text(value) -> str | None:
    return None if value is None else (", ".join(map(str, value)) if isinstance(value, list) else str(value))


def _slide(number: int, entry, dataset: Dataset, options: filters.Choices):
    if not isinstance(entry, dict):
        raise SlideError("slide", entry, "a slide with title, message and view",
                         "Write the slide as '- title: ...' with 'message:' and 'view:' indented under it.")
    warnings = [(key, key, "one of " + ", ".join(SLIDE_FIELDS), "Remove or correct this field; it is ignored.")
                for key in entry if key not in SLIDE_FIELDS]
    title = str(entry.get("title") or "").strip()
    if not title:
        raise SlideError("title", None, "a title", "Give the slide a 'title:'.")
    message = str(entry.get("message") or "").strip()
    if not message:
        warnings.append(("message", None, "a one-sentence message", "Add a 'message:' saying what the chart shows."))
    elif len(message) > LONGEST_MESSAGE:
        warnings.append(("message", message, f"one sentence of at most {LONGEST_MESSAGE} characters",
                         "Shorten the message; say the rest aloud or put it in the 'note:'."))
    view = check_view(entry.get("view"), dataset, options)
    play = entry.get("play_years", False)
    if not isinstance(play, bool):
        raise SlideError("play_years", play, "true or false", "Write 'play_years: true' or leave the line out.")
    if play and view.page not in PLAYABLE:
        warnings.append(("play_years", play, "play_years only on map and trends slides",
                         "Remove 'play_years'; it is ignored on this slide."))
        play = False
    return Slide(number, title, message, view, str(entry.get("note") or "").strip(), play), warnings


def check_view(raw, dataset: Dataset, options: filters.Choices) -> View:
    """A View from the slide's `view:` mapping, or a SlideError naming the first wrong field."""
    if not isinstance(raw, dict) or "page" not in raw:
        raise SlideError("view", raw, "a view with a page: " + ", ".join(PAGES),
                         "Add 'view:' with 'page: map' (or corridors, trends, compare, profile) indented under it.")
    page = str(raw["page"]).strip().lower()
    if page not in PAGES:
        raise SlideError("view.page", raw["page"], "one of " + ", ".join(PAGES), "Use one of these page names.")
    params = {str(key): value for key, value in raw.items() if key != "page"}
    for key in params:
        if key not in PAGE_KEYS[page]:
            raise SlideError(f"view.{key}", key, f"a {page} option: " + ", ".join(sorted(PAGE_KEYS[page])),
                             "Remove this option or use one of these names (they are the page's link parameters).")
    countries = _countries(params.get("countries"))
    if page == "profile":
        return _profile_view(params, countries, dataset)
    indicator = _indicator(page, params, dataset, options)
    years = _years_with_data(dataset, page, indicator)
    view = View(page, indicator, countries)
    if page == "trends":
        start, end = (_year(params, key, years, default) for key, default in (("from", years[0]), ("to", years[-1])))
        if start > end:
            raise SlideError("view.from", start, f"a start year before the end year {end}", "Swap 'from' and 'to'.")
        view = replace(view, years=(start, end))
    else:
        view = replace(view, year=_year(params, "year", years, years[-1]))
    view = replace(view, mode=_mode(page, params, dataset.indicator(indicator)))
    if page == "corridors":
        return _corridors_view(view, params, years, dataset)
    if "since" in params:
        view = replace(view, since=_year(params, "since", [y for y in years if y < view.year], None))
    if page == "trends" and view.mode == "index":
        shown = views.country_totals(dataset.observations, indicator, countries, view.years)["year"]
        view = replace(view, base=_year(params, "base", sorted(shown.unique().tolist()), view.years[0]))
    _require_data(view, dataset)
    return view


def _countries(raw) -> tuple[str, ...]:
    if raw is None:
        return CORE
    parts = raw if isinstance(raw, list) else str(raw).split(",")
    codes = []
    for part in (str(p).strip() for p in parts):
        if part.lower() == "all":
            codes.extend(REGION)
            continue
        code = resolve_country(part) if part else None
        if code not in REGION:
            raise SlideError("view.countries", part, "countries of the region: " + ", ".join(REGION) + " (or 'all')",
                             "Use an ISO code (SRB) or an English name (Serbia), separated by commas.")
        codes.append(code)
    if not codes:
        raise SlideError("view.countries", raw, "at least one country", "List the countries, or leave the line out.")
    return tuple(dict.fromkeys(codes))


def _indicator(page: str, params: dict, dataset: Dataset, options: filters.Choices) -> str:
    usable = (views.indicators_with_partners if page == "corridors" else views.indicators_with_totals)(
        dataset.observations)
    kind = str(params.get("type") or "").strip()
    if kind and kind not in options.migration_types:
        raise SlideError("view.type", kind, "a migration type: " + ", ".join(options.migration_types),
                         "Use one of these types, or leave 'type' out.")
    indicator = str(params.get("indicator") or "").strip()
    if not indicator:
        allowed = [i for i in options.indicators.get(kind or filters.DEFAULT_TYPE, []) if i in usable]
        default = options.default_indicator(kind or filters.DEFAULT_TYPE)
        return default if default in allowed else (allowed[0] if allowed else _no_indicator(kind, page))
    if indicator not in options.labels:
        raise SlideError("view.indicator", indicator, "an indicator id from the catalogue with data",
                         "Copy the id from Data & sources → Indicators (e.g. emigrant_stock).")
    if kind and indicator not in options.indicators.get(kind, []):
        raise SlideError("view.indicator", indicator, f"an indicator of the type {kind}",
                         "Remove 'type' or choose an indicator of that type.")
    if indicator not in usable:
        what = "partner-country figures" if page == "corridors" else "country totals"
        raise SlideError("view.indicator", indicator, f"an indicator with {what} for the {page} page",
                         "Choose another indicator or another page.")
    return indicator


def _no_indicator(kind: str, page: str):
    raise SlideError("view.type", kind, f"a type with an indicator the {page} page can show",
                     "Choose another type or name the indicator.")


def _years_with_data(dataset: Dataset, page: str, indicator: str) -> list[int]:
    rows = dataset.observations[dataset.observations["indicator"] == indicator]
    rows = rows[(rows["partner"] != "") if page == "corridors" else (rows["partner"] == "")]
    return sorted(int(y) for y in rows["year"].unique())


def _year(params: dict, key: str, allowed: list[int], default):
    raw = params.get(key)
    if raw is None or str(raw).strip() == "":
        return default
    text = str(raw).strip()
    if not text.isdigit() or int(text) not in allowed:
        span = f"{allowed[0]}–{allowed[-1]}" if allowed else "none"
        raise SlideError(f"view.{key}", raw, f"a year with data ({span}: {', '.join(map(str, allowed[-12:]))})",
                         "Use one of these years, or leave the line out for the default.")
    return int(text)


def _mode(page: str, params: dict, meta: dict) -> str:
    mode = str(params.get("view") or "absolute").strip()
    if mode not in PAGE_VIEWS.get(page, ("absolute",)):
        raise SlideError("view.view", mode, "one of " + ", ".join(PAGE_VIEWS.get(page, ("absolute",))),
                         "Use one of these, or leave the line out for absolute numbers.")
    if mode == "per_population" and not meta.get("denominator"):
        raise SlideError("view.view", mode, "an indicator with a population denominator for per_population",
                         "Use view: absolute for this indicator.")
    return mode


def _corridors_view(view: View, params: dict, years: list[int], dataset: Dataset) -> View:
    raw = params.get("origin")
    origin = resolve_country(raw) if raw else view.countries[0]  # as on the page: the first country
    if origin not in REGION:
        raise SlideError("view.origin", raw, "a country of the region", "Use an ISO code (MDA) or a name (Moldova).")
    since = _year(params, "since", years, None)
    view = replace(view, origin=origin, since=since)
    if views.partners(dataset.observations, view.indicator, origin, view.year).empty:
        raise SlideError("view.origin", raw or origin, f"a country with partner figures in {view.year}",
                         "Choose another country or year; UN DESA counts Kosovo inside Serbia.")
    return view


def _profile_view(params: dict, countries: tuple[str, ...], dataset: Dataset) -> View:
    raw = params.get("country")
    country = resolve_country(raw) if raw else countries[0]
    if country not in REGION:
        raise SlideError("view.country", raw, "a country of the region", "Use an ISO code (MDA) or a name (Moldova).")
    indicator = str(params.get("indicator") or PROFILE_CHARTS[0])
    if indicator not in PROFILE_CHARTS:
        raise SlideError("view.indicator", indicator, "one of the profile's charts: " + ", ".join(PROFILE_CHARTS),
                         "Use one of these indicators, or leave the line out.")
    if views.country_totals(dataset.observations, indicator, [country]).empty:
        raise SlideError("view.indicator", indicator, f"an indicator with figures for {country_name(country)}",
                         "Choose another indicator or country.")
    return View("profile", indicator, (country,), country=country)


def _require_data(view: View, dataset: Dataset) -> None:
    if view.page == "trends":
        rows = views.country_totals(dataset.observations, view.indicator, view.countries, view.years)
        what = f"{view.years[0]}–{view.years[1]}"
    else:
        rows = views.map_values(dataset.observations, view.indicator, view.year, view.countries).dropna(subset=["value"])
        what = str(view.year)
    if rows.empty:
        raise SlideError("view.countries", list(view.countries),
                         f"countries with a figure for {view.indicator} in {what}",
                         "Choose other countries or years (Data & sources → Coverage shows what exists).")


def play_years(slide: Slide, dataset: Dataset) -> list[int]:
    """The years a 'play years' slide steps through: every year of the indicator it has data for."""
    if not slide.play_years:
        return []
    view = slide.view
    years = _years_with_data(dataset, view.page, view.indicator)
    if view.page == "trends":
        shown = views.country_totals(dataset.observations, view.indicator, view.countries, view.years)
        return sorted(int(y) for y in shown["year"].unique())
    return [y for y in years if not views.map_values(dataset.observations, view.indicator, y, _map_countries(view))
            .dropna(subset=["value"]).empty]


def _map_countries(view: View) -> tuple[str, ...]:
    return view.countries or tuple(REGION)


def slide_figure(slide: Slide, dataset: Dataset, year: int | None = None):
    """(figure, table, lines) for a slide: the source line, then short notes such as the countries
    without figures. `year` is the frame shown while years play. Built once per dataset, like the
    pages' scenes (components/scenes.py), so stepping back to a slide costs nothing."""
    return _slide_figure(dataset, slide, year)


@per_dataset
def _slide_figure(dataset: Dataset, slide: Slide, year: int | None):
    view = slide.view
    if view.page == "profile":
        chart = next(chart for chart in scenes.profile_scene(dataset, view.country)[2]
                     if chart["table"]["indicator"].iloc[0] == view.indicator)
        return chart["figure"], chart["table"], [source_line(dataset.source(chart["source_id"]))]
    meta = dataset.indicator(view.indicator)
    source = dataset.source(meta["source_id"])
    if view.page == "trends":
        return _trend_figure(view, dataset, meta, source, year)
    shown_year = year or view.year
    if view.page == "corridors":
        scene = scenes.corridor_scene(dataset, view.indicator, view.origin, shown_year)
        return scene.figure, scene.table, scene.source_lines[:1] + scene.notes
    if view.page == "map" and not slide.play_years:
        scene = scenes.map_scene(dataset, view.indicator, shown_year, view.countries, view.mode)
        return scene.figure, scene.table, scene.source_lines[:1] + scene.notes
    if view.page == "map":
        return _played_map(slide, dataset, meta, source, shown_year)
    unit = meta["unit"]
    if view.since is not None:
        change = views.difference(dataset.observations, view.indicator, _map_countries(view), view.since, shown_year)
        figure = charts.dumbbell(change, year_a=view.since, year_b=shown_year, unit=unit,
                                 title=f"{meta['label']}: {view.since} and {shown_year}",
                                 source=short_source(source, f"{view.since} and {shown_year}"))
        return figure, _table(change, view, unit, source), [source_line(source, f"{view.since}, {shown_year}")]
    frame, unit = _map_frame(view, dataset, meta, shown_year)
    figure = charts.ranked_bars(frame.sort_values("value", ascending=False, na_position="last"),
                                title=f"{meta['label']}, {shown_year}", unit=unit,
                                source=short_source(source, shown_year),
                                kosovo_in_serbia=source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES)
    return figure, _table(frame, view, unit, source), [source_line(source, shown_year)]


def _played_map(slide: Slide, dataset: Dataset, meta: dict, source: dict, year: int):
    frame, unit = _map_frame(slide.view, dataset, meta, year)
    title = f"{meta['label']}, {year}" + (" (estimates)" if meta["estimate"] == "yes" else "")
    figure = maps.choropleth(pd.concat([frame, _class_anchors(slide, dataset, meta, year)]),
                             dataset.boundaries["region_countries"], title=title, unit=unit,
                             source=short_source(source, year), context_geojson=dataset.boundaries["region_countries"])
    return figure, _table(frame, slide.view, unit, source), [source_line(source, year)]


def _map_frame(view: View, dataset: Dataset, meta: dict, year: int) -> tuple[pd.DataFrame, str]:
    frame = views.map_values(dataset.observations, view.indicator, year, _map_countries(view))
    if view.mode == "per_population":
        return views.per_population(frame, dataset.observations, meta["unit"], meta["source_id"])
    return frame, meta["unit"]


def _class_anchors(slide: Slide, dataset: Dataset, meta: dict, shown_year: int) -> pd.DataFrame:
    """The other years' values of a 'play years' map, under codes no boundary has.

    maps.choropleth draws its shading classes from the values it is given; with every year's
    values the classes, colours and legend stay the same while the years play, so a colour means
    the same number in 1990 as in 2020. The anchors match no shape, so nothing more is drawn.
    """
    if not slide.play_years:
        return pd.DataFrame()
    frames = [_map_frame(slide.view, dataset, meta, year)[0] for year in play_years(slide, dataset)
              if year != shown_year]
    if not frames:
        return pd.DataFrame()
    anchors = pd.concat(frames).dropna(subset=["value"])
    return anchors.assign(country=anchors["country"] + ":" + anchors["year"].astype(str))


def _trend_figure(view: View, dataset: Dataset, meta: dict, source: dict, until: int | None):
    frame = views.country_totals(dataset.observations, view.indicator, view.countries, view.years)
    unit = meta["unit"]
    if view.mode == "per_population":
        frame, unit = views.per_population(frame, dataset.observations, unit, meta["source_id"])
    elif view.mode == "index":
        frame, _ = views.indexed(frame, view.base)
        unit = f"index, {view.base} = 100"
    full = frame
    if until is not None:
        frame = frame[frame["year"] <= until]
    span = f"{view.years[0]}–{view.years[1]}"
    figure = trend(frame, title=f"{meta['label']}, {span}", unit=unit, source=short_source(source, span),
                   time_basis=meta["time_basis"], estimate=meta["estimate"] == "yes")
    if until is not None:
        _hold_axes(figure, full, meta["time_basis"] == "five-year period ending in the year shown")
    lines = [source_line(source, span)]
    missing = [country_name(c) for c in view.countries if c not in set(full["country"])]
    if missing:
        lines.append("No figures for: " + ", ".join(missing) + ".")
    return figure, _table(frame, view, unit, source), lines


def _hold_axes(figure, full: pd.DataFrame, periods: bool) -> None:
    # While years play, the axes keep the whole range so that the lines grow instead of jumping.
    values = full["value"].dropna()
    top, bottom = values.max(), min(values.min(), 0)
    figure.update_yaxes(range=[bottom - 0.05 * (top - bottom), top * 1.05 if top > 0 else 1])
    if not periods:
        figure.update_xaxes(range=[full["year"].min() - 0.5, full["year"].max() + 0.5])


def _table(frame: pd.DataFrame, view: View, unit: str, source: dict) -> pd.DataFrame:
    return view_table(frame, indicator=view.indicator, unit=unit, source=source_line(source))
