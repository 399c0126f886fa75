"""Optional sentiment backend: a locally installed transformer text classifier.

``--sentiment-model PATH`` (commands ``sentiment`` and ``eval sentiment``) replaces the lexicon
scores with those of a HuggingFace text-classification model directory (``config.json`` and the
weights and tokenizer files, as written by ``save_pretrained``). The protocol:

- The ``transformers`` package (and a backend such as torch) must be installed; newscorp does
  not depend on it. Loading is offline only: ``HF_HUB_OFFLINE=1``, ``TRANSFORMERS_OFFLINE=1`` and
  ``local_files_only=True``; nothing is ever downloaded.
- The model's labels (``config.id2label``) are mapped by name, case-insensitively: names
  starting with "pos" (positive, positiv) → positive, "neg" → negative, "neu"/"neutral"/"none"/
  "other"/"objective" → neutral; "1 star" … "5 stars" → negative (1-2), neutral (3), positive
  (4-5). A model without a positive and a negative label is refused.
- Per text: ``score = P(positive) - P(negative)`` in [-1, 1] (the probabilities of all labels
  mapped to a class are added) and ``label`` = the class with the highest probability.
  ``eval sentiment`` scores the labels; the ``sentiment`` tables keep their usual columns, with
  the model's scores for sentences and quotes (aggregates average them; labels use the band).

Errors (transformers missing, PATH not a model directory, labels that cannot be mapped, a
model that fails to load) raise ModelError with one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newscorp.errors import ModelError
from newscorp.extract.sentiment import LABELS, Label
from newscorp.records import DocResult

BATCH_SIZE = 16
_STARS = re.compile(r"^\s*([1-5])\s*stars?\s*$")
_NEUTRAL_NAMES = ("neu", "none", "other", "objective", "mixed")


@dataclass(frozen=True)
class Prediction:
    """A backend's verdict on one text."""

    label: Label
    score: float  # P(positive) - P(negative)


def map_label(name: str) -> Label | None:
    """positive/neutral/negative for a model's label name, or None when unknown."""
    key = name.strip().lower()
    stars = _STARS.match(key)
    if stars:
        value = int(stars.group(1))
        return "negative" if value <= 2 else "neutral" if value == 3 else "positive"
    if key.startswith("pos"):
        return "positive"
    if key.startswith("neg"):
        return "negative"
    if key.startswith(_NEUTRAL_NAMES):
        return "neutral"
    return None


def label_map(names: Iterable[str]) -> dict[str, Label]:
    """Every model label mapped to a class; ModelError when one is unknown or a pole missing."""
    names = list(names)
    mapping: dict[str, Label] = {}
    unknown = []
    for name in names:
        label = map_label(name)
        if label is None:
            unknown.append(name)
        else:
            mapping[name] = label
    if unknown or not {"positive", "negative"} <= set(mapping.values()):
        raise ModelError(
            f"sentiment model labels {', '.join(map(str, names))} cannot be mapped to "
            "positive/neutral/negative (expected names like positive, neutral, negative)"
        )
    return mapping


class TransformerSentiment:
    """A text-classification pipeline behind the Prediction protocol."""

    def __init__(self, classify: Callable[..., Any], labels: dict[str, Label]):
        self._classify = classify
        self._labels = labels

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """One Prediction per text (empty texts are neutral with score 0)."""
        out: list[Prediction] = [Prediction("neutral", 0.0)] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        for start in range(0, len(todo), BATCH_SIZE):
            batch = todo[start : start + BATCH_SIZE]
            results = self._classify([texts[i] for i in batch])
            for i, scores in zip(batch, results, strict=True):
                out[i] = self._prediction(scores)
        return out

    def _prediction(self, scores: Any) -> Prediction:
        if isinstance(scores, dict):
            scores = [scores]
        probs = dict.fromkeys(LABELS, 0.0)
        for item in scores:
            label = self._labels.get(item["label"])
            if label is None:
                raise ModelError(f"sentiment model returned an unknown label {item['label']!r}")
            probs[label] += float(item["score"])
        best: Label = max(LABELS, key=lambda lab: probs[lab])
        return Prediction(best, round(probs["positive"] - probs["negative"], 4))


def _load_transformers() -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import transformers
    except ImportError:
        raise ModelError(
            "--sentiment-model needs the 'transformers' package (and torch): "
            "pip install transformers torch"
        ) from None
    return transformers


def load_sentiment_model(path: str | Path) -> TransformerSentiment:
    """Load a local text-classification model directory (offline); ModelError on failure."""
    folder = Path(path)
    if not (folder / "config.json").is_file():
        raise ModelError(
            f"sentiment model {path}: not a model directory (no config.json); "
            "give a folder saved with save_pretrained"
        )
    transformers = _load_transformers()
    try:
        classify = transformers.pipeline(
            "text-classification",
            model=str(folder),
            tokenizer=str(folder),
            top_k=None,
            truncation=True,
            model_kwargs={"local_files_only": True},
        )
    except Exception as exc:  # transformers raises many types (OSError, ValueError, ...)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load sentiment model {path}: {reason}") from None
    labels = label_map(classify.model.config.id2label.values())
    return TransformerSentiment(classify, labels)


def rescore(results: Sequence[DocResult], model: TransformerSentiment) -> list[DocResult]:
    """The results with sentence and quote sentiment scored by ``model``."""
    sentence_texts = [s.text for r in results for s in r.sentences]
    quote_texts = [q.text for r in results for q in r.quotes]
    sentence_scores = iter([p.score for p in model.predict(sentence_texts)])
    quote_scores = iter([p.score for p in model.predict(quote_texts)])
    return [
        replace(
            r,
            sentences=tuple(replace(s, score=next(sentence_scores)) for s in r.sentences),
            quotes=tuple(replace(q, sentiment=next(quote_scores)) for q in r.quotes),
        )
        for r in results
    ]
