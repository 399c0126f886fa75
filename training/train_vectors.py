"""Train small floret (subword) vectors on training/corpus/vectors_text.txt."""

import sys
from pathlib import Path

import floret

HERE = Path(__file__).resolve().parent
out = HERE / "corpus" / "vectors"
model = floret.train_unsupervised(
    str(HERE / "corpus" / "vectors_text.txt"),
    model="cbow",
    mode="floret",
    hashCount=2,
    bucket=20000,
    minn=3,
    maxn=5,
    minCount=3,
    dim=96,
    epoch=10,
    thread=2,
    verbose=0,
)
model.save_floret_vectors(str(out) + ".floret")
print("vectors written", out, file=sys.stderr)
