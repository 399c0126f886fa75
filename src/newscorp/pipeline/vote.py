"""Entity vote: several NER models of one pipeline, an entity where most of them agree.

The bundled pipeline ships its main ``ner`` and, disabled, further NER components whose names
start with ``ner_vote`` (a second NER with its own tok2vec, and a small NER on the shared UD
tok2vec). A plain ``spacy.load`` runs only the main NER. newscorp adds the
``newscorp_entity_vote`` component right after ``ner``: it runs the voters on the same
documents and keeps each entity (start, end, label) that at least ``min_votes`` of all the
models predicted (two of three), and a span all of them found with different labels, the
most voted first where two overlap (:func:`vote`). Pipelines without voters (de_core_news_sm)
get no vote. Measured in training/README.md, "NER, ninth round".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import get_type_hints

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

VOTER_PREFIX = "ner_vote"

EntityKey = tuple[int, int, str]


def entity_keys(doc: Doc) -> set[EntityKey]:
    """The (start token, end token, label) of each entity of ``doc``."""
    return {(e.start, e.end, e.label_) for e in doc.ents}


def vote(predictions: Sequence[set[EntityKey]], min_votes: int) -> list[EntityKey]:
    """Entities predicted by at least ``min_votes`` models, and spans that every model found
    with labels that differ (labelled as by the first model, the main NER). Where two
    overlap, more votes for the label win, then more for the span, then the longer and the
    earlier one. Sorted by position."""
    found: dict[tuple[int, int], list[str]] = {}
    for keys in predictions:
        for start, end, label in keys:
            found.setdefault((start, end), []).append(label)
    candidates = []
    for (start, end), labels in found.items():
        top = max(labels, key=lambda lab: (labels.count(lab), -labels.index(lab)))
        votes = labels.count(top)
        if votes >= min_votes or len(labels) == len(predictions):
            candidates.append((-votes, -len(labels), start - end, start, (start, end, top)))
    kept: list[EntityKey] = []
    for *_, key in sorted(candidates):
        if all(key[1] <= other[0] or key[0] >= other[1] for other in kept):
            kept.append(key)
    return sorted(kept)


def voter_names(nlp: Language) -> list[str]:
    """The disabled NER components that vote with the main NER."""
    return [name for name in nlp.disabled if name.startswith(VOTER_PREFIX)]


class EntityVote:
    """Pipeline component: run the voters and replace ``doc.ents`` with the vote."""

    def __init__(self, nlp: Language, voters: list[str], min_votes: int) -> None:
        self.voters = [nlp.get_pipe(name) for name in voters]
        self.min_votes = min_votes

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            predictions = [[entity_keys(doc)] for doc in batch]
            for voter in self.voters:
                for doc in batch:
                    doc.ents = []  # a NER keeps entities already set
                annotated = voter.pipe(batch) if hasattr(voter, "pipe") else map(voter, batch)
                for doc, found in zip(annotated, predictions, strict=True):
                    found.append(entity_keys(doc))
            for doc, found in zip(batch, predictions, strict=True):
                doc.ents = [
                    Span(doc, start, end, label=label)
                    for start, end, label in vote(found, self.min_votes)
                ]
            yield from batch


@Language.factory("newscorp_entity_vote", default_config={"voters": [], "min_votes": 2})
def make_entity_vote(nlp: Language, name: str, voters: list[str], min_votes: int) -> EntityVote:
    """Factory for the entity vote."""
    return EntityVote(nlp, voters, min_votes)


# spaCy validates a factory's arguments by its annotations, which this module's postponed
# evaluation leaves as strings; spaCy 3.8.7 and older cannot resolve them itself
make_entity_vote.__annotations__ = get_type_hints(make_entity_vote)


def add_entity_vote(nlp: Language) -> None:
    """Add the vote after ``ner`` when the pipeline ships voters (idempotent)."""
    voters = voter_names(nlp)
    if not voters or "ner" not in nlp.pipe_names or "newscorp_entity_vote" in nlp.pipe_names:
        return
    majority = (len(voters) + 1) // 2 + 1
    nlp.add_pipe(
        "newscorp_entity_vote",
        after="ner",
        config={"voters": voters, "min_votes": majority},
    )
