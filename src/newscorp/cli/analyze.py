"""``newscorp analyze``: run the pipeline once and keep every table in the store."""

from __future__ import annotations

import click

from newscorp.cli.main import Env, cli, corpus_options, emit, finish, handle_errors, output_options


@cli.command()
@corpus_options
@output_options
@click.option("--stats", is_flag=True, help="Print what the store holds (no analysis).")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine into the SQLite store; dask: a Dask cluster into Parquet.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786); default: a local cluster of --workers processes.",
)
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Directory of the partitioned Parquet dataset (--engine dask).",
)
@click.pass_obj
@handle_errors
def analyze(
    env: Env,
    paths,
    glob,
    model,
    strict,
    fmt,
    output,
    no_header,
    safe_csv,
    stats,
    engine,
    scheduler,
    out_dir,
) -> None:
    """Analyse PATHS once into the SQLite store; later queries read it.

    Only new or changed files are analysed; rows of files deleted from PATHS are dropped.
    With --engine dask the file list is partitioned over a Dask cluster and the tables are
    written as Parquet to --out DIR, which `--db DIR` on any query command (and pandas or
    DuckDB) reads.
    """
    import pandas as pd

    from newscorp.cli.main import make_corpus

    if engine == "dask":
        _analyze_dask(env, paths, glob, model, out_dir, scheduler)
        finish(env, strict)
        return
    if scheduler or out_dir:
        raise click.UsageError("--scheduler and --out need --engine dask")
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


def _analyze_dask(env: Env, paths, glob, model, out_dir, scheduler) -> None:
    from newscorp.distributed import analyse_on_dask
    from newscorp.engine import parse_workers

    if not out_dir:
        raise click.UsageError("--engine dask needs --out DIR")
    # a cluster of one worker distributes nothing: without --workers a local cluster has two
    workers = 2 if env.workers == "1" else parse_workers(env.workers)
    manifest = analyse_on_dask(
        list(paths),
        out_dir,
        glob=glob,
        model=model,
        scheduler=scheduler,
        workers=workers,
        on_skip=env.report_skip,
        notify=env.notice,
    )
    env.notice(
        f"newscorp: {manifest['documents']} documents in {manifest['partitions']} partitions"
        f" written to {out_dir} ({manifest['skipped']} skipped)"
    )
