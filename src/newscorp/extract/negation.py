"""Negation scope by dependency tree, for parsed documents (see ``sentiment.polar_words``).

A negator's scope is the phrase it belongs to, not a window of words:

- a determiner or preposition ("kein Erfolg", "keinen großen Erfolg", "ohne Zweifel"): the whole
  noun phrase it attaches to (UD: its head's subtree; TIGER-style trees, where "ohne" heads the
  phrase: its own subtree);
- an adverb or pronoun ("nicht", "nie", "niemand", "nichts"): the word it modifies (the verb or
  predicative adjective: "Er mag das nicht", "Das war nicht gut") and the words after the
  negator inside that word's phrase ("Er hat nie gut gespielt").

Subjects, coordinated conjuncts, subordinate and parallel clauses never belong to a scope ("Die
Krise ist nicht vorbei": the crisis stays negative; "nicht schlecht, aber gut": only "schlecht"
is negated). Labels of UD (spaCy's UD-trained pipelines) and TIGER (de_core_news_*) are both
known. ``sentiment.polar_words`` uses a negator's tree scope when it holds a polar word and the
clause window rule otherwise (a parse error, or "auf keinen Fall" negating the verb).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# dependents that are never inside a negator's scope: subjects, conjuncts, other clauses,
# and the copula, which links a predicate to its subject ("Die Krise sei keine gute
# Entwicklung" with the subject hung on "sei": the subject stays outside "keine"'s phrase)
OUTSIDE = frozenset(
    {
        # UD
        "nsubj",
        "cop",
        "nsubj:pass",
        "csubj",
        "csubj:pass",
        "expl",
        "conj",
        "cc",
        "parataxis",
        "ccomp",
        "advcl",
        "acl",
        "acl:relcl",
        "punct",
        "vocative",
        "dislocated",
        # TIGER
        "sb",
        "sbp",
        "ep",
        "cj",
        "cd",
        "oc",
        "rc",
        "re",
        "par",
        "cp",
    }
)
NOMINAL_HEADS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PRON"})
PHRASE_NEGATORS = frozenset({"DET", "ADP"})


def is_parsed(tokens: Sequence[Token]) -> bool:
    """True when the tokens come from a document with a dependency parse."""
    return bool(tokens) and tokens[0].doc.has_annotation("DEP")


def _phrase(head: Token) -> set[int]:
    """Token indices of ``head``'s subtree without the dependents listed in OUTSIDE."""
    indices = {head.i}
    for child in head.children:
        if child.dep_ not in OUTSIDE:
            indices.update(t.i for t in child.subtree)
    return indices


def scope(negator: Token) -> set[int]:
    """Token indices (in the document) that ``negator`` negates."""
    if negator.pos_ in PHRASE_NEGATORS:
        has_children = any(True for _ in negator.children)
        if negator.pos_ == "ADP" and has_children:
            return _phrase(negator) - {negator.i}
        if negator.head is not negator and negator.head.pos_ in NOMINAL_HEADS:
            return _phrase(negator.head) - {negator.i}
    head = negator.head
    if head is negator:
        return {t.i for t in negator.subtree if t.i > negator.i}
    return {i for i in _phrase(head) if i > negator.i or i == head.i} - {negator.i}
