"""Corpus-scale benchmark: prints the ratios issue 6 asks for and writes docs/benchmarks.md.

Usage: python benchmarks/scale.py [DIR] [--limit N] [--no-write]
(default DIR ../shared/data/10kgnad-test/corpus, all files)

Measures, in one run:
- words/s of bare ``nlp.pipe`` (same pipeline, same texts) vs ``analyze`` into a fresh store;
- ``analyze`` with 1 vs 2 worker processes;
- peak RSS of ``newscorp analyze`` at 100 documents vs all documents;
- wall time of the first and of a repeated (cached) ``newscorp quotes --speaker`` after
  ``analyze``, and of ``newscorp --help``.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad-test" / "corpus"
NOTES = "## Notes"
"""docs/benchmarks.md from this heading on is written by hand; a new table keeps it."""

RSS_PROBE = """
import resource, sys
from newscorp.analysis import Corpus
corpus = Corpus([sys.argv[2]], store=sys.argv[1], require_lock=True, prune=True,
                notify=lambda m: None)
for _ in corpus.iter_results():
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def words_per_second(words: int, seconds: float) -> float:
    return words / seconds if seconds else float("inf")


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_rss_kib(db: Path, folder: str) -> int:
    """Peak RSS of a process that analyses folder into db (as ``newscorp analyze`` does)."""
    out = subprocess.run(
        [sys.executable, "-c", RSS_PROBE, str(db), folder],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def linked(folder: Path, files: list[str]) -> str:
    """A folder of symlinks to files (the same input list for every process)."""
    folder.mkdir()
    for f in files:
        os.symlink(f, folder / Path(f).name)
    return str(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    from newscorp.analysis import Corpus
    from newscorp.corpus import load_documents
    from newscorp.engine import BATCH_SIZE
    from newscorp.pipeline.blas import one_blas_thread
    from newscorp.pipeline.resolve import load_pipeline, resolve_model

    files = sorted(str(p) for p in Path(args.folder).rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no .txt files under {args.folder}")
    documents = list(load_documents(files))
    words = sum(d.words for d in documents)
    texts = [d.nlp_text for d in documents]
    nlp = load_pipeline(resolve_model(None).name)
    rows: list[tuple[str, str, str, str]] = []
    one_blas_thread()  # one core for bare nlp.pipe too, as analyze's every process has

    # analyze's batch size: both sides parse with the same settings
    bare = timed(lambda: [None for _ in nlp.pipe(texts, batch_size=BATCH_SIZE)])
    texts.clear()
    documents.clear()
    tmp = Path(tempfile.mkdtemp(prefix="newscorp-bench-"))
    quiet = {"notify": lambda m: None}
    one = timed(lambda: Corpus(files, store=tmp / "one.db", require_lock=True, **quiet).results())
    bare_wps, one_wps = words_per_second(words, bare), words_per_second(words, one)
    rows.append(
        (
            "analyze vs bare nlp.pipe",
            f"{one_wps:,.0f} vs {bare_wps:,.0f} words/s",
            f"{one_wps / bare_wps:.3f}",
            ">= 0.90",
        )
    )
    two = timed(
        lambda: Corpus(files, store=tmp / "two.db", workers=2, require_lock=True, **quiet).results()
    )
    rows.append(("2 workers vs 1", f"{one:.1f} s vs {two:.1f} s", f"{one / two:.2f}", ">= 1.60"))
    small = linked(tmp / "small", files[:100])
    everything = linked(tmp / "all", files)
    rss_small = peak_rss_kib(tmp / "small.db", small)
    rss_all = peak_rss_kib(tmp / "all.db", everything)
    rows.append(
        (
            f"peak RSS of analyze, {len(files)} vs 100 docs",
            f"{rss_all / 1024:.0f} MiB vs {rss_small / 1024:.0f} MiB",
            f"{rss_all / rss_small:.2f}",
            "<= 1.20",
        )
    )
    newscorp = [sys.executable, "-m", "newscorp"]
    query = [*newscorp, "quotes", "--db", str(tmp / "all.db"), "--speaker", "Kurz", everything]
    first = wall(query)  # builds and keeps the finished tables of this run
    cached = min(wall(query) for _ in range(3))
    rows.append(("first quotes --speaker after analyze", f"{first:.2f} s", f"{first:.2f}", "-"))
    rows.append(("cached quotes --speaker", f"{cached:.2f} s", f"{cached:.2f}", "<= 0.50 s"))
    help_time = min(wall([*newscorp, "--help"]) for _ in range(3))
    rows.append(("newscorp --help", f"{help_time:.2f} s", f"{help_time:.2f}", "<= 0.30 s"))

    header = ("measure", "measured", "ratio / value", "target")
    lines = [
        f"Corpus: {len(files)} documents, {words:,} words ({args.folder}); machine: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; pipeline "
        f"{nlp.meta.get('name')} {nlp.meta.get('version')}.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    print("\n".join(lines))
    if not args.no_write:
        out = ROOT / "docs" / "benchmarks.md"
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        notes = old[old.index(NOTES) :] if NOTES in old else ""  # hand-written: kept
        out.write_text(
            "# Benchmarks\n\nWritten by `python benchmarks/scale.py` "
            f"({time.strftime('%Y-%m-%d')}).\n\n"
            + "\n".join(lines)
            + "\n"
            + ("\n" + notes if notes else ""),
            encoding="utf-8",
        )
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
