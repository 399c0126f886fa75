"""Name rules on top of any model's entities (``newscorp_names``, before the entity rules).

In order:
- words that annotated corpora use mostly outside names ("Natur", "Kraft") are trimmed off the
  start of an entity ("Firma Hachez" -> "Hachez"); an entity of nothing else is dropped, and
  so is a lone role word ("US-Außenminister") and a lone compound whose head never ends a
  name (``entity_heads.txt``: "Tandemanordnung"); a describing compound before a complete
  name goes ("Chemiekonzern BASF" -> "BASF");
- a name the corpora label consistently gets that label (``name_labels.tsv``: "Hachez" ORG,
  "Euro" MISC; a lone role word is none), else a name with an English place word is a place
  ("Hudson River", "Cape Canaveral"), else a multi-word name takes its last word's label
  (``label_tails.tsv``: "... GmbH" ORG); a genitive name is split from the common noun it
  owns ("Tiganjs Version" -> "Tiganjs", an unknown owner a person); known names are added
  where the model found nothing, and so are cities and regions (``geo_names.txt.gz``,
  pycountry subdivisions);
- a known first name followed by capitalised name words is a person ("Kerstin Holm",
  "Ursula von der Leyen"): added, relabelled, or a model PER span extended by its first name;
  it stops before known places and the model's other multi-word entities, and is no person
  when its last word ends organisation or place names ("Dave Matthews Band");
- a proper noun right after a role word is a person ("Botschafter Ostrowski");
- the name after a cue noun takes the cue's label (``label_cues.tsv``: "Zeitung
  Ekathimerini" ORG, "Insel Lampedusa" LOC); a lone unknown name right after a verb of
  saying is a person ("sagte Vestager"); currencies are MISC ("US-Dollar").

Word lists: newscorp/data, built by training/name_lists.py, entity_heads.py, label_cues.py
and geo_names.py (provenance in NOTICE).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import ORTH, POS, SENT_START
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newscorp.pipeline.lemmas import table_lemma
from newscorp.pipeline.lexicons import (
    ARABIC_ARTICLES,
    CAPITAL_PARTICLES,
    COMPOUND_MEDIA_HEADS,
    MEDIA_HEADS,
    NOUN_ENDINGS,
    PARTICLES,
    common_nouns,
    compound_head,
    compound_noun,
    cue_key,
    currency_names,
    data_lines,
    dateline_places,
    de_words,
    entity_heads,
    gazetteer,
    gazetteer_labels,
    genitive_forms,
    geo_names,
    is_role,
    known_words,
    label_cues,
    language_names,
    plain_nouns,
    words_by_kind,
)

# articles only after a particle: "von der Leyen", "van den Berg"
ARTICLES = frozenset("der den".split())
# "zu" only right after the first name ("Karl-Theodor zu Guttenberg"); elsewhere it is a
# preposition ("Angela Merkel zu Besuch")
NOBLE_ZU = "zu"
# words after which a plain noun is no surname ("von der Gewerkschaft", "vom Sekretariat")
BEFORE_NOUN = ARTICLES | {"vom"}


@cache
def places() -> frozenset[str]:
    """Names of newscorp's gazetteer of places and organisations."""
    return frozenset(name for _, name in gazetteer())


@cache
def first_names() -> frozenset[str]:
    """Known first names (first_names.txt) that are not also places or organisations."""
    return frozenset(data_lines("first_names.txt")) - places()


def is_first_name(text: str) -> bool:
    """A known first name, or a double first name of two ("Karl-Theodor", "Anna-Lena")."""
    names = first_names()
    if text in names:
        return True
    if "-" not in text:
        return False
    parts = text.split("-")
    return len(parts) == 2 and all(part in names for part in parts)


@cache
def nonnames() -> frozenset[str]:
    """Capitalised words used mostly outside names (nonnames.txt and common_nouns.txt)."""
    return frozenset(data_lines("nonnames.txt")) | common_nouns()


@cache
def name_tails() -> frozenset[str]:
    """Last words of place/organisation names never seen in a person's (name_tails.txt)."""
    return frozenset(data_lines("name_tails.txt"))


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, from the ORTH column (no Token objects)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


# parts of speech that never continue a person's name ("Patrick von Brunn | Auf ..."); of the
# closed classes only real function words (stop words): taggers give unknown capitalised
# names such tags ("Elshorst" ADV)
NOT_NAME = frozenset({"ADP", "DET", "PRON", "ADV", "CCONJ", "SCONJ", "AUX", "VERB", "PART", "ADJ"})
OPEN_CLASS = frozenset({"AUX", "VERB", "ADJ"})


def _repeated_full_name(doc: Doc, first: int, i: int) -> bool:
    """A first name and a word right after it twice or more in the document, the word also
    alone as a name: a surname that is also a word ("Stefan Kraft" … "Stefan Kraft" …
    "meinte Kraft"), not an object after a name ("erhält Rosl Hilfe") nor a name's last
    word ("im Junior Cup" twice)."""
    if i != first + 1:
        return False
    word = doc[i].text
    if doc.text.count(f"{doc[first].text} {word}") < 2:  # one string search, no Tokens
        return False
    return any(_bare_name(doc, k) for k in range(1, len(doc)) if doc[k].text == word)


SOURCE_WORDS = frozenset({"laut", "so", "meinte", "sagte"})


def _bare_name(doc: Doc, k: int) -> bool:
    """A word used alone as a name: right after a verb or "laut"/"so" ("meinte Kraft",
    "laut Bischof"), or opening a sentence before its verb ("Kraft freut sich")."""
    before = doc[k - 1]
    if before.pos_ in ("VERB", "AUX") or before.lower_ in SOURCE_WORDS:
        return True
    return doc[k].is_sent_start and k + 1 < len(doc) and doc[k + 1].pos_ in ("VERB", "AUX")


def _name_word(doc: Doc, i: int, first: int) -> bool:
    """A capitalised word that can continue the person's name starting at ``first``."""
    tok = doc[i]
    text = tok.text
    if text.startswith(ARABIC_ARTICLES) and i > first and doc[i - 1].text in PARTICLES:
        text = text[3:]  # "Ali bin al-Hussein"
    if not (
        text[:1].isupper()
        and len(text) > 1
        and text.replace("-", "").replace("'", "").isalpha()
        and not text.isupper()
    ):
        return False
    if tok.is_sent_start and doc[i - 1].is_punct or text in ENGLISH_ARTICLES:
        return False  # "Quentin Tarantinos The Hateful Eight": a title after the name
    if (text in nonnames() or is_role(text)) and not _repeated_full_name(doc, first, i):
        return False
    if text in first_names():
        return True  # "Hans Dietrich Genscher", whatever the tagger says
    if tok.pos_ in NOT_NAME and (tok.pos_ in OPEN_CLASS or tok.lower_ in STOP_WORDS):
        return False  # an unknown surname tagged as a function word stays: "Hansjörg Elshorst"
    if i - 1 > first and tok.pos_ == "NOUN" and text in plain_nouns():
        return False  # "Gesundheitsstadträtin Sonja Wehsely Empörung": a third word
    if i - 1 > first and text.endswith("s") and text[:-1] in geo_names():
        return False  # "mit Bobby Charlton Englands Rekordtorschütze": a place's genitive
    # "Heidi Klums Modelsuche", "Steven Spielbergs Kalter-Krieg-Thriller": a noun after a
    # genitive ends the name
    return not (
        i - 1 > first
        and doc[i - 1].text.endswith("s")
        and (tok.pos_ == "NOUN" or plain_noun_or_compound(text))
    )


def _person_end(doc: Doc, i: int, owner: dict[int, Span]) -> int:
    """End of the person name that starts with first name ``doc[i]``, or ``i`` if none.

    The name stops before the model's other multi-word entities, known places and a plain
    noun after "vom" or an article; it is no person when its last word ends place or
    organisation names ("Dave Matthews Band")."""
    known_places = places()
    end = i + 1
    j = i + 1
    while j < len(doc):
        span = owner.get(j)
        if span is not None and span.start == j and span.label_ != "PER" and len(span) > 1:
            break
        if doc[j].text in known_places and not _first_name_and_place(doc, owner, i, j):
            break
        if j > end and doc[j - 1].text in BEFORE_NOUN and plain_noun_or_compound(doc[j].text):
            break  # "Hans-Peter Lafos von der Gewerkschaft", not "Henning von Storch"
        if _name_word(doc, j, i):
            end = j = j + 1
        elif j + 1 < len(doc) and particle_in_name(doc, i, j) and not _affiliation(doc, i, j):
            j += 1
        else:
            break
    if end == i + 1:
        return i
    if doc[end - 1].text in name_tails() and not _first_name_and_place(doc, owner, i, end - 1):
        return i
    return end


def _first_name_and_place(doc: Doc, owner: dict[int, Span], i: int, j: int) -> bool:
    """The model's one name of two words, a first name and a word that ends places' names
    or is one, also a surname ("Sabine Haag" as LOC), and no known place as a whole
    ("Maria Enzersdorf")."""
    ent = owner.get(i)
    return (
        j == i + 1
        and ent is not None
        and ent is owner.get(j)
        and (ent.start, ent.end) == (i, j + 1)
        and ent.text not in places()
        and ent.text not in geo_names()
    )


AFFILIATION_ARTICLES = frozenset("der den dem".split())


def _affiliation(doc: Doc, first: int, j: int) -> bool:
    """Does the particle ``doc[j]`` after a surname start where the person is from, not
    more of the name: "vom" or "von der/den/dem", or a particle before a first name ("Gary
    Ruff vom Glenn Research Center", "Petra Pau von der Linksfraktion", "Jakob von Gunten
    von Robert Walser"; not "Claus Schenk Graf von Stauffenberg", "Gonzalo Perez de
    Vargas", nor right after first names: "Ursula von der Leyen")."""
    if all(is_first_name(doc[k].text) for k in range(first + 1, j)):
        return False
    text, nxt = doc[j].text, doc[j + 1].text
    if text != "von":
        return text == "vom"  # "Lula da Silva": "Silva" is also a first name
    return nxt in AFFILIATION_ARTICLES or is_first_name(nxt)


def plain_noun_or_compound(text: str) -> bool:
    """A plain noun, or a hyphenated compound ending in one ("ORF-Unterhaltung"; not the
    double surname "Kramp-Karrenbauer")."""
    plain = plain_nouns()
    return text in plain or "-" in text.strip("-") and text.rsplit("-", 1)[1] in plain


def particle_in_name(doc: Doc, first: int, j: int) -> bool:
    """Is ``doc[j]`` a particle inside the person's name that starts at ``first``: "von",
    "van", "de" …, "der"/"den" after one ("von der Leyen"), "zu" right after the first name
    ("Karl-Theodor zu Guttenberg")?"""
    text = doc[j].text
    before = doc[j - 1].text
    return (
        text in PARTICLES
        or (text in CAPITAL_PARTICLES and j > first)
        or (text in ARTICLES and (before in PARTICLES or before in CAPITAL_PARTICLES))
        or (text == NOBLE_ZU and j == first + 1)
    )


def _known(span: Span) -> bool:
    return span.text in places()


def _persons(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Add, extend and relabel person names that start with a known first name."""
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    free = 0  # tokens before it belong to a name handled here
    for i in [i for i, text in enumerate(texts) if is_first_name(text)]:
        if i < free or (
            i > 0 and texts[i - 1][:1].isupper() and i - 1 in owner and owner[i - 1].label_ != "PER"
        ):
            continue
        end = _person_end(doc, i, owner)
        if end == i or _function_word_before_noun(doc, i, texts):
            continue
        hit = {owner[k] for k in range(i, end) if k in owner}
        if any(_ends_with_organisation_word(e) for e in hit):
            continue  # "Carolina Panthers", "Peter Müller GmbH": the first name opens a firm
        if all(e.start >= i and e.end <= end or e.label_ == "PER" for e in hit):
            start = min([i] + [e.start for e in hit if e.label_ == "PER"])
            stop = max([end] + [e.end for e in hit])
            ents = [e for e in ents if e not in hit]
            person = Span(doc, start, stop, label="PER")
            ents.append(person)
            for k in range(start, stop):
                owner[k] = person
        free = end
    return ents


LEGAL_FORMS = frozenset("GmbH AG KG OHG SE Inc Ltd Corp".split())
"""Legal forms that end firms' names."""


def _ends_with_organisation_word(ent: Span) -> bool:
    """An organisation of two words or more whose last word is a team's or a firm's legal
    form ("Panthers", "GmbH"; not a surname some corpus had in a firm's name: "Mayr")."""
    last = ent[-1].text
    return (
        ent.label_ == "ORG"
        and len(ent) > 1
        and (CURATED_TAILS.get(last) == "ORG" or last in LEGAL_FORMS)
    )


def _initial_name_word(tok: Token) -> bool:
    """A capitalised word that may be a first name before an initial: a known first name, or
    a word no list knows as German, a role, a place or a word used outside names ("Fayçal")."""
    text = tok.text
    if is_first_name(text):
        return True
    shaped = len(text) >= 3 and text[:1].isupper() and text.isalpha() and not text.isupper()
    return shaped and _unlisted_word(tok)


def _unlisted_word(tok: Token) -> bool:
    """A word no list knows as German, a role, a place or a word used outside names."""
    text = tok.text
    return (
        text not in nonnames()
        and tok.lower_ not in de_words()
        and not is_role(text)
        and text not in geo_names()
        and text not in places()
    )


def _initial_surnames(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A first name and a surname given as its initial, as the press names suspects and
    victims ("ein Mann namens Fayçal C.", "als Samy A. identifiziert"), or a middle initial
    ("Stephen K. Robinson"): a person, also when the first name is one no list knows. Not a
    page ("S. 234")."""
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    for i, text in enumerate(texts):
        if len(text) != 2 or text[1] != "." or not text[0].isupper() or text[0] == "S" or i == 0:
            continue
        if i + 1 < len(doc) and doc[i + 1].like_num:
            continue
        start = i
        while start > 0 and _initial_name_word(doc[start - 1]) and start - 1 not in owner:
            start -= 1
        if start == i and i - 1 in owner and owner[i - 1].label_ == "PER":
            start = owner[i - 1].start  # "Peter M.": the model's person, then its initial
        end = i + 1
        while end < len(doc) and _initial_name_word(doc[end]) and end not in owner:
            end += 1  # a middle initial: "Stephen K. Robinson"
        if start == i or any(owner[k].label_ != "PER" for k in range(start, end) if k in owner):
            continue
        hit = {owner[k] for k in range(start, end) if k in owner}
        if any(e.start < start or e.end > end for e in hit):
            continue
        person = Span(doc, start, end, label="PER")
        ents = [e for e in ents if e not in hit] + [person]
        for k in range(start, end):
            owner[k] = person
    return ents


def _unknown_name_words(span: Span) -> bool:
    """Two or three capitalised words that no list knows as German, a place, a role or a
    name of the gazetteer: a person's name as much as anything ("Najim Laachraoui")."""
    if not 2 <= len(span) <= 3 or span.text in gazetteer_labels() or _known(span):
        return False
    return all(t.is_title and t.is_alpha and _unlisted_word(t) for t in span)


def _coordinated_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place or organisation of unknown words joined by "und" or "sowie" to a person of
    two words or more is a person too ("als Ibrahim El Bakraoui und Najim Laachraoui
    identifiziert": the model made a place of the second)."""
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    out = []
    for ent in ents:
        if ent.label_ in ("LOC", "ORG") and ent.start >= 2 and _unknown_name_words(ent):
            before = by_end.get(ent.start - 1)
            after = by_start.get(ent.end + 1)
            joined = [
                e
                for e, k in ((before, ent.start - 1), (after, ent.end))
                if e is not None
                and e.label_ == "PER"
                and len(e) > 1
                and k < len(doc)
                and doc[k].lower_ in ("und", "sowie")
            ]
            if joined:
                ent = Span(doc, ent.start, ent.end, label="PER")
        out.append(ent)
    return out


FUNCTION_POS = frozenset({"ADP", "DET", "PRON"})


def _function_word_before_noun(doc: Doc, i: int, texts: list[str]) -> bool:
    """A first name opening a sentence that is also a function word, before a plain noun:
    "Allen Umfragen zufolge", "Allen Unkenrufen zum Trotz" (not "Allen Ginsberg"), or one
    the tagger calls a preposition, determiner or pronoun before a compound of known words:
    "Per Infrarotsender lassen sich …" (not "Per Mertesacker"), or one it calls a
    conjunction ("Da Hemler gesucht wird")."""
    if not (i == 0 or doc[i].is_sent_start) or i + 1 >= len(texts):
        return False
    nxt = texts[i + 1]
    if texts[i].lower() in STOP_WORDS and nxt in plain_nouns():
        return True
    if texts[i].lower() in STOP_WORDS and doc[i].pos_ in ("SCONJ", "CCONJ"):
        return True  # "Da Hemler noch gesucht wird, …": a conjunction, whatever follows
    return doc[i].pos_ in FUNCTION_POS and compound_noun(nxt)


def _after_roles(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A proper noun right after a role word is a person ("Umweltminister Sigmar Gabriel")
    where the model found nothing, and so is an unknown name it gave another label
    ("Botschafter Ostrowski" as LOC, "General Winai Phattiyakul" as ORG, a first name and a
    surname that is a word, "Journalistin Hanna Herbst" as ORG); a word between a
    role and a person's name belongs to the name ("Experten Ankit Panda" with only "Panda"
    found)."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    new = []
    caps = [text[:1].isupper() for text in texts]
    for i in [i for i in range(1, len(texts)) if caps[i] and caps[i - 1]]:
        word = texts[i - 1]
        if not is_role(word):
            continue
        if place_genitive(texts[i]):  # "die Außenminister Athens und Ankaras": the place
            hit = [e for e in ents if e.start <= i < e.end]
            if all(len(e) == 1 for e in hit):
                ents = [e for e in ents if e not in hit]
                new.append(Span(doc, i, i + 1, label="LOC"))
            continue
        if i in taken:  # "Botschafter Ostrowski" tagged LOC: a person
            ent = next(e for e in ents if e.start <= i < e.end)
            if (
                ent.start == i
                and ent.label_ != "PER"
                and not _known(ent)
                and ent.text not in name_labels()
                and (
                    all(_name_word(doc, j, i) for j in range(i, ent.end))
                    or len(ent) == 2
                    and is_first_name(texts[i])  # "Hanna Herbst"
                )
            ):
                ents = [e for e in ents if e is not ent]
                new.append(Span(doc, i, ent.end, label="PER"))
            continue
        nxt = next((e for e in ents if e.start == i + 1), None)
        if nxt is not None and nxt.label_ == "PER" and _name_word(doc, i, i):
            # "Nordkorea-Experten Ankit Panda" with only "Panda" found: the word between
            # the role and the person's name is the first name
            ents = [e for e in ents if e is not nxt]
            new.append(Span(doc, i, nxt.end, label="PER"))
            continue
        unknown_noun = (
            doc[i].pos_ == "NOUN"
            and texts[i].lower() not in known_words()
            and compound_head(texts[i]) is None
        )
        if not (doc[i].pos_ == "PROPN" or unknown_noun or doc[i].text in first_names()):
            continue  # ("Bürgermeisterin Reker" with "Reker" tagged as a noun)
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and _name_word(doc, end, i):
            end += 1
        if end > i and doc[end - 1].text not in name_tails():
            new.append(Span(doc, i, end, label="PER"))
    return ents + new


def place_genitive(text: str) -> bool:
    """The genitive of a known place ("Athens", "Moskaus"), not of a first name ("Jens",
    "Papst Benedikts")."""
    stem = text[:-1]
    return (
        text.endswith("s")
        and known_place(stem)
        and text not in first_names()
        and stem not in first_names()
    )


def _split_at_roles(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """An entity running over a role word into two or more name words ("Wetzlars Coach
    Gennadij Chalepo" as one MISC): the person is the name after the role; the words before
    the role are left to the rules after this one ("Wetzlars": a place)."""
    out = []
    for ent in ents:
        k = next((k for k in range(ent.start + 1, ent.end - 2) if is_role(texts[k])), None)
        if k is not None and all(_name_word(doc, j, k + 1) for j in range(k + 1, ent.end)):
            out.append(Span(doc, k + 1, ent.end, label="PER"))
        else:
            out.append(ent)
    return out


def _role_appositions(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Two or more name words set off by commas after a phrase headed by a role word are
    that person ("der Polizeichef von Kandahar, Sajed Agha Sakeb, sagte": the model gave
    the name the place's label). Not a list ("von Berlin, New York und Paris") and no known
    place or organisation."""
    out = []
    for ent in ents:
        if ent.label_ != "PER" and _after_role_phrase(doc, ent, texts):
            ent = Span(doc, ent.start, ent.end, label="PER")
        out.append(ent)
    return out


def _after_role_phrase(doc: Doc, ent: Span, texts: list[str]) -> bool:
    """Is ``ent`` an apposition of a role phrase: "<role> … , <Name Name> ,"?"""
    i, j = ent.start, ent.end
    if len(ent) < 2 or i < 3 or texts[i - 1] != "," or j >= len(texts):
        return False
    if texts[j] not in {",", ".", "(", ";"} or _known(ent) or ent.text in name_labels():
        return False
    if not all(_name_word(doc, k, i) for k in range(i, j)):
        return False
    for k in range(i - 2, max(-1, i - 8), -1):  # back over "von Kandahar", "des Verbandes"
        if doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX"}:
            return False
        if is_role(texts[k]) and texts[k][:1].isupper():
            return doc[k].is_sent_start or doc[k - 1].pos_ in {"DET", "ADJ", "PUNCT"}
    return False


def is_acronym(word: str) -> bool:
    """Two or more capital letters and nothing else ("BASF", "SVP", "DIE")."""
    return word.isupper() and word.isalpha() and len(word) > 1


def _full_name(rest: Span, label: str) -> bool:
    """An acronym ("BASF"), a gazetteer organisation when ``label`` is ORG ("Fifa"; a
    gazetteer place keeps its word: "Bundesrepublik Deutschland") or two or more
    capitalised words none of which is a common noun ("Preußen Münster"): a name complete
    without a describing word before it."""
    if len(rest) == 1:
        known = gazetteer_labels().get(rest.text)
        return is_acronym(rest.text) or label == "ORG" and known == label
    words = nonnames()
    return all(t.text[:1].isupper() and t.is_alpha and t.text not in words for t in rest)


PLACE_PREFIXES = frozenset(
    "neu alt groß klein ober unter nieder hohen bad sankt nord süd ost west mittel".split()
)
"""First parts of compound place names ("Neusalz", "Großgmain", "Oberwart")."""


def _compound_in_capitals(span: Span) -> bool:
    """One word in capitals that is a compound of known words ("ALLTAGSSPRACHE:" heading a
    paragraph), no known name; not a plain word, which may be a medium ("STANDARD")."""
    text = span.text
    if len(span) != 1 or not (text.isupper() and text.isalpha()) or len(text) < 8:
        return False
    return compound_noun(text.capitalize()) and not _known(span) and text not in name_labels()


def _plain_propn(span: Span) -> bool:
    """A word the tagger calls a proper noun that is a compound of a known word and a plain
    noun ("Terror|pläne"), labelled no person and no known place ("Wolfsburg")."""
    text = span.text
    if span[0].pos_ != "PROPN" or span.label_ == "PER" or "-" in text or text in geo_names():
        return False
    head = compound_head(text)
    if head is None:
        return False
    modifier = text[: len(text) - len(head)].lower()
    tail = text[len(text) - len(head) :]
    if modifier in PLACE_PREFIXES:
        return False  # "Neusalz", "Oberdorf"
    return tail.capitalize() in plain_nouns() and (
        modifier in known_words() or modifier.endswith("s") and modifier[:-1] in known_words()
    )


def _common_compound(span: Span) -> bool:
    """One word the tagger calls a noun (or adjective), a compound whose head never ends a
    name in the corpora ("Tandem|anordnung", "Diakonie-|Spendenkonto"), and no known name."""
    if len(span) != 1 or span[0].pos_ not in {"NOUN", "ADJ"} and not _plain_propn(span):
        return False
    if _known(span) or span.text in name_labels():
        return False
    head = compound_head(span.text)
    if head is None or any(c.isupper() for c in span.text.rsplit("-", 1)[-1][1:]):
        return False  # no compound, or a brand in camel case ("BitLocker")
    # a head that ends names, whole or after a word of three letters or more: "EU-Parlament",
    # "UN-Klimakonferenz", "Gaza|streifen"; not "Konjunktur|umfeld" ("um|feld")
    heads = _name_heads()
    return not any(len(head) - k >= 4 and head[k:] in heads for k in (0, *range(3, len(head) - 3)))


NAMED_KIND_TAILS = frozenset(
    "umgebung boulevard distrikt region tal tour show pokal skala rallye verband verbands "
    "garde bezirk linie gymnasium schule realschule gesamtschule grundschule universität "
    "hochschule akademie museum stiftung institut klinik klinikum theater stadion arena "
    "magazin atoll tribunal orden".split()
)
"""Last parts of hyphenated names of a kind of place, body, institution or event
("Wien-Umgebung", "Inönü-Boulevard", "ATP-Tour", "DFB-Pokal", "Richter-Skala",
"Otto-Schott-Gymnasium", "DS-Magazin")."""

COLOURS = frozenset("Rot Grün Schwarz Blau Gelb Pink Orange Türkis Weiß".split())
"""Party colours: "Rot-Grün", "Schwarz-Blau" name coalitions."""


def _common_hyphen_compound(span: Span) -> bool:
    """A hyphenated organisation or place whose last part is a plain noun that ends no
    name in the corpora: only its first part names something, and GermEval marks such
    words as parts of names ("OSZE-Bericht", "Thaksin-Anhänger", "EU-Partnern"; not
    "EU-Kommission", "Wien-Umgebung", "Berlin-Neukölln", "Rot-Grün")."""
    text = span.text
    if len(span) != 1 or span.label_ not in ("ORG", "LOC") or "-" not in text.strip("-"):
        return False
    parts = text.split("-")
    tail = parts[-1]
    if tail not in plain_nouns() or tail in geo_names() or tail in label_tails():
        return False
    if text in name_labels() or _known(span) or all(p in COLOURS for p in parts):
        return False
    forms = genitive_forms(tail.lower())
    if any(form in NAMED_KIND_TAILS for form in forms):
        return False
    head = compound_head(text)
    if head is None:  # "SPÖ-Rochade": a plain noun the lemma list lacks, ending no name
        if any(ends_in_name_head(form) for form in forms):
            return False  # "UN-Sicherheitsrat", "US-Innenministeriums"
        head = tail.lower()
    # a head that ends names, whole or in five letters or more ("Umfeld" is no "…feld"), in
    # two names or more of the corpora ("STANDARD-Anfrage": "…frage" ended one)
    heads = _firm_name_heads()
    return not (len(head) >= 4 and head in heads or ends_in_name_head(head, 5, heads))


def ends_in_name_head(word: str, shortest: int = 3, heads: frozenset[str] | None = None) -> bool:
    """Whether a word ends in a word of ``shortest`` letters or more that ends names in the
    corpora (``heads``, by default :func:`_name_heads`: "Linkspartei", "Finanzamt",
    "Bundestages")."""
    low = word.lower()
    heads = _name_heads() if heads is None else heads
    return any(low[k:] in heads for k in range(len(low) - shortest + 1))


@cache
def _tail_heads() -> frozenset[str]:
    """Lowercase last words of multi-word place and organisation names ("parlament")."""
    return frozenset(w.lower() for w in name_tails())


@cache
def _firm_name_heads() -> frozenset[str]:
    """:func:`_name_heads` with the compound heads of two or more name words only."""
    return entity_heads(2) | _tail_heads()


@cache
def _name_heads() -> frozenset[str]:
    """Words that end names: compound heads of names and last words of multi-word names."""
    return entity_heads() | _tail_heads()


def _describing_compound(word: str) -> bool:
    """A compound of common words, one word or hyphenated ("Chemiekonzern",
    "Fußball-Bundesligaclub"; not "US-Präsident", whose first part names something)."""
    if "-" not in word:
        return compound_noun(word)
    first = word.split("-", 1)[0]
    return (
        first[:1].isupper()
        and first.lower() in known_words()
        and not is_acronym(first)
        and first not in geo_names()
        and compound_head(word) is not None
    )


@cache
def noun_acronyms() -> frozenset[str]:
    """Abbreviations used as common nouns (noun_acronyms.txt: "PC", "PS", "SMS")."""
    return frozenset(w for line in data_lines("noun_acronyms.txt") for w in line.split())


def _noun_acronym(span: Span) -> bool:
    """A lone abbreviation of a common noun, in the singular or plural ("PCs"), that does
    not stand in brackets after a name ("Parti Socialiste (PS)")."""
    text = span.text
    singular = text[:-1] if text.endswith("s") else text
    if len(span) != 1 or singular not in noun_acronyms() and text not in noun_acronyms():
        return False
    doc = span.doc
    return not (
        span.start >= 2 and doc[span.start - 1].text == "(" and doc[span.start - 2].is_title
    )


GENITIVE_ARTICLES = frozenset({"des", "eines"})


def _nominative(doc: Doc, i: int) -> str:
    """The word at ``i`` without its genitive ending after "des" or "eines" ("des
    Technologiekonzerns" -> "Technologiekonzern")."""
    text = doc[i].text
    if i > 0 and doc[i - 1].lower_ in GENITIVE_ARTICLES:
        return genitive_forms(text)[-1]
    return text


ENGLISH_ARTICLES = frozenset({"The"})
COALITION_COLOURS = frozenset("schwarz rot grün gelb blau pink türkis orange".split())


def _coalition(span: Span) -> bool:
    """Party colours joined by hyphens name a coalition, not an entity ("Schwarz-Blau",
    "Rot-Grün"; not the club "Blau-Weiß")."""
    parts = span.text.lower().split("-")
    return len(parts) > 1 and all(part in COALITION_COLOURS for part in parts)


def _trim(span: Span) -> Span | None:
    """Drop leading German words used mostly outside names and role words, and a describing
    compound before a complete name; None when nothing name-like is left. A name of the
    gazetteer stays whole ("General Electric": "General" is also a role)."""
    if len(span) > 1 and gazetteer_labels().get(span.text) == span.label_:
        return span
    if span[-1].text in ENGLISH_ARTICLES:  # "[The] Big Short", "[Tarantinos The] Hateful Eight"
        if len(span) == 1:
            return None
        span = Span(span.doc, span.start, span.end - 1, label=span.label_)
    if _coalition(span):
        return None  # "Schwarz-Blau", "Rot-Grün"
    if (
        _common_compound(span)
        or _common_hyphen_compound(span)
        or _noun_acronym(span)
        or _compound_in_capitals(span)
    ):
        return None
    if fills_quotation(span.doc, span.start, span.end):
        return span  # a quoted name keeps its first words: "in der „Apotheken Umschau“"
    words = nonnames()
    start = span.start
    doc = span.doc
    lone = len(span) == 1  # a lone word used mostly outside names is none, German or not
    while start < span.end and (
        ((lone or _german_word(doc[start].text)) and doc[start].text in words)
        or is_role(doc[start].text)
    ):
        start += 1
    if start == span.end:
        return span if _known(span) or any(c.isdigit() for c in span.text) else None
    if (
        start == span.start
        and span.end - start > 1
        and doc[start].pos_ in {"NOUN", "PROPN"}
        and _describing_compound(_nominative(doc, start))
        and doc[start].text not in name_labels()
        and _full_name(doc[start + 1 : span.end], span.label_)
    ):
        start += 1  # "Chemiekonzern BASF": a compound describing the name is no part of it
    if start == span.start and span.label_ == "PER" and _described_person(span):
        start += 1  # "Biathletin Mariam Gössner": a describing word before a first name
    if start == span.start:
        return span
    rest = doc[start : span.end]
    if not rest.text[:1].isupper() or len(rest.text) < 3:
        return span
    return Span(doc, start, span.end, label=span.label_)


def fills_quotation(doc: Doc, start: int, end: int) -> bool:
    """Whether the words ``start:end`` (two or more) are all of a quotation."""
    return (
        end - start > 1
        and start > 0
        and doc[start - 1].is_quote
        and end < len(doc)
        and doc[end].is_quote
    )


def _german_word(text: str) -> bool:
    """A German word (de_words, or a plain noun of Wiktionary's): not the English or
    inflected first word of a foreign or multi-word name ("Long Beach", "Public Broadcasting
    Service", "Französischen Kommunistischen Partei"), which _trim leaves in the name."""
    return text.lower() in de_words() or text in plain_nouns()


def _described_person(span: Span) -> bool:
    """A person's first name and surname after a capitalised word that is no first name
    and looks like a noun: a known word, a feminine noun in -in or a long compound
    ("Tennisprofi Boris Becker", "Biathletin Mariam Gössner"; not the unknown first name of
    "Tayler Jane Geddes")."""
    if len(span) < 3:
        return False
    first, given = span[0].text, span[1].text
    names = first_names()
    if given not in names or first in names:
        return False
    if not (first.isalpha() and first[:1].isupper() and first[1:].islower()):
        return False
    return first.lower() in known_words() or len(first) >= 10 or first.endswith("in")


@cache
def name_labels() -> dict[str, str]:
    """Names annotated corpora label consistently (name_labels.tsv): name -> label. A lone
    role word is none, whatever a corpus did with it (SmartData labels "SPD-Chef" ORG)."""
    pairs = (line.split("\t", 1) for line in data_lines("name_labels.tsv"))
    return {name: label for label, name in pairs if " " in name or not is_role(name)}


@cache
def label_tails() -> dict[str, str]:
    """Last words that end names of one label ("GmbH", "Straße"), known places left out."""
    pairs = (line.split("\t", 1) for line in data_lines("label_tails.tsv"))
    known = name_labels()
    return {w: label for label, w in pairs if w not in places() and known.get(w, label) == label}


INSTITUTION_TAILS = {
    word: "ORG"
    for word in (
        "Institut Universität Hochschule Akademie Stiftung Klinik Klinikum Verlag Gesellschaft"
    ).split()
}
"""Last parts of hyphenated names of institutions ("Robert-Koch-Institut",
"Max-Planck-Gesellschaft", "Bertelsmann-Stiftung"), too rare in the corpora for
label_tails.tsv (2 to 6 uses each, all ORG)."""

INSTITUTION_OPENERS = frozenset(
    "Universität Uni Hochschule Fachhochschule Akademie Stiftung Institut Klinikum".split()
)
"""First words of names of institutions ("Universität Göttingen", "Uni Wien"), which the
models take for the place after them."""


def _institution_before_place(doc: Doc, ents: list[Span]) -> list[Span]:
    """A hyphenated name of an institution right before a place is one organisation with
    it ("Friedrich-Schiller-Universität Jena", "Max-Planck-Institut Leipzig"), whether the
    model found the first word or not; not after an acronym or a place ("US-Universität
    Princeton")."""
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    for ent in ents:
        k = ent.start - 1
        if ent.label_ != "LOC" or k < 0 or ent not in out:
            continue
        word = doc[k].text
        if "-" not in word.strip("-") or word.rsplit("-", 1)[1] not in INSTITUTION_TAILS:
            continue
        first = word.split("-", 1)[0]
        if is_acronym(first) or _known_place_word(first):
            continue  # "US-Universität Princeton": a university of a country
        before = owner.get(k)
        if before is not None and (len(before) > 1 or before not in out):
            continue
        out = [e for e in out if e is not ent and e is not before]
        out.append(Span(doc, k, ent.end, label="ORG"))
    return out


def _known_place_word(word: str) -> bool:
    """A place of the gazetteer or GeoNames."""
    return gazetteer_labels().get(word) == "LOC" or word in geo_names()


def _institution_opener(word: str) -> bool:
    """One of :data:`INSTITUTION_OPENERS`, also as a compound's head ("Universitätsklinikum
    Uppsala", "Kunstakademie Düsseldorf")."""
    if word in INSTITUTION_OPENERS:
        return True
    low = word.lower()
    return any(low.endswith(head) and len(low) > len(head) + 2 for head in _OPENER_HEADS)


_OPENER_HEADS = tuple(o.lower() for o in INSTITUTION_OPENERS if len(o) > 3)
"""Lowercase :data:`INSTITUTION_OPENERS` that head compounds ("uni" is no head: "Juni")."""


MEDIA_TAILS = {
    word: "ORG" for word in "TV News Radio Rundschau Kurier Anzeiger Tagblatt Journal".split()
}
"""Last words of names of news media ("Servus TV", "Sky News", "Frankfurter Rundschau"),
too rare in the corpora for label_tails.tsv (1 or 2 uses each, all ORG), as "Zeitung",
"Times" and "Post" are not."""

TEAM_TAILS = dict.fromkeys(
    (
        "United Hotspur Albion Wanderers Rovers Sharks Jazz Cavaliers Spurs Lakers Bulls "
        "Celtics Knicks Warriors Rockets Heat Clippers Nuggets Pistons Raptors Thunder "
        "Capitals Penguins Rangers Bruins Canadiens Flyers Devils Islanders Blackhawks "
        "Wings Leafs Senators Oilers Flames Canucks Ducks Predators Panthers Lightning "
        "Hurricanes Avalanche Coyotes Sabres Yankees Patriots Broncos Packers Cowboys "
        "Steelers Seahawks Raiders Dolphins Chiefs Hawks Bucks Mavericks Kings Blazers Nets "
        "Pelicans Suns Grizzlies Timberwolves Hornets 76ers Wizards Magic Nuggets Stars "
        "Knights Lions Giants Tigers Bears Eagles Titans Vikings Saints Jets Dragons Gunners "
        "Wolves"
    ).split(),
    "ORG",
)
"""Last words of names of sports teams ("Manchester United", "San Jose Sharks", "Utah Jazz",
"Detroit Red Wings"), which the models take for places or persons: the city comes first."""

PLACE_NOUNS = frozenset("Meer Ozean Gebirge Halbinsel Inseln Emirate Republik".split())
"""Nouns that end names of places after an adjective ("Atlantischen Ozean",
"Zentralafrikanischen Republik"); also read by the entity rules' cut adjectives."""

STREET_WORDS = frozenset("Road Avenue Drive Boulevard Lane Highway".split())
"""English words for streets that end their names ("Sukhumvit Road", "Alii Drive")."""
GEOGRAPHIC_TAILS = dict.fromkeys(
    PLACE_NOUNS | STREET_WORDS | {"Bucht", "Wüste", "Königreich"}, "LOC"
)
"""Last words of names of places ("Vereinigten Arabischen Emirate", "Danziger Bucht",
"Sukhumvit Road"), missing from label_tails.tsv."""

ENGLISH_INSTITUTION_TAILS = dict.fromkeys(
    "College University Institute Academy Foundation Society Hospital Inc Ltd Corporation "
    "Company Records Studios Association Council".split(),
    "ORG",
)
"""English last words of names of institutions and firms ("Goldsmiths College", "Rockefeller
Foundation", "Warner Records"), which the models take for persons: a name comes first."""

CURATED_TAILS = {
    **MEDIA_TAILS,
    **TEAM_TAILS,
    **GEOGRAPHIC_TAILS,
    **ENGLISH_INSTITUTION_TAILS,
    **INSTITUTION_TAILS,
}
"""The last words above, which label a name where label_tails.tsv knows none."""


COMPASS_PARTS = frozenset("Nord Süd Ost West Nordost Nordwest Südost Südwest Mitte Zentrum".split())
"""Last parts of hyphenated names of parts of a place ("Lobeda-West"; "West" alone ends
persons' names: "Kanye West")."""


def _hyphen_tail_label(word: str) -> str | None:
    """The label_tails label of the last part of a hyphenated word, without a plural or
    genitive ending ("US-Regierungen" -> ORG by "Regierung", "Robert-Koch-Instituts" ORG)."""
    if "-" not in word.strip("-"):
        return None
    tail = word.rsplit("-", 1)[1]
    if tail in COMPASS_PARTS:
        return "LOC"  # "Lobeda-West", "Berlin-Mitte": a part of a place
    tails = label_tails() | INSTITUTION_TAILS
    for ending in ("", *NOUN_ENDINGS):
        if tail.endswith(ending) and len(tail) > len(ending) + 2:
            label = tails.get(tail[: len(tail) - len(ending)])
            if label:
                return label
    return None


PLACE_FIRST_WORDS = frozenset({"Cape", "Lake", "Mount"})
"""English words that make a two-word name a place ("Cape Canaveral", "Lake Placid")."""
PLACE_LAST_WORDS = frozenset(
    "Bay Beach Canyon Creek Falls Island Islands Mountains River Valley".split()
)
"""English words that end names of places ("Hudson River", "Silicon Valley"); too rare in
the German corpora for label_tails.tsv."""


def _english_place(span: Span) -> bool:
    """A two-word name after "Cape", "Lake", "Mount", or a name ending in "River", "Bay" …"""
    return (
        len(span) == 2
        and span[0].text in PLACE_FIRST_WORDS
        or len(span) > 1
        and span[-1].text in PLACE_LAST_WORDS
    )


PLANETS = frozenset("Venus Mars Jupiter Saturn Uranus Neptun Pluto".split())
"""Planets, places in GermEval ("den Mars erreichen" LOC); "Merkur" is also a newspaper."""
PLANET_BEFORE = frozenset("der den dem des zum vom am beim".split())


def _planet(span: Span) -> bool:
    """A planet's name after an article or a word for a planet: "zum Mars", "Planeten
    Saturn", "Nachbarplaneten Mars"."""
    if len(span) != 1 or span.text not in PLANETS or span.start == 0:
        return False
    before = span.doc[span.start - 1].lower_
    return before in PLANET_BEFORE or before.endswith(("planet", "planeten"))


def _relabel(span: Span) -> Span:
    if _planet(span):
        return span if span.label_ == "LOC" else Span(span.doc, span.start, span.end, "LOC")
    label = name_labels().get(span.text) or _genitive_label(span.text)
    if label is None and span.text in language_names():
        label = "MISC"  # "Englisch" (the model's person or place): GermEval's OTH
    if label is None and _english_place(span):
        label = "LOC"
    if label is None and _middle_initial(span):
        label = "PER"  # "Carlin Q. Williams" as an organisation
    if label is None and len(span) > 1:
        last = span[-1].text
        label = label_tails().get(last) or CURATED_TAILS.get(last)
        if label is None and _institution_opener(span[0].text):
            label = "ORG"  # "Uni Göttingen" as a place: the university
    elif label is None:
        label = _hyphen_tail_label(span.text)  # "US-Regierung" ORG, not LOC
    if label and label != span.label_:
        return Span(span.doc, span.start, span.end, label=label)
    return span


_INITIAL = re.compile(r"[A-Z]\.")


def _middle_initial(span: Span) -> bool:
    """A first word, an initial and a last word, all capitalised: a person's name
    ("Carlin Q. Williams", "George W. Bush")."""
    return (
        len(span) >= 3
        and span[0].is_alpha
        and span[0].text[:1].isupper()
        and span[-1].is_alpha
        and span[-1].text[:1].isupper()
        and any(_INITIAL.fullmatch(t.text) for t in span[1:-1])
        and not any(t.text in label_tails() or t.text in CURATED_TAILS for t in span)
    )


def _genitive_label(text: str) -> str | None:
    """The label of a known one-word name whose genitive ``text`` is ("Sonys" ORG, like
    "Sony"), when the form is no name, place or first name of its own."""
    stem = text[:-1]
    if not text.endswith("s") or len(stem) < 3 or " " in text or text in places():
        return None
    if is_first_name(text) or text in geo_names():
        return None
    return name_labels().get(stem)


@cache
def _known_lengths() -> dict[str, int]:
    """First word of each known name -> the most words a known name starting with it has."""
    lengths: dict[str, int] = {}
    for name in name_labels():
        words = name.split()
        lengths[words[0]] = max(lengths.get(words[0], 0), len(words))
    return lengths


def _add_known(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Known names where the model found nothing, longest first."""
    labels = name_labels()
    lengths = _known_lengths()
    taken = {k for e in ents for k in range(e.start, e.end)}
    new = []
    free = 0  # tokens before it belong to a name added here
    for i in [i for i, text in enumerate(texts) if text in lengths]:
        if i < free or i in taken:
            continue
        for n in range(min(lengths[texts[i]], len(texts) - i), 0, -1):
            label = labels.get(doc[i : i + n].text)
            if label and _article_phrase(doc, i, n):
                continue  # "Die Welt der Mafia …": a sentence's article and a common noun
            if label and not any(k in taken for k in range(i, i + n)):
                new.append(Span(doc, i, i + n, label=label))
                free = i + n
                break
    return ents + new


SENTENCE_ARTICLES = frozenset({"Der", "Die", "Das"})


def _article_phrase(doc: Doc, i: int, n: int) -> bool:
    """A known name of an article and common words ("Die Welt", "Der Spiegel") opening a
    sentence, where it is as likely the phrase."""
    return (
        n > 1
        and doc[i].text in SENTENCE_ARTICLES
        and (i == 0 or doc[i].is_sent_start)
        and all(_common_word(t.text) for t in doc[i + 1 : i + n])
    )


@cache
def _place_lengths() -> dict[str, tuple[int, ...]]:
    """First word of each place name -> the word counts of places starting with it (one-word
    names in bulk: they are most of the list)."""
    skip = nonnames() | first_names() | {n for n, lab in name_labels().items() if lab != "LOC"}
    split = [name.split() for name in geo_names() - skip]
    lengths: dict[str, tuple[int, ...]] = dict.fromkeys([w[0] for w in split if len(w) == 1], (1,))
    longer: dict[str, set[int]] = {}
    for words in split:
        if len(words) > 1:
            longer.setdefault(words[0], set()).add(len(words))
    for word, sizes in longer.items():
        if word in lengths:
            sizes.add(1)
        lengths[word] = tuple(sorted(sizes, reverse=True))
    return lengths


def _place_word(tok: Token) -> bool:
    """A one-word place name as the tagger sees it: a proper noun (or a word it could not
    tag), not a German word at a sentence start ("Dort"), not after a first name. A word
    tagged as a common noun counts when no dictionary has it as one ("Kiew muss", "erhält
    Kiew"; not "Halle", "Essen")."""
    if tok.pos_ == "NOUN":
        return _lone_noun_place(tok)
    if tok.pos_ not in {"PROPN", "X"} or tok.is_sent_start and tok.lower_ in de_words():
        return False
    return not (tok.i > 0 and tok.doc[tok.i - 1].text in first_names())


def _lone_noun_place(tok: Token) -> bool:
    """A place name tagged as a common noun that no dictionary knows as one, standing alone:
    no article, adjective, number or quotation mark before it ("die österreichische Flora", "der
    Andritz", „Fortuna“), no capitalised word or English particle next to it ("Banca Marche",
    "Eastern Conference", "University of Colorado"), no stop word ("Manche sagen"), and not
    coordinated with a common noun ("sowie Flora und Fauna")."""
    text, doc, i = tok.text, tok.doc, tok.i
    if text in plain_nouns() or text in common_nouns() or text in nonnames():
        return False
    if tok.lower_ in STOP_WORDS:
        return False
    if i > 0 and not tok.is_sent_start:
        before = doc[i - 1]
        if before.pos_ in {"DET", "ADJ"} or before.is_quote or before.text[:1].isupper():
            return False
        if before.like_num:  # "Bayer 04 Leverkusen"
            return False
    if i + 1 < len(doc):
        after = doc[i + 1].text
        if after[:1].isupper() and after.isalpha() or after in ENGLISH_PARTICLES:
            return False
    # coordinated with a common noun: "der Fluss sowie Flora und Fauna"
    pairs = ((i - 1, i - 2), (i + 1, i + 2))
    return not any(
        0 <= k < len(doc)
        and doc[j].lower_ in COORDINATORS
        and doc[k].pos_ == "NOUN"
        and plain_noun_or_compound(doc[k].text)
        for j, k in pairs
        if 0 <= j < len(doc)
    )


COORDINATORS = frozenset({"und", "oder", "sowie"})


ENGLISH_PARTICLES = frozenset("of for and the".split())


def _genitive_place(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]``, a place name + "s", reads as its genitive ("Wetzlars Coach",
    "die Unterstützung Belgrads für"): no article before it ("der Hamas"), no punctuation
    after it ("Hamas, die"), and its stem no German word ("Kitas")."""
    if i > 0 and doc[i - 1].pos_ == "DET" or doc[i].lower_[:-1] in de_words():
        return False
    return i + 1 < len(doc) and not doc[i + 1].is_punct


# foreign particles and articles inside names: "Valle de Curicó", "Isle of Man"
FOREIGN_PARTICLES = PARTICLES | frozenset("of la le el les los las the".split())


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Words that continue a longer name: a capitalised word that is no common noun after
    them ("Atherton Tableland"), or a name particle before them ("Valle de Curicó")."""
    if end < len(doc):
        nxt = doc[end].text
        if nxt[:1].isupper() and nxt.isalpha() and nxt not in nonnames() and not is_role(nxt):
            return True
    return start > 0 and doc[start - 1].text in FOREIGN_PARTICLES


def _add_places(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Names of cities and regions (also genitive "Wetzlars") where the model found
    nothing or a part of them ("Buenos" of "Buenos Aires"), longest first; a one-word name
    the tagger calls a common noun stays out."""
    lengths = _place_lengths()
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    new = []
    free = 0  # tokens before it belong to a place added here
    for i, text in enumerate(texts):
        if i < free or i in owner and not _part_of_place(owner[i], i, lengths):
            continue
        sizes = lengths.get(text) or (
            lengths.get(text[:-1], ()) if text.endswith("s") and len(text) > 4 else ()
        )
        for n in sizes:
            if i + n > len(texts):
                continue
            parts = {owner[k] for k in range(i, i + n) if k in owner}
            if parts and (n == 1 or any(not _cut_place(e, i, i + n) for e in parts)):
                continue
            if (n == 1 and not _place_word(doc[i])) or _inside_longer_name(doc, i, i + n):
                continue
            if " ".join(texts[i : i + n]) in geo_names() or (
                n == 1
                and text[:-1] in geo_names()
                and not text[:-1].endswith(("s", "x", "z"))
                and _genitive_place(doc, i)
            ):
                ents = [e for e in ents if e not in parts]
                new.append(Span(doc, i, i + n, label="LOC"))
                free = i + n
                break
    return ents + new


def _cut_place(ent: Span, start: int, end: int) -> bool:
    """A place of the model inside the words ``start:end``, and shorter."""
    return ent.label_ == "LOC" and start <= ent.start and ent.end <= end and len(ent) < end - start


def _part_of_place(ent: Span, i: int, lengths: dict[str, tuple[int, ...]]) -> bool:
    """Whether the model's place ``ent`` starts at ``i`` with the first word of a longer
    known place."""
    return ent.label_ == "LOC" and ent.start == i and max(lengths.get(ent[0].text, (1,))) > 1


def _common_word(text: str) -> bool:
    """A capitalised word used outside names, or a German dictionary word."""
    return text in nonnames() or text.lower() in de_words()


def _owner_word(tok: Token) -> bool:
    """A name word in the genitive: capitalised, ending in "s", no function word, adjective
    ("Ins", "Meines", "Rotes"), first name ("Andreas", "Markus") or common word
    ("Oberlandesgerichts")."""
    text = tok.text
    if not (text.endswith("s") and text[:1].isupper() and tok.is_alpha and len(text) > 3):
        return False
    if tok.pos_ in NOT_NAME or text in first_names():
        return False
    stem = text[:-1]
    if _listed_name(stem):
        return True  # "Österreichs", "Odessas"
    return not (_common_word(text) or _common_word(stem) or compound_head(text))


def _lone_owner(span: Span) -> Span:
    """One unknown name + "s" before a common noun owns it, as a person: "Zabels
    Entscheidung" tagged LOC -> PER."""
    nxt = span.doc[span.end]
    text = span.text
    if not (nxt.pos_ == "NOUN" and _common_word(nxt.text) and text.endswith("s")):
        return span
    stem = text[:-1]
    if _listed_name(stem) or _known(span):
        return span
    if not _owner_word(span[0]):
        return span
    return Span(span.doc, span.start, span.end, label="PER")


NAME_OPENERS = frozenset(
    "San Santa Santo São Saint St. Sankt Fort Port Puerto Porto Monte Mount Lake Cape Bad "
    "Villa Casa Los Las Le La El De Del Van Von".split()
)
"""First words of place and club names before a saint's or person's name ("San Antonio
Spurs", "Santa Maria Maggiore")."""
NAMED_AFTER_HEADS = tuple(
    "verlag stiftung galerie klinik brauerei bank haus kanzlei institut hotel schule "
    "gymnasium museum preis theater firma werk werke gesellschaft zentrum halle stadion "
    "arena straße platz allee brücke kirche kapelle saal orchester quartett trio band".split()
)
"""Heads of nouns for bodies and places named after a person ("Verlag Paul Haupt")."""


def _descriptor_then_person(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A non-person entity of a word and a known first name with a surname is a description
    or a place and a person ("Kolumbianer Carlos Bacca", "Gladbacher Marco Reus", "Pop-Diva
    Whitney Houston" ORG -> the person; "ZDF Gero von Boehm" -> ZDF and the person). Not
    when the first word opens a name ("San Antonio Spurs"), the last word ends a place or
    organisation ("FC Carl Zeiss Jena"), or the whole is a known name."""
    out = []
    for ent in ents:
        words = texts[ent.start : ent.end]
        if (
            ent.label_ == "PER"
            or len(words) < 3
            or not is_first_name(words[1])
            or is_first_name(words[0])
            or words[0] in NAME_OPENERS
            or _known(ent)
            or ent.text in name_labels()
            or len(words) > 3  # a place or organisation word after the surname: "Jena"
            and (words[-1] in geo_names() or words[-1] in name_tails())
            or not all(_name_word(doc, k, ent.start + 1) for k in range(ent.start + 1, ent.end))
        ):
            out.append(ent)
            continue
        head = words[0]
        label = gazetteer_labels().get(head) or name_labels().get(head)
        if label is None and head in geo_names():
            label = "LOC"
        if label is None and head.lower().endswith(NAMED_AFTER_HEADS):
            out.append(ent)  # "Verlag Paul Haupt": named after the person
            continue
        if label is None and not (_common_word(head) or is_role(head) or _city_people(head)):
            out.append(ent)
            continue
        if label is not None:
            out.append(Span(doc, ent.start, ent.start + 1, label=label))
        out.append(Span(doc, ent.start + 1, ent.end, label="PER"))
    return out


def _place_owner_before_person(doc: Doc, ents: list[Span]) -> list[Span]:
    """A "person" of a place in the genitive and one more word, right before a person, is
    the place and a role the role list lacks ("Nordkoreas Machthabe Kim Jong Un", a typo;
    "Kubas Revolutionsführer Fidel Castro"): the place alone, LOC."""
    starts = {e.start: e for e in ents}
    out = []
    for ent in ents:
        nxt = starts.get(ent.end)
        owner = ent[0].text
        if (
            ent.label_ == "PER"
            and len(ent) == 2
            and nxt is not None
            and nxt.label_ == "PER"
            and owner.endswith("s")
            and known_place(owner[:-1])
            and not (ent.start > 0 and doc[ent.start - 1].pos_ == "DET")  # "der Hamas"
        ):
            ent = Span(doc, ent.start, ent.start + 1, label="LOC")
        out.append(ent)
    return out


def _city_people(word: str) -> bool:
    """A people or adjective named after a GeoNames city: "Gladbacher", "Grazers". Wider
    than ``lexicons.demonym_place`` (gazetteer places only), which relabels such words
    as MISC and must not take every city (session 16); here the word is only a description
    before a person's name."""
    stem = word.removesuffix("s")
    return stem.endswith("er") and stem[:-2] in geo_names()


NOMINATIVE_S = ("us", "is", "os", "as", "es", "ss")
"""Endings of names whose "s" is no genitive ("Lotus", "Paris", "Carlos")."""


def _genitive_owner(span: Span) -> Span:
    """A name in the genitive and the common noun it owns are two things: "Tiganjs Version"
    -> "Tiganjs", "Critchlows Stil" -> "Critchlows", also when the tagger calls the noun a
    name ("Grubingers Igel"); an unknown owner is a person."""
    doc = span.doc
    if len(span) == 1 and span.end < len(doc) and span.label_ != "PER":
        return _lone_owner(span)
    if len(span) < 2 or span[-1].pos_ not in ("NOUN", "PROPN") or not _common_word(span[-1].text):
        return span
    last = span[-1].text
    # the tagger's common noun (NN, whatever the part of speech) that is used mostly outside
    # names: "Webos Schuss", "Emanas Schuss" ("schuss" also ends names: "Ausschuss")
    plain = span[-1].tag_ == "NN" and last in nonnames()
    if span[-1].pos_ == "PROPN" and span[-2].text.endswith(NOMINATIVE_S) and not plain:
        return span  # a tagged name in -us, -is, …: "Lotus Domino" ("Grubingers Igel" splits)
    if span.start > 0 and doc[span.start - 1].is_quote:
        return span  # a title: "„Wickerts Bücher“"
    if (
        last.lower() in entity_heads(2)
        and not plain
        or last.lower() in _tail_heads()
        or last in label_tails()
        or last in geo_names()
        or _known(span[-1:])
    ):
        return span  # "John Hopkins Universität", "Oberlandesgerichts Innsbruck"
    if not _owner_word(span[-2]):
        return span
    name = doc[span.start : span.end - 1]
    stem = name.text[:-1]
    label = name_labels().get(stem) or ("LOC" if stem in places() or stem in geo_names() else None)
    if label is None:
        label = "PER" if span.label_ != "LOC" or len(name) > 1 else span.label_
    return Span(doc, name.start, name.end, label=label)


def _cue_name_word(tok: Token) -> bool:
    """A word that can be part of the name after a cue: capitalised, no common word."""
    text = tok.text
    if not (text[:1].isupper() and len(text) > 1 and text.replace("-", "").isalnum()):
        return False  # letters, and digits after them ("Nachrichtensender N24")
    if text in nonnames() or is_role(text) or not text.strip("IVXLC"):
        return False  # common words, roles, roman numerals
    if _listed_name(text):
        return True
    if is_acronym(text):
        return True  # a name in capitals: "Tageszeitung DIE WELT"
    if compound_head(text) is not None:
        return False  # "Richtung Koalitionspartner", "Konzern Mittwochabend"
    return tok.pos_ in {"PROPN", "X"} or text.lower() not in known_words()


def _cue_relabels(ent: Span, label: str) -> bool:
    """Whether the cue's label replaces the model's for the entity right after the cue: a
    lone unknown name ("Zeitung Ekathimerini"), or a "person" after an organisation's cue
    that starts with no first name ("Partei Lega Nord", "Fluggesellschaft Sriwijaya Air",
    "Firma Magna Steyr"; not "Firma Peter Müller")."""
    if _known(ent) or ent.text in name_labels():
        return False
    if len(ent) == 1:
        return (
            _cue_name_word(ent[0])
            and compound_head(ent.text) is None
            and not place_genitive(ent.text)  # "Außenminister Athens"
        )
    return (
        label == "ORG"
        and ent.label_ == "PER"
        and not is_first_name(ent[0].text)
        and all(_cue_name_word(t) for t in ent)
    )


def _after_cues(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """The name right after a cue noun gets the cue's label: "Zeitung Ekathimerini" ORG,
    "Insel Lampedusa" LOC (label_cues.tsv); added where the model found nothing, and
    relabelled where :func:`_cue_relabels` says so."""
    cues = label_cues()
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    for i in [i for i in range(1, len(texts) - 1) if texts[i][:1].isupper()]:
        text = texts[i]
        if i in owner or text.lower() in STOP_WORDS:
            continue
        label = cue_label(text, cues)
        if label is None or doc[i - 1].is_punct:
            continue
        nxt = owner.get(i + 1)
        if nxt is not None:
            after = owner.get(nxt.end)
            if _split_club(nxt, after, i, label) and nxt in out and after in out:
                # "Traditionsverein Preußen Münster" as two places: one club
                out = [e for e in out if e is not nxt and e is not after]
                out.append(Span(doc, nxt.start, after.end, label=label))
                continue
            if nxt.start == i + 1 and nxt.label_ != label and _cue_relabels(nxt, label):
                out.remove(nxt)
                out.append(Span(doc, nxt.start, nxt.end, label=label))
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and end not in owner and _cue_name_word(doc[end]):
            end += 1
        if end == i + 1:
            continue
        rest = owner.get(end)
        if rest is not None and rest.start == end and rest.label_ == label and rest in out:
            out.remove(rest)  # "Nachrichtenagentur The Associated Press": one name
            end = rest.end
        out.append(Span(doc, i + 1, end, label=label))
    return out


def _split_club(first: Span, second: Span | None, cue: int, label: str) -> bool:
    """Two one-word places or organisations right after an organisation's cue noun, side by
    side: one name that the model split ("Preußen" + "Münster")."""
    return (
        label == "ORG"
        and second is not None
        and first.start == cue + 1
        and second.start == first.end
        and len(first) == len(second) == 1
        and first.label_ in ("LOC", "ORG")
        and second.label_ in ("LOC", "ORG")
    )


def _hyphen_descriptors(doc: Doc, ents: list[Span]) -> list[Span]:
    """A hyphenated compound of a name and a common noun right before a name describes
    that name and is none itself ("die US-Raumfahrtbehörde Nasa", "das US-Magazin Wired",
    "die US-Legionäre Bradford Burgess"; GermEval marks such words as parts of names): the
    models' organisation or place of it is dropped, and the name after it (an entity
    already, or found by :func:`_after_cues`) stays."""
    starts = {e.start for e in ents}
    taken = {k for e in ents for k in range(e.start, e.end)}

    def descriptor(ent: Span) -> bool:
        if len(ent) != 1 or ent.label_ not in ("ORG", "LOC") or ent.end >= len(doc):
            return False
        head, _, tail = ent.text.rpartition("-")
        if not (head[:1].isupper() and tail[:1].isupper() and tail.isalpha()):
            return False
        common = _common_word(tail) or tail in plain_nouns() or compound_head(tail) is not None
        if ent.text in name_labels() or _known(ent) or not common:
            return False
        nxt = doc[ent.end]
        return ent.end in starts or (ent.end not in taken and _cue_name_word(nxt))

    return [e for e in ents if not descriptor(e)]


def cue_label(word: str, cues: dict[str, str]) -> str | None:
    """The label a cue noun gives the name after it, also by the head of a compound the
    dictionary knows whole when that head, of six letters or more or a
    :data:`SHORT_CUE_HEADS` word, names an organisation or place ("Tageszeitung" ->
    "zeitung"; not "Flugzeuge" -> "zeuge" PER)."""
    key = cue_key(word)
    if key is None:
        return None
    if key in cues:
        return cues[key]
    head = compound_head(key.capitalize())
    if head is None or len(head) < 6 and head not in SHORT_CUE_HEADS:
        return None
    label = cues.get(head)
    return label if label in ("ORG", "LOC") else None


SHORT_CUE_HEADS = frozenset("firma bank insel stadt hafen miliz".split())
"""Cue heads under six letters that still label the name after a compound the dictionary
knows whole ("Plattenfirma Sony", "Heimatstadt Graz"; not "Zeitraum" -> "raum")."""


def _speakers(doc: Doc, ents: list[Span]) -> list[Span]:
    """A lone unknown name right after a verb of saying, with no article, is a person
    ("berichtete Bubik, dass …", "sagt Demel"): organisations come with an article ("sagte
    die BBC") or are known."""
    verbs = words_by_kind("cues.txt")["verb"]
    cues = label_cues()
    cued = {  # "die Nachrichtenagentur Sana" … "berichtete Sana": the agency
        e.text for e in ents if e.start > 0 and cue_label(doc[e.start - 1].text, cues) == e.label_
    }
    out = []
    for ent in ents:
        if (
            len(ent) == 1
            and ent.text not in cued
            and ent.label_ in {"ORG", "LOC"}
            and ent.start > 0
            and doc[ent.start - 1].pos_ == "VERB"
            and doc[ent.start - 1].lemma_ in verbs
            and not _known(ent)
            and ent.text not in name_labels()
            and ent.text not in geo_names()
            and ent[0].is_alpha
            and not any(c.isupper() for c in ent.text[1:])  # "TorrentFreak", "BBC"
            and not (ent.end < len(doc) and doc[ent.end].pos_ == "NOUN")  # "Odessas Gouverneur"
            and not (ent.end < len(doc) and is_role(doc[ent.end].text))  # "Ingolstadts Manager"
        ):
            ent = Span(doc, ent.start, ent.end, label="PER")
        out.append(ent)
    return out


def _currency(tok: Token) -> bool:
    """A hyphenated currency ("US-Dollar", "Hongkong-Dollars", "Burundi-Franc")."""
    text = tok.text
    if "-" not in text or not text[:1].isupper():
        return False
    head = text.rsplit("-", 1)[1].lower()
    heads = currency_names()[1]
    return head in heads or head.endswith("s") and head[:-1] in heads


CURRENCY_SIGNS = frozenset("€ $ £ ¥".split())
CURRENCY_CODES = frozenset("EUR USD CHF GBP JPY CNY RUB".split())


CURRENCY_WORDS = frozenset(
    "Cent Dollar Dollars Euro Franc Francs Franken Gulden Kronen Krone Lira Mark Pesos Peso "
    "Pfund Rand Rappen Real Reais Reichsmark Rubel Rupien Rupie Schekel Schilling Won Yen "
    "Yuan Zloty Forint Dinar Rial Dirham Groschen Kopeken".split()
)
"""Currencies named by one word, MISC right after an amount ("777.000 Real", "20
Reichsmark", "30 Rubel"), as GermEval marks "Franken", "Gulden", "Cent"."""
AMOUNT_WORDS = frozenset("Millionen Milliarden Mio. Mrd. Tausend Billionen".split())


def currency_after_amount(doc: Doc, i: int, text: str | None = None) -> bool:
    """A currency's one-word name after an amount ("20 Reichsmark", "drei Milliarden Yen");
    ``text``, when given, is the word at ``i`` (saves a token lookup)."""
    return (
        (doc[i].text if text is None else text) in CURRENCY_WORDS
        and i > 0
        and (doc[i - 1].like_num or doc[i - 1].text in AMOUNT_WORDS)
    )


def _currency_sign(doc: Doc, i: int, text: str) -> bool:
    """A currency sign ("€", "$"), a frequent ISO code next to a number ("50 EUR"), or a
    currency's one-word name after an amount ("20 Reichsmark", "drei Milliarden Yen");
    ``text`` is the word at ``i``."""
    if text in CURRENCY_SIGNS or currency_after_amount(doc, i, text):
        return True
    if text not in CURRENCY_CODES:
        return False
    return i > 0 and doc[i - 1].like_num or i + 1 < len(doc) and doc[i + 1].like_num


@cache
def _phrase_starts() -> frozenset[str]:
    """Every part of a currency phrase before one of its spaces: a word followed by a space
    and the next word can only make a phrase if it is one of these."""
    return frozenset(p[:k] for p in currency_names()[0] for k, c in enumerate(p) if c == " ")


SURNAME_ENDING = re.compile(
    r"[A-ZÀ-Þ][a-zß-ÿćčđšžłńśźżőűğışș]{2,}"
    r"(?:ić|ič|escu|enko|owski|ewski|inski|ynski|sson|poulos|akis|oğlu)s?"
)
"""Endings of surnames that end no places' or organisations' names: "Mladić", "Popescu",
"Komorowski", "Andersson", "Mitsotakis", "Erdoğan" is none, "Davutoğlu" is."""


def _surname_endings(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A name ending in a surname's ending is a person: the model's place or organisation of
    name words ("Ratko Mladić" ORG -> PER), and a lone such word it left out ("Mladić
    hat"); no known name or place."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    out = []
    for ent in ents:
        if (
            ent.label_ != "PER"
            and SURNAME_ENDING.fullmatch(ent[-1].text)
            and all(t.text[:1].isupper() for t in ent)
            and not _known_name(ent.text)
        ):
            ent = Span(doc, ent.start, ent.end, label="PER")
        out.append(ent)
    for i, text in enumerate(texts):
        if i not in taken and SURNAME_ENDING.fullmatch(text) and not _known_name(text):
            out.append(Span(doc, i, i + 1, label="PER"))
    return out


def _listed_name(text: str) -> bool:
    """A name of the name lists, the gazetteer or GeoNames."""
    return text in name_labels() or text in places() or text in geo_names()


def _known_name(text: str) -> bool:
    """A name of the name lists, the gazetteer or GeoNames, or a German word."""
    return _listed_name(text) or text.lower() in known_words()


def _currencies(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Currencies are MISC (as GermEval annotates "Euro", "Dollar", "€", "EUR"): hyphenated
    currencies, signs and codes by numbers, and pycountry's German names of two words
    ("Schweizer Franken"), added where the model
    found nothing or relabelled where it saw a lone place or organisation."""
    phrases = currency_names()[0]
    firsts = _phrase_starts()
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    for i, text in enumerate(texts):
        end = None
        if "-" in text and _currency(doc[i]) or _currency_sign(doc, i, text):
            end = i + 1
        elif text in firsts and i + 1 < len(texts) and f"{text} {texts[i + 1]}" in phrases:
            end = i + 2
        if end is None:
            continue
        hit = {owner[k] for k in range(i, end) if k in owner}
        if any(e.start != i or e.end != end for e in hit):
            continue
        if hit:
            ent = hit.pop()
            if ent.label_ == "MISC":
                continue
            out.remove(ent)
        out.append(Span(doc, i, end, label="MISC"))
    return out


TOP_LEVEL_DOMAINS = frozenset(
    "de at ch com org net eu info io tv ai to uk fr it es nl be pl ru gov edu biz".split()
)
"""Endings of host names that make a word with dots a web address ("ver.di" is none)."""


NAME_PARTICLES = PARTICLES - {"von", "vom"} | ARTICLES
"""Lowercase words inside names before a surname ("van der Vaart"; not "von", also a
preposition: "Tore von Milivoje Novakovic")."""

MINUTES = re.compile(r"\d{1,3}\.(?:/\w+)?(?: ?, ?\d{1,3}\.(?:/\w+)?)*")
"""Minutes of goals in a match report: "89.", "65., 86.", "40./Elfmeter"."""


def _minutes_after(doc: Doc, i: int) -> bool:
    """Whether brackets holding the minutes of goals open at ``i`` ("Modeste (65., 86.)")."""
    if doc[i].text != "(":
        return False
    for close in range(i + 2, min(i + 8, len(doc))):
        if doc[close].text == ")":
            return MINUTES.fullmatch(doc[i + 1 : close].text) is not None
    return False


JOINING_PARTICLES = PARTICLES - {"von", "vom"}
"""Particles between two persons that make them one name ("Lula da Silva"); not "von",
also a preposition ("ein Foto von Merkel von Schröder")."""


PATRONYMICS = frozenset({"bin", "ibn", "bint"})
"""Arabic "son of", "daughter of" between two names of one person ("Qabus bin Said")."""
DUTCH_PARTICLE = "van"
"""The particle of Dutch and Flemish surnames, which is no German word ("van Gaal")."""


def _patronymic_names(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A name word, "bin"/"ibn"/"bint" and a name word are one person with the entities
    around them ("Sultan Qabus bin Said": the model made an organisation of "Said"; "Tariq
    bin Taimur", "Asaad bin Tariq" as a place, "Osama" without "bin Laden"); not where a
    known place stands before the particle. So is "van" (and an article) before a name word
    with a first name before it or without ("Martijn van Hout", "kritisiert van Hout" with
    "Hout" as an organisation, "van Gaal" with only "Gaal" as a person)."""
    at = {k: e for e in ents for k in range(e.start, e.end)}
    spans: list[tuple[int, int]] = []
    for k in range(1, len(doc) - 1):
        particle, name = texts[k], k + 1
        if particle not in PATRONYMICS and particle != DUTCH_PARTICLE:
            continue
        if particle == DUTCH_PARTICLE and texts[name] in ARTICLES and name + 1 < len(doc):
            name += 1  # "van der Vaart"
        after = texts[name]
        if not (after[:1].isupper() and after.replace("-", "").isalpha() and not is_role(after)):
            continue  # any capitalised word after the particle: "Osama bin Laden"
        right = at.get(name)
        if right is not None and right.start == k and right.end == name + 1:
            right = Span(doc, name, right.end, label=right.label_)  # "van Hout" ORG
        if particle == DUTCH_PARTICLE and (
            right.start != name or right.label_ != "PER" and (len(right) > 1 or _known(right))
            if right is not None
            else not _name_word(doc, name, k)
        ):
            continue  # a name with its particle already, a longer or known name, or none
        left = at.get(k - 1)
        named = left is not None or _name_word(doc, k - 1, k - 1)
        if named and left is None and particle == DUTCH_PARTICLE:
            named = doc[k - 1].pos_ == "PROPN" or is_first_name(doc[k - 1].text)
        if left is not None and left.label_ != "PER" and (len(left) > 1 or _known(left)):
            left, named = None, False
        if not named and particle in PATRONYMICS:
            continue
        start = left.start if left is not None else k - 1 if named else k
        end = right.end if right is not None and right.start == name else name + 1
        if spans and spans[-1][1] > start:  # "Abdullah bin Abdulaziz bin Saud"
            start = spans.pop()[0]
        spans.append((start, end))
    if not spans:
        return ents
    out = [e for e in ents if not any(a < e.end and e.start < b for a, b in spans)]
    return sorted(out + [Span(doc, a, b, label="PER") for a, b in spans], key=lambda e: e.start)


def _persons_across_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person, a name particle (and an article after it) and a person or a name word no
    model took are one person: the models split "Lula da Silva" into two, and found
    "Luiz Inácio Lula" without "da Silva" ("ich bin": no word of other entities, no "bin"
    before a word no model took)."""
    ents = sorted(ents, key=lambda e: e.start)
    by_start = {e.start: e for e in ents}
    taken = {k for e in ents for k in range(e.start, e.end)}
    out: list[Span] = []
    joined: set[int] = set()
    for ent in ents:
        if ent.start in joined:
            continue
        while ent.label_ == "PER" and ent.end + 1 < len(doc):
            k = ent.end
            particle = doc[k].text
            if particle not in JOINING_PARTICLES:
                break
            if doc[k + 1].text in ARTICLES and k + 2 < len(doc):
                k += 1  # "van der Vaart"
            nxt = by_start.get(k + 1)
            if nxt is not None and nxt.label_ == "PER":
                joined.add(nxt.start)
                ent = Span(doc, ent.start, nxt.end, label="PER")
            elif (
                nxt is None
                and k + 1 not in taken
                and particle not in ("bin", "ibn")
                and _name_word(doc, k + 1, ent.start)
            ):
                end = k + 2
                while end < min(len(doc), k + 4) and end not in taken and _name_word(doc, end, k):
                    end += 1  # "Jaap de Hoop Scheffer"
                ent = Span(doc, ent.start, end, label="PER")
            else:
                break
        out.append(ent)
    return out


def _goal_scorers(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A name before the minutes of goals scored them: a person. The model's place or
    organisation of unknown words is one ("Milivoje Novakovic (45.)" was LOC; not a known
    country in a table: "Portugal (7.)"), and unlisted words where it found nothing are
    one ("Sadiq Umar (89.)", "Olic (23./Foulelfmeter)"; not "Eigentor (30.)")."""
    by_end = {e.end: e for e in ents}
    taken = {k for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    for i in range(1, len(texts)):
        if texts[i] != "(" or not _minutes_after(doc, i):
            continue
        ent = by_end.get(i)
        if ent is not None:
            if ent.label_ in ("LOC", "ORG") and all(_unlisted_word(t) for t in ent):
                out = _replace(out, ent.start, ent.end, Span(doc, ent.start, ent.end, "PER"))
            continue
        start = i
        while start > max(0, i - 3) and start - 1 not in taken:
            tok = doc[start - 1]
            if not (tok.is_title and tok.is_alpha and len(tok) > 2 and _unlisted_word(tok)):
                break
            if compound_noun(tok.text) or tok.text in plain_nouns():
                break  # "Doppeltorschütze (3., 66.)"
            start -= 1
        if start < i and not (start > 0 and doc[start - 1].lower_ in NAME_PARTICLES):
            out.append(Span(doc, start, i, label="PER"))  # not "Vaart" of "van der Vaart"
    return out


WEB_ADDRESS_MARKS = (".", "@", "://")
"""What every word spaCy takes for a URL or an e-mail address holds (``like_url``,
``like_email``): a cheap test before looking at the token."""


def _web_address(tok: Token) -> bool:
    """An e-mail address, or a URL starting with "http" or "www." or ending in a usual
    top-level domain."""
    text = tok.text
    if tok.like_email:
        return True
    if not tok.like_url or not text[:1].isalnum():
        return False
    host = text.split("//", 1)[-1].split("/", 1)[0]
    return text.startswith(("http", "www.")) or host.rsplit(".", 1)[-1].lower() in TOP_LEVEL_DOMAINS


def _web_addresses(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A web or e-mail address is a miscellaneous name, as GermEval marks them ("stern.de",
    "karten-dinnertheater@gmx.de"), whatever label the model gave it alone; one inside a
    longer name stays there."""
    out = list(ents)
    for i, text in enumerate(texts):
        if not any(mark in text for mark in WEB_ADDRESS_MARKS) or not _web_address(doc[i]):
            continue
        if _in_longer_name(out, i, i + 1):
            continue
        out = _replace(out, i, i + 1, Span(doc, i, i + 1, label="MISC"))
    return out


def _in_longer_name(ents: list[Span], start: int, end: int) -> bool:
    """Whether an entity overlapping the words ``start:end`` reaches beyond them."""
    return any(e.start < start or e.end > end for e in ents if e.start < end and e.end > start)


def _replace(ents: list[Span], start: int, end: int, new: Span) -> list[Span]:
    """``ents`` without those overlapping the words ``start:end``, and ``new``."""
    return [e for e in ents if e.end <= start or e.start >= end] + [new]


WAR_HEADS = frozenset(
    "Krieg Krieges Kriegs Kriege Weltkrieg Weltkrieges Weltkriegs Weltkriege".split()
)
_DETERMINER_FORMS = frozenset(
    "einen keinen diesen jenen jeden meinen deinen seinen ihren unseren euren welchen "
    "solchen manchen allen".split()
)


def _named_wars(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A capitalised adjective before "Krieg" or "Weltkrieg" names a war, MISC as GermEval
    marks it ("im Zweiten Weltkrieg", "im Kalten Krieg", "des Dreißigjährigen Krieges");
    whatever entity overlaps it gives way."""
    out = list(ents)
    for i in range(len(texts) - 1):
        word = texts[i]
        if texts[i + 1] not in WAR_HEADS or not word[:1].isupper() or not word.endswith("en"):
            continue
        if doc[i].pos_ != "ADJ" and doc[i].tag_ != "ADJA":
            continue  # "nach sechs Jahren Krieg": a noun, no war's name
        if word.lower() in _DETERMINER_FORMS:
            continue  # "Einen Krieg", "Diesen Krieg" open a sentence, they name nothing
        if not word.replace("-", "").isalpha():
            continue
        out = _replace(out, i, i + 2, Span(doc, i, i + 2, label="MISC"))
    return out


STORM_WORDS = frozenset(
    "Orkan Orkantief Hurrikan Wirbelsturm Sturmtief Tief Hoch Taifun Zyklon "
    "Tropensturm Wintersturm".split()
)


def _named_storms(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """The name after a storm or weather-system word is MISC, the word itself no part of it
    ("Orkan Kyrill", "Sturmtief Sabine", "Hurrikan Katrina"); it replaces an entity the model
    made of both or took for a person."""
    out = list(ents)
    for i in range(len(texts) - 1):
        if texts[i] not in STORM_WORDS:
            continue
        name = doc[i + 1]
        if not name.text[:1].isupper() or not name.is_alpha:
            continue
        if name.lower_ in STOP_WORDS or name.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        if name.text in geo_names() or name.text in gazetteer_labels():
            continue  # a place or known name after the word is no storm's
        if _in_longer_name(out, i, i + 2):
            continue
        out = _replace(out, i, i + 2, Span(doc, i + 1, i + 2, label="MISC"))
    return out


CLUB_WORDS = frozenset(
    "FC SC SV TSV VfB VfL FSV SpVgg TuS SSV AC AS SSC Real Atlético Sporting Olympique "
    "Borussia Eintracht Fortuna Werder Hertha Dynamo Rapid Sturm Austria Juventus Inter "
    "Lazio Ajax Arminia Alemannia Union Kickers Wacker Admira Benfica Spartak Zenit Celtic "
    "Partizan Dinamo Lokomotiv Lokomotive Sparta Slavia Steaua Legia Viktoria Hapoel "
    "Maccabi Athletic Atletico Deportivo Racing".split()
)


CLUB_ONLY_NAMES = frozenset(
    "Benfica Juventus Ajax Arminia Alemannia Spartak Celtic Partizan Legia Hapoel Maccabi "
    "Admira Werder Hertha Borussia Eintracht Dinamo Lokomotiv Lokomotive Steaua "
    "Deportivo".split()
)
"""Club words that alone name a club, never a place or person ("bei der Admira",
"Benfica empfängt …")."""


CLUB_ABBREVIATIONS = frozenset("FC SC SV TSV VfB VfL FSV SpVgg TuS SSV SSC BSC".split())
"""Abbreviations that open or end only sports clubs' names ("FC Hansa Rostock", "Hertha
BSC")."""


CLUB_OPENERS = CLUB_ABBREVIATIONS | frozenset(
    "Real Atlético Atletico Athletic Sporting Olympique Deportivo Racing Borussia Eintracht "
    "Dynamo Dinamo Lokomotiv Lokomotive".split()
)
"""Club words that open nothing but a club's name, before any town ("Athletic Bilbao")."""


def _club_name(doc: Doc, i: int) -> bool:
    """A word that only opens clubs' names, then a capitalised word that is no common noun
    or role ("Real Madrid", "Athletic Bilbao"); at a sentence's start only a word that is no
    German word too ("Athletic Bilbao hat …", not "Real ist …")."""
    nxt = doc[i + 1]
    return (
        doc[i].text in CLUB_OPENERS
        and not (doc[i].is_sent_start and doc[i].lower_ in de_words())
        and nxt.is_title
        and nxt.is_alpha
        and nxt.text not in nonnames()
        and not is_role(nxt.text)
    )


CLUB_YEAR = re.compile(r"0\d|9\d")
"""Two-digit founding years that clubs carry after their town ("Hannover 96", "Schalke 04",
"Darmstadt 98", "Mainz 05")."""


def _teams_after_places(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A place and a team's word after it are the team ("Dallas" + "Stars", "Nashville" +
    "Predators"), also with the first word of the place the model left out ("New" +
    "Jersey" + "Devils", "Los" + "Angeles Kings")."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    cities = geo_names()
    ents = ents + [  # a known city no model took: "Nashville Predators"
        Span(doc, i, i + 1, label="LOC")
        for i in range(len(doc) - 1)
        if texts[i + 1] in TEAM_TAILS
        and texts[i] in cities
        and i not in taken
        and i + 1 not in taken
    ]
    out = []
    for ent in ents:
        start, end = ent.start, ent.end
        if end < len(doc) and texts[end] in TEAM_TAILS and end not in taken:
            if ent.label_ == "ORG" or not (ent.text in cities or _known(ent)):
                out.append(ent)
                continue
            end += 1
        elif not (ent.label_ == "ORG" and ent[-1].text in TEAM_TAILS):
            out.append(ent)
            continue
        if start > 0 and start - 1 not in taken and f"{texts[start - 1]} {texts[start]}" in cities:
            start -= 1  # "New Jersey", "Los Angeles"
        out.append(Span(doc, start, end, label="ORG"))
    return out


def _clubs_with_years(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place followed by a club's founding year, and no noun or number after it, is the
    club ("Hannover 96 hat", "Schalke 04,"; not "Norwegen 17 Jahre", "Österreich 15
    solcher Städte", "Stuttgart 21“")."""
    out = []
    for ent in ents:
        end = ent.end
        if (
            ent.label_ == "LOC"
            and end + 1 < len(doc)
            and CLUB_YEAR.fullmatch(doc[end].text)
            and doc[end + 1].pos_ not in {"NOUN", "PROPN", "NUM", "ADJ", "DET"}
            and not doc[end + 1].is_quote
            and doc[end].whitespace_  # a word of its own: not "96/97", "96."
        ):
            ent = Span(doc, ent.start, end + 1, label="ORG")
        out.append(ent)
    return out


def _sports_clubs(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A club word before a known place, or a word that opens only clubs' names before a
    name, names a sports club, one organisation ("Sturm Graz", "Juventus Turin", "Rapid
    Wien", "VfB Stuttgart", "Athletic Bilbao"; the model made a person of the
    first or split the two); a longer entity around both stays as it is ("FC Bayern
    München", "1. FC Köln")."""
    out = [
        Span(doc, e.start, e.end, label="ORG")
        if e.label_ in ("LOC", "PER")
        and (
            len(e) > 1
            and (
                texts[e.start] in CLUB_ABBREVIATIONS
                or texts[e.end - 1] in CLUB_ABBREVIATIONS
                or _club_of_a_place(e)
            )
            or len(e) == 1
            and texts[e.start] in CLUB_ONLY_NAMES
        )
        else e
        for e in ents
    ]  # "FC Hansa Rostock" as a place, "Hertha BSC", "Admira Wacker Mödling" as persons,
    # "Benfica" as a place
    labels, cities = gazetteer_labels(), geo_names()
    for i in range(len(texts) - 1):
        place = texts[i + 1]
        if texts[i] not in CLUB_WORDS:
            continue
        if not (place in cities or labels.get(place) == "LOC" or _club_name(doc, i)):
            continue
        if _in_longer_name(out, i, i + 2):
            continue
        start = i - 1 if i > 0 and _club_acronym(doc, out, i - 1) else i  # "ESV Lokomotive"
        out = _replace(out, start, i + 2, Span(doc, start, i + 2, label="ORG"))
    return out


def _club_of_a_place(ent: Span) -> bool:
    """A "person" of a club word that is no first name and words ending in a known place:
    the club ("Admira Wacker Mödling")."""
    return (
        ent.label_ == "PER"
        and ent[0].text in CLUB_WORDS
        and not is_first_name(ent[0].text)
        and ent[-1].text in geo_names()
    )


def _club_acronym(doc: Doc, ents: list[Span], i: int) -> bool:
    """An organisation of one word in capitals at ``i``, or such a word outside any entity:
    the sports club's acronym ("ESV Lokomotive Zwickau", "SK Rapid Wien")."""
    text = doc[i].text
    if not is_acronym(text) or len(text) > 5:
        return False
    inside = [e for e in ents if e.start <= i < e.end]
    return not inside or inside[0].label_ == "ORG" and len(inside[0]) == 1


LOCATIVE = frozenset({"in", "aus"})
"""Prepositions before which a known place is that place, whatever the model said ("in
Graz", "Der Senator aus Florida"); not "nach", which is also "after" ("nach Pisa", the
study)."""
BEARINGS = frozenset(
    "nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich südwestlich "
    "unweit nahe".split()
)
"""Words before "von" that make the name after it a place ("südlich von Bagdad")."""
DATELINE_DASHES = frozenset({"–", "—", "-"})


def _located_places(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A known place the model took for a person or organisation is a place where only a
    place can stand: after "in", "aus" or a bearing and "von" ("südlich von Bagdad"), or
    in a dateline, a sentence's first words before a dash ("Palermo – …"); after a bearing
    and in a dateline it is also added when no model found it there."""
    out = []
    for ent in ents:
        if ent.label_ != "LOC" and (
            known_place(ent.text)
            and place_slot(doc, ent, texts)
            or ent.text in dateline_places()
            and dateline_slot(doc, ent, texts)
        ):
            ent = Span(doc, ent.start, ent.end, label="LOC")  # "Sydney – " PER -> LOC
        out.append(ent)
    taken = {k for e in out for k in range(e.start, e.end)}
    bearings = [k + 1 for k, text in enumerate(texts) if len(text) == 3 and text.lower() == "von"]
    for i in [i for i in bearings if _after_bearing(texts, i)]:  # also where no model found it
        for end in range(min(len(texts), i + 3), i, -1):  # the longest known name first
            if not taken & set(range(i, end)) and known_place(" ".join(texts[i:end])):
                out.append(Span(doc, i, end, label="LOC"))
                taken.update(range(i, end))
                break
    starts = doc.to_array(SENT_START).tolist()
    for dash in [k for k, text in enumerate(texts) if text in DATELINE_DASHES]:
        end = _before_inline_space(texts, dash)  # "Buenos Aires  –"
        for i in range(max(0, end - 3), end):  # a dateline of up to three words
            name = " ".join(texts[i:end])
            if not (i == 0 or starts[i] == 1) or not _dateline_place(name):
                continue
            inside = [e for e in out if e.start < end and i < e.end]
            if all(i <= e.start and e.end <= end for e in inside):  # the models' parts of it
                out = [e for e in out if e not in inside] + [Span(doc, i, end, label="LOC")]
                taken.update(range(i, end))
            break
    return out


def _starting_points(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """ "von X aus" names where something starts, not a person's title of nobility: "soll
    Franziskus von Ecuador aus … führen" is Franziskus and the place Ecuador (but "Victoria
    von Schweden besuchte" stays one name)."""
    out = []
    for ent in ents:
        von = next((k for k in range(ent.start + 1, ent.end - 1) if texts[k] == "von"), None)
        if (
            von is None
            or ent.label_ != "PER"
            or ent.end >= len(texts)
            or texts[ent.end] != "aus"
            or not known_place(" ".join(texts[von + 1 : ent.end]))
        ):
            out.append(ent)
            continue
        out.append(Span(doc, ent.start, von, label="PER"))
        out.append(Span(doc, von + 1, ent.end, label="LOC"))
    return out


def _known_places_of_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person or organisation of two words or more that is a known place (GeoNames, the
    gazetteer; a person also in the genitive) and opens with no first name is that place
    ("im US-Bundesstaat South Carolina" PER -> LOC)."""
    out = []
    for ent in ents:
        name = ent.text
        if ent.label_ == "PER" and name not in geo_names():
            name = name.removesuffix("s")  # "in South Carolinas Hauptstadt"
        if (
            ent.label_ in ("PER", "ORG")
            and len(ent) > 1
            and known_place(name)
            and name not in name_labels()
            and not is_first_name(ent[0].text)
        ):
            ent = Span(doc, ent.start, ent.end, label="LOC")
        out.append(ent)
    return out


def _inline_space(text: str) -> bool:
    """A whitespace token inside a line: the second of two spaces ("Karl  Schwarzenberg")."""
    return text.isspace() and "\n" not in text


def _before_inline_space(texts: list[str], k: int) -> int:
    """``k`` moved back over whitespace tokens inside a line (a double space)."""
    while k > 0 and _inline_space(texts[k - 1]):
        k -= 1
    return k


def known_place(name: str) -> bool:
    """A place of GeoNames or of the gazetteer ("Wien", "Athen")."""
    return name in geo_names() or gazetteer_labels().get(name) == "LOC"


def _dateline_place(name: str) -> bool:
    """A known place, or a city named like a person (a place only in a dateline)."""
    return known_place(name) or name in dateline_places()


def _after_bearing(texts: list[str], i: int) -> bool:
    """Does the word at ``i`` follow a bearing and "von" ("nördlich von Bagdad")?"""
    return 1 < i < len(texts) and texts[i - 1].lower() == "von" and texts[i - 2].lower() in BEARINGS


def place_slot(doc: Doc, ent: Span, texts: list[str]) -> bool:
    """Whether ``ent`` stands after "in", "aus" or "<bearing> von", or as a dateline."""
    i = ent.start
    before = texts[i - 1].lower() if i > 0 else ""
    return before in LOCATIVE or _after_bearing(texts, i) or dateline_slot(doc, ent, texts)


def _dateline_pairs(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """Two names joined by a slash in a dateline are two places when the second is one
    ("Maria Enzersdorf/London – …" with "Maria Enzersdorf" as a person)."""
    by_start = {e.start: e for e in ents}

    def place_before_slash(ent: Span) -> bool:
        slash = ent.end
        second = by_start.get(slash + 1)
        return (
            ent.label_ != "LOC"
            and (ent.start == 0 or doc[ent.start].is_sent_start)
            and slash < len(texts)
            and texts[slash] == "/"
            and second is not None
            and second.label_ == "LOC"
            and dateline_slot(doc, Span(doc, ent.start, second.end), texts)
        )

    return [Span(doc, e.start, e.end, label="LOC") if place_before_slash(e) else e for e in ents]


def dateline_slot(doc: Doc, ent: Span, texts: list[str]) -> bool:
    """Whether ``ent`` opens a sentence right before a dash ("Sydney – Im Pazifik …")."""
    i = ent.start
    after = ent.end
    while after < len(texts) and _inline_space(texts[after]):
        after += 1  # "Buenos Aires  –"
    dateline = after < len(texts) and texts[after] in DATELINE_DASHES
    return dateline and (i == 0 or doc[i].is_sent_start)


def _attributive(token: Token) -> bool:
    """An attributive adjective by its tag, unless the lemma table reads it as a past verb
    form the tagger mistook ("stützte Tiganjs Version": "stützte" -> stützen)."""
    if token.tag_ != "ADJA":
        return False
    low = token.lower_
    lemma = table_lemma(low) or ""
    return not (low.endswith("te") and lemma.endswith("en") and lemma != low)


WORK_HEADS = tuple(
    "film song album lied buch roman single sendung sendereihe serie oper stück musical "
    "dokumentation doku hörspiel gedicht ballett videospiel computerspiel theaterstück "
    "kolumne reportage hit thriller drama komödie western spektakel abenteuer krimi epos "
    "biopic tragödie satire".split()
)
"""Heads of nouns for works whose title may follow in quotation marks ("der Film „My
Blueberry Nights“", "die Dokumentationssendung „37 Grad“"); newspapers and magazines are
organisations, and "Titel" is also an honour ("den Titel „Schöpfer der Neuen Musik“")."""
QUOTED_MEDIA_HEADS = (*MEDIA_HEADS, *COMPOUND_MEDIA_HEADS, "kanal")
"""Heads of nouns for media whose name may follow in quotation marks: an organisation ("die
schwedische Zeitung „Dagens Nyheter“", "der Sender „Al Arabija“"), as GermEval marks them."""
TITLE_QUOTES = frozenset('„“"»«')
MAX_TITLE_WORDS = 10


def _quoted_titles(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A quotation right after a noun for a work is that work's title, MISC ("der Song „Till
    Death Do Us Part“", "Serien wie „Tatort“"), and after a noun for a medium its name, ORG
    ("der Zeitung „Dagens Nyheter“"); it replaces the entities inside it, and so do the
    quotations listed after it ("„A“, „B“ und „C“"). A quotation that holds a verb or ends
    a sentence inside is speech, not a title."""
    out = list(ents)
    for i in range(len(texts) - 2):
        label = _title_label(doc[i]) if texts[i][:1].isupper() else None
        if label is None:
            continue
        start = i + 2 if texts[i + 1] == "wie" else i + 1
        while (title := _quoted_title(doc, texts, start)) is not None:
            out = _replace(out, title[0], title[1], Span(doc, title[0], title[1], label=label))
            after = title[1] + 1
            start = after + 1 if after < len(texts) and texts[after] in TITLE_LIST else -1
    return out


TITLE_LIST = frozenset({",", "und", "oder", "sowie"})
"""Words between listed titles."""


ENGLISH_WORDS = frozenset(EN_STOP_WORDS - STOP_WORDS - {"i"})
"""English function words that are no German ones ("of", "me", "the"; not "in", "was",
nor "I", also a Roman numeral)."""
TITLE_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())
"""Words an English title leaves lowercase ("Blood of Eden")."""
ENGLISH_ORGANISATION_WORDS = frozenset(
    "Agency Alliance Army Association Bank Board Church Club College Commission Committee "
    "Company Corporation Council Court Department Federation Force Forces Foundation Front "
    "Fund Governors Group Institute League Library Ministry Movement Organization Party "
    "School Service Society Trust Union University".split()
)
"""Words of English names of organisations, which no quotation makes a title ("People's
Alliance for Democracy", "Board of Governors")."""


def _english_quotations(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """A quotation of English words in title case is a title, MISC ("Michael Jacksons „Black
    or White“", "sein Hit "Take On Me""): at least one English function word, every word
    capitalised but the small ones, no German function word, mostly no German words. It
    replaces the entities inside it; one that reaches out of it stays, and so does an
    organisation that is all of it (the magazine „The Face“, „The Independent“)."""
    out = list(ents)
    for quote in [k for k, text in enumerate(texts) if text in TITLE_QUOTES]:
        end = _closing_quote(texts, quote + 1) if quote + 2 < len(texts) else None
        if end is None or end - quote < 3 or not _english_title(texts[quote + 1 : end]):
            continue
        start = quote + 1
        if any(
            e.start < start < e.end
            or e.start < end < e.end
            or (e.start, e.end, e.label_) == (start, end, "ORG")
            for e in out
        ):
            continue
        out = _replace(out, start, end, Span(doc, start, end, label="MISC"))
    return out


def _english_title(words: list[str]) -> bool:
    """Two or more English words in title case ("Take On Me", "Blood of Eden")."""
    lows = [w.lower() for w in words]
    german = sum(w in known_words() and w not in EN_STOP_WORDS for w in lows)
    return (
        any(w in ENGLISH_WORDS for w in lows)
        and 2 * german < len(words)
        and not any(w in STOP_WORDS and w not in EN_STOP_WORDS for w in lows)
        and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words)
        and all(w.replace("'", "").isalpha() for w in words)
        and not ENGLISH_ORGANISATION_WORDS.intersection(words)
    )


WORK_NOUNS = frozenset(WORK_HEADS) | {"spiel"}
"""Heads of common nouns for works that open an unquoted title the models took in
("Strategiespiel Command & Conquer", "Film Titanic")."""


def work_noun(tok: Token, tags: frozenset[str] = frozenset({"NOUN"})) -> bool:
    """A common noun for a work, whole or as a compound's head ("Taktikspiel"; not
    "Mitglied"), tagged one of ``tags``."""
    text = tok.text
    if tok.pos_ not in tags or not text[:1].isupper():
        return False
    for word in {text, tok.lemma_}:
        low = word.lower()
        if low in WORK_NOUNS or compound_head(word) in WORK_NOUNS:
            return True
    return False


def _titles_after_work_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """An entity opened by a noun for a work is the title after it, MISC: "das Taktikspiel
    Commandos" ORG -> "Commandos", "der Film Titanic" (not a person's name after it: "das
    Tagebuch Anne Frank")."""
    out = []
    for ent in ents:
        if (
            len(ent) > 1
            and work_noun(ent[0])
            and ent[1].text[:1].isupper()
            and not is_first_name(ent[1].text)
        ):
            ent = Span(doc, ent.start + 1, ent.end, label="MISC")
        elif ent.start > 0 and _title_noun(doc[ent.start - 1]) and not is_first_name(ent[0].text):
            ent = Span(doc, ent.start, ent.end, label="MISC")  # "Thriller Bridge of Spies"
        else:
            out.extend(_owner_work_title(doc, ent))
            continue
        out.append(ent)
    return out


NOT_BEFORE_TITLES = frozenset({"Stück", "Spiel", "Beispiel"})
"""Words for works that also mean something else before a name: "ein Stück Venedig", "im
Spiel Deutschland–Serbien", "zum Beispiel Rollsiegel"."""


def _title_noun(tok: Token) -> bool:
    """A noun for a work right before a name, which is its title: not a match
    ("Regionalligaspiel FC Sachsen Leipzig"; "Computerspiel" is a work), a piece
    ("Teilstück") or a word of :data:`NOT_BEFORE_TITLES`."""
    low = tok.lower_
    if tok.text in NOT_BEFORE_TITLES or low.endswith("spiel") and not low.endswith(WORK_HEADS):
        return False
    pieces = ("stück", "stücke", "stücks", "stücken")
    if low.endswith(pieces) and not any(
        low.endswith(f"{kind}{p}") for kind in ("theater", "bühnen", "musik") for p in pieces
    ):
        return False  # "das Teilstück Viernheimer Dreieck", "die Grundstücke F und G"
    return work_noun(tok, NOUN_TAGS)


NOUN_TAGS = frozenset({"NOUN", "PROPN"})
"""The tags a noun for a work may have outside an entity or after a genitive, where
taggers often call it a proper noun ("Spielbergs Thriller")."""


def _owner_work_title(doc: Doc, ent: Span) -> list[Span]:
    """A person's genitive, a noun for a work and its title taken for one person: the
    person and the title ("George Millers Actionspektakel Mad Max" -> "George Millers" PER,
    "Mad Max" MISC)."""
    if ent.label_ != "PER" or len(ent) < 3:
        return [ent]
    for k in range(ent.start + 1, ent.end - 1):
        owner = doc[k - 1].text
        if work_noun(doc[k], NOUN_TAGS) and owner.endswith("s") and owner[:1].isupper():
            return [Span(doc, ent.start, k, label="PER"), Span(doc, k + 1, ent.end, label="MISC")]
    return [ent]


def _title_label(tok: Token) -> str | None:
    """MISC after a noun for a work ("Film", "Serien"), ORG after one for a medium."""
    word = tok.text
    if not word[:1].isupper():
        return None
    low = word.lower()
    forms = (low, tok.lemma_.lower(), low[:-1], low[:-2])  # plurals: "Serien", "Songs"
    if any(f.endswith(WORK_HEADS) for f in forms):
        return "MISC"
    if any(f.endswith(QUOTED_MEDIA_HEADS) for f in forms):
        return "ORG"
    return None


def _quoted_title(doc: Doc, texts: list[str], quote: int) -> tuple[int, int] | None:
    """The words of a title in quotation marks opening at ``quote``, or None."""
    if not 0 <= quote < len(texts) - 1 or texts[quote] not in TITLE_QUOTES:
        return None
    first = texts[quote + 1]
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    end = _closing_quote(texts, quote + 1)
    if end is None:
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.text in {".", "!", "?"} for t in doc[quote + 1 : end]):
        return None
    return quote + 1, end


def _closing_quote(texts: list[str], start: int) -> int | None:
    """The index of the quotation mark closing a title that starts at ``start``."""
    for k in range(start + 1, min(len(texts), start + 1 + MAX_TITLE_WORDS)):
        if texts[k] in TITLE_QUOTES:
            return k
    return None


NOUN_ID = POS_IDS["NOUN"]
OWNER_POS = frozenset(POS_IDS[p] for p in ("PROPN", "NOUN", "X"))


def _unfound_owners(doc: Doc, ents: list[Span]) -> list[Span]:
    """An unknown name in the genitive before a common noun that the model left out owns it:
    a person, or a place when its stem is one ("fordern Assads Rücktritt", "als Boatangs
    Schuss", "Brandenburgs Wirtschaftsminister")."""
    taken = {k for e in ents for k in range(e.start, e.end)}
    out = list(ents)
    pos = doc.to_array(POS).tolist()
    for i in range(len(doc) - 1):
        if pos[i + 1] != NOUN_ID or pos[i] not in OWNER_POS or i in taken or i + 1 in taken:
            continue
        if not _common_word(doc[i + 1].text):
            continue
        if not _owner_word(doc[i]):
            continue
        if i > 0 and (doc[i - 1].pos_ == "DET" or _attributive(doc[i - 1])):
            continue  # a common noun's phrase: "die martialischen Gesichtstattoos"
        stem = doc[i].text[:-1]
        label = "LOC" if stem in places() or stem in geo_names() else "PER"
        label = name_labels().get(stem, label)
        if label == "PER" and (i == 0 or doc[i].is_sent_start and doc[i - 1].is_punct):
            continue  # an unknown word opening a sentence: "Frühestens Mitte dieses Jahres"
        out.append(Span(doc, i, i + 1, label=label))
    return out


def after_role_word(doc: Doc, i: int) -> bool:
    """A capitalised role word stands right before ``doc[i]`` ("Bundespräsident Heinz",
    "Pharao Tutanchamun")."""
    return i > 0 and doc[i - 1].text[:1].isupper() and is_role(doc[i - 1].text)


def _join_across_spaces(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name that a double space split is one name: the models, which never saw a
    whitespace token inside a sentence, break "Karl  Schwarzenberg" into PER "Karl" and LOC
    "Schwarzenberg", "Western  Australia" into two. Two entities of one label with only
    such a space between them are joined, and so is a person ending in a first name with
    the capitalised word after the space, whatever the model made of it (a German word
    too after a role: "Bundespräsident Heinz  Fischer")."""
    ents = sorted(ents, key=lambda e: e.start)
    by_start = {e.start: e for e in ents}
    out: list[Span] = []
    skip: set[int] = set()
    for ent in ents:
        if ent.start in skip:
            continue
        gap = ent.end
        if gap + 1 < len(doc) and _inline_space(doc[gap].text):
            nxt = by_start.get(gap + 1)
            word = doc[gap + 1]
            if nxt is not None and nxt.label_ == ent.label_:
                skip.add(nxt.start)
                ent = Span(doc, ent.start, nxt.end, label=ent.label_)
            elif (
                ent.label_ == "PER"
                and is_first_name(ent[-1].text)
                and word.text[:1].isupper()
                and word.text.replace("-", "").isalpha()  # "Gabi  Sprickler-Falschlunger"
                and (not _common_word(word.text) or after_role_word(doc, ent.start))
            ):
                end = nxt.end if nxt is not None and len(nxt) == 1 else gap + 2
                if nxt is not None:
                    skip.add(nxt.start)
                ent = Span(doc, ent.start, end, label="PER")
        out.append(ent)
    return out


def slash_places(ent: Span) -> list[Span]:
    """Places joined by slashes are several places, as in datelines ("Graz/Salzburg –",
    "Addis Abeba/Bujumbura"): an entity whose parts between "/" are all known places, or a
    dateline's place with a known place among its capitalised parts ("Innsbruck/Eisenstadt
    –"), is one place per part (LOC), so that "Salzburg" is counted and no short form of
    "Graz / Salzburg". Other names with a slash stay whole ("CDU/CSU", "AC/DC",
    "Weilheim/Teck"). The entity mentions use this; ``doc.ents`` keep the one span, as
    GermEval annotates "Darmstadt/Berlin", one token there."""
    cuts = [t.i for t in ent[1:-1] if t.text == "/"]
    if not cuts:
        return [ent]
    doc = ent.doc
    bounds = zip([ent.start] + [c + 1 for c in cuts], cuts + [ent.end], strict=True)
    parts = [Span(doc, a, b, label="LOC") for a, b in bounds]
    known = [known_place(p.text) for p in parts]
    dateline = ent.end < len(doc) and doc[ent.end].text in DATELINE_DASHES
    if all(known) or (
        dateline
        and ent.label_ == "LOC"
        and any(known)
        and all(p[0].text[:1].isupper() for p in parts)
    ):
        return parts
    return [ent]


def name_rules(doc: Doc) -> Doc:
    """Apply the person and non-name rules to ``doc.ents``."""
    from newscorp.pipeline.components import LABEL_MAP  # "PERSON", "OTH" of other models

    ents = [
        Span(doc, e.start, e.end, label=LABEL_MAP[e.label_]) if e.label_ in LABEL_MAP else e
        for e in doc.ents
    ]
    ents = _join_across_spaces(doc, ents)
    ents = [_genitive_owner(_relabel(t)) for t in (_trim(e) for e in ents) if t is not None]
    texts = token_texts(doc)
    ents = _split_at_roles(doc, ents, texts)
    ents = _role_appositions(doc, ents, texts)
    ents = _add_known(doc, ents, texts)
    ents = _add_places(doc, ents, texts)
    ents = _persons(doc, ents, texts)
    ents = _initial_surnames(doc, ents, texts)
    ents = _coordinated_persons(doc, ents)
    ents = _after_roles(doc, ents, texts)
    ents = _join_across_spaces(doc, ents)  # again: names found after roles
    ents = _persons_across_particles(doc, ents)
    ents = _patronymic_names(doc, ents, texts)
    ents = _hyphen_descriptors(doc, ents)
    ents = _after_cues(doc, ents, texts)
    ents = _speakers(doc, ents)
    ents = _currencies(doc, ents, texts)
    ents = _web_addresses(doc, ents, texts)
    ents = _goal_scorers(doc, ents, texts)
    ents = _surname_endings(doc, ents, texts)
    ents = _named_wars(doc, ents, texts)
    ents = _named_storms(doc, ents, texts)
    ents = _sports_clubs(doc, ents, texts)
    ents = _clubs_with_years(doc, ents)
    ents = _teams_after_places(doc, ents, texts)
    ents = _unfound_owners(doc, ents)
    ents = _located_places(doc, ents, texts)
    ents = _starting_points(doc, ents, texts)
    ents = _dateline_pairs(doc, ents, texts)
    ents = _known_places_of_words(doc, ents)
    ents = _quoted_titles(doc, ents, texts)
    ents = _english_quotations(doc, ents, texts)
    ents = _titles_after_work_nouns(doc, ents)
    ents = _descriptor_then_person(doc, ents, texts)
    ents = _place_owner_before_person(doc, ents)
    ents = _institution_before_place(doc, ents)
    doc.ents = filter_spans(ents)
    return doc


@Language.component("newscorp_names")
def names_component(doc: Doc) -> Doc:
    """Component wrapper around :func:`name_rules`."""
    return name_rules(doc)
