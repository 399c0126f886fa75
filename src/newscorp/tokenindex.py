"""The word tokens kept for kwic, in a compact form: offsets and lemmas, not the words.

A word token's text is the slice of the document's decoded text at its offsets (``nlp_text``
differs from ``text`` only by blanked characters, which no word token holds), so the index
is bytes: the number of words n (4 bytes), n start and n end offsets (int32, little-endian),
then UTF-8 JSON ``[lemmas, others]``: each lemma ("" when it is the text itself) and, by
position, the rare words whose text is not that slice. Written from the document's arrays
without a Token object or a string per word; ``decode`` gives back exactly the
``[[start, end, text, lemma], ...]`` rows the JSON index of earlier versions spelled out.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # json.dumps(s, ensure_ascii=False)
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

FORMAT = 2
"""Version of the index layout (part of the store's schema version: older stores are
rebuilt)."""

EMPTY = bytes(4) + b"[[],{}]"


_JSON: dict[int, str] = {}
"""JSON of a string (``ensure_ascii=False``, as ``json.dumps`` writes it inside a list) by its
spaCy string id (the hash of the string: the same in every Vocab)."""


def _json_strings(ids: list[int], store: Any) -> list[str]:
    """The JSON of the strings of ``ids`` (``store``: the document's StringStore), remembered
    by id."""
    known = _JSON
    out = list(map(known.get, ids))
    if None in out:
        if len(known) >= 1 << 20:
            known.clear()
        for k, i in enumerate(ids):
            if out[k] is None:
                found = known.get(i)
                if found is None:
                    found = known[i] = encode_basestring(store[i])
                out[k] = found
    return out  # type: ignore[return-value]


def encode(doc: Doc, text: str | None = None) -> bytes:
    """The compact index of the word tokens (no space, no punctuation) of a parsed document;
    ``text``: the decoded text that ``decode`` will slice (default: the document's own)."""
    if not len(doc):
        return EMPTY
    import numpy as np
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, ORTH

    from newscorp.extract.arrays import token_texts

    array = doc.to_array([IS_SPACE, IS_PUNCT, IDX, LENGTH, ORTH, LEMMA])
    keep = (array[:, 0] == 0) & (array[:, 1] == 0)
    words = array[keep]
    starts = words[:, 2]
    ends = starts + words[:, 3]
    orths, lemmas = words[:, 4], words[:, 5]
    # "" stands for the text itself: a lemma equal to it, or none
    lemmas = np.where((lemmas == orths) | (lemmas == 0), 0, lemmas)
    lemma_json = _json_strings(lemmas.tolist(), doc.vocab.strings)
    others: dict[str, str] = {}
    full = token_texts(doc)[1]
    if text is not None and text != full:
        if len(text) == len(full):
            # the positions where the two texts differ; a word token over one keeps its text
            a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            b = np.frombuffer(full.encode("utf-32-le"), dtype=np.uint32)
            before = np.concatenate(([0], np.cumsum(a != b)))
            differ = np.flatnonzero(before[ends] > before[starts]).tolist()
        else:  # not the text that was parsed: every word keeps its text
            differ = range(len(words))
        starts_list, ends_list = starts.tolist(), ends.tolist()
        for k in differ:
            others[str(k)] = full[starts_list[k] : ends_list[k]]
    # == json.dumps([lemma texts, others], ensure_ascii=False, separators=(",", ":"))
    rare = json.dumps(others, ensure_ascii=False, separators=(",", ":"))
    strings = f"[[{','.join(lemma_json)}],{rare}]"
    offsets = np.concatenate((starts, ends)).astype("<i4").tobytes()
    return len(words).to_bytes(4, "little") + offsets + strings.encode("utf-8")


def decode(index: bytes, text: str) -> list[list[Any]]:
    """``[[start, end, text, lemma], ...]`` of an index written by ``encode`` for ``text``."""
    if not index:
        return []
    import numpy as np

    n = int.from_bytes(index[:4], "little")
    offsets = np.frombuffer(index, dtype="<i4", count=2 * n, offset=4).tolist()
    starts, ends = offsets[:n], offsets[n:]
    lemmas, others = json.loads(index[4 + 8 * n :].decode("utf-8"))
    rows = []
    for s, e, lemma in zip(starts, ends, lemmas, strict=True):
        word = text[s:e]
        rows.append([s, e, word, lemma or word])
    for k, word in others.items():
        row = rows[int(k)]
        row[2] = word
        if not lemmas[int(k)]:
            row[3] = word
    return rows
