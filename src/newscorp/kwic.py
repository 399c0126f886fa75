"""Keyword in context: every occurrence of a word (or its lemma) with the text around it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscorp.errors import UsageError

if TYPE_CHECKING:
    import pandas as pd

    from newscorp.analysis import Corpus

# (start, end, text, lemma) with offsets into the document's decoded text
Token = tuple[int, int, str, str]
Source = tuple[str, str, Sequence[Token]]
COLUMNS = ["doc", "start", "end", "left", "keyword", "right"]
DEFAULT_WIDTH = 40
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class KwicHit:
    """One occurrence: offsets into the decoded text, context with whitespace as single spaces."""

    doc: str
    start: int
    end: int
    left: str
    keyword: str
    right: str


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def _matches(token: Token, word: str) -> bool:
    return token[2].casefold() == word or token[3].casefold() == word


def kwic(sources: Iterable[Source], term: str, *, width: int = DEFAULT_WIDTH) -> Iterator[KwicHit]:
    """Yield every occurrence of ``term`` (words matched against token text or lemma,
    case-insensitively; several words must follow each other) with ``width`` characters of
    context on each side."""
    words = [w.casefold() for w in term.split()]
    if not words:
        raise UsageError("the search term is empty")
    if width < 0:
        raise UsageError("--width must be 0 or more")
    n = len(words)
    for doc, text, tokens in sources:
        tokens = [t for t in tokens if t[2].strip()]
        for i in range(len(tokens) - n + 1):
            if all(_matches(tokens[i + k], w) for k, w in enumerate(words)):
                start, end = tokens[i][0], tokens[i + n - 1][1]
                # read a wider window so that collapsed whitespace still leaves `width` chars
                left = _flat(text[max(0, start - 4 * width) : start])
                right = _flat(text[end : end + 4 * width])
                yield KwicHit(
                    doc=doc,
                    start=start,
                    end=end,
                    left=left[len(left) - width :] if width else "",
                    keyword=_flat(text[start:end]),
                    right=right[:width],
                )


def kwic_table(hits: Iterable[KwicHit]) -> pd.DataFrame:
    """Hits as a DataFrame: doc, start, end, left, keyword, right."""
    import pandas as pd

    rows = [(h.doc, h.start, h.end, h.left, h.keyword, h.right) for h in hits]
    return pd.DataFrame(rows, columns=COLUMNS)


def token_sources(corpus: Corpus) -> Iterator[Source]:
    """(doc, decoded text, word tokens) per document: from the analysis store when the corpus
    has one (no parsing), else parsed with the corpus's pipeline."""
    for doc, text, tokens in corpus.token_sources():
        yield doc, text, [tuple(t) for t in tokens]
