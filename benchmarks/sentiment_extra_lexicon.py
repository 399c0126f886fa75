"""Would another word list help the sentiment lexicon? Held-out macro-F1 on GerNTSA (issue 5).

Usage:
    python benchmarks/sentiment_extra_lexicon.py WORDS.tsv [GERNTSA.jsonl] [--seeds 10]
        [--weights 0.2,0.35,0.7]

WORDS.tsv holds ``word<TAB>polarity`` lines (for instance the Chen & Skiena 2014 German list
that the asent wheel carries as ``asent/lexicons/de_lexicon_chen_skiena_2014_v1.txt``). Words
the shipped lexicon already knows (any casing), stopwords, words of 3 letters or fewer and
words with non-letters are left out; the rest are added with their polarity times each weight,
all of them, only the negative or only the positive ones. Each variant is scored like
``newscorp eval sentiment --cv 5``: the neutral band chosen on four folds and scored on the
fifth, repeated over ``--seeds`` fold seeds (mean and sd over all folds). GerNTSA (default
../shared/data/gerntsa/gerntsa_dev.jsonl) is parsed once with the bundled pipeline and kept as
a DocBin in $NEWSCORP_BENCH_CACHE (default /tmp/newscorp-bench).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from newscorp.evaluate.sentiment import (
    _metrics,
    best_band,
    normalise_row,
    read_jsonl,
    stratified_folds,
)
from newscorp.extract import sentiment
from newscorp.extract.cluster import stopwords
from newscorp.pipeline.resolve import load_pipeline, resolve_model

ROOT = Path(__file__).resolve().parents[1]
GERNTSA = ROOT.parent / "shared" / "data" / "gerntsa" / "gerntsa_dev.jsonl"
CACHE = Path(os.environ.get("NEWSCORP_BENCH_CACHE", "/tmp/newscorp-bench"))


def parsed_docs(path: Path) -> tuple[list[str], list]:
    """(gold polarity, parsed Doc) of every row, parsed once and cached."""
    from spacy.tokens import DocBin

    rows = [normalise_row(r, i) for i, r in enumerate(read_jsonl(path))]
    nlp = load_pipeline(resolve_model(None).name)
    cached = CACHE / f"gerntsa-{path.stem}-{len(rows)}-docs.spacy"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        docs = nlp.pipe(r["text"] for r in rows)
        DocBin(store_user_data=True, docs=docs).to_disk(cached)
    docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
    return [r["polarity"] for r in rows], docs


def held_out(gold: list[str], scores: list[float], seeds: int) -> tuple[float, float]:
    """Mean and sd of the held-out macro-F1 of the band method over 5 folds × ``seeds``."""
    f1s = []
    for seed in range(seeds):
        fold_of = stratified_folds(gold, 5, seed)
        for k in range(5):
            train = [i for i, f in enumerate(fold_of) if f != k]
            test = [i for i, f in enumerate(fold_of) if f == k]
            band = best_band([scores[i] for i in train], [gold[i] for i in train])
            predicted = [sentiment.label_for(scores[i], band) for i in test]
            f1s.append(_metrics([gold[i] for i in test], predicted)["macro_f1"])
    return statistics.mean(f1s), statistics.stdev(f1s)


def rescored(docs: list) -> list[float]:
    """Scores of ``docs`` after the lexicon changed (every per-word cache emptied)."""
    for cached in (sentiment._polarity, sentiment._word, sentiment._vocabulary):
        cached.cache_clear()
    sentiment._PROFILES.clear()
    sentiment._BY_IDS.clear()
    return [sentiment.score_tokens(list(doc))[0] for doc in docs]


def new_words(path: Path, known: dict[str, float]) -> dict[str, float]:
    """Entries of the word list that the shipped lexicon lacks (see the module docstring)."""
    lowered = {word.lower() for word in known}
    skip = stopwords()
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition("\t")
        if len(word) > 3 and word.isalpha() and word.lower() not in lowered | skip:
            words[word] = float(value)
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("words", type=Path)
    parser.add_argument("gerntsa", type=Path, nargs="?", default=GERNTSA)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--weights", default="0.2,0.35,0.7")
    args = parser.parse_args()
    if not args.gerntsa.exists():
        print(f"{args.gerntsa} not found", file=sys.stderr)
        return 2
    gold, docs = parsed_docs(args.gerntsa)
    lexicon = sentiment.load_lexicon(adjusted=True)  # the cached dict the scorer reads
    shipped = dict(lexicon)
    added = new_words(args.words, shipped)
    print(f"{len(added)} new words ({sum(v < 0 for v in added.values())} negative)")
    mean, sd = held_out(gold, rescored(docs), args.seeds)
    print(f"shipped lexicon: {mean:.4f} ± {sd:.4f}")
    for part in ("all", "negative", "positive"):
        for weight in (float(w) for w in args.weights.split(",")):
            lexicon.clear()
            lexicon.update(shipped)
            for word, value in added.items():
                if part == "all" or (part == "negative") == (value < 0):
                    lexicon[word] = value * weight
            mean, sd = held_out(gold, rescored(docs), args.seeds)
            print(f"+ {part} words × {weight}: {mean:.4f} ± {sd:.4f}")
    lexicon.clear()
    lexicon.update(shipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
