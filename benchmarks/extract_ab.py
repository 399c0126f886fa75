"""Extraction CPU time of two source trees, paired: which of two versions of newscorp extracts
faster, without parsing again.

Usage: python benchmarks/extract_ab.py OLD_SRC NEW_SRC [-n N] [--rounds R]
(e.g. OLD_SRC a ``git worktree`` or ``git archive`` of the old commit, its ``src`` folder)

Parses the first N documents (default 200) of ../shared/data/10kgnad-test/corpus once and keeps
them as a DocBin in the temp folder (shared with ``rows.py``). Each round starts one worker
process per tree (``PYTHONPATH=<tree>``); each worker analyses one document (word lists load),
then, on command, runs ``engine.analyse_parsed_all`` over all documents in analyze's chunks of
32 with the token index: the first pass with cold word caches (what ``overhead.py`` measures),
then two warm passes. The two workers take turns, the first of them alternating from round to
round, so both see the same load; the script prints per-round cold ratios (new / old) and the
medians. Times are ``time.process_time`` of the worker over a whole pass: per-call timers
distort (on this VM a ``process_time`` call costs tens of microseconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rows import parsed_documents  # benchmarks/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad-test" / "corpus"


def worker(n: int) -> None:
    """Analyse all documents each time a line arrives on stdin; print the CPU seconds."""
    from newscorp import engine

    docs, documents = parsed_documents(DEFAULT, n)
    engine.analyse_parsed_all([(docs[0], documents[0])], True)
    print("ready", flush=True)
    for _ in sys.stdin:
        start = time.process_time()
        for k in range(0, len(docs), 32):
            chunk = zip(docs[k : k + 32], documents[k : k + 32], strict=True)
            engine.analyse_parsed_all(chunk, True)
        print(f"{time.process_time() - start:.4f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.n)
        return
    trees = {"old": args.old, "new": args.new}
    cold: dict[str, list[float]] = {"old": [], "new": []}
    warm: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(args.rounds):
        procs = {}
        for name, src in trees.items():
            env = dict(os.environ, PYTHONPATH=src, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
            procs[name] = subprocess.Popen(
                [sys.executable, __file__, src, src, "-n", str(args.n), "--worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            # one at a time: the first one parses and caches the documents when needed
            proc = procs[name]
            if proc.stdout is None or proc.stdout.readline().strip() != "ready":
                sys.exit("a worker failed to start")
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        for rep in range(3):
            for name in order:
                proc = procs[name]
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write("go\n")
                proc.stdin.flush()
                (cold if rep == 0 else warm)[name].append(float(proc.stdout.readline()))
        for proc in procs.values():
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait()
    ratios = [b / a for a, b in zip(cold["old"], cold["new"], strict=True)]
    for name in ("old", "new"):
        print(
            f"{name}: cold {' '.join(f'{x:.2f}' for x in cold[name])} s"
            f" (median {statistics.median(cold[name]):.2f}),"
            f" warm median {statistics.median(warm[name]):.2f} s"
        )
    print(
        f"new / old: cold per round {' '.join(f'{x:.3f}' for x in ratios)},"
        f" median {statistics.median(ratios):.3f};"
        f" warm medians {statistics.median(warm['new']) / statistics.median(warm['old']):.3f}"
    )


if __name__ == "__main__":
    main()
