"""Load a corpus in two streaming passes: learn repeated lines, then build Documents."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from newscorp.corpus.boilerplate import (
    BoilerplatePatterns,
    RepeatedLines,
    blank_spans,
    default_patterns,
)
from newscorp.corpus.decode import decode_bytes
from newscorp.corpus.discover import discover
from newscorp.corpus.html import html_to_text, looks_like_html
from newscorp.corpus.metadata import extract_metadata
from newscorp.errors import InputError
from newscorp.records import Document, Skipped

log = logging.getLogger(__name__)

#: Files larger than this are skipped unread (8 MB: a saved web page or UTF-32 text fits).
MAX_BYTES = 8_000_000
#: Texts longer than this are skipped: spaCy's default ``nlp.max_length`` (the parser needs
#: memory in proportion); a news article is far shorter.
MAX_CHARS = 1_000_000
_WORD = re.compile(r"\w+")
_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "does not exist",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "symlink loop",
}


def load_documents(
    args: Sequence[str],
    *,
    glob: str = "*.txt",
    stdin: TextIO | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    patterns: BoilerplatePatterns | None = None,
) -> Iterator[Document]:
    """Yield a Document per readable text file; report the others to on_skip."""
    entries = list(discover(args, glob=glob, stdin=stdin))
    yield from load_entries(entries, learn_repeated(entries), on_skip=on_skip, patterns=patterns)


def load_entries(
    entries: Sequence[tuple[Path, str]],
    learned: RepeatedLines | None,
    *,
    on_skip: Callable[[Skipped], None] | None = None,
    patterns: BoilerplatePatterns | None = None,
) -> Iterator[Document]:
    """Second pass over discovered (path, name) entries with already learned repeated lines
    (a distributed run learns them once and hands every partition the same)."""
    if patterns is None:
        patterns = default_patterns()
    report = on_skip or _log_skip
    for path, name in entries:
        try:
            data = read_bytes(path)
            text = decode_text(data, str(path))
        except InputError as exc:
            report(Skipped(str(path), str(exc)))
            continue
        yield build_document(name, path, data, text, patterns, learned)


def learn_repeated(entries: Sequence[tuple[Path, str]]) -> RepeatedLines:
    """First pass: feed every distinct readable file to a RepeatedLines."""
    learned = RepeatedLines()
    digests: set[bytes] = set()
    for path, _name in entries:
        try:
            data = read_bytes(path)
            digest = hashlib.sha256(data).digest()
            if digest in digests:
                continue
            learned.add(decode_text(data, str(path)))
        except InputError:
            continue
        digests.add(digest)
    return learned


def decode_text(data: bytes, path: str) -> str:
    """Decode a file's bytes (HTML reduced to its text); raise InputError if unusable."""
    text = decode_bytes(data, path)
    if looks_like_html(text, path):
        text = html_to_text(text)
        if not text.strip():
            raise InputError("HTML without text")
    if len(text) > MAX_CHARS:
        raise InputError(f"text too long: {len(text):,} characters (limit {MAX_CHARS:,})")
    return text


def build_document(
    name: str,
    path: Path,
    data: bytes,
    text: str,
    patterns: BoilerplatePatterns,
    learned: RepeatedLines | None = None,
) -> Document:
    """Build the Document of one decoded file, blanking boilerplate and header text."""
    boilerplate = patterns.spans(text)
    if learned is not None:
        boilerplate += learned.spans(text)
    meta = extract_metadata(text, skip=boilerplate)
    nlp_text = blank_spans(text, boilerplate + meta["spans"])
    return Document(
        doc=name,
        path=str(path),
        text=text,
        nlp_text=nlp_text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=meta["title"],
        date=meta["date"],
        place=meta["place"],
        agency=meta["agency"],
        credits=meta["credits"],
        words=len(_WORD.findall(nlp_text)),
    )


def read_bytes(path: Path) -> bytes:
    """Read a regular file without ever blocking on a FIFO; raise InputError otherwise."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(_reason(exc)) from exc
    _check_mode(path, info.st_mode)
    _check_size(info.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(_reason(exc)) from exc
    with os.fdopen(fd, "rb") as handle:
        _check_mode(path, os.fstat(handle.fileno()).st_mode)
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(_reason(exc)) from exc
    _check_size(len(data))
    return data


def _check_size(size: int) -> None:
    """Raise InputError for files over MAX_BYTES."""
    if size > MAX_BYTES:
        raise InputError(f"file too large: {size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:g} MB)")


def _check_mode(path: Path, mode: int) -> None:
    """Raise InputError unless mode is that of a regular file."""
    if stat.S_ISDIR(mode):
        try:
            os.listdir(path)
        except PermissionError as exc:
            raise InputError("permission denied") from exc
        except OSError:
            pass
        raise InputError("is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(f"not a regular file ({_kind(mode)})")


def _kind(mode: int) -> str:
    """Name the kind of a special file."""
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _reason(exc: OSError) -> str:
    """Return a short lower-case reason for an OSError."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc)).lower()


def _log_skip(skipped: Skipped) -> None:
    """Log a skipped input when the caller gave no on_skip."""
    log.warning("skipped %s: %s", skipped.path, skipped.reason)
