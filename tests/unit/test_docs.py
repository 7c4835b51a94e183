"""The README is the staff's contract: it must name every column, flag and setting the code uses."""

from __future__ import annotations

import re

from components import contract
from components.settings import SETTINGS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CONTRACT_SECTION = README.split("## Adding or updating data", 1)[1].split("\n## ", 1)[0]


def test_every_contract_column_is_documented():
    for column in contract.ALL_COLUMNS:
        assert f"`{column}`" in CONTRACT_SECTION, f"README does not document the column {column}"


def test_every_flag_is_documented():
    for flag, meaning in contract.FLAGS.items():
        assert f"`{flag}` {meaning}" in CONTRACT_SECTION


def test_every_setting_is_documented_with_its_help():
    for name, setting in SETTINGS.items():
        assert f"`{name}`" in README and setting.help in README


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


def test_the_app_listens_on_this_computer_only_and_the_readme_says_how_to_serve_a_network():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    security = README.split("## Security", 1)[1].split("\n## ", 1)[0]
    assert "`127.0.0.1`" in security and "bin/run --server.address 0.0.0.0" in security
    assert "What the app guarantees" in security and "What it does not do" in security
    assert "HTTPS" in security


def test_the_readme_says_how_often_an_open_page_checks_data():
    # components/ui.py draws widgets (imports Streamlit), so its constant is read from its source.
    source = (REPO / "components" / "ui.py").read_text(encoding="utf-8")
    seconds = float(re.search(r"^WATCH_SECONDS = ([\d.]+)", source, re.MULTILINE).group(1))
    assert f"checks the files' content every {seconds:g} seconds" in CONTRACT_SECTION
