"""Matrix products with blis (thinc's default) vs numpy's BLAS, one thread, and their ratio.

Usage: python benchmarks/gemm.py [DIR] [N]   (default ../shared/data/10kgnad-test/corpus, 120)

First the products of the bundled pipeline's layer shapes (rows x inputs x outputs), then the
whole pipeline loaded both ways, timed in CPU seconds on the same chunks of documents in
turn (alternating which goes first), and whether both annotate every token the same (POS,
tag, lemma, morphology, head, dependency, entities).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import NumpyOps

from newscorp.pipeline.blas import one_blas_thread
from newscorp.pipeline.resolve import build_pipeline, resolve_model

ROOT = Path(__file__).resolve().parents[1]
SHAPES = [(2000, 288, 288), (2000, 480, 288), (2000, 96, 3072), (64, 384, 96)]
ATTRS = [POS, TAG, LEMMA, MORPH, HEAD, DEP, ENT_TYPE, ENT_IOB]


def gflops(multiply, m: int, k: int, n: int) -> float:
    """Billions of floating-point operations per second of ``multiply`` (about 0.3 s)."""
    multiply()
    runs, start = 0, time.perf_counter()
    while time.perf_counter() - start < 0.3:
        multiply()
        runs += 1
    return 2 * m * k * n * runs / (time.perf_counter() - start) / 1e9


def main() -> None:
    folder = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/10kgnad-test/corpus"
    )
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    one_blas_thread()
    blis, plain = NumpyOps(), NumpyOps(use_blis=False)
    rng = np.random.default_rng(0)
    for m, k, n in SHAPES:
        x, y = rng.random((m, k), dtype="f"), rng.random((k, n), dtype="f")
        a = gflops(lambda: blis.gemm(x, y), m, k, n)  # noqa: B023
        b = gflops(lambda: plain.gemm(x, y), m, k, n)  # noqa: B023
        print(f"{m}x{k}x{n}: blis {a:.1f}, numpy {b:.1f} GFLOPS (ratio {b / a:.2f})")

    texts = [f.read_text(encoding="utf-8") for f in sorted(folder.rglob("*.txt"))[:limit]]
    name = resolve_model(None).name
    pipelines = {"numpy": build_pipeline(name), "blis": build_pipeline(name, blis=True)}
    for nlp in pipelines.values():
        list(nlp.pipe(texts[:8]))  # warm caches
    cpu = dict.fromkeys(pipelines, 0.0)
    same = True
    for i in range(0, len(texts), 20):
        chunk = texts[i : i + 20]
        arrays = {}
        order = list(pipelines) if i % 40 == 0 else list(pipelines)[::-1]
        for key in order:
            nlp = pipelines[key]
            start = time.process_time()
            docs = list(nlp.pipe(chunk, batch_size=32))
            cpu[key] += time.process_time() - start
            arrays[key] = [d.to_array(ATTRS).tobytes() for d in docs]
        same = same and arrays["numpy"] == arrays["blis"]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    print(f"documents {len(texts)}, words {words}, one BLAS thread")
    for key, seconds in cpu.items():
        print(f"pipeline with {key}: {words / seconds:,.0f} words/s (CPU)")
    print(f"ratio numpy / blis: {cpu['blis'] / cpu['numpy']:.2f}; same annotations: {same}")


if __name__ == "__main__":
    main()
