"""Write a table (Rows or a DataFrame) as a Rich table, CSV, TSV, JSON Lines, JSON or Parquet.

The only module that knows about Rich. Files are written atomically: to a temporary file in
the target directory, then renamed over the target, so an interrupted run never leaves a
half-written file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newscorp.errors import OutputError, UsageError
from newscorp.rows import Rows, as_rows

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "tsv", "jsonl", "json")
FILE_FORMATS = (*FORMATS, "parquet")
#: Cell openings that spreadsheets evaluate (OWASP "CSV injection": = + - @, tab, CR).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Line breaks other than \n and \r that JSON keeps raw; escaped in JSON (Lines) output.
_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def choose_format(fmt: str | None, *, is_terminal: bool) -> str:
    """The explicit format, else a Rich table on a terminal and TSV in a pipe or file."""
    if fmt:
        if fmt not in FILE_FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FILE_FORMATS)}")
        return fmt
    return "table" if is_terminal else "tsv"


def _safe(rows: Rows) -> Rows:
    """Prefix cells that a spreadsheet would read as formulas with an apostrophe (text columns
    only: a number such as -0.5 is data, not a formula)."""
    text_cols = [i for i, numeric in enumerate(rows.numeric) if not numeric]

    def cell(v: Any) -> Any:
        return "'" + v if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v

    data = tuple(
        tuple(cell(v) if i in text_cols else v for i, v in enumerate(row)) for row in rows.data
    )
    return Rows(rows.columns, rows.numeric, data)


def _json(value: object, indent: int | None = None) -> str:
    """JSON with non-ASCII text as is, but the characters str.splitlines() breaks at escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    for char in _LINE_BREAKS:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _quoting(rows: Rows) -> int:
    """Minimal quoting, unless a cell holds a carriage return: Python's csv writer (before 3.12)
    leaves it unquoted with a "\\n" line end, so then every text cell is quoted."""
    if any(isinstance(v, str) and "\r" in v for row in rows.data for v in row):
        return csv.QUOTE_NONNUMERIC
    return csv.QUOTE_MINIMAL


def _csv_cell(value: Any) -> Any:
    return "" if value is None else value


def to_text(
    table: Rows | pd.DataFrame,
    fmt: str,
    *,
    header: bool = True,
    safe_csv: bool = False,
    width: int | None = None,
    title: str | None = None,
) -> str:
    """Render a table (Rows or a DataFrame) in a text format."""
    rows = as_rows(table)
    if fmt in {"csv", "tsv"}:
        data = _safe(rows) if safe_csv else rows
        quoting = _quoting(data)
        buf = io.StringIO()
        writer = csv.writer(
            buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n", quoting=quoting
        )
        if header:
            writer.writerow(data.columns)
        for row in data.data:
            writer.writerow([_csv_cell(v) for v in row])
        return buf.getvalue()
    if fmt == "jsonl":
        return "".join(_json(r) + "\n" for r in rows.records())
    if fmt == "json":
        return _json(list(rows.records()), indent=2) + "\n"
    if fmt == "table":
        return rich_table(rows, header=header, width=width, title=title)
    raise UsageError(f"format {fmt!r} cannot be written as text")


def _build_table(rows: Rows, *, header: bool, title: str | None):
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=header, title=title, header_style="bold")
    for col, numeric in zip(rows.columns, rows.numeric, strict=True):
        table.add_column(
            col,
            justify="right" if numeric else "left",
            overflow="fold",
            max_width=80 if col == "text" else None,
        )
    for row in rows.data:  # Text(): "[...]" in a quote is not markup
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    return table


def rich_table(
    table: Rows | pd.DataFrame,
    *,
    header: bool = True,
    width: int | None = None,
    title: str | None = None,
) -> str:
    """A Rich table as plain text (no colour codes), for files and tests."""
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width or 160, force_terminal=False, color_system=None)
    console.print(_build_table(as_rows(table), header=header, title=title))
    return buf.getvalue()


def print_table(
    table: Rows | pd.DataFrame, stream: IO[str], *, header: bool = True, title: str | None = None
) -> None:
    """Print a Rich table straight to a terminal stream (colours, terminal width)."""
    from rich.console import Console

    Console(file=stream).print(_build_table(as_rows(table), header=header, title=title))


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_path)`` then rename the temporary file over ``path``.

    The temporary file is a hidden ``.NAME.*.tmp`` beside the target, flushed to disk before
    the rename; the target gets the mode of the file it replaces (else 0666 minus umask).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        problem = "is not a directory" if directory.exists() else "does not exist"
        raise OutputError(f"cannot write {target}: directory {directory} {problem}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        write(Path(tmp))
        _sync(tmp)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sync(path: str) -> None:
    """Flush a written file to disk, so that a crash after the rename cannot empty it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    """The permission bits an output file should get."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_file(
    table: Rows | pd.DataFrame,
    path: str | Path,
    fmt: str,
    *,
    header: bool = True,
    safe_csv: bool = False,
) -> None:
    """Write a table to a file atomically, in any format including Parquet."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise UsageError("parquet needs pyarrow: pip install 'newscorp[parquet]'") from exc
        frame = table.to_frame() if isinstance(table, Rows) else table
        atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))
        return
    text = to_text(table, fmt, header=header, safe_csv=safe_csv)
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_text(path: str | Path, text: str) -> None:
    """Write text (UTF-8) to a file atomically."""
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def print_kwic(frame: pd.DataFrame, stream: IO[str], *, width: int, terminal: bool) -> None:
    """Concordance lines: doc, left context right-aligned to ``width``, keyword, right context.

    On a terminal the keyword is highlighted and lines are cropped to the screen; elsewhere
    the lines are plain text at full length.
    """
    from rich.console import Console
    from rich.text import Text

    if terminal:
        console = Console(file=stream)
    else:
        console = Console(file=stream, width=1_000_000, color_system=None, force_terminal=False)
    doc_width = max((len(str(d)) for d in frame["doc"]), default=0)
    for row in frame.itertuples(index=False):
        line = Text(no_wrap=True, overflow="crop")
        line.append(str(row.doc).ljust(doc_width), style="dim")
        line.append("  " + str(row.left).rjust(width))
        line.append(str(row.keyword), style="bold yellow")
        line.append(str(row.right))
        console.print(line, crop=terminal, soft_wrap=not terminal)
