"""Context weights of polar words: quoted speech, Konjunktiv, polarity shifters."""

from __future__ import annotations

import pytest
import spacy
from conftest import parsed
from spacy.tokens import Doc

from newscorp.extract.sentiment import load_modifiers, polar_words
from newscorp.extract.shifts import konjunktiv_clauses, quoted, shifter_of, subjunctive


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("de")


def words(nlp: spacy.language.Language, text: str, lemmas: str | None = None) -> Doc:
    return Doc(nlp.vocab, words=text.split(), lemmas=lemmas.split() if lemmas else None)


def values(d: Doc) -> list[tuple[str, float]]:
    return [(t.text, round(v, 3)) for t, v in polar_words(d)]


# "Die Arbeiten seien eine Gefahr, das war Erfolg.": "seien" hung on the wrong word
GEFAHR_THEN_ERFOLG = (
    "Die/DET/det/1 Arbeiten/NOUN/nsubj/4 seien/AUX/cop/0/sein/Mood=Sub "
    "eine/DET/det/4 Gefahr/NOUN/ROOT/4 ,/PUNCT/punct/7 das/PRON/nsubj/7 "
    "war/AUX/cop/8/sein/Mood=Ind Erfolg/NOUN/conj/4 ./PUNCT/punct/4"
)


def test_direct_speech_counts_less(nlp: spacy.language.Language) -> None:
    d = words(
        nlp,
        "Er sagte : „ Das ist eine Katastrophe . “ Die Lage sei gut .",
        "er sagen : „ der sein ein Katastrophe . “ der Lage sein gut .",
    )
    assert values(d) == [("Katastrophe", -0.3), ("gut", 1.0)]
    assert quoted(list(d)) == {4, 5, 6, 7, 8}


def test_scare_quotes_keep_their_weight(nlp: spacy.language.Language) -> None:
    d = words(nlp, "Die « Reform » war ein Desaster .", "der « Reform » sein ein Desaster .")
    assert quoted(list(d)) == set()
    assert values(d) == [("Desaster", -1.0)]


def test_a_quotation_scored_alone_is_not_weighted(nlp: spacy.language.Language) -> None:
    d = words(nlp, "„ Das ist eine Katastrophe für alle Menschen . “")
    assert values(d[1:-1]) == [("Katastrophe", -1.0)]
    assert values(d) == [("Katastrophe", -0.3)]


def test_unclosed_quotation_weights_nothing(nlp: spacy.language.Language) -> None:
    d = words(nlp, "„ Das ist eine Katastrophe für alle Menschen .")
    assert quoted(list(d)) == set()


def test_konjunktiv_counts_less(nlp: spacy.language.Language) -> None:
    # "Das wäre ein Erfolg ." / "Das ist ein Erfolg ." (UD: copula, the noun heads the clause)
    konj = parsed(
        nlp,
        "Das/PRON/nsubj/3 wäre/AUX/cop/3/sein/Mood=Sub ein/DET/det/3 Erfolg/NOUN/ROOT/3"
        " ./PUNCT/punct/3",
    )
    ind = parsed(
        nlp,
        "Das/PRON/nsubj/3 ist/AUX/cop/3/sein/Mood=Ind ein/DET/det/3 Erfolg/NOUN/ROOT/3"
        " ./PUNCT/punct/3",
    )
    # the clause of the Konjunktiv verb: its tokens up to the full stop
    assert konjunktiv_clauses(list(konj)) == {0, 1, 2, 3} and not konjunktiv_clauses(list(ind))
    assert subjunctive(konj[3], {0, 1, 2, 3}) and not subjunctive(ind[3], set())
    assert values(konj) == [("Erfolg", 0.6)]
    assert values(ind) == [("Erfolg", 1.0)]


def test_konjunktiv_weight_follows_the_clause_not_the_parse(nlp: spacy.language.Language) -> None:
    # "seien" hung on the wrong word by the parser: "Gefahr" in its clause still counts less;
    # "Erfolg" after the comma, in an indicative clause, keeps its weight
    d = parsed(nlp, GEFAHR_THEN_ERFOLG)
    assert konjunktiv_clauses(list(d)) == {0, 1, 2, 3, 4}
    assert values(d) == [("Gefahr", -0.6), ("Erfolg", 1.0)]


def test_shifter_verb_inverts_its_object(nlp: spacy.language.Language) -> None:
    # "Die Regierung will die Krise überwinden ."
    d = parsed(
        nlp,
        "Die/DET/det/1 Regierung/NOUN/nsubj/5 will/AUX/aux/5/wollen die/DET/det/4"
        " Krise/NOUN/obj/5 überwinden/VERB/ROOT/5 ./PUNCT/punct/5",
    )
    assert shifter_of(d[4], load_modifiers().shifters) == d[5]
    assert values(d) == [("Krise", 1.0), ("überwinden", 0.0)]


def test_negated_shifter_does_not_invert(nlp: spacy.language.Language) -> None:
    # "Sie konnten die Krise nicht überwinden ." : still bad news
    d = parsed(
        nlp,
        "Sie/PRON/nsubj/5 konnten/AUX/aux/5/können die/DET/det/3 Krise/NOUN/obj/5"
        " nicht/PART/advmod/5 überwinden/VERB/ROOT/5 ./PUNCT/punct/5",
    )
    assert values(d) == [("Krise", -1.0), ("überwinden", 0.0)]


def test_shifter_noun_needs_its_preposition(nlp: spacy.language.Language) -> None:
    # "Der Kampf gegen Korruption geht weiter ." vs "Der Kampf um den Sieg geht weiter ."
    gegen = parsed(
        nlp,
        "Der/DET/det/1 Kampf/NOUN/nsubj/4 gegen/ADP/case/3 Korruption/NOUN/nmod/1"
        " geht/VERB/ROOT/4/gehen weiter/ADV/compound:prt/4 ./PUNCT/punct/4",
    )
    assert values(gegen) == [("Kampf", 0.0), ("Korruption", 1.0)]
    um = parsed(
        nlp,
        "Der/DET/det/1 Kampf/NOUN/nsubj/5 um/ADP/case/4 den/DET/det/4 Sieg/NOUN/nmod/1"
        " geht/VERB/ROOT/5/gehen weiter/ADV/compound:prt/5 ./PUNCT/punct/5",
    )
    assert values(um) == [("Kampf", -0.7), ("Sieg", 1.0)]


def test_subject_of_a_shifter_is_not_inverted(nlp: spacy.language.Language) -> None:
    # "Die Krise gefährdet den Frieden ." : the crisis stays bad, so does the threatened peace
    d = parsed(
        nlp,
        "Die/DET/det/1 Krise/NOUN/nsubj/2 gefährdet/VERB/ROOT/2/gefährden den/DET/det/4"
        " Frieden/NOUN/obj/2 ./PUNCT/punct/2",
    )
    assert values(d) == [("Krise", -1.0), ("gefährdet", 0.0), ("Frieden", -1.0)]


def test_unparsed_text_has_no_shifters(nlp: spacy.language.Language) -> None:
    d = words(nlp, "Die Regierung will die Krise überwinden .")
    assert values(d) == [("Krise", -1.0), ("überwinden", 1.0)]


def test_konjunktiv_weight_within_a_span(nlp: spacy.language.Language) -> None:
    # a span scored on its own: only the Konjunktiv verbs inside it count for its clauses
    d = parsed(nlp, GEFAHR_THEN_ERFOLG)
    with_verb, without = list(d[2:9]), list(d[3:5])
    assert konjunktiv_clauses(with_verb) == {2, 3, 4} and not konjunktiv_clauses(without)
    assert [(t.text, round(v, 3)) for t, v in polar_words(with_verb)] == [
        ("Gefahr", -0.6),
        ("Erfolg", 1.0),
    ]
    assert [(t.text, round(v, 3)) for t, v in polar_words(without)] == [("Gefahr", -1.0)]
