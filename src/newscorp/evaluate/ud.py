"""Score a loaded pipeline (with newscorp's rule layers) on a UD DocBin.

The pipeline runs on each gold document's raw text, so tokenisation errors count, as in
``spacy evaluate``. Reported: POS, lemma, morphology, UAS, LAS, sentence F, and precision and
recall of ``Mood=Sub`` (the Konjunktiv that marks reported speech) over tokens aligned 1:1.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorp.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

KEYS = ("pos_acc", "tag_acc", "lemma_acc", "morph_acc", "dep_uas", "dep_las", "sents_f")


def load_gold(path: str | Path, nlp: Language) -> list[Doc]:
    """Gold Docs of a ``.spacy`` file."""
    from spacy.tokens import DocBin

    path = Path(path)
    try:
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a spaCy DocBin ({exc})") from exc
    if not docs:
        raise InputError(f"{path}: no documents")
    return docs


def feature_scores(examples: list[Example], feature: str = "Mood=Sub") -> dict[str, float]:
    """Precision, recall and F1 of one morphological feature over 1:1 aligned tokens."""
    tp = fp = fn = 0
    for eg in examples:
        pred = eg.predicted
        x2y = eg.alignment.x2y  # predicted -> gold
        for token in pred:
            gold_ids = list(x2y[token.i])
            if len(gold_ids) != 1:
                continue
            gold = eg.reference[gold_ids[0]]
            g = feature in str(gold.morph).split("|")
            p = feature in str(token.morph).split("|")
            tp += g and p
            fp += p and not g
            fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": tp + fn}


def eval_ud(path: str | Path, nlp: Language) -> dict[str, Any]:
    """POS/lemma/morph/UAS/LAS/sentence scores and Mood=Sub P/R/F1 of ``nlp`` on ``path``."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    gold = load_gold(path, nlp)
    start = time.perf_counter()
    predicted = list(nlp.pipe(doc.text for doc in gold))
    seconds = time.perf_counter() - start
    examples = [Example(p, g) for p, g in zip(predicted, gold, strict=True)]
    scores = Scorer(nlp).score(examples)
    result: dict[str, Any] = {k: scores.get(k) for k in KEYS if scores.get(k) is not None}
    result["mood_sub"] = feature_scores(examples)
    words = sum(len(doc) for doc in predicted)
    result["words_per_second"] = round(words / seconds) if seconds else 0
    return result
