"""Run the pipeline over a corpus once and hand out every table as a pandas DataFrame."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from newscorp.records import Document, Mention, Quote, SentenceScore, Skipped

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 16


@dataclass(frozen=True)
class DocResult:
    """Everything newscorp keeps of one analysed document (no spaCy objects, no text)."""

    document: Document
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    sentences: tuple[SentenceScore, ...]


def analyse_doc(doc: Doc, document: Document) -> DocResult:
    """Extract mentions, quotes and sentence sentiment from one parsed document."""
    from newscorp.extract.entities import mentions as extract_mentions
    from newscorp.extract.quotes import quotes as extract_quotes
    from newscorp.extract.sentiment import score_span

    mentions = tuple(extract_mentions(doc, document.doc))
    sentences = []
    for i, sent in enumerate(s for s in doc.sents if s.text.strip()):
        score, n = score_span(sent)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        sentences.append(SentenceScore(document.doc, i, start, start + len(text), text, score, n))
    quotes = []
    for quote in extract_quotes(doc, document.doc, list(mentions)):
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        score = score_span(span)[0] if span is not None else 0.0
        quotes.append(replace(quote, sentiment=round(score, 4)))
    light = replace(document, text="", nlp_text="")
    return DocResult(light, mentions, tuple(quotes), tuple(sentences))


@dataclass
class Corpus:
    """A corpus analysed lazily: the model loads and runs on first access to a table."""

    paths: Any = None
    model: str | None = None
    glob: str = "*.txt"
    stdin: Any = None
    on_skip: Callable[[Skipped], None] | None = None
    notify: Callable[[str], None] | None = None
    progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None
    _results: list[DocResult] | None = field(default=None, repr=False)
    skipped: list[Skipped] = field(default_factory=list)

    def _skip(self, item: Skipped) -> None:
        self.skipped.append(item)
        if self.on_skip is not None:
            self.on_skip(item)

    def nlp(self) -> Language:
        """The resolved pipeline, loaded once (the notice goes to ``notify`` or stderr)."""
        from newscorp.pipeline.resolve import describe, load_pipeline, resolve_model

        choice = resolve_model(self.model)
        nlp = load_pipeline(choice.name)
        (self.notify or (lambda m: print(m, file=sys.stderr)))(describe(nlp, choice))
        return nlp

    def documents(self) -> Iterator[Document]:
        """Decoded documents, streamed from disk."""
        from newscorp.corpus import load_documents

        paths = [self.paths] if isinstance(self.paths, str) else list(self.paths or [])
        yield from load_documents(paths, glob=self.glob, stdin=self.stdin, on_skip=self._skip)

    def results(self) -> list[DocResult]:
        """Analyse every document once; later calls reuse the small result records."""
        if self._results is None:
            self._results = list(self.iter_results())
        return self._results

    def iter_results(self) -> Iterator[DocResult]:
        """Stream DocResults through ``nlp.pipe`` in batches."""
        docs: Iterable[Document] = self.documents()
        nlp = self.nlp()
        if self.progress is not None:
            docs = self.progress(docs)
        pairs = ((d.nlp_text, d) for d in docs)
        for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            yield analyse_doc(doc, document)

    # --- tables -----------------------------------------------------------------------
    def docs(self) -> pd.DataFrame:
        """One row per document: metadata, words and sha256."""
        from newscorp import tables

        return tables.docs_table(r.document for r in self.results())

    def mentions(self) -> pd.DataFrame:
        """One row per entity occurrence."""
        from newscorp import tables

        return tables.mentions_table(self.results())

    def entities(self) -> pd.DataFrame:
        """One row per canonical entity."""
        from newscorp import tables

        return tables.entities_table(self.results())

    def quotes(self) -> pd.DataFrame:
        """One row per quote, speakers canonical across the corpus."""
        from newscorp import tables

        return tables.quotes_table(self.results())

    def sentiment(self, by: str = "doc") -> pd.DataFrame:
        """Sentiment by doc, sentence, quote, entity or speaker."""
        from newscorp import tables

        return tables.sentiment_table(self.results(), by=by)

    def speakers(self) -> pd.DataFrame:
        """One row per speaker: quotes, docs, mean sentiment."""
        from newscorp import tables

        return tables.speakers_table(self.results())
