"""Bare ``nlp.pipe`` CPU time of two code versions, alternating on the same chunks.

Usage: python benchmarks/versions.py OLD_SRC NEW_SRC [DIR] [-n N] [--batch-old B] [--batch-new B]
(OLD_SRC, NEW_SRC: ``src`` folders, e.g. of ``git archive <commit> src | tar -x -C /tmp/old``;
default DIR ../shared/data/10kgnad-test/corpus, all files)

Two worker processes, one per version (``PYTHONPATH``), load the pipeline and then parse the
same chunks of 32 documents in turn (which goes first alternates), so that both see the
same load of this shared machine; each reports ``time.process_time`` of its parsing, first
use of the rule layers' word lists included (as in ``scale.py``). Prints words/s of each
and the new/old CPU ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "10kgnad-test" / "corpus"
CHUNK = 32

WORKER = """
import json, sys, time
from pathlib import Path
from newscorp.corpus import load_documents
from newscorp.pipeline.resolve import load_pipeline, resolve_model
files = sorted(str(p) for p in Path(sys.argv[1]).rglob("*.txt"))
limit, batch = int(sys.argv[2]), int(sys.argv[3])
documents = list(load_documents(files[:limit] if limit else files))
texts = [d.nlp_text for d in documents]
nlp = load_pipeline(resolve_model(None).name)
print(json.dumps([len(texts), sum(d.words for d in documents)]), flush=True)
for line in sys.stdin:
    start, end = map(int, line.split())
    cpu = time.process_time()
    for _ in nlp.pipe(texts[start:end], batch_size=batch):
        pass
    print(json.dumps(time.process_time() - cpu), flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("-n", type=int, default=0)
    parser.add_argument("--batch-old", type=int, default=16)
    parser.add_argument("--batch-new", type=int, default=16)
    args = parser.parse_args()

    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    workers = {
        name: subprocess.Popen(
            [sys.executable, "-c", WORKER, args.folder, str(args.n), str(batch)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(env, PYTHONPATH=str(Path(src).resolve())),
        )
        for name, src, batch in (
            ("old", args.old, args.batch_old),
            ("new", args.new, args.batch_new),
        )
    }
    sizes = [json.loads(w.stdout.readline()) for w in workers.values()]  # type: ignore[union-attr]
    docs, words = sizes[0]
    cpu = dict.fromkeys(workers, 0.0)
    for k, start in enumerate(range(0, docs, CHUNK)):
        order = list(workers) if k % 2 == 0 else list(workers)[::-1]
        for name in order:
            worker = workers[name]
            worker.stdin.write(f"{start} {start + CHUNK}\n")  # type: ignore[union-attr]
            worker.stdin.flush()  # type: ignore[union-attr]
            cpu[name] += json.loads(worker.stdout.readline())  # type: ignore[union-attr]
    for worker in workers.values():
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    print(f"documents {docs}, words {words}")
    for name, seconds in cpu.items():
        print(f"{name}: {seconds:.1f} s CPU, {words / seconds:,.0f} words/s")
    print(f"new/old CPU ratio {cpu['new'] / cpu['old']:.3f}")


if __name__ == "__main__":
    main()
