"""Table commands: docs, entities, quotes, sentiment, speakers, export."""

from __future__ import annotations

import click

from newscorp.cli.main import (
    Env,
    cli,
    corpus_options,
    emit,
    finish,
    handle_errors,
    make_corpus,
    output_options,
)

SENTIMENT_BY = ["doc", "sentence", "quote", "entity", "speaker"]
QUOTE_TYPES = ["direct", "indirect", "mixed", "reported"]
LABELS = ["PER", "LOC", "ORG", "MISC"]


@cli.command()
@corpus_options
@output_options
@click.pass_obj
@handle_errors
def docs(env: Env, paths, glob, model, strict, fmt, output, no_header, safe_csv) -> None:
    """One row per document: title, date, place, agency, credits, words, sha256."""
    from newscorp.tables import docs_table

    frame = docs_table(make_corpus(paths, model, glob, env).document_records())
    emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@corpus_options
@output_options
@click.option(
    "--label",
    type=click.Choice(LABELS, case_sensitive=False),
    multiple=True,
    help="Only these entity types (repeatable).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only entities mentioned at least this often.",
)
@click.option("--top", type=click.IntRange(min=0), default=None, help="Only the N most mentioned.")
@click.option("--doc", "doc_filter", multiple=True, help="Only these documents (repeatable).")
@click.option("--mentions", is_flag=True, help="One row per occurrence instead.")
@click.pass_obj
@handle_errors
def entities(
    env: Env,
    paths,
    glob,
    model,
    strict,
    fmt,
    output,
    no_header,
    safe_csv,
    label,
    min_count,
    top,
    doc_filter,
    mentions,
) -> None:
    """Named entities (PER, LOC, ORG, MISC) with canonical names and variants."""
    from newscorp.views import filter_entities, filter_mentions

    corpus = make_corpus(paths, model, glob, env)
    if mentions:
        frame = filter_mentions(corpus.table("mentions"), labels=label, docs=doc_filter)
    else:
        frame = filter_entities(corpus, labels=label, min_count=min_count, top=top, docs=doc_filter)
    emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@corpus_options
@output_options
@click.option("--speaker", default=None, help="Speaker name or variant, case-insensitive.")
@click.option(
    "--type",
    "kinds",
    type=click.Choice(QUOTE_TYPES),
    multiple=True,
    help="Only these quote types (repeatable).",
)
@click.option("--doc", "doc_filter", multiple=True, help="Only these documents (repeatable).")
@click.option(
    "--cluster", is_flag=True, help="Add a cluster column: the same statement across articles."
)
@click.pass_obj
@handle_errors
def quotes(
    env: Env,
    paths,
    glob,
    model,
    strict,
    fmt,
    output,
    no_header,
    safe_csv,
    speaker,
    kinds,
    doc_filter,
    cluster,
) -> None:
    """Who said what: direct, indirect, mixed and reported quotes with speakers."""
    from newscorp.views import filter_quotes

    corpus = make_corpus(paths, model, glob, env)
    frame = filter_quotes(corpus, speaker=speaker, kinds=kinds, docs=doc_filter, cluster=cluster)
    emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@corpus_options
@output_options
@click.option(
    "--by", type=click.Choice(SENTIMENT_BY), default="doc", show_default=True, help="What to score."
)
@click.option(
    "--sentiment-model",
    default=None,
    metavar="PATH",
    help="Local transformer text-classification model directory instead of the lexicon.",
)
@click.pass_obj
@handle_errors
def sentiment(
    env: Env, paths, glob, model, strict, fmt, output, no_header, safe_csv, by, sentiment_model
) -> None:
    """Sentiment in [-1, 1] with a positive/neutral/negative label."""
    backend = None
    if sentiment_model:
        from newscorp.extract.sentiment_model import load_sentiment_model

        backend = load_sentiment_model(sentiment_model)
    corpus = make_corpus(paths, model, glob, env)
    if backend is None:
        frame = corpus.table("sentiment", by=by)
    else:
        from newscorp.extract.sentiment_model import rescore
        from newscorp.tables import sentiment_table

        frame = sentiment_table(rescore(corpus.results(), backend), by=by)
    emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@corpus_options
@output_options
@click.pass_obj
@handle_errors
def speakers(env: Env, paths, glob, model, strict, fmt, output, no_header, safe_csv) -> None:
    """One row per speaker: statements (the same statement in several articles counts once),
    quotes (copies), documents, mean sentiment of their quotes."""
    corpus = make_corpus(paths, model, glob, env)
    emit(corpus.table("speakers"), fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@corpus_options
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory for the tables (created if missing).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "tsv", "jsonl", "json", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option("--safe-csv", is_flag=True, help="Neutralise spreadsheet formulas in cells.")
@click.pass_obj
@handle_errors
def export(env: Env, paths, glob, model, strict, out_dir, fmt, safe_csv) -> None:
    """Write every table (docs, entities, mentions, quotes, speakers, sentiment) to DIR."""
    from newscorp.views import export_tables

    corpus = make_corpus(paths, model, glob, env)
    for path in export_tables(corpus, out_dir, fmt, safe_csv=safe_csv):
        env.notice(f"newscorp: wrote {path}")
    finish(env, strict)
