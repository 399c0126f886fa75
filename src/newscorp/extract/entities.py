"""Entity mentions from a spaCy Doc, with doc-level canonical names and roles."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span

from newscorp.extract.canon import base_form, link_short_forms
from newscorp.pipeline.components import ROLE_KEY
from newscorp.records import Mention


def mentions(doc: Doc, doc_id: str, sents: Sequence[Span] | None = None) -> Iterator[Mention]:
    """Yield one Mention per entity in ``doc``; ``entity`` is the document-level canonical name
    (``sents``: ``list(doc.sents)`` when already built)."""
    ents = doc.ents  # built once: each access makes new Spans
    bases = [(ent.label_, base_form(ent)) for ent in ents]
    canonical = link_short_forms(bases)
    roles = {span.end: span.text for span in doc.spans.get(ROLE_KEY, [])}
    # a blank sentence (empty .text.strip()) is all spaces: no word before its end but those
    # before its start (``words[k]``: the tokens before token k that are no space)
    words = [0, *accumulate((doc.to_array(IS_SPACE) == 0).tolist())]
    sent_index = {}
    sents = doc.sents if sents is None else sents
    for i, sent in enumerate(s for s in sents if words[s.end] > words[s.start]):
        sent_index[sent.start] = i
    starts = sorted(sent_index)
    for ent, key in zip(ents, bases, strict=True):
        # the last non-blank sentence starting at or before the entity (0 if none)
        k = bisect_right(starts, ent.start)
        sentence = sent_index[starts[k - 1]] if k else 0
        yield Mention(
            doc=doc_id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            entity=canonical[key],
            role=roles.get(ent.start, ""),
            sentence=sentence,
        )
