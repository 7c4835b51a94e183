"""The docs are the staff's contract and the engineers' map: they must name every column, flag,
setting and module the code has. README.md is the users' front door; docs/DATA.md is for staff,
docs/PRESENTING.md for presenters, docs/DEVELOPING.md for engineers."""

from __future__ import annotations

import re

import pytest

from components import contract
from components.settings import SETTINGS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
DATA_DOC = (REPO / "docs" / "DATA.md").read_text(encoding="utf-8")
PRESENTING_DOC = (REPO / "docs" / "PRESENTING.md").read_text(encoding="utf-8")
DEVELOPING_DOC = (REPO / "docs" / "DEVELOPING.md").read_text(encoding="utf-8")
CONTRACT_SECTION = DATA_DOC.split("## Adding or updating data", 1)[1].split("\n## ", 1)[0]


def test_every_contract_column_is_documented():
    for column in contract.ALL_COLUMNS:
        assert f"`{column}`" in CONTRACT_SECTION, f"docs/DATA.md does not document the column {column}"


def test_every_flag_is_documented():
    for flag, meaning in contract.FLAGS.items():
        assert f"`{flag}` {meaning}" in CONTRACT_SECTION


def test_every_setting_is_documented_with_its_help():
    for name, setting in SETTINGS.items():
        assert f"`{name}`" in DATA_DOC and setting.help in DATA_DOC


def test_the_two_commands_are_in_the_readme_and_ci_calls_the_test_command():
    assert "```bash\nbin/run\n```" in README and "```bash\nbin/test\n```" in README
    assert "bin/test" in (REPO / ".ci" / "run").read_text()


# The few modules that draw widgets; everything else in components/ is pure.
# Convention: a components module that draws widgets is named ui.py or *_ui.py; admin.py reads
# the admin password from st.secrets.
UI_MODULES = {"ui.py", "admin.py"}


def test_only_the_ui_helpers_import_streamlit_in_components():
    for path in (REPO / "components").glob("*.py"):
        if path.name in UI_MODULES or path.name.endswith("_ui.py"):
            continue
        assert not re.search(r"^\s*(import|from) streamlit", path.read_text(), re.M), path.name


def test_the_app_listens_on_this_computer_only_and_the_docs_say_how_to_serve_a_network():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    # The README's short section (the front door) and the full one in DEVELOPING.md say the same.
    for doc in (README, DEVELOPING_DOC):
        security = doc.split("## Security", 1)[1].split("\n## ", 1)[0]
        assert "`127.0.0.1`" in security and "bin/run --server.address 0.0.0.0" in security
        assert "What the app guarantees" in security and "What it does not do" in security
        assert "HTTPS" in security


def test_the_data_doc_says_how_often_an_open_page_checks_data():
    # components/ui.py draws widgets (imports Streamlit), so its constant is read from its source.
    source = (REPO / "components" / "ui.py").read_text(encoding="utf-8")
    seconds = float(re.search(r"^WATCH_SECONDS = ([\d.]+)", source, re.MULTILINE).group(1))
    assert f"checks the files' content every {seconds:g} seconds" in CONTRACT_SECTION


# --- every reader finds their document, and the engineers' layout names every module ---------------

def test_the_readme_links_to_the_three_docs_and_they_exist():
    for name in ("DATA.md", "PRESENTING.md", "DEVELOPING.md"):
        assert f"](docs/{name})" in README, name
        assert (REPO / "docs" / name).is_file(), name


def test_the_readme_shows_a_screenshot_that_exists():
    shots = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+\.png)\)", README)
    assert shots and all((REPO / shot).is_file() for shot in shots), shots


def test_the_readme_credits_both_un_desa_editions_and_no_longer_calls_2024_unavailable():
    sources = README.split("## Sources and credits", 1)[1]
    assert "*International Migrant Stock 2024*" in sources and "*International Migrant Stock 2020*" in sources
    assert "International Migrant Stock 2024.\"" in sources and "CC BY 3.0 IGO" in sources
    everything = README + DATA_DOC + PRESENTING_DOC + DEVELOPING_DOC
    assert "UN DESA 2024 bilateral stock" not in everything


def test_the_readme_states_the_conventions():
    words = " ".join(README.split("## Sources and credits", 1)[1].split())
    assert "**North Macedonia** is named so for all years" in words and "is keyed `XKX`" in words
    assert "without prejudice to positions on status, and is in line with UNSCR 1244/1999" in words
    assert "Emigrants are not the diaspora" in words and "Stock vs flow" in words


MODULE_FOLDERS = ("components", "curation", "bench")


@pytest.mark.parametrize("folder", MODULE_FOLDERS)
def test_developing_names_every_module(folder):
    layout = DEVELOPING_DOC.split("## Layout", 1)[1].split("\n## ", 1)[0]
    block = layout.split(f"\n{folder}/", 1)[1]
    # The folder's block ends at the next top-level entry (a line that starts without spaces).
    block = re.split(r"\n(?=\S)", block, maxsplit=1)[0]
    named = set(re.findall(r"^  (\S+\.py)\b", block, re.MULTILINE))
    missing = sorted(path.name for path in (REPO / folder).glob("*.py") if path.name not in named)
    assert not missing, f"docs/DEVELOPING.md's layout does not name {folder}/{missing}"


def test_developing_names_every_page_script_and_command():
    layout = DEVELOPING_DOC.split("## Layout", 1)[1].split("\n## ", 1)[0]
    pages = sorted(str(path.relative_to(REPO / "pages")) for path in (REPO / "pages").rglob("*.py"))
    assert pages and all(f"  {page} " in layout for page in pages), pages
    for path in (REPO / "bin").iterdir():
        assert f"  {path.name} " in layout, f"bin/{path.name}"
    for path in (REPO / "deploy").iterdir():
        assert path.name in layout, f"deploy/{path.name}"


def test_the_recipes_name_the_places_they_say_to_touch():
    from components import catalogue, stories

    recipes = DEVELOPING_DOC.split("## Recipes", 1)[1].split("\n## ", 1)[0]
    for heading in ("### Adding an indicator", "### Adding a page", "### Adding a chart", "### Adding a language"):
        assert heading in recipes, heading
    for owner, name in ((catalogue, "PROFILE_FACTS"), (stories, "PAGES"), (stories, "PLAYABLE")):
        assert hasattr(owner, name) and f"`{owner.__name__.split('.')[-1]}.{name}`" in recipes, name
    for column in catalogue.ROLE_COLUMNS:  # every indicator role, named by its catalogue column
        assert f"`{column}`" in recipes, column
    for path in ("components/pages_registry.py", "curation/catalogues.py", "tests/app/test_page_registry.py",
                 "tests/unit/test_indicator_roles.py", "tests/e2e/test_phone_browser.py", "bench/server.py",
                 "bench/browser.py", "data/catalogue/indicators.csv"):
        assert (REPO / path).is_file() and f"`{path}`" in recipes, path


def _anchor(heading: str) -> str:
    # GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_between_the_docs_reaches_a_file_and_heading():
    documents = [path.resolve() for path in (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))]
    headings = {doc: {_anchor(h) for h in re.findall(r"^#+ (.+)$", doc.read_text(encoding="utf-8"), re.M)}
                for doc in documents}
    broken = []
    for doc in documents:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            destination = (doc.parent / path).resolve() if path else doc
            if not destination.exists() or (anchor and anchor not in headings.get(destination, set())):
                broken.append(f"{doc.name}: {target}")
    assert not broken, broken
