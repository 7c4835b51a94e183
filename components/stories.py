"""Stories for presenter mode: a staff-edited YAML file of slides, checked against the data, and
each slide's chart built with the same pure builders and selections as the dashboard's pages.

A slide's `view` uses the URL parameter names of its page (components/filters.py `to_query`, plus
the pages' own keys), so a view can be copied from a link. A broken slide is skipped with a
Problem (contract.py) naming the file, the slide (as `row`) and the field (as `column`).
A slide's title, message and note may come in several languages (`Slide.text`); everything drawn
from the data (chart titles, numbers, country names, source lines) is in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from components import (circular, circular_scenes, contract as c, corridor_card, filters, i18n,
                        pages_registry, scenes, series_scenes, views)
from components.catalogue import in_role_order
from components.countries import CORE, REGION, resolve_country
from components.dataset import Dataset
from components.i18n import Phrase, Texts
from components.memo import per_dataset

STORIES_DIR = "stories"
DEFAULT_STORY = "default"
# The pages a slide can show and the query keys its `view` may set there (components/pages_registry.py).
PAGES = tuple(page.slug for page in pages_registry.slides())
PLAYABLE = ("map", "trends")
PAGE_KEYS = {page.slug: set(page.slide_keys) for page in pages_registry.slides()}
PAGE_VIEWS = {"map": ("absolute", "per_population"), "compare": ("absolute", "per_population"),
              "trends": ("absolute", "per_population", "index")}
SLIDE_FIELDS = ("title", "message", "view", "note", "play_years")
# The fields an author may write in several languages: `title: {en: ..., sr-Cyrl: ...}` or `title_sr-Cyrl: ...`.
TEXT_FIELDS = ("title", "message", "note")
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
    destination: str = ""


@dataclass(frozen=True)
class Slide:
    number: int  # the slide's position in the file, counted from 1
    title: str
    message: str
    view: View
    note: str = ""
    play_years: bool = False
    # The author's own wording in other languages: ((field, language code, text), ...).
    translations: tuple[tuple[str, str, str], ...] = ()

    def text(self, field: str, language: str | Texts | None = None) -> str:
        """The slide's title, message or note as its author wrote it for a language, else as authored."""
        code = getattr(language, "code", language)
        for name, wanted, text in self.translations:
            if name == field and wanted == code:
                return text
        return getattr(self, field)


class SlideError(Exception):
    """A slide that cannot be shown; `expected` and `fix` are Phrases, said again in the reader's language."""

    def __init__(self, column: str, value, expected: str, fix: str):
        super().__init__(expected)
        self.column, self.value, self.expected, self.fix = column, value, expected, fix


def _error(column: str, value, expected: str, fix: str, **params) -> SlideError:
    """A SlideError whose texts are the keys stories.problems.<expected> and .<fix>, filled with params."""
    return SlideError(column, value, _say(expected, params), _say(fix, params))


def _say(key: str, params: dict) -> Phrase:
    names = i18n.placeholders(i18n.english().strings[f"stories.problems.{key}"])
    return Phrase(f"stories.problems.{key}", **{name: params[name] for name in names})


def story_path(data_dir: Path, name: str) -> Path:
    return data_dir / STORIES_DIR / f"{name}.yaml"


def story_files(data_dir: Path) -> list[Path]:
    """Every stories file in data/stories/, by name: Data & sources lists each one's problems."""
    return sorted((data_dir / STORIES_DIR).glob("*.yaml"))


def read_stories(path: Path, dataset: Dataset) -> tuple[list[Slide], c.FileReport]:
    """The playable slides of one stories file, and the report of everything wrong with it."""
    name = f"{STORIES_DIR}/{Path(path).name}"
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return [], _file_error(name, "missing-file", "stories_file", "create_stories_file", path=f"data/{name}")
    return parse_stories(raw, name, dataset)


def parse_stories(raw: bytes, name: str, dataset: Dataset) -> tuple[list[Slide], c.FileReport]:
    """As read_stories, from the file's bytes (`name` is how problems call the file)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], _file_error(name, "not-utf8", "utf8", "save_as_utf8")
    report = c.FileReport(file=name, kind="stories")
    try:
        content = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (Phrase("stories.problems.line_column", line=mark.line + 1, column=mark.column + 1) if mark
                 else Phrase("stories.problems.somewhere"))
        # The parser's own words ("mapping values are not allowed here") are English only.
        problem = getattr(error, "problem", None) or Phrase("stories.problems.unreadable_yaml")
        report.problems.append(c.Problem(
            name, "yaml-syntax", c.ERROR, Phrase("stories.problems.valid_yaml"),
            Phrase("stories.problems.correct_yaml", where=where, problem=problem), value=where))
        return [], report
    entries = content.get("slides") if isinstance(content, dict) else content
    if not isinstance(entries, list) or not entries:
        report.problems.append(c.Problem(
            name, "no-slides", c.ERROR, Phrase("stories.problems.slides_list"),
            Phrase("stories.problems.start_with_slides"),
            column="slides", value=type(entries).__name__ if entries is not None else "nothing"))
        return [], report
    lines = _slide_lines(root)
    options = filters.choices(dataset.observations, dataset.indicators)
    slides = []
    for number, entry in enumerate(entries, start=1):
        where = (Phrase("stories.problems.slide_at_line", number=number, line=lines[number - 1])
                 if number <= len(lines) else Phrase("stories.problems.slide", number=number))
        try:
            slide, warnings = _slide(number, entry, dataset, options)
        except SlideError as error:
            report.rows_rejected += 1
            report.problems.append(c.Problem(name, "slide-skipped", c.ROW, error.expected,
                                             Phrase("stories.problems.skipped", where=where, fix=error.fix),
                                             row=number, column=error.column, value=_text(error.value)))
            continue
        report.problems.extend(c.Problem(name, "slide-warning", c.WARNING, expected,
                                         Phrase("stories.problems.at", where=where, fix=fix),
                                         row=number, column=column, value=_text(value))
                               for column, value, expected, fix in warnings)
        slides.append(slide)
    report.rows_loaded = len(slides)
    if not slides:
        report.problems.append(c.Problem(name, "no-valid-slides", c.ERROR, Phrase("stories.problems.one_good_slide"),
                                         Phrase("stories.problems.fix_listed")))
    return slides, report


def _file_error(name: str, check: str, expected: str, fix: str, **params) -> c.FileReport:
    report = c.FileReport(file=name, kind="stories")
    report.problems.append(c.Problem(name, check, c.ERROR, _say(expected, params), _say(fix, params)))
    return report


def _slide_lines(root) -> list[int]:
    node = root
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "slides"), None)
    return [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []


def _text(value) -> str | None:
    return None if value is None else (", ".join(map(str, value)) if isinstance(value, list) else str(value))


def _warning(column: str, value, expected: str, fix: str, **params) -> tuple:
    return column, value, _say(expected, params), _say(fix, params)


def _slide(number: int, entry, dataset: Dataset, options: filters.Choices):
    if not isinstance(entry, dict):
        raise _error("slide", entry, "a_slide", "write_slide")
    entry = {str(key): value for key, value in entry.items()}
    authored, translations, warnings = _texts(entry)
    title = authored["title"]
    if not title:
        raise _error("title", None, "a_title", "give_title")
    message = authored["message"]
    if not message:
        warnings.append(_warning("message", None, "a_message", "add_message"))
    for field, code, text in [("message", "", message), *translations]:
        if field == "message" and len(text) > LONGEST_MESSAGE:
            column = "message" if not code else f"message_{code}"
            warnings.append(_warning(column, text, "short_message", "shorten_message", limit=LONGEST_MESSAGE))
    view = check_view(entry.get("view"), dataset, options)
    play = entry.get("play_years", False)
    if not isinstance(play, bool):
        raise _error("play_years", play, "true_or_false", "write_play_years")
    if play and view.page not in PLAYABLE:
        warnings.append(_warning("play_years", play, "play_only_map_trends", "remove_play_years"))
        play = False
    return Slide(number, title, message, view, authored["note"], play, tuple(translations)), warnings


def _texts(entry: dict) -> tuple[dict, list, list]:
    """The authored title, message and note, their versions in other languages, and warnings.

    `title: {en: ..., sr-Cyrl: ...}` and `title_sr-Cyrl: ...` both give a language's version; the
    authored text (shown in any language without a version) is the English one, else the first.
    """
    versions: dict[str, dict[str, str]] = {field: {} for field in TEXT_FIELDS}
    authored, warnings = {}, []
    for key, value in entry.items():
        field, code = _language_field(key)
        if code and not isinstance(value, (dict, list)):
            versions[field][code] = str(value or "").strip()
        elif key not in SLIDE_FIELDS:
            warnings.append(_warning(key, key, "known_field", "remove_field", fields=", ".join(SLIDE_FIELDS)))
    for field in TEXT_FIELDS:
        value = entry.get(field)
        if isinstance(value, dict):
            written = {}
            for code, text in value.items():
                language = i18n.language_of(str(code))
                if language is None:
                    warnings.append(_warning(field, code, "language_code", "use_language_code",
                                             codes=", ".join(i18n.LANGUAGES)))
                    continue
                written[language] = str(text or "").strip()
            versions[field] = {**written, **versions[field]}
            value = written.get(i18n.DEFAULT) or next((text for text in written.values() if text), "")
        authored[field] = str(value or "").strip() or next((t for t in versions[field].values() if t), "")
    translations = [(field, code, text) for field in TEXT_FIELDS for code, text in versions[field].items()
                    if text and text != authored[field]]
    return authored, translations, warnings


def _language_field(key: str) -> tuple[str, str | None]:
    """('title', 'sr-Cyrl') for the key 'title_sr-Cyrl'; (key, None) for any other key."""
    field, separator, code = key.partition("_")
    if separator and field in TEXT_FIELDS:
        return field, i18n.language_of(code)
    return key, None


def check_view(raw, dataset: Dataset, options: filters.Choices) -> View:
    """A View from the slide's `view:` mapping, or a SlideError naming the first wrong field."""
    if not isinstance(raw, dict) or "page" not in raw:
        raise _error("view", raw, "a_view", "add_view", pages=", ".join(PAGES))
    page = str(raw["page"]).strip().lower()
    if page not in PAGES:
        raise _error("view.page", raw["page"], "one_of", "use_page_name", options=", ".join(PAGES))
    params = {str(key): value for key, value in raw.items() if key != "page"}
    for key in params:
        if key not in PAGE_KEYS[page]:
            raise _error(f"view.{key}", key, "page_option", "use_page_option", page=page,
                         options=", ".join(sorted(PAGE_KEYS[page])))
    countries = _countries(params.get("countries"))
    if page == "profile":
        return _profile_view(params, countries, dataset)
    if page == "circular":
        return _circular_view(params, countries, dataset)
    if page == "corridor":
        return _corridor_card_view(params, countries, dataset)
    indicator = _indicator(page, params, dataset, options)
    years = _years_with_data(dataset, page, indicator)
    view = View(page, indicator, countries)
    if page == "trends":
        start, end = (_year(params, key, years, default) for key, default in (("from", years[0]), ("to", years[-1])))
        if start > end:
            raise _error("view.from", start, "start_before_end", "swap_years", end=end)
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
            raise _error("view.countries", part, "region_countries", "use_country_codes", codes=", ".join(REGION))
        codes.append(code)
    if not codes:
        raise _error("view.countries", raw, "a_country", "list_countries")
    return tuple(dict.fromkeys(codes))


def _indicator(page: str, params: dict, dataset: Dataset, options: filters.Choices) -> str:
    usable = (views.indicators_with_partners if page == "corridors" else views.indicators_with_totals)(
        dataset.observations)
    kind = str(params.get("type") or "").strip()
    if kind and kind not in options.migration_types:
        raise _error("view.type", kind, "migration_type", "use_type", types=", ".join(options.migration_types))
    indicator = str(params.get("indicator") or "").strip()
    if not indicator:
        allowed = [i for i in options.indicators.get(kind or filters.DEFAULT_TYPE, []) if i in usable]
        default = options.default_indicator(kind or filters.DEFAULT_TYPE)
        return default if default in allowed else (allowed[0] if allowed else _no_indicator(kind, page))
    if indicator not in options.labels and indicator in options.editions:
        indicator = options.newest(indicator)  # a series named by its own id
    if indicator not in options.labels:
        raise _error("view.indicator", indicator, "indicator_id", "copy_indicator_id", data_page=Phrase("nav.data"))
    edition = str(params.get("edition") or "").strip()
    if edition:
        # A view copied from a link names its edition (indicator=emigrant_stock&edition=2020).
        series = options.series_of(indicator)
        editions = [e for e in options.editions_of(series) if e]
        if edition not in editions:
            raise _error("view.edition", edition, "edition_of_indicator", "use_edition",
                         editions=", ".join(editions) or "—")
        indicator = options.in_edition(series, edition)
    if kind and indicator not in options.indicators.get(kind, []):
        raise _error("view.indicator", indicator, "indicator_of_type", "remove_type", type=kind)
    if indicator not in usable:
        raise _error("view.indicator", indicator, "partner_figures" if page == "corridors" else "country_totals",
                     "other_indicator_or_page", page=page)
    return indicator


def _no_indicator(kind: str, page: str):
    raise _error("view.type", kind, "type_for_page", "other_type", page=page)


def _years_with_data(dataset: Dataset, page: str, indicator: str) -> list[int]:
    rows = dataset.observations[dataset.observations["indicator"] == indicator]
    rows = rows[(rows["partner"] != "") if page == "corridors" else (rows["partner"] == "")]
    return sorted(int(y) for y in rows["year"].unique())


def _year(params: dict, key: str, allowed: list[int], default):
    raw = params.get(key)
    if raw is None or str(raw).strip() == "":
        return default
    text = str(raw).strip()
    year = filters.whole_number(text)
    if year is None or year not in allowed:
        span = f"{allowed[0]}–{allowed[-1]}" if allowed else Phrase("stories.problems.none")
        raise _error(f"view.{key}", raw, "year_with_data", "use_year", span=span,
                     years=", ".join(map(str, allowed[-12:])))
    return year


def _mode(page: str, params: dict, meta: dict) -> str:
    mode = str(params.get("view") or "absolute").strip()
    if mode not in PAGE_VIEWS.get(page, ("absolute",)):
        raise _error("view.view", mode, "one_of", "use_view", options=", ".join(PAGE_VIEWS.get(page, ("absolute",))))
    if mode == "per_population" and not meta.get("denominator"):
        raise _error("view.view", mode, "denominator", "use_absolute")
    return mode


def _corridors_view(view: View, params: dict, years: list[int], dataset: Dataset) -> View:
    raw = params.get("origin")
    origin = resolve_country(raw) if raw else view.countries[0]  # as on the page: the first country
    if origin not in REGION:
        raise _error("view.origin", raw, "region_country", "use_country_code")
    since = _year(params, "since", years, None)
    view = replace(view, origin=origin, since=since)
    if views.partners(dataset.observations, view.indicator, origin, view.year).empty:
        raise _error("view.origin", raw or origin, "partner_figures_in", "other_country_or_year", year=view.year)
    return view


def _profile_view(params: dict, countries: tuple[str, ...], dataset: Dataset) -> View:
    raw = params.get("country")
    country = resolve_country(raw) if raw else countries[0]
    if country not in REGION:
        raise _error("view.country", raw, "region_country", "use_country_code")
    charts_shown = in_role_order(dataset.indicators, "profile_chart_order")  # the profile's charts (catalogue)
    indicator = str(params.get("indicator") or (charts_shown[0] if charts_shown else ""))
    if indicator not in charts_shown:
        raise _error("view.indicator", indicator, "profile_chart", "use_profile_chart",
                     charts=", ".join(charts_shown))
    if views.country_totals(dataset.observations, indicator, [country]).empty:
        # The ISO code reads the same in every language (the message is said again in the reader's).
        raise _error("view.indicator", indicator, "figures_for", "other_indicator_or_country", country=country)
    return View("profile", indicator, (country,), country=country)


def _circular_view(params: dict, countries: tuple[str, ...], dataset: Dataset) -> View:
    raw = params.get("country")
    country = resolve_country(raw) if raw else countries[0]
    if country not in REGION:
        raise _error("view.country", raw, "region_country", "use_country_code")
    if circular.return_ratios(dataset.observations, [country]).empty:
        raise SlideError("view.country", raw or country, Phrase("corridor_card.problems.a_circular_country"),
                         Phrase("corridor_card.problems.use_circular_country"))
    periods = circular.periods(dataset.observations, [country])
    return View("circular", circular.RETURNS, (country,), year=_year(params, "period", periods, periods[-1]),
                country=country)


def _corridor_card_view(params: dict, countries: tuple[str, ...], dataset: Dataset) -> View:
    raw = params.get("origin")
    origin = resolve_country(raw) if raw else countries[0]
    if origin not in REGION:
        raise _error("view.origin", raw, "region_country", "use_country_code")
    raw_destination = params.get("destination")
    choices = corridor_card.destinations(dataset.observations, dataset.indicators, origin)
    destination = resolve_country(raw_destination) if raw_destination else (choices[0] if choices else None)
    if destination not in choices:
        raise SlideError("view.destination", raw_destination,
                         Phrase("corridor_card.problems.a_destination", origin=origin),
                         Phrase("corridor_card.problems.use_destination", origin=origin))
    return View("corridor", countries=(origin,), origin=origin, destination=destination)


def _require_data(view: View, dataset: Dataset) -> None:
    if view.page == "trends":
        rows = views.country_totals(dataset.observations, view.indicator, view.countries, view.years)
        what = f"{view.years[0]}–{view.years[1]}"
    else:
        rows = views.map_values(dataset.observations, view.indicator, view.year, view.countries).dropna(subset=["value"])
        what = str(view.year)
    if rows.empty:
        raise _error("view.countries", list(view.countries), "countries_with_figure", "other_countries_or_years",
                     indicator=view.indicator, years=what, data_page=Phrase("nav.data"))


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


def slide_figure(slide: Slide, dataset: Dataset, year: int | None = None, tx: Texts | None = None):
    """(figure, table, lines) for a slide: the source line, then short notes such as the countries
    without figures. `year` is the frame shown while years play. Built once per dataset and
    language, like the pages' scenes (components/scenes.py), so stepping back to a slide costs nothing."""
    return _slide_figure(dataset, slide, year, tx or i18n.english())


@per_dataset
def _slide_figure(dataset: Dataset, slide: Slide, year: int | None, tx: Texts):
    view = slide.view
    if view.page == "circular":
        scene = circular_scenes.flows_scene(dataset, view.country, tx)
        return scene.figure, scene.table, scene.source_lines[:1]
    if view.page == "corridor":
        built = circular_scenes.card_scenes(dataset, view.origin, view.destination, tx)
        scene = built["stock"] or built["flows"] or built["permits"]
        return scene.figure, scene.table, scene.source_lines[:1] + scene.notes
    if view.page == "profile":
        chart = next(chart for chart in scenes.profile_scene(dataset, view.country, tx)[2]
                     if chart["table"]["indicator"].iloc[0] == view.indicator)
        return chart["figure"], chart["table"], [chart["source_line"]]
    if view.page == "trends":
        scene = series_scenes.trends_scene(dataset, view.indicator, view.countries, view.years, view.mode, view.base,
                                           year, tx)
        # The source line and the countries without figures; the definition stays on the page.
        return scene.figure, scene.table, scene.source_lines[:1] + scene.source_lines[2:]
    shown_year = year or view.year
    if view.page == "corridors":
        scene = scenes.corridor_scene(dataset, view.indicator, view.origin, shown_year, tx)
        return scene.figure, scene.table, scene.source_lines[:1] + scene.notes
    if view.page == "map":
        # While years play, every other year's values keep the shading classes (and legend) still.
        others = tuple(y for y in play_years(slide, dataset) if y != shown_year)
        scene = scenes.map_scene(dataset, view.indicator, shown_year, view.countries, view.mode, tx, others)
        # As the Map page says under its map: Kosovo* is shaded "no data" because Serbia's figure holds it.
        kosovo = ([tx("map.kosovo_in_serbia", kosovo=tx.country("XKX"))]
                  if scene.facts.source_id in views.KOSOVO_IN_SERBIA_SOURCES else [])
        return scene.figure, scene.table, scene.source_lines[:1] + scene.notes + kosovo
    # Compare: the change between two years, or the countries ranked in one year.
    if view.since is not None:
        scene = series_scenes.change_scene(dataset, view.indicator, _map_countries(view), view.since, shown_year, tx)
    else:
        scene = series_scenes.ranked_scene(dataset, view.indicator, _map_countries(view), shown_year, view.mode, tx)
    return scene.figure, scene.table, scene.source_lines[:1]
