"""CPU time of ``analyze``'s work (parsing interleaved with extraction and the store) vs bare
``nlp.pipe`` on the same documents, chunk by chunk in one process: the ratio ``scale.py``
measures, with both sides timed at the same moments.

Usage: python benchmarks/interleaved.py [DIR] [-n N] [--whole]
(default DIR ../shared/data/10kgnad-test/corpus, N 150)

For each chunk of 32 documents (analyze's chunk), times (``time.process_time``, one BLAS
thread) bare ``nlp.pipe`` over its texts and what ``Corpus`` does with it (the store look-up,
``engine.analyse_batch`` with the token index, the store's save and file records), the two in
turn, the first of them alternating from chunk to chunk. On a machine whose load changes,
this pairs each analysed chunk with a bare parse made seconds apart; word caches start cold,
as in a first run. ``--whole`` instead times bare ``nlp.pipe`` over all texts, then
``Corpus(files, store=<fresh store>).results()``, as ``scale.py`` does (noisier).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad-test" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("-n", type=int, default=150, help="documents (default 150)")
    parser.add_argument("--whole", action="store_true")
    args = parser.parse_args()

    from newscorp import engine
    from newscorp.analysis import Corpus
    from newscorp.corpus import load_documents
    from newscorp.pipeline.resolve import load_pipeline, resolve_model
    from newscorp.store import Store

    files = sorted(str(p) for p in Path(args.folder).rglob("*.txt"))[: args.n]
    if not files:
        sys.exit(f"no .txt files under {args.folder}")
    model = resolve_model(None).name
    nlp = load_pipeline(model)
    documents = list(load_documents(files))
    words = sum(d.words for d in documents)
    list(nlp.pipe([d.nlp_text for d in documents[:2]]))  # first-call set-up outside timing

    def bare(chunk: list) -> float:
        start = time.process_time()
        for _ in nlp.pipe((d.nlp_text for d in chunk), batch_size=engine.BATCH_SIZE):
            pass
        return time.process_time() - start

    with tempfile.TemporaryDirectory(prefix="newscorp-interleaved-") as tmp:
        if args.whole:
            parse = bare(documents)
            corpus = Corpus(files, store=Path(tmp) / "run.db", notify=lambda m: None)
            start = time.process_time()
            corpus.results()
            analyse = time.process_time() - start
            corpus.close()
        else:
            store = Store(Path(tmp) / "run.db", "interleaved")
            store.lock()

            def analysed(chunk: list) -> float:
                start = time.process_time()
                for document in chunk:
                    store.lookup(document)
                pairs = engine.analyse_batch(model, chunk, True)
                ids = store.save((r, d, t) for (r, t), d in zip(pairs, chunk, strict=True))
                store.record_files(
                    (d.path, d.doc, i, None) for d, i in zip(chunk, ids, strict=True)
                )
                return time.process_time() - start

            parse = analyse = 0.0
            for k in range(0, len(documents), 32):
                chunk = documents[k : k + 32]
                if k // 32 % 2:
                    analyse += analysed(chunk)
                    parse += bare(chunk)
                else:
                    parse += bare(chunk)
                    analyse += analysed(chunk)
            store.close()
    print(
        f"{len(files)} documents, {words:,} words: bare nlp.pipe {parse:.2f} s CPU,"
        f" analyze {analyse:.2f} s CPU, ratio {parse / analyse:.3f}"
    )


if __name__ == "__main__":
    main()
