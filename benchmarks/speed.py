"""Words per second of bare ``nlp.pipe`` (a first and a second pass over the same texts) vs
newscorp's full analysis, and their ratio.

Usage: python benchmarks/speed.py [DIR] [N]   (default ../shared/data/10kgnad-test/corpus, 200)

One core: numpy's BLAS is held to one thread.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from newscorp.analysis import Corpus
from newscorp.engine import BATCH_SIZE
from newscorp.pipeline.blas import one_blas_thread
from newscorp.pipeline.resolve import load_pipeline, resolve_model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    folder = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/10kgnad-test/corpus"
    )
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    one_blas_thread()
    files = sorted(folder.rglob("*.txt"))[:limit]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    nlp = load_pipeline(resolve_model(None).name)
    bare = {}
    for run in ("cold", "warm"):  # cold: the process's word caches fill on the first pass
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
        bare[run] = words / (time.perf_counter() - start)
    start = time.perf_counter()
    Corpus([str(f) for f in files], notify=lambda m: None).results()
    full = words / (time.perf_counter() - start)
    print(f"documents {len(files)}, words {words}")
    print(f"bare nlp.pipe, first pass: {bare['cold']:,.0f} words/s")
    print(f"bare nlp.pipe, second pass: {bare['warm']:,.0f} words/s")
    print(
        f"newscorp analyse: {full:,.0f} words/s "
        f"(ratio to the second pass {full / bare['warm']:.2f})"
    )


if __name__ == "__main__":
    main()
