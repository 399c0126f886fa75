"""Quote extraction scoring against hand-annotated gold quotes (pure Python, no spaCy).

Matching.  A predicted quote matches a gold quote of the same document (compared by file
name, so ``corpus/a.txt`` and ``a.txt`` are the same document) when it covers at least 50 %
of the gold quote's word tokens and at least 20 % of its own tokens are gold tokens.  Tokens
are ``\\w+`` matches, case-folded and counted with multiplicity; both ratios use the size of
the multiset intersection.  A prediction with no tokens never matches.  Matching is
one-to-one and greedy: all admissible pairs of a document are taken in order of decreasing
``coverage + purity`` (ties: earlier gold row, then earlier prediction).

Optional gold.  Rows with ``"optional": true`` take part in the matching, but are neither
counted as gold (no false negative when missed) nor make their matched prediction count:
a prediction matched to an optional row is neither a true nor a false positive.

Speaker.  The speaker of a matched pair is right when the prediction's canonical ``speaker``
equals one of the row's ``speaker_aliases`` ignoring case and whitespace, or, for rows with
``"speaker_match": "mention"``, when the words of the predicted ``speaker`` or
``speaker_mention`` are a subset of the gold mention's (``speaker``) words, or contain all of
its capitalised words (a mention without capitalised words cannot match this way).  Words
are compared case-folded.  An empty predicted speaker is never right.

Per type.  The gold side of type T is the gold rows of type T, the predicted side the
predictions of type T; the matching itself is global and ignores types, so a ``direct``
gold quote found by a prediction labelled ``mixed`` counts for recall of ``direct`` and for
precision of ``mixed``.  Each entry of the result therefore holds:

* ``n_gold`` (non-optional gold rows), ``n_pred`` (all predictions), ``n_ignored``
  (predictions matched to optional rows);
* ``tp`` = ``tp_gold`` (gold rows matched), ``fn`` (gold rows not matched), ``tp_pred``
  (predictions matched to a counted gold row), ``fp`` (predictions not matched at all);
* ``precision`` = tp_pred / (tp_pred + fp), ``recall`` = tp_gold / n_gold, ``f1``;
* ``speaker_accuracy`` = matched gold rows with the right speaker / matched gold rows;
* ``attributed_precision``, ``attributed_recall``, ``attributed_f1``: the same with only
  rightly attributed pairs counted as true positives.

For ``all`` ``tp_gold == tp_pred``.  Ratios with a zero denominator are 0.0.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorp.errors import InputError

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed", "reported")
MIN_GOLD_COVERAGE = 0.5
MIN_PRED_PURITY = 0.2

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def _tokens(text: str) -> Counter[str]:
    """Return the case-folded ``\\w+`` tokens of ``text`` as a multiset."""
    return Counter(m.group().casefold() for m in _WORD.finditer(text or ""))


def _doc_name(doc: Any) -> str:
    """Return the file name of a document reference (path or bare name)."""
    return Path(str(doc or "")).name


def _field(obj: Any, name: str, default: Any = None) -> Any:
    """Read ``name`` from a mapping or an object with attributes (e.g. a Quote record)."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _norm_name(text: str) -> str:
    """Normalise a speaker name for alias comparison: case-folded, without whitespace."""
    return _SPACE.sub("", text or "").casefold()


def _word_set(text: str) -> set[str]:
    """Return the set of case-folded words of ``text``."""
    return {m.group().casefold() for m in _WORD.finditer(text or "")}


def _capitalised(text: str) -> set[str]:
    """Return the case-folded words of ``text`` that start with an upper-case letter."""
    return {m.group().casefold() for m in _WORD.finditer(text or "") if m.group()[0].isupper()}


def speaker_is_right(gold: Mapping[str, Any], speaker: str, speaker_mention: str = "") -> bool:
    """Tell whether a predicted speaker (canonical and mention) is right for a gold row."""
    speaker = (speaker or "").strip()
    speaker_mention = (speaker_mention or "").strip()
    if speaker:
        aliases = gold.get("speaker_aliases") or []
        wanted = {_norm_name(a) for a in aliases if a and _norm_name(a)}
        if _norm_name(speaker) in wanted:
            return True
    if gold.get("speaker_match") != "mention":
        return False
    gold_words = _word_set(gold.get("speaker") or "")
    if not gold_words:
        return False
    gold_caps = _capitalised(gold.get("speaker") or "")
    for candidate in (speaker, speaker_mention):
        words = _word_set(candidate)
        if not words:
            continue
        if words <= gold_words or (gold_caps and gold_caps <= words):
            return True
    return False


def _normalise_row(row: dict[str, Any]) -> dict[str, Any]:
    """Fill the optional fields of a gold row with their defaults (in a new dict)."""
    out = dict(row)
    out["type"] = str(out.get("type") or "").lower()
    out["speaker"] = out.get("speaker") or ""
    aliases = out.get("speaker_aliases")
    if aliases is None:
        aliases = [out["speaker"]] if out["speaker"] else []
    out["speaker_aliases"] = [str(a) for a in aliases]
    out["optional"] = bool(out.get("optional", False))
    return out


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold quotes from a JSON-lines file (one object with ``doc`` and ``text`` a line)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold quotes: {exc}") from exc
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: expected a JSON object")
        for key in ("doc", "text"):
            if not isinstance(row.get(key), str) or not row[key]:
                raise InputError(f"{path}:{number}: missing or empty field {key!r}")
        aliases = row.get("speaker_aliases")
        if aliases is not None and not isinstance(aliases, list):
            raise InputError(f"{path}:{number}: 'speaker_aliases' must be a list")
        rows.append(_normalise_row(row))
    return rows


def read_wikinews_gold(directory: str | Path) -> list[dict[str, Any]]:
    """Read the gold quotes of one Wikinews split directory (``train`` or ``dev``)."""
    directory = Path(directory)
    gold_file = directory / "gold_quotes.jsonl"
    if not gold_file.is_file():
        raise InputError(f"{directory}: no gold_quotes.jsonl (expected a train/ or dev/ split)")
    rows = read_gold(gold_file)
    corpus = directory / "corpus"
    if corpus.is_dir():
        missing = sorted({r["doc"] for r in rows} - wikinews_docs(directory))
        if missing:
            raise InputError(f"{gold_file}: gold documents missing from {corpus}: {missing[0]}")
    return rows


def wikinews_docs(directory: str | Path) -> set[str]:
    """Return the file names of all texts of a Wikinews split, with or without gold quotes."""
    corpus = Path(directory) / "corpus"
    if not corpus.is_dir():
        raise InputError(f"{directory}: no corpus/ directory")
    return {p.name for p in corpus.glob("*.txt") if p.is_file()}


def gold_docs(gold: Iterable[Mapping[str, Any]]) -> set[str]:
    """Return the set of document file names that have at least one gold row."""
    return {_doc_name(row.get("doc")) for row in gold}


@dataclass
class _Pair:
    """One admissible gold/prediction pair with its overlap ratios."""

    gold: int
    pred: int
    coverage: float
    purity: float


def _match(
    gold: list[dict[str, Any]], preds: list[Any]
) -> tuple[dict[int, _Pair], dict[int, _Pair]]:
    """Match predictions to gold rows one-to-one; return the pairs by gold and by prediction."""
    gold_tokens = [_tokens(g.get("text", "")) for g in gold]
    pred_tokens = [_tokens(_field(p, "text", "")) for p in preds]
    by_doc: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_doc.setdefault(_doc_name(g.get("doc")), []).append(i)
    pairs: list[_Pair] = []
    for j, p in enumerate(preds):
        ptok = pred_tokens[j]
        n_pred = sum(ptok.values())
        if not n_pred:
            continue
        for i in by_doc.get(_doc_name(_field(p, "doc")), []):
            gtok = gold_tokens[i]
            n_gold = sum(gtok.values())
            if not n_gold:
                continue
            common = sum((gtok & ptok).values())
            coverage, purity = common / n_gold, common / n_pred
            if coverage >= MIN_GOLD_COVERAGE and purity >= MIN_PRED_PURITY:
                pairs.append(_Pair(i, j, coverage, purity))
    pairs.sort(key=lambda q: (-(q.coverage + q.purity), q.gold, q.pred))
    by_gold: dict[int, _Pair] = {}
    by_pred: dict[int, _Pair] = {}
    for pair in pairs:
        if pair.gold in by_gold or pair.pred in by_pred:
            continue
        by_gold[pair.gold] = pair
        by_pred[pair.pred] = pair
    return by_gold, by_pred


def _ratio(num: float, den: float) -> float:
    """Return num / den, or 0.0 when den is zero."""
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    """Return the harmonic mean of precision and recall (0.0 when both are zero)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def _stats(
    gold: list[dict[str, Any]],
    preds: list[Any],
    by_gold: dict[int, _Pair],
    by_pred: dict[int, _Pair],
    right: dict[int, bool],
    gold_idx: list[int],
    pred_idx: list[int],
) -> dict[str, Any]:
    """Compute the scores of one type from the global matching."""
    counted = [i for i in gold_idx if not gold[i]["optional"]]
    tp_gold = sum(1 for i in counted if i in by_gold)
    att_gold = sum(1 for i in counted if i in by_gold and right[i])
    tp_pred = att_pred = fp = ignored = 0
    for j in pred_idx:
        pair = by_pred.get(j)
        if pair is None:
            fp += 1
        elif gold[pair.gold]["optional"]:
            ignored += 1
        else:
            tp_pred += 1
            att_pred += right[pair.gold]
    precision = _ratio(tp_pred, tp_pred + fp)
    recall = _ratio(tp_gold, len(counted))
    att_precision = _ratio(att_pred, tp_pred + fp)
    att_recall = _ratio(att_gold, len(counted))
    return {
        "n_gold": len(counted),
        "n_pred": len(pred_idx),
        "n_ignored": ignored,
        "tp": tp_gold,
        "tp_gold": tp_gold,
        "tp_pred": tp_pred,
        "fp": fp,
        "fn": len(counted) - tp_gold,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "speaker_accuracy": _ratio(att_gold, tp_gold),
        "attributed_precision": att_precision,
        "attributed_recall": att_recall,
        "attributed_f1": _f1(att_precision, att_recall),
    }


def _details(
    gold: list[dict[str, Any]],
    preds: list[Any],
    by_gold: dict[int, _Pair],
    by_pred: dict[int, _Pair],
    right: dict[int, bool],
) -> list[dict[str, Any]]:
    """List every gold row and prediction with its match status, for error analysis."""
    out: list[dict[str, Any]] = []
    for i, g in enumerate(gold):
        pair = by_gold.get(i)
        p = preds[pair.pred] if pair else None
        status = "optional" if g["optional"] else ("tp" if pair else "fn")
        out.append(
            {
                "doc": _doc_name(g.get("doc")),
                "status": status,
                "gold_type": g["type"],
                "pred_type": str(_field(p, "type", "") or "").lower() if p is not None else "",
                "gold_text": g.get("text", ""),
                "pred_text": _field(p, "text", "") if p is not None else "",
                "gold_speaker": g["speaker"],
                "pred_speaker": _field(p, "speaker", "") if p is not None else "",
                "pred_speaker_mention": _field(p, "speaker_mention", "") if p is not None else "",
                "pred_cue": _field(p, "cue", "") if p is not None else "",
                "speaker_right": right.get(i) if pair else None,
                "coverage": pair.coverage if pair else 0.0,
                "purity": pair.purity if pair else 0.0,
            }
        )
    for j, p in enumerate(preds):
        if j in by_pred:
            continue
        out.append(
            {
                "doc": _doc_name(_field(p, "doc")),
                "status": "fp",
                "gold_type": "",
                "pred_type": str(_field(p, "type", "") or "").lower(),
                "gold_text": "",
                "pred_text": _field(p, "text", "") or "",
                "gold_speaker": "",
                "pred_speaker": _field(p, "speaker", "") or "",
                "pred_speaker_mention": _field(p, "speaker_mention", "") or "",
                "pred_cue": _field(p, "cue", "") or "",
                "speaker_right": None,
                "coverage": 0.0,
                "purity": 0.0,
            }
        )
    return out


def score_quotes(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Any],
    *,
    docs: Collection[str] | None = None,
    details: bool = False,
) -> dict[str, Any]:
    """Score predicted quotes against gold rows; see the module docstring for the rules.

    ``predicted`` holds mappings (or Quote records) with doc, type, speaker,
    speaker_mention and text.  With ``docs``, only gold rows and predictions of those
    documents (file names) are scored.  The result maps ``all`` and each type of
    ``QUOTE_TYPES`` to its scores, plus ``matches`` (one entry per gold row and unmatched
    prediction) when ``details`` is true.
    """
    gold_rows = [_normalise_row(dict(g)) for g in gold]
    preds = list(predicted)
    if docs is not None:
        keep = {_doc_name(d) for d in docs}
        gold_rows = [g for g in gold_rows if _doc_name(g.get("doc")) in keep]
        preds = [p for p in preds if _doc_name(_field(p, "doc")) in keep]
    by_gold, by_pred = _match(gold_rows, preds)
    right = {
        i: speaker_is_right(
            gold_rows[i],
            _field(preds[pair.pred], "speaker", "") or "",
            _field(preds[pair.pred], "speaker_mention", "") or "",
        )
        for i, pair in by_gold.items()
    }
    pred_types = [str(_field(p, "type", "") or "").lower() for p in preds]
    result: dict[str, Any] = {
        "all": _stats(
            gold_rows,
            preds,
            by_gold,
            by_pred,
            right,
            list(range(len(gold_rows))),
            list(range(len(preds))),
        )
    }
    for qtype in QUOTE_TYPES:
        result[qtype] = _stats(
            gold_rows,
            preds,
            by_gold,
            by_pred,
            right,
            [i for i, g in enumerate(gold_rows) if g["type"] == qtype],
            [j for j, t in enumerate(pred_types) if t == qtype],
        )
    if details:
        result["matches"] = _details(gold_rows, preds, by_gold, by_pred, right)
    return result
