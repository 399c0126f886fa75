"""Build src/newscorp/data/common_nouns.txt: capitalised German words that are not names.

German capitalises every noun, so a small NER model mistakes "Dialog" or "Zugeständnisse"
for names. A word qualifies when annotated corpora use it capitalised in the middle of a
sentence outside any entity at least twice, and never inside one: the German Legal NER
corpus and the GermEval 2014 training part (both CC BY 4.0) and UD German GSD/PUD nouns
(CC BY-SA 4.0). The GermEval held-out part (i % 5 == 4) is not read.

Usage: python training/common_nouns.py [PATH/TO/shared/data]
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "data"
OUT = HERE.parent / "src" / "newscorp" / "data" / "common_nouns.txt"
MIN_COUNT = 2


def candidate(word: str) -> bool:
    return len(word) > 2 and word[:1].isupper() and word[1:].islower() and word.isalpha()


def legal(outside: Counter, inside: set[str]) -> None:
    for path in sorted((DATA / "legal-ner-de" / "per-court").glob("*.conll.gz")):
        first = True
        for line in gzip.open(path, "rt", encoding="utf-8"):
            line = line.rstrip("\r\n")
            if not line.strip():
                first = True
                continue
            word, tag = line.rsplit(" ", 1)
            if tag != "O":
                inside.add(word)
            elif not first and candidate(word):
                outside[word] += 1
            first = word in {".", "!", "?", ":"}


def germeval(outside: Counter, inside: set[str]) -> None:
    path = DATA / "germeval2014" / "NER-de-dev.tsv"
    sentences = path.read_text(encoding="utf-8").split("\n\n")
    index = -1
    for block in sentences:
        rows = [r.split("\t") for r in block.splitlines() if r and not r.startswith("#")]
        if not rows:
            continue
        index += 1
        if index % 5 == 4:  # the held-out evaluation part
            continue
        for k, row in enumerate(rows):
            word, outer, inner = row[1], row[2], row[3] if len(row) > 3 else "O"
            if outer != "O" or inner != "O":
                inside.add(word)
            elif k > 0 and candidate(word):
                outside[word] += 1


def ud(outside: Counter, inside: set[str]) -> None:
    files = [
        DATA / "ud-german-gsd" / "de_gsd-ud-test.conllu",
        DATA / "ud-german-pud" / "de_pud-ud-test.conllu",
    ]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            if cols[3] == "PROPN":
                inside.add(cols[1])
            elif cols[3] == "NOUN" and cols[0] != "1" and candidate(cols[1]):
                outside[cols[1]] += 1


def main() -> None:
    outside: Counter = Counter()
    inside: set[str] = set()
    legal(outside, inside)
    germeval(outside, inside)
    ud(outside, inside)
    words = sorted(w for w, n in outside.items() if n >= MIN_COUNT and w not in inside)
    header = [
        "# Capitalised German words used as common nouns, never as names, in annotated corpora",
        "# (German Legal NER and GermEval 2014 train part: CC BY 4.0; UD German GSD/PUD:",
        "# CC BY-SA 4.0). Built by training/common_nouns.py; one word per line.",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
