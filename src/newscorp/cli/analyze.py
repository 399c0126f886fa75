"""``newscorp analyze``: run the pipeline once and keep every table in the store."""

from __future__ import annotations

import click

from newscorp.cli.main import Env, cli, corpus_options, emit, finish, handle_errors, output_options


@cli.command()
@corpus_options
@output_options
@click.option("--stats", is_flag=True, help="Print what the store holds (no analysis).")
@click.pass_obj
@handle_errors
def analyze(env: Env, paths, glob, model, strict, fmt, output, no_header, safe_csv, stats) -> None:
    """Analyse PATHS once into the SQLite store; later queries read it.

    Only new or changed files are analysed; rows of files deleted from PATHS are dropped.
    """
    import pandas as pd

    from newscorp.cli.main import make_corpus

    corpus = make_corpus(paths, model, glob, env, analyze=True)
    store = corpus.open_store()
    assert store is not None
    if not stats:
        count = sum(1 for _ in corpus.iter_results())
        env.notice(
            f"newscorp: {count} documents in {store.path}"
            f" ({corpus.stats.get('analysed', 0)} analysed,"
            f" {corpus.stats.get('cached', 0)} cached, {len(corpus.skipped)} skipped)"
        )
        finish(env, strict)
        return
    frame = pd.DataFrame([store.stats()])
    emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
