"""Floret word vectors computed once per word form, not once per batch and component.

A floret table has no row per word: ``Vectors.get_batch`` hashes every character n-gram of
each distinct form in the batch (in Python) and averages the rows they hit. The bundled
pipeline asks for the same forms twice per batch (the shared tok2vec and the NER's own
one) and again in every later batch. :class:`CachedFloretVectors` is a ``Vectors`` of the
same table and settings whose ``get_batch`` remembers each form's vector: a form's vector
is the mean of its own n-gram rows, independent of the other forms of the batch, so the
rows returned are bit-identical to the uncached ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.vectors import Mode, Vectors

if TYPE_CHECKING:
    from spacy.language import Language

MAX_FORMS = 1 << 16
"""Forms remembered at most (96 floats each: 24 MB); the cache starts afresh when full."""


class CachedFloretVectors(Vectors):
    """Floret ``Vectors`` whose ``get_batch`` computes each form's vector only once."""

    def __init__(self, *args, max_forms: int = MAX_FORMS, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_forms = max_forms
        self._rows: dict[int, int] = {}
        self._table = np.zeros((0, self.data.shape[1]), dtype=self.data.dtype)

    @classmethod
    def of(cls, vectors: Vectors) -> CachedFloretVectors:
        """The same floret table and settings as ``vectors``, with the cache."""
        return cls(
            strings=vectors.strings,
            data=vectors.data,
            name=vectors.name,
            mode=Mode.floret,
            minn=vectors.minn,
            maxn=vectors.maxn,
            hash_count=vectors.hash_count,
            hash_seed=vectors.hash_seed,
            bow=vectors.bow,
            eow=vectors.eow,
            attr=vectors.attr,
        )

    def get_batch(self, keys):
        """The vectors of ``keys`` (string hashes), as ``Vectors.get_batch`` computes them."""
        keys = np.asarray(keys, dtype="uint64")
        if not keys.any():  # only empty strings: spaCy's own answer (float64 zeros)
            return super().get_batch(keys)
        rows = self._rows
        new = [key for key in dict.fromkeys(keys.tolist()) if key not in rows]
        if new:
            if len(rows) + len(new) > self.max_forms:
                rows.clear()
                new = list(dict.fromkeys(keys.tolist()))
            computed = np.asarray(super().get_batch(np.asarray(new, dtype="uint64")))
            start = len(rows)
            if start + len(new) > len(self._table):
                width = self.data.shape[1]
                grown = np.zeros(
                    (max(min(2 * len(self._table), self.max_forms), start + len(new), 4096), width),
                    dtype=self.data.dtype,
                )
                grown[:start] = self._table[:start]
                self._table = grown
            self._table[start : start + len(new)] = computed
            rows.update(zip(new, range(start, start + len(new)), strict=True))
        return self._table[[rows[key] for key in keys.tolist()]]


def cache_floret_vectors(nlp: Language) -> None:
    """Give a pipeline with floret vectors the cached table (idempotent; others unchanged)."""
    vectors = nlp.vocab.vectors
    if isinstance(vectors, Vectors) and not isinstance(vectors, CachedFloretVectors):
        if vectors.mode == Mode.floret:
            nlp.vocab.vectors = CachedFloretVectors.of(vectors)
