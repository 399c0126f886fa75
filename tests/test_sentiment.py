"""Lexicon sentiment: lookup, negation, modifiers, compounds, labels and the GerNTSA evaluator."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from newscorp.errors import InputError
from newscorp.evaluate.sentiment import evaluate_sentiment, read_jsonl, target_clause
from newscorp.extract.sentiment import (
    ALPHA,
    NEUTRAL_BAND,
    contributions,
    label_for,
    load_lexicon,
    load_modifiers,
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


def test_score_bounds(nlp: spacy.language.Language) -> None:
    many = doc(nlp, " ".join(["sehr gut"] * 40))
    score, n = score_span(many)
    assert n == 40 and 0.99 < score < 1.0
    score, n = score_span(doc(nlp, " ".join(["äußerst schlecht"] * 40)))
    assert n == 40 and -1.0 < score < -0.99
    assert score_span(doc(nlp, "Der Zug fährt um acht Uhr ab .")) == (0.0, 0)
    assert score_tokens([]) == (0.0, 0)


def test_label_band() -> None:
    assert NEUTRAL_BAND == 0.40
    assert label_for(0.40) == "neutral"
    assert label_for(-0.40) == "neutral"
    assert label_for(0.41) == "positive"
    assert label_for(-0.41) == "negative"
    assert label_for(0.3, band=0.2) == "positive"
    # one strong polar word is labelled, one weak word (0.7) is not
    assert label_for(norm(1.0)) == "positive"
    assert label_for(norm(-0.7)) == "neutral"


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
