"""Write unlabelled German text for `spacy pretrain` to training/corpus/pretrain.jsonl.

Sources: the 10kGNAD test articles and the WikiNews-quotes *train* articles (both CC BY-NC-SA
4.0; WikiNews-quotes dev is quote evaluation data and is never read) plus the openly licensed
text already written for the vectors (corpus/vectors_text.txt, no GermEval test part).
Texts are cut into chunks of whole sentences of at most ~120 words.

``--open`` writes corpus/pretrain_open.jsonl from the openly licensed vectors text alone, for
weights that are shipped (the UD part's tok2vec, configs/ud_pretrain.cfg).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN_ONLY = "--open" in sys.argv[1:]
_ARGS = [a for a in sys.argv[1:] if a != "--open"]
DATA = Path(_ARGS[0]) if _ARGS else HERE.parent.parent / "shared" / "data"
OUT = HERE / "corpus" / ("pretrain_open.jsonl" if OPEN_ONLY else "pretrain.jsonl")
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"0-9])")
MAX_WORDS = 120


def chunks(text: str):
    """Whole sentences grouped into chunks of at most MAX_WORDS words."""
    for para in text.splitlines():
        buf: list[str] = []
        n = 0
        for sent in SENT_END.split(para.strip()):
            words = len(sent.split())
            if buf and n + words > MAX_WORDS:
                yield " ".join(buf)
                buf, n = [], 0
            buf.append(sent)
            n += words
        if buf and n >= 5:
            yield " ".join(buf)


def main() -> None:
    texts = []
    folders = (DATA / "10kgnad-test" / "corpus", DATA / "wikinews-quotes" / "train" / "corpus")
    for folder in () if OPEN_ONLY else folders:
        for path in sorted(folder.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    vectors_text = HERE / "corpus" / "vectors_text.txt"
    if vectors_text.exists():
        texts.append(vectors_text.read_text(encoding="utf-8"))
    rows = [chunk for text in texts for chunk in chunks(text)]
    random.Random(13).shuffle(rows)
    with OUT.open("w", encoding="utf-8") as fh:
        for chunk in rows:
            fh.write(json.dumps({"text": chunk}, ensure_ascii=False) + "\n")
    n_words = sum(len(c.split()) for c in rows)
    print(f"{OUT}: {len(rows)} chunks, {n_words} words", file=sys.stderr)


if __name__ == "__main__":
    main()
