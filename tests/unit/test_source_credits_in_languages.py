"""Every chart's source credit and source line are in the reader's language wherever the locale
files translate them ([source_names], [source_publishers], [source_datasets], [source_editions]):
a Serbian reader must not meet 'Abel & Cohen (2019), modelled estimates' under a Serbian chart."""

from __future__ import annotations

import json

import pytest

from components import circular_scenes, formatting, metrics, profile, scenes, series_scenes, views
from components.countries import REGION
from components.i18n import LANGUAGES, read_strings, texts

NOT_ENGLISH = [code for code in LANGUAGES if code != "en"]
# The locale section that words each field of a source's catalogue row.
SECTIONS = {"source_names": "short", "source_publishers": "publisher", "source_datasets": "dataset",
            "source_editions": "edition"}


def english_only_wordings(dataset, code: str) -> dict[str, str]:
    """English text -> 'section.source' for every source wording `code` translates differently:
    the English locale's words and the catalogue row's words (what shows when the lookup misses)."""
    english, own = read_strings("en")[0], read_strings(code)[0]
    catalogue = dataset.sources.set_index("id")
    found = {}
    for section, column in SECTIONS.items():
        for key, translated in own.items():
            if not key.startswith(section + "."):
                continue
            source_id = key.removeprefix(section + ".")
            wordings = {english.get(key)}
            if source_id in catalogue.index:
                wordings.add(catalogue.at[source_id, column])
            found.update({w: key for w in wordings if w and w not in translated})
    return found


def figure_text(figure) -> str:
    """The words a reader sees on a plotly figure (titles, credits, legends), line breaks undone."""
    text = json.dumps(figure.layout.to_plotly_json(), ensure_ascii=False)
    text += json.dumps([getattr(trace, "name", None) for trace in figure.data], ensure_ascii=False)
    return text.replace("<br>", " ")


def untranslated(dataset, code: str, words: list[str]) -> list[str]:
    wordings = english_only_wordings(dataset, code)
    return sorted({f"{key}: {english!r}" for english, key in wordings.items() for text in words if english in text})


def test_the_guard_knows_the_english_words_it_looks_for(dataset):
    # If the locale files stopped translating these, the tests below would assert nothing.
    assert english_only_wordings(dataset, "sr-Cyrl")["Abel & Cohen (2019), modelled estimates"] \
        == "source_names.abel_cohen_2019"
    for code in NOT_ENGLISH:
        assert "Computed from UN DESA IMS 2024 and World Bank WDI" in english_only_wordings(dataset, code), code


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_every_profile_chart_credits_its_source_in_the_readers_language(dataset, code):
    tx = texts(code)
    for country in REGION:
        _, _, charts, _ = scenes.profile_scene(dataset, country, tx)
        for chart in charts:
            words = [figure_text(chart["figure"]), chart["source_line"]]
            assert not untranslated(dataset, code, words), (country, chart["source_id"])


def test_the_serbian_cyrillic_profile_credits_abel_and_cohen_in_serbian(dataset):
    _, _, charts, _ = scenes.profile_scene(dataset, "SRB", texts("sr-Cyrl"))
    flows = [c for c in charts if c["source_id"] == "abel_cohen_2019"]
    assert flows, "Serbia's profile has a chart of Abel & Cohen's modelled flows"
    assert all("Abel & Cohen (2019), моделске процене" in figure_text(c["figure"]) for c in flows)


def test_the_profile_chart_rows_keep_their_source_id(dataset):
    # profile.figures is also called outside profile_scene (offline page, slides): its own credit must hold.
    moldova = profile.build_profile(dataset.observations, dataset.indicators, "MDA")
    charts = profile.figures(moldova, dataset.observations, dataset.indicators, dataset.sources, texts("ro"))
    charts += profile.people_figures(moldova, dataset.observations, dataset.indicators, dataset.sources, texts("ro"))
    assert charts and not untranslated(dataset, "ro", [figure_text(c["figure"]) for c in charts])


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_every_compare_and_overview_chart_credits_its_sources_in_the_readers_language(dataset, code):
    tx = texts(code)
    countries = tuple(REGION)
    words = []
    multiples = scenes.multiples_scene(dataset, countries, tx)
    education = scenes.education_scene(dataset, countries, tx)
    for scene in (multiples, education):
        words += [figure_text(scene.figure), *scene.source_lines]
    for indicator in views.indicators_with_totals(dataset.observations):
        years = sorted(dataset.observations.loc[dataset.observations["indicator"] == indicator, "year"].unique())
        for view in ("absolute", "per_population"):
            ranked = series_scenes.ranked_scene(dataset, indicator, countries, int(years[-1]), view, tx)
            words += [figure_text(ranked.figure), *ranked.source_lines]
        if len(years) > 1:
            change = series_scenes.change_scene(dataset, indicator, countries, int(years[0]), int(years[-1]), tx)
            words += [figure_text(change.figure), *change.source_lines]
    for claim in metrics.western_balkans_claims(dataset.observations, dataset.indicators):  # Overview's chart
        if claim.region_share is not None:
            scene = series_scenes.claim_scene(dataset, claim, tx)
            words += [figure_text(scene.figure), *scene.source_lines]
    assert not untranslated(dataset, code, words)


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_every_circular_and_corridor_chart_credits_its_sources_in_the_readers_language(dataset, code):
    tx = texts(code)
    found = []
    for country in ("SRB", "MDA", "ALB"):
        built = [circular_scenes.flows_scene(dataset, country, tx), circular_scenes.returning_scene(dataset, country, tx),
                 circular_scenes.permits_scene(dataset, country, tx), circular_scenes.education_scene(dataset, country, tx),
                 *circular_scenes.remittances_scenes(dataset, country, tx)]
        card = circular_scenes.card_scenes(dataset, country, "DEU", tx)
        built += [card["stock"], card["flows"], card["permits"]]
        for scene in filter(None, built):
            found += untranslated(dataset, code, [figure_text(scene.figure), *scene.source_lines])
    assert not found


@pytest.mark.parametrize("code", NOT_ENGLISH)
def test_both_un_desa_editions_describe_their_tables_in_the_readers_language(dataset, code):
    # Overview's "How the editions compare" in Serbian: the 2024 edition's line was in Serbian, the
    # 2020 edition's read "(by destination and origin; totals)" in English.
    for source_id in ("un_desa_ims2024", "un_desa_ims2020"):
        line = formatting.source_line(dataset.source(source_id), 2020, texts(code))
        assert "by destination" not in line and f"International Migrant Stock {source_id[-4:]} (" in line, line
