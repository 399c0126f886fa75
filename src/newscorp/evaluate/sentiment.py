"""Evaluate newscorp's lexicon sentiment on GerNTSA-style rows (text, target, polarity).

Rows may have GerNTSA's raw shape (``opinion_snippet``, ``target``, ``target_anchor.from/to``,
``sentiment.polarity``, nested or flattened with dots) or a flat one (``text``, ``target``,
optional ``target_start``/``target_end``, ``polarity``). ``by="text"`` labels the whole text,
``by="target"`` only the clause around the target: the tokens between the nearest clause
boundaries (punctuation , ; : – — . ! ? ( ) or a listed conjunction) on either side of the target
anchor. Without an anchor the first occurrence of the target string is used, and the whole text
when the target does not occur.

Measured on ``gerntsa_dev.jsonl`` (1,264 rows; ``spacy.blank("de")`` + lookup lemmatizer; the
bands were tuned on this same file, the only labelled data, so the figures are optimistic):

    method    by      band  accuracy  macro-F1
    baseline  text    0.40  0.484     0.453
    full      text    0.40  0.521     0.487
    baseline  target  0.20  0.501     0.428
    full      target  0.20  0.509     0.439

The baseline is de-sentiment.xml alone, same lookup, no negation or modifiers. Always answering
"neutral" scores accuracy 0.572 and macro-F1 0.243.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorp.errors import InputError, UsageError
from newscorp.extract.sentiment import (
    CLAUSE_NEUTRAL_BAND,
    LABELS,
    NEUTRAL_BAND,
    is_boundary,
    label_for,
    score_tokens,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

BY_CHOICES = ("text", "target")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Objects of a JSON Lines file; blank lines are skipped.

    Raises InputError naming the file and line for an unreadable file, a line that is not valid
    UTF-8 JSON, or a line that is not a JSON object.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    rows: list[dict[str, Any]] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            if not line:
                continue
            obj = json.loads(line)
        except UnicodeDecodeError:
            raise InputError(f"{path}:{number}: not valid UTF-8") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{number}: expected a JSON object, got {type(obj).__name__}")
        rows.append(obj)
    return rows


def _field(row: Mapping[str, Any], *paths: str) -> Any:
    """First present value among dotted ``paths``, nested ("a.b" → row["a"]["b"]) or flat."""
    for path in paths:
        if path in row:
            return row[path]
        value: Any = row
        for part in path.split("."):
            if not isinstance(value, Mapping) or part not in value:
                break
            value = value[part]
        else:
            return value
    return None


def normalise_row(row: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """``{"text", "target", "start", "end", "polarity"}`` from a raw or flat GerNTSA row.

    ``start``/``end`` are character offsets of the target, or None when the row has none.
    Raises InputError for a row without text or with a polarity outside LABELS.
    """
    where = f"row {index + 1}"
    if not isinstance(row, Mapping):
        raise InputError(f"{where}: expected an object, got {type(row).__name__}")
    text = _field(row, "text", "opinion_snippet")
    if not isinstance(text, str):
        raise InputError(f"{where}: no text (expected 'text' or 'opinion_snippet')")
    polarity = _field(row, "polarity", "sentiment.polarity", "label")
    if not isinstance(polarity, str) or polarity.strip().lower() not in LABELS:
        raise InputError(f"{where}: polarity {polarity!r} is not one of {', '.join(LABELS)}")
    target = _field(row, "target")
    start = _field(row, "target_start", "target_anchor.from")
    end = _field(row, "target_end", "target_anchor.to")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        start = end = None
    return {
        "text": text,
        "target": target if isinstance(target, str) else "",
        "start": start,
        "end": end,
        "polarity": polarity.strip().lower(),
    }


def _target_span(doc: Doc, target: str, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None:
        found = doc.text.find(target) if target else -1
        if found < 0 and target:
            found = doc.text.lower().find(target.lower())
        if found < 0:
            return None
        start, end = found, found + len(target)
    return doc.char_span(start, end, alignment_mode="expand")


def target_clause(doc: Doc, target: str, start: int | None = None, end: int | None = None) -> Span:
    """The clause of ``doc`` around the target (the whole doc when the target is not found)."""
    span = _target_span(doc, target, start, end)
    if span is None or len(span) == 0:
        return doc[:]
    left = span.start
    while left > 0 and not is_boundary(doc[left - 1]):
        left -= 1
    right = span.end
    while right < len(doc) and not is_boundary(doc[right]):
        right += 1
    return doc[left:right]


def _metrics(gold: list[str], pred: list[str]) -> dict[str, Any]:
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    per_label: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in LABELS)
        support = sum(confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    n = len(gold)
    correct = sum(confusion[label][label] for label in LABELS)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(m["f1"] for m in per_label.values()) / len(LABELS),
        "per_label": per_label,
        "confusion": confusion,
    }


def score_rows(
    rows: Iterable[Mapping[str, Any]], nlp: Language, *, by: str = "text", baseline: bool = False
) -> Iterator[tuple[str, float, int]]:
    """Yield (gold polarity, score, polar word count) per row."""
    if by not in BY_CHOICES:
        raise UsageError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    norm = [normalise_row(row, i) for i, row in enumerate(rows)]
    for row, doc in zip(norm, nlp.pipe(r["text"] for r in norm), strict=True):
        if by == "text":
            tokens = doc[:]
        else:
            tokens = target_clause(doc, row["target"], row["start"], row["end"])
        score, n = score_tokens(list(tokens), baseline=baseline)
        yield row["polarity"], score, n


def evaluate_sentiment(
    rows: Iterable[Mapping[str, Any]],
    nlp: Language,
    *,
    by: str = "text",
    baseline: bool = False,
    band: float | None = None,
) -> dict[str, Any]:
    """Accuracy, macro-F1 (positive/neutral/negative), per-label P/R/F1, n and confusion.

    ``confusion[gold][predicted]`` counts rows. ``baseline=True`` scores with de-sentiment.xml
    alone, without negation, intensifiers, diminishers or news adjustments: the floor to beat.
    ``band`` defaults to NEUTRAL_BAND by text and CLAUSE_NEUTRAL_BAND by target.
    """
    if band is None:
        band = NEUTRAL_BAND if by == "text" else CLAUSE_NEUTRAL_BAND
    scored = list(score_rows(rows, nlp, by=by, baseline=baseline))
    gold = [g for g, _, _ in scored]
    pred = [label_for(score, band) for _, score, _ in scored]
    result = _metrics(gold, pred)
    result.update({"by": by, "baseline": baseline, "band": band})
    return result
