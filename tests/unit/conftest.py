"""Fixtures the unit tests share: the shipped dataset and its default presenter story, read once per module."""

from __future__ import annotations

import pytest

from components import stories
from components.dataset import load_dataset
from tests.conftest import DATA


@pytest.fixture(scope="module")
def dataset():
    # keep_history=False: reading the shipped data must never write to data/.history.
    return load_dataset(DATA, keep_history=False)


@pytest.fixture(scope="module")
def default_story(dataset):
    return stories.read_stories(DATA / "stories" / "default.yaml", dataset)
