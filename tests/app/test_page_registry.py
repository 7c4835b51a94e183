"""Adding a page is one registry entry, its script and its strings.

The test copies the repository, adds a dummy page there the way docs/DEVELOPING.md says (an entry in
components/pages_registry.py, pages/explore/dummy.py, a [dummy] table in the seven locale files)
and, in that copy, checks that the navigation, the presenter's stories check and the tests'
page lists pick it up without any other edit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from components import pages_registry, stories
from tests.conftest import REPO

ENTRY = '    Page("dummy", "pages/explore/dummy.py", ":material/science:", "dummy.nav_title", "dummy", params=("flavour",)),\n'
SCRIPT = '''"""A page that exists only in a test's copy of the repository."""

import streamlit as st

from components import filter_ui, ui

tx, data = ui.page_start()
flavour = filter_ui.page_option("flavour", ["plain", "salted"], "plain")
st.title(tx("dummy.title"))
st.markdown(tx("dummy.intro"))
st.caption(flavour)
'''
STRINGS = {
    "en": ("Test page", "This page exists only in a temporary copy made by a test."),
    "sr-Latn": ("Probna stranica", "Ova stranica postoji samo u privremenoj kopiji koju pravi test."),
    "sr-Cyrl": ("Пробна страница", "Ова страница постоји само у привременој копији коју прави тест."),
    "mk": ("Пробна страница", "Оваа страница постои само во привремена копија направена од тест."),
    "bg": ("Пробна страница", "Тази страница съществува само във временно копие, направено от тест."),
    "ro": ("Pagină de test", "Această pagină există doar într-o copie temporară făcută de un test."),
    "sq": ("Faqe prove", "Kjo faqe ekziston vetëm në një kopje të përkohshme të bërë nga një test."),
}
# Run inside the copy: what the app, the presenter and the tests' page lists make of the new entry.
CHECKS = '''
import pytest
from streamlit.testing.v1 import AppTest

from components import pages_registry, presenter_ui, stories
from tests.conftest import REPO
from tests.app import test_explore_pages, test_hostile_links, test_languages
from tests.e2e import test_accessibility


def test_the_dummy_page_is_in_the_navigation_and_opens_from_its_link():
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.query_params.update({"lang": "ro", "flavour": "salted"})
    app.run()
    app.switch_page("pages/explore/dummy.py").run()
    assert not app.exception, [e.message for e in app.exception]
    assert [t.value for t in app.title] == ["Pagină de test"]
    assert "salted" in [c.value for c in app.caption]  # it read its own parameter from the link


def test_a_script_without_an_entry_is_not_a_page():
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/explore/undeclared.py")


def test_the_tests_and_the_presenter_pick_up_the_dummy_page():
    assert test_hostile_links.PAGE_PARAMS["pages/explore/dummy.py"] == ("flavour",)
    assert "dummy" in test_accessibility.PAGES
    assert test_languages.PAGES["dummy"] == "pages/explore/dummy.py"
    assert test_languages.PAGE_TABLES["dummy"] == ("dummy.",)
    assert "pages/explore/dummy.py" not in test_explore_pages.PAGES  # it reads no shared filters
    # Declared without slide keys: a story cannot show it, and the presenter still exits home.
    assert "dummy" not in stories.PAGES and "dummy" not in stories.PAGE_KEYS
    assert presenter_ui.EXIT_PAGE == pages_registry.home().script
'''


def _copy_with_dummy_page(root):
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    registry = root / "components" / "pages_registry.py"
    text = registry.read_text(encoding="utf-8")
    upload = '    Page("upload",'
    assert text.count(upload) == 1
    registry.write_text(text.replace(upload, ENTRY + upload), encoding="utf-8")
    (root / "pages" / "explore" / "dummy.py").write_text(SCRIPT, encoding="utf-8")
    for code, (title, intro) in STRINGS.items():
        with (root / "components" / "locales" / f"{code}.toml").open("a", encoding="utf-8") as toml:
            toml.write(f'\n[dummy]\nnav_title = "{title}"\ntitle = "{title}"\nintro = "{intro}"\n')
    (root / "pages" / "explore" / "undeclared.py").write_text(SCRIPT, encoding="utf-8")  # no entry: no page
    (root / "tests" / "app" / "test_dummy_checks.py").write_text(CHECKS, encoding="utf-8")


def test_adding_a_page_is_one_entry_plus_its_script_and_strings(tmp_path):
    _copy_with_dummy_page(tmp_path)
    tests = ["tests/app/test_dummy_checks.py",
             "tests/unit/test_i18n.py::test_every_language_file_has_exactly_the_english_keys",
             "tests/app/test_hostile_links.py::test_page_params_name_every_parameter_the_code_reads",
             # The registry's tests now run on the new page too: links, and every language.
             "tests/app/test_hostile_links.py::test_any_link_opens_every_page_without_an_error_and_shows_it_as_text",
             "tests/app/test_languages.py::test_no_english_interface_text_is_left_on_the_serbian_pages"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "dummy or english_keys or page_params_name",
                          *tests], cwd=tmp_path, capture_output=True, text=True, timeout=900,
                         env={**_environment(), "MOBILITY_SETTLE_SECONDS": "0"})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "deselected" in run.stdout
    passed = int(run.stdout.rsplit(" passed", 1)[0].split()[-1])
    assert passed >= 7, run.stdout[-1000:]


def test_the_registry_declares_each_page_once_with_its_script_and_strings():
    from components import i18n
    english, _ = i18n.read_strings("en")
    slugs = [page.slug for page in pages_registry.PAGES]
    assert len(set(slugs)) == len(slugs) and [p.slug for p in pages_registry.PAGES if p.default] == ["overview"]
    for page in pages_registry.PAGES:
        assert (REPO / page.script).is_file(), page
        assert page.nav_key in english, page
        assert any(key.startswith(page.texts + ".") for key in english), page
    assert set(stories.PAGE_KEYS) == {p.slug for p in pages_registry.PAGES if p.slide_keys}
    scripts = {path.relative_to(REPO).as_posix() for path in REPO.glob("pages/**/*.py")}
    assert scripts == {page.script for page in pages_registry.PAGES}, "every page script is declared"


def _environment() -> dict:
    import os
    return {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
