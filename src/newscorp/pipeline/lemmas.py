"""Lemma repair from a lookup table, for words the pipeline's lemmatizer gets wrong.

The trainable lemmatizer learns edit trees from little data and invents lemmas for rare
forms ("sieht" -> "siehen", "bekomme" -> "bekomme"). For open-class words whose predicted
lemma is no known lemma, the table's lemma of the form (or of its lowercase, for a
capitalised sentence start) replaces it. Lemmas the table knows are kept: the model sees
the context, the table does not ("Sieben", "Habe").
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from spacy.tokens import Token

OPEN_CLASS = frozenset({"NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV"})


@cache
def lemma_table() -> tuple[dict[str, str], frozenset[str]]:
    """Form -> lemma (data/de_lemmas.tsv.gz, see its header) and the set of known lemmas."""
    raw = resources.files("newscorp").joinpath("data").joinpath("de_lemmas.tsv.gz").read_bytes()
    table: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            table[form] = lemma
    return table, frozenset(table.values())


def table_lemma(text: str) -> str | None:
    """The table's lemma of a form, trying the lowercase of a capitalised form too."""
    table, _ = lemma_table()
    found = table.get(text)
    if found is None and text[:1].isupper():
        found = table.get(text.lower())
    return found


def repaired_lemma(token: Token) -> str | None:
    """A better lemma for ``token``, or None to keep the pipeline's."""
    if token.pos_ not in OPEN_CLASS:
        return None
    _, known = lemma_table()
    lemma = token.lemma_
    if lemma and (lemma in known or lemma.lower() in known):
        return None
    found = table_lemma(token.text)
    return found if found and found != lemma else None
