"""Learned sentiment layers on GerNTSA, measured against the lexicon band (issue 5).

Usage:
    pip install scikit-learn   # for this script only; newscorp does not depend on it
    python benchmarks/sentiment_learned.py ../shared/data/gerntsa/gerntsa_dev.jsonl [--seeds 3]
        [--only NAME[,NAME...]] [--distant DIR ...]

Parses the file once with the bundled pipeline (cached as a DocBin in $NEWSCORP_BENCH_CACHE,
default /tmp/newscorp-bench) and prints, per method, the held-out macro-F1 by text over
stratified 5-fold cross-validation repeated with ``--seeds`` fold seeds (mean ± sd over all
folds). Every choice a method makes (band, thresholds, class offsets) is made on the training
folds only: thresholds and offsets on out-of-fold predictions of an inner 5-fold split.

Features of a text (all from ``newscorp.extract.sentiment``): the rule score and its parts
(positive and negative mass after and before negation and context weights, polar word
counts, flipped words, quoted and Konjunktiv share, negators, log length, sentences, the
baseline score, the score of the target's clause and sentence); sparse lowercased lemmas and
lemma bigrams (document frequency >= 2 in the training folds); target features (its POS,
dependency, entity type, head lemma, three words either side, sentence, in a quotation); the
mean of the pipeline's tok2vec vectors. ``--distant DIR ...`` adds "band+distant": the rule
score plus a context-word classifier trained on the rules' own labels of the unlabelled
articles (``*.txt``) under DIR (``distant_margin``); results in docs/sentiment.md.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

import numpy as np

from newscorp.evaluate.sentiment import (
    LABELS,
    _target_span,
    best_band,
    normalise_row,
    read_jsonl,
    target_clause,
)
from newscorp.extract import sentiment as lexicon
from newscorp.extract.shifts import konjunktiv_clauses, quoted, subjunctive
from newscorp.pipeline.resolve import load_pipeline, resolve_model

CACHE = Path(os.environ.get("NEWSCORP_BENCH_CACHE", "/tmp/newscorp-bench"))


def parsed(path: str):
    """(rows, docs, tok2vec means) of a GerNTSA file, parsed once and cached."""
    from spacy.tokens import DocBin

    rows = [normalise_row(r, i) for i, r in enumerate(read_jsonl(path))]
    nlp = load_pipeline(resolve_model(None).name)
    stem = CACHE / f"gerntsa-{Path(path).stem}-{len(rows)}"
    if not stem.with_suffix(".spacy").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        docs = list(nlp.pipe(r["text"] for r in rows))
        np.save(stem.with_suffix(".npy"), np.array([d.tensor.mean(0) for d in docs]))
        DocBin(store_user_data=True, docs=docs).to_disk(stem.with_suffix(".spacy"))
    docs = list(DocBin().from_disk(stem.with_suffix(".spacy")).get_docs(nlp.vocab))
    return rows, docs, np.load(stem.with_suffix(".npy"))


def dense(doc, row) -> dict[str, float]:
    """The rule score and its components."""
    toks = list(doc)
    found = lexicon.polar_words(toks)
    vals = [v for _, v in found]
    raw = [lexicon.token_polarity(t) or 0.0 for t, _ in found]
    total = sum(vals)
    score = total / math.sqrt(total * total + lexicon.ALPHA)
    clauses = konjunktiv_clauses(toks)
    span = _target_span(doc, row["target"], row["start"], row["end"])
    sent = span.sent if span is not None and len(span) else doc[:]
    clause = target_clause(doc, row["target"], row["start"], row["end"])
    negators = lexicon.load_modifiers().negators
    return {
        "score": score,
        "abs": abs(score),
        "pos": sum(v for v in vals if v > 0),
        "neg": sum(v for v in vals if v < 0),
        "raw_pos": sum(v for v in raw if v > 0),
        "raw_neg": sum(v for v in raw if v < 0),
        "n_pos": sum(v > 0 for v in vals),
        "n_neg": sum(v < 0 for v in vals),
        "flipped": sum(v * r < 0 for v, r in zip(vals, raw, strict=True)),
        "quoted": len(quoted(toks)) / len(toks),
        "konjunktiv": sum(subjunctive(t, clauses) for t in toks) / len(toks) if clauses else 0.0,
        "negators": sum(t.lower_ in negators for t in toks),
        "log_len": math.log(len(toks) + 1),
        "sentences": sum(1 for _ in doc.sents),
        "baseline": lexicon.score_tokens(toks, baseline=True)[0],
        "clause": lexicon.score_tokens(list(clause))[0],
        "sentence": lexicon.score_tokens(list(sent))[0],
    }


def sparse(doc, row) -> tuple[dict[str, int], dict[str, int]]:
    """(lemma and lemma-bigram features, target features)."""
    lemmas = [(t.lemma_ or t.text).lower() for t in doc if not (t.is_punct or t.is_space)]
    words = {f"L:{w}": 1 for w in lemmas}
    words.update({f"B:{a}_{b}": 1 for a, b in zip(lemmas, lemmas[1:], strict=False)})
    span = _target_span(doc, row["target"], row["start"], row["end"])
    if span is None or not len(span):
        return words, {"T:none": 1}
    root = span.root
    target = {
        f"T:pos:{root.pos_}": 1,
        f"T:dep:{root.dep_}": 1,
        f"T:ent:{span[0].ent_type_ or 'O'}": 1,
        f"T:head:{root.head.lemma_.lower()}": 1,
        f"T:first:{span.sent.start == 0}": 1,
        f"T:quoted:{root.i in quoted(list(doc))}": 1,
    }
    for t in doc[max(0, span.start - 3) : span.start]:
        target[f"T:left:{t.lemma_.lower()}"] = 1
    for t in doc[span.end : span.end + 3]:
        target[f"T:right:{t.lemma_.lower()}"] = 1
    return words, target


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over label codes 0 positive, 1 neutral, 2 negative."""
    f1 = [
        2 * np.sum((gold == c) & (pred == c)) / max(1, np.sum(gold == c) + np.sum(pred == c))
        for c in range(3)
    ]
    return float(np.mean(f1))


def by_thresholds(s: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return np.where(s > hi, 0, np.where(s < lo, 2, 1))


def tune_thresholds(s: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """(lo, hi) among 49 quantiles of ``s`` with the best macro-F1 (asymmetric band)."""
    grid = np.unique(np.quantile(s, np.linspace(0.02, 0.98, 49)))
    best = (-1.0, 0.0, 0.0)
    for lo in grid:
        for hi in grid[grid >= lo]:
            f1 = macro_f1(gold, by_thresholds(s, lo, hi))
            if f1 > best[0] + 1e-12:
                best = (f1, lo, hi)
    return best[1], best[2]


class Features:
    """Feature matrices of one fold split (vocabularies and scaling from the training rows)."""

    def __init__(self, table: dict, groups: dict[str, float]) -> None:
        self.table, self.groups = table, groups

    def split(self, train: np.ndarray, test: np.ndarray):
        from scipy import sparse as sp
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.preprocessing import StandardScaler

        parts_train, parts_test = [], []
        for group, weight in self.groups.items():
            values = self.table[group]
            if isinstance(values, np.ndarray):
                scaler = StandardScaler().fit(values[train])
                matrix = sp.csr_matrix(scaler.transform(values) * weight)
            else:
                vec = DictVectorizer().fit([values[i] for i in train])
                matrix = vec.transform(values)
                df = np.asarray((matrix[train] > 0).sum(0)).ravel()
                matrix = matrix[:, df >= 2] * weight
            parts_train.append(matrix[train])
            parts_test.append(matrix[test])
        return sp.hstack(parts_train).tocsr(), sp.hstack(parts_test).tocsr()


def learned(
    table: dict, gold: np.ndarray, groups: dict[str, float], make, seeds: int, decision: str
) -> list[float]:
    """Held-out macro-F1 per fold of a classifier ``make()`` on ``groups``; ``decision``:
    "argmax" (class-balanced weights) or "thresholds" on P(positive) - P(negative), chosen
    on inner out-of-fold predictions of the training folds."""
    from sklearn.model_selection import StratifiedKFold

    feats = Features(table, groups)

    def margin(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x_train, x_test = feats.split(train, test)
        if x_train.shape[1] <= 100:  # few dense columns (gradient boosting takes no sparse input)
            x_train, x_test = x_train.toarray(), x_test.toarray()
        proba = make().fit(x_train, gold[train]).predict_proba(x_test)
        return proba[:, 0] - proba[:, 2], proba.argmax(1)

    out = []
    for seed in range(seeds):
        outer = StratifiedKFold(5, shuffle=True, random_state=seed)
        for train, test in outer.split(gold, gold):
            s, pred = margin(train, test)
            if decision == "thresholds":
                inner = StratifiedKFold(5, shuffle=True, random_state=100 + seed)
                oof = np.zeros(len(train))
                for a, b in inner.split(train, gold[train]):
                    oof[b] = margin(train[a], train[b])[0]
                pred = by_thresholds(s, *tune_thresholds(oof, gold[train]))
            out.append(macro_f1(gold[test], pred))
    return out


def band(scores: np.ndarray, gold: np.ndarray, seeds: int, asymmetric: bool) -> list[float]:
    """The shipped decision: a neutral band on the rule score chosen on the training folds."""
    from sklearn.model_selection import StratifiedKFold

    names = np.array(LABELS)
    out = []
    for seed in range(seeds):
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(gold, gold):
            if asymmetric:
                lo, hi = tune_thresholds(scores[train], gold[train])
            else:
                hi = best_band(list(scores[train]), list(names[gold[train]]))
                lo = -hi
            out.append(macro_f1(gold[test], by_thresholds(scores[test], lo, hi)))
    return out


DISTANT_WEIGHTS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def _context_words(doc) -> set[str]:
    """Lowercased words of ``doc`` that are neither polar, nor stopwords, nor in the lexicon."""
    from newscorp.extract.cluster import stopwords

    stop = stopwords()
    polar = {t.i for t, _ in lexicon.polar_words(list(doc))}
    return {
        t.lower_
        for t in doc
        if t.i not in polar
        and t.is_alpha
        and len(t) > 2
        and t.lower_ not in stop
        and lexicon.token_polarity(t) is None
    }


def distant_margin(corpora: list[str], texts: list[str]) -> np.ndarray:
    """P(positive) - P(negative) of ``texts`` by a classifier of context words trained on the
    rule's own labels of unlabelled sentences (``corpora``: directories of .txt articles).

    A sentence of 6-60 words is positive or negative when its rule score is outside the band
    and neutral when it has no polar word; the features leave out every lexicon word, so the
    classifier learns which topics co-occur with polar wording. No GerNTSA label is used.
    """
    import re

    import spacy
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    blank = spacy.blank("de")
    sentences = []
    for corpus in corpora:
        for path in sorted(Path(corpus).rglob("*.txt")):
            for para in path.read_text(encoding="utf-8", errors="replace").split("\n"):
                parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"«])", para)
                sentences.extend(p for p in parts if 6 <= len(p.split()) <= 60)
    features, labels = [], []
    for doc in blank.pipe(sentences, batch_size=500):
        values = [v for _, v in lexicon.polar_words(list(doc))]
        total = sum(values)
        score = total / math.sqrt(total * total + lexicon.ALPHA)
        if values and abs(score) <= lexicon.NEUTRAL_BAND:
            continue
        features.append(dict.fromkeys(_context_words(doc), 1))
        labels.append(1 if not values else 0 if score > 0 else 2)
    print(f"distant: {len(labels)} sentences, per label {np.bincount(labels)}", file=sys.stderr)
    vec = DictVectorizer().fit(features)
    train = vec.transform(features)
    keep = np.asarray((train > 0).sum(0)).ravel() >= 3
    model = LogisticRegression(C=0.1, class_weight="balanced", max_iter=3000)
    model.fit(train[:, keep], labels)
    rows = [dict.fromkeys(_context_words(doc), 1) for doc in blank.pipe(texts)]
    proba = model.predict_proba(vec.transform(rows)[:, keep])
    return proba[:, 0] - proba[:, 2]


def band_plus(scores: np.ndarray, extra: np.ndarray, gold: np.ndarray, seeds: int) -> list[float]:
    """The band on ``scores + w * extra``, w and band chosen together on the training folds."""
    from sklearn.model_selection import StratifiedKFold

    names = np.array(LABELS)
    out = []
    for seed in range(seeds):
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(gold, gold):
            best = (-1.0, 0.0, 0.0)
            for w in DISTANT_WEIGHTS:
                s = scores[train] + w * extra[train]
                b = best_band(list(s), list(names[gold[train]]))
                f1 = macro_f1(gold[train], by_thresholds(s, -b, b))
                if f1 > best[0] + 1e-12:
                    best = (f1, w, b)
            s = scores[test] + best[1] * extra[test]
            out.append(macro_f1(gold[test], by_thresholds(s, -best[2], best[2])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument(
        "--distant",
        nargs="*",
        default=[],
        metavar="DIR",
        help="unlabelled article directories for the distant-supervision method",
    )
    args = parser.parse_args()
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("this benchmark needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    rows, docs, tok2vec = parsed(args.file)
    dense_rows = [dense(d, r) for d, r in zip(docs, rows, strict=True)]
    keys = sorted(dense_rows[0])
    sparse_rows = [sparse(d, r) for d, r in zip(docs, rows, strict=True)]
    table = {
        "score": np.array([[d["score"]] for d in dense_rows]),
        "dense": np.array([[d[k] for k in keys] for d in dense_rows]),
        "pos_neg": np.array([[d["score"], d["pos"], d["neg"]] for d in dense_rows]),
        "lemmas": [{k: v for k, v in w.items() if k[0] == "L"} for w, _ in sparse_rows],
        "bigrams": [{k: v for k, v in w.items() if k[0] == "B"} for w, _ in sparse_rows],
        "target": [t for _, t in sparse_rows],
        "tok2vec": tok2vec,
    }
    gold = np.array([LABELS.index(r["polarity"]) for r in rows])

    def lr(c: float):
        return lambda: LogisticRegression(C=c, class_weight="balanced", max_iter=3000)

    def gbm():
        return HistGradientBoostingClassifier(
            max_depth=2,
            max_iter=50,
            learning_rate=0.05,
            min_samples_leaf=40,
            class_weight="balanced",
            random_state=0,
        )

    n = args.seeds
    methods = {
        "band": lambda: band(table["score"][:, 0], gold, n, False),
        "band-asym": lambda: band(table["score"][:, 0], gold, n, True),
        "lr-score": lambda: learned(table, gold, {"score": 1}, lr(1), n, "argmax"),
        "lr-pos-neg-thr": lambda: learned(table, gold, {"pos_neg": 1}, lr(1), n, "thresholds"),
        "lr-dense": lambda: learned(table, gold, {"dense": 1}, lr(0.1), n, "argmax"),
        "lr-dense-thr": lambda: learned(table, gold, {"dense": 1}, lr(0.1), n, "thresholds"),
        "lr-lemmas": lambda: learned(table, gold, {"lemmas": 1}, lr(0.1), n, "argmax"),
        "lr-dense-lemmas": lambda: learned(
            table, gold, {"dense": 1, "lemmas": 0.5}, lr(0.03), n, "argmax"
        ),
        "lr-dense-lemmas-thr": lambda: learned(
            table, gold, {"dense": 1, "lemmas": 0.5}, lr(0.03), n, "thresholds"
        ),
        "lr-dense-lemmas-bigrams": lambda: learned(
            table, gold, {"dense": 1, "lemmas": 0.5, "bigrams": 0.5}, lr(0.03), n, "argmax"
        ),
        "lr-dense-target": lambda: learned(
            table, gold, {"dense": 1, "target": 1}, lr(0.03), n, "argmax"
        ),
        "lr-dense-lemmas-target-thr": lambda: learned(
            table, gold, {"dense": 1, "lemmas": 0.5, "target": 0.5}, lr(0.03), n, "thresholds"
        ),
        "lr-tok2vec-thr": lambda: learned(table, gold, {"tok2vec": 1}, lr(0.01), n, "thresholds"),
        "lr-score-tok2vec-thr": lambda: learned(
            table, gold, {"score": 1, "tok2vec": 1}, lr(0.01), n, "thresholds"
        ),
        "gbm-dense-thr": lambda: learned(table, gold, {"dense": 1}, gbm, n, "thresholds"),
        "band+distant": lambda: band_plus(
            table["score"][:, 0], distant_margin(args.distant, [r["text"] for r in rows]), gold, n
        ),
    }
    only = [m for m in args.only.split(",") if m]
    print(f"{len(rows)} rows, 5-fold x {n} seeds, held-out macro-F1 by text")
    for name, run in methods.items():
        if (only and name not in only) or (name == "band+distant" and not args.distant):
            continue
        f1s = run()
        print(f"{name:30s} {np.mean(f1s):.3f} ± {np.std(f1s):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
