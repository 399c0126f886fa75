"""Build src/newscorp/data/label_cues.tsv: nouns before names that tell the name's label.

"Firma Hachez", "Bankhaus Credito Emiliano", "Stadt Riniken", "Richter Müller": the word
before a name says what kind of name follows. A cue is the lowercase compound head
(``lexicons.compound_head``: "Technologie-Konzerns" -> "konzern", a genitive -s/-es
dropped) of a capitalised word in the middle of a sentence, outside any entity, no stop
word. Kept: cues seen before entities of one label in 80% of 3 or more cases, counting as
misses the cases where the GermEval training part (fully annotated) has a capitalised
word after it outside any entity. Corpora: the GermEval 2014 training part (CC BY 4.0;
the held-out i % 5 == 4 part is never read), DFKI SmartData v1 (CC BY 4.0), Europeana
Newspapers NER German (CC0) and German Legal NER (CC BY 4.0), as training/prepare.py wrote
them to training/corpus.

Usage: python training/label_cues.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import DocBin

from newscorp.pipeline.lexicons import cue_key

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = HERE.parent / "src" / "newscorp" / "data" / "label_cues.tsv"
NER_BINS = ("germeval_train", "smartdata", "europeana", "legal")
MIN_USES = 3
MIN_SHARE = 0.8


def main() -> None:
    nlp = spacy.blank("de")
    counts: dict[str, Counter] = {}
    for name in NER_BINS:
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab):
            for tok in doc[1:-1]:
                if tok.ent_type_ or tok.lower_ in STOP_WORDS or doc[tok.i - 1].is_punct:
                    continue
                key = cue_key(tok.text)
                if key is None:
                    continue
                nxt = doc[tok.i + 1]
                if nxt.ent_iob_ == "B":
                    counts.setdefault(key, Counter())[nxt.ent_type_] += 1
                elif name == "germeval_train" and nxt.text[:1].isupper() and nxt.is_alpha:
                    counts.setdefault(key, Counter())["O"] += 1
    cues = []
    for key, by_label in sorted(counts.items()):
        label, top = by_label.most_common(1)[0]
        if label != "O" and top >= MIN_USES and top >= MIN_SHARE * sum(by_label.values()):
            cues.append(f"{label}\t{key}")
    header = (
        "# Nouns before names that tell the name's label (Firma -> ORG, Stadt -> LOC): lowercase\n"
        "# compound heads. Built by training/label_cues.py from the GermEval 2014 training part,\n"
        "# DFKI SmartData v1 (CC BY 4.0), Europeana Newspapers NER German (CC0) and German Legal\n"
        "# NER (CC BY 4.0). LABEL<TAB>cue.\n"
    )
    OUT.write_text(header + "\n".join(cues) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(cues)} cues", file=sys.stderr)


if __name__ == "__main__":
    main()
