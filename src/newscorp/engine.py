"""Turn Documents into DocResults: one process with ``nlp.pipe``, or a pool of workers.

Each worker process loads the pipeline once (``load_pipeline`` is cached per process; with
the fork start method the workers inherit the parent's loaded copy) and analyses whole
batches, so only Documents and small result records cross process boundaries.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import accumulate
from typing import TYPE_CHECKING

from newscorp.errors import UsageError
from newscorp.pipeline.blas import one_blas_thread
from newscorp.records import DocResult, Document, SentenceScore

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


BATCH_SIZE = 32
"""Documents per ``nlp.pipe`` batch: analyze's chunk of 32 in one batch (bigger batches make
the parser's and NER's matrix products bigger: 3-4 % less CPU than 16, same parses)."""


def parse_workers(value: str | int | None) -> int:
    """``auto`` means one worker per core; otherwise a positive integer."""
    if value is None:
        return 1
    if isinstance(value, str) and value.strip().lower() == "auto":
        return max(1, os.cpu_count() or 1)
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"--workers must be a positive integer or 'auto', not {value!r}") from None
    if number < 1:
        raise UsageError(f"--workers must be at least 1, not {number}")
    return number


def analyse_doc(doc: Doc, document: Document, tokens: list[Token] | None = None) -> DocResult:
    """Extract mentions, quotes and sentence sentiment from one parsed document
    (``tokens``: ``list(doc)`` when already built)."""
    from newscorp.extract.arrays import token_texts
    from newscorp.extract.entities import mentions as extract_mentions
    from newscorp.extract.quotes import quotes as extract_quotes
    from newscorp.extract.sentiment import doc_profiles, score_span

    sents = list(doc.sents)  # built once (each pass over doc.sents builds new Spans)
    words, full = token_texts(doc)  # == [t.text for t in doc], doc.text
    mentions = tuple(extract_mentions(doc, document.doc, sents, full))
    sentences = []
    # Token objects built once: iterating a Doc or Span builds new ones
    tokens = list(doc) if tokens is None else tokens
    profiles = doc_profiles(tokens)  # sentiment's view of each token, shared by all spans
    parsed = doc.has_annotation("DEP")  # asked once, not per scored span
    # polar[k]: polar words before token k; a span without one scores (0.0, 0) at once
    polar = [0, *accumulate([1 if w.polarity else 0 for w in profiles])]
    i = 0
    for sent in sents:
        raw = full[sent.start_char : sent.end_char]  # sent.text, without joining tokens again
        text = raw.strip()
        if not text:
            continue
        a, b = sent.start, sent.end
        if polar[b] > polar[a]:
            score, n = score_span(tokens[a:b], profiles=profiles[a:b], dependency=parsed)
        else:
            score, n = 0.0, 0
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        sentences.append(SentenceScore(document.doc, i, start, start + len(text), text, score, n))
        i += 1
    quotes = []
    found = extract_quotes(
        doc, document.doc, list(mentions), tokens=tokens, text=full, sents=sents, words=words
    )
    for quote in found:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None and polar[span.end] > polar[span.start]:
            a, b = span.start, span.end
            score = score_span(tokens[a:b], profiles=profiles[a:b], dependency=parsed)[0]
        else:
            score = 0.0
        quotes.append(replace(quote, sentiment=round(score, 4)))
    light = replace(document, text="", nlp_text="")
    return DocResult(light, mentions, tuple(quotes), tuple(sentences))


def token_index(doc: Doc, *, text: str | None = None) -> bytes:
    """The compact index of the word tokens of a parsed document that kwic reads back
    (``newscorp.tokenindex``; ``text``: the document's decoded text, default its parsed
    text)."""
    from newscorp.tokenindex import encode

    return encode(doc, text)


def analyse_parsed(doc: Doc, document: Document, tokens: bool = False) -> tuple[DocResult, bytes]:
    """``analyse_doc`` and, with ``tokens``, ``token_index`` of one parsed document (else
    b"")."""
    result = analyse_doc(doc, document)
    return result, token_index(doc, text=document.text) if tokens else b""


def analyse_parsed_all(
    pairs: Iterable[tuple[Doc, Document]], tokens: bool = False
) -> list[tuple[DocResult, bytes]]:
    """``analyse_parsed`` over (parsed document, Document) pairs. After the first one, when
    the pipeline and every word list are loaded, all objects alive are kept out of the cyclic
    garbage collector's way until the end (``gc.freeze``): its collections of the oldest
    generation would walk them again and again (some per cent of the extraction time)."""
    out = []
    frozen = False
    try:
        for doc, document in pairs:
            out.append(analyse_parsed(doc, document, tokens))
            if not frozen and gc.get_freeze_count() == 0:  # nobody else froze anything
                gc.freeze()
                frozen = True
    finally:
        if frozen:
            gc.unfreeze()
    return out


def analyse_batch(
    model: str, documents: Sequence[Document], tokens: bool = False
) -> list[tuple[DocResult, bytes]]:
    """Parse and extract a batch in this process, on one BLAS thread (one core per analysing
    process, so N workers use N cores): (result, token index or b"")."""
    from newscorp.pipeline.resolve import load_pipeline

    with one_blas_thread():
        nlp = load_pipeline(model)
        pairs = ((d.nlp_text, d) for d in documents)
        parsed = nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE)
        return analyse_parsed_all(parsed, tokens)


class Analyser:
    """Analyses batches of Documents with one or more worker processes."""

    def __init__(self, model: str, workers: int = 1, tokens: bool = False) -> None:
        self.model = model
        self.workers = workers
        self.tokens = tokens
        self._pool: ProcessPoolExecutor | None = None

    def run(self, documents: Sequence[Document]) -> list[tuple[DocResult, bytes]]:
        """Results in input order."""
        if not documents:
            return []
        if self.workers <= 1 or len(documents) == 1:
            return analyse_batch(self.model, documents, self.tokens)
        pool = self._get_pool()
        size = max(1, -(-len(documents) // (self.workers * 2)))
        batches = [documents[i : i + size] for i in range(0, len(documents), size)]
        futures = [pool.submit(analyse_batch, self.model, b, self.tokens) for b in batches]
        return [item for future in futures for item in future.result()]

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def chunked(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most ``size`` items."""
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
