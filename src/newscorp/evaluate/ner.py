"""GermEval-2014 NER scoring (pure Python, no spaCy).

Only the outer level is scored, by exact span and label.  Gold labels map PER, LOC, ORG to
themselves and OTH to MISC; ``*deriv`` and ``*part`` spans become ``IGNORE``: they are not
counted, and predictions overlapping them are dropped.  Predictions with a label outside
PER/LOC/ORG/MISC are dropped too.  Precision, recall and F1 are micro-averaged overall and
reported per type; ratios with a zero denominator are 0.0.

To score a spaCy pipeline, build a text from a sentence's words with ``words_to_text``,
run the pipeline, and map its entity character spans back with ``char_spans_to_tokens``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorp.errors import InputError, UsageError

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
IGNORE = "IGNORE"

Span = tuple[int, int, str]

_TAG = re.compile(r"^(?:O|([BI])-(PER|LOC|ORG|OTH)(deriv|part)?)$")
_GOLD_LABEL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}

# Tokens attached to the previous token (no space before them).
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "“", "«", "‘", "...", "…"}
)
# Tokens attached to the next token (no space after them).
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "„", "»", "‚"})
# Quotes that open or close depending on how many came before.
_TOGGLE_QUOTES = frozenset({'"', "'"})


@dataclass
class Sentence:
    """One GermEval sentence: its words and outer-level gold spans (start, end excl., label)."""

    words: list[str]
    spans: list[Span] = field(default_factory=list)
    comment: str = ""
    line: int = 0


def _close_span(spans: list[Span], current: tuple[int, str] | None, end: int) -> None:
    """Append the open span ``current`` (start, raw label) ending at ``end``, if any."""
    if current is None:
        return
    start, raw = current
    label = IGNORE if raw.endswith(("deriv", "part")) else _GOLD_LABEL[raw]
    spans.append((start, end, label))


def _parse_sentence(rows: list[tuple[int, list[str]]], comment: str, path: Path) -> Sentence:
    """Build a Sentence from its token rows (line number, fields)."""
    words: list[str] = []
    spans: list[Span] = []
    current: tuple[int, str] | None = None
    for position, (number, fields) in enumerate(rows):
        if len(fields) < 3:
            raise InputError(f"{path}:{number}: expected index, token, outer and inner tags")
        index, token, outer = fields[0], fields[1], fields[2]
        if not index.strip().isdigit():
            raise InputError(f"{path}:{number}: token index {index!r} is not a number")
        if not token:
            raise InputError(f"{path}:{number}: empty token")
        for tag in fields[2:4]:
            if not _TAG.match(tag):
                raise InputError(f"{path}:{number}: unknown NER tag {tag!r}")
        match = _TAG.match(outer)
        assert match is not None
        prefix, base, suffix = match.groups()
        raw = f"{base}{suffix or ''}" if base else None
        if raw is None:
            _close_span(spans, current, position)
            current = None
        elif prefix == "B" or current is None or current[1] != raw:
            _close_span(spans, current, position)
            current = (position, raw)
        words.append(token)
    _close_span(spans, current, len(words))
    return Sentence(words=words, spans=spans, comment=comment, line=rows[0][0])


def read_germeval(path: str | Path) -> Iterator[Sentence]:
    """Yield the sentences of a GermEval-2014 TSV file; raise InputError if it is malformed."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read GermEval file: {exc}") from exc
    with handle:
        rows: list[tuple[int, list[str]]] = []
        comment = ""
        number = 0
        try:
            for number, line in enumerate(handle, start=1):
                line = line.rstrip("\r\n")
                if line.startswith("#"):
                    if rows:
                        yield _parse_sentence(rows, comment, path)
                        rows = []
                    comment = line[1:].strip()
                elif not line.strip():
                    if rows:
                        yield _parse_sentence(rows, comment, path)
                        rows = []
                    comment = ""
                else:
                    rows.append((number, line.split("\t")))
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}:{number + 1}: not UTF-8 text") from exc
        if rows:
            yield _parse_sentence(rows, comment, path)


def _empty_counts() -> dict[str, int]:
    """Return zeroed tp/fp/fn counters."""
    return {"tp": 0, "fp": 0, "fn": 0}


def _finish(counts: dict[str, int]) -> dict[str, Any]:
    """Add n_gold, n_pred, precision, recall and F1 to tp/fp/fn counts."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "n_gold": tp + fn,
        "n_pred": tp + fp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two half-open token ranges share a token."""
    return a[0] < b[1] and b[0] < a[1]


def score_ner_predictions(
    sentences: Iterable[Sentence], predictions: Iterable[Iterable[Span]]
) -> dict[str, Any]:
    """Score per-sentence predicted token spans (aligned with ``sentences``) against gold.

    Returns ``{"overall": stats, "per_type": {label: stats}, "sentences": n}`` where stats
    hold tp, fp, fn, n_gold, n_pred, precision, recall and f1.
    """
    overall = _empty_counts()
    per_type = {label: _empty_counts() for label in LABELS}
    n = 0
    pred_iter = iter(predictions)
    for sentence in sentences:
        try:
            predicted = next(pred_iter)
        except StopIteration:
            raise UsageError("fewer predictions than sentences") from None
        n += 1
        ignored = [(s, e) for s, e, label in sentence.spans if label == IGNORE]
        gold = {(s, e, label) for s, e, label in sentence.spans if label in LABELS}
        pred = {
            (int(s), int(e), label)
            for s, e, label in predicted
            if label in LABELS and not any(_overlaps((s, e), ig) for ig in ignored)
        }
        for label in LABELS:
            g = {x for x in gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            counts = per_type[label]
            counts["tp"] += len(g & p)
            counts["fp"] += len(p - g)
            counts["fn"] += len(g - p)
        overall["tp"] += len(gold & pred)
        overall["fp"] += len(pred - gold)
        overall["fn"] += len(gold - pred)
    if next(pred_iter, None) is not None:
        raise UsageError("more predictions than sentences")
    return {
        "overall": _finish(overall),
        "per_type": {label: _finish(c) for label, c in per_type.items()},
        "sentences": n,
    }


def score_ner(
    sentences: Iterable[Sentence], predict: Callable[[list[str]], list[Span]]
) -> dict[str, Any]:
    """Score ``predict`` (words -> token spans) on GermEval sentences; see the module rules."""
    sentences = list(sentences)
    return score_ner_predictions(sentences, (predict(s.words) for s in sentences))


def words_to_text(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join words into plausible German text; return it with each word's (start, end) offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    attach_next = True  # no space before the first word
    open_quotes: dict[str, bool] = {q: False for q in _TOGGLE_QUOTES}
    for word in words:
        if word in _TOGGLE_QUOTES:
            closing = open_quotes[word]
            open_quotes[word] = not closing
            space_before = not attach_next and not closing
            attach_after = not closing
        else:
            space_before = not attach_next and word not in _NO_SPACE_BEFORE
            attach_after = word in _NO_SPACE_AFTER
        if space_before:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(word)))
        parts.append(word)
        length += len(word)
        attach_next = attach_after
    return "".join(parts), offsets


def char_spans_to_tokens(
    offsets: list[tuple[int, int]], spans: Iterable[tuple[int, int, str]]
) -> list[Span]:
    """Map (start_char, end_char, label) spans to the token ranges they fully cover."""
    result: list[Span] = []
    for start, end, label in spans:
        covered = [i for i, (s, e) in enumerate(offsets) if s >= start and e <= end]
        if covered:
            result.append((covered[0], covered[-1] + 1, label))
    return result
