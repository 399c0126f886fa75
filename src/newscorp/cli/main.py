"""The ``newscorp`` command group, its shared options, and error handling.

Commands only parse options and call the library; spaCy is imported when a pipeline is
loaded, never for ``--help``.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from newscorp import __version__
from newscorp.errors import NewscorpError

FORMAT_CHOICES = ["table", "csv", "tsv", "jsonl", "json"]


def text_stream(name: str) -> Any:
    """sys.stdin/stdout/stderr as they are now (CliRunner swaps them in tests)."""
    return getattr(sys, name)


class Env:
    """Streams and flags of one invocation (swapped by tests through CliRunner)."""

    def __init__(self, debug: bool = False):
        self.debug = debug
        self.skipped = 0
        self.db: str | None = None
        self.no_cache = False
        self.workers: str = "1"

    @property
    def stdout_is_terminal(self) -> bool:
        return text_stream("stdout").isatty()

    @property
    def stderr_is_terminal(self) -> bool:
        return text_stream("stderr").isatty()

    def notice(self, message: str) -> None:
        click.echo(message, err=True)

    def report_skip(self, item: Any) -> None:
        """One stderr line per skipped input; counted for --strict."""
        from newscorp.corpus.discover import display_name

        self.skipped += 1
        self.notice(f"newscorp: skipped {display_name(item.path)}: {item.reason}")


def fail(message: str, code: int = 1) -> None:
    """Print one line on stderr and exit."""
    click.echo(f"newscorp: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: Callable) -> Callable:
    """Turn NewscorpError (and OS errors) into one-line messages; --debug shows tracebacks."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        env: Env = ctx.find_object(Env) or Env()
        try:
            return func(*args, **kwargs)
        except NewscorpError as exc:
            if env.debug:
                traceback.print_exc()
            if exc.exit_code == 2:
                raise click.UsageError(str(exc), ctx=ctx) from exc
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except OSError as exc:
            if env.debug:
                traceback.print_exc()
            fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))

    return wrapper


def output_options(func: Callable) -> Callable:
    """--format, -o/--output, --no-header, --safe-csv: shared by every table command."""
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMAT_CHOICES + ["parquet"]),
            default=None,
            help="Output format [default: table on a terminal, tsv otherwise].",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False),
            default=None,
            help="Write to FILE (atomically) instead of stdout.",
        ),
        click.option("--no-header", is_flag=True, help="Omit the header row (csv, tsv, table)."),
        click.option(
            "--safe-csv",
            is_flag=True,
            help="Prefix cells starting with = + - @ so spreadsheets do not run them.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def corpus_options(func: Callable) -> Callable:
    """PATHS, --glob, --model, --strict: shared by every command that reads a corpus."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option(
            "--glob", default="*.txt", show_default=True, help="File pattern inside directories."
        ),
        click.option(
            "--model",
            default=None,
            metavar="NAME|PATH",
            help="spaCy pipeline [default: $NEWSCORP_MODEL, de_core_news_sm, bundled].",
        ),
        click.option("--strict", is_flag=True, help="Exit 1 when any input file was skipped."),
        *store_options,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _to_env(attr: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A callback that keeps an option's value on the invocation's Env."""

    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        env = ctx.find_object(Env)
        if env is not None and value is not None:
            setattr(env, attr, value)
        return value

    return callback


store_options = [
    click.option(
        "--db",
        default=None,
        metavar="PATH",
        expose_value=False,
        callback=_to_env("db"),
        help="Analysis store [default: $NEWSCORP_DB, .newscorp/newscorp.db beside the corpus].",
    ),
    click.option(
        "--no-cache",
        is_flag=True,
        expose_value=False,
        callback=_to_env("no_cache"),
        help="Neither read nor write the analysis store.",
    ),
    click.option(
        "--workers",
        default="1",
        show_default=True,
        metavar="N|auto",
        expose_value=False,
        callback=_to_env("workers"),
        help="Worker processes for analysis (auto: one per core).",
    ),
]


def make_corpus(
    paths: Iterable[str], model: str | None, glob: str, env: Env, *, analyze: bool = False
) -> Any:
    """A library Corpus wired to this invocation's notices, progress bar and store.

    Query commands use the store when ``--db``/``$NEWSCORP_DB`` names one or the default
    store exists; ``analyze`` always does, prunes deleted files and needs the writer lock.
    """
    from newscorp.analysis import Corpus
    from newscorp.engine import parse_workers
    from newscorp.store import ENV_DB, default_path

    paths = list(paths)
    progress = _progress if env.stderr_is_terminal else None
    stdin = text_stream("stdin") if "-" in paths else None
    store = dataset = None
    if env.db and not analyze:
        from newscorp.distributed import is_dataset

        if is_dataset(env.db):
            dataset, env.no_cache = env.db, True
    if not env.no_cache:
        import os
        from pathlib import Path

        chosen = Path(env.db) if env.db else default_path(paths)
        if analyze or env.db or os.environ.get(ENV_DB) or chosen.exists():
            store = chosen
    elif analyze:
        raise click.UsageError("analyze writes the store: --no-cache makes no sense here")
    corpus = Corpus(
        paths,
        model=model,
        glob=glob,
        stdin=stdin,
        on_skip=env.report_skip,
        notify=env.notice,
        progress=progress,
        store=store,
        workers=parse_workers(env.workers),
        require_lock=analyze,
        prune=analyze,
        dataset=dataset,
    )
    click.get_current_context().call_on_close(corpus.close)
    return corpus


def _progress(items: Iterable[Any]) -> Iterable[Any]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("analysing"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analysing", total=None)
        for item in items:
            yield item
            bar.advance(task)


def emit(
    frame: Any,
    *,
    fmt: str | None,
    output: str | None,
    no_header: bool,
    safe_csv: bool = False,
    title: str | None = None,
) -> None:
    """Write a table to -o FILE or stdout in the chosen format."""
    from newscorp import render

    if output:
        chosen = fmt or _format_from_suffix(output)
        render.write_file(frame, output, chosen, header=not no_header, safe_csv=safe_csv)
        return
    stdout = text_stream("stdout")
    chosen = render.choose_format(fmt, is_terminal=stdout.isatty())
    if chosen == "parquet":
        raise click.UsageError("parquet needs -o FILE")
    if chosen == "table" and stdout.isatty():
        render.print_table(frame, stdout, header=not no_header, title=title)
        return
    click.echo(render.to_text(frame, chosen, header=not no_header, safe_csv=safe_csv), nl=False)


def _format_from_suffix(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {
        "csv": "csv",
        "tsv": "tsv",
        "jsonl": "jsonl",
        "json": "json",
        "parquet": "parquet",
        "txt": "table",
    }.get(suffix, "tsv")


def finish(env: Env, strict: bool) -> None:
    """Exit 1 under --strict when inputs were skipped."""
    if strict and env.skipped:
        fail(f"{env.skipped} input file(s) skipped (--strict)")


class OneLineGroup(click.Group):
    """The command group; usage errors are one stderr line too (exit 2), not Click's three."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _one_line_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _one_line_usage_errors():
            return super().invoke(ctx)


@contextlib.contextmanager
def _one_line_usage_errors() -> Iterator[None]:
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise
    except click.UsageError as exc:
        hint = f" (see {exc.ctx.command_path} --help)" if exc.ctx is not None else ""
        click.echo(f"newscorp: error: {exc.format_message()}{hint}", err=True)
        raise click.exceptions.Exit(2) from exc


@click.group(cls=OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newscorp")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Analyse German news articles: entities, quotes with speakers, sentiment.

    PATHS are files, directories (searched recursively) or - (paths on stdin); without
    PATHS newscorp reads ./corpus or $NEWSCORP_CORPUS. Tables go to stdout (a Rich table
    on a terminal, TSV otherwise); notices and progress go to stderr.
    """
    ctx.obj = Env(debug=debug)
