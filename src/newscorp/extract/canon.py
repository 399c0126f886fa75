"""Canonical entity names: inflection removed, short forms linked to full names.

Within a document a one-word PER name ("Trump", "Trumps") is linked to the one full name
that ends or starts with it ("Donald Trump"; "Kim" -> "Kim Jong Un" only when no other full
name starts with "Kim"). Across a corpus a lone surname is linked only to a full name that is
unique in the whole corpus; two full names are never merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from newscorp.pipeline.lexicons import (
    CAPITAL_PARTICLES,
    NOUN_ENDINGS,
    PARTICLES,
    common_nouns,
    demonym_place,
    gazetteer,
    gazetteer_labels,
    geo_names,
    is_role,
    plain_nouns,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# strong nominative adjective endings by the head noun's gender ("Weißes Haus", "Roter Platz")
STRONG_ENDING = {"Neut": "es", "Masc": "er", "Fem": "e"}
ADJ_ENDINGS = ("es", "en", "em", "er", "e")


def adjective_stem(word: str) -> str:
    """An adjective without its inflectional ending ("russischen" -> "russisch")."""
    for ending in ADJ_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def is_place_adjective(word: str) -> bool:
    """A capitalised adjective in -er ("Salzburger", "Berliner"): a place adjective, which
    never inflects, or already a strong nominative ("Roter Platz"); either way as written."""
    return word[:1].isupper() and word.endswith("er") and len(word) > 4


def is_plural(noun: Token) -> bool:
    """Is the noun plural by its morphology, unless it is a common noun and an article of its
    own says singular ("Der … zuständige Koordinator" with "Koordinator" analysed as a
    plural)?"""
    if "Plur" not in noun.morph.get("Number"):
        return False
    if noun.pos_ != "NOUN":
        return True
    articles = [c for c in noun.lefts if c.pos_ == "DET"]
    return not any(c.morph.get("Number") == ["Sing"] for c in articles)


def adjective_noun_nominative(adjective: Token, noun: Token) -> list[str]:
    """The nominative of a name made of an adjective and a noun: "des russischen
    Außenministeriums" -> Russisches Außenministerium, "der Vereinten Nationen" -> Vereinte
    Nationen, "des Frankfurter Flughafens" -> Frankfurter Flughafen, "der Salzburger
    Nachrichten" -> Salzburger Nachrichten (a plural head keeps its form); [] when the
    head's gender and number are unknown, the first word has no adjective ending or is cut
    before a hyphen."""
    if adjective.text.endswith("-"):
        return []  # a word cut before a hyphen ("Mecklenburg- Vorpommern") never inflects
    if adjective_stem(adjective.text) == adjective.text:
        return []  # no adjective ending: a noun the tagger called one ("Radio Arabella")
    plural = is_plural(noun)
    gender = noun.morph.get("Gender")
    if not plural and not (gender and gender[0] in STRONG_ENDING):
        return []
    if plural:
        head = noun.text
    else:
        head = noun.lemma_ if noun.lemma_[:1].isupper() else noun.text
    if is_place_adjective(adjective.text):
        adj = adjective.text
    else:
        stem = adjective_stem(adjective.text)
        adj = stem[:1].upper() + stem[1:] + ("e" if plural else STRONG_ENDING[gender[0]])
    return [adj, head]


ATTRIBUTE_PREPOSITIONS = frozenset("für von vom zur zum in im am an auf aus bei gegen über".split())
"""Prepositions that open a name's attribute ("Zentrum für Infektionsforschung")."""

FEMININE_ARTICLES = frozenset({"der", "einer"})
"""Articles before a name that is feminine (or plural) when in the genitive: its -s is its own."""


def base_form(span: Span) -> str:
    """The nominative, uninflected form of an entity mention as the pipeline sees it."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return span.text
    words = [t.text for t in tokens]
    last = tokens[-1]
    if (
        span.label_ in {"ORG", "LOC"}
        and len(tokens) == 1
        and last.pos_ == "NOUN"
        and last.lemma_[:1].isupper()
        and last.text != last.lemma_
        and last.text.startswith(last.lemma_)
        and _noun_ending(last.text, last.lemma_)
        and name_key(last.text) not in gazetteer_names()  # "Neos" is no plural of "Neo"
    ):
        return last.lemma_  # "Außenministeriums" -> "Außenministerium"
    # no morphology: genitive unless the tagger took the word for a function word, which it
    # only does for unknown names ("Sanders" tagged ADV has no case)
    genitive = "Case=Gen" in str(last.morph) or (
        not str(last.morph) and last.pos_ in {"", "PROPN", "NOUN", "X"}
    )
    if genitive and span.label_ == "PER" and last.pos_ and not _genitive_position(span):
        genitive = False  # "Vatikansprecher Navarro-Valls sagte", "von Charles Dickens"
    if span.start > 0 and span.doc[span.start - 1].lower_ in FEMININE_ARTICLES:
        genitive = False  # "der Caritas", "einer Dallas": a feminine name has no genitive -s
    if (
        span.label_ == "LOC"
        and len(tokens) == 1
        and _genitive_of_place(last.text)
        and not _after_dative_preposition(span)
    ):
        return last.text[:-1]  # "Präsident Ugandas" (morphology: nominative) -> Uganda
    known_place = span.label_ == "LOC" and len(tokens) > 1 and " ".join(words) in geo_names()
    if span.label_ in {"PER", "LOC"} and len(last.text) > 3 and genitive and not known_place:
        words[-1] = without_genitive_s(last.text)  # not "Le Mans" -> "Le Man"
    elif span.label_ in {"ORG", "LOC", "MISC"} and len(tokens) == 2 and tokens[0].pos_ == "ADJ":
        words = adjective_noun_nominative(tokens[0], tokens[1]) or words
    elif span.label_ in {"ORG", "LOC", "MISC"} and len(tokens) > 2 and tokens[0].pos_ == "ADJ":
        words = _adjectives_nominative(tokens) or words
    text = " ".join(words)
    return text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def _adjectives_nominative(tokens: list[Token]) -> list[str]:
    """The nominative of a name of inflected adjectives (-en) and a noun, with the noun's
    attribute after it as it stands ("der Passauer Neuen Presse" -> Passauer Neue Presse,
    "der Syrischen Beobachtungsstelle für Menschenrechte" -> Syrische Beobachtungsstelle für
    Menschenrechte); [] when an adjective's nominative is unknown, an adjective has another
    ending ("Österreichisches Museum für Volkskunde" stays) or no German preposition follows
    the noun."""
    head = next((k for k, t in enumerate(tokens) if t.pos_ != "ADJ"), len(tokens))
    if head == len(tokens) or tokens[head].pos_ not in {"NOUN", "PROPN"}:
        return []
    if head + 1 < len(tokens) and tokens[head + 1].lower_ not in ATTRIBUTE_PREPOSITIONS:
        return []
    if not all(t.text.endswith("en") or is_place_adjective(t.text) for t in tokens[:head]):
        return []
    words = [t.text for t in tokens]
    for k in range(head):
        nominative = adjective_noun_nominative(tokens[k], tokens[head])
        if not nominative:
            return []
        words[k], words[head] = nominative
    return words


def _noun_ending(word: str, lemma: str) -> bool:
    """Whether ``word`` is ``lemma`` with a genitive "s"/"es" or with a plural ending of a
    noun the corpora or, for words of five letters or more, the dictionary list
    ("US-Regierungen" -> "US-Regierung"; not "Volkswagen" -> "Volkswage", "Stern" -> "Ster",
    a unit of wood)."""
    if word[len(lemma) :] in {"s", "es"}:
        return True
    noun = lemma.rsplit("-", 1)[-1]
    return noun in common_nouns() or len(noun) > 4 and noun in plain_nouns()


def without_genitive_s(name: str) -> str:
    """A name without its genitive -s ("Trumps" -> Trump); names in -ss, -us, -is, -os and
    after a sibilant keep it ("Jones", "Marx")."""
    if name.endswith("s") and not name.endswith(("ss", "us", "is", "os")):
        if name[-2:-1].isalpha() and name[-2] not in "sxzß":
            return name[:-1]
    return name


def _genitive_position(span: Span) -> bool:
    """Does a tagged name stand where a genitive does: before a noun ("Merkels Rede",
    "Obamas erster Auftritt"), after one ("die Rede Merkels", "der Sprecher Obamas",
    "die Rede Präsident Obamas") or after a genitive article ("des jungen Players")? A title
    without an article before the name is an apposition ("sagte Vatikansprecher
    Navarro-Valls")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ in {"NOUN", "ADJ"}:
        return True
    k = span.start - 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1
    if k >= 0 and doc[k].lower_ in {"des", "eines"}:
        return True  # "des jungen Players"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.pos_ != "NOUN":
        return False
    if not is_role(before.text):
        return True
    ahead = doc[before.i - 1] if before.i > 0 else None
    return ahead is not None and ahead.pos_ in {"DET", "ADJ", "NOUN"}


GENITIVE_PREPOSITIONS = frozenset(
    "wegen trotz während statt anstatt innerhalb außerhalb oberhalb unterhalb angesichts "
    "aufgrund infolge mittels nördlich südlich östlich westlich".split()
)
"""Prepositions that govern the genitive ("wegen Ugandas", "nördlich Kabuls")."""


def _after_dative_preposition(span: Span) -> bool:
    """Does a preposition that takes no genitive stand right before ``span``, and no noun
    follows it ("in Patras", "nach Indianapolis"; not "mit Ägyptens Präsident")? Such a
    name is no genitive."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.pos_ != "ADP" or before.lower_ in GENITIVE_PREPOSITIONS:
        return False
    return span.end >= len(doc) or doc[span.end].pos_ not in {"NOUN", "PROPN", "ADJ"}


def _genitive_of_place(word: str) -> bool:
    """Is ``word`` a known place name with a genitive -s ("Ugandas", "Hanois"), the place
    known without it and not with it ("Paris", "Los Angeles" stay)?"""
    if len(word) < 4 or not word.endswith("s"):
        return False
    return _is_place(word[:-1]) and not _is_place(word)


def _is_place(word: str) -> bool:
    """A place of the gazetteer or a GeoNames city (both looked up where they are)."""
    return word in geo_names() or gazetteer_labels().get(word) == "LOC"


def role_form(text: str, lemma: str) -> str:
    """A role word without its case or number ending, when its lemma is the word less such
    an ending ("des Anwalts" -> Anwalt, "Vorsitzenden" -> Vorsitzende; "Vorsitzende",
    whose lemma may be "Vorsitzend", stays as written)."""
    if lemma[:1].isupper() and text.startswith(lemma) and text[len(lemma) :] in NOUN_ENDINGS:
        return lemma
    return text


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Inflection-insensitive key of a name: "des Weißen Hauses" ~ "Weißes Haus" ~ "Weiße Haus"."""
    words = []
    for word in text.casefold().replace("-", " ").split():
        if len(word) > 4:
            for ending in ("es", "en", "em", "er", "e", "s", "n"):
                if word.endswith(ending) and len(word) - len(ending) >= 4:
                    word = word[: -len(ending)]
                    break
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, str]:
    """name_key -> the gazetteer's spelling (the first listed form wins)."""
    names: dict[str, str] = {}
    for _label, name in gazetteer():
        names.setdefault(name_key(name), name)
    return names


def link_short_forms(names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map (label, base form) of one document to canonical names (short PER -> full name)."""
    names = list(dict.fromkeys(names))
    full = [n for lab, n in names if lab == "PER" and " " in n]
    mapping: dict[tuple[str, str], str] = {}
    for label, name in names:
        canonical = name
        if label == "PER" and _particle_surname(name):
            candidates = _full_names_ending(name, full)  # "Von der Leyen"
            if len(candidates) == 1:
                canonical = candidates.pop()
        elif label == "PER" and " " not in name and name_key(name) not in gazetteer_names():
            candidates = _full_names_with(name_key(name), full)
            if not candidates and name.endswith("s") and len(name) > 3:
                # a genitive the morphology missed: "die Zusicherung Kims" -> Kim
                candidates = _full_names_with(name_key(name[:-1]), full)
            if len(candidates) == 1:
                canonical = candidates.pop()
        mapping[(label, name)] = canonical
    return mapping


def _particle_surname(name: str) -> bool:
    """A surname with its particles: "von der Leyen", "Van der Bellen", "Di Maio"."""
    first = name.split(" ", 1)[0]
    return " " in name and (first.lower() in PARTICLES or first in CAPITAL_PARTICLES)


def _full_names_ending(name: str, full: list[str]) -> set[str]:
    """The longer full names that end in ``name``, whatever the case of its first letter
    ("Ursula von der Leyen" for "Von der Leyen")."""
    tail = " " + name.casefold()
    return {f for f in full if f.casefold().endswith(tail)}


def _full_names_with(key: str, full: list[str]) -> set[str]:
    """The full names whose last or first word has ``name_key`` ``key``."""
    return {f for f in full if name_key(f.split()[-1]) == key or name_key(f.split()[0]) == key}


def _by_word(index: dict[str, set[str]], word: str) -> set[str]:
    """The full names indexed under ``word``, or under it without a genitive -s."""
    found = set(index.get(word, set()))
    if word.endswith(("s", "'")) and len(word) > 3:
        found |= index.get(word[:-1], set())
    return found


def corpus_links(names: Counter[tuple[str, str]]) -> dict[str, str]:
    """Corpus-wide canonical names.

    Inflected variants with one :func:`name_key` become the gazetteer spelling or the most
    frequent variant ("Nordkoreas" -> "Nordkorea"); then a lone surname becomes the one full
    PER name of the corpus that ends (or, for East Asian names, starts) with it; a GeoNames
    place the pipeline labelled as one stays itself.
    """
    by_key: dict[str, Counter] = defaultdict(Counter)
    for (_label, name), count in names.items():
        by_key[name_key(name)][name] += count
    known = gazetteer_names()
    links: dict[str, str] = {}
    for key, variants in by_key.items():
        best = known.get(key) or max(variants, key=lambda v: (variants[v], -len(v)))
        for variant in variants:
            if variant != best and not demonym_place(variant):  # "Wiener" is not Wien
                links[variant] = best
    merged: Counter = Counter()
    for (label, name), count in names.items():
        merged[(label, links.get(name, name))] += count
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for label, name in merged:
        if label == "PER" and " " in name:
            by_last[name.split()[-1]].add(name)
            by_first[name.split()[0]].add(name)
    full = [name for label, name in merged if label == "PER" and " " in name]
    other_labels: Counter = Counter()  # how often each name has a label other than PER
    for (label, name), count in merged.items():
        if label != "PER":
            other_labels[name] += count
    for label, name in merged:
        if label == "PER" and _particle_surname(name):
            cands = _full_names_ending(name, full)
            if len(cands) == 1:
                links[name] = next(iter(cands))
    for label, name in merged:
        # a one-word name of any label (the NER may call "Trumps" LOC) may be a surname,
        # unless it is a well-known place or organisation; a person's may be the first word
        # of an East Asian name ("Kim"). The word itself, or with a genitive -s: not a word
        # that only shares a stem ("Zoll" is not "Simon Zoller", "EL" not "El Ghazi")
        if (
            " " not in name
            and name[:1].isupper()
            and name_key(name) not in known
            and not (label != "PER" and name in geo_names())  # "Salzburg" LOC: a place
        ):
            cands = _by_word(by_last, name)
            if label == "PER":
                cands |= _by_word(by_first, name)
            if len(cands) == 1:
                person = merged[("PER", name)] + merged[("PER", next(iter(cands)))]
                if person < other_labels[name]:
                    cands = set()  # "Apple" (ORG 93 times) is not "Mentor von Apple"
            if len(cands) == 1:
                target = next(iter(cands))
                links[name] = target
                for variant, to in list(links.items()):
                    if to == name:
                        links[variant] = target
    return links
