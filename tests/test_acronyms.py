"""Long forms before acronyms in parentheses (newscorp.pipeline.acronyms), on hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newscorp.pipeline.acronyms import defined_acronym, defined_acronyms, long_form_start

POS = {"(": "PUNCT", ")": "PUNCT", "die": "DET", "Die": "DET", "teilte": "VERB", "mit": "ADP"}


def _doc(text: str) -> Doc:
    words = text.split()
    pos = [
        POS.get(w, "ADP" if w in {"für", "in", "der", "of"} else "NOUN" if w[0].isupper() else "X")
        for w in words
    ]
    return Doc(spacy.blank("de").vocab, words=words, pos=pos)


def _with(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Entities (text, label) after the rule; ``ents`` as (words, label), first occurrence."""
    doc = _doc(text)
    words = [t.text for t in doc]
    spans = []
    for found, label in ents:
        part = found.split()
        start = next(i for i in range(len(words)) if words[i : i + len(part)] == part)
        spans.append(Span(doc, start, start + len(part), label=label))
    return [(e.text, e.label_) for e in defined_acronyms(doc, spans)]


@pytest.mark.parametrize(
    ("text", "long_form"),
    [
        (
            "die Internationale Organisation für Migration ( IOM )",
            "Internationale Organisation für Migration",
        ),
        ("der Deutsche Gewerkschaftsbund ( DGB )", "Deutsche Gewerkschaftsbund"),  # letters inside
        ("die Österreichische Volkspartei ( ÖVP )", "Österreichische Volkspartei"),
        (
            "des Österreichischen Rechtsanwaltskammertags ( OERAK )",
            "Österreichischen Rechtsanwaltskammertags",
        ),
        ("der Deutsche Journalisten-Verband ( DJV )", "Deutsche Journalisten-Verband"),
        ("die Alternative für Deutschland ( AfD )", None),  # "AfD" is no all-capital acronym
        ("die Partei Alternative für Deutschland ( AFD )", "Alternative für Deutschland"),
        ("der Vereinten Nationen ( UN )", None),  # the letters do not fit
        ("die World Wide Fund For Nature ( WWF )", None),  # "Nature" gives no letter
        ("die Weltgesundheitsorganisation ( WHO )", "Weltgesundheitsorganisation"),
    ],
)
def test_the_long_form_is_the_shortest_run_of_words_that_spells_the_acronym(text, long_form):
    doc = _doc(text)
    paren = [t.text for t in doc].index("(")
    acronym = doc[paren + 1].text
    start = long_form_start(doc, paren, acronym) if defined_acronym(acronym) else None
    assert (doc[start:paren].text if start is not None else None) == long_form


def test_an_acronym_entity_takes_its_long_form_and_a_part_of_it_the_model_found():
    text = "teilte die Internationale Organisation für Migration ( IOM ) in Genf mit"
    assert _with(text, [("IOM", "ORG"), ("Genf", "LOC")]) == [
        ("Internationale Organisation für Migration", "ORG"),
        ("IOM", "ORG"),
        ("Genf", "LOC"),
    ]
    assert _with(text, [("Organisation für Migration", "ORG")]) == [
        ("Internationale Organisation für Migration", "ORG"),
        ("IOM", "ORG"),
    ]


def test_no_long_form_without_an_entity_a_person_inside_or_one_word_not_found():
    assert _with("die Internationale Organisation für Migration ( IOM )", []) == []
    assert _with("das Bruttoinlandsprodukt ( BIP ) stieg", [("BIP", "ORG")]) == [("BIP", "ORG")]
    assert _with(
        "Sebastian Pfeiffer ( SP ) sagte", [("Sebastian Pfeiffer", "PER"), ("SP", "ORG")]
    ) == [
        ("Sebastian Pfeiffer", "PER"),
        ("SP", "ORG"),
    ]
    assert _with(
        "die Weltgesundheitsorganisation ( WHO )", [("Weltgesundheitsorganisation", "ORG")]
    ) == [
        ("Weltgesundheitsorganisation", "ORG"),
        ("WHO", "ORG"),
    ]


def test_a_long_form_in_parentheses_after_the_acronym_is_found_too():
    text = "die UETD ( Union of European Turkish Democrats ) , deren Chef"
    assert _with(text, [("UETD", "ORG")]) == [
        ("UETD", "ORG"),
        ("Union of European Turkish Democrats", "ORG"),
    ]
    assert _with("die UETD ( eine Lobby ) klagt", [("UETD", "ORG")]) == [("UETD", "ORG")]


def test_a_long_form_the_model_took_for_a_person_without_a_first_name_is_one_too():
    text = "die World Wide Developers Conference ( WWDC ) beginnt"
    ents = [("World Wide Developers Conference", "PER"), ("WWDC", "ORG")]
    assert _with(text, ents) == [("World Wide Developers Conference", "ORG"), ("WWDC", "ORG")]
