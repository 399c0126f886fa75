"""Rule layers that run on top of any German pipeline (bundled or de_core_news_sm).

- ``newscorp_gazetteer``: frequent places/organisations where the model found nothing.
- ``newscorp_entity_rules``: titles and roles are not part of a PER name ("US-Präsident
  Donald Trump" -> "Donald Trump", role kept in ``doc.spans["roles"]``); dates, numbers and
  lowercase fragments are never entities.
- ``newscorp_lemmas``: lemma repair from a lookup table (``pipeline/lemmas.py``).
- ``newscorp_auxiliaries``: with a UD parser, "sein", "haben", "werden" and the modals are
  AUX as auxiliaries and copulas and VERB otherwise, as UD defines them.
- ``newscorp_proper_nouns``: a noun inside a person or place name is a proper noun, a
  proper noun outside every name that is only ever a common noun is a noun.
- ``newscorp_mood``: Konjunktiv forms get ``Mood=Sub`` (rules in ``pipeline/mood.py``).
- a sentencizer when the pipeline has no parser or senter.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import get_type_hints

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IS_ALPHA,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.errors import Errors
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import filter_spans

from newscorp.corpus.metadata import NOT_DATELINE_WORDS
from newscorp.pipeline.acronyms import defined_acronyms
from newscorp.pipeline.lemmas import (
    OPEN_CLASS,
    lemma_table,
    repaired_lemma,
    verb_lemma_of_e_form,
)
from newscorp.pipeline.lexicons import (
    ARABIC_ARTICLES,
    CAPITAL_PARTICLES,
    COMPOUND_MEDIA_HEADS,
    MEDIA_HEADS,
    MONTHS,
    PARTICLES,
    TIME_ZONES,
    WEEKDAYS,
    common_nouns,
    compound_head,
    compound_noun,
    cue_key,
    de_words,
    demonym_place,
    entity_heads,
    gazetteer,
    gazetteer_labels,
    genitive_forms,
    geo_names,
    is_role,
    known_words,
    label_cues,
    plain_nouns,
)
from newscorp.pipeline.mood import (
    KONJUNKTIV_ONE,
    KONJUNKTIV_TWO,
    OPENING_MARKS,
    VERB_POS,
    drop_mood,
    is_indicative,
    konjunktiv_tense,
    mistagged_finite,
    mistagged_konjunktiv,
    not_konjunktiv,
    set_mood,
    verb_first,
)
from newscorp.pipeline.names import (
    CLUB_OPENERS,
    CLUB_WORDS,
    COORDINATORS,
    CURRENCY_SIGNS,
    DATELINE_DASHES,
    ENGLISH_ARTICLES,
    LEGAL_FORMS,
    NOUN_TAGS,
    PATRONYMICS,
    PLACE_LAST_WORDS,
    PLACE_NOUNS,
    TEAM_TAILS,
    after_role_word,
    cue_label,
    currency_after_amount,
    ends_in_name_head,
    fills_quotation,
    first_names,
    is_acronym,
    is_first_name,
    known_place,
    name_labels,
    name_tails,
    nonnames,
    noun_acronyms,
    particle_in_name,
    place_genitive,
    place_slot,
    plain_noun_or_compound,
    token_texts,
    work_noun,
)

ROLE_KEY = "roles"
# parts of speech that never start a name ("Auch Trump", "Mit Kim"): trimmed off entities
NOT_NAME_START = frozenset(
    {"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "PART", "PUNCT"}
)
ENTITY_LABELS = ("PER", "LOC", "ORG", "MISC")
# de_core_news_sm and others label miscellaneous entities "MISC"; some use "OTH"
LABEL_MAP = {"OTH": "MISC", "PERSON": "PER", "GPE": "LOC"}


class Gazetteer:
    """Adds gazetteer names (and their genitive -s) not overlapping model entities; a name
    of two words or more also replaces the model's entities inside it ("General Electric"
    for PER "Electric")."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab)
        by_label: dict[str, list[Doc]] = {}
        for label, name in gazetteer():
            forms = {name, name + "s"} if " " not in name and not name.endswith("s") else {name}
            for form in forms:
                by_label.setdefault(label, []).append(nlp.make_doc(form))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        new = []
        for match_id, start, end in self.matcher(doc):
            inside = [e for e in ents if e.start < end and start < e.end]
            if inside and (
                end - start == 1
                or " und " in doc[start:end].text  # "Bosnien und Herzegowina": as split
                or any(e.start < start or e.end > end for e in inside)
                or any((e.start, e.end) == (start, end) for e in inside)
            ):
                continue
            ents = [e for e in ents if e not in inside]
            new.append(Span(doc, start, end, label=match_id))
        if new:
            doc.ents = filter_spans(ents + new)
        return doc


DATE_WORDS = MONTHS | TIME_ZONES


def _is_date_like(span: Span) -> bool:
    return all(t.like_num or t.is_punct or t.lower_ in DATE_WORDS for t in span)


REFERENCE_WORDS = frozenset("S. Bd. Nr. Abs. Art. Kap. Tab. Abb. Fn.".split())
"""Abbreviations that open a reference to a page, volume or paragraph ("S. 117–120")."""


def _reference(span: Span) -> bool:
    """A page, volume or paragraph reference: "S. 117–120", "Bd. 3", "Abs. 2"."""
    return (
        len(span) > 1
        and span[0].text in REFERENCE_WORDS
        and all(t.like_num or t.is_punct or t.is_space or "–" in t.text for t in span[1:])
    )


CHEMICAL_ELEMENTS = frozenset(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Ti Cr Mn Fe Co Ni Cu Zn As Se Br "
    "Kr Rb Sr Ag Cd Sn Sb I Xe Cs Ba Pt Au Hg Pb Bi Po Rn Ra U Pu".split()
)
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")
_RANK = re.compile(
    r"-(\d+\.|(Erst|Zweit|Dritt|Viert|Fünft|Sechst|Siebt|Siebent|Acht|Neunt|Zehnt|Elft|Zwölft"
    r"|\w+zehnt|\w+zigst|\w+ßigst|Hundertst)(e|er|en|es|em))$"
)
"""A rank or place after a hyphen: "der Weltranglisten-15.", "die Tabellen-3.", "der
Weltranglisten-Zwölfte"."""


def _formula_or_rank(text: str) -> bool:
    """A chemical formula of at least two elements and a digit ("CO2", "H2O", "NOx" not:
    no digit; "U1", "S6", "A380" not: one element or none) or a rank ("Weltranglisten-15.");
    models take them for names."""
    if _RANK.search(text):
        return True
    parts = _FORMULA_PART.findall(text)
    return (
        len(parts) >= 2
        and "".join(a + b for a, b in parts) == text
        and any(b for _, b in parts)
        and all(a in CHEMICAL_ELEMENTS for a, _ in parts)
    )


GENERIC_INSTITUTIONS = frozenset(
    "Polizei Regierung Bundesregierung Landesregierung Staatsregierung Zentralregierung "
    "Übergangsregierung Staatsanwaltschaft Feuerwehr Armee Militär Luftwaffe Justiz "
    "Ministerium Bank Behörde Behörden Universität Hochschule Gericht Partei Konzern Unternehmen "
    "Verein Firma Club Klub Verband Mannschaft".split()
)
"""Common nouns for an institution that GermEval leaves outside names when they stand
alone (the training part: "Polizei" 5 of 5, "Regierung" 7 of 7, "Bundesregierung" 2 of 2,
"Armee" 5 of 6 uses; ministries by their field 3 of 4), and nouns its guidelines call
generic ("die Universität", "das Unternehmen": 20 of 20 uses outside names)."""


def _lone_role(word: str) -> bool:
    """A role word that is no known name, first name, place or people ("Experte",
    "Tele2-Chef"; not "die Japaner", MISC)."""
    places = gazetteer_labels()
    return (
        is_role(word)
        and word not in name_labels()
        and word not in places
        and word not in first_names()
        and word not in geo_names()
        and not demonym_place(word)
    )


def _generic_institution(word: str) -> bool:
    """A lone common noun for an institution, also in the genitive and as a ministry by its
    field ("Polizei", "Regierungs", "Innenministeriums"; not "US-Regierung", and not a
    federal ministry: "Bundesjustizministerium")."""
    if "-" in word:
        return False
    stem = word[:-1] if word.endswith("s") else word
    return (
        word in GENERIC_INSTITUTIONS
        or stem in GENERIC_INSTITUTIONS
        or (stem.endswith("ministerium") and not stem.startswith("Bundes"))
    )


LEAGUE_REGIONS = frozenset({"Nord", "Süd", "Ost", "West", "Mitte", "Südwest", "Nordost"})


def _league(span: Span) -> bool:
    """A league as a competition: a word ending in "liga", with its region ("Bundesliga",
    "Handball-Bundesliga", "Fußball-Regionalliga Nord", "B-Liga"), which GermEval leaves
    out; an association named with an adjective is an organisation ("Deutsche
    Eishockey-Liga")."""
    first = span[0].text
    return (
        first.lower().endswith("liga")
        and all(t.text in LEAGUE_REGIONS for t in span[1:])
        and first not in name_labels()
    )


_ACRONYM = re.compile(r"(?:^|-)[A-ZÄÖÜ]{2,}(?:-|$)")


def _common_nouns_only(span: Span, places: dict[str, str]) -> bool:
    """Whether every capitalised word of a span is a known common noun ("Dialog",
    "Aufhebung von Sanktionen") and nothing marks a name (acronym, digit, known place)."""
    nouns = common_nouns()
    capitalised = [t for t in span if t.text[:1].isupper()]
    if not capitalised:
        return False
    for token in capitalised:
        if token.text in places or _ACRONYM.search(token.text):
            return False
        if token.text not in nouns and token.lemma_ not in nouns:
            return False
    return not any(c.isdigit() for c in span.text)


def _nouns_as_person(span: Span, places: dict[str, str]) -> bool:
    """A "person" of two or more words, each a plain noun or a compound of known words, none
    a first name, that the tagger calls common nouns (NN) at least in part ("seit der
    Vorsaison Spielergehälter"); the first word may be one written small that opens the
    sentence ("Nächster Stopp ist …")."""
    first = span[0]
    return (
        len(span) > 1
        and any(t.tag_ == "NN" for t in span)
        and all(_noun_no_first_name(t.text) for t in span[1:])
        and (
            _noun_no_first_name(first.text)
            or _opens_sentence(first)
            and _written_small(first.text, places)
        )
    )


def _known_place_after_small_word(
    doc: Doc, start: int, end: int, places: dict[str, str]
) -> str | None:
    """The label of a known place that the entity holds after a first word of the sentence
    written small elsewhere ("Steckt Österreich in der Krise?"), else None."""
    if end - start < 2 or not _opens_sentence(doc[start]) or doc[start].text in CLUB_WORDS:
        return None  # "Real Madrid" opening a line of results
    rest = doc[start + 1 : end].text
    label = places.get(rest) or ("LOC" if rest in geo_names() else None)
    return label if label and _written_small(doc[start].text, places) else None


def _noun_no_first_name(text: str) -> bool:
    """A plain noun or a compound of known words that is no first name ("Spielergehälter",
    "Hitze"; not "Rosa")."""
    return (text in plain_nouns() or compound_noun(text)) and not is_first_name(text)


def _function_word(token, tags: frozenset[str]) -> bool:
    """A word tagged with one of ``tags`` that really is a function word: lowercase, or a
    stop word ("Auch", "Mit"); taggers also give such tags to unknown capitalised names
    ("Ankit" ADP, "Sanders" ADV), which stay part of the name."""
    if token.pos_ not in tags:
        return False
    if _INITIALS.fullmatch(token.text) or _TRUNCATED.fullmatch(token.text):
        return False  # "Nico G.", "Ökodorf e.G.", "Mecklenburg- Vorpommern"
    if token.text[:1].islower() and _brand_like(token.text):
        return False  # "stern.de", "office21": written as names, whatever their tag
    return token.text[:1].islower() or token.lower_ in STOP_WORDS or not token.is_alpha


# one to three letters and a full stop, repeated, with a capital: "G.", "e.G.", "a.D."
_INITIALS = re.compile(r"(?=.*[A-ZÄÖÜ])(?:[^\W\d_]{1,3}\.)+")
# letters and digits with a capital, a type's code: "D3A", "A380", "B737-900ER"
_TYPE_CODE = re.compile(r"(?=.*\d)(?=.*[A-ZÄÖÜ])[^\W_]+(?:-[^\W_]+)*")
# a capitalised word cut before a hyphen, completed by the next word: "Mecklenburg-"
_TRUNCATED = re.compile(r"[A-ZÄÖÜ][^\W\d_]+-")


def _name_like(token) -> bool:
    """A proper noun, or a capitalised word the tagger gave a function-word tag that it is
    not ("Gil" tagged PUNCT in "Kim Myong Gil")."""
    if token.pos_ == "PROPN":
        return True
    return (
        token.is_alpha
        and token.pos_ in NOT_NAME_START | {"X"}
        and not _function_word(token, NOT_NAME_START | {"X"})
    )


def _true_sentence_start(doc: Doc, i: int) -> bool:
    """A sentence start that follows punctuation or a line break (the parser also starts
    sentences inside names: "Kim Jong | Un")."""
    if not doc[i].is_sent_start or i == 0:
        return doc[i].is_sent_start
    prev = doc[i - 1]
    return prev.is_punct or prev.is_space or "\n" in prev.whitespace_


def _first_name_of(doc: Doc, start: int, end: int) -> bool:
    """A known first name followed by a capitalised word of the same entity: "Anders
    Ahlgren", "Will Smith" are names, not an adverb or auxiliary before one."""
    return (
        start + 1 < end
        and doc[start].text in first_names()
        and doc[start + 1].text[:1].isupper()
        and not is_role(doc[start + 1].text)
    )


NUMBER_WORDS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig "
    "fünfzig sechzig siebzig achtzig neunzig dreizehn vierzehn fünfzehn sechzehn siebzehn "
    "achtzehn neunzehn hundert tausend hunderte tausende dutzende mehrere etliche "
    "zahlreiche".split()
)
"""Numbers written as words and words for a number of things ("Mehrere Tausend"), which
open no name of a person, place or organisation (not "eins": "Eins Festival"; a title
may: "Drei Haselnüsse für Aschenbrödel")."""


UNIT_WORDS = frozenset(
    "Celsius Fahrenheit Kelvin Kilo Watt Volt Ampere Hertz Megahertz Gigahertz Joule Zoll "
    "Megapixel Kilobyte Megabyte Gigabyte Terabyte Megabit Gigabit".split()
)
"""Units of measure named like persons or places ("Celsius", "Watt")."""


def _unit(doc: Doc, i: int) -> bool:
    """A unit of measure after a number, a number word, "Grad" or an indefinite article ("26
    Grad Celsius", "drei Zoll", "ein Kilo Gemüse")."""
    if doc[i].text not in UNIT_WORDS or i == 0:
        return False
    before = doc[i - 1]
    return (
        before.like_num
        or before.text == "Grad"
        or before.lower_ in INDEFINITE_ARTICLES
        or _number_word(before.lower_)
    )


def _number_word(low: str) -> bool:
    """A number word, also of times ("zwölf", "dreimal")."""
    return low in NUMBER_WORDS or low.endswith("mal") and low[:-3] in NUMBER_WORDS


def _leading_non_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether the first word of an entity is no part of the name: punctuation, a role
    before a person, a function word (not a known first name), a lowercase adjective."""
    tok = doc[start]
    text = tok.text
    if label == "PER" and _nobiliary(doc, start, end):
        return False
    if end - start > 1 and f"{text} {doc[start + 1].text}" in geo_names():
        return False  # "Los Angeles Kings", "Las Vegas"
    return (
        tok.is_punct
        or tok.is_space
        or (label == "PER" and is_role(text))
        or text.lower() in TIME_ZONES  # "1:56 Uhr MEZ Großbritannien"
        or _function_word(tok, NOT_NAME_START)
        and not _first_name_of(doc, start, end)
        or text[:1].islower()
        and tok.pos_ in {"ADJ", ""}
        and not _brand_like(text)
    )


def _title(doc: Doc, start: int, end: int) -> bool:
    """A name or title whose first words belong to it: two or more words that fill a
    quotation ("in der „Apotheken Umschau“", "habe „Das Parfum“ gelesen"), or a name opening
    with a capitalised function word inside a sentence ("Blätter wie Der Gesellschafter",
    "das Rockensemble In Spe")."""
    if end - start < 2:
        return False
    if start > 0 and doc[start - 1].is_quote:
        return fills_quotation(doc, start, end)  # not "„Der Bär ist …“"
    first = doc[start]
    return (
        start > 0
        and first.text[:1].isupper()
        and first.lower_ in STOP_WORDS
        and not _true_sentence_start(doc, start)
        and (doc[start - 1].text == "," or not doc[start - 1].is_punct)
    )


TITLE_ARTICLES = frozenset({"Der", "Die", "Das"})
ARTICLE_TITLE_POS = frozenset({"ADP", "CCONJ", "SCONJ"})


def _article_before_title(doc: Doc, start: int) -> bool:
    """A capitalised article after a preposition, conjunction or comma right before an
    organisation or work, which opens its name ("für Das Erste", "laut Der Tagesspiegel",
    "in Die Zeit"; not after a subheading without a full stop: "Wertsteigerung Die ÖBIB")."""
    k = start - 1
    return (
        k > 0
        and doc[k].text in TITLE_ARTICLES
        and not _true_sentence_start(doc, k)
        and (doc[k - 1].text == "," or doc[k - 1].pos_ in ARTICLE_TITLE_POS)
    )


def _author_after_von(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts after "von" inside a "person" that is a work and its
    author: "von", a known first name and one or more capitalised words ("Roman von Markus
    Werner", "Knecht Matti von Bertolt Brecht"); 0 for none (not "Otto von Bismarck",
    "Ursula von der Leyen": no first name after "von")."""
    for k in range(start + 1, end - 2):
        if (
            doc[k].text == "von"
            and is_first_name(doc[k + 1].text)
            and all(t.text[:1].isupper() for t in doc[k + 1 : end])
        ):
            return k + 1
    return 0


def _nobiliary(doc: Doc, start: int, end: int) -> bool:
    """Lowercase particles that open a surname and the capitalised name after them, all
    inside one person: "von Trotha", "van der Straeten", "von der Leyen" (GermEval marks
    the particles as part of the name)."""
    k = start
    while k < end and (doc[k].text in PARTICLES or k > start and particle_in_name(doc, start, k)):
        k += 1
    return start < k < end and doc[k].text[:1].isupper()


NOT_NAME_END = NOT_NAME_START - {"ADP", "DET"}


def _name_after_descriptor(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts after a common noun inside an entity: a known first
    name right after a noun Wiktionary knows with a surname after it ("Biathletin Mariam
    Gössner" -> 1, not "Tayler Jane Geddes"); 0 when there is none. Organisations are left
    alone ("Verlag Paul Haupt")."""
    names = first_names()
    plain = plain_nouns()
    for k in range(start, end - 2):
        tok = doc[k]
        if (
            tok.pos_ == "NOUN"
            and tok.text in plain
            and tok.text not in names
            and doc[k + 1].text in names
        ):
            return k + 1
    return 0


REGION_WORDS = frozenset(
    f"{word}{ending}"
    for word in (
        "Bundesland Bundesstaat Bezirk Distrikt Gemeinde Grafschaft Insel Kanton Kreis "
        "Landkreis Ortsteil Provinz Präfektur Region Stadt Stadtteil Staat Dorf Ortschaft "
        "Marktgemeinde Fluss Nebenfluss Gebirge Halbinsel Vulkan Gletscher Bucht Wüste Stausee "
        "Enklave Exklave"
    ).split()
    for ending in ("", "s", "es")
    if not (word.endswith("s") and ending == "s")  # "Flusss"
)
"""Words for a kind of place that stand before its name outside it: GermEval marks only
the name ("der Stadt Bremen", "des Kantons Bern", "Gemeinde Gosenbach": 12 of 12 in its
training part)."""


DIRECTION_WORDS = frozenset(
    f"{side}{ending}"
    for side in "Norden Süden Osten Westen Nordosten Nordwesten Südosten Südwesten".split()
    for ending in ("", "s")
)
"""A part of a place by its direction: "im Süden Irlands" (GermEval: "Irlands" alone)."""

REGION_HEADS = frozenset(
    {"land", "staat", "stadt", "hauptstadt", "provinz", "region", "insel", "dorf", "gemeinde"}
)
"""Compound heads of words for a kind of place ("Nachbarland Österreich", "Bergdorf Raggal",
"Hafenstadt Tripoli")."""


REGION_ABBREVIATIONS = frozenset({"Bez.", "Gem.", "Kr.", "Lkr.", "Landkr."})
"""Abbreviations of region words: "(Bez. Kitzbühel)", "Lkr. Rosenheim"."""


def _after_region_word(doc: Doc, start: int) -> bool:
    """A name right after a word for a kind of place, written out or abbreviated, that is
    no first name ("Bez. Kitzbühel"; not "im Kreis Kevin …")."""
    if start == 0 or is_first_name(doc[start].text):
        return False
    before = doc[start - 1].text
    if before == "." and start > 1:
        before = doc[start - 2].text + "."  # the tokenizer splits "Bez." off its point
    return before in REGION_WORDS or before in REGION_ABBREVIATIONS


def _region_word_before_name(doc: Doc, start: int, end: int) -> bool:
    """An entity that opens with a word for a kind of place (:data:`REGION_WORDS`, a
    compound of :data:`REGION_HEADS` that is no name itself: "Nachbarland", not
    "Deutschland") or a direction (:data:`DIRECTION_WORDS`) before a capitalised name
    ("Provinz Helmand", "Bundesstaat Michigan", "Südwesten Japans"; not "Stadt der Liebe")."""
    if end - start < 2:
        return False
    first = doc[start].text
    if first not in REGION_WORDS and first not in DIRECTION_WORDS and not _region_compound(first):
        return False
    rest = doc[start + 1 : end]
    return rest[0].text[:1].isupper() and rest[-1].text not in plain_nouns()


ROAD_WORDS = frozenset(
    "Autobahn Bundesautobahn Bundesstraße Landesstraße Staatsstraße Kreisstraße".split()
)


ROAD_NUMBER = re.compile(r"(?:[ABLS] ?)?\d{1,3}")
"""A road's number, with the letter of its kind or without: "2", "A4", "B 17"."""


def _road(doc: Doc, start: int, end: int) -> bool:
    """A road word (also a compound of one: "Ostautobahn") and its number ("Bundesautobahn
    2", "Kreisstraße 14", "Ostautobahn A4", "Autobahn A 52"), or a named motorway alone
    ("Ostautobahn")."""
    if end - start not in (1, 2, 3):
        return False
    word = doc[start].text
    if end - start == 1:
        return word.endswith("autobahn") and word not in ROAD_WORDS  # "Ostautobahn"
    road = word in ROAD_WORDS or word.endswith(("autobahn", "straße")) and compound_noun(word)
    number = "".join(t.text for t in doc[start + 1 : end])  # "A 52" as two tokens
    return road and ROAD_NUMBER.fullmatch(number) is not None


FACILITY_HEADS = frozenset({"reaktor", "kraftwerk"})
"""Compound heads of words for a plant named after its place, which GermEval marks alone
("im Atomkraftwerk Krümmel": LOC "Krümmel"; "den Nuklearreaktor Yongbyon")."""


def _region_compound(word: str) -> bool:
    """A plain noun for a kind of place ("Nachbarland", "Bürgerkriegsland", "Inselstaat") or
    a word for a power plant or reactor ("Atomkraftwerk", "Nuklearreaktor")."""
    head = cue_key(word)
    common = word in plain_nouns() or compound_noun(word)  # "Kriegsland Jemen"
    return (
        (common and head in REGION_HEADS or head in FACILITY_HEADS)
        and word not in geo_names()
        and word not in gazetteer_labels()
        and word not in name_labels()
    )


CARD_COLOURS = frozenset({"Gelb", "Rot", "Gelb-Rot", "Gelbrot"})
"""A referee's cards after a player's name: "sah Stefan Reinartz Gelb"."""


def _trailing_non_name(tok: Token) -> bool:
    """Whether the last word of an entity is no part of the name: punctuation other than
    "." and "'", a function word other than a preposition or article, a lowercase
    preposition or article ("Mordkommission von", "Jody Hey von"), or an adjective written
    small ("Universität der iranischen", "US-amerikanische"). A type's code ends a name
    ("Aichi D3A", "Airbus A380"); alone it is none ("PS4"). A card is no name ("… Reus
    Gelb"). Nor is a weekday ("Katzian Mittwochfrüh")."""
    if _TYPE_CODE.fullmatch(tok.text):
        return False
    return (
        tok.text in CARD_COLOURS
        or _time_word_before_date(tok)
        or _weekday_time(tok.text)
        or (tok.is_punct or tok.is_space)
        and tok.text not in {".", "'"}
        or _function_word(tok, NOT_NAME_END)
        or tok.pos_ in {"ADP", "DET"}
        and tok.text in STOP_WORDS  # German and lowercase: not "it" in "Let it Be"
        or _small_adjective(tok)
    )


TIME_WORDS = frozenset({"Anfang", "Mitte", "Ende"})


DAY_PARTS = ("", "früh", "morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")


WEEKDAY_TIMES = frozenset(day + part for day in WEEKDAYS for part in DAY_PARTS)


def _weekday_time(word: str) -> bool:
    """A weekday, alone or with the part of the day ("Mittwochfrüh", "Montagabend"), which
    the model let end a name ("Katzian Mittwochfrüh")."""
    return word.lower() in WEEKDAY_TIMES


def _time_word_before_date(tok: Token) -> bool:
    """A time word ("Anfang", "Mitte", "Ende") before a month, weekday or year: no end of the
    name before it ("die Bundespräsidentschaftswahl Ende April")."""
    if tok.text not in TIME_WORDS or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.lower_ in MONTHS or (nxt.is_digit and len(nxt.text) == 4)


ADJECTIVE_SUFFIXES = ("isch", "lich", "ig", "bar", "sam", "haft", "los", "al", "iv", "ell")
"""Endings of German adjective lemmas ("südungarisch", "national", "definitiv")."""


def _small_adjective(tok: Token) -> bool:
    """A German adjective whose last part is written small: "iranischen",
    "US-amerikanische", "FDP-geführte". Names do not end in one (GermEval marks the derived
    ones *deriv); a foreign word tagged ADJ may ("Front de gauche"), so the lemma must be a
    dictionary word or end like an adjective (no lemma, no trim)."""
    tail = tok.text.rsplit("-", 1)[-1]
    if not (tok.pos_ == "ADJ" and len(tail) > 2 and tail.isalpha() and tail[0].islower()):
        return False
    lemma = tok.lemma_.rsplit("-", 1)[-1].lower()
    return lemma in de_words() or lemma.endswith(ADJECTIVE_SUFFIXES)


NO_PHRASE_START = frozenset({"DET", "PRON", "NUM", "ADJ", "NOUN", "PROPN"})


def _name_particle(doc: Doc, i: int) -> bool:
    """A two-letter capitalised function-word form inside a sentence that starts no phrase
    (before a verb, "am", punctuation): part of the name before it ("Moon Jae In am
    Freitag"); a preposition there would be lowercase, and one that starts a sentence
    whose boundary is missing starts a phrase ("In der", "Aus der Geschichte")."""
    tok = doc[i]
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (
        len(tok.text) == 2
        and tok.is_alpha
        and tok.text[0].isupper()
        and tok.text[1].islower()
        and tok.lower_ in STOP_WORDS
        and (after is None or not after.text[:1].isupper() and after.pos_ not in NO_PHRASE_START)
    )


def _continues_name(doc: Doc, i: int, places: dict[str, str]) -> bool:
    """Whether ``doc[i]`` continues the person's name before it ("Kim Jong" + "Un"); a
    plain noun does not ("Achille Emanas Schuss": Emana's shot; "Steven Spielbergs
    Kalter-Krieg-Thriller")."""
    tok = doc[i]
    text = tok.text
    return (
        (_name_like(tok) or _name_particle(doc, i))
        and text[:1].isupper()
        and not _true_sentence_start(doc, i)
        and not tok.ent_type_
        and not is_role(text)
        and text not in places
        and text not in ENGLISH_ARTICLES  # "Quentin Tarantinos The Hateful Eight"
        and not plain_noun_or_compound(text)
        and not work_noun(tok, NOUN_TAGS)  # "George Millers Actionspektakel"
    )


APOSTROPHES = frozenset({"’", "'"})


def _apostrophe_name(doc: Doc, i: int) -> bool:
    """An apostrophe at ``i`` glued to the name before it and to a capitalised word after it
    ("O’Leary", "D'Alema"), which the tokenizer split off."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in APOSTROPHES
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_title
    )


TRUNCATION_COORDINATORS = frozenset({"und", "oder", "sowie", "bzw."})
"""Words after a cut word that join it to its coordinated part ("Luft- und Raumfahrt")."""


def _cut_word(text: str) -> bool:
    """The first part of a coordinated compound, cut before its hyphen ("Luft-", "Außen-")."""
    return len(text) > 1 and text.endswith("-")


def _coordinated_end(doc: Doc, end: int) -> int:
    """An entity that ends in a cut word ends after its coordinated part: "Deutsche
    Gesellschaft für Luft-" + "und Raumfahrt", "Gemeinsame Außen-" + "und
    Sicherheitspolitik"."""
    if (
        _cut_word(doc[end - 1].text)
        and end + 1 < len(doc)
        and doc[end].lower_ in TRUNCATION_COORDINATORS
        and doc[end + 1].is_alpha
        and doc[end + 1].text[:1].isupper()
    ):
        return end + 2
    return end


def _coordinated_compound(span: Span, places: dict[str, str]) -> bool:
    """A common compound noun that completes cut words before it ("Kurz- und
    Mittelstreckenflüge", "Kommunal-, Landes- und Bundespolitikern"), in the entity or right
    before it, with nothing else in the entity: no name. A place stays ("Nord- und
    Südkorea", "Ost- und Westeuropa"); the caller keeps organisations ("Volks- und
    Raiffeisenbanken": a banking group)."""
    doc, last = span.doc, span[-1]
    if all(_cut_or_link(t) for t in span):
        return True  # "Kommunal-, Landes- und": cut words only
    if not (
        last.pos_ in {"NOUN", "PROPN"} and _common_compound_word(last.text, last.lemma_, places)
    ):
        return False
    inner = span[:-1]
    if not all(_cut_or_link(t) for t in inner):
        return False
    if any(_cut_word(t.text) for t in inner):
        return True
    k = span.start
    return k >= 2 and doc[k - 1].lower_ in TRUNCATION_COORDINATORS and _cut_word(doc[k - 2].text)


CUT_LINKS = frozenset({",", *TRUNCATION_COORDINATORS})


def _cut_or_link(tok: Token) -> bool:
    """A cut word or what joins cut words ("Kommunal-", ",", "und")."""
    return _cut_word(tok.text) or tok.lower_ in CUT_LINKS


def _common_compound_word(text: str, lemma: str, places: dict[str, str]) -> bool:
    """A plain noun or a compound ending in a known word, by its text or lemma, that ends in no
    known place ("Bundespolitikern", "Mittelstreckenflüge"; not "Westeuropa")."""
    words = known_words()
    low = lemma.lower()
    if not (
        text in plain_nouns()
        or compound_noun(text)
        or any(  # "Mittelstrecken|flug" (not "Raiffeisen|bank": a name before the word)
            low[k:] in words and _known_modifier(low[:k]) for k in range(3, len(low) - 3)
        )
    ):
        return False
    cities = geo_names()
    return not any(
        text[k:].capitalize() in places or text[k:].capitalize() in cities
        for k in range(len(text) - 3)
    )


LETTERED_THINGS = frozenset(
    "Gruppe Plan Typ Vitamin Kategorie Klasse Stufe Variante Modell Block Teil Abschnitt "
    "Punkt Option Szenario Version Pool Tranche Säule Anhang Anlage Spalte Zone".split()
)
"""Nouns a letter after them ranks or sorts ("Gruppe G", "Plan B", "Vitamin C"), not the
initials that stand for anonymised names in court decisions and news ("Herr B", "in L")."""


def _lettered_thing(span: Span) -> bool:
    """A one-letter entity after a :data:`LETTERED_THINGS` noun, also with a full stop
    ("der Gruppe A." at a sentence's end)."""
    letter = span.text.removesuffix(".")
    return (
        len(span) == 1
        and len(letter) == 1
        and letter.isalpha()
        and span.start > 0
        and span.doc[span.start - 1].text in LETTERED_THINGS
    )


def _known_modifier(part: str) -> bool:
    """The first part of a compound, a known word or compound, with a linking element or
    not ("mittelstrecken", "kriegs")."""
    words = known_words()
    forms = [part, *(part.removesuffix(e) for e in ("s", "n", "en", "es") if part.endswith(e))]
    return any(f in words or compound_noun(f.capitalize()) for f in forms if len(f) > 2)


def _trailing_common_noun(tok: Token) -> bool:
    """A capitalised common noun that annotated corpora use mostly outside names, which the
    model let end a person's name ("Rosl Hilfe", "Seoul Details"), also by its lemma after
    an owner ("Frasers Anfängen"); after an owner named bare in the document or a place's
    genitive, any plain noun or compound of known words ("Österreichs Schuldenquote")."""
    before = tok.nbor(-1).text if tok.i > 0 else ""
    owner = before[:1].isupper() and before.endswith("s")
    last = tok.text.rsplit("-", 1)[-1]  # "Rabmer-Kollers Blockade-Vorwurf"
    if (
        owner
        and (last in plain_nouns() or compound_noun(last))
        and (_named_owner(tok.doc, tok.i - 1) or place_genitive(before))
    ):
        return True  # "Sarkozys Wahlkampfbudget", "Iggys Fantasien"; not "Thomas Koch"
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or before in PATRONYMICS:
        return False  # "Osama bin Laden": the father's name
    return tok.text in nonnames() or owner and tok.lemma_ in nonnames()


def _named_owner(doc: Doc, i: int) -> bool:
    """A genitive name whose bare form is a word of the document too ("Sarkozys" after
    "Sarkozy"); not a first name ("Thomas Koch") nor a name ending in s ("Mars Express")."""
    text = doc[i].text
    return not is_first_name(text) and any(t.text == text[:-1] for t in doc)


def _named_after_role(doc: Doc, start: int, end: int) -> bool:
    """A known first name and a surname that is also a noun, right after a role: "des
    SPÖ-Chefs Christian Kern" (not "erhält Rosl Hilfe")."""
    return (
        end - start == 2
        and start > 0
        and is_first_name(doc[start].text)
        and doc[start - 1].text[:1].isupper()
        and is_role(doc[start - 1].text)
    )


NATIONALITY_NOUNS = (
    frozenset(
        f"{stem}{ending}"
        for stem in (
            "Pole Franzose Brite Russe Türke Serbe Kroate Slowene Tscheche Slowake Rumäne "
            "Bulgare Grieche Schwede Däne Finne Portugiese Chinese Ire Schotte Afghane Este "
            "Weißrusse".split()
        )
        for ending in ("", "n")
    )
    | frozenset(
        f"{stem}{ending}"
        for stem in (
            "Spanier Italiener Niederländer Amerikaner Norweger Belgier Brasilianer Argentinier "
            "Kanadier Australier Japaner Kenianer Jamaikaner Ukrainer Engländer Mexikaner "
            "Kolumbianer Iraner Iraker Syrer Ägypter Palästinenser Georgier Litauer Isländer "
            "Bosnier Albaner Mazedonier Ungar Österreicher".split()
        )
        for ending in ("", "in", "s")
    )
) - {"Polen"}
"""Nouns for a person of a nationality, which stand before names ("der Pole Milik"); not
"Deutsche" or "Schweizer", which also open names ("Deutsche Bank"), or "Polen", a country."""


def _nationality_before_name(doc: Doc, start: int, end: int) -> bool:
    """A nationality noun, then capitalised words that are no plain nouns: the person is the
    name after it ("der Kolumbianer Carlos Bacca", "der Pole Milik")."""
    return doc[start].text in NATIONALITY_NOUNS and all(
        t.is_alpha and t.text[:1].isupper() and t.text not in plain_nouns()
        for t in doc[start + 1 : end]
    )


def _place_then_plain_noun(doc: Doc, end: int) -> bool:
    """A name's last two words are a known place and a plain noun that ends no name, after
    a German noun ("Universität Wien Philosophie"; not "American Enterprise Institute")."""
    last = doc[end - 1]
    return (
        doc[end - 2].text in geo_names()
        and doc[end - 3].text in plain_nouns()
        and last.pos_ == "NOUN"
        and last.text in plain_nouns()
        and last.text not in name_tails()
    )


def _place_then_noun(first: Token, last: Token) -> bool:
    """A known one-word place and a plain noun that ends no name ("Ajaccio Kundgebungen")."""
    return first.text in geo_names() and _ends_no_name(last)


def _ends_no_name(last: Token) -> bool:
    """A plain noun that ends no name in the corpora and names no place."""
    text = last.text
    return (
        last.pos_ == "NOUN"
        and text in plain_nouns()
        and text not in name_tails()
        and text.lower() not in entity_heads(2)
        and text not in geo_names()
    )


def _acronym_then_noun(first: Token, last: Token) -> bool:
    """An acronym and a plain noun that ends no name in the corpora ("SVP Getränke"; not
    "EU Kommission")."""
    return is_acronym(first.text) and _ends_no_name(last)


def _singular_forms(word: str) -> list[str]:
    """``word`` and the word without a genitive or plural ending ("zeitungen" -> "zeitung")."""
    return genitive_forms(word) + [word[: -len(end)] for end in ("e", "en") if word.endswith(end)]


def _owner_before_full_name(doc: Doc, start: int) -> bool:
    """A genitive before a first name that opens a full name owns the person and is no part
    of the name ("Gladbachs Lucien Favre", "des Jodlers Christian Zehnder"; not a first name
    in s, "Hans Peter Müller")."""
    owner = doc[start].text
    return (
        owner.endswith("s")
        and owner[:1].isupper()
        and not is_first_name(owner)
        and is_first_name(doc[start + 1].text)
        and doc[start + 2].text[:1].isupper()
    )


def _media_kind(doc: Doc, i: int) -> bool:
    """A word for a kind of medium before a capitalised name ("Fachblatt Science
    Advances", "Zeitung Die Welt"; not "Agentur für Arbeit", not "Sender Freies Berlin")."""
    if i < 0 or not doc[i + 1].text[:1].isupper():
        return False
    forms = _singular_forms(doc[i].lower_)  # "des Sportblatts Marca", "die Zeitungen …"
    return any(
        low.endswith(head) and len(low) - len(head) >= 3 or low == head and head in MEDIA_HEADS
        for low in forms
        for head in MEDIA_HEADS + COMPOUND_MEDIA_HEADS
    )


def _organisation_noun(tok: Token) -> bool:
    """A noun for a kind of organisation, or a compound ending in one ("Mineralölverband",
    "Tourismuskonzern"): an organisation, never a person or a place."""
    text = tok.text
    if tok.pos_ not in ("NOUN", "PROPN") or is_first_name(text) or text in geo_names():
        return False
    head = text.lower().rsplit("-", 1)[-1]
    return (
        any(head.endswith(kind) for kind in ORGANISATION_KINDS)
        and cue_label(text, label_cues()) == "ORG"
        and text not in gazetteer_labels()
    )


ORGANISATION_KINDS = (
    "verband",
    "konzern",
    "verein",
    "gewerkschaft",
    "ministerium",
    "behörde",
    "agentur",
)
"""Compound heads of nouns for kinds of organisation that end no surname ("Mineralölverband";
not "…bauer": "Beckenbauer")."""


def _acronym_then_preposition(doc: Doc, start: int) -> bool:
    """An acronym and a preposition open the entity ("IWF für Bosnien-Herzegowina")."""
    nxt = doc[start + 1]
    return is_acronym(doc[start].text) and nxt.pos_ == "ADP" and nxt.text.islower()


def clean_entities(doc: Doc) -> Doc:
    """Trim roles off names, drop date-like and fragment entities, normalise labels."""
    kept: list[Span] = []
    roles: list[Span] = []
    places = gazetteer_labels()
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        start, end = ent.start, ent.end
        if end - start > 1 and places.get(ent.text) == label:
            kept.append(Span(doc, start, end, label=label))
            continue  # a gazetteer name stays whole: "General Electric" ("General": a role)
        # leading determiners, lowercase words and roles are not part of a name
        if (
            label != "PER"
            and end - start > 1
            and is_role(doc[start].text)
            and all(t.text[:1].isupper() for t in doc[start + 1 : end])
        ):
            label = "PER"  # "US-Präsident Trump" tagged as one ORG/MISC: a role, then a name
        if label in ("ORG", "MISC") and _article_before_title(doc, start):
            start -= 1  # "für Das Erste": the capitalised article opens the name
        if label in ("ORG", "MISC") and end - start > 1 and _media_kind(doc, start):
            start += 1  # "im Fachblatt Science Advances": the kind of medium is no name
        if label == "PER" and start > 0 and _media_kind(doc, start - 1):
            label = "ORG"  # "die Satirezeitschrift Charlie Hebdo": a medium, not a person
        if label == "LOC" and end - start > 1 and _media_kind(doc, start):
            start, label = start + 1, "ORG"  # "im Nachrichtensender Skai" as a place
        if label in ("PER", "LOC") and end - start == 1 and _organisation_noun(doc[start]):
            label = "ORG"  # "laut Mineralölverband" as a person, "Landesjagdverband" as a place
        if end - start == 1 and _RANK.search(doc[start].text):
            continue  # a rank alone is no name ("der Weltranglisten-Zwölfte")
        if end - start > 1 and _RANK.search(doc[start].text):
            # "der Weltranglisten-45. Pospisil": the rank describes the name after it
            label = "PER" if doc[start].lower_.startswith("weltrangliste") else label
            start += 1
        while (
            start < end
            and not _title(doc, start, end)
            and _leading_non_name(doc, start, end, label)
        ):
            if label == "PER" and is_role(doc[start].text):
                roles.append(Span(doc, start, start + 1, label="ROLE"))
            start += 1
        while end > start and _trailing_non_name(doc[end - 1]):
            end -= 1
        if start >= end:
            continue  # nothing name-like left: "„Wir,“ Der Sprecher Er" at a text's end
        if (place := _known_place_after_small_word(doc, start, end, places)) is not None:
            start, label = start + 1, place  # "Steckt Österreich …?" as one person
        if label == "PER" and (k := _author_after_von(doc, start, end)):
            start = k  # "Roman von Markus Werner": a work by the person after "von"
        if end - start == 1 and end < len(doc) and _road(doc, start, end + 1):
            end += 1  # "auf der Bundesautobahn 9" with the number outside the name
        if _road(doc, start, end):
            label = "LOC"  # "Bundesautobahn 2" (the model's ORG): a road, as "A 2" is
        if _region_word_before_name(doc, start, end):
            start, label = start + 1, "LOC"  # "Provinz Helmand" ORG -> "Helmand" LOC
        if label == "PER" and _after_region_word(doc, start):
            label = "LOC"  # "Hopfgarten (Bez. Kitzbühel)", "im Bezirk Hollabrunn"
        if (
            end - start > 1
            and is_role(doc[end - 1].text)
            and doc[end - 1].text[:1].isupper()
            and not (label == "ORG" and doc[end - 1].text in TEAM_TAILS)  # "Ottawa Senators"
            and not (label == "PER" and end - start == 2 and is_first_name(doc[start].text))
        ):
            # "Nordkoreas Machthaber" (no name after the role): the role goes, the owner stays;
            # after a first name it is a surname ("Gerhard Richter", "Franz Kaiser")
            end -= 1
            if end - start == 1:
                owner = doc[start].text
                label = places.get(owner) or places.get(owner.removesuffix("s")) or label
                if owner.endswith("s") and owner[:-1] in geo_names():
                    label = "LOC"  # "Jenas Oberbürgermeister": the city's
        while (
            label == "PER"
            and end - start > 1
            and _trailing_common_noun(doc[end - 1])
            and not _named_after_role(doc, start, end)
        ):
            end -= 1
            while end - start > 1 and _trailing_non_name(doc[end - 1]):
                end -= 1  # "Nordkorea nukleare Waffen": the adjective before the noun too
            if end - start == 1:  # "Seoul Details", "Österreichs Schuldenquote": the place
                owner = doc[start].text
                label = places.get(owner) or places.get(owner.removesuffix("s")) or label
        if label in ("ORG", "LOC") and end - start > 2 and _place_then_plain_noun(doc, end):
            end -= 1  # "an der Universität Wien Philosophie studiert": the subject goes
        if label == "ORG" and end - start == 2 and _acronym_then_noun(doc[start], doc[end - 1]):
            end -= 1  # "in der SVP Getränke bezahlt": the party, then the object
            label = places.get(doc[start].text) or label  # "US Botschaft" -> US LOC
        if label == "ORG" and end - start > 2 and _acronym_then_preposition(doc, start):
            end = start + 1  # "vom IWF für Bosnien-Herzegowina": the fund, then its object
            if doc[start].text in noun_acronyms():
                continue  # "50 PS für Lastwagen": a unit
        if label == "LOC" and end - start == 2 and _place_then_noun(doc[start], doc[end - 1]):
            end -= 1  # "in der Hauptstadt Ajaccio Kundgebungen untersagt"
        if end - start > 1 and _nationality_before_name(doc, start, end):
            start, label = start + 1, "PER"  # "der Pole Milik" as an organisation
        if end - start > 2 and _owner_before_full_name(doc, start):
            start, label = start + 1, "PER"  # "Gladbachs Lucien Favre", "Malers Antonio …"
        if label != "ORG" and (name := _name_after_descriptor(doc, start, end)):
            # "Biathletin Mariam Gössner": the descriptor is a role, the rest a person
            roles.append(Span(doc, name - 1, name, label="ROLE"))
            start, label = name, "PER"
        if label == "PER":
            # "Nordkoreas Machthaber Kim Jong Un": everything up to the last role goes
            for k in range(end - 2, start - 1, -1):
                if is_role(doc[k].text) and doc[k].text[:1].isupper():
                    roles.append(Span(doc, k, k + 1, label="ROLE"))
                    start = k + 1
                    break
            while start < end and _leading_non_name(doc, start, end, label):
                start += 1  # "Experte für Nordkorea": the preposition after the role too
            # names the model cut short: "Kim Jong" + "Un"
            while end < len(doc) and _continues_name(doc, end, places):
                end += 1
            while _apostrophe_name(doc, end):
                end += 2  # "Michael O" + "’" + "Leary"
        if label == "LOC" and end < len(doc) and doc[end].text in PLACE_LAST_WORDS:
            end += 1  # "in Bedford" + "Falls": an English word that ends places' names
        while end < len(doc) and _arabic_article_word(doc[end]):
            end += 1  # "Sahl al-Ghab", "Dschabhat al-Nusra", "Abdel-Malek al-Mikhlafi"
        if start >= end or label not in ENTITY_LABELS:
            continue
        if end - start == 1 and _cut_word(doc[start].text):
            continue  # a cut word alone is no name ("Luft-" of "Luft- und Raumfahrtkonzern")
        end = _coordinated_end(doc, end)
        known = places.get(doc[start:end].text) or places.get(doc[start:end].text.removesuffix("s"))
        if known:
            label = known  # a well-known name keeps its gazetteer label ("Dow Jones" MISC)
        elif label == "LOC" and end - start == 1 and demonym_place(doc[start].text):
            label = "MISC"  # "die Nordkoreaner": people, not a place
        opened = _unclosed_parenthesis(doc, start, end)
        if opened is not None:
            end = opened  # "Potsdam-Institut für Klimafolgenforschung (PIK" ends before "("
            if end <= start:
                continue
        span = Span(doc, start, end, label=label)
        if _is_date_like(span) or _reference(span):
            continue
        if not any(c.isalpha() for c in span.text) and span.text not in CURRENCY_SIGNS:
            continue  # no letters: no name, but "€" and "$" are currencies (GermEval: OTH)
        if len(span) == 1 and _formula_or_rank(span.text):
            continue  # "CO2", "Weltranglisten-15."
        if len(span) == 1 and span.text[:1].islower() and not known and not _brand_like(span.text):
            continue  # a lowercase word is no name, but "iTunes", "n-tv", "dpa" are
        if not known and _common_nouns_only(span, places) and not currency_after_amount(doc, start):
            continue  # "Dialog", "Aufhebung von Sanktionen": common nouns, not a name
        if label == "PER" and _nouns_as_person(span, places):
            continue  # "seit der Vorsaison Spielergehälter"
        if label != "MISC" and len(span) == 1 and _indefinite_noun(span):
            continue  # "in einer Bahn um den Planeten": a named thing takes no "ein"
        if _unit(doc, start):
            continue  # "26 Grad Celsius", "drei Zoll Diagonale": a unit of measure
        if label != "MISC" and _number_word(doc[start].lower_):
            continue  # "Zwölf Todesopfer forderte ein Taifun": a number of something
        if label in ("ORG", "MISC") and _league(span):
            continue  # "die Fußball-Regionalliga Nord": a competition (GermEval: O)
        if len(span) == 1 and _generic_institution(span.text):
            continue  # "die Polizei", "das Innenministerium": no name (GermEval: O)
        if len(span) == 1 and _lone_role(span.text):
            continue  # "der zitierte Experte", "US-Außenministerin": a role names nobody
        if _lettered_thing(span):
            continue  # "die Gruppe G", "Plan B": a letter that names no one ("Herr B" does)
        if label != "ORG" and _coordinated_compound(span, places):
            continue  # "Kurz- und Mittelstreckenflüge": a common noun shared with cut words
        if label == "PER" and span.start == ent.start and after_role_word(doc, span.start):
            roles.append(Span(doc, span.start - 1, span.start, label="ROLE"))
        kept.append(span)
    kept = [e for e in kept if not _in_idiom(e)]
    texts = token_texts(doc)  # (the rules below change entities, never words)
    kept = _adjective_names(doc, _adjectives_alone(filter_spans(kept)), texts)
    kept = _without_plain_nouns(kept, places)
    kept = _without_nouns_beside_nouns(kept, places)
    kept = _two_surnames_apart(_persons_by_surname(kept, places))
    kept = _lineup_players(doc, _without_capitalised_words(kept, places), texts)
    kept = propagate(doc, kept, texts)
    kept = defined_acronyms(doc, _firms_of_persons_names(doc, _interview_speakers(kept)))
    doc.ents = filter_spans(kept)  # no rule may leave two entities over one token
    doc.spans[ROLE_KEY] = roles
    return doc


def _unclosed_parenthesis(doc: Doc, start: int, end: int) -> int | None:
    """The position of an opening parenthesis inside tokens start..end that is not closed
    before ``end``, if any."""
    opened = None
    for k in range(start, end):
        if doc[k].text == "(":
            opened = k
        elif doc[k].text == ")":
            opened = None
    return opened


COMPANY_FORMS = LEGAL_FORMS | frozenset("Holding Group Gruppe Konzern Corporation Company".split())
"""Words after a name that make it a firm's ("Koza Ipek Holding", "Porsche Konzern")."""


def _firms_of_persons_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name followed by a firm's legal form or group word is the firm, and the
    same name elsewhere in the document too ("die Koza Ipek Holding": "Koza Ipek" was taken
    for a person from "der Mediengruppe Koza Ipek")."""
    firms = {
        e.text
        for e in ents
        if e.label_ == "PER" and e.end < len(doc) and doc[e.end].text in COMPANY_FORMS
    }
    if not firms:
        return ents
    out = []
    for e in ents:
        if e.text in firms:
            form = e.end < len(doc) and doc[e.end].text in COMPANY_FORMS
            e = Span(doc, e.start, e.end + form, label="ORG")  # with its legal form
        out.append(e)
    return out


_NAME_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w+isch(?:e|en|er|es|em)")
"""A capitalised inflected adjective in -isch: "Syrische", "Demokratischen"."""

ADJECTIVE_NAME_HEADS = {
    **dict.fromkeys(
        "Partei Union Front Armee Bank Kirche Liga Bewegung Allianz Akademie Gemeinschaft "
        "Kommission Nachrichtenagentur Beobachtungsstelle".split(),
        "ORG",
    ),
    **dict.fromkeys(PLACE_NOUNS | {"Föderation", "See", "Staaten"}, "LOC"),
}
"""Nouns that make a name of the adjective before them ("Demokratische Partei" ORG,
"Demokratischen Republik Kongo" LOC, "Ostchinesischen Meer" LOC)."""


def _persons_by_surname(ents: list[Span], places: dict[str, str]) -> list[Span]:
    """A place or organisation of two or three capitalised words whose last word is a person
    twice or more alone in the document, and never anything else, is that person ("die
    Märchen von Giambattista Basile" as a place, "Basile" twice a person); not a known name
    or one opening with a place ("Wien Energie"). After an acronym the acronym keeps its
    label: "zitierte die Nachrichtenagentur TASR Fico"."""
    alone: dict[str, Counter] = {}
    for ent in ents:
        if len(ent) == 1:
            alone.setdefault(ent.text, Counter())[ent.label_] += 1
    out = []
    for ent in ents:
        counts = alone.get(ent[-1].text, Counter())
        if (
            ent.label_ in ("LOC", "ORG")
            and 1 < len(ent) <= 3
            and counts["PER"] >= 2
            and len(counts) == 1
            and all(t.is_alpha and t.text[:1].isupper() for t in ent)
            and ent.text not in places
            and ent[0].text not in geo_names()
            and ent[0].text not in places
        ):
            if len(ent) == 2 and ent[0].is_upper:  # "Nachrichtenagentur TASR Fico": two names
                out.append(Span(ent.doc, ent.start, ent.start + 1, label=ent.label_))
                out.append(Span(ent.doc, ent.start + 1, ent.end, label="PER"))
            elif not any(t.is_upper for t in ent):
                out.append(Span(ent.doc, ent.start, ent.end, label="PER"))
            else:
                out.append(ent)
        else:
            out.append(ent)
    return out


def _person_then_place(ent: Span) -> bool:
    """A "person" of a first name, a surname and a known place: a person and the place or
    its club after the name ("Dominik Frieser Kapfenberg"; not "Johann Sebastian Bach")."""
    if ent.label_ != "PER" or len(ent) != 3:
        return False
    first, middle, last = (t.text for t in ent)
    return (
        is_first_name(first)
        and not is_first_name(middle)
        and middle not in CAPITAL_PARTICLES
        and middle[:1].isupper()
        and middle.replace("-", "").isalpha()  # no initial: "David A. Paterson"
        and last in geo_names()
        and not is_first_name(last)
    )


def _two_surnames_apart(ents: list[Span]) -> list[Span]:
    """A "person" of two words that are the surnames of two persons named in full elsewhere
    in the document is two persons ("hatte Nishikori Berdych geschlagen" after "Kei
    Nishikori" and "Tomas Berdych"), and so is one of a first name and two surnames of
    persons named in full ("Erwin Pröll Mitterlehner" after "Erwin Pröll" and "Reinhold
    Mitterlehner")."""
    full = [e for e in ents if e.label_ == "PER" and len(e) > 1]
    surnames = Counter(e[-1].text for e in full)
    pairs = Counter((e[0].text, e[-1].text) for e in full)
    texts = Counter(e.text for e in full)
    out = []
    for ent in ents:
        first, last = ent[0].text, ent[-1].text
        if (
            ent.label_ == "PER"
            and len(ent) == 2
            and surnames[first] - (first == last) >= 1  # counts without the entity itself
            and surnames[last] - 1 >= 1
            and pairs[first, last] == 1  # no other person of these two words
        ):
            out += [
                Span(ent.doc, ent.start, ent.start + 1, "PER"),
                Span(ent.doc, ent.end - 1, ent.end, "PER"),
            ]
        elif (
            ent.label_ == "PER"
            and len(ent) == 3
            and is_first_name(first)
            and ent[1].text not in CAPITAL_PARTICLES  # "Jean-Marie Le Pen"
            and surnames[ent[1].text] >= 1
            and surnames[last] - 1 >= 1
            and texts[ent.text] == 1
        ):  # "Erwin Pröll Mitterlehner angeschrien" after "Erwin Pröll", "Reinhold Mitterlehner"
            out += [
                Span(ent.doc, ent.start, ent.end - 1, "PER"),
                Span(ent.doc, ent.end - 1, ent.end, "PER"),
            ]
        elif _person_then_place(ent):  # "brachte Dominik Frieser Kapfenberg in Führung"
            out += [
                Span(ent.doc, ent.start, ent.end - 1, "PER"),
                Span(ent.doc, ent.end - 1, ent.end, "LOC"),
            ]
        else:
            out.append(ent)
    return out


def _adjectives_alone(ents: list[Span]) -> list[Span]:
    """A one-word entity that is a capitalised adjective in -isch before a capitalised noun
    is the name the model cut short when the noun is an :data:`ADJECTIVE_NAME_HEADS` word
    (with the names after it: "Republik Kongo"), and no entity before another noun
    ("Syrische Aktivisten", "Griechische Ermittler" at a sentence's start)."""
    out: list[Span] = []
    taken = {e.start: e for e in ents}
    for ent in ents:
        doc, end = ent.doc, ent.end
        if len(ent) > 1 or not _NAME_ADJECTIVE.fullmatch(ent.text) or end >= len(doc):
            out.append(ent)
            continue
        label = ADJECTIVE_NAME_HEADS.get(doc[end].text)
        if label is None:
            if not (doc[end].text[:1].isupper() and doc[end].pos_ == "NOUN"):
                out.append(ent)  # "Englische" before a name or a lowercase word: left alone
            continue
        while end < len(doc) and (end == ent.end or end in taken or _name_like(doc[end])):
            end = taken[end].end if end in taken else end + 1
        out.append(Span(doc, ent.start, end, label=label))
    return filter_spans(out)  # the longer name replaces the entities it took in


def _adjective_names(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A capitalised adjective inside a sentence before an :data:`ADJECTIVE_NAME_HEADS`
    noun, neither in an entity, is a name the model missed ("der Republikanischen Partei",
    "die Rote Armee"); more capitalised adjectives before it join ("Freie Demokratische
    Partei"). At a sentence's start or after a quotation mark or colon the capital says
    nothing."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    starts = {e.start: e for e in ents}
    new = []
    for i in range(1, len(doc) - 1):
        label = ADJECTIVE_NAME_HEADS.get(texts[i + 1])
        if label is None or i in taken or i + 1 in taken:
            continue
        tok, head = doc[i], doc[i + 1]
        if not _capitalised_adjective(tok):
            continue
        start = tok.i
        while start - 1 not in taken and start > 0 and _capitalised_adjective(doc[start - 1]):
            start -= 1
        before = doc[start - 1]
        if doc[start].is_sent_start or before.is_quote or before.text in {":", "–", "—"}:
            continue
        if head.text in {"Liga", "Kirche"}:
            continue  # "in der Ersten Liga": a competition (see _league); "Große Kirche"
        end = head.i + 1
        while end < len(doc) and (end in starts or _name_like(doc[end])):
            end = starts[end].end if end in starts else end + 1  # "Republik Kongo"
        new.append(Span(doc, start, end, label=label))
    return filter_spans(ents + new) if new else ents


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
"""Endings of inflected (attributive) adjectives: "Rote", "harten", "Freier"."""


def _capitalised_adjective(tok: Token) -> bool:
    """A capitalised inflected adjective: "Republikanischen", "Rote", "Freie"."""
    text = tok.text
    return (
        tok.pos_ == "ADJ"
        and text[:1].isupper()
        and text[1:].islower()
        and text.isalpha()
        and text.endswith(ADJECTIVE_ENDINGS)
    )


def _brand_like(word: str) -> bool:
    """A lowercase-initial word written as a name is: a capital or digit inside it
    ("iTunes", "office21"), a domain ("stern.de"), or a letter or two before a hyphen
    ("n-tv", "t-online"; not "rot-weiß-hellblau")."""
    body = word.rstrip(".")
    if "/" in body:
        return False  # a web address with a path ("pic.twitter.com/Z9Nhyka") names nothing
    if any(c.isupper() or c.isdigit() for c in body[1:]):
        return True
    host, _, tld = body.rpartition(".")
    if host and 2 <= len(tld) <= 4 and tld.isalpha():
        return True
    first, _, rest = body.partition("-")
    return bool(rest) and len(first) <= 2


IDIOMS = {"Brand": frozenset({"stecken", "setzen", "geraten", "stehen"})}
"""Plain nouns that also name towns, and the verbs of the idiom with "in" before them: "in
Brand stecken/setzen/geraten", never the town of Brand."""


def _in_idiom(ent: Span) -> bool:
    """A one-word entity in an idiom of :data:`IDIOMS` ("das Gebäude in Brand stecken")."""
    verbs = IDIOMS.get(ent.text)
    if verbs is None or len(ent) != 1 or ent.start == 0 or ent.doc[ent.start - 1].text != "in":
        return False
    doc = ent.doc
    words = ent.sent if doc.has_annotation("SENT_START") else doc  # no parser: the text
    return any(t.lemma_ in verbs for t in words)


INDEFINITE_ARTICLES = frozenset("ein eine einer eines einem einen".split())
POSSESSIVES = frozenset(
    stem + end
    for stem in ("mein", "dein", "sein", "ihr", "unser")
    for end in ("", "e", "er", "es", "em", "en")
)


def _indefinite_noun(span: Span) -> bool:
    """A plain noun after an indefinite article or a possessive, with adjectives between
    them or not ("einer Bahn", "auf einer genau kreisförmigen Bahn", "auf ihrer Bahn"), not
    an acronym ("einen BMW") or a known name; after a possessive any noun the lemma table
    knows, also one that is a surname too ("Ihr Mann", "mit ihrem Mann")."""
    text, doc = span.text, span.doc
    k = span.start - 1
    while k > 0 and doc[k].pos_ in ("ADJ", "ADV") and doc[k].text[:1].islower():
        k -= 1  # "einer genau kreisförmigen"
    possessive = doc[k].lower_ in POSSESSIVES if k >= 0 else False
    return (
        k >= 0
        and (doc[k].lower_ in INDEFINITE_ARTICLES or possessive)
        and (
            text in plain_nouns()
            or _compound_or_its_genitive(text)
            or possessive
            and text.lower() in known_words()
            and not is_first_name(text)
        )
        and not is_acronym(text)
        and text not in gazetteer_labels()
    )


def _compound_or_its_genitive(text: str) -> bool:
    """A compound of known words, also in the genitive ("Gruselskeletts")."""
    return compound_noun(text) or text.endswith("s") and compound_noun(text[:-1])


def _without_plain_nouns(ents: list[Span], places: dict[str, str]) -> list[Span]:
    """Drop one-word persons, places and plain organisations (:func:`_plain_organisation`)
    that are plain nouns ("Brötchen" LOC, "Promis" PER, "Chlorgas" ORG),
    unless a longer name of the document holds the word ("Beatrix von Storch" ... "Storch")
    or it is a known name or the genitive of a gazetteer name ("Chinas"; not of any GeoNames
    place: "Lecks", "Kitas")."""
    plain, firsts, cities = plain_nouns(), first_names(), geo_names()
    in_names = {t.text for e in ents if len(e) > 1 for t in e}

    def dropped(e: Span) -> bool:
        return (
            len(e) == 1
            and (e.label_ in ("PER", "LOC") or e.label_ == "ORG" and _plain_organisation(e.text))
            and e.text in plain
            and e.text not in in_names
            and e.text not in places
            and e.text not in firsts
            and e.text not in cities
            and not (e.text.endswith("s") and e.text[:-1] in places)  # "Chinas"
        )

    kept = {(e.start, e.end) for e in ents if not dropped(e)}
    persons = {e.start: e for e in ents if e.label_ == "PER" and (e.start, e.end) in kept}
    ends = {e.end: e for e in persons.values()}

    def beside_a_person(e: Span) -> bool:
        """'Blatter und Beckenbauer': a person coordinated with a person the rules keep."""
        doc = e.doc
        after = e.end < len(doc) - 1 and doc[e.end].lower_ in COORDINATORS
        before = e.start > 1 and doc[e.start - 1].lower_ in COORDINATORS
        return e.label_ == "PER" and (
            after and e.end + 1 in persons or before and e.start - 1 in ends
        )

    return [e for e in ents if not dropped(e) or beside_a_person(e)]


def _without_nouns_beside_nouns(ents: list[Span], places: dict[str, str]) -> list[Span]:
    """Drop a one-word entity that is a dictionary word coordinated with a common noun no
    entity holds ("Ebbe und Flut", "Straßen und Keller"): a pair of things, not a name.
    Known names and places stay ("ÖVP und Grüne", "Allianz und Commerzbank")."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    cities, words, known = geo_names(), known_words(), name_labels()

    def common(tok: Token) -> bool:
        text = tok.text
        return (
            tok.i not in taken
            and text[:1].isupper()
            and _noun_no_first_name(text)
            and text not in known
        )

    def dropped(e: Span) -> bool:
        if len(e) != 1 or e.label_ == "MISC":
            return False
        text, doc = e.text, e.doc
        if text in places or text in known or text in cities or text.lower() not in words:
            return False
        after = e.end + 1 < len(doc) and doc[e.end].lower_ in COORDINATORS
        before = e.start > 1 and doc[e.start - 1].lower_ in COORDINATORS
        return after and common(doc[e.end + 1]) or before and common(doc[e.start - 2])

    return [e for e in ents if not dropped(e)]


def _plain_organisation(word: str) -> bool:
    """An organisation that is no name: not a known name, no acronym, and no word ending
    like names do ("Bombe", "Chlorgas", "Schimpansen"; not "Linkspartei", "Bundestages",
    "Finanzamt", whose heads end names in the corpora)."""
    return not (word in name_labels() or _ACRONYM.search(word) or ends_in_name_head(word))


def _without_capitalised_words(ents: list[Span], places: dict[str, str]) -> list[Span]:
    """Drop one-word entities that are a sentence's first word and otherwise written small
    ("Kritisiert wird …", "Besorgt äußerte sich …", "Generell habe …"): the lemma table
    knows the lowercase form as a word and the capitalised one as no noun, and the word is
    no known name and no part of a longer name of the document (which may bring it back:
    "Sebastian Kurz" … "Kurz sagte"), and not an interview's speaker ("Schwarz: …"); or a
    "person" that is an adjective before its noun anywhere ("Scharfe Kritik", "der
    Machtausgleich Schwarzer Kanzler, roter Präsident"; not "Wiener Polizei", MISC)."""
    in_names = {t.text for e in ents if len(e) > 1 for t in e}
    return [
        e
        for e in ents
        if not (len(e) == 1 and e.text not in in_names)
        or _speaker_label(e)
        or not (
            _opens_sentence(e[0])
            and _written_small(e.text, places)
            or e.label_ == "PER"
            and (_adjective_before_noun(e[0]) or _place_adjective_before_noun(e[0]))
        )
    ]


def _place_adjective_before_noun(tok: Token) -> bool:
    """A place's adjective in -er before a noun ("laut Wiener Berufsrettung", "Dresdner
    Polizei"): the place, inflected, is a known place."""
    text, doc = tok.text, tok.doc
    if len(text) < 5 or not text.endswith("er") or tok.i + 1 >= len(doc):
        return False
    if doc[tok.i + 1].pos_ != "NOUN":
        return False
    stem = text[:-2]
    return any(
        known_place(place)
        for place in (stem, stem + "en", stem[:-1] + "e" + stem[-1:])  # Wien, Bremen, Dresden
    )


def _adjective_before_noun(tok: Token) -> bool:
    """An inflected adjective before its noun ("Scharfe Kritik kam …"): tagged attributive,
    known written small, and a noun right after it."""
    doc = tok.doc
    return (
        tok.tag_ == "ADJA"
        and any(
            tok.lower_.endswith(end) and tok.lower_[: -len(end)] in known_words()
            for end in ADJECTIVE_ENDINGS
        )
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].pos_ == "NOUN"
    )


LINEUP_DASHES = frozenset({"–", "—", "-"})
LINEUP_SEPARATORS = LINEUP_DASHES | {","}
_MINUTE = re.compile(r"\d{1,3}\.?")
_INITIAL_WORD = re.compile(r"[A-ZÄÖÜ]\.")


def _lineup_word(tok: Token, first: bool) -> bool:
    """A word that can be (part of) a player's name in a line-up: capitalised letters (a
    hyphen allowed), no acronym; a later word of the name no plain noun ("Djuric Ersatz:")."""
    text = tok.text
    return (
        len(text) > 1
        and text[:1].isupper()
        and text.replace("-", "").isalpha()
        and not text.isupper()
        and (first or text not in plain_nouns())
    )


def _lineup_item(doc: Doc, k: int) -> int:
    """End of the player's name starting at ``k`` ("T. Kainz", "Maak", "De Paula"), or
    ``k`` if none: an initial or not, then one or two name words, the name followed by a
    separator, a bracket, a colon or a word that is no name."""
    end = k + 1 if k < len(doc) and _INITIAL_WORD.fullmatch(doc[k].text) else k
    if end >= len(doc) or not _lineup_word(doc[end], True):
        return k
    end += 1
    if end + 1 < len(doc) and _lineup_word(doc[end], False) and doc[end + 1].text in ",–—-()":
        end += 1  # "De Paula,"
    return end


def _lineup(doc: Doc, colon: int) -> list[tuple[int, int]]:
    """The players' names of a team's line-up after the colon at ``colon`` ("Austria: Almer –
    F. Koch, Sikov, Rotpuller – Vukojevic (84. Grünwald), Kayode"): five names or more
    separated by commas and at least one dash, substitutes in brackets after a minute, most
    of them no German word; [] for anything else."""
    items: list[tuple[int, int]] = []
    dashes = commas = 0
    k = colon + 1
    while True:
        end = _lineup_item(doc, k)
        if end == k:
            break
        items.append((k, end))
        k = end
        if k + 3 < len(doc) and doc[k].text == "(" and _MINUTE.fullmatch(doc[k + 1].text):
            j = k + 2 if doc[k + 2].text != "." else k + 3  # "(84. Sollbauer)"
            sub = _lineup_item(doc, j)
            if sub > j and sub < len(doc) and doc[sub].text == ")":
                items.append((j, sub))
                k = sub + 1
        if k >= len(doc) or doc[k].text not in LINEUP_SEPARATORS:
            break
        dashes += doc[k].text in LINEUP_DASHES
        commas += doc[k].text == ","
        k += 1
    words = known_words()
    names = sum(
        all(t.text not in plain_nouns() and t.lower_ not in words for t in doc[a:b])
        for a, b in items
    )
    if len(items) < 5 or not dashes or commas < 2 or names < max(4, 0.6 * len(items)):
        return []  # "Programm: Eröffnung – Begrüßung, Vortrag, …": words, not players
    return items


def _lineup_players(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Every name of a team's line-up is a person (sports reports list players after the
    team's name and a colon, and the models take many for places or organisations:
    "Sikov" LOC, "Holzhauser" ORG, or nothing); a known name of the gazetteer keeps its
    label."""
    colons = [i for i in range(1, len(texts)) if texts[i] == ":" and texts[i - 1][:1].isupper()]
    players = [span for i in colons for span in _lineup(doc, i)]
    if not players:
        return ents
    known = gazetteer_labels()
    taken = {k: e for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    for start, end in players:
        hit = {taken[k] for k in range(start, end) if k in taken}
        if any(e.text in known or e.start < start or e.end > end for e in hit):
            continue  # a known team or place, or a name running past the player's
        out = [e for e in out if e not in hit]
        out.append(Span(doc, start, end, label="PER"))
    return sorted(out, key=lambda e: e.start)


def _interview_speakers(ents: list[Span]) -> list[Span]:
    """A one-word name that opens two sentences or more before a colon is an interview's
    speaker, a person everywhere in the document ("Hofer: Nein." … "Hofer: Möglicherweise."
    as the supermarket chain); not a name in capitals ("STANDARD:") or a known place."""
    turns = Counter(
        e.text
        for e in ents
        if len(e) == 1 and _speaker_label(e) and _opens_sentence(e[0]) and not e.text.isupper()
    )
    speakers = {text for text, n in turns.items() if n >= 2 and text not in geo_names()}
    return [
        Span(e.doc, e.start, e.end, label="PER") if e.text in speakers and e.label_ != "PER" else e
        for e in ents
    ]


def _opens_sentence(tok: Token) -> bool:
    """A sentence's first word, or the first word after a dateline ("Wien – Knapp fünf
    Wochen …") or a colon ("Poposki: Definitiv.")."""
    return tok.is_sent_start or (
        tok.i > 1 and (tok.nbor(-1).text in DATELINE_DASHES or tok.nbor(-1).text == ":")
    )


def _speaker_label(ent: Span) -> bool:
    """An interview's speaker before a colon: "Schwarz: Ich bin eine Leseratte"."""
    return ent.end < len(ent.doc) and ent.doc[ent.end].text == ":"


def _written_small(word: str, places: dict[str, str]) -> bool:
    """A capitalised word that the lemma table knows only written small: a lowercase lemma
    or the form of one, and no noun or known name."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    table, low = lemma_table(), word.lower()
    lowered, own = table.get(low), table.get(word)
    if own is not None and own[:1].isupper() or word in table.known:
        return False  # a noun: "Bevor" has none, "Kern" and "Held" have
    if not (low in table.known or lowered is not None and lowered[:1].islower()):
        return False
    return not (word in places or word in first_names() or word in geo_names())


def _vote(doc: Doc, ents: list[Span]) -> list[Span]:
    """One name, one label per document: where the same words carry different labels, the
    label a cue noun gave one of them wins ("Insel Lesbos" LOC, "Auf Lesbos" PER; "der
    Glücksspielkonzern Novomatic" ORG once, LOC twice), else the label of most of their uses,
    else each keeps its own; a word that follows a role as a person once is a person in all
    its uses, a name after a kind of medium once a medium."""
    votes: dict[str, Counter] = {}
    cued: dict[str, set[str]] = {}
    cues = label_cues()
    for ent in ents:
        votes.setdefault(ent.text, Counter())[ent.label_] += 1
        if ent.start > 0 and cue_label(doc[ent.start - 1].text, cues) == ent.label_:
            cued.setdefault(ent.text, set()).add(ent.label_)
    winner = {}
    cities = geo_names()
    surnames = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1}
    named = {
        e.text for e in ents if e.label_ == "PER" and len(e) == 1 and after_role_word(doc, e.start)
    }
    media = {
        e.text for e in ents if e.label_ == "ORG" and e.start > 0 and _media_kind(doc, e.start - 1)
    }
    for text, counts in votes.items():
        if len(counts) > 1:
            (top, n), (_, second) = counts.most_common(2)
            if text in named:
                winner[text] = "PER"  # "Pharao Tutanchamun" once, "Grab von Tutanchamun"
            elif text in media:
                winner[text] = "ORG"  # "Seitensprungportal Ashley Madison" once, then "bei …"
            elif _place_vote(text, counts, n, cities) and text not in surnames:
                winner[text] = "LOC"
            elif len(cued.get(text, ())) == 1:
                winner[text] = next(iter(cued[text]))
            elif n > second:
                winner[text] = top
    if not winner:
        return ents
    return [
        Span(doc, e.start, e.end, label=winner[e.text])
        if winner.get(e.text, e.label_) != e.label_
        else e
        for e in ents
    ]


def _place_vote(text: str, counts: Counter, top: int, cities: frozenset[str]) -> bool:
    """A one-word known place labelled LOC in at least half as many uses as its commonest
    label is a place in all of them ("Olpe" LOC once, PER twice; "Kaesong")."""
    return " " not in text and 2 * counts["LOC"] >= top and text in cities


def _surname_like(word: str) -> bool:
    """A word that can stand alone for a person: capitalised after any Arabic article
    ("el-Baradei"), at least three letters, letters with hyphens or apostrophes only
    ("Koch-Mehrin", "O’Keefe")."""
    body = word[3:] if word.startswith(ARABIC_ARTICLES) else word
    letters = body.replace("-", "").replace("’", "").replace("'", "")
    return len(word) >= 3 and body[:1].isupper() and letters.isalpha()


def _genitive_of_surname(word: str, places: dict[str, str]) -> bool:
    """The last word of a first name and surname in the genitive ("Christian Kerns"): its
    stem is the surname also where it is a noun, not where it is a place or first name."""
    stem = word[:-1]
    return (
        word.endswith("s")
        and len(stem) >= 4
        and _surname_like(stem)
        and stem not in places
        and stem not in geo_names()
        and not is_first_name(stem)
    )


def _genitive_surname(word: str, places: dict[str, str]) -> bool:
    """A lone person's name in the genitive ("Jazenjuks"): its stem is the name, when the
    stem is no place, first name or plain noun."""
    stem = word[:-1]
    return (
        _genitive_of_surname(word, places)
        and stem not in plain_nouns()
        and stem.lower() not in known_words()
    )


def _arabic_article_word(tok: Token) -> bool:
    """A capitalised word after an Arabic article outside any entity ("al-Ghab")."""
    text = tok.text
    return (
        text.startswith(ARABIC_ARTICLES)
        and text[3:4].isupper()
        and text[3:].replace("-", "").isalpha()
        and not tok.ent_type_
    )


def _particle_surnames(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The surname with its particles of a person's full name, as written and capitalised
    to open a sentence: ("Ursula", "von", "der", "Leyen") -> ("von", "der", "Leyen"),
    ("Von", "der", "Leyen")."""
    for k in range(1, len(words) - 1):
        if words[k] in PARTICLES or words[k] in CAPITAL_PARTICLES:
            surname = words[k:]
            capitalised = (surname[0][:1].upper() + surname[0][1:], *surname[1:])
            return [surname, capitalised] if capitalised != surname else [surname]
    return []


_GIVEN_NAME_SYLLABLES = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""A Korean given name of two syllables joined by a hyphen: "Ki-moon", "Jae-in"."""


def _east_asian_name(words: tuple[str, ...]) -> bool:
    """A name of short syllables ("Ban Ki Moon", "Kim Jong Un") or with a hyphenated given
    name ("Ban Ki-moon"): its family name comes first and is a name even where it is also a
    noun ("Ban")."""
    if len(words) == 2 and _GIVEN_NAME_SYLLABLES.fullmatch(words[1]):
        return True
    return len(words) == 3 and all(len(w) <= 4 and w.isalpha() and w[:1].isupper() for w in words)


ARTICLE_CONTRACTIONS = frozenset(
    "im am zum zur vom beim ins ans aufs durchs fürs übers unters vors hinters".split()
)
"""Prepositions with the article in them: a noun follows, not a name ("im Kern")."""


def _common_noun_slot(doc: Doc, i: int) -> bool:
    """A surname that is also a German word, tagged as a noun after an article, a
    possessive, an adjective or a preposition with the article in it: the word ("im Kern",
    "der harte Kern", "ihr Mann"; not "mit Kern", "des zweijährigen Kevin")."""
    tok = doc[i]
    if i == 0 or tok.pos_ != "NOUN" or tok.lower_ not in known_words() or is_first_name(tok.text):
        return False
    before = doc[i - 1]
    inflected = before.tag_ == "ADJA" and before.lower_.endswith(ADJECTIVE_ENDINGS)
    possessive = before.lower_ in POSSESSIVES and before.pos_ in ("DET", "PRON")  # "Ihr Mann"
    return before.tag_ == "ART" or inflected or possessive or before.lower_ in ARTICLE_CONTRACTIONS


def propagate(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Document-level consistency: a name found once is found everywhere in the document.

    Every other occurrence of an entity's exact words, and of the last word of a person's
    full name ("Trump" after "Donald Trump", also genitive "Trumps"), gets the same label
    where the model found nothing.
    """
    ents = _vote(doc, ents)
    forms: dict[tuple[str, ...], str] = {}
    places, cities = gazetteer_labels(), geo_names()
    slotted = {  # places named where only a place can stand ("in Salzburg")
        e.text for e in ents if e.label_ == "LOC" and e.text in cities and place_slot(doc, e, texts)
    }
    openers = {  # first words of the other names: "Admira Wacker" of "Admira Wacker Mödling"
        tuple(texts[e.start : e.start + k])
        for e in ents
        if e.label_ != "PER"
        for k in range(1, len(e))
    }
    for ent in ents:
        words = tuple(texts[ent.start : ent.end])
        if len(words) == 1 and not ent.text[:1].isupper():
            continue
        forms.setdefault(words, ent.label_)
        if ent.label_ == "PER" and words in openers:
            continue  # a firm's or a club's first words taken for a person lend no surname
        if ent.label_ == "PER" and len(words) > 2:
            for surname in _particle_surnames(words):  # "von der Leyen", "Von der Leyen"
                forms.setdefault(surname, "PER")
        if ent.label_ == "PER" and len(words) > 1:
            named = is_first_name(words[0]) or _east_asian_name(words)
            for part in {words[0], words[-1]}:  # surnames; family names first in Korean names
                if (
                    _surname_like(part)
                    and part not in places
                    and part.removesuffix("s") not in places
                    and (named or part not in plain_nouns() and part not in slotted)
                    and (named or name_labels().get(part, "PER") == "PER")
                    and not (part in cities and compound_head(words[0]) is not None)
                ):  # "Edomwonyi Salzburg" (a line-up run together) and "Jihadistenhochburg
                    # Raqqa" make no "Salzburg" or "Raqqa" PER; without a first name a known
                    # firm stays one ("Google Earth" taken for a person leaves "Google" ORG)
                    forms[(part,)] = "PER"
                    forms[(part + "s",)] = "PER"
            if named and len(words) == 2 and _genitive_of_surname(words[1], places):
                forms.setdefault((words[1][:-1],), "PER")  # "Christian Kerns" … "mit Kern"
        if ent.label_ == "PER" and len(words) == 1 and _genitive_surname(words[0], places):
            forms.setdefault((words[0][:-1],), "PER")  # "Jazenjuks Partei" … "Jazenjuk"
        elif (
            ent.label_ == "PER"
            and len(words) == 1
            and not words[0].endswith(("s", "x", "z", "ß"))
            and _genitive_surname(words[0] + "s", places)
        ):
            forms.setdefault((words[0] + "s",), "PER")  # "Mussawi" … "Anhänger Mussawis"
    # a one-word entity that is part of a person's name in this document is that person,
    # unless it is a place where only a place can stand ("Kunsthauses Bregenz" PER … "in
    # Bregenz" LOC)
    ents = [
        Span(doc, e.start, e.end, label="PER")
        if len(e) == 1
        and forms.get((e.text,)) == "PER"
        and e.label_ != "PER"
        and not (e.label_ == "LOC" and e.text in cities and place_slot(doc, e, texts))
        else e
        for e in ents
    ]
    ents = _longer_names_inside(doc, _labels_of_stems_and_prefixes(ents), texts)
    relabelled: dict[str, set[str]] = {}
    for e in ents:
        if len(e) == 1 and (e.text,) in forms:
            relabelled.setdefault(e.text, set()).add(e.label_)
    for text, found in relabelled.items():
        if len(found) == 1:  # "Güssing" PER -> ORG after "Güssing Knights": found so elsewhere
            forms[(text,)] = next(iter(found))
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    added = []
    lengths: dict[str, list[int]] = {}  # first word -> lengths of its forms, longest first
    for form in forms:
        lengths.setdefault(form[0], []).append(len(form))
    for sizes in lengths.values():
        sizes.sort(reverse=True)
    i = 0
    while i < len(texts):
        match = None
        for n in lengths.get(texts[i], ()):
            if i + n > len(texts):
                continue
            words = tuple(texts[i : i + n])
            if words in forms and not any(k in taken for k in range(i, i + n)):
                if not (n == 1 and forms[words] == "PER" and _common_noun_slot(doc, i)):
                    match = (n, forms[words])
                break
        if match:
            added.append(Span(doc, i, i + match[0], label=match[1]))
            i += match[0]
        else:
            i += 1
    return filter_spans(ents + added) if added else ents


def _labels_of_stems_and_prefixes(ents: list[Span]) -> list[Span]:
    """A genitive takes the label of its one-word name in the document ("Apples" PER ->
    ORG after "Apple" ORG), a team's last word its team's ("Panthers" after "Carolina
    Panthers"), and the first words of a longer organisation or place of the
    document take its label ("Fiat Chrysler" PER -> ORG after "Fiat Chrysler Automobiles"
    ORG); only where the document gives that name one label. A club's town taken for a
    person is the club ("mit Barcelona" PER after "FC Barcelona", "Güssing" after "Güssing
    Knights")."""
    labels: dict[str, set[str]] = {}
    for ent in ents:
        labels.setdefault(ent.text, set()).add(ent.label_)
    cities, places = geo_names(), gazetteer_labels()
    longer: dict[str, set[str]] = {}
    for ent in ents:
        if len(ent) > 2 and ent.label_ in ("ORG", "LOC"):
            for n in range(2, len(ent)):
                longer.setdefault(ent[:n].text, set()).add(ent.label_)
    teams = {e[-1].text for e in ents if e.label_ == "ORG" and len(e) > 1} & TEAM_TAILS.keys()
    towns = {
        e[-1].text for e in ents if e.label_ == "ORG" and len(e) == 2 and e[0].text in CLUB_OPENERS
    } | {e[0].text for e in ents if e.label_ == "ORG" and len(e) == 2 and e[-1].text in teams}
    out = []
    for ent in ents:
        text, label = ent.text, ent.label_
        stem = labels.get(text[:-1], set()) if len(ent) == 1 and text.endswith("s") else set()
        if text in teams or label == "PER" and text in towns:
            label = "ORG"  # "die Panthers" after "Carolina Panthers", "Barcelona" after "FC …"
        elif len(stem) == 1 and "PER" not in stem:
            label = next(iter(stem))
        elif (
            len(ent) > 1
            and len(longer.get(text, ())) == 1
            and not (label == "LOC" and (text in cities or text in places))  # "San Antonio"
            and not (label == "PER" and is_first_name(ent[0].text))  # "Hilda Morales"
        ):
            label = next(iter(longer[text]))
        out.append(ent if label == ent.label_ else Span(ent.doc, ent.start, ent.end, label=label))
    return out


def _longer_names_inside(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """The words of a multi-word name found elsewhere in the document (with one label) are
    that name where the model found a part of them ("Race Around [Austria]" after "Race
    Around Austria"); a person inside only a person ("Dalai" PER + "Lama" is no ORG)."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for e in ents:
        if len(e) > 1:
            labels.setdefault(tuple(texts[e.start : e.end]), set()).add(e.label_)
    names = {words: next(iter(found)) for words, found in labels.items() if len(found) == 1}
    if not names:
        return ents
    firsts: dict[str, set[int]] = {}
    for words in names:
        firsts.setdefault(words[0], set()).add(len(words))
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    replaced: set[Span] = set()
    added = []
    for i, text in enumerate(texts):
        for n in sorted(firsts.get(text, ()), reverse=True):
            if i + n > len(texts):
                continue  # a shorter name's words at the end of the text are not this one
            words = tuple(texts[i : i + n])
            parts = {owner[k] for k in range(i, i + n) if k in owner}
            if (
                words in names
                and parts
                and all(i <= e.start and e.end <= i + n and len(e) < n for e in parts)
                and all(e.label_ != "PER" or names[words] == "PER" for e in parts)
            ):
                replaced |= parts
                added.append(Span(doc, i, i + n, label=names[words]))
                break
    if not added:
        return ents
    return filter_spans([e for e in ents if e not in replaced] + added)


# a word before a full stop token at least this long is no abbreviation ("bzw", "Std");
# a shorter unknown one may be ("Kath.", "Stellv." are split off by the tokenizer)
MIN_WORD_BEFORE_PERIOD = 4
MIN_UNKNOWN_WORD_BEFORE_PERIOD = 7


def _sentence_final(word: str) -> bool:
    """A word before a full stop that ends a sentence, not an abbreviation: a known word
    form of at least 4 letters ("bedauert"), or any word of at least 7 ("Schussverletzungen")."""
    if len(word) >= MIN_UNKNOWN_WORD_BEFORE_PERIOD:
        return True
    if len(word) < MIN_WORD_BEFORE_PERIOD:
        return False
    table = lemma_table()
    return any(table.get(w) is not None or w in table.known for w in (word, word.lower()))


def _title_before(word: str) -> bool:
    """A capitalised title or role word ("Außenminister", "US-Präsidentin"), which a name
    follows on the same line, never the end of a sentence."""
    return word[:1].isupper() and is_role(word)


DATELINE_WORDS = 4
"""The most capitalised words (with "/" between places) a dateline has before its dash."""


def _dateline_dash(strings: StringStore, orth: list[int], start: int) -> int | None:
    """The dash ending a dateline that starts at token ``start`` (a line's first token or the
    one after a teaser's full stop: "Wien/Gumpoldskirchen –", "Berlin (APA) –") when a word
    follows it; else None."""
    k, words, n = start, 0, len(orth)
    while k < n - 2 and words < DATELINE_WORDS:
        text = strings[orth[k]]
        if text[:1].isupper() and text.replace("-", "").isalpha():
            if text.lower() in NOT_DATELINE_WORDS:  # (corpus.metadata)
                return None
            words += 1
        elif not (text == "/" and words):
            break
        k += 1
    if words and k < n - 4 and strings[orth[k]] == "(" and strings[orth[k + 2]] == ")":
        k += 3  # an agency: "Berlin (APA) –"
    if not words or k >= n - 1 or strings[orth[k]] not in {"–", "—"}:
        return None
    after = strings[orth[k + 1]]
    return k if after[:1].isalpha() or after[:1] in '„“"»«' else None


@Language.component("newscorp_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A line break always starts a new sentence (headlines, datelines, paragraphs), and so
    does the word after a dateline's dash ("London – | Arsenal-Trainer …", also after a
    teaser's full stop: "… ausbauen. | Wien – | Der …"); a
    capitalised word after a word and a full stop does ("… verletzt. | Die Polizei"), and
    after spaces there (a blanked dateline: "… Pfalz. |      | Die …", the spaces standing
    apart as a line break does); a
    lowercase word never does right after a word on the same line ("Nordkorea | und die USA")
    or after an abbreviation's full stop ("dt. | etwa"),
    nor does a capitalised word after a title ("Außenminister | Heiko Maas").

    Works on ``doc.to_array`` columns and the vocabulary's strings (no Token objects, not
    even ``doc.text``, which builds one per word); a token's trailing whitespace is one space
    or none, so only whitespace tokens carry line breaks."""
    if len(doc) < 2:
        return doc
    cols = doc.to_array([IS_SPACE, IS_ALPHA, ORTH, SENT_START])
    space, alpha = cols[:, 0].astype(bool), cols[:, 1].astype(bool)
    orth = cols[:, 2].tolist()
    starts = cols[:, 3].astype(np.int64)
    strings = doc.vocab.strings
    new = starts.copy()
    line_starts = [0]
    for i in np.flatnonzero(space[:-1]).tolist():
        if "\n" in strings[orth[i]]:
            new[i + 1] = 1
            line_starts.append(i + 1)
    for i in line_starts:
        dash = _dateline_dash(strings, orth, i)
        if dash is not None:
            new[dash + 1] = 1  # "London – Arsenal-Trainer Arsene Wenger hat …": a dateline
    stops = [strings.as_int(mark) for mark in ".!?" if mark in strings]
    for i in (np.flatnonzero(np.isin(cols[1:-2, 2], stops)) + 2).tolist():
        if strings[orth[i - 2]][-1:].isalnum() and not space[i]:  # "EU-Recht. Wien – …"
            dash = _dateline_dash(strings, orth, i)  # after a teaser: "… ausbauen. Wien – Der"
            if dash is not None and strings[orth[dash + 1]][:1].isupper():
                new[i] = new[dash + 1] = 1
    period = strings.as_int(".") if "." in strings else -1
    for i in np.flatnonzero(alpha[:-2] & (cols[1:-1, 2] == period) & alpha[2:]).tolist():
        word, nxt = strings[orth[i]], strings[orth[i + 2]]
        final = _sentence_final(word)
        if nxt[:1].isupper() and final:
            new[i + 2] = 1  # "… Schussverletzungen. Oppositionsanhänger …": a full stop
        elif nxt[:1].islower() and not final:
            new[i + 2] = -1  # "(Awoda, dt. etwa Arbeiterpartei)": an abbreviation
    blank = np.isin(cols[1:-2, 2], stops) & space[2:-1] & alpha[3:]
    for i in np.flatnonzero(blank).tolist():
        word = strings[orth[i]]
        if "\n" not in strings[orth[i + 2]] and strings[orth[i + 3]][:1].isupper():
            if word[-1:].isalnum() and _sentence_final(word):
                new[i + 2] = new[i + 3] = 1  # "… Pfalz.      Die …": a blanked dateline
    after_word = np.flatnonzero(alpha[:-1] & (starts[1:] == 0)) + 1
    for j in after_word.tolist():
        text = strings[orth[j]]
        if text[:1].islower():
            new[j] = -1
        elif text[:1].isupper() and _title_before(strings[orth[j - 1]]):
            new[j] = -1  # "Außenminister | Heiko Maas": a title before a name ends nothing
    if (new != starts).any():
        if doc.has_annotation("DEP"):
            raise ValueError(Errors.E043)  # as setting Token.is_sent_start would
        doc.from_array([SENT_START], new.astype(np.uint64))
    return doc


@Language.factory("newscorp_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """Factory for the gazetteer layer."""
    return Gazetteer(nlp)


# spaCy validates a factory's arguments by its annotations, which this module's postponed
# evaluation leaves as strings; spaCy 3.8.7 and older cannot resolve them itself
make_gazetteer.__annotations__ = get_type_hints(make_gazetteer)


@Language.component("newscorp_entity_rules")
def entity_rules(doc: Doc) -> Doc:
    """Component wrapper around :func:`clean_entities`."""
    return clean_entities(doc)


def add_rule_layers(nlp: Language) -> None:
    """Add newscorp's rule components to a loaded pipeline (idempotent)."""
    from newscorp.pipeline.vote import add_entity_vote

    add_entity_vote(nlp)
    names = set(nlp.pipe_names)
    if not names & {"parser", "senter", "sentencizer"}:
        nlp.add_pipe("sentencizer", first=True)
    if "newscorp_paragraphs" not in names:
        nlp.add_pipe("newscorp_paragraphs", first=True)
    if "newscorp_lemmas" not in names:
        nlp.add_pipe("newscorp_lemmas", last=True)
    if "newscorp_auxiliaries" not in names and _ud_parser(nlp):
        nlp.add_pipe("newscorp_auxiliaries", last=True)
    if "newscorp_mood" not in names:
        nlp.add_pipe("newscorp_mood", last=True)
    if "newscorp_gazetteer" not in names:
        nlp.add_pipe("newscorp_gazetteer", last=True)
    if "newscorp_names" not in names:
        import newscorp.pipeline.names  # noqa: F401  (registers the component)

        nlp.add_pipe("newscorp_names", last=True)
    if "newscorp_entity_rules" not in names:
        nlp.add_pipe("newscorp_entity_rules", last=True)
    if "newscorp_proper_nouns" not in names:
        nlp.add_pipe("newscorp_proper_nouns", last=True)


# a hyphen before a capital letter ("Nordkorea-Experte", "SPD-Politiker"): no verb form has one
_HYPHEN_CAPITAL = re.compile(r"[^\W\d_]-[A-ZÄÖÜ]")


# (STTS tag, part of speech) pairs where the tagger's tag allows only another part of speech
# and is the likelier one: an adjective ("ADJD": "schnell" in "läuft schnell"; "ADJA":
# attributive) the morphologizer called an adverb or a noun, a possessive determiner called
# an adjective. Pipelines whose parts of speech come from their tags (de_core_news_sm) always
# agree, so this changes nothing there.
TAG_POS = {
    ("ADJD", "ADV"): "ADJ",
    ("ADJA", "ADV"): "ADJ",
    ("ADJA", "NOUN"): "ADJ",
    ("PPOSAT", "ADJ"): "DET",
}
# the same pairs as string ids (a string's id is its hash, the same in every vocabulary)
_TAG_POS_IDS = {
    (get_string_id(tag), POS_IDS[pos]): POS_IDS[new] for (tag, pos), new in TAG_POS.items()
}
_TAG_IDS = sorted({tag for tag, _ in _TAG_POS_IDS})


def agree_with_tags(doc: Doc, cols: np.ndarray) -> None:
    """Set the part of speech of :data:`TAG_POS` pairs to the tag's (``cols``: the POS
    column first, updated in place)."""
    tags = doc.to_array(TAG)
    candidates = np.flatnonzero(np.isin(tags, _TAG_IDS))
    for i in candidates.tolist():
        new = _TAG_POS_IDS.get((int(tags[i]), int(cols[i, 0])))
        if new is not None:
            doc[i].pos = new
            cols[i, 0] = new


@Language.component("newscorp_lemmas")
def lemma_rules(doc: Doc) -> Doc:
    """Whitespace tokens are ``SPACE`` (the treebanks have none, so a tagger guesses a noun or
    a verb for a line break); parts of speech the fine-grained tag excludes follow the tag
    (:data:`TAG_POS`); a word with a hyphen before a capital letter tagged as a verb is
    a noun ("Nordkorea-Experte"; a name if the tagger said NE); open-class words with an
    unknown lemma get the lookup table's lemma (only the tokens
    :func:`~newscorp.pipeline.lemmas.repaired_lemma` can change become Token objects)."""
    known = lemma_table().known
    strings = doc.vocab.strings
    open_class = [POS_IDS[pos] for pos in OPEN_CLASS]
    cols = doc.to_array([POS, LEMMA, IS_SPACE, ORTH])
    agree_with_tags(doc, cols)
    for i in np.flatnonzero(cols[:, 2]).tolist():
        token = doc[i]
        token.pos_, token.tag_ = "SPACE", "_SP"
        token.set_morph(None)
        cols[i, 0] = POS_IDS["SPACE"]  # not open-class any more
    verbal = np.flatnonzero(np.isin(cols[:, 0], [POS_IDS["VERB"], POS_IDS["AUX"]]))
    for i in verbal.tolist():
        if _HYPHEN_CAPITAL.search(strings[cols[i, 3]]):  # "Nordkorea-Experte" tagged VERB
            token = doc[i]
            token.pos_ = "PROPN" if token.tag_ == "NE" else "NOUN"
            token.lemma_ = token.text  # the lemmatizer's verb lemma: "Nordkorea-Experen"
            token.set_morph(None)
            cols[i, 0] = POS_IDS[token.pos_]
    candidates = np.flatnonzero(np.isin(cols[:, 0], open_class))
    for i, lemma_id in zip(candidates.tolist(), cols[candidates, 1].tolist(), strict=True):
        lemma = strings[lemma_id]
        if lemma and (lemma in known or lemma.lower() in known):
            continue
        token = doc[i]
        new = repaired_lemma(token)
        if new:
            token.lemma_ = new
    return doc


# the words UD tags AUX when they are auxiliaries or copulas (relation aux, aux:pass, cop)
# and VERB otherwise: "Er hatte Angst", "Sie ist in Berlin", "Das will er nicht"
AUXILIARY_LEMMAS = frozenset(
    {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"}
)
AUXILIARY_DEPS = frozenset({"aux", "aux:pass", "cop"})
_AUXILIARY_LEMMA_IDS = [get_string_id(lemma) for lemma in AUXILIARY_LEMMAS]
_AUXILIARY_DEP_IDS = [get_string_id(dep) for dep in AUXILIARY_DEPS]


def _ud_parser(nlp: Language) -> bool:
    """Does the pipeline's parser label UD relations (aux, cop), not TIGER's
    (de_core_news_sm: the finite auxiliary heads its clause there)?"""
    if "parser" not in nlp.pipe_names:
        return False
    labels = set(getattr(nlp.get_pipe("parser"), "labels", ()))
    return {"aux", "cop"} <= labels


@Language.component("newscorp_auxiliaries")
def auxiliary_rules(doc: Doc) -> Doc:
    """An auxiliary or modal verb (:data:`AUXILIARY_LEMMAS`) is AUX when the parser
    attached it as an auxiliary or copula, and VERB when it heads or fills any other
    relation (the tagger alone cannot see which: "hatte" in "hatte Angst" vs "hatte
    gesagt"). Added only for a parser with UD labels."""
    if not doc.has_annotation("DEP"):
        return doc
    cols = doc.to_array([POS, LEMMA, DEP])
    verbal = np.isin(cols[:, 0], [POS_IDS["AUX"], POS_IDS["VERB"]])
    verbal &= np.isin(cols[:, 1], _AUXILIARY_LEMMA_IDS)
    for i in np.flatnonzero(verbal).tolist():
        pos = "AUX" if int(cols[i, 2]) in _AUXILIARY_DEP_IDS else "VERB"
        if POS_IDS[pos] != cols[i, 0]:
            doc[i].pos_ = pos
    return doc


_NAME_LABEL_IDS = [get_string_id(label) for label in ("PER", "LOC")]


_CALENDAR_IDS = np.array(
    [get_string_id(form) for name in MONTHS for form in (name.capitalize(), name, name.upper())],
    dtype="uint64",
)


@Language.component("newscorp_proper_nouns")
def proper_noun_rules(doc: Doc) -> Doc:
    """Nouns against the final entities: a NOUN inside a person or place name is a PROPN
    ("Cuxhaven", "Onnasch") unless it is a plain noun (:func:`plain_nouns`: "Pastor" left
    in a name is a role); a PROPN outside every entity that is a plain noun is a NOUN
    ("Feuerwerk", "Kanzlei"). The STTS tag follows (NN <-> NE). The name of a weekday or a
    month is a PROPN tagged NN, as UD German-GSD has all 79 weekdays and 39 of its 46 months
    ("am Freitag", "im Mai")."""
    if not doc.has_annotation("POS"):
        return doc
    cols = doc.to_array([POS, ORTH, ENT_TYPE])
    noun, propn = POS_IDS["NOUN"], POS_IDS["PROPN"]
    in_name = np.isin(cols[:, 2], _NAME_LABEL_IDS)
    named_noun = (cols[:, 0] == noun) & in_name
    loose_name = (cols[:, 0] == propn) & (cols[:, 2] == 0)
    calendar = np.isin(cols[:, 1], _CALENDAR_IDS)
    for i in np.flatnonzero(calendar & (cols[:, 0] == noun)).tolist():
        doc[i].pos = propn
    changes = np.flatnonzero((named_noun | loose_name) & ~calendar)
    if not changes.size:
        return doc
    plain, strings = plain_nouns(), doc.vocab.strings
    for i in changes.tolist():
        # a named noun becomes a name unless plain; a loose name becomes a noun if plain
        if (strings[cols[i, 1]] in plain) == bool(named_noun[i]):
            continue
        token = doc[i]
        token.pos, old, new = (propn, "NN", "NE") if named_noun[i] else (noun, "NE", "NN")
        if token.tag_ == old:
            token.tag_ = new
    return doc


@Language.component("newscorp_mood")
def mood_rules(doc: Doc) -> Doc:
    """Konjunktiv forms get ``Mood=Sub`` (see :mod:`newscorp.pipeline.mood`); only where a
    morphologizer ran (without one, quotes detect Konjunktiv by surface forms)."""
    if not doc.has_annotation("MORPH"):
        return doc
    # whether a token's features say Mood=Sub, once per distinct feature set (a token's own
    # features change only at its own turn below, after this is read)
    subjunctive = _subjunctive_morphs(doc)
    for i in _mood_candidates(doc, subjunctive):
        token, sub = doc[i], subjunctive[i]
        verb = mistagged_konjunktiv(token)
        if verb:
            token.pos_, token.lemma_ = "VERB", verb
        elif verb := mistagged_finite(token):
            token.pos_, token.lemma_ = "VERB", verb  # "…, dass … ins Auge fasst" tagged ADJ
            token.set_morph("Mood=Ind|VerbForm=Fin")  # konjunktiv_tense below may make it Sub
            sub = False
        elif verb_first(token):
            token.pos_ = "AUX"  # "Hätte es …", „Hatten mehrere Optionen“ tagged as a noun
            token.lemma_ = verb_lemma_of_e_form(token.text) or token.lemma_
            token.set_morph("Mood=Ind|VerbForm=Fin")  # no noun's case and gender
            sub = False
        tense = konjunktiv_tense(token)
        if tense and not sub:
            set_mood(token, "Sub", tense)
            if token.pos_ not in VERB_POS:
                token.pos_ = "AUX"  # only auxiliaries and modals are in the form lists
        elif sub and is_indicative(token):
            set_mood(token, "Ind")
        elif sub and not_konjunktiv(token):
            drop_mood(token)
    return doc


_MOOD_POS = frozenset(POS_IDS[p] for p in ("VERB", "AUX", "ADJ", "ADV"))
_KONJUNKTIV_IDS = frozenset(get_string_id(w) for w in KONJUNKTIV_ONE | KONJUNKTIV_TWO)
_SENTENCE_MARK_IDS = frozenset(get_string_id(w) for w in OPENING_MARKS | {".", "!", "?"})


def _mood_candidates(doc: Doc, subjunctive: list[bool]) -> list[int]:
    """The tokens the mood rules may change, read once from the arrays: a model's
    ``Mood=Sub``, a verb, adjective or adverb, a Konjunktiv form of any tag, or a word after
    a sentence end, an opening mark or a line break (a verb-first clause). A token's own tag
    changes only at its own turn, so this is the set the per-token rules would act on."""
    cols = doc.to_array([POS, LOWER, ORTH, IS_SPACE]).tolist()
    out = []
    for i, (pos, lower, _, _) in enumerate(cols):
        if subjunctive[i] or pos in _MOOD_POS or lower in _KONJUNKTIV_IDS:
            out.append(i)
        elif i == 0 or cols[i - 1][2] in _SENTENCE_MARK_IDS or cols[i - 1][3]:
            out.append(i)
    return out


def _subjunctive_morphs(doc: Doc) -> list[bool]:
    """For each token, whether ``"Sub" in token.morph.get("Mood")``, from the MORPH column."""
    sub: dict[int, bool] = {}
    out = []
    for key in doc.to_array(MORPH).tolist():
        if key not in sub:
            sub[key] = "Sub" in MorphAnalysis.from_id(doc.vocab, key).get("Mood")
        out.append(sub[key])
    return out
