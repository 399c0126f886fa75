"""Lexicon sentiment: lookup, negation, modifiers, compounds, labels and the GerNTSA evaluator."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from conftest import parsed
from spacy.tokens import Doc

from newscorp.errors import InputError
from newscorp.evaluate.sentiment import (
    best_band,
    cross_validate,
    evaluate_sentiment,
    read_jsonl,
    stratified_folds,
    target_clause,
)
from newscorp.extract.sentiment import (
    ALPHA,
    CLAUSE_NEUTRAL_BAND,
    NEUTRAL_BAND,
    contributions,
    label_for,
    load_lexicon,
    load_modifiers,
    polar_words,
    score_span,
    score_tokens,
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("de")


def doc(nlp: spacy.language.Language, text: str, lemmas: str | None = None) -> Doc:
    words = text.split()
    return Doc(nlp.vocab, words=words, lemmas=lemmas.split() if lemmas else None)


def norm(total: float) -> float:
    return total / math.sqrt(total * total + ALPHA)


def test_lexicon_is_the_vendored_file() -> None:
    raw = load_lexicon(adjusted=False)
    assert len(raw) >= 7964
    assert raw["gut"] == 1.0
    assert raw["Krise"] == -1.0
    assert raw["Wagen"] == 0.0 and raw["wagen"] == 0.7  # casing keeps noun and verb apart
    assert raw["erfolgversprechend"] == raw["Erfolg_versprechend"]
    adjusted = load_lexicon()
    assert adjusted["Sieg"] == 1.0 and "Sieg" not in raw  # supplement
    assert adjusted["natürlich"] == 0.0 and raw["natürlich"] == 0.7  # not_polar


def test_modifiers_file() -> None:
    mods = load_modifiers()
    assert {"nicht", "kein", "nie", "ohne"} <= set(mods.negators)
    assert mods.scales["sehr"] > 1 > mods.scales["kaum"]
    assert "aber" in mods.boundaries


def test_positive_sentence(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Das Treffen war ein großer Erfolg .", "der Treffen sein ein groß Erfolg .")
    score, n = score_span(d)
    assert (round(score, 4), n) == (0.4472, 1)
    assert label_for(score) == "positive"


def test_negative_sentence(nlp: spacy.language.Language) -> None:
    d = doc(
        nlp,
        "Die Lage ist schlecht und die Krise wird schlimmer .",
        "der Lage sein schlecht und der Krise werden schlimm .",
    )
    assert contributions(d) == [-1.0, -1.0, -1.0]
    score, n = score_span(d)
    assert n == 3 and score == pytest.approx(norm(-3.0))
    assert label_for(score) == "negative"


def test_negation_flips_and_dampens(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Das Treffen war nicht gut .", "der Treffen sein nicht gut .")
    assert contributions(d) == [pytest.approx(-0.6)]
    assert score_span(d)[0] == pytest.approx(norm(-0.6))
    assert score_span(d, baseline=True) == (pytest.approx(norm(1.0)), 1)


def test_kein_erfolg(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Die Gespräche brachten keinen Erfolg .", "der Gespräch bringen kein Erfolg .")
    assert contributions(d) == [pytest.approx(-0.6)]
    assert contributions(doc(nlp, "Die Gespräche brachten keinen Erfolg .")) == [
        pytest.approx(-0.6)
    ]


def test_negation_scope_ends_at_clause(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Es war nicht schlecht , aber gut .", "es sein nicht schlecht , aber gut .")
    assert contributions(d) == [pytest.approx(0.6), 1.0]


def test_nicht_after_the_verb(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Die Zuschauer lieben das Stück nicht .", "der Zuschauer lieben der Stück nicht .")
    assert contributions(d) == [pytest.approx(-0.6)]
    assert contributions(doc(nlp, "Er mag das nicht .", "ich mögen der nicht .")) == [
        pytest.approx(-0.6)
    ]
    # the modal "möchte" (lemma "mögen") is not polar
    assert contributions(doc(nlp, "Er möchte das nicht .", "ich mögen der nicht .")) == []
    # a noun before "nicht" is not negated: the crisis stays negative
    d = doc(nlp, "Die Krise ist nicht vorbei .", "der Krise sein nicht vorbei .")
    assert contributions(d) == [-1.0]


def test_a_subject_hung_on_the_copula_is_outside_the_negated_phrase(
    nlp: spacy.language.Language,
) -> None:
    # "Die Krise sei keine gute Entwicklung": the parser hung the subject on "sei"
    d = parsed(
        nlp,
        "Die/DET/det/1/der Krise/NOUN/nsubj/2/Krise sei/AUX/cop/5/sein "
        "keine/DET/det/5/kein gute/ADJ/amod/5/gut Entwicklung/NOUN/ROOT/5/Entwicklung "
        "./PUNCT/punct/5",
    )
    # "Krise" -1.0 is not negated (it was +0.6 inside the phrase); "gute" 1.0 is (x -0.6)
    assert [round(v, 3) for v in contributions(d)] == [-1.0, -0.6]


def test_nicht_nur_is_no_negation(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "nicht nur gut , sondern auch schön")
    assert contributions(d) == [1.0, 1.0]


def test_intensifier_raises_magnitude(nlp: spacy.language.Language) -> None:
    plain = score_span(doc(nlp, "Das war gut ."))[0]
    strong = score_span(doc(nlp, "Das war sehr gut ."))[0]
    assert strong == pytest.approx(norm(1.5)) and strong > plain
    negative = score_span(doc(nlp, "Das war äußerst schlecht ."))[0]
    assert negative == pytest.approx(norm(-1.8)) and negative < -plain


def test_diminisher_lowers_magnitude(nlp: spacy.language.Language) -> None:
    d = doc(nlp, "Der Fortschritt war kaum erfreulich .", "der Fortschritt sein kaum erfreulich .")
    assert contributions(d) == [0.7, pytest.approx(0.4)]
    assert score_span(doc(nlp, "kaum erfreulich"))[0] < score_span(doc(nlp, "erfreulich"))[0]


def test_compound_fallback(nlp: spacy.language.Language) -> None:
    # no lemma: inflected compound "Friedensgespräche" → lexicon's "Friedensgespräch" (0.7)
    assert contributions(doc(nlp, "Die Friedensgespräche beginnen")) == [0.7]
    # compound heads: Finanzkrise → Krise, Wahlerfolg → Erfolg, Corona-Krise → Krise
    assert contributions(doc(nlp, "Die Finanzkrise und der Wahlerfolg")) == [-1.0, 1.0]
    assert contributions(doc(nlp, "Die Corona-Krise")) == [-1.0]
    # not split after a verb particle or inside "schaft"
    assert contributions(doc(nlp, "Der Auftakt der Mannschaft")) == []


def test_compound_split_needs_a_known_modifier(nlp: spacy.language.Language) -> None:
    # the modifier must be a word: "Sommer|kleid", not "Sommerk|leid" (Leid -1.0);
    # "Bierk|rüge", "Passa|giere" and "Ausch|witz" are no compounds of a polar head
    text = "Das Sommerkleid , die Bierkrüge , die Passagiere , Auschwitz"
    assert contributions(doc(nlp, text)) == []
    # the longest known head wins and blocks shorter polar ones: "Zeit|raum", not "Zei|traum"
    assert contributions(doc(nlp, "Im Zeitraum")) == []
    # linking elements and two-word modifiers: Kriegs|opfer, Lebens|gefahr, Weltcup|sieg
    assert contributions(doc(nlp, "Kriegsopfer in Lebensgefahr nach dem Weltcupsieg")) == [
        -1.0,
        -1.0,
        1.0,
    ]
    # a place name of the gazetteer is a known modifier: Korea|krieg → Krieg
    assert contributions(doc(nlp, "Der Koreakrieg")) == [-1.0]
    # an unrated known head is split again: Bundestags|wahlkampf → Wahl|kampf (-0.7)
    assert contributions(doc(nlp, "Der Bundestagswahlkampf")) == [-0.7]


def test_score_bounds(nlp: spacy.language.Language) -> None:
    many = doc(nlp, " ".join(["sehr gut"] * 40))
    score, n = score_span(many)
    assert n == 40 and 0.99 < score < 1.0
    score, n = score_span(doc(nlp, " ".join(["äußerst schlecht"] * 40)))
    assert n == 40 and -1.0 < score < -0.99
    assert score_span(doc(nlp, "Der Zug fährt um acht Uhr ab .")) == (0.0, 0)
    assert score_tokens([]) == (0.0, 0)


def test_label_band() -> None:
    assert (NEUTRAL_BAND, CLAUSE_NEUTRAL_BAND) == (0.36, 0.16)
    assert label_for(0.36) == "neutral"
    assert label_for(-0.36) == "neutral"
    assert label_for(0.37) == "positive"
    assert label_for(-0.37) == "negative"
    assert label_for(0.3, band=0.2) == "positive"
    # one strong polar word is labelled, one weak word (0.7) is not
    assert label_for(norm(1.0)) == "positive"
    assert label_for(norm(-0.7)) == "neutral"


def test_news_adjustments_of_the_lexicon(nlp: spacy.language.Language) -> None:
    raw, adjusted = load_lexicon(adjusted=False), load_lexicon()
    assert raw["Schwäche"] == 0.7 and adjusted["Schwäche"] == -0.7  # [corrections]
    assert raw["lauter"] == 1.0 and adjusted["lauter"] == 0.0  # "lauter Fragen": nothing but
    assert "Waldbrand" not in raw and adjusted["Waldbrand"] == -1.0  # [supplement]
    d = doc(nlp, "Laut Polizei wurde die Reform ohne Probleme beschlossen .")
    assert contributions(d) == [pytest.approx(0.6)]  # only "ohne Probleme", negated


def test_dependency_negation_spares_the_subject(nlp: spacy.language.Language) -> None:
    # UD parse of "Die Krise ist nicht schlecht ." : the crisis stays negative
    d = parsed(
        nlp,
        "Die/DET/det/1 Krise/NOUN/nsubj/4 ist/AUX/cop/4 nicht/PART/advmod/4 schlecht/ADJ/ROOT/4"
        " ./PUNCT/punct/4",
    )
    assert [(t.text, v) for t, v in polar_words(d)] == [("Krise", -1.0), ("schlecht", 0.6)]
    # "Er mag das Stück nicht ." : "nicht" modifies the verb before it
    d = parsed(
        nlp,
        "Er/PRON/nsubj/1 mag/VERB/ROOT/1/mögen das/DET/det/3 Stück/NOUN/obj/1 nicht/PART/advmod/1"
        " ./PUNCT/punct/1",
    )
    assert contributions(d) == [pytest.approx(-0.6)]


def test_dependency_negation_of_a_noun_phrase(nlp: spacy.language.Language) -> None:
    # "Die Gespräche brachten keinen echten Erfolg , aber Hoffnung ."
    d = parsed(
        nlp,
        "Die/DET/det/1 Gespräche/NOUN/nsubj/2 brachten/VERB/ROOT/2 keinen/DET/det/5"
        " echten/ADJ/amod/5/echt Erfolg/NOUN/obj/2 ,/PUNCT/punct/8 aber/CCONJ/cc/8"
        " Hoffnung/NOUN/conj/5 ./PUNCT/punct/2",
    )
    assert [(t.text, round(v, 2)) for t, v in polar_words(d)] == [
        ("echten", -0.6),
        ("Erfolg", -0.6),
        ("Hoffnung", 1.0),
    ]
    # the window rule would negate nothing before "keinen" either, but stops at the comma
    assert polar_words(d, dependency=False)[-1][1] == 1.0


def test_negator_without_polar_words_in_its_tree_uses_the_window(
    nlp: spacy.language.Language,
) -> None:
    # "auf keinen Fall betreten": "keinen" belongs to "Fall", which is not polar
    d = parsed(
        nlp,
        "Sie/PRON/nsubj/5 sollen/AUX/aux/5 auf/ADP/case/4 keinen/DET/det/4 Fall/NOUN/obl/5"
        " feiern/VERB/ROOT/5 ./PUNCT/punct/5",
    )
    assert contributions(d) == [pytest.approx(-0.42)]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def raw_row(text: str, target: str, polarity: str) -> dict[str, object]:
    start = text.index(target)
    return {
        "id": target,
        "opinion_snippet": text,
        "target": target,
        "target_anchor": {"from": start, "to": start + len(target)},
        "sentiment": {"polarity": polarity},
    }


def test_evaluator_on_jsonl(tmp_path: Path, nlp: spacy.language.Language) -> None:
    rows = [
        raw_row("Das Konzert war großartig und ein Erfolg.", "Konzert", "positive"),
        {"text": "Die Krise ist schlecht für alle.", "target": "Krise", "polarity": "negative"},
        {"text": "Der Zug fährt um acht Uhr ab.", "target": "Zug", "polarity": "neutral"},
        {"text": "Das Spiel war nicht gut.", "target": "Spiel", "polarity": "positive"},
    ]
    path = write_jsonl(tmp_path / "dev.jsonl", rows)
    result = evaluate_sentiment(read_jsonl(path), nlp)
    assert result["n"] == 4
    assert result["accuracy"] == 0.75
    assert result["confusion"]["positive"] == {"positive": 1, "neutral": 1, "negative": 0}
    assert result["per_label"]["negative"]["f1"] == 1.0
    assert result["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1.0) / 3)


def test_evaluator_by_target(tmp_path: Path, nlp: spacy.language.Language) -> None:
    text = "Die Regierung ist schlecht und korrupt, aber die Opposition hat Erfolg."
    rows = [raw_row(text, "Opposition", "positive")]
    assert evaluate_sentiment(rows, nlp, by="text")["accuracy"] == 0.0
    assert evaluate_sentiment(rows, nlp, by="target")["accuracy"] == 1.0
    clause = target_clause(nlp(text), "Opposition", text.index("Opposition"), None)
    assert clause.text == "die Opposition hat Erfolg"
    # baseline: same lexicon lookup, no negation
    rows = [{"text": "Das Spiel war nicht gut.", "target": "Spiel", "polarity": "negative"}]
    assert evaluate_sentiment(rows, nlp, band=0.2)["accuracy"] == 1.0
    assert evaluate_sentiment(rows, nlp, band=0.2, baseline=True)["accuracy"] == 0.0


def test_malformed_jsonl_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "gut", "polarity": "positive"}\n{"text": \n', "utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
        read_jsonl(path)
    path.write_text('\n["not", "an", "object"]\n', "utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: expected a JSON object"):
        read_jsonl(path)
    with pytest.raises(InputError, match="cannot read"):
        read_jsonl(tmp_path / "missing.jsonl")


def test_row_without_valid_polarity(nlp: spacy.language.Language) -> None:
    with pytest.raises(InputError, match="row 1: polarity 'great'"):
        evaluate_sentiment([{"text": "gut", "polarity": "great"}], nlp)


def test_best_band_takes_the_middle_of_the_plateau() -> None:
    scores = [0.9, 0.5, 0.1, 0.0, -0.05, -0.6]
    gold = ["positive", "positive", "neutral", "neutral", "neutral", "negative"]
    # every band in [0.10, 0.48] separates the classes perfectly: 0.30 is the middle
    assert best_band(scores, gold) == 0.3


def test_stratified_folds_deal_each_label_round_robin() -> None:
    gold = ["positive"] * 4 + ["neutral"] * 6 + ["negative"] * 2
    folds = stratified_folds(gold, 2, seed=0)
    assert folds == stratified_folds(gold, 2, seed=0)  # reproducible
    for label, size in (("positive", 2), ("neutral", 3), ("negative", 1)):
        assert [f for f, g in zip(folds, gold, strict=True) if g == label].count(0) == size


def test_cross_validation_reports_held_out_folds(nlp: spacy.language.Language) -> None:
    rows = [
        {"text": "Das Konzert war ein großer Erfolg .", "polarity": "positive"},
        {"text": "Die Premiere war wunderbar .", "polarity": "positive"},
        {"text": "Der Zug fährt um acht Uhr ab .", "polarity": "neutral"},
        {"text": "Die Sitzung beginnt am Montag .", "polarity": "neutral"},
        {"text": "Die Lage ist schlecht .", "polarity": "negative"},
        {"text": "Das Spiel endete mit einer bitteren Niederlage .", "polarity": "negative"},
    ]
    result = cross_validate(rows, nlp, folds=2)
    assert [f["n"] for f in result["folds"]] == [3, 3]
    assert result["macro_f1"] == 1.0 and result["accuracy"] == 1.0
    assert all(0.0 <= f["band"] < 0.45 for f in result["folds"])
    with pytest.raises(InputError, match="too few"):
        cross_validate(rows[:1], nlp, folds=2)


def test_cli_cross_validation_table(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newscorp.cli import cli

    texts = [
        ("Das Konzert war ein großer Erfolg.", "positive"),
        ("Die Premiere war wunderbar.", "positive"),
        ("Der Zug fährt um acht Uhr ab.", "neutral"),
        ("Die Sitzung beginnt am Montag.", "neutral"),
        ("Die Lage ist schlecht.", "negative"),
        ("Das Spiel endete mit einer bitteren Niederlage.", "negative"),
    ]
    path = write_jsonl(tmp_path / "rows.jsonl", [{"text": t, "polarity": p} for t, p in texts])
    result = CliRunner().invoke(cli, ["eval", "sentiment", str(path), "--cv", "2"])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert lines[0] == ["fold", "band", "n", "accuracy", "macro_f1"]
    assert [(row[0], row[2]) for row in lines[1:]] == [("1", "3"), ("2", "3"), ("mean", "6")]


@pytest.mark.parametrize(
    ("lemma", "text", "noun", "adjusted", "baseline"),
    [
        ("Krise", "Krisen", True, -1.0, -1.0),  # by lemma
        ("", "Krise", True, -1.0, -1.0),  # no lemma: by text
        ("gut", "guten", False, 1.0, 1.0),
        ("GUT", "GUT", None, 1.0, 1.0),  # unknown noun-ness: lowercased or capitalised
        ("Corona-Krise", "Corona-Krise", True, -1.0, -1.0),  # last hyphen part
        ("Friedensgespräche", "Friedensgespräche", True, 0.7, 0.7),  # without the ending
        ("Unbekannten", "Unbekannten", True, -0.7, -0.7),  # nominalised adjective
        ("Finanzkrisen", "Finanzkrisen", True, -1.0, -1.0),  # compound head
        ("Sommerkleid", "Sommerkleid", True, None, None),  # "Kleid" blocks "Leid"
        ("Zeitraum", "Zeitraum", True, 0.0, 0.7),  # head "Raum" (0.7), [not_polar] in news
        ("natürlich", "natürlich", False, 0.0, 0.7),  # [not_polar]
        (".", ".", False, None, None),  # no letter
    ],
)
def test_form_polarity_lookup_order(lemma, text, noun, adjusted, baseline):
    from newscorp.extract.sentiment import _form_polarity

    assert _form_polarity(lemma, text, noun, True) == adjusted
    assert _form_polarity(lemma, text, noun, False) == baseline


def test_noun_stems_drop_one_inflectional_ending_in_order() -> None:
    from newscorp.extract.sentiment import _noun_stems

    assert _noun_stems("Gespräche") == ["Gespräche", "Gespräch"]
    assert _noun_stems("Krisen") == ["Krisen", "Kris", "Krise"]
    assert _noun_stems("Lehrerinnen") == ["Lehrerinnen", "Lehrerin", "Lehrerinn", "Lehrerinne"]
    assert _noun_stems("Hauses") == ["Hauses", "Haus", "Hause"]
    assert _noun_stems("Haus") == ["Haus"]  # no stem under MIN_HEAD letters


def test_doc_profiles_of_a_tagged_document_match_each_token(
    nlp: spacy.language.Language,
) -> None:
    from newscorp.extract.sentiment import _profile, doc_profiles

    d = parsed(
        nlp,
        "Die/DET/det/1 Krise/NOUN/nsubj/3 ist/AUX/cop/3/sein nicht/PART/advmod/3 "
        "vorbei/ADV/ROOT/3 ./PUNCT/punct/3",
    )
    tokens = list(d)
    first = doc_profiles(tokens)
    assert first == doc_profiles(tokens) == [_profile(t) for t in tokens]
    assert [w.polarity for w in first][:2] == [None, -1.0]
    assert [w.clause_mark for w in first] == [False] * 5 + [True]
    assert [w.verb for w in first] == [False, False, True, False, False, False]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Finanzkrisen", -1.0),  # plain letters: head forms found by lowercased tails
        ("Kriegsopfern", -1.0),  # linking "s", plural ending
        ("Wahlerfolge", 1.0),
        ("Weltcupsieg", 1.0),  # modifier of two known words
        ("Zeitraum", 0.0),  # the neutral head "Raum" blocks "Traum"
        ("Bundesregierung", 0.0),  # a known unrated head: its own compound search
        ("Sommerkleid", None),  # "Kleid" is no rated head and blocks "Leid"
        ("Mannschaft", None),  # no split inside "sch"
        ("Auftakt", None),  # no split after a bare prefix
        ("Fußballkrise", -1.0),  # "ß": the general search
        ("Straßenkampf", -0.7),
    ],
)
def test_compound_head_plain_and_general_search(word: str, expected: float | None) -> None:
    from newscorp.extract.sentiment import _compound_head, load_lexicon

    assert _compound_head(word, load_lexicon(adjusted=True)) == expected


def test_word_profile_active_only_for_words_the_scorer_uses() -> None:
    from newscorp.extract.sentiment import _word

    assert not _word("Haus", "Haus", "NOUN", True).active
    assert not _word("ging", "gehen", "VERB", False).active
    assert _word("Krise", "Krise", "NOUN", True).active  # polar
    assert _word("nicht", "nicht", "PART", False).active  # negator
    assert _word("sehr", "sehr", "ADV", False).active  # intensifier
    assert _word(",", ",", "PUNCT", False).active  # ends a scope
    assert _word("aber", "aber", "CCONJ", False).active  # [boundaries] conjunction
    assert _word("„", "„", "PUNCT", False).active  # opening mark: quoted speech is weighed
