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
        args = [os.environ.get(ENV_CORPUS) or DEFAULT_CORPUS]
    for arg in args:
        if arg != STDIN_ARG:
            _check_exists(arg)
    for arg in args:
        if arg == STDIN_ARG:
            yield from _from_stream(stdin if stdin is not None else sys.stdin, glob)
        else:
            yield from _expand(arg, glob)


def _check_exists(arg: str) -> None:
    """Raise UsageError if arg names nothing on disk."""
    if not os.path.exists(arg):
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
        yield path, arg


def _walk(root: Path, glob: str) -> Iterator[tuple[Path, str]]:
    """Yield files below root whose name matches glob, sorted by their relative name."""
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
            elif fnmatchcase(entry.name, glob):
                found.append((name, Path(entry.path)))
    found.sort(key=lambda item: item[0])
    for name, path in found:
        yield path, name


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Return True if entry is a directory or a symlink to one; False on errors."""
    try:
        return entry.is_dir()
    except OSError:
        return False
