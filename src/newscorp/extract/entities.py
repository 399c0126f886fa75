"""Entity mentions from a spaCy Doc, with doc-level canonical names and roles."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.attrs import LEMMA, MORPH, ORTH, POS, SPACY
from spacy.tokens import Doc, Span

from newscorp.extract.canon import base_form, link_short_forms, role_form
from newscorp.pipeline.components import ROLE_KEY
from newscorp.pipeline.names import slash_places
from newscorp.records import Mention

_BASES: dict[tuple[str, bytes, int, int], str] = {}
"""``base_form`` of an entity by its label and the ORTH, LEMMA, POS, MORPH and SPACY ids of its
tokens, two before it and one after it (everything ``base_form`` reads) as bytes, with the
number of context tokens on either side."""


def _base_forms(doc: Doc, ents: Sequence[Span], labels: list[str]) -> list[str]:
    """``base_form`` of each entity of ``doc`` (``labels``: theirs), remembered in ``_BASES``
    (names recur across documents)."""
    if not ents:
        return []
    data = doc.to_array([ORTH, LEMMA, POS, MORPH, SPACY]).astype("<u8", copy=False).tobytes()
    known = _BASES
    out = []
    for label, ent in zip(labels, ents, strict=True):
        a, b = max(0, ent.start - 2), min(len(doc), ent.end + 1)  # with its context
        key = (label, data[40 * a : 40 * b], ent.start - a, b - ent.end)
        base = known.get(key)
        if base is None:
            if len(known) >= 1 << 16:
                known.clear()
            base = known[key] = base_form(ent)
        out.append(base)
    return out


def mentions(
    doc: Doc, doc_id: str, sents: Sequence[Span] | None = None, text: str | None = None
) -> Iterator[Mention]:
    """Yield one Mention per entity in ``doc``; ``entity`` is the document-level canonical name
    (``sents``: ``list(doc.sents)`` when already built; ``text``: ``doc.text``, whose slices
    are the entities' texts without joining their tokens again)."""
    # built once (each access makes new Spans); places joined by slashes one by one
    ents = [part for ent in doc.ents for part in (slash_places(ent) if "/" in ent.text else [ent])]
    labels = [ent.label_ for ent in ents]
    bases = list(zip(labels, _base_forms(doc, ents, labels), strict=True))
    canonical = link_short_forms(bases)
    roles = {s.end: role_form(s.text, s[0].lemma_) for s in doc.spans.get(ROLE_KEY, [])}
    full = doc.text if text is None else text
    # a blank sentence (empty .text.strip(): all its tokens are spaces) gets no number
    sent_index = {}
    sents = doc.sents if sents is None else sents
    for i, sent in enumerate(s for s in sents if full[s.start_char : s.end_char].strip()):
        sent_index[sent.start] = i
    starts = sorted(sent_index)
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
