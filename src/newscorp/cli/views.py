"""View commands: network (GraphML/GEXF/edge list), kwic (keyword in context), report (HTML)."""

from __future__ import annotations

import click

from newscorp.cli.main import (
    FORMAT_CHOICES,
    Env,
    cli,
    corpus_options,
    emit,
    finish,
    handle_errors,
    make_corpus,
    output_options,
    text_stream,
)

GRAPH_FORMATS = ["graphml", "gexf"]
GRAPH_SUFFIXES = {"graphml": "graphml", "gexf": "gexf", "csv": "csv", "tsv": "tsv", "json": "json"}


@cli.command()
@corpus_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GRAPH_FORMATS + FORMAT_CHOICES),
    default=None,
    help="graphml, gexf, or an edge list (csv, tsv, ...) [default: from -o's suffix, graphml].",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE atomically.")
@click.option("--no-header", is_flag=True, help="Omit the header row of an edge list.")
@click.option("--safe-csv", is_flag=True, help="Neutralise spreadsheet formulas in cells.")
@click.option(
    "--min-weight",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Drop lighter edges (and the nodes they leave alone).",
)
@click.pass_obj
@handle_errors
def network(
    env: Env, paths, glob, model, strict, fmt, output, no_header, safe_csv, min_weight
) -> None:
    """Entity co-occurrence (per sentence) and speaker -> entity graph, weighted.

    Nodes are canonical entities and speakers; edges carry kind (cooccurrence|speaker) and
    weight (sentences | quotes). GraphML and GEXF load in networkx and Gephi.
    """
    from newscorp import network as net
    from newscorp.render import write_text

    if fmt is None and output:
        fmt = GRAPH_SUFFIXES.get(output.rsplit(".", 1)[-1].lower())
    corpus = make_corpus(paths, model, glob, env)
    graph = net.build_network(corpus.results(), min_weight=min_weight)
    if fmt in (None, *GRAPH_FORMATS):
        text = net.to_gexf(graph) if fmt == "gexf" else net.to_graphml(graph)
        if output:
            write_text(output, text)
        else:
            click.echo(text, nl=False)
    else:
        frame = net.edges_table(graph)
        emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    finish(env, strict)


@cli.command()
@click.argument("term")
@corpus_options
@output_options
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=40,
    show_default=True,
    help="Characters of context on each side.",
)
@click.pass_obj
@handle_errors
def kwic(
    env: Env, term, paths, glob, model, strict, fmt, output, no_header, safe_csv, width
) -> None:
    """Keyword in context: every occurrence of TERM (word or lemma, any case).

    "sagen" finds "sagte" and "gesagt"; several words must follow each other. Aligned
    concordance lines on a terminal, TSV (doc, start, end, left, keyword, right) when piped.
    """
    from newscorp import kwic as kw
    from newscorp import render

    corpus = make_corpus(paths, model, glob, env)
    frame = kw.kwic_table(kw.kwic(kw.token_sources(corpus), term, width=width))
    stdout = text_stream("stdout")
    terminal = stdout.isatty()
    if not output and render.choose_format(fmt, is_terminal=terminal) == "table":
        render.print_kwic(frame, stdout, width=width, terminal=terminal)
    else:
        emit(frame, fmt=fmt, output=output, no_header=no_header, safe_csv=safe_csv)
    if frame.empty:
        env.notice(f"newscorp: no occurrence of {term!r}")
    finish(env, strict)


@cli.command()
@corpus_options
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write (atomically).",
)
@click.option("--title", default="newscorp report", show_default=True, help="Page title.")
@click.pass_obj
@handle_errors
def report(env: Env, paths, glob, model, strict, out, title) -> None:
    """One self-contained HTML page: charts, speakers, quote browser, speaker network."""
    from newscorp.report import write_report

    corpus = make_corpus(paths, model, glob, env)
    path = write_report(corpus, out, title=title)
    env.notice(f"newscorp: wrote {path}")
    finish(env, strict)
