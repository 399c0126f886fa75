"""Run the pipeline over a corpus once and hand out every table as a pandas DataFrame."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorp.engine import analyse_doc
from newscorp.records import DocResult, Document, Skipped

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

    from newscorp.rows import Rows
    from newscorp.store import Store

__all__ = ["Corpus", "DocResult", "analyse_doc"]


@dataclass
class Corpus:
    """A corpus analysed lazily: the model loads and runs on first access to a table.

    With ``store`` (the path of the SQLite analysis store) unchanged documents are read from
    the store instead of being analysed again, and new analyses are written to it;
    ``workers`` processes analyse in parallel.
    """

    paths: Any = None
    model: str | None = None
    glob: str = "*.txt"
    stdin: Any = None
    on_skip: Callable[[Skipped], None] | None = None
    notify: Callable[[str], None] | None = None
    progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None
    store: str | Path | None = None
    workers: int = 1
    require_lock: bool = False
    prune: bool = False
    chunk_size: int = 32
    dataset: str | Path | None = None
    _results: list[DocResult] | None = field(default=None, repr=False)
    _ids: list[int] = field(default_factory=list, repr=False)
    _store: Store | None = field(default=None, repr=False)
    _links: dict[str, str] | None = field(default=None, repr=False)
    _run: tuple | None = field(default=None, repr=False)
    _replayed: bool = field(default=False, repr=False)
    skipped: list[Skipped] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    def _skip(self, item: Skipped) -> None:
        self.skipped.append(item)
        if self.on_skip is not None:
            self.on_skip(item)

    def _notice(self, message: str) -> None:
        (self.notify or (lambda m: print(m, file=sys.stderr)))(message)

    def _paths(self) -> list[str]:
        return [self.paths] if isinstance(self.paths, str) else list(self.paths or [])

    def nlp(self) -> Language:
        """The resolved pipeline, loaded once (the notice goes to ``notify`` or stderr)."""
        from newscorp.pipeline.resolve import describe, load_pipeline, resolve_model

        choice = resolve_model(self.model)
        nlp = load_pipeline(choice.name)
        self._notice(describe(nlp, choice))
        return nlp

    def documents(self) -> Iterator[Document]:
        """Decoded documents, streamed from disk."""
        from newscorp.corpus import load_documents

        read = 0
        for document in load_documents(
            self._paths(), glob=self.glob, stdin=self.stdin, on_skip=self._skip
        ):
            read += 1
            yield document
        if not read:
            self._no_inputs()

    def _no_inputs(self) -> None:
        """Say on stderr that no file was read (none matched, and none was skipped)."""
        from newscorp.corpus.discover import default_corpus

        if not self.skipped:
            paths = ["the paths on standard input" if p == "-" else p for p in self._paths()]
            where = ", ".join(paths) or default_corpus()
            self._notice(f"newscorp: no input files matching {self.glob} in {where}")

    def document_records(self) -> Iterator[Document]:
        """Documents for the docs table without running the pipeline: from the Parquet
        dataset, a replayable store run, or the files themselves."""
        if self.dataset is not None:
            yield from (r.document for r in self.iter_results())
            return
        store = self.open_store()
        if store is not None and self.stdin is None:
            replayed = self._replay(store)
            if replayed is not None:
                yield from (r.document for r in replayed)
                return
        yield from self.documents()

    def fingerprint(self) -> str:
        """The pipeline fingerprint that stored analyses must match."""
        from newscorp.pipeline.fingerprint import fingerprint
        from newscorp.pipeline.resolve import resolve_model

        return fingerprint(resolve_model(self.model).name)

    def open_store(self) -> Store | None:
        """The analysis store, opened once (None without one)."""
        if self.store is None:
            return None
        if self._store is None:
            from newscorp.store import Store, StoreError

            store = Store(self.store, self.fingerprint())
            if not store.lock():
                if self.require_lock:
                    store.close()
                    raise StoreError(
                        f"store {self.store} is being written by another newscorp process;"
                        " try again when it has finished"
                    )
                self._notice(f"newscorp: store {self.store} is busy; reading only")
            self._store = store
        return self._store

    def close(self) -> None:
        """Release the store and its writer lock."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def results(self) -> list[DocResult]:
        """Analyse every document once; later calls reuse the small result records."""
        if self._results is None:
            self._results = list(self.iter_results())
        return self._results

    def iter_results(self) -> Iterator[DocResult]:
        """DocResults in input order: replayed, read from the store, or analysed in batches."""
        if self.dataset is not None:
            from newscorp.distributed import read_dataset

            self._notice(f"newscorp: reading the Parquet dataset {self.dataset} (PATHS ignored)")
            yield from read_dataset(self.dataset)
            return
        store = self.open_store()
        self._ids = []
        if store is not None and self.stdin is None:
            replayed = self._replay(store)
            if replayed is not None:
                yield from replayed
                return
        yield from self._analyse(store)

    def _recorded_run(self, store: Store) -> tuple[str, list[tuple[str, str, int | str]]] | None:
        """(key, items) of an earlier complete run over exactly the same files, looked up once."""
        if self._run is None:
            from newscorp.corpus.discover import discover
            from newscorp.store import inputs_key

            key = inputs_key(list(discover(self._paths(), glob=self.glob)), self.glob)
            items = store.replay(key)
            self._run = (key, items) if items is not None else ()
        return self._run or None

    def _replay_notices(self, store: Store, items: list[tuple[str, str, int | str]]) -> None:
        """Report a replayed run's skipped files and the cache notice (once)."""
        if self._replayed:
            return
        self._replayed = True
        ids = [item for item in items if item[0] == "doc"]
        self._notice(f"newscorp: {len(ids)} unchanged documents read from store {store.path}")
        self.stats = {"cached": len(ids), "analysed": 0}
        for kind, _name, value in items:
            if kind == "skip":
                path, _, reason = str(value).partition("\0")
                self._skip(Skipped(path, reason))

    def _replay(self, store: Store) -> Iterator[DocResult] | None:
        """The stored results of an earlier complete run over exactly the same files."""
        from newscorp.store import rename

        run = self._recorded_run(store)
        if run is None:
            return None
        items = run[1]
        loaded = store.load([int(item[2]) for item in items if item[0] == "doc"])
        self._replay_notices(store, items)

        def generate() -> Iterator[DocResult]:
            for kind, name, value in items:
                if kind == "doc":
                    self._ids.append(int(value))
                    result = loaded[int(value)]
                    yield rename(result, name, result.document.path)

        return generate()

    def _analyse(self, store: Store | None) -> Iterator[DocResult]:
        """Read documents; take stored analyses where they exist, analyse the rest."""
        from newscorp.corpus import load_documents
        from newscorp.engine import Analyser, chunked
        from newscorp.pipeline.resolve import resolve_model
        from newscorp.store import rename

        writable = store is not None and store.locked
        analyser: Analyser | None = None
        run = _RunLog()
        docs: Iterable[Document] = load_documents(
            self._paths(), glob=self.glob, stdin=self.stdin, on_skip=run.skip_hook(self._skip)
        )
        if self.progress is not None:
            docs = self.progress(docs)
        try:
            for chunk in chunked(run.track(docs), self.chunk_size * max(1, self.workers)):
                found = [store.lookup(d) if store is not None else None for d in chunk]
                hits = store.load([i for i in found if i is not None]) if store else {}
                misses = [d for d, i in zip(chunk, found, strict=False) if i is None]
                fresh: list[tuple[DocResult, bytes]] = []
                if misses:
                    if analyser is None:
                        self.nlp()  # loaded once here: the notice; forked workers inherit it
                        model = resolve_model(self.model).name
                        analyser = Analyser(model, self.workers, tokens=store is not None)
                    fresh = analyser.run(misses)
                new_ids: list[int] = [-1] * len(fresh)
                if writable and fresh:
                    assert store is not None
                    new_ids = store.save(
                        (res, full, tok) for (res, tok), full in zip(fresh, misses, strict=False)
                    )
                    store.record_files(
                        (d.path, d.doc, i, None) for d, i in zip(misses, new_ids, strict=False)
                    )
                fresh_iter = iter(zip(fresh, new_ids, strict=False))
                for document, id_ in zip(chunk, found, strict=False):
                    if id_ is not None:
                        result = rename(hits[id_], document.doc, document.path)
                        run.cached += 1
                    else:
                        (result, _tokens), id_ = next(fresh_iter)
                        run.analysed += 1
                    run.settle(id_)
                    self._ids.append(id_)
                    yield result
        finally:
            if analyser is not None:
                analyser.close()
        self.stats = {"cached": run.cached, "analysed": run.analysed}
        if not run.cached and not run.analysed:
            self._no_inputs()
        if store is not None:
            self._notice(
                f"newscorp: store {store.path}: {run.cached} documents cached,"
                f" {run.analysed} analysed"
            )
        if writable and self.stdin is None and run.complete():
            assert store is not None
            self._finish_run(store, run)

    def _finish_run(self, store: Store, run: _RunLog) -> None:
        """Remember this complete run (for replay) and, for ``analyze``, prune deleted files."""
        from newscorp.corpus.discover import discover
        from newscorp.store import inputs_key

        store.record_files(
            (path, Path(path).name, id_, reason) for path, id_, reason in run.files()
        )
        if self.prune:
            store.prune(self._paths(), {str(Path(p).resolve()) for p, _, _ in run.files()})
        key = inputs_key(list(discover(self._paths(), glob=self.glob)), self.glob)
        store.finish_run(key, run.items)
        self._run = (key, [tuple(item) for item in run.items])

    def token_sources(self) -> Iterator[tuple[str, str, list[list[Any]]]]:
        """(doc, decoded text, [[start, end, text, lemma], ...]) per document, for kwic."""
        store = self.open_store()
        if store is not None:
            results = self.results()
            for result, id_ in zip(results, self._ids, strict=False):
                if id_ >= 0:
                    text, tokens = store.text_and_tokens(id_)
                    yield result.document.doc, text, tokens
            return
        from newscorp.engine import BATCH_SIZE, token_index
        from newscorp.pipeline.blas import one_blas_thread
        from newscorp.tokenindex import decode

        nlp = self.nlp()
        pairs = ((d.nlp_text, d) for d in self.documents())
        with one_blas_thread():  # one core, as every other analysing process
            for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
                index = token_index(doc, text=document.text)
                yield document.doc, document.text, decode(index, document.text)

    # --- tables -----------------------------------------------------------------------
    def links(self) -> dict[str, str]:
        """Document-level entity names -> corpus-level names, computed once for all tables."""
        if self._links is None:
            from newscorp.tables import entity_links

            self._links = entity_links(self.results())
        return self._links

    def table(self, name: str, *, by: str = "doc", cluster: bool = False) -> Rows:
        """A finished table as Rows: ``docs``, ``mentions``, ``entities``, ``quotes``,
        ``speakers`` or ``sentiment`` (``by``; ``cluster`` for quotes).

        A store keeps the finished tables of a recorded run, so asking the same question of
        unchanged files again reads one row set and neither loads the analyses nor pandas.
        """
        from newscorp.rows import Rows

        label = {"sentiment": f"sentiment:{by}", "quotes": "quotes:cluster" if cluster else ""}
        label = label.get(name) or name
        store = self.open_store() if self.dataset is None and self.stdin is None else None
        run = self._recorded_run(store) if store is not None else None
        if store is not None and run is not None:
            cached = store.cached_table(run[0], label)
            if cached is not None:
                self._replay_notices(store, run[1])
                return Rows.from_json(cached)
        makers: dict[str, Callable[[], pd.DataFrame]] = {
            "docs": self.docs,
            "mentions": self.mentions,
            "entities": self.entities,
            "quotes": lambda: self.quotes(cluster=cluster),
            "speakers": self.speakers,
            "sentiment": lambda: self.sentiment(by=by),
        }
        if name not in makers:
            raise ValueError(f"unknown table {name!r}")
        rows = Rows.from_frame(makers[name]())
        if store is not None and store.locked and self._run:
            store.save_table(self._run[0], label, rows.to_json())
        return rows

    def docs(self) -> pd.DataFrame:
        """One row per document: metadata, words and sha256."""
        from newscorp import tables

        return tables.docs_table(r.document for r in self.results())

    def mentions(self) -> pd.DataFrame:
        """One row per entity occurrence."""
        from newscorp import tables

        return tables.mentions_table(self.results(), self.links())

    def entities(self) -> pd.DataFrame:
        """One row per canonical entity."""
        from newscorp import tables

        return tables.entities_table(self.results(), self.links())

    def quotes(self, cluster: bool = False) -> pd.DataFrame:
        """One row per quote, speakers canonical across the corpus (``cluster``: a column
        grouping the same statement across articles)."""
        from newscorp import tables

        return tables.quotes_table(self.results(), cluster=cluster, links=self.links())

    def sentiment(self, by: str = "doc") -> pd.DataFrame:
        """Sentiment by doc, sentence, quote, entity or speaker."""
        from newscorp import tables

        return tables.sentiment_table(self.results(), by=by, links=self.links())

    def speakers(self) -> pd.DataFrame:
        """One row per speaker: quotes, docs, mean sentiment."""
        from newscorp import tables

        return tables.speakers_table(self.results(), self.links())


class _RunLog:
    """The ordered items of one run (documents with their analysis ids, and skips)."""

    def __init__(self) -> None:
        self.items: list[list[Any]] = []
        self._paths: list[str] = []
        self._open: deque[int] = deque()
        self.cached = 0
        self.analysed = 0

    def skip_hook(self, report: Callable[[Skipped], None]) -> Callable[[Skipped], None]:
        def hook(item: Skipped) -> None:
            self.items.append(["skip", Path(item.path).name, f"{item.path}\0{item.reason}"])
            self._paths.append(item.path)
            report(item)

        return hook

    def track(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            self._open.append(len(self.items))
            self.items.append(["doc", document.doc, None])
            self._paths.append(document.path)
            yield document

    def settle(self, analysis: int) -> None:
        self.items[self._open.popleft()][2] = analysis

    def complete(self) -> bool:
        return not self._open and all(it[2] is not None and it[2] != -1 for it in self.items)

    def files(self) -> Iterator[tuple[str, int | None, str | None]]:
        for item, path in zip(self.items, self._paths, strict=False):
            if item[0] == "doc":
                yield path, item[2], None
            else:
                yield path, None, item[2].split("\0", 1)[1]
