"""Shared fixtures: the sample corpus analysed once with the bundled pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"

os.environ.pop("NEWSCORP_MODEL", None)
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(ROOT / ".hypothesis"))


@pytest.fixture(scope="session")
def nlp():
    """The bundled pipeline with newscorp's rule layers."""
    from newscorp.pipeline.resolve import BUNDLED_DIR, load_pipeline

    return load_pipeline(str(BUNDLED_DIR))


@pytest.fixture(scope="session")
def sample():
    """The five sample articles, analysed once."""
    import newscorp

    corpus = newscorp.analyze([str(CORPUS)], notify=lambda message: None)
    corpus.results()
    return corpus


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when it is absent."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this clone)")
    return path
