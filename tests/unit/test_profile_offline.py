"""The profile's offline HTML says what the page says: chart summaries in words and the actors list."""

from __future__ import annotations

import html

import pytest

from components import profile, scenes
from components.i18n import texts


@pytest.mark.parametrize("code", ["en", "sr-Cyrl"])
def test_the_offline_profile_has_every_charts_summary_and_the_actors_list(dataset, code):
    tx = texts(code)
    _, _, charts, offline_page = scenes.profile_scene(dataset, "SRB", tx)
    page = offline_page()
    assert charts and all(chart["alt"] for chart in charts)
    for chart in charts:
        assert f"<figcaption>{html.escape(chart['alt'])}</figcaption>" in page
    serbia = dataset.actors[dataset.actors["country"] == "SRB"]
    assert len(serbia) == 4
    assert html.escape(tx("profile.actors.heading", country=tx.country("SRB"))) in page
    for name in serbia["name"]:
        assert html.escape(name) in page
    # The same table as the page shows, with its headings and the kinds in the reader's language.
    table = profile.actors_table(serbia, tx)
    for heading in [table.index.name, *table.columns]:
        assert f">{html.escape(heading)}<" in page
    for kind in table[tx("profile.actors.kind")]:
        assert html.escape(kind) in page


def test_a_country_without_actors_says_so_offline_as_on_the_page(dataset):
    tx = texts("en")
    assert dataset.actors[dataset.actors["country"] == "ALB"].empty
    page = scenes.profile_scene(dataset, "ALB", tx)[3]()
    assert "<h2>Actors and initiatives in Albania</h2>" in page
    assert "<p>None listed yet. Add one on the <strong>Actors &amp; initiatives</strong> page.</p>" in page
