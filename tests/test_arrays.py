"""DocArrays: per-token lists read with to_array equal the Token attributes they replace."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newscorp.extract.arrays import DocArrays, doc_arrays, string_id, string_ids


def _rows(doc: Doc) -> list[tuple]:
    a = DocArrays(doc)
    return [
        (
            a.texts[i],
            a.lower[i],
            a.pos[i],
            a.tag[i],
            a.dep[i],
            a.lemma[i],
            a.ent_type[i],
            a.ent_iob[i],
            a.head[i],
            bool(a.space[i]),
            bool(a.punct[i]),
            bool(a.alpha[i]),
            bool(a.quote[i]),
            a.morph[i],
            a.idx[i],
            a.children[i],
            sorted(a.subtree(i)),
            a.sent(i),
        )
        for i in range(len(doc))
    ]


def _expected(doc: Doc) -> list[tuple]:
    return [
        (
            t.text,
            string_id(t.lower_),
            string_id(t.pos_),
            string_id(t.tag_),
            string_id(t.dep_),
            string_id(t.lemma_),
            string_id(t.ent_type_),
            t.ent_iob,
            t.head.i,
            t.is_space,
            t.is_punct,
            t.is_alpha,
            t.is_quote,
            t.morph.key,
            t.idx,
            [c.i for c in t.children],
            sorted(s.i for s in t.subtree),
            (t.sent.start, t.sent.end),
        )
        for t in doc
    ]


def test_doc_arrays_equal_token_attributes_of_a_parsed_document(nlp):
    doc = nlp(
        "Der Minister sagte am Dienstag, die Lage sei „sehr ernst“. Wie die Polizei "
        "mitteilte, wurden zwei Menschen verletzt.\n\nMerkel: „Wir schaffen das.“"
    )
    assert _rows(doc) == _expected(doc)


def test_children_and_subtree_of_a_non_projective_parse():
    # "Den Bericht hat er gestern gelesen.": the object hangs on "gelesen" across the root
    # "hat" (non-projective): the subtree of "gelesen" is not a contiguous range
    words = ["Den", "Bericht", "hat", "er", "gestern", "gelesen", "."]
    heads = [1, 5, 2, 2, 2, 2, 2]
    deps = ["det", "obj", "ROOT", "nsubj", "advmod", "xcomp", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    a = DocArrays(doc)
    assert a.children[2] == [3, 4, 5, 6]
    assert a.children[5] == [1]
    assert sorted(a.subtree(5)) == [0, 1, 5]  # (left_edge..right_edge would be 0..5)
    assert [[c.i for c in t.children] for t in doc] == [a.children[i] for i in range(7)]
    assert [sorted(s.i for s in t.subtree) for t in doc] == [sorted(a.subtree(i)) for i in range(7)]


def test_doc_arrays_of_an_empty_document():
    a = DocArrays(Doc(Vocab(), words=[]))
    assert (a.n, a.head, a.pos, a.lower, a.space) == (0, [], [], [], [])


def test_doc_arrays_are_remembered_per_document():
    doc = Doc(Vocab(), words=["Er", "sagte", "das"])
    assert doc_arrays(doc) is doc_arrays(doc)
    assert doc_arrays(Doc(Vocab(), words=["Er"])) is not doc_arrays(doc)


def test_string_ids_are_those_of_any_vocab():
    vocab = Vocab()
    assert string_id("NOUN") == vocab.strings["NOUN"]
    assert string_id("nsubj") == vocab.strings["nsubj"]
    assert string_id("sagte") == vocab.strings["sagte"]
    assert string_id("") == 0
    assert string_ids({"er", "sie"}) == {vocab.strings["er"], vocab.strings["sie"]}
