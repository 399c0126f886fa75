"""Turn command-line arguments into the list of input files and their document names."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TextIO

from newscorp.errors import UsageError

ENV_CORPUS = "NEWSCORP_CORPUS"
DEFAULT_CORPUS = "corpus"
STDIN_ARG = "-"


def discover(
    args: Sequence[str], *, glob: str = "*.txt", stdin: TextIO | None = None
) -> Iterator[tuple[Path, str]]:
    """Yield (path, doc name) for files, directories (recursive) and "-" (paths on stdin)."""
    if not args:
        args = [default_corpus()]
    for arg in args:
        if arg != STDIN_ARG:
            _check_exists(arg)
    for arg in args:
        if arg == STDIN_ARG:
            yield from _from_stream(stdin if stdin is not None else sys.stdin, glob)
        else:
            yield from _expand(arg, glob)


def default_corpus() -> str:
    """The corpus read when no path is given: ``$NEWSCORP_CORPUS`` or ``./corpus``."""
    return os.environ.get(ENV_CORPUS) or DEFAULT_CORPUS


def _check_exists(arg: str) -> None:
    """Raise UsageError if arg names nothing on disk (a broken symlink is the loader's case)."""
    if not os.path.lexists(arg):
        raise UsageError(f"path does not exist: {arg}")


def _from_stream(stream: TextIO, glob: str) -> Iterator[tuple[Path, str]]:
    """Expand every non-blank line of stream as if it were an argument."""
    for line in stream:
        arg = line.strip()
        if arg:
            _check_exists(arg)
            yield from _expand(arg, glob)


def _expand(arg: str, glob: str) -> Iterator[tuple[Path, str]]:
    """Yield the file arg names, or the matching files below the directory it names."""
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path, glob)
    else:
        yield path, display_name(arg)


def _walk(root: Path, glob: str) -> Iterator[tuple[Path, str]]:
    """Yield files below root whose name matches glob, sorted by their relative name.

    A directory whose name matches glob (``x.txt/``) is searched and also yielded, so that
    the loader reports it: it is most likely a scraped file that went wrong.
    """
    found: list[tuple[str, Path]] = []
    seen: set[str] = set()
    pending: list[tuple[Path, str]] = [(root, "")]
    while pending:
        directory, prefix = pending.pop()
        real = os.path.realpath(directory)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError as exc:
            if not prefix:
                raise UsageError(f"cannot read directory {root}: {exc.strerror}") from exc
            found.append((prefix.rstrip("/"), directory))  # the loader reports why
            continue
        for entry in entries:
            name = prefix + entry.name
            if _is_dir(entry):
                pending.append((Path(entry.path), name + "/"))
            if fnmatchcase(entry.name, glob):
                found.append((name, Path(entry.path)))
    found.sort(key=lambda item: item[0])
    for name, path in found:
        yield path, display_name(name)


def display_name(name: str) -> str:
    """A file name fit for tables and one-line messages.

    Bytes that are not UTF-8 (kept by Python as surrogate escapes) are read as cp1252, and
    control characters such as a newline in a name are shown escaped (``\\n``).
    """
    if any("\udc80" <= ch <= "\udcff" for ch in name):
        raw = os.fsencode(name)
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("cp1252", errors="replace")
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Return True if entry is a directory or a symlink to one; False on errors."""
    try:
        return entry.is_dir()
    except OSError:
        return False
