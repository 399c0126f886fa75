"""Shared fixtures: the sample corpus analysed once with the bundled pipeline."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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


def parsed(nlp: Language, rows: str) -> Doc:
    """A Doc from "word/POS/dep/head[/lemma[/morph]]" items (heads are 0-based indices)."""
    from spacy.tokens import Doc

    items = [(item.split("/") + ["", ""])[:6] for item in rows.split()]
    return Doc(
        nlp.vocab,
        words=[i[0] for i in items],
        pos=[i[1] for i in items],
        deps=[i[2] for i in items],
        heads=[int(i[3]) for i in items],
        lemmas=[i[4] or (i[0] if i[1] in {"NOUN", "PROPN"} else i[0].lower()) for i in items],
        morphs=[i[5] for i in items],
    )
