"""The entity vote of several NER models (newscorp.pipeline.vote)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newscorp.pipeline.components import make_gazetteer
from newscorp.pipeline.vote import add_entity_vote, make_entity_vote, vote, voter_names


def test_an_entity_needs_the_majority():
    main = {(0, 2, "PER"), (5, 6, "LOC")}
    second = {(0, 2, "PER"), (5, 6, "ORG"), (8, 9, "ORG")}
    third = {(0, 2, "PER"), (5, 6, "LOC"), (8, 9, "MISC")}
    assert vote([main, second, third], 2) == [(0, 2, "PER"), (5, 6, "LOC")]
    assert vote([main, set(), third], 2) == [(0, 2, "PER"), (5, 6, "LOC")]
    assert vote([main, set(), {(8, 9, "MISC")}], 2) == []


def test_a_span_every_model_found_stays_with_the_main_label():
    # "Manchester City": PER, ORG and LOC; every model found the name, none agree on its kind
    assert vote([{(3, 5, "PER")}, {(3, 5, "ORG")}, {(3, 5, "LOC")}], 2) == [(3, 5, "PER")]
    # two of three found it with different labels: no entity
    assert vote([{(3, 5, "PER")}, {(3, 5, "ORG")}, set()], 2) == []


def test_overlapping_entities_more_votes_then_longer_span():
    # "Donald Trump" by two models, "Trump" by all three: the most voted wins
    assert vote(
        [{(0, 2, "PER"), (1, 2, "PER")}, {(1, 2, "PER")}, {(0, 2, "PER"), (1, 2, "PER")}], 2
    ) == [(1, 2, "PER")]
    # equal votes: the longer span
    assert vote([{(0, 3, "ORG"), (1, 3, "ORG")}, {(0, 3, "ORG"), (1, 3, "ORG")}], 2) == [
        (0, 3, "ORG")
    ]


def _fixed_ner(name: str, spans: list[tuple[int, int, str]]):
    """A stand-in NER that adds fixed entities to entities already set (as spaCy's NER keeps
    them)."""

    @Language.component(name)
    def component(doc: Doc) -> Doc:
        doc.ents = list(doc.ents) + [Span(doc, a, b, label=lab) for a, b, lab in spans]
        return doc

    return name


def test_vote_component_runs_disabled_voters_after_the_main_ner():
    nlp = spacy.blank("de")
    nlp.add_pipe(_fixed_ner("test_main_ner", [(0, 2, "PER"), (4, 5, "LOC")]), name="ner")
    nlp.add_pipe(_fixed_ner("test_voter_a", [(0, 2, "PER"), (6, 7, "ORG")]), name="ner_vote1")
    nlp.add_pipe(_fixed_ner("test_voter_b", [(4, 5, "LOC"), (6, 7, "ORG")]), name="ner_vote2")
    nlp.disable_pipe("ner_vote1")
    nlp.disable_pipe("ner_vote2")
    assert voter_names(nlp) == ["ner_vote1", "ner_vote2"]
    add_entity_vote(nlp)
    add_entity_vote(nlp)  # idempotent
    assert nlp.pipe_names == ["ner", "newscorp_entity_vote"]
    text = "Angela Merkel reiste nach Paris zur UNO ."
    for doc in (nlp(text), next(nlp.pipe([text]))):
        assert [(e.text, e.label_) for e in doc.ents] == [
            ("Angela Merkel", "PER"),
            ("Paris", "LOC"),
            ("UNO", "ORG"),
        ]


def test_no_vote_without_voters():
    nlp = spacy.blank("de")
    nlp.add_pipe(_fixed_ner("test_lone_ner", [(0, 1, "LOC")]), name="ner")
    add_entity_vote(nlp)
    assert nlp.pipe_names == ["ner"]


def test_bundled_pipeline_votes_with_two_voters(nlp):
    assert voter_names(nlp) == ["ner_vote1", "ner_vote2"]
    names = nlp.pipe_names
    assert names[names.index("ner") + 1] == "newscorp_entity_vote"
    assert nlp.get_pipe("newscorp_entity_vote").min_votes == 2


def test_the_pipeline_line_on_stderr_names_the_vote(nlp):
    from newscorp.pipeline.resolve import BUNDLED_DIR, ModelChoice, describe

    line = describe(nlp, ModelChoice(str(BUNDLED_DIR), "bundled"))
    assert line.endswith("not installed); entities by majority vote of 3 NER models")


def test_factory_annotations_are_types_that_any_spacy_3_8_can_validate():
    # spaCy 3.8.7 and older cannot resolve postponed (string) annotations of a factory
    assert make_entity_vote.__annotations__["nlp"] is Language
    assert make_entity_vote.__annotations__["voters"] == list[str]
    assert make_gazetteer.__annotations__["nlp"] is Language
