"""Interview turns: "STANDARD: … Hofer: Nein. Denn ich bin …" in news interviews.

A turn opens with a name of one to three capitalised words and a colon at the start of a
sentence or line. A document is an interview when two names open turns at least twice each;
the turns of a person (a PER entity of the document or its last word, or a name that is no
common word) are that person's words, up to the next turn. Questions ("STANDARD:",
"Frage:") and one-off colons ("Tore:", "Fazit:") are no turns of anybody.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscorp.pipeline.lexicons import known_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_TURNS = 2
"""Turns each of two names must open before a text counts as an interview."""

MAX_NAME_WORDS = 3
BOUNDARIES = frozenset({".", "?", "!", "…", "“", '"', "«", "»", ")"})
"""Tokens after which a turn may open (besides the text's start and a line break)."""


@dataclass(frozen=True)
class Turn:
    """One answer in an interview: the speaker's name (tokens) and the answer's characters."""

    name: Span
    start: int
    end: int


def _opens_turn(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    before = doc[i - 1]
    return before.text in BOUNDARIES or before.is_space or "\n" in before.whitespace_


def _marker(doc: Doc, i: int) -> int | None:
    """The colon's index when a turn's name starts at token i ("Hofer", "Van der Bellen")."""
    if not (doc[i].text[:1].isupper() and _opens_turn(doc, i)):
        return None
    for k in range(i + 1, min(i + MAX_NAME_WORDS + 1, len(doc) - 1)):
        if doc[k].text == ":":
            return k
        word = doc[k].text
        if not (word[:1].isupper() or word in {"der", "den", "von", "van", "de"}):
            return None
    return None


def _colons(doc: Doc) -> list[int]:
    """Indices of the colon tokens (read from the ORTH array: no Token objects), or [] when
    there are too few for two names to open turns twice each."""
    from spacy.attrs import ORTH

    orth = doc.to_array(ORTH)
    colons = (orth == doc.vocab.strings[":"]).nonzero()[0].tolist()
    return colons if len(colons) >= 2 * MIN_TURNS else []


def _speakers(doc: Doc, names: set[str]) -> set[str]:
    """The names among ``names`` that stand for persons: PER entities of the document and
    their last words, and names that are no common word and not written in capitals (the
    model may take "Hofer" for the supermarket; "STANDARD:" and "Frage:" ask)."""
    persons = set()
    for ent in doc.ents:
        if ent.label_ == "PER":
            persons.add(ent.text)
            persons.add(ent[-1].text)
    words = known_words()
    return {n for n in names if n in persons or not n.isupper() and n.lower() not in words}


@dataclass(frozen=True)
class Interview:
    """The turns of an interview: the persons' answers, and every name that opens turns."""

    turns: tuple[Turn, ...]
    names: frozenset[str]


def interview(doc: Doc) -> Interview | None:
    """The answers of the persons interviewed in ``doc``, in text order; None for a text
    that is no interview."""
    markers = []  # (name start, colon index, name)
    after = 0  # the first token a turn's name may start at (after the last turn's colon)
    for colon in _colons(doc):
        for i in range(max(after, colon - MAX_NAME_WORDS), colon):
            if _marker(doc, i) == colon and colon + 1 < len(doc):
                markers.append((i, colon, doc[i:colon].text))
                after = colon + 1
                break
    counts = Counter(name for _, _, name in markers)
    repeated = {name for name, n in counts.items() if n >= MIN_TURNS}
    if len(repeated) < 2:
        return None
    persons = _speakers(doc, repeated)
    turns = [m for m in markers if m[2] in repeated]
    out = []
    for k, (start, colon, name) in enumerate(turns):
        if name not in persons:
            continue
        end = turns[k + 1][0] if k + 1 < len(turns) else len(doc)
        first, last = doc[colon + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if last > first:
            out.append(Turn(doc[start:colon], first, last))
    return Interview(tuple(out), frozenset(repeated)) if out else None
