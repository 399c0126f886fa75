"""Every row ``analyze`` produces for a fixed sample, in one text file: diff two runs of it
to check that a speed change is row-identical.

Usage: python benchmarks/rows.py OUT [DIR] [-n N] [--sample DIR] [--cache FILE]
(default DIR ../shared/data/10kgnad-test/corpus, N 200, sample ../shared/corpus)

Writes, for the first N documents of DIR (parsed once and kept in ``--cache``, a DocBin, so
that runs of old and new code see the same parses): each DocResult (mentions, quotes,
sentence scores) and its token index (as JSON rows [start, end, text, lemma], whatever the
index's layout) as ``engine.analyse_parsed_all`` returns them in analyze's chunks of 32, the
same after a round trip through a fresh store, and the tables
(mentions, entities, quotes with clusters, speakers, sentiment by every ``--by``). For the
sample corpus it writes the tables of ``Corpus(...)`` parsed fresh, with and without a store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad-test" / "corpus"
SAMPLE = ROOT.parent / "shared" / "corpus"


def tables_text(results: list, links: dict | None = None) -> list[str]:
    """Every table of ``results`` as CSV text."""
    from newscorp import tables

    links = tables.entity_links(results) if links is None else links
    frames = {
        "mentions": tables.mentions_table(results, links),
        "entities": tables.entities_table(results, links),
        "quotes": tables.quotes_table(results, cluster=True, links=links),
        "speakers": tables.speakers_table(results, links),
        **{
            f"sentiment:{by}": tables.sentiment_table(results, by=by, links=links)
            for by in tables.SENTIMENT_BY
        },
    }
    return [f"## table {name}\n{frame.to_csv(index=False)}" for name, frame in frames.items()]


def token_rows(index: str, text: str) -> list:
    """The [start, end, text, lemma] rows of a token index (the JSON rows themselves before
    the compact index of ``newscorp.tokenindex``)."""
    try:
        from newscorp.tokenindex import decode
    except ImportError:
        return json.loads(index)
    return decode(index, text)


def parsed_documents(folder: Path, n: int, cache: str = "") -> tuple[list, list]:
    """(spaCy Docs, Documents) of the first n files of folder, parsed once with the resolved
    pipeline and kept as a DocBin (by default in the temp folder, keyed by model and content)."""
    from spacy.tokens import DocBin

    from newscorp import engine
    from newscorp.corpus import load_documents
    from newscorp.pipeline.resolve import load_pipeline, resolve_model

    files = sorted(str(p) for p in folder.rglob("*.txt"))[:n]
    model = resolve_model(None).name
    nlp = load_pipeline(model)
    documents = list(load_documents(files))
    key = hashlib.sha256("\0".join([model, *(d.sha256 for d in documents)]).encode()).hexdigest()
    path = Path(cache or Path(tempfile.gettempdir()) / f"newscorp-rows-{key[:16]}.spacy")
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), documents
    docs = list(nlp.pipe((d.nlp_text for d in documents), batch_size=engine.BATCH_SIZE))
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    print(f"parsed {len(docs)} documents into {path}", file=sys.stderr)
    return docs, documents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--sample", default=str(SAMPLE))
    parser.add_argument("--cache", default="")
    args = parser.parse_args()

    from newscorp import engine
    from newscorp.analysis import Corpus
    from newscorp.store import Store

    docs, documents = parsed_documents(Path(args.folder), args.n, args.cache)

    out: list[str] = []
    pairs = [
        pair
        for k in range(0, len(docs), 32)
        for pair in engine.analyse_parsed_all(
            zip(docs[k : k + 32], documents[k : k + 32], strict=True), True
        )
    ]
    results = [r for r, _ in pairs]
    for (result, tokens), document in zip(pairs, documents, strict=True):
        rows = json.dumps(
            token_rows(tokens, document.text), ensure_ascii=False, separators=(",", ":")
        )
        out.append(f"## doc {result.document.doc}\n{result!r}\n{rows}")
    with tempfile.TemporaryDirectory(prefix="newscorp-rows-") as tmp:
        store = Store(Path(tmp) / "rows.db", "rows")
        store.lock()
        ids = store.save((r, d, t) for (r, t), d in zip(pairs, documents, strict=True))
        loaded = store.load(ids)
        for id_, result in zip(ids, results, strict=True):
            back = loaded[id_]
            same = back.mentions == result.mentions and back.quotes == result.quotes
            same = same and back.sentences == result.sentences
            text, tokens = store.text_and_tokens(id_)
            out.append(f"## stored {back.document.doc} same={same}\n{back!r}\n{tokens}")
        store.close()
    out.extend(tables_text(results))

    quiet = {"notify": lambda m: None}
    for label, store_path in (("no store", None), ("store", "sample.db")):
        with tempfile.TemporaryDirectory(prefix="newscorp-rows-") as tmp:
            path = Path(tmp) / store_path if store_path else None
            corpus = Corpus([args.sample], store=path, **quiet)
            sample = corpus.results()
            out.append(f"## sample corpus, {label}\n" + "\n".join(repr(r) for r in sample))
            out.extend(tables_text(sample))
            corpus.close()
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(results)} documents, {len(out)} sections", file=sys.stderr)


if __name__ == "__main__":
    main()
