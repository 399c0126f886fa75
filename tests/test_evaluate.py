"""Exact-number tests of the quote and GermEval NER scorers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorp.errors import InputError
from newscorp.evaluate.ner import (
    Sentence,
    char_spans_to_tokens,
    read_germeval,
    score_ner,
    words_to_text,
)
from newscorp.evaluate.quotes import (
    gold_docs,
    read_gold,
    read_wikinews_gold,
    score_quotes,
    speaker_is_right,
    wikinews_docs,
)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
GERMEVAL_DEV = SHARED_DATA / "germeval2014" / "NER-de-dev.tsv"
WIKINEWS_DEV = SHARED_DATA / "wikinews-quotes" / "dev"


def gold_row(doc: str, qtype: str, text: str, aliases: list[str], **extra: object) -> dict:
    """Build a gold quote row."""
    row = {"doc": doc, "type": qtype, "text": text, "speaker": aliases[0] if aliases else ""}
    row["speaker_aliases"] = aliases
    row["optional"] = False
    row.update(extra)
    return row


def pred(doc: str, qtype: str, text: str, speaker: str = "", mention: str = "") -> dict:
    """Build a predicted quote."""
    return {"doc": doc, "type": qtype, "text": text, "speaker": speaker, "speaker_mention": mention}


# --------------------------------------------------------------------------- quotes


def test_score_quotes_counts_optional_and_types() -> None:
    """Optional gold is matched but not counted; per-type sides follow the module rules."""
    gold = [
        gold_row("a.txt", "direct", "Wir haben das Spiel klar gewonnen", ["Hans Müller", "Müller"]),
        gold_row("a.txt", "indirect", "die Mannschaft sei gut vorbereitet", ["Trainer"]),
        gold_row("a.txt", "direct", "Vielen Dank an alle Fans", ["Hans Müller"], optional=True),
        gold_row("b.txt", "indirect", "der Streik werde fortgesetzt", ["Verdi"]),
    ]
    preds = [
        pred("corpus/a.txt", "direct", "Wir haben das Spiel klar gewonnen", " hans   MÜLLER "),
        pred("a.txt", "indirect", "die Mannschaft sei gut vorbereitet, sagte er", "Müller"),
        pred("a.txt", "direct", "Vielen Dank an alle Fans", "Hans Müller"),
        pred("a.txt", "direct", "Das Wetter war schlecht", "Hans Müller"),
        pred("b.txt", "indirect", "ganz anderer Text hier", "Verdi"),
        pred("a.txt", "direct", "", "Hans Müller"),
    ]
    result = score_quotes(gold, preds)
    a = result["all"]
    assert (a["n_gold"], a["n_pred"], a["n_ignored"]) == (3, 6, 1)
    assert (a["tp"], a["tp_pred"], a["fp"], a["fn"]) == (2, 2, 3, 1)
    assert a["precision"] == pytest.approx(2 / 5)
    assert a["recall"] == pytest.approx(2 / 3)
    assert a["f1"] == pytest.approx(2 * 0.4 * (2 / 3) / (0.4 + 2 / 3))
    assert a["speaker_accuracy"] == pytest.approx(0.5)
    assert a["attributed_precision"] == pytest.approx(1 / 5)
    assert a["attributed_recall"] == pytest.approx(1 / 3)
    assert a["attributed_f1"] == pytest.approx(2 * 0.2 * (1 / 3) / (0.2 + 1 / 3))

    d = result["direct"]
    assert (d["n_gold"], d["n_pred"], d["tp"], d["fp"], d["fn"], d["n_ignored"]) == (
        1,
        4,
        1,
        2,
        0,
        1,
    )
    assert (d["precision"], d["recall"], d["speaker_accuracy"]) == (pytest.approx(1 / 3), 1.0, 1.0)
    assert d["attributed_f1"] == pytest.approx(0.5)

    i = result["indirect"]
    assert (i["n_gold"], i["n_pred"], i["tp"], i["fp"], i["fn"]) == (2, 2, 1, 1, 1)
    assert (i["precision"], i["recall"], i["f1"]) == (0.5, 0.5, 0.5)
    assert (i["speaker_accuracy"], i["attributed_f1"]) == (0.0, 0.0)

    for empty in ("mixed", "reported"):
        assert result[empty]["n_gold"] == result[empty]["n_pred"] == 0
        assert result[empty]["f1"] == 0.0
    assert "matches" not in result


def test_score_quotes_per_type_uses_global_matching() -> None:
    """A gold quote found under another type counts for gold-type recall and pred-type precision."""
    gold = [gold_row("a.txt", "direct", "eins zwei drei vier", ["X"])]
    result = score_quotes(gold, [pred("a.txt", "mixed", "eins zwei drei vier", "X")])
    assert (result["direct"]["recall"], result["direct"]["precision"]) == (1.0, 0.0)
    assert (result["mixed"]["recall"], result["mixed"]["precision"]) == (0.0, 1.0)
    assert result["mixed"]["tp_pred"] == 1 and result["mixed"]["tp"] == 0
    assert result["all"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("gold_text", "pred_text", "matched"),
    [
        ("eins zwei drei vier", "eins zwei", True),  # coverage exactly 0.5
        ("eins zwei drei vier", "eins", False),  # coverage 0.25
        ("eins zwei drei vier", "eins zwei drei vier " + "x " * 16, True),  # purity exactly 0.2
        ("eins zwei drei vier", "eins zwei drei vier " + "x " * 17, False),  # purity 4/21
        ("Ja ja ja nein", "ja NEIN nein nein", True),  # multiset: 2 of 4 each way
        ("ja ja ja ja", "ja", False),  # multiplicity: 1 of 4 gold tokens
        ("eins zwei", "...", False),  # no tokens never matches
    ],
)
def test_match_thresholds(gold_text: str, pred_text: str, matched: bool) -> None:
    """Coverage >= 50 % of gold tokens and purity >= 20 %, with multiplicity."""
    result = score_quotes(
        [gold_row("a.txt", "direct", gold_text, ["X"])], [pred("a.txt", "direct", pred_text)]
    )
    assert result["all"]["tp"] == int(matched)


def test_match_requires_same_document() -> None:
    """Identical text in another document does not match."""
    result = score_quotes(
        [gold_row("a.txt", "direct", "eins zwei", ["X"])], [pred("b.txt", "direct", "eins zwei")]
    )
    assert (result["all"]["tp"], result["all"]["fp"], result["all"]["fn"]) == (0, 1, 1)


def test_greedy_one_to_one_matching() -> None:
    """Pairs are taken by decreasing coverage + purity, each gold and prediction at most once."""
    gold = [
        gold_row("a.txt", "direct", "eins zwei drei vier", ["X"]),
        gold_row("a.txt", "direct", "eins zwei drei vier fünf sechs", ["Y"]),
    ]
    # P vs gold 0: 1 + 4/6; P vs gold 1: 1 + 1 -> P takes gold 1.
    # Q vs gold 0: 0.75 + 1; Q vs gold 1: 0.5 + 1 -> Q takes gold 0.
    preds = [
        pred("a.txt", "direct", "eins zwei drei", "X"),
        pred("a.txt", "direct", "eins zwei drei vier fünf sechs", "X"),
    ]
    result = score_quotes(gold, preds, details=True)
    assert (result["all"]["tp"], result["all"]["fp"], result["all"]["fn"]) == (2, 0, 0)
    assert result["all"]["speaker_accuracy"] == 0.5
    by_gold = {m["gold_text"]: m for m in result["matches"]}
    assert by_gold["eins zwei drei vier"]["pred_text"] == "eins zwei drei"
    assert by_gold["eins zwei drei vier"]["speaker_right"] is True
    assert by_gold["eins zwei drei vier fünf sechs"]["speaker_right"] is False

    # Two candidates for one gold quote: the better one wins, the other is a false positive.
    one = [gold_row("a.txt", "direct", "eins zwei drei vier", ["X"])]
    two = [
        pred("a.txt", "direct", "eins zwei drei vier fünf sechs sieben acht", "X"),
        pred("a.txt", "direct", "eins zwei drei vier", "Z"),
    ]
    result = score_quotes(one, two, details=True)
    assert (result["all"]["tp"], result["all"]["fp"], result["all"]["fn"]) == (1, 1, 0)
    assert result["all"]["speaker_accuracy"] == 0.0
    statuses = sorted((m["status"], m["pred_text"]) for m in result["matches"])
    assert statuses == [
        ("fp", "eins zwei drei vier fünf sechs sieben acht"),
        ("tp", "eins zwei drei vier"),
    ]


def test_docs_filter_and_gold_docs() -> None:
    """``docs`` restricts both sides; gold_docs lists gold file names."""
    gold = [
        gold_row("a.txt", "direct", "eins zwei", ["X"]),
        gold_row("b.txt", "direct", "drei", ["X"]),
    ]
    preds = [pred("a.txt", "direct", "eins zwei", "X"), pred("c.txt", "direct", "vier", "X")]
    assert gold_docs(gold) == {"a.txt", "b.txt"}
    result = score_quotes(gold, preds, docs=gold_docs(gold))
    assert (result["all"]["tp"], result["all"]["fp"], result["all"]["fn"]) == (1, 0, 1)


def test_speaker_alias_case_and_space_insensitive() -> None:
    """The canonical speaker must equal an alias, ignoring case and whitespace."""
    row = gold_row("a.txt", "direct", "x", ["Weißes Haus", "Weißen Hauses"])
    assert speaker_is_right(row, "weißes haus")
    assert speaker_is_right(row, "  WEISSEN   hauses ")
    assert speaker_is_right(row, "WeißesHaus")
    assert not speaker_is_right(row, "Weißes")
    assert not speaker_is_right(row, "", "Weißes Haus")  # mention only counts for mention rows
    assert not speaker_is_right(gold_row("a.txt", "direct", "x", []), "")


def test_speaker_mention_rules() -> None:
    """Mention rows accept word subsets and supersets of all capitalised words."""
    row = gold_row(
        "a.txt",
        "indirect",
        "x",
        ["der Sprecher des Innenministeriums"],
        speaker_match="mention",
    )
    assert speaker_is_right(row, "", "Sprecher")  # subset (case-folded)
    assert speaker_is_right(row, "Sprecher des Innenministeriums", "")
    assert speaker_is_right(row, "Ein Sprecher", "des Innenministeriums")  # mention is a subset
    assert not speaker_is_right(row, "Innenministerium", "")
    assert not speaker_is_right(row, "", "")

    caps = gold_row(
        "a.txt", "direct", "x", ["Minister Thomas de Maizière"], speaker_match="mention"
    )
    assert speaker_is_right(caps, "", "Minister Thomas de Maizière (CDU)")  # all capitalised words
    assert speaker_is_right(caps, "", "minister thomas maizière sagte")
    assert not speaker_is_right(caps, "", "Thomas Müller")
    assert not speaker_is_right(caps, "", "Bundesminister Thomas de Maizière")


def test_speaker_mention_subset_rule() -> None:
    """A predicted mention whose words all occur in the gold mention is right."""
    caps = gold_row(
        "a.txt", "direct", "x", ["Minister Thomas de Maizière"], speaker_match="mention"
    )
    assert speaker_is_right(caps, "", "Minister Thomas")
    assert speaker_is_right(caps, "", "de Maizière")
    lower = gold_row("a.txt", "direct", "x", ["er"], speaker_match="mention")
    assert speaker_is_right(lower, "", "Er")
    assert not speaker_is_right(lower, "Hans Meier", "")  # no capitalised words: no superset rule
    empty = gold_row("a.txt", "direct", "x", [], speaker_match="mention")
    assert not speaker_is_right(empty, "Hans Meier", "Meier")


def test_score_quotes_mention_rows() -> None:
    """Mention matching feeds speaker accuracy and attributed F1."""
    gold = [
        gold_row("a.txt", "direct", "eins zwei", ["der Trainer"], speaker_match="mention"),
        gold_row("a.txt", "direct", "drei vier", ["Er"], speaker_match="mention"),
    ]
    preds = [
        pred("a.txt", "direct", "eins zwei", "Jürgen Klopp", "Trainer"),
        pred("a.txt", "direct", "drei vier", "Jürgen Klopp", "Klopp"),
    ]
    result = score_quotes(gold, preds)["direct"]
    assert (result["tp"], result["speaker_accuracy"], result["attributed_f1"]) == (2, 0.5, 0.5)


def test_read_gold_errors(tmp_path: Path) -> None:
    """Bad JSON and missing fields raise InputError naming file and line."""
    good = '{"doc": "a.txt", "type": "direct", "text": "eins", "speaker": "X"}\n'
    path = tmp_path / "gold.jsonl"
    path.write_text(good + "\n" + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:3"):
        read_gold(path)
    path.write_text(good + '{"doc": "a.txt"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: .*'text'"):
        read_gold(path)
    with pytest.raises(InputError):
        read_gold(tmp_path / "missing.jsonl")
    path.write_text(good, encoding="utf-8")
    rows = read_gold(path)
    assert rows == [
        {
            "doc": "a.txt",
            "type": "direct",
            "text": "eins",
            "speaker": "X",
            "speaker_aliases": ["X"],
            "optional": False,
        }
    ]


@pytest.mark.skipif(not WIKINEWS_DEV.is_dir(), reason=f"{WIKINEWS_DEV} not present")
def test_read_wikinews_dev() -> None:
    """The Wikinews dev split has 653 gold rows in 118 of its 150 documents."""
    rows = read_wikinews_gold(WIKINEWS_DEV)
    assert len(rows) == 653
    assert len(gold_docs(rows)) == 118
    assert len(wikinews_docs(WIKINEWS_DEV)) == 150
    assert all(r["speaker_match"] == "mention" for r in rows)


# --------------------------------------------------------------------------- NER

GERMEVAL_SAMPLE = """\
#\thttp://example.org/1\t[2010-01-01]\t
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tdie\tO\tO
5\tDeutsche\tB-ORG\tO
6\tBank\tI-ORG\tO
7\tin\tO\tO
8\tFrankfurt\tB-LOC\tO
9\t.\tO\tO

#\thttp://example.org/2\t[2010-01-02]\t
1\tDie\tO\tO
2\tdeutschen\tB-LOCderiv\tO
3\tFans\tO\tO
4\tsahen\tO\tO
5\t"\tO\tO
6\tEcce\tB-OTH\tO
7\thomo\tI-OTH\tO
8\t"\tO\tO
9\tim\tO\tO
10\tEU-Parlament\tB-ORGpart\tB-LOC
11\t.\tO\tO
"""


def test_read_germeval_spans(tmp_path: Path) -> None:
    """Outer BIO tags become spans; OTH maps to MISC, deriv/part to IGNORE."""
    path = tmp_path / "sample.tsv"
    path.write_text(GERMEVAL_SAMPLE, encoding="utf-8")
    first, second = list(read_germeval(path))
    assert first.words[:2] == ["Angela", "Merkel"] and len(first.words) == 9
    assert first.spans == [(0, 2, "PER"), (4, 6, "ORG"), (7, 8, "LOC")]
    assert second.spans == [(1, 2, "IGNORE"), (5, 7, "MISC"), (9, 10, "IGNORE")]


def test_score_ner_exact_numbers(tmp_path: Path) -> None:
    """Exact span and label; ignored spans and unknown labels drop predictions."""
    path = tmp_path / "sample.tsv"
    path.write_text(GERMEVAL_SAMPLE, encoding="utf-8")
    predictions = {
        "Angela": [(0, 2, "PER"), (4, 5, "ORG"), (7, 8, "LOC"), (2, 3, "DATE")],
        "Die": [(1, 2, "MISC"), (5, 7, "MISC"), (9, 10, "ORG"), (0, 1, "PER"), (8, 10, "LOC")],
    }
    result = score_ner(read_germeval(path), lambda words: predictions[words[0]])
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (3, 2, 1)
    assert (overall["n_gold"], overall["n_pred"]) == (4, 5)
    assert overall["precision"] == pytest.approx(3 / 5)
    assert overall["recall"] == pytest.approx(3 / 4)
    assert overall["f1"] == pytest.approx(2 / 3)
    per = {k: (v["tp"], v["fp"], v["fn"]) for k, v in result["per_type"].items()}
    assert per == {"PER": (1, 1, 0), "LOC": (1, 0, 0), "ORG": (0, 1, 1), "MISC": (1, 0, 0)}
    assert result["per_type"]["ORG"]["f1"] == 0.0
    assert result["sentences"] == 2


def test_score_ner_oracle_is_perfect() -> None:
    """Predicting the gold spans (IGNORE included) scores 1.0."""
    sentences = [Sentence(["a", "b", "c"], [(0, 1, "PER"), (1, 2, "IGNORE"), (2, 3, "MISC")])]
    result = score_ner(sentences, lambda words: sentences[0].spans)
    assert (result["overall"]["precision"], result["overall"]["recall"]) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1\tAngela\tB-PER\tO\n2\tMerkel\n", 2),
        ("# c\n1\tAngela\tB-FOO\tO\n", 2),
        ("1\tAngela\tB-PER\tO\n\nx\tMerkel\tO\tO\n", 3),
    ],
)
def test_read_germeval_malformed(tmp_path: Path, text: str, line: int) -> None:
    """A malformed line raises InputError naming file and line."""
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad\.tsv:{line}:"):
        list(read_germeval(path))


def test_words_to_text_spacing() -> None:
    """Punctuation, brackets and quotes attach like German text; offsets point at the words."""
    words = ["Er", "sagte", ":", '"', "Ecce", "homo", '"', "(", "lat", ".", ")", "„", "Hallo", "“"]
    words += [",", "und", "ging", "."]
    text, offsets = words_to_text(words)
    assert text == 'Er sagte: "Ecce homo" (lat.) „Hallo“, und ging.'
    assert [text[s:e] for s, e in offsets] == words


def test_char_spans_to_tokens() -> None:
    """A character span maps to the tokens it fully covers; none covered means dropped."""
    text, offsets = words_to_text(["Angela", "Merkel", "besuchte", "Frankfurt", "."])
    assert text == "Angela Merkel besuchte Frankfurt."
    spans = [(0, 13, "PER"), (23, 32, "LOC"), (0, 3, "PER"), (7, 20, "PER")]
    assert char_spans_to_tokens(offsets, spans) == [(0, 2, "PER"), (3, 4, "LOC"), (1, 2, "PER")]


@pytest.mark.skipif(not GERMEVAL_DEV.is_file(), reason=f"{GERMEVAL_DEV} not present")
def test_read_real_germeval_dev() -> None:
    """The GermEval-2014 dev file has 2200 sentences."""
    sentences = list(read_germeval(GERMEVAL_DEV))
    assert len(sentences) == 2200
    assert all(s.words for s in sentences)
