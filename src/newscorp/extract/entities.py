"""Entity mentions from a spaCy Doc, with doc-level canonical names and roles."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_SPACE, LEMMA, MORPH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

from newscorp.extract.arrays import id_strings, token_texts
from newscorp.extract.canon import adjective_noun_nominative, base_form_of, link_short_forms
from newscorp.pipeline.components import ROLE_KEY
from newscorp.records import Mention


def mentions(doc: Doc, doc_id: str, sents: Sequence[Span] | None = None) -> Iterator[Mention]:
    """Yield one Mention per entity in ``doc``; ``entity`` is the document-level canonical name
    (``sents``: ``list(doc.sents)`` when already built).

    The entities (``doc.ents``: a B token with a label and the I tokens after it), their
    words and the attributes ``base_form`` reads are taken from the document's arrays, not
    from Span and Token objects."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    texts, full = token_texts(doc)
    columns = doc.to_array([ENT_IOB, ENT_TYPE, IS_SPACE, IDX, POS, LEMMA, MORPH])
    iob = columns[:, 0]
    begins = np.flatnonzero((iob == 3) & (columns[:, 1] != 0)).tolist()
    if not begins:
        return
    iobs, types, spaces, offsets, poses, lemmas, morphs = columns.T.tolist()
    n = len(iobs)
    labels = id_strings([types[begin] for begin in begins], strings)
    ents = []
    spans = []  # the words (no space tokens) of each entity
    for begin, label in zip(begins, labels, strict=True):
        end = begin + 1
        while end < n and iobs[end] == 1:  # an I token continues the entity before it
            end += 1
        ents.append((begin, end, label))
        spans.append([k for k in range(begin, end) if not spaces[k]])
    last_lemmas = id_strings([lemmas[words[-1]] if words else 0 for words in spans], strings)
    bases = []
    for (begin, end, label), words, last_lemma in zip(ents, spans, last_lemmas, strict=True):
        if not words:
            base = full[offsets[begin] : offsets[end - 1] + len(texts[end - 1])]
        else:
            first, last = words[0], words[-1]
            base = base_form_of(
                label,
                [texts[k] for k in words],
                POS_NAMES[poses[first]],
                POS_NAMES[poses[last]],
                last_lemma,
                _morph_string(morphs[last], doc, last),
                lambda w=words: adjective_noun_nominative(doc[w[0]], doc[w[1]]),
            )
        bases.append((label, base))
    canonical = link_short_forms(bases)
    roles = {span.end: span.text for span in doc.spans.get(ROLE_KEY, [])}
    # a blank sentence (empty .text.strip()) is all spaces: no word before its end but those
    # before its start (``before[k]``: the tokens before token k that are no space)
    before = [0, *accumulate([1 - space for space in spaces])]
    sent_index = {}
    sents = doc.sents if sents is None else sents
    for i, sent in enumerate(s for s in sents if before[s.end] > before[s.start]):
        sent_index[sent.start] = i
    starts = sorted(sent_index)
    for (begin, end, label), key in zip(ents, bases, strict=True):
        # the last non-blank sentence starting at or before the entity (0 if none)
        k = bisect_right(starts, begin)
        sentence = sent_index[starts[k - 1]] if k else 0
        start = offsets[begin]
        stop = offsets[end - 1] + len(texts[end - 1])
        yield Mention(
            doc=doc_id,
            start=start,
            end=stop,
            text=full[start:stop],
            label=label,
            entity=canonical[key],
            role=roles.get(begin, ""),
            sentence=sentence,
        )


_MORPHS: dict[int, str] = {}


def _morph_string(key: int, doc: Doc, i: int) -> str:
    """``str(doc[i].morph)`` (its MORPH id is ``key``), remembered by id."""
    found = _MORPHS.get(key)
    if found is None:
        if len(_MORPHS) >= 1 << 16:
            _MORPHS.clear()
        found = _MORPHS[key] = str(doc[i].morph)
    return found
