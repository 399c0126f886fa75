"""Immutable records that flow from the loader through extraction to the tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One decoded input file.

    ``text`` is the decoded original (NFC); ``nlp_text`` has the same length, with
    boilerplate, header, byline and credit lines blanked to spaces, so that every
    offset into ``nlp_text`` is also an offset into ``text``.
    """

    doc: str
    path: str
    text: str
    nlp_text: str
    sha256: str
    title: str = ""
    date: str = ""
    place: str = ""
    agency: str = ""
    credits: str = ""
    words: int = 0


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of a named entity."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    entity: str
    role: str = ""
    sentence: int = 0


@dataclass(frozen=True)
class Quote:
    """One statement attributed (or not) to a speaker."""

    doc: str
    quote_id: str
    type: str
    speaker: str
    speaker_mention: str
    cue: str
    text: str
    start: int
    end: int
    sentiment: float = 0.0


@dataclass(frozen=True)
class SentenceScore:
    """Sentiment of one sentence of a document."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    score: float
    n: int


@dataclass(frozen=True)
class DocResult:
    """Everything newscorp keeps of one analysed document (no spaCy objects, no text)."""

    document: Document
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    sentences: tuple[SentenceScore, ...]
