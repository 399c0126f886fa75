"""Build src/newscorp/data/entity_heads.txt: heads of compounds that corpora label as names.

A model tags compounds of common words as names ("Tandemanordnung", "Diakonie-Spendenkonto");
names are compounds too ("Mannheim", "Linkspartei", "Gazastreifen"). The head
(``lexicons.compound_head``: "heim", "partei", "streifen") tells them apart: a lone noun
whose head never ends a one-word entity of the corpora is no name. Heads are counted over
the entities of the GermEval 2014 training part (CC BY 4.0; the held-out i % 5 == 4 part is
never read), DFKI SmartData v1 (CC BY 4.0), Europeana Newspapers NER German (CC0) and the
German Legal NER corpus (CC BY 4.0), as training/prepare.py wrote them to training/corpus.

Usage: python training/entity_heads.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newscorp.pipeline.lexicons import compound_head

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = HERE.parent / "src" / "newscorp" / "data" / "entity_heads.txt"
NER_BINS = ("germeval_train", "smartdata", "europeana", "legal")


def main() -> None:
    nlp = spacy.blank("de")
    heads: Counter = Counter()
    for name in NER_BINS:
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab):
            for tok in doc:
                if tok.ent_iob_ in ("B", "I"):
                    head = compound_head(tok.text)
                    if head:
                        heads[head] += 1
    header = (
        "# Heads of compounds that annotated corpora label as names (Mannheim: heim), lowercase.\n"
        "# Built by training/entity_heads.py from the GermEval 2014 training part, DFKI\n"
        "# SmartData v1 (CC BY 4.0), Europeana Newspapers NER German (CC0) and German Legal\n"
        "# NER (CC BY 4.0). HEAD<TAB>number of name words with that head.\n"
    )
    body = "\n".join(f"{h}\t{n}" for h, n in sorted(heads.items()))
    OUT.write_text(header + body + "\n", encoding="utf-8")
    print(f"{OUT}: {len(heads)} heads", file=sys.stderr)


if __name__ == "__main__":
    main()
