"""Score newscorp's NER (model + rule layers) on a GermEval 2014 part and list its errors.

Usage: python benchmarks/ner_errors.py [dev|train] [ERRORS_FILE]

The parts are those of training/prepare.py on ../shared/data/germeval2014/NER-de-dev.tsv
(sentence index i % 10 == 2: dev, i % 5 != 4 otherwise: train; i % 5 == 4 is the held-out
test part, never read here). Do error analysis on these parts; confirm on the test part with
``newscorp eval ner training/corpus/germeval_test.tsv``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from newscorp.evaluate.ner import char_spans_to_tokens, read_germeval, words_to_text
from newscorp.evaluate.runners import eval_ner, ner_frame
from newscorp.pipeline.resolve import load_pipeline, resolve_model

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "germeval2014" / "NER-de-dev.tsv"


def part(name: str) -> Path:
    """Write the sentences of one part to a temporary TSV file and return its path."""
    blocks = [b.strip("\n") for b in SOURCE.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    keep = {
        "dev": lambda i: i % 10 == 2,
        "train": lambda i: i % 5 != 4 and i % 10 != 2,
    }[name]
    chosen = [b for i, b in enumerate(blocks) if keep(i)]
    handle = tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8")
    handle.write("\n\n".join(chosen) + "\n\n")
    handle.close()
    return Path(handle.name)


def _show(words: list[str], span: tuple[int, int, str]) -> str:
    return f"{span[2]}:{' '.join(words[span[0] : span[1]])}"


def errors(path: Path, nlp) -> list[str]:
    """One line per sentence with an error: gold spans missed (-) and spans predicted (+)."""
    lines = []
    sentences = list(read_germeval(path))
    texts = [words_to_text(s.words) for s in sentences]
    for s, (text, offsets), doc in zip(
        sentences, texts, nlp.pipe(t for t, _ in texts), strict=True
    ):
        pred = set(
            char_spans_to_tokens(offsets, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        )
        gold = set(s.spans)
        ignored = [(a, b) for a, b, lab in gold if lab == "IGNORE"]
        pred = {p for p in pred if not any(p[0] < b and a < p[1] for a, b in ignored)}
        gold = {g for g in gold if g[2] != "IGNORE"}
        if pred == gold:
            continue
        missed = ", ".join(_show(s.words, g) for g in sorted(gold - pred))
        extra = ", ".join(_show(s.words, p) for p in sorted(pred - gold))
        lines.append(f"{text}\n  - {missed}\n  + {extra}\n")
    return lines


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "dev"
    path = part(name)
    nlp = load_pipeline(resolve_model(None).name)
    print(ner_frame(eval_ner(path, nlp)).to_string(index=False))
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text("\n".join(errors(path, nlp)), encoding="utf-8")
    path.unlink()


if __name__ == "__main__":
    main()
