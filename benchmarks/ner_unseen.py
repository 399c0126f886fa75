"""Score newscorp's NER (models + rule layers) on NER sentences no model was trained on.

Usage: python benchmarks/ner_unseen.py [N]   (default 1,500 sentences per set)

training/prepare.py keeps a 15% sample of the Europeana newspaper sentences and 1,000 German
Legal NER sentences for training, drawing with its own seed; this script reads the corpora with
prepare.py's readers and the same seed, takes N random sentences of the rest of each (seed 1),
writes them as GermEval-style TSV and scores them. Both corpora have no MISC, so the score is
the micro P/R/F1 over PER, LOC and ORG (MISC predictions are left out). Needs ../shared/data.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def unseen_sentences() -> dict[str, list[tuple[list[str], list[str | None]]]]:
    """Europeana and Legal sentences (words, BIO tags) that prepare.py leaves out."""
    sys.path.insert(0, str(ROOT / "training"))
    argv, sys.argv = sys.argv, ["prepare.py", str(DATA)]
    try:
        import prepare
    finally:
        sys.argv = argv
    read: list[tuple[list[str], list[str | None]]] = []
    prepare.bio_to_doc = lambda words, tags, no_misc: read.append((words, tags))
    rng = random.Random(prepare.SEED)
    draws: list[float] = []
    draw = rng.random

    def recorded() -> float:
        draws.append(draw())
        return draws[-1]

    rng.random = recorded  # prepare.py keeps a sentence when its draw is below 0.15
    list(prepare.europeana_docs(rng, keep=1.0))
    europeana = [s for s, d in zip(read, draws, strict=True) if d >= 0.15]
    rng.random = draw
    read.clear()
    list(prepare.legal_docs(rng, n=10**9))  # the same shuffle; training takes the first 1,000
    return {"europeana": europeana, "legal": read[1000:]}


def write_tsv(sentences, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for words, tags in sentences:
            if any(t is None for t in tags):
                continue  # a type with no coarse label
            for i, (word, tag) in enumerate(zip(words, tags, strict=True), 1):
                fh.write(f"{i}\t{word}\t{tag}\tO\n")
            fh.write("\n")


def main() -> None:
    from newscorp.evaluate.runners import eval_ner, ner_frame
    from newscorp.pipeline.resolve import load_pipeline, resolve_model

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    nlp = load_pipeline(resolve_model(None).name)
    sample = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        for name, sentences in unseen_sentences().items():
            path = Path(tmp) / f"{name}.tsv"
            write_tsv(sample.sample(sentences, min(n, len(sentences))), path)
            frame = ner_frame(eval_ner(path, nlp))
            frame = frame[frame["type"].isin(["PER", "LOC", "ORG"])]
            tp, fp, fn = (int(frame[c].sum()) for c in ("tp", "fp", "fn"))
            p, r = tp / (tp + fp), tp / (tp + fn)
            per_type = ", ".join(
                f"{t} {f:.3f}" for t, f in zip(frame["type"], frame["f1"], strict=True)
            )
            print(f"{name}: P {p:.4f} R {r:.4f} F1 {2 * p * r / (p + r):.4f} ({per_type})")


if __name__ == "__main__":
    main()
