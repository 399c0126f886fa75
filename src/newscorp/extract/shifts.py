"""Context weights for polar words: quoted speech, Konjunktiv and polarity shifters.

Applied by ``sentiment.polar_words`` after negation and scaling, only to the polar words of a
token sequence (so the cost grows with polar words, not with tokens):

- **Quoted speech**: a polar word between a pair of double quotation marks („…“ "…" «…» »…«)
  inside the scored sequence, when the quotation holds more than ``SCARE_QUOTE_MAX`` tokens, counts
  ``QUOTE_FACTOR``: GerNTSA's annotators rate the report's tone, and a quoted opinion is someone
  else's. Short quotations are scare quotes or titles and keep their full weight. A quotation
  scored on its own (its marks outside the sequence, as ``sentiment --by quote`` does) is
  unaffected.
- **Konjunktiv**: a polar word in a clause (the tokens between punctuation marks) with a
  verb marked ``Mood=Sub`` ("wäre", "könnte", "sei", "würde") counts
  ``SUBJUNCTIVE_FACTOR``: a hypothetical or reported claim is weaker.
- **Shifters** (``[shifters]`` in ``sentiment_modifiers.txt``): a polar object of a verb or
  noun that ends, prevents or removes something ("die Krise überwinden", "Kampf gegen
  Korruption", "Schutz vor Infektionen") has its sign inverted, and the shifter's own polarity
  is dropped: the pair says one thing, the object's opposite. Needs a dependency parse.

Measured on GerNTSA dev (5-fold × 10 seeds, held-out macro-F1 by text): docs/sentiment.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTE_FACTOR = 0.3
"""Weight of a polar word inside a quotation of more than SCARE_QUOTE_MAX tokens."""

SCARE_QUOTE_MAX = 3
"""Longest quotation (in tokens between the marks) treated as scare quotes or a title."""

SUBJUNCTIVE_FACTOR = 0.6
"""Weight of a polar word in a Konjunktiv clause."""

CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "–", "—", "…"})
"""Punctuation that ends a clause for the Konjunktiv weight."""

OPENING = frozenset({"„", "«", "»", '"', "“"})
CLOSING = {"„": {"“", '"', "”"}, "«": {"»"}, "»": {"«"}, '"': {'"', "“", "”"}, "“": {"”", '"'}}
_VERBAL = frozenset({"VERB", "AUX"})
# dependents that are a shifter's object: UD (obj, iobj, nsubj:pass, nmod, obl) and TIGER
# (oa accusative, da dative, og genitive, ag genitive attribute, op prepositional, pg von-phrase)
OBJECT_DEPS = frozenset(
    {"obj", "iobj", "nsubj:pass", "nmod", "obl", "oa", "da", "og", "ag", "op", "pg"}
)
_PREPOSITION_POS = frozenset({"ADP"})


def quoted(tokens: Sequence[Token]) -> set[int]:
    """Document indices of the tokens inside quotations longer than SCARE_QUOTE_MAX tokens.

    Marks pair up in order within ``tokens``: an opening mark, then the first mark that can
    close it. An opening mark without a closing one in the sequence quotes nothing.
    """
    inside: set[int] = set()
    k = 0
    while k < len(tokens):
        mark = tokens[k].text
        if mark in OPENING:
            closers = CLOSING[mark]
            end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text in closers), None)
            if end is None:
                k += 1
                continue
            if end - k - 1 > SCARE_QUOTE_MAX:
                inside.update(t.i for t in tokens[k + 1 : end])
            k = end + 1
            continue
        k += 1
    return inside


def konjunktiv_clauses(tokens: Sequence[Token]) -> set[int]:
    """Document indices of the tokens of every clause in ``tokens`` that holds a Konjunktiv
    verb (``Mood=Sub``): a clause is a run of tokens between punctuation marks that end one
    (``CLAUSE_MARKS``: "Die Arbeiten seien kein Spaziergang und neben der Gefahr sehr
    anstrengend, sagte er" marks everything before the comma). The tokens between marks,
    not the parse: a parser that hangs "seien" on another word must not move the weight."""
    from spacy.symbols import AUX, VERB  # by id: reading pos_ builds a string

    ends = [t.text in CLAUSE_MARKS for t in tokens]
    verbs = [t.pos in (VERB, AUX) for t in tokens]
    memo: dict[int, bool] = {}
    return {
        t.i
        for k, t in enumerate(tokens)
        if not ends[k] and in_konjunktiv_clause(tokens, k, ends, verbs, memo)
    }


def in_konjunktiv_clause(
    tokens: Sequence[Token],
    k: int,
    ends: Sequence[bool],
    verbs: Sequence[bool],
    memo: dict[int, bool],
) -> bool:
    """Whether the clause of ``tokens[k]`` (the tokens between ``CLAUSE_MARKS``) holds a verb
    marked ``Mood=Sub``. ``ends``/``verbs``: per token, whether it is one of the marks / a
    VERB or AUX; ``memo``: the answers by clause start, shared by the calls on ``tokens``."""
    start = k
    while start > 0 and not ends[start - 1]:
        start -= 1
    found = memo.get(start)
    if found is None:
        end = k
        while end < len(tokens) and not ends[end]:
            end += 1
        verb_at = [j for j in range(start, end) if verbs[j]]
        found = False
        if verb_at:  # imported only for a clause with a verb (cues loads spaCy)
            from newscorp.extract.cues import morph_features

            found = any("Sub" in morph_features(tokens[j]).get("Mood", ()) for j in verb_at)
        memo[start] = found
    return found


def subjunctive(token: Token, clauses: set[int]) -> bool:
    """True when ``token`` is in ``clauses`` (``konjunktiv_clauses``): its clause is in the
    Konjunktiv."""
    return token.i in clauses


def shifter_of(token: Token, shifters: Mapping[str, frozenset[str]]) -> Token | None:
    """The shifter that governs ``token`` as its object, or None.

    ``shifters`` maps a lemma to the prepositions its object must carry (empty: any object,
    e.g. a verb's accusative or a noun's genitive; "Kampf" → {"gegen"}, "Schutz" → {"vor"}).
    """
    if token.dep_ not in OBJECT_DEPS:  # (read before the head: most words are no object)
        return None
    head = token.head
    if head is token:
        return None
    preps = shifters.get(head.lemma_)
    if preps is None:
        return None
    case = {c.lower_ for c in token.children if c.pos_ in _PREPOSITION_POS}
    if preps and not case & preps:
        return None
    return head
