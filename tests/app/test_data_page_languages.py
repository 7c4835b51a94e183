"""The Data & sources page in the reader's language: file status, problems, and the Languages tab."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components import i18n
from components.country_names import unreviewed_names
from tests.conftest import REPO, drop_in

TIMEOUT = 90


def data_page(language: str, data_dir=None, monkeypatch=None) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params["lang"] = language
    app.run()
    app.switch_page("pages/data/data_sources.py").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_the_data_page_in_romanian():
    app = data_page("ro")
    assert app.title[0].value == "Date și surse"
    assert [tab.label for tab in app.tabs] == ["Surse", "Indicatori", "Acoperire", "Fișiere de date", "Mențiuni",
                                              "Limbi", "Ce s-a schimbat între ediții"]
    assert app.success[0].value == "Toate fișierele au trecut toate verificările."
    sources, indicators, coverage, files = (frame.value for frame in app.dataframe[:4])
    assert {"Editor", "Licență", "URL"} <= set(sources.columns)
    # The catalogue's words in Romanian; ids and codes as they are.
    row = indicators.set_index("Identificator").loc["return_flow_5yr"]
    assert row["Estimare"] == "da" and row["Tip de migrație"] == i18n.texts("ro").migration_type("Return")
    assert row["Tip de migrație"] != "Return" and row["Denumire"] == i18n.texts("ro").indicator("return_flow_5yr")
    assert "Indicator" in coverage.columns and "ALB" in coverage.columns
    assert set(files["Stare"]) == {"încărcat"} and "Fișier" in files.columns
    assert any(button.label == "Descărcați raportul de validare (Excel)" for button in app.get("download_button"))
    captions = " ".join(caption.value for caption in app.caption)
    assert "Kosovo*" in captions or "Kosovo" in captions


def test_the_languages_tab_lists_review_status_and_unreviewed_country_names():
    app = data_page("ro")
    languages = next(frame.value for frame in app.dataframe if "Cod" in frame.value.columns)
    assert list(languages["Cod"]) == list(i18n.LANGUAGES)
    reviewed = languages.set_index("Cod")["Verificată de un vorbitor nativ"]
    assert reviewed["en"] == "da"
    assert all(reviewed[code] == ("da" if i18n.texts(code).reviewed else "nu") for code in i18n.LANGUAGES)
    names = next(frame.value for frame in app.dataframe if "Numele folosit" in frame.value.columns)
    assert len(names) == len(unreviewed_names()) > 0
    assert "Србија" in set(names["Numele folosit"])
    assert any("components/locales/" in info.value and "Pentru a semnala" in info.value for info in app.info)


def test_a_bad_file_is_explained_in_serbian_cyrillic(data_copy, monkeypatch):
    drop_in(data_copy, "text_in_value.csv")
    app = data_page("sr-Cyrl", data_copy, monkeypatch)
    # The banner on every page says what to fix first in the reader's language too.
    banner = app.warning[0].value
    assert "text_in_value.csv, ред 2, колона 'value'" in banner and "Како исправити:" in banner
    files = app.dataframe[3].value.set_index("Датотека")
    assert files.loc["text_in_value.csv", "Статус"] == "одбачено"
    problems = app.dataframe[4].value
    row = problems[problems["Провера"] == "not-a-number"].iloc[0]
    assert row["Датотека"] == "text_in_value.csv" and row["Ред"] == 2 and row["Колона"] == "value"
    assert row["Како исправити"].startswith("Уклоните из ћелије текст")
    expander = next(e for e in app.expander if e.label.startswith("text_in_value.csv"))
    assert expander.label == "text_in_value.csv — одбачено"
    said = " ".join(markdown.value for markdown in app.markdown)
    assert "text_in_value.csv, ред 2, колона 'value': пронађено је 'about a million'" in said
