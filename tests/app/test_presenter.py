"""Presenter mode through AppTest: every slide of the default story, the controls, broken and edited files."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import stories
from components.dataset import load_dataset
from tests.conftest import DATA, REPO

PAGE = "pages/present/present.py"
TIMEOUT = 60


def present(monkeypatch=None, data_dir=None, **params) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params.update(params)
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def slide_text(app: AppTest) -> str:
    return "\n".join(str(m.value) for m in app.markdown)


def charts(app: AppTest) -> list:
    return app.get("plotly_chart") + app.get("deck_gl_json_chart")


def shown_title(app: AppTest) -> str:
    return next(m.value for m in app.markdown if 'class="present-title"' in m.value)


def jump_box(app: AppTest):
    [box] = [box for box in app.selectbox if box.key.startswith("present_jump")]
    return box


def param(app: AppTest, key: str) -> str:
    value = app.query_params[key]
    return value[0] if isinstance(value, list) else value


@pytest.fixture(scope="module")
def default_slides():
    slides, report = stories.read_stories(DATA / "stories" / "default.yaml", load_dataset(DATA, keep_history=False))
    assert not report.problems
    return slides


def test_every_slide_of_the_default_story_renders_with_its_chart(default_slides):
    for number, slide in enumerate(default_slides, start=1):
        app = present(story="default", slide=str(number))
        assert slide.title.replace("'", "&#x27;") in shown_title(app), number
        assert f"{number} / {len(default_slides)}" in slide_text(app)
        assert len(charts(app)) == 1, f"slide {number} shows its chart"
        if slide.view.page == "corridors":
            assert app.get("deck_gl_json_chart")
        assert param(app, "slide") == str(number) and param(app, "story") == "default"
        if slide.play_years:
            assert app.button(key="present_play").label == "Play years"
        if "Kosovo" in slide.message or slide.view.page == "map":
            assert "UNSCR 1244/1999" in slide_text(app), f"slide {number} carries the Kosovo footnote"


def test_buttons_and_the_jump_box_move_through_the_story(default_slides):
    count = len(default_slides)
    app = present()
    assert param(app, "slide") == "1" and app.button(key="present_prev").disabled
    app.button(key="present_next").click().run()
    assert f"2 / {count}" in slide_text(app) and param(app, "slide") == "2"
    app.button(key="present_pagedown").click().run()  # what a clicker's "next" sends
    assert f"3 / {count}" in slide_text(app)
    app.button(key="present_pageup").click().run()
    app.button(key="present_prev").click().run()
    assert f"1 / {count}" in slide_text(app)
    jump_box(app).select(count - 1).run()
    assert f"{count} / {count}" in slide_text(app) and param(app, "slide") == str(count)
    assert app.button(key="present_next").disabled and app.button(key="present_pagedown").disabled
    assert not app.exception


def test_the_keys_are_the_arrows_and_the_clicker_keys():
    app = present()
    shortcuts = {key: app.button(key=key).proto.shortcut for key in
                 ("present_prev", "present_next", "present_pageup", "present_pagedown")}
    assert shortcuts == {"present_prev": "left", "present_next": "right",
                         "present_pageup": "pageup", "present_pagedown": "pagedown"}


def test_playing_years_shows_a_stop_button_and_stops_again():
    app = present(slide="1")
    app.button(key="present_play").click().run()
    assert not app.exception and app.session_state["present_playing"] == 1
    assert app.button(key="present_stop").label == "Stop"
    app.button(key="present_stop").click().run()
    assert app.session_state["present_playing"] is None and app.button(key="present_play")


def test_a_bad_link_falls_back_with_a_notice():
    app = present(story="../secrets", slide="99")
    assert param(app, "story") == "default" and param(app, "slide") == "1"
    notices = slide_text(app)
    assert "There is no story '../secrets'" in notices and "slide '99' is not in this story" in notices


def test_a_broken_slide_is_skipped_and_named_in_a_small_notice(data_copy, monkeypatch):
    story = data_copy / "stories" / "default.yaml"
    count = story.read_text(encoding="utf-8").count("\n  - title:")
    story.write_text(story.read_text(encoding="utf-8").replace(
        "indicator: emigrant_stock\n      year: 2024\n      origin: MDA",
        "indicator: emigrant_stok\n      year: 2024\n      origin: MDA"),
                     encoding="utf-8")
    app = present(monkeypatch, data_copy)
    assert f"1 / {count - 1}" in slide_text(app), "the other slides still play"
    [popover] = [p for p in app.get("popover") if "skipped" in p.proto.popover.label]
    assert popover.proto.popover.label == "1 slide(s) skipped"
    message = next(m.value for m in app.markdown if "emigrant_stok" in m.value)
    assert "stories/default.yaml" in message and "row 3" in message and "view.indicator" in message
    assert "Slide 3" in message


def test_a_broken_stories_file_shows_what_to_fix_instead_of_crashing(data_copy, monkeypatch):
    (data_copy / "stories" / "default.yaml").write_text("slides:\n  - title: [broken\n", encoding="utf-8")
    app = present(monkeypatch, data_copy)
    assert "This story cannot be shown yet" in slide_text(app)
    assert "stories/default.yaml" in app.warning[0].value and "line" in app.warning[0].value
    assert not charts(app)


def test_a_slide_added_to_the_file_appears_without_a_restart(data_copy, monkeypatch):
    story = data_copy / "stories" / "default.yaml"
    app = present(monkeypatch, data_copy)
    before = len(jump_box(app).options)
    with story.open("a", encoding="utf-8") as handle:
        handle.write("\n  - title: A slide added during the meeting\n    message: Added.\n"
                     "    view: {page: compare, indicator: emigrant_stock, year: 2020}\n")
    app.run()  # the next key press: same session, same server, new file content
    assert len(jump_box(app).options) == before + 1
    jump_box(app).select(before).run()
    assert "A slide added during the meeting" in shown_title(app)
    assert len(charts(app)) == 1


def test_a_data_folder_without_stories_says_where_the_file_belongs(data_copy, monkeypatch):
    shutil.rmtree(data_copy / "stories")
    app = present(monkeypatch, data_copy)
    assert "This story cannot be shown yet" in slide_text(app)
    assert "a stories file at data/stories/default.yaml" in app.warning[0].value
