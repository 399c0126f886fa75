"""Entity mentions from a spaCy Doc, with doc-level canonical names and roles."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span

from newscorp.extract.canon import base_form, link_short_forms
from newscorp.pipeline.components import ROLE_KEY
from newscorp.records import Mention


def mentions(
    doc: Doc, doc_id: str, sents: Sequence[Span] | None = None, text: str | None = None
) -> Iterator[Mention]:
    """Yield one Mention per entity in ``doc``; ``entity`` is the document-level canonical name
    (``sents``: ``list(doc.sents)`` when already built; ``text``: ``doc.text``, whose slices
    are the entities' texts without joining their tokens again)."""
    ents = doc.ents  # built once: each access makes new Spans
    labels = [ent.label_ for ent in ents]
    bases = [(label, base_form(ent)) for label, ent in zip(labels, ents, strict=True)]
    canonical = link_short_forms(bases)
    roles = {span.end: span.text for span in doc.spans.get(ROLE_KEY, [])}
    # a blank sentence (empty .text.strip()) is all spaces: no word before its end but those
    # before its start (``words[k]``: the tokens before token k that are no space)
    words = [0, *np.cumsum(doc.to_array(IS_SPACE) == 0).tolist()]
    sent_index = {}
    sents = doc.sents if sents is None else sents
    for i, sent in enumerate(s for s in sents if words[s.end] > words[s.start]):
        sent_index[sent.start] = i
    starts = sorted(sent_index)
    full = doc.text if text is None else text
    for ent, key in zip(ents, bases, strict=True):
        # the last non-blank sentence starting at or before the entity (0 if none)
        first = ent.start
        k = bisect_right(starts, first)
        sentence = sent_index[starts[k - 1]] if k else 0
        start, end = ent.start_char, ent.end_char
        yield Mention(
            doc=doc_id,
            start=start,
            end=end,
            text=full[start:end],  # == ent.text
            label=key[0],
            entity=canonical[key],
            role=roles.get(first, ""),
            sentence=sentence,
        )
