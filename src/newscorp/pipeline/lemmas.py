"""Lemma repair from a lookup table, for words the pipeline's lemmatizer gets wrong.

The trainable lemmatizer learns edit trees from little data and invents lemmas for rare
forms ("sieht" -> "siehen", "bekomme" -> "bekomme"). For open-class words whose predicted
lemma is no known lemma, the table's lemma of the form (or of its lowercase, for a
capitalised sentence start) replaces it. Lemmas the table knows are kept: the model sees
the context, the table does not ("Sieben", "Habe").
"""

from __future__ import annotations

import gzip
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from spacy.tokens import Token

OPEN_CLASS = frozenset({"NOUN", "VERB", "AUX", "ADJ", "ADV"})  # not names: "Sanders"


@dataclass(frozen=True)
class LemmaTable:
    """Form -> lemma, compact: sorted 64-bit hashes of the forms, each with a lemma index
    (the forms themselves are not kept, so the table costs a few MB, not 50)."""

    keys: np.ndarray  # int64, sorted
    index: np.ndarray  # uint32, position of the lemma in ``lemmas``
    lemmas: tuple[str, ...]
    known: frozenset[str]

    def get(self, form: str) -> str | None:
        key = _hash(form)
        i = int(np.searchsorted(self.keys, key))
        if i < len(self.keys) and int(self.keys[i]) == key:
            return self.lemmas[int(self.index[i])]
        return None


def _hash(text: str) -> int:
    # Python's string hash: 64 bits, fixed within a process, which is where the table lives
    return hash(text)


@cache
def lemma_table() -> LemmaTable:
    """The table of data/de_lemmas.tsv.gz (see its header for source and licence)."""
    keys = array("q")
    index = array("I")
    ids: dict[str, int] = {}
    path = resources.files("newscorp").joinpath("data").joinpath("de_lemmas.tsv.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                form, lemma = line.rstrip("\n").split("\t")
                keys.append(_hash(form))
                index.append(ids.setdefault(lemma, len(ids)))
    key_arr = np.frombuffer(keys, dtype=np.int64)
    order = np.argsort(key_arr, kind="stable")
    return LemmaTable(
        keys=key_arr[order],
        index=np.frombuffer(index, dtype=np.uint32)[order],
        lemmas=tuple(ids),
        known=frozenset(ids),
    )


def table_lemma(text: str) -> str | None:
    """The table's lemma of a form, trying the lowercase of a capitalised form too."""
    table = lemma_table()
    found = table.get(text)
    if found is None and text[:1].isupper():
        found = table.get(text.lower())
    return found


def verb_lemma_of_e_form(text: str) -> str | None:
    """The table's lemma of a form, else the infinitive of a stem + e form that the table
    knows as a lemma ("brauche" -> "brauchen")."""
    found = table_lemma(text)
    low = text.lower()
    if found is None and low.endswith("e") and low[:-1] + "en" in lemma_table().known:
        found = low[:-1] + "en"
    return found


def repaired_lemma(token: Token) -> str | None:
    """A better lemma for ``token``, or None to keep the pipeline's."""
    if token.pos_ not in OPEN_CLASS:
        return None
    known = lemma_table().known
    lemma = token.lemma_
    if lemma and (lemma in known or lemma.lower() in known):
        return None
    if token.pos_ in {"VERB", "AUX"}:
        found = verb_lemma_of_e_form(token.text)
    else:
        found = table_lemma(token.text)
    return found if found and found != lemma else None
