"""Evaluate newscorp's lexicon sentiment on GerNTSA-style rows (text, target, polarity).

Rows may have GerNTSA's raw shape (``opinion_snippet``, ``target``, ``target_anchor.from/to``,
``sentiment.polarity``, nested or flattened with dots) or a flat one (``text``, ``target``,
optional ``target_start``/``target_end``, ``polarity``). ``by="text"`` labels the whole text,
``by="target"`` only the clause around the target: the tokens between the nearest clause
boundaries (punctuation , ; : – — . ! ? ( ) or a listed conjunction) on either side of the target
anchor. Without an anchor the first occurrence of the target string is used, and the whole text
when the target does not occur.

Measured on ``gerntsa_dev.jsonl`` (1,264 rows; the bundled pipeline). "dev" uses the shipped
bands, chosen on this same file (optimistic); "5-fold" is ``cross_validate`` (``newscorp eval
sentiment FILE --cv 5``): the band chosen on four folds, scored on the fifth, mean over folds:

    method    by      band  dev acc  dev macro-F1  5-fold macro-F1 (± sd)
    baseline  text    0.36  0.493    0.461         0.474 (± 0.024)
    full      text    0.36  0.555    0.508         0.504 (± 0.042)
    baseline  target  0.16  0.507    0.432         0.437 (± 0.027)
    full      target  0.16  0.526    0.444         0.433 (± 0.020)

The baseline is de-sentiment.xml alone, same lookup, no negation or modifiers. Always answering
"neutral" scores accuracy 0.572 and macro-F1 0.243. GerNTSA labels the sentiment towards a
target, so many neutral rows hold polar words about something else; learned layers fitted on
this file did not beat the band in cross-validation (see docs/sentiment.md).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
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

    from newscorp.extract.sentiment_model import TransformerSentiment

BY_CHOICES = ("text", "target")
BAND_GRID = tuple(round(0.02 * k, 2) for k in range(46))  # 0.00 … 0.90


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
    nlp: Language | None,
    *,
    by: str = "text",
    baseline: bool = False,
    band: float | None = None,
    model: TransformerSentiment | None = None,
) -> dict[str, Any]:
    """Accuracy, macro-F1 (positive/neutral/negative), per-label P/R/F1, n and confusion.

    ``confusion[gold][predicted]`` counts rows. ``baseline=True`` scores with de-sentiment.xml
    alone, without negation, intensifiers, diminishers or news adjustments: the floor to beat.
    ``band`` defaults to NEUTRAL_BAND by text and CLAUSE_NEUTRAL_BAND by target. With
    ``model`` (a ``--sentiment-model`` backend) its labels are scored instead of the lexicon's;
    ``nlp`` is then needed only by target (for the clause) and may be None by text.
    """
    if model is not None:
        return _evaluate_model(rows, nlp, model, by=by)
    if nlp is None:
        raise UsageError("the lexicon method needs a spaCy pipeline")
    if band is None:
        band = NEUTRAL_BAND if by == "text" else CLAUSE_NEUTRAL_BAND
    scored = list(score_rows(rows, nlp, by=by, baseline=baseline))
    gold = [g for g, _, _ in scored]
    pred = [label_for(score, band) for _, score, _ in scored]
    result = _metrics(gold, pred)
    result.update({"by": by, "baseline": baseline, "band": band})
    return result


def _evaluate_model(
    rows: Iterable[Mapping[str, Any]],
    nlp: Language | None,
    model: TransformerSentiment,
    *,
    by: str,
) -> dict[str, Any]:
    if by not in BY_CHOICES:
        raise UsageError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    norm = [normalise_row(row, i) for i, row in enumerate(rows)]
    if by == "text":
        texts = [r["text"] for r in norm]
    elif nlp is None:
        raise UsageError("--by target needs a spaCy pipeline for the clause")
    else:
        docs = nlp.pipe(r["text"] for r in norm)
        texts = [
            target_clause(doc, r["target"], r["start"], r["end"]).text
            for r, doc in zip(norm, docs, strict=True)
        ]
    predictions = model.predict(texts)
    result = _metrics([r["polarity"] for r in norm], [p.label for p in predictions])
    result.update({"by": by, "baseline": False, "band": None, "backend": "sentiment-model"})
    return result


def best_band(scores: Sequence[float], gold: Sequence[str]) -> float:
    """The neutral band (from BAND_GRID) with the best macro-F1; on a plateau its middle value."""
    f1s = [_metrics(list(gold), [label_for(s, b) for s in scores])["macro_f1"] for b in BAND_GRID]
    top = max(f1s)
    best = [b for b, f in zip(BAND_GRID, f1s, strict=True) if f >= top - 1e-12]
    run = [best[0]]  # the first run of consecutive grid values reaching the top
    for band in best[1:]:
        if round(band - run[-1], 2) > 0.02:
            break
        run.append(band)
    return run[len(run) // 2]


def stratified_folds(gold: Sequence[str], k: int, seed: int = 0) -> list[int]:
    """Fold number (0 … k-1) per row: each label dealt round-robin after a seeded shuffle."""
    if k < 2:
        raise UsageError(f"cross-validation needs at least 2 folds, not {k}")
    rng = random.Random(seed)
    fold = [0] * len(gold)
    for label in LABELS:
        rows = [i for i, g in enumerate(gold) if g == label]
        rng.shuffle(rows)
        for position, i in enumerate(rows):
            fold[i] = position % k
    return fold


def cross_validate(
    rows: Iterable[Mapping[str, Any]],
    nlp: Language,
    *,
    by: str = "text",
    baseline: bool = False,
    folds: int = 5,
    seed: int = 0,
) -> dict[str, Any]:
    """Held-out estimate of the band method: per fold, the band is chosen (``best_band``) on
    the other folds and scored on this one. Returns per-fold rows and their mean and spread."""
    scored = list(score_rows(rows, nlp, by=by, baseline=baseline))
    gold = [g for g, _, _ in scored]
    scores = [s for _, s, _ in scored]
    if len(gold) < folds:
        raise InputError(f"{len(gold)} rows are too few for {folds} folds")
    fold_of = stratified_folds(gold, folds, seed)
    results = []
    for k in range(folds):
        train = [i for i, f in enumerate(fold_of) if f != k]
        test = [i for i, f in enumerate(fold_of) if f == k]
        band = best_band([scores[i] for i in train], [gold[i] for i in train])
        metrics = _metrics([gold[i] for i in test], [label_for(scores[i], band) for i in test])
        results.append({"fold": k + 1, "band": band, **metrics})
    f1s = [r["macro_f1"] for r in results]
    mean = sum(f1s) / folds
    return {
        "by": by,
        "baseline": baseline,
        "folds": results,
        "macro_f1": mean,
        "macro_f1_std": (sum((f - mean) ** 2 for f in f1s) / folds) ** 0.5,
        "accuracy": sum(r["accuracy"] for r in results) / folds,
        "band_all": best_band(scores, gold),
    }
