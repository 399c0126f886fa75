"""CPU time of ``analyze`` (parsing interleaved with extraction and the store, as in a real run)
vs bare ``nlp.pipe`` on the same documents, in one process: the ratio ``scale.py`` measures,
in CPU seconds and on fewer documents.

Usage: python benchmarks/interleaved.py [DIR] [-n N] [--analyze-first]
(default DIR ../shared/data/10kgnad-test/corpus, N 150)

Times (``time.process_time``, one BLAS thread) bare ``nlp.pipe`` over the texts, then
``Corpus(files, store=<fresh store>).results()`` (word caches cold, as in a first run), or the
other way round with ``--analyze-first``. One run carries several per cent of noise on a busy
machine: run it repeatedly, alternating the code versions compared, and compare medians.
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
    parser.add_argument("--analyze-first", action="store_true")
    args = parser.parse_args()

    from newscorp import engine
    from newscorp.analysis import Corpus
    from newscorp.corpus import load_documents
    from newscorp.pipeline.resolve import load_pipeline, resolve_model

    files = sorted(str(p) for p in Path(args.folder).rglob("*.txt"))[: args.n]
    if not files:
        sys.exit(f"no .txt files under {args.folder}")
    nlp = load_pipeline(resolve_model(None).name)
    texts = [d.nlp_text for d in load_documents(files)]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:2], batch_size=engine.BATCH_SIZE))  # first-call setup outside timing

    def bare() -> float:
        start = time.process_time()
        for _ in nlp.pipe(texts, batch_size=engine.BATCH_SIZE):
            pass
        return time.process_time() - start

    def analyze() -> float:
        with tempfile.TemporaryDirectory(prefix="newscorp-interleaved-") as tmp:
            corpus = Corpus(files, store=Path(tmp) / "run.db", notify=lambda m: None)
            start = time.process_time()
            corpus.results()
            seconds = time.process_time() - start
            corpus.close()
        return seconds

    if args.analyze_first:
        one = analyze()
        parse = bare()
    else:
        parse = bare()
        one = analyze()
    print(
        f"{len(files)} documents, ~{words:,} words: bare nlp.pipe {parse:.2f} s CPU,"
        f" analyze {one:.2f} s CPU, ratio {parse / one:.3f}"
    )


if __name__ == "__main__":
    main()
