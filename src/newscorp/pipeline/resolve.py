"""Which spaCy pipeline newscorp uses, and loading it once.

Order: an explicit name or path (``--model``) > ``NEWSCORP_MODEL`` > ``de_core_news_sm`` when
it is installed > the pipeline bundled with newscorp. spaCy is imported only when a pipeline
is actually loaded, so ``newscorp --help`` stays fast.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newscorp.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

PREFERRED = "de_core_news_sm"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "models" / "de_newscorp_news"
INSTALL_HINT = f"install it with: python -m spacy download {PREFERRED}"


@dataclass(frozen=True)
class ModelChoice:
    """A resolved pipeline name or path and why it was chosen."""

    name: str
    source: str  # "option", "environment", "installed", "bundled"


def resolve_model(explicit: str | None = None) -> ModelChoice:
    """Pick the pipeline to load without importing spaCy."""
    if explicit:
        return ModelChoice(explicit, "option")
    env = os.environ.get("NEWSCORP_MODEL", "").strip()
    if env:
        return ModelChoice(env, "environment")
    if importlib.util.find_spec(PREFERRED) is not None:
        return ModelChoice(PREFERRED, "installed")
    return ModelChoice(str(BUNDLED_DIR), "bundled")


def _load_spacy(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "E050" in reason or "Can't find model" in reason:
            reason = "not installed and not a pipeline directory"
        raise ModelError(f"cannot load spaCy model '{name}' ({reason}); {INSTALL_HINT}") from exc


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a pipeline once per process (:func:`build_pipeline`)."""
    return build_pipeline(name)


def build_pipeline(name: str, blis: bool = False) -> Language:
    """Load a pipeline and add newscorp's rule layers on top (and, for floret vectors, a
    table that computes each word form's vector once). Its layers multiply matrices with
    numpy's BLAS (:mod:`newscorp.pipeline.blas`), or with thinc's default blis if ``blis``
    (for comparisons)."""
    from newscorp.pipeline.blas import numpy_matmul
    from newscorp.pipeline.components import add_rule_layers
    from newscorp.pipeline.vectors import cache_floret_vectors

    if blis:
        nlp = _load_spacy(name)
    else:
        with numpy_matmul():
            nlp = _load_spacy(name)
    cache_floret_vectors(nlp)
    add_rule_layers(nlp)
    return nlp


def describe(nlp: Language, choice: ModelChoice) -> str:
    """One line for stderr naming the pipeline in use and what it lacks."""
    meta = nlp.meta
    label = f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '')}".strip()
    where = {
        "option": "from --model",
        "environment": "from NEWSCORP_MODEL",
        "installed": "installed spaCy model",
        "bundled": f"bundled with newscorp; {PREFERRED} not installed",
    }[choice.source]
    missing = [c for c in capability_gaps(nlp)]
    note = f"; fallback rules for: {', '.join(missing)}" if missing else ""
    if "newscorp_entity_vote" in nlp.pipe_names:
        voters = len(nlp.get_pipe("newscorp_entity_vote").voters)
        note += f"; entities by majority vote of {voters + 1} NER models"
    return f"newscorp: pipeline {label} ({where}){note}"


def capability_gaps(nlp: Language) -> list[str]:
    """Components newscorp would like but this pipeline lacks (rules stand in for them)."""
    names = set(nlp.pipe_names)
    gaps = []
    if "parser" not in names:
        gaps.append("parser (sentencizer, nearest-name speakers)")
    if "morphologizer" not in names:
        gaps.append("morphologizer (Konjunktiv by verb endings)")
    if not names & {"lemmatizer", "trainable_lemmatizer"}:
        gaps.append("lemmatizer (cue verbs by surface forms)")
    if "ner" not in names:
        gaps.append("ner (gazetteer entities only)")
    return gaps
