"""What ``analyze`` costs besides parsing, as a share of parse time, in about a minute.

Usage: python benchmarks/overhead.py [DIR] [-n N] [--profile K]
(default DIR ../shared/data/10kgnad-test/corpus, N 200)

Parses the first N documents once with ``nlp.pipe`` (the same pipeline and batch size as
``analyze``), then times each other step of ``analyze`` on them: decoding the files (both
passes of ``load_documents``), extraction with the token index kept for kwic (what
``engine.analyse_batch`` runs on each parsed document: mentions, quotes, sentiment, token
JSON), and the store (look-up, save, file records, one transaction per 32 documents). Times
are CPU seconds of this process (``time.process_time``, one BLAS thread): they move less
with the load of other processes than wall time, but still some per cent on a busy machine,
so compare runs made at the same moment. One document is analysed before timing so that
word lists load outside the measurement (as they do once per run); the caches of word
forms start empty, as in a run of N documents. ``analyze`` vs bare ``nlp.pipe`` is about
1 / (1 + total share): the issue 6 target 0.90 needs a total share of at most 0.11.
``--profile K`` prints the K functions
with the most own time in the non-parse steps (cProfile); with ``OVERHEAD_CALLERS=NAME`` set it
also prints who calls the functions matching NAME (e.g. ``__getitem__``).
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
    parser.add_argument("-n", type=int, default=200, help="documents (default 200)")
    parser.add_argument("--profile", type=int, default=0, metavar="K")
    args = parser.parse_args()

    from newscorp import engine
    from newscorp.corpus import load_documents
    from newscorp.pipeline.resolve import load_pipeline, resolve_model
    from newscorp.store import Store

    files = sorted(str(p) for p in Path(args.folder).rglob("*.txt"))[: args.n]
    if not files:
        sys.exit(f"no .txt files under {args.folder}")
    nlp = load_pipeline(resolve_model(None).name)
    documents = list(load_documents(files))
    words = sum(d.words for d in documents)

    start = time.process_time()
    parsed = list(nlp.pipe((d.nlp_text for d in documents), batch_size=engine.BATCH_SIZE))
    parse = time.process_time() - start
    # what analyse_batch runs on the parsed documents of a chunk (older code: its two steps)
    analyse = getattr(engine, "analyse_parsed_all", None) or (
        lambda pairs, tokens: [(engine.analyse_doc(p, d), engine.token_index(p)) for p, d in pairs]
    )
    analyse([(parsed[0], documents[0])], True)  # word lists and caches load once per run

    times: dict[str, float] = {}

    def timed(name: str, func):
        start = time.process_time()
        out = func()
        times[name] = time.process_time() - start
        return out

    def store_step() -> None:
        with tempfile.TemporaryDirectory(prefix="newscorp-overhead-") as tmp:
            store = Store(Path(tmp) / "newscorp.db", "overhead")
            store.lock()
            for k in range(0, len(documents), 32):
                chunk = documents[k : k + 32]
                for document in chunk:
                    store.lookup(document)
                ids = store.save(zip(results[k : k + 32], chunk, tokens[k : k + 32], strict=True))
                rows = ((d.path, d.doc, i, None) for d, i in zip(chunk, ids, strict=True))
                store.record_files(rows)
            store.close()

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    timed("decode", lambda: list(load_documents(files)))
    pairs = timed(
        "extract, tokens",
        lambda: [
            pair
            for k in range(0, len(parsed), 32)  # analyze's chunks of 32 documents
            for pair in analyse(zip(parsed[k : k + 32], documents[k : k + 32], strict=True), True)
        ],
    )
    results, tokens = [r for r, _ in pairs], [t for _, t in pairs]
    timed("store", store_step)

    if profiler is not None:
        profiler.disable()

    total = sum(times.values())
    print(f"{len(documents)} documents, {words:,} words; CPU seconds (share of parse time)")
    print(f"{'parse (nlp.pipe)':18s} {parse:7.2f}  {words / parse:,.0f} words/s")
    for name, seconds in times.items():
        print(f"{name:18s} {seconds:7.2f}  {seconds / parse:6.3f}")
    print(f"{'total overhead':18s} {total:7.2f}  {total / parse:6.3f}")
    print(f"analyze vs bare nlp.pipe, estimated: {parse / (parse + total):.3f}")
    if profiler is not None:
        import pstats

        stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime")
        stats.print_stats(args.profile)
        if os.environ.get("OVERHEAD_CALLERS"):
            stats.print_callers(os.environ["OVERHEAD_CALLERS"])


if __name__ == "__main__":
    main()
