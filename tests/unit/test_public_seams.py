"""Modules meet only at public names, and shared rules live in one place.

A module's `_name` is free to change without notice; a module that imports another one's `_name`
breaks silently when it does. Parsed with ast, so a comment or a string never counts.
"""

from __future__ import annotations

import ast

import pandas as pd
import pytest

from components.countries import population_with_kosovo_in_serbia
from tests.conftest import REPO

PACKAGES = ("components", "curation", "bench", "pages")
OURS = ("components", "curation", "bench", "pages", "tests")


def _private_uses(path) -> set[tuple[str, str]]:
    """(file, module._name) for every private name of another of our modules that `path` uses."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = path.relative_to(REPO).as_posix()
    own = name.removesuffix(".py").replace("/", ".")
    modules: dict[str, str] = {}  # local name -> one of our modules
    uses = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(OURS):
            for alias in node.names:
                if alias.name.startswith("_") and node.module != own:
                    uses.add((name, f"{node.module}.{alias.name}"))
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(OURS):
                    modules[alias.asname or alias.name] = alias.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            uses.add((name, f"{modules[node.value.id]}.{node.attr}"))
    return uses


def _all_private_uses() -> set[tuple[str, str]]:
    paths = [REPO / "app.py"] + [path for package in PACKAGES for path in sorted((REPO / package).rglob("*.py"))]
    return set().union(*(_private_uses(path) for path in paths))


def test_no_module_imports_another_modules_private_names():
    found = _all_private_uses()
    assert not found, ("these use another module's private (_) names; make the name public in the module "
                       f"that owns it: {sorted(found)}")


def test_the_check_sees_both_ways_of_reaching_a_private_name(tmp_path, monkeypatch):
    monkeypatch.setattr("tests.unit.test_public_seams.REPO", tmp_path)
    (tmp_path / "components").mkdir()
    sample = tmp_path / "components" / "sample.py"
    sample.write_text("from components.filters import _first\nfrom components import views\n"
                      "views._hidden(1)\n# views._in_a_comment\ntext = 'views._in_a_string'\n")
    assert _private_uses(sample) == {("components/sample.py", "components.filters._first"),
                                     ("components/sample.py", "components.views._hidden")}


def _population(rows) -> pd.Series:
    frame = pd.DataFrame(rows, columns=["country", "year", "value"])
    return frame.set_index(["country", "year"])["value"]


def test_serbias_population_counts_kosovos_people_where_both_are_known():
    people = _population([("SRB", 2000, 7.5e6), ("SRB", 2001, 7.4e6), ("XKX", 2000, 1.7e6), ("ALB", 2000, 3.1e6)])
    result = population_with_kosovo_in_serbia(people)
    assert result[("SRB", 2000)] == pytest.approx(9.2e6)
    assert ("SRB", 2001) not in result.index  # Serbia alone is not the denominator these sources use
    assert result[("XKX", 2000)] == 1.7e6 and result[("ALB", 2000)] == 3.1e6
    assert people[("SRB", 2000)] == 7.5e6, "the input is left as it was"


def test_without_kosovo_rows_the_population_is_unchanged():
    people = _population([("SRB", 2000, 7.5e6), ("ALB", 2000, 3.1e6)])
    pd.testing.assert_series_equal(population_with_kosovo_in_serbia(people), people)


def test_curation_and_the_app_share_the_one_rule():
    from components import views
    from curation import derived
    assert derived.population_with_kosovo_in_serbia is views.population_with_kosovo_in_serbia
    sources = [(REPO / "curation" / "derived.py"), (REPO / "components" / "views.py")]
    for path in sources:
        assert ".xs(KOSOVO" not in path.read_text(encoding="utf-8"), f"{path.name} codes the rule again"
