"""The cached floret table returns exactly spaCy's floret vectors."""

from __future__ import annotations

import numpy as np
from spacy.strings import StringStore
from spacy.vectors import Vectors

from newscorp.pipeline.vectors import CachedFloretVectors, cache_floret_vectors

FLORET = dict(mode="floret", minn=3, maxn=5, hash_count=2, hash_seed=2166136261)


def _tables(max_forms: int = 1 << 16) -> tuple[Vectors, CachedFloretVectors, StringStore]:
    strings = StringStore()
    data = np.random.default_rng(0).standard_normal((50, 8)).astype("float32")
    plain = Vectors(strings=strings, data=data, **FLORET)
    cached = CachedFloretVectors(strings=strings, data=data, max_forms=max_forms, **FLORET)
    return plain, cached, strings


def _keys(strings: StringStore, words: list[str]) -> np.ndarray:
    return np.asarray([strings.add(w) for w in words], dtype="uint64")


def test_cached_rows_equal_spacy_rows_across_batches():
    plain, cached, strings = _tables()
    batches = [
        ["Die", "Regierung", "sagte", "die", "Regierung"],
        ["Regierung", "sagte", "Kanzlerin", "Die"],
        ["sagte", "sagte"],
    ]
    for words in batches:
        keys = _keys(strings, words)
        got = cached.get_batch(keys)
        assert got.dtype == np.float32 and got.flags.c_contiguous
        assert np.array_equal(got, plain.get_batch(keys))
    assert len(cached._rows) == 5  # every form computed once


def test_full_cache_starts_afresh_with_the_same_rows():
    plain, cached, strings = _tables(max_forms=3)
    for words in (["eins", "zwei"], ["drei", "vier"], ["eins", "fünf", "sechs", "sieben"]):
        keys = _keys(strings, words)
        assert np.array_equal(cached.get_batch(keys), plain.get_batch(keys))


def test_bundled_pipeline_gets_the_cached_table(nlp):
    assert isinstance(nlp.vocab.vectors, CachedFloretVectors)
    before = nlp.vocab.vectors
    cache_floret_vectors(nlp)
    assert nlp.vocab.vectors is before
