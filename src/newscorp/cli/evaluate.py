"""``newscorp eval``: score quotes, NER and sentiment against gold files."""

from __future__ import annotations

import json

import click

from newscorp.cli.main import Env, cli, emit, handle_errors


def _emit_scores(result: dict, frame, fmt: str | None) -> None:
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        emit(frame, fmt=fmt, output=None, no_header=False)


def _nlp(model: str | None, env: Env):
    from newscorp.pipeline.resolve import describe, load_pipeline, resolve_model

    choice = resolve_model(model)
    nlp = load_pipeline(choice.name)
    env.notice(describe(nlp, choice))
    return nlp


@cli.group(name="eval")
def evaluate() -> None:
    """Score newscorp against gold annotations."""


@evaluate.command(name="ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "csv", "json"]), default=None)
@click.option("--model", default=None, metavar="NAME|PATH")
@click.pass_obj
@handle_errors
def eval_ner(env: Env, file, fmt, model) -> None:
    """GermEval-2014 TSV: exact span and label, P/R/F1 overall and per type."""
    from newscorp.evaluate.runners import eval_ner as run
    from newscorp.evaluate.runners import ner_frame

    result = run(file, _nlp(model, env))
    _emit_scores(result, ner_frame(result), fmt)


@evaluate.command(name="ud")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "csv", "json"]), default=None)
@click.option("--model", default=None, metavar="NAME|PATH")
@click.pass_obj
@handle_errors
def eval_ud(env: Env, file, fmt, model) -> None:
    """UD DocBin (.spacy): POS, lemma, morphology, UAS/LAS and Mood=Sub, with the rule layers."""
    from newscorp.evaluate.runners import ud_frame
    from newscorp.evaluate.ud import eval_ud as run

    result = run(file, _nlp(model, env))
    _emit_scores(result, ud_frame(result), fmt)


@evaluate.command(name="quotes")
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True),
    help="Gold quotes (jsonl) or a WikiNews split directory.",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "csv", "json"]), default=None)
@click.option("--model", default=None, metavar="NAME|PATH")
@click.pass_obj
@handle_errors
def eval_quotes(env: Env, gold_path, paths, fmt, model) -> None:
    """Quote P/R/F1, speaker accuracy and attributed F1 per type."""
    from pathlib import Path

    from newscorp.analysis import Corpus
    from newscorp.evaluate.quotes import read_gold, read_wikinews_gold, score_quotes
    from newscorp.evaluate.runners import quotes_frame

    gold_dir = Path(gold_path)
    if gold_dir.is_dir():
        gold = read_wikinews_gold(gold_dir)
        paths = paths or (str(gold_dir / "corpus"),)
    else:
        gold = read_gold(gold_dir)
    corpus = Corpus(list(paths), model=model, notify=env.notice)
    predicted = corpus.quotes().to_dict("records")
    docs = {Path(r.document.doc).name for r in corpus.results()}
    result = score_quotes(gold, predicted, docs=docs)
    _emit_scores(result, quotes_frame(result), fmt)


@evaluate.command(name="sentiment")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--by", type=click.Choice(["text", "target"]), default="text", show_default=True)
@click.option("--baseline", is_flag=True, help="Lexicon only: no negation or intensifiers.")
@click.option(
    "--cv",
    "folds",
    type=click.IntRange(min=2),
    default=None,
    metavar="K",
    help="K-fold cross-validation: band chosen on K-1 folds, scored on the held-out fold.",
)
@click.option(
    "--sentiment-model",
    default=None,
    metavar="PATH",
    help="Score a local transformer text-classification model instead of the lexicon.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "csv", "json"]), default=None)
@click.option("--model", default=None, metavar="NAME|PATH")
@click.pass_obj
@handle_errors
def eval_sentiment(env: Env, file, by, baseline, folds, sentiment_model, fmt, model) -> None:
    """GerNTSA jsonl: accuracy and macro-F1 over positive/neutral/negative."""
    from newscorp.evaluate.runners import sentiment_cv_frame, sentiment_frame
    from newscorp.evaluate.sentiment import cross_validate, evaluate_sentiment, read_jsonl

    if sentiment_model and (folds or baseline):
        raise click.UsageError("--sentiment-model cannot be combined with --cv or --baseline")
    rows = read_jsonl(file)
    if folds:
        result = cross_validate(rows, _nlp(model, env), by=by, baseline=baseline, folds=folds)
        _emit_scores(result, sentiment_cv_frame(result), fmt)
        return
    backend = None
    if sentiment_model:
        from newscorp.extract.sentiment_model import load_sentiment_model

        backend = load_sentiment_model(sentiment_model)
    nlp = _nlp(model, env) if backend is None or by == "target" else None
    result = evaluate_sentiment(rows, nlp, by=by, baseline=baseline, model=backend)
    _emit_scores(result, sentiment_frame(result), fmt)
