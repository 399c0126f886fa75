"""Entity mentions from a spaCy Doc, with doc-level canonical names and roles."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newscorp.extract.canon import base_form, link_short_forms
from newscorp.pipeline.components import ROLE_KEY
from newscorp.records import Mention


def mentions(doc: Doc, doc_id: str) -> Iterator[Mention]:
    """Yield one Mention per entity in ``doc``; ``entity`` is the document-level canonical name."""
    bases = [(ent.label_, base_form(ent)) for ent in doc.ents]
    canonical = link_short_forms(bases)
    roles = {span.end: span.text for span in doc.spans.get(ROLE_KEY, [])}
    sent_index = {}
    for i, sent in enumerate(s for s in doc.sents if s.text.strip()):
        sent_index[sent.start] = i
    starts = sorted(sent_index)
    for ent, key in zip(doc.ents, bases, strict=True):
        sentence = 0
        for s in starts:
            if s <= ent.start:
                sentence = sent_index[s]
            else:
                break
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
