"""Glue between the scorers and a loaded pipeline: what the ``eval`` commands run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from newscorp.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language


def eval_ner(path: str | Path, nlp: Language) -> dict[str, Any]:
    """Run ``nlp`` (with newscorp's rule layers) over GermEval sentences and score it."""
    from newscorp.evaluate.ner import (
        char_spans_to_tokens,
        read_germeval,
        score_ner_predictions,
        words_to_text,
    )

    sentences = list(read_germeval(path))
    if not sentences:
        raise InputError(f"{path}: no sentences")
    texts = [words_to_text(s.words) for s in sentences]
    predictions = []
    for (_, offsets), doc in zip(texts, nlp.pipe(t for t, _ in texts), strict=True):
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        predictions.append(char_spans_to_tokens(offsets, spans))
    return score_ner_predictions(sentences, predictions)


def ner_frame(result: dict[str, Any]) -> pd.DataFrame:
    """Scores as rows: overall then one per type."""
    rows = [{"type": "all", **_pick(result["overall"])}]
    rows += [{"type": k, **_pick(v)} for k, v in result["per_type"].items()]
    return pd.DataFrame(rows)


def _pick(stats: dict[str, Any]) -> dict[str, Any]:
    keys = ("precision", "recall", "f1", "tp", "fp", "fn")
    return {k: round(stats[k], 4) if isinstance(stats[k], float) else stats[k] for k in keys}


def ud_frame(result: dict[str, Any]) -> pd.DataFrame:
    """UD scores as rows of (score, value)."""
    rows = [
        {"score": k, "value": round(v, 4) if isinstance(v, float) else v}
        for k, v in result.items()
        if k != "mood_sub"
    ]
    for k, v in result["mood_sub"].items():
        rows.append({"score": f"mood_sub_{k}", "value": round(v, 4) if isinstance(v, float) else v})
    return pd.DataFrame(rows, dtype=object)  # counts stay integers


def quotes_frame(result: dict[str, Any]) -> pd.DataFrame:
    """Quote scores as rows, one per type."""
    keys = ("precision", "recall", "f1", "speaker_accuracy", "attributed_f1", "n_gold", "n_pred")
    rows = []
    for kind, stats in result.items():
        if kind == "matches":
            continue
        rows.append(
            {
                "type": kind,
                **{
                    k: round(stats[k], 4) if isinstance(stats[k], float) else stats[k] for k in keys
                },
            }
        )
    return pd.DataFrame(rows)


def sentiment_frame(result: dict[str, Any]) -> pd.DataFrame:
    """Sentiment scores as rows: overall accuracy/macro-F1, then per label."""
    rows = [
        {
            "label": "all",
            "precision": None,
            "recall": None,
            "f1": round(result["macro_f1"], 4),
            "accuracy": round(result["accuracy"], 4),
            "n": result["n"],
        }
    ]
    for label, stats in result.get("per_label", {}).items():
        rows.append(
            {
                "label": label,
                "precision": round(stats["precision"], 4),
                "recall": round(stats["recall"], 4),
                "f1": round(stats["f1"], 4),
                "accuracy": None,
                "n": stats.get("support", stats.get("n")),
            }
        )
    return pd.DataFrame(rows)


def sentiment_cv_frame(result: dict[str, Any]) -> pd.DataFrame:
    """Cross-validation rows: one per held-out fold (its band, n, accuracy, macro-F1), then
    the mean (band: the one chosen on all rows)."""
    rows = [
        {
            "fold": str(f["fold"]),
            "band": f["band"],
            "n": f["n"],
            "accuracy": round(f["accuracy"], 4),
            "macro_f1": round(f["macro_f1"], 4),
        }
        for f in result["folds"]
    ]
    rows.append(
        {
            "fold": "mean",
            "band": result["band_all"],
            "n": sum(f["n"] for f in result["folds"]),
            "accuracy": round(result["accuracy"], 4),
            "macro_f1": round(result["macro_f1"], 4),
        }
    )
    return pd.DataFrame(rows)
