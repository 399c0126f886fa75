"""Mention replacement for the NER training part (Dai & Adel 2020, "An Analysis of Simple Data
Augmentation for Named Entity Recognition").

Each copy of the GermEval training part gets every PER, LOC and ORG entity replaced, with
probability P, by a random entity of the same label from a pool (the training part's and
SmartData's entities), so the model sees each sentence's context with names it has not
memorised there. Tokens outside entities, and missing annotations, stay as they are.

Usage (from training/): python augment_mentions.py [COPIES] [P]
writes corpus/germeval_train_mr{1..COPIES}.spacy (seeds 1..COPIES).
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

CORPUS = Path(__file__).resolve().parent / "corpus"
# MISC is too mixed (titles, events, currencies, demonyms) for one mention to stand for another
REPLACED = {"PER", "LOC", "ORG"}


def load(nlp, name: str) -> list[Doc]:
    return list(DocBin().from_disk(CORPUS / name).get_docs(nlp.vocab))


def mention_pool(docs: list[Doc]) -> dict[str, list[tuple[str, ...]]]:
    """Every entity's words by label, duplicates kept (frequent names are drawn more often)."""
    pool: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for doc in docs:
        for ent in doc.ents:
            pool[ent.label_].append(tuple(t.text for t in ent))
    return pool


def replaced(doc: Doc, pool, rng: random.Random, p: float) -> Doc:
    """A copy of doc whose entities are each replaced by a pool mention with probability p."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    i = 0
    starts = {ent.start: ent for ent in doc.ents}
    while i < len(doc):
        ent = starts.get(i)
        if ent is None:
            tok = doc[i]
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
            tags.append("-" if tok.ent_iob == 0 else "O")
            i += 1
            continue
        swap = ent.label_ in REPLACED and rng.random() < p
        new = list(rng.choice(pool[ent.label_])) if swap else [t.text for t in ent]
        words.extend(new)
        spaces.extend([True] * (len(new) - 1) + [bool(ent[-1].whitespace_)])
        if len(new) == 1:
            tags.append(f"U-{ent.label_}")
        else:
            tags.extend(
                [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 2) + [f"L-{ent.label_}"]
            )
        i = ent.end
    out = Doc(doc.vocab, words=words, spaces=spaces)
    from spacy.training import biluo_tags_to_spans

    spans = biluo_tags_to_spans(out, [t if t != "-" else "O" for t in tags])
    out.set_ents(
        spans,
        missing=[out[k : k + 1] for k, t in enumerate(tags) if t == "-"],
        default="outside",
    )
    return out


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    p = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    nlp = spacy.blank("de")
    train = load(nlp, "germeval_train.spacy")
    pool = mention_pool(train + load(nlp, "smartdata.spacy"))
    for seed in range(1, copies + 1):
        rng = random.Random(seed)
        DocBin(docs=[replaced(d, pool, rng, p) for d in train]).to_disk(
            CORPUS / f"germeval_train_mr{seed}.spacy"
        )
    print({label: len(v) for label, v in pool.items()}, f"{copies} copies, p={p}")


if __name__ == "__main__":
    main()
