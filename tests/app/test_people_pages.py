"""Profile, Compare and Overview with sex, age, education and the claim per edition, as AppTest sees them."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

TIMEOUT = 120


def open_page(page: str | None, lang: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params.update({"lang": lang, **params})
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def titles(app: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
            for chart in app.get("plotly_chart")]


def captions(app: AppTest) -> str:
    return "\n".join(str(c.value) for c in app.caption)


def test_moldovas_profile_shows_sex_age_and_education_and_the_year_can_be_chosen():
    app = open_page("pages/explore/profile.py", "en", country="MDA")
    assert "Who the migrants are: sex, age and education" in [h.value for h in app.header]
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Women among emigrants (2024)"] == "55.5%"
    assert metrics["Women among immigrants (2024)"] == "58.6%"
    assert metrics["Tertiary-educated emigrants (OECD) (2015/16)"] == "33.0%"
    shown = titles(app)
    assert "Immigrants in Moldova by age and sex, 2024" in shown
    assert "Women among emigrants and immigrants, Moldova" in shown
    assert "Emigrants from Moldova aged 25–64 in OECD countries, by education, 2015/16" in shown
    assert "International Migrant Stock 2024" in captions(app) and "DIOC" in captions(app)
    assert any("census round 2015/16" in m.value for m in app.markdown)
    said = "\n".join(m.value for m in app.markdown)
    assert "women were 55.5% of the people born in Moldova who lived abroad" in said

    app.select_slider(key="age_year").set_value(2000).run()
    assert not app.exception
    assert "Immigrants in Moldova by age and sex, 2000" in titles(app)
    assert app.query_params["age_year"] == ["2000"] or app.query_params["age_year"] == "2000"


def test_a_link_opens_the_pyramid_of_its_year():
    app = open_page("pages/explore/profile.py", "en", country="BGR", age_year="1990")
    assert "Immigrants in Bulgaria by age and sex, 1990" in titles(app)


def test_albania_says_there_is_no_age_data_in_serbian_cyrillic():
    app = open_page("pages/explore/profile.py", "sr-Cyrl", country="ALB")
    assert "Ко су мигранти: пол, узраст и образовање" in [h.value for h in app.header]
    assert any("UN DESA не објављује податке о имигрантима према узрасту" in i.value for i in app.info)
    assert not [s for s in app.select_slider if s.key == "age_year"]
    assert any(title.startswith("Албанија: емигранти узраста 25–64 године") for title in titles(app))


def test_kosovos_profile_shows_its_own_education_figure_in_serbian_cyrillic():
    app = open_page("pages/explore/profile.py", "sr-Cyrl", country="XKX")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Високообразовани емигранти (OECD) (2015/16)"] == "9,1%"
    assert any("Косово* има сопствени податак" in c for c in captions(app).split("\n"))


def test_compare_shows_education_and_womens_shares():
    app = open_page("pages/explore/compare.py", "en", countries="MDA,SRB,XKX", indicator="emigrant_stock",
                    year="2024")
    assert "Education of emigrants living in OECD countries" in [h.value for h in app.header]
    assert "Emigrants aged 25–64 in OECD countries, by education, 2015/16" in titles(app)
    multiples = json.loads(app.get("plotly_chart")[1].proto.spec)
    panel_titles = [a["text"] for a in multiples["layout"]["annotations"]]
    assert any(t.startswith("Women among emigrants<br>") and t.endswith("2024</sup>") for t in panel_titles)
    assert any(t.startswith("Tertiary-educated emigrants (OECD)<br>") and t.endswith("2015/16</sup>")
               for t in panel_titles)
    assert "Kosovo\\*: 9.1% with tertiary education" in captions(app)  # markdown-escaped star


def test_compare_in_serbian_cyrillic_shows_education():
    app = open_page("pages/explore/compare.py", "sr-Cyrl", countries="MDA,SRB,XKX")
    assert "Образовање емиграната који живе у земљама OECD-а" in [h.value for h in app.header]
    assert "Емигранти узраста 25–64 године у земљама OECD-а, према образовању, 2015/16" in titles(app)


def test_overview_gives_the_claim_under_both_editions():
    app = open_page(None, "en")
    assert app.metric[0].value == "22.6%"
    claim = next(m.value for m in app.markdown if "Belgrade" in m.value)
    assert "International Migrant Stock 2024 puts it at **22.6%** in 2024" in claim
    assert "(4.41 million of 19.55 million people born there)" in claim
    editions = app.table[0].value
    assert list(editions.index) == ["2024", "2020"]
    assert editions.loc["2020", "People born in the region"] == "20,658,560"
    assert editions.loc["2024", "Emigrants"] == "4,413,553"
    text = captions(app)
    assert "Definition: emigrants ÷ everyone born in the country" in text
    assert "2020 edition: Source: UN DESA Population Division, International Migrant Stock 2020" in text
    assert "World Development Indicators: Population, total (SP.POP.TOTL)" in text


def test_overview_in_serbian_cyrillic_names_the_edition():
    app = open_page(None, "sr-Cyrl")
    claim = next(m.value for m in app.markdown if "Београду" in m.value)
    assert "International Migrant Stock 2024" in claim and "22,6%" in claim
    editions = app.table[0].value
    assert editions.index.name == "Издање UN DESA"
    assert editions.loc["2020", "Особе рођене у региону"] == "20.658.560"
