"""Name rules on top of any model's entities (``newscorp_names``, before the entity rules).

In order:
- words that annotated corpora use mostly outside names ("Natur", "Kraft") are trimmed off the
  start of an entity ("Firma Hachez" -> "Hachez"); an entity of nothing else is dropped, and
  so is a lone role word ("US-Außenminister");
- a name the corpora label consistently gets that label (``name_labels.tsv``: "Hachez" ORG,
  "Euro" MISC), else a multi-word name takes its last word's label (``label_tails.tsv``:
  "... GmbH" ORG); known names are added where the model found nothing;
- a known first name followed by capitalised name words is a person ("Kerstin Holm",
  "Ursula von der Leyen"): added, relabelled, or a model PER span extended by its first name;
  it stops before known places and the model's other multi-word entities, and is no person
  when its last word ends organisation or place names ("Dave Matthews Band");
- a proper noun right after a role word is a person ("Botschafter Ostrowski").

Word lists: newscorp/data, built by training/name_lists.py (provenance in NOTICE).
"""

from __future__ import annotations

from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newscorp.pipeline.lexicons import common_nouns, data_lines, gazetteer, is_role

# lowercase particles inside names: "Giacomo della Porta", "Ursula von der Leyen"
PARTICLES = frozenset("von van vom de del della di da dos du bin ibn ten".split())
# articles only after a particle: "von der Leyen", "van den Berg"
ARTICLES = frozenset("der den".split())


@cache
def places() -> frozenset[str]:
    """Names of newscorp's gazetteer of places and organisations."""
    return frozenset(name for _, name in gazetteer())


@cache
def first_names() -> frozenset[str]:
    """Known first names (first_names.txt) that are not also places or organisations."""
    return frozenset(data_lines("first_names.txt")) - places()


@cache
def nonnames() -> frozenset[str]:
    """Capitalised words used mostly outside names (nonnames.txt and common_nouns.txt)."""
    return frozenset(data_lines("nonnames.txt")) | common_nouns()


@cache
def name_tails() -> frozenset[str]:
    """Last words of place/organisation names never seen in a person's (name_tails.txt)."""
    return frozenset(data_lines("name_tails.txt"))


# parts of speech that never continue a person's name ("Patrick von Brunn | Auf ..."); of the
# closed classes only real function words (stop words): taggers give unknown capitalised
# names such tags ("Elshorst" ADV)
NOT_NAME = frozenset({"ADP", "DET", "PRON", "ADV", "CCONJ", "SCONJ", "AUX", "VERB", "PART", "ADJ"})
OPEN_CLASS = frozenset({"AUX", "VERB", "ADJ"})


def _name_word(doc: Doc, i: int, first: int) -> bool:
    """A capitalised word that can continue the person's name starting at ``first``."""
    tok = doc[i]
    text = tok.text
    if not (
        text[:1].isupper()
        and len(text) > 1
        and text.replace("-", "").replace("'", "").isalpha()
        and not text.isupper()
    ):
        return False
    if text in nonnames() or is_role(text) or (tok.is_sent_start and doc[i - 1].is_punct):
        return False
    if text in first_names():
        return True  # "Hans Dietrich Genscher", whatever the tagger says
    if tok.pos_ in NOT_NAME and (tok.pos_ in OPEN_CLASS or tok.lower_ in STOP_WORDS):
        return False  # an unknown surname tagged as a function word stays: "Hansjörg Elshorst"
    # "Heidi Klums Modelsuche": a noun after a genitive ends the name
    return not (i - 1 > first and doc[i - 1].text.endswith("s") and tok.pos_ == "NOUN")


def _person_end(doc: Doc, i: int, owner: dict[int, Span]) -> int:
    """End of the person name that starts with first name ``doc[i]``, or ``i`` if none.

    The name stops before the model's other multi-word entities and known places; it is no
    person when its last word ends place or organisation names ("Dave Matthews Band")."""
    known_places = places()
    end = i + 1
    j = i + 1
    while j < len(doc):
        span = owner.get(j)
        if span is not None and span.start == j and span.label_ != "PER" and len(span) > 1:
            break
        if doc[j].text in known_places:
            break
        if _name_word(doc, j, i):
            end = j = j + 1
        elif j + 1 < len(doc) and (
            doc[j].text in PARTICLES or doc[j].text in ARTICLES and doc[j - 1].text in PARTICLES
        ):
            j += 1
        else:
            break
    if end == i + 1 or doc[end - 1].text in name_tails():
        return i
    return end


def _known(span: Span) -> bool:
    return span.text in places()


def _persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """Add, extend and relabel person names that start with a known first name."""
    names = first_names()
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.text not in names or (
            i > 0
            and doc[i - 1].text[:1].isupper()
            and i - 1 in owner
            and owner[i - 1].label_ != "PER"
        ):
            i += 1
            continue
        end = _person_end(doc, i, owner)
        if end == i:
            i += 1
            continue
        hit = {owner[k] for k in range(i, end) if k in owner}
        if all(e.start >= i and e.end <= end or e.label_ == "PER" for e in hit):
            start = min([i] + [e.start for e in hit if e.label_ == "PER"])
            stop = max([end] + [e.end for e in hit])
            ents = [e for e in ents if e not in hit]
            person = Span(doc, start, stop, label="PER")
            ents.append(person)
            for k in range(start, stop):
                owner[k] = person
        i = end
    return ents


def _after_roles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A proper noun right after a role word is a person ("Umweltminister Sigmar Gabriel")
    where the model found nothing, and so is a lone unknown name it gave another label
    ("Botschafter Ostrowski" as LOC); a word between a role and a person's name belongs
    to the name ("Experten Ankit Panda" with only "Panda" found)."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    new = []
    for tok in doc[:-1]:
        i = tok.i + 1
        if not (tok.text[:1].isupper() and doc[i].text[:1].isupper() and is_role(tok.text)):
            continue
        if i in taken:  # "Botschafter Ostrowski" tagged LOC: a person
            ent = next(e for e in ents if e.start <= i < e.end)
            if (
                len(ent) == 1
                and ent.label_ != "PER"
                and not _known(ent)
                and ent.text not in name_labels()
                and _name_word(doc, i, i)
            ):
                ents = [e for e in ents if e is not ent]
                new.append(Span(doc, i, i + 1, label="PER"))
            continue
        nxt = next((e for e in ents if e.start == i + 1), None)
        if nxt is not None and nxt.label_ == "PER" and _name_word(doc, i, i):
            # "Nordkorea-Experten Ankit Panda" with only "Panda" found: the word between
            # the role and the person's name is the first name
            ents = [e for e in ents if e is not nxt]
            new.append(Span(doc, i, nxt.end, label="PER"))
            continue
        if not (doc[i].pos_ == "PROPN" or doc[i].text in first_names()):
            continue
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and _name_word(doc, end, i):
            end += 1
        if end > i and doc[end - 1].text not in name_tails():
            new.append(Span(doc, i, end, label="PER"))
    return ents + new


def _trim(span: Span) -> Span | None:
    """Drop leading words used mostly outside names; None when nothing name-like is left."""
    words = nonnames()
    start = span.start
    doc = span.doc
    while start < span.end and (doc[start].text in words or is_role(doc[start].text)):
        start += 1
    if start == span.end:
        return span if _known(span) or any(c.isdigit() for c in span.text) else None
    if start == span.start:
        return span
    rest = doc[start : span.end]
    if not rest.text[:1].isupper() or len(rest.text) < 3:
        return span
    return Span(doc, start, span.end, label=span.label_)


@cache
def name_labels() -> dict[str, str]:
    """Names annotated corpora label consistently (name_labels.tsv): name -> label."""
    pairs = (line.split("\t", 1) for line in data_lines("name_labels.tsv"))
    return {name: label for label, name in pairs}


@cache
def label_tails() -> dict[str, str]:
    """Last words that end names of one label ("GmbH", "Straße"), known places left out."""
    pairs = (line.split("\t", 1) for line in data_lines("label_tails.tsv"))
    known = name_labels()
    return {w: label for label, w in pairs if w not in places() and known.get(w, label) == label}


def _relabel(span: Span) -> Span:
    label = name_labels().get(span.text)
    if label is None and len(span) > 1:
        label = label_tails().get(span[-1].text)
    if label and label != span.label_:
        return Span(span.doc, span.start, span.end, label=label)
    return span


@cache
def _known_lengths() -> dict[str, int]:
    """First word of each known name -> the most words a known name starting with it has."""
    lengths: dict[str, int] = {}
    for name in name_labels():
        words = name.split()
        lengths[words[0]] = max(lengths.get(words[0], 0), len(words))
    return lengths


def _add_known(doc: Doc, ents: list[Span]) -> list[Span]:
    """Known names where the model found nothing, longest first."""
    labels = name_labels()
    lengths = _known_lengths()
    taken = {k for e in ents for k in range(e.start, e.end)}
    new = []
    i = 0
    while i < len(doc):
        longest = lengths.get(doc[i].text, 0) if i not in taken else 0
        step = 1
        for n in range(min(longest, len(doc) - i), 0, -1):
            label = labels.get(doc[i : i + n].text)
            if label and not any(k in taken for k in range(i, i + n)):
                new.append(Span(doc, i, i + n, label=label))
                step = n
                break
        i += step
    return ents + new


def name_rules(doc: Doc) -> Doc:
    """Apply the person and non-name rules to ``doc.ents``."""
    from newscorp.pipeline.components import LABEL_MAP  # "PERSON", "OTH" of other models

    ents = [
        Span(doc, e.start, e.end, label=LABEL_MAP[e.label_]) if e.label_ in LABEL_MAP else e
        for e in doc.ents
    ]
    ents = [_relabel(t) for t in (_trim(e) for e in ents) if t is not None]
    ents = _add_known(doc, ents)
    ents = _persons(doc, ents)
    ents = _after_roles(doc, ents)
    doc.ents = filter_spans(ents)
    return doc


@Language.component("newscorp_names")
def names_component(doc: Doc) -> Doc:
    """Component wrapper around :func:`name_rules`."""
    return name_rules(doc)
