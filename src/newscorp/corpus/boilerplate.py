"""Find boilerplate lines: from a pattern file, and lines learned to recur across a corpus."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newscorp.errors import UsageError

Span = tuple[int, int]

#: Separator between the start and end regex of a ``block:`` line in a pattern file.
BLOCK_PREFIX = "block:"
BLOCK_SEPARATOR = " => "
#: A block's end line must follow its start line within this many lines.
MAX_BLOCK_LINES = 15
#: Lines longer than this are never matched against the patterns.
MAX_PATTERN_LINE = 600
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def iter_lines(text: str) -> Iterator[Span]:
    """Yield the (start, end) offsets of every line of text, without its newline."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield start, len(text)
            return
        yield start, end
        start = end + 1


def blank_spans(text: str, spans: Iterable[Span]) -> str:
    """Return text with every character inside spans, except newlines, replaced by a space."""
    pieces: list[str] = []
    pos = 0
    for start, end in merge_spans(spans):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class BlockPattern:
    """Lines from one matching ``start`` to the next matching ``end`` are boilerplate."""

    start: re.Pattern[str]
    end: re.Pattern[str]


class BoilerplatePatterns:
    """Boilerplate line and block regexes, matched against whole stripped lines."""

    def __init__(self, lines: Iterable[re.Pattern[str]], blocks: Iterable[BlockPattern]) -> None:
        """Keep the compiled line and block patterns."""
        self.lines = tuple(lines)
        self.blocks = tuple(blocks)

    @classmethod
    def parse(cls, source: str, origin: str = "<patterns>") -> BoilerplatePatterns:
        """Parse the pattern-file format described in ``data/boilerplate.txt``."""
        lines: list[re.Pattern[str]] = []
        blocks: list[BlockPattern] = []
        for number, raw in enumerate(source.splitlines(), 1):
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            where = f"{origin}:{number}"
            if entry.startswith(BLOCK_PREFIX):
                start, sep, end = entry[len(BLOCK_PREFIX) :].partition(BLOCK_SEPARATOR)
                if not sep or not start.strip() or not end.strip():
                    raise UsageError(f"{where}: block needs 'block: START => END'")
                blocks.append(BlockPattern(_compile(start.strip(), where), _compile(end, where)))
            else:
                lines.append(_compile(entry, where))
        return cls(lines, blocks)

    @classmethod
    def from_file(cls, path: str | Path) -> BoilerplatePatterns:
        """Read and parse a pattern file."""
        try:
            source = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read boilerplate patterns {path}: {exc}") from exc
        return cls.parse(source, str(path))

    def is_line(self, line: str) -> bool:
        """Return True if the stripped line matches a line pattern."""
        line = line.strip()
        if not line or len(line) > MAX_PATTERN_LINE:
            return False
        return any(pattern.fullmatch(line) for pattern in self.lines)

    def spans(self, text: str) -> list[Span]:
        """Return the (start, end) spans of boilerplate lines and blocks in text."""
        lines = list(iter_lines(text))
        found: list[Span] = []
        index = 0
        while index < len(lines):
            start, end = lines[index]
            last = self._block_end(text, lines, index)
            if last is not None:
                found.append((start, lines[last][1]))
                index = last + 1
                continue
            if self.is_line(text[start:end]):
                found.append((start, end))
            index += 1
        return found

    def _block_end(self, text: str, lines: list[Span], index: int) -> int | None:
        """Return the index of the last line of a block starting at lines[index], if any."""
        first = _stripped(text, lines[index])
        if not first or len(first) > MAX_PATTERN_LINE:
            return None
        for block in self.blocks:
            if not block.start.fullmatch(first):
                continue
            stop = min(len(lines), index + 1 + MAX_BLOCK_LINES)
            for other in range(index + 1, stop):
                line = _stripped(text, lines[other])
                if len(line) <= MAX_PATTERN_LINE and block.end.fullmatch(line):
                    return other
            return index
        return None


def _stripped(text: str, span: Span) -> str:
    """Return the stripped text of one line."""
    return text[span[0] : span[1]].strip()


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    """Compile one pattern case-insensitively, naming its file and line on error."""
    try:
        return re.compile(pattern.strip(), re.IGNORECASE)
    except re.error as exc:
        raise UsageError(f"{where}: bad regular expression: {exc}") from exc


@lru_cache(maxsize=1)
def default_patterns() -> BoilerplatePatterns:
    """Return the patterns shipped in ``newscorp/data/boilerplate.txt``."""
    resource = resources.files("newscorp").joinpath("data", "boilerplate.txt")
    return BoilerplatePatterns.parse(resource.read_text(encoding="utf-8"), "boilerplate.txt")


class RepeatedLines:
    """Learns lines that recur in many distinct documents of one corpus."""

    MIN_LENGTH = 20
    MIN_DOCS = 3
    MIN_SHARE = 0.05

    def __init__(self) -> None:
        """Start with no documents seen."""
        self._counts: Counter[int] = Counter()
        self._docs = 0

    @property
    def documents(self) -> int:
        """Return how many documents were added."""
        return self._docs

    @property
    def threshold(self) -> int:
        """Return in how many documents a line must occur to count as boilerplate."""
        return max(self.MIN_DOCS, math.ceil(self.MIN_SHARE * self._docs))

    def add(self, text: str) -> None:
        """Count each distinct long line of one document once."""
        keys = {_key(line) for line in _long_lines(text, self.MIN_LENGTH)}
        self._counts.update(keys)
        self._docs += 1

    def is_line(self, line: str) -> bool:
        """Return True if the stripped line occurs in at least ``threshold`` documents."""
        line = line.strip()
        if len(line) < self.MIN_LENGTH:
            return False
        return self._counts.get(_key(line), 0) >= self.threshold

    def spans(self, text: str) -> list[Span]:
        """Return the (start, end) spans of learned boilerplate lines in text."""
        return [(s, e) for s, e in iter_lines(text) if self.is_line(text[s:e])]


def _long_lines(text: str, minimum: int) -> Iterator[str]:
    """Yield the stripped lines of text that have at least ``minimum`` characters."""
    for start, end in iter_lines(text):
        line = text[start:end].strip()
        if len(line) >= minimum:
            yield line


def _key(line: str) -> int:
    """Return a compact 64-bit hash of a line, so learning never keeps the texts."""
    digest = hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
