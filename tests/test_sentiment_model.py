"""The --sentiment-model backend: label mapping, predictions, error paths, CLI wiring (stubbed)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from newscorp.cli import cli
from newscorp.errors import ModelError
from newscorp.extract import sentiment_model
from newscorp.extract.sentiment_model import (
    Prediction,
    TransformerSentiment,
    label_map,
    load_sentiment_model,
    map_label,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "corpus")
ROWS = [
    ("Der Auftritt der Band war ein großer Erfolg.", "positive"),
    ("Der Zug fährt um acht Uhr ab.", "neutral"),
    ("Bei dem Unfall starben zwei Menschen.", "negative"),
    ("Die Gespräche brachten keinen Erfolg.", "negative"),
]


def stub_classifier(verdicts: dict[str, dict[str, float]], default: dict[str, float]):
    """A stand-in for transformers.pipeline(..., top_k=None): label/score lists per text."""

    def classify(texts: list[str]) -> list[list[dict[str, float | str]]]:
        return [
            [{"label": k, "score": v} for k, v in verdicts.get(t, default).items()] for t in texts
        ]

    return classify


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("positive", "positive"),
        ("POSITIV", "positive"),
        ("LABEL_pos", None),
        ("negative", "negative"),
        ("Negativ", "negative"),
        ("neutral", "neutral"),
        ("1 star", "negative"),
        ("2 stars", "negative"),
        ("3 stars", "neutral"),
        ("5 stars", "positive"),
        ("LABEL_0", None),
    ],
)
def test_map_label(name: str, label: str | None) -> None:
    assert map_label(name) == label


def test_label_map_refuses_unknown_or_one_sided_labels() -> None:
    assert label_map(["negative", "neutral", "positive"]) == {
        "negative": "negative",
        "neutral": "neutral",
        "positive": "positive",
    }
    with pytest.raises(ModelError, match="LABEL_0, LABEL_1 cannot be mapped"):
        label_map(["LABEL_0", "LABEL_1"])
    with pytest.raises(ModelError, match="cannot be mapped"):
        label_map(["neutral", "positive"])


def test_predictions_score_and_label() -> None:
    classify = stub_classifier(
        {
            ROWS[0][0]: {"positive": 0.8, "neutral": 0.15, "negative": 0.05},
            ROWS[2][0]: {"positive": 0.1, "neutral": 0.3, "negative": 0.6},
        },
        default={"positive": 0.3, "neutral": 0.45, "negative": 0.25},
    )
    model = TransformerSentiment(classify, label_map(["positive", "neutral", "negative"]))
    texts = [ROWS[0][0], ROWS[1][0], ROWS[2][0], "  "]
    assert model.predict(texts) == [
        Prediction("positive", 0.75),
        Prediction("neutral", 0.05),
        Prediction("negative", -0.5),
        Prediction("neutral", 0.0),
    ]


def test_star_labels_are_summed_per_class() -> None:
    stars = ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]
    probs = dict(zip(stars, [0.3, 0.3, 0.1, 0.2, 0.1], strict=True))
    model = TransformerSentiment(stub_classifier({}, probs), label_map(stars))
    assert model.predict(["Das Essen war kalt."]) == [Prediction("negative", -0.3)]


def test_path_that_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a model directory"):
        load_sentiment_model(tmp_path)
    with pytest.raises(ModelError, match="not a model directory"):
        load_sentiment_model(tmp_path / "missing")


def test_transformers_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.json").write_text("{}", "utf-8")
    monkeypatch.setitem(sys.modules, "transformers", None)  # import raises ImportError
    with pytest.raises(ModelError, match="needs the 'transformers' package"):
        load_sentiment_model(tmp_path)


def test_loading_is_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.json").write_text("{}", "utf-8")
    calls = []

    class FakeTransformers:
        @staticmethod
        def pipeline(task, **kwargs):
            calls.append((task, kwargs))
            pipe = stub_classifier({}, {"POS": 0.9, "NEG": 0.1})
            config = SimpleNamespace(id2label={0: "NEG", 1: "POS"})
            pipe.model = SimpleNamespace(config=config)
            return pipe

    monkeypatch.setitem(sys.modules, "transformers", FakeTransformers)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    model = load_sentiment_model(tmp_path)
    task, kwargs = calls[0]
    assert task == "text-classification"
    assert kwargs["model_kwargs"] == {"local_files_only": True}
    assert kwargs["model"] == str(tmp_path) and kwargs["top_k"] is None
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert model.predict(["gut"]) == [Prediction("positive", 0.8)]


def write_rows(path: Path) -> Path:
    lines = [
        json.dumps({"text": t, "target": t.split()[1], "polarity": p}, ensure_ascii=False)
        for t, p in ROWS
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def stub_backend(monkeypatch: pytest.MonkeyPatch, verdicts, default) -> None:
    model = TransformerSentiment(
        stub_classifier(verdicts, default), label_map(["positive", "neutral", "negative"])
    )
    monkeypatch.setattr(sentiment_model, "load_sentiment_model", lambda path: model)


def test_cli_eval_with_a_stub_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    verdicts = {
        ROWS[0][0]: {"positive": 0.9, "neutral": 0.05, "negative": 0.05},
        ROWS[2][0]: {"positive": 0.05, "neutral": 0.15, "negative": 0.8},
    }
    stub_backend(monkeypatch, verdicts, {"positive": 0.1, "neutral": 0.8, "negative": 0.1})
    path = write_rows(tmp_path / "rows.jsonl")
    result = CliRunner().invoke(
        cli, ["eval", "sentiment", str(path), "--sentiment-model", "stub", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["accuracy"] == 0.75 and scores["backend"] == "sentiment-model"
    assert scores["confusion"]["negative"] == {"positive": 0, "neutral": 1, "negative": 1}


def test_cli_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_rows(tmp_path / "rows.jsonl")
    result = CliRunner().invoke(
        cli, ["eval", "sentiment", str(path), "--sentiment-model", str(tmp_path / "nope")]
    )
    assert result.exit_code == 1
    assert "not a model directory" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""
    (tmp_path / "config.json").write_text("{}", "utf-8")
    monkeypatch.setitem(sys.modules, "transformers", None)
    result = CliRunner().invoke(cli, ["sentiment", CORPUS, "--sentiment-model", str(tmp_path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "needs the 'transformers' package" in result.stderr
    result = CliRunner().invoke(
        cli, ["eval", "sentiment", str(path), "--sentiment-model", "x", "--cv", "3"]
    )
    assert result.exit_code == 2


def test_cli_sentiment_table_with_a_stub_model(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_backend(monkeypatch, {}, {"positive": 0.7, "neutral": 0.2, "negative": 0.1})
    result = CliRunner().invoke(
        cli, ["sentiment", "--by", "sentence", CORPUS, "--sentiment-model", "stub"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    assert len(rows) > 20
    assert {(r["score"], r["label"]) for r in rows} == {("0.6", "positive")}
