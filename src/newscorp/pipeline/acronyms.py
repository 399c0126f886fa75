"""Names written out next to their acronym: "Internationale Organisation für Migration (IOM)".

News introduce an organisation by its full name with the acronym in parentheses after it
(or by the acronym with the full name in parentheses: "UETD (Union of European Turkish
Democrats)").
The models often find only the acronym, or a part of the long form. The long form is found
as in Schwartz & Hearst (2003): the shortest run of capitalised words (and the small words
between them, "für", "der", "of") right before the parenthesis whose words, in order, give
the acronym's letters: each capitalised word (or hyphenated part) opens with the next letter
and may give more letters from inside it ("Deutscher Gewerkschaftsbund" → D, G, B).
Umlauts count as two letters ("Österreichische Volkspartei (ÖVP)", "OERAK").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newscorp.pipeline.names import is_first_name, token_texts

LINK_WORDS = frozenset(
    "für der des den dem die und von vom zur zum im in am an auf "
    "de del della di du la le les et of for the and on".split()
)
"""Small words inside organisations' long forms; they may give a letter ("AfD")."""
LONG_FORM_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "X"})
MAX_LONG_FORM = 10
"""Tokens a long form may have at most."""
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def defined_acronym(text: str) -> bool:
    """Two to six capital letters ("IOM", "ÖVP"; not "A", "USAF-Basis")."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _letters(text: str) -> str:
    return text.lower().translate(_UMLAUTS)


def _parts(tokens: Span) -> list[tuple[str, bool]] | None:
    """(letters, is a link word) of each word or hyphenated part; None if a token can be no
    part of a name."""
    parts = []
    for tok in tokens:
        if tok.lower_ in LINK_WORDS and not tok.text[:1].isupper():
            parts.append((_letters(tok.text), True))
            continue
        if not tok.text[:1].isupper() or tok.pos_ not in LONG_FORM_TAGS:
            return None
        for piece in tok.text.split("-"):
            if piece:
                parts.append((_letters(piece), not piece[:1].isupper()))
    return parts


def _spells(parts: list[tuple[str, bool]], letters: str) -> bool:
    """Whether the parts, in order, give ``letters``: each capitalised part its first letter
    and maybe more from inside it, a link word nothing or its first letter."""

    def match(p: int, a: int) -> bool:
        if p == len(parts):
            return a == len(letters)
        word, link = parts[p]
        if link and match(p + 1, a):
            return True
        if a == len(letters) or word[:1] != letters[a]:
            return False
        a, pos = a + 1, 1
        if match(p + 1, a):
            return True
        while a < len(letters):  # more letters from inside the word
            pos = word.find(letters[a], pos) + 1
            if not pos:
                return False
            a += 1
            if match(p + 1, a):
                return True
        return False

    return match(0, 0)


def long_form_start(doc: Doc, paren: int, acronym: str) -> int | None:
    """Start of the shortest long form of ``acronym`` ending before the token ``paren``, or
    None."""
    letters = _letters(acronym)
    for start in range(paren - 1, max(-1, paren - 1 - MAX_LONG_FORM), -1):
        tok = doc[start]
        if tok.lower_ in LINK_WORDS and not tok.text[:1].isupper():
            continue  # a long form opens with a capitalised word
        parts = _parts(doc[start:paren])
        if parts is None:
            return None
        if _spells(parts, letters):
            return start
    return None


def _long_form_after(doc: Doc, paren: int, acronym: str) -> int | None:
    """End of a long form of ``acronym`` filling the parentheses that open at ``paren``
    ("UETD (Union of European Turkish Democrats)"), or None."""
    for close in range(paren + 2, min(len(doc), paren + 2 + MAX_LONG_FORM)):
        if doc[close].text == ")":
            parts = _parts(doc[paren + 1 : close])
            if parts is not None and doc[paren + 1].text[:1].isupper():
                return close if _spells(parts, _letters(acronym)) else None
            return None
    return None


def _person(ent: Span) -> bool:
    """A person opening with a first name ("Sebastian Pfeiffer"; not "World Wide Developers
    Conference", which the model took for a person)."""
    return ent.label_ == "PER" and is_first_name(ent[0].text)


def defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """Each long form before its acronym in parentheses (or in parentheses after it) is one
    entity with the acronym's label, and the acronym one with the long form's, where
    either is an entity already; a person named by a first name inside makes it no long
    form ("Sebastian Pfeiffer (SP)"), and a one-word long form must be an entity already (not
    "Bruttoinlandsprodukt (BIP)")."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    drop: set[Span] = set()
    add: list[Span] = []
    texts = token_texts(doc)
    for paren in range(1, len(doc) - 2):
        if texts[paren] != "(":
            continue
        if doc[paren + 2].text == ")" and defined_acronym(doc[paren + 1].text):
            acronym = paren + 1  # "Internationale Organisation für Migration (IOM)"
            start = long_form_start(doc, paren, doc[acronym].text)
            long_form = None if start is None else (start, paren)
        elif defined_acronym(doc[paren - 1].text):
            acronym = paren - 1  # "UETD (Union of European Turkish Democrats)"
            end = _long_form_after(doc, paren, doc[acronym].text)
            long_form = None if end is None else (paren + 1, end)
        else:
            continue
        if long_form is None:
            continue
        start, end = long_form
        inside = {at[i] for i in range(start, end) if i in at}
        own = at.get(acronym)
        if (
            not (own or inside)
            or any(_person(e) or e.start < start or e.end > end for e in inside)
            or (end - start == 1 and not inside)
        ):
            continue
        label = own.label_ if own else max(inside, key=len).label_
        drop |= inside
        add.append(Span(doc, start, end, label=label))
        if own is None:
            add.append(Span(doc, acronym, acronym + 1, label=label))
    if not add:
        return ents
    return sorted([e for e in ents if e not in drop] + add, key=lambda e: e.start)
