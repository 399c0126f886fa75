#!/usr/bin/env bash
# Rebuild src/newscorp/models/de_newscorp_news from ../shared/data (about 2 hours, 2 cores).
set -euo pipefail
cd "$(dirname "$0")"
DATA="${1:-../../shared/data}"
python prepare.py "$DATA"
python train_vectors.py
python -m spacy init vectors de corpus/vectors.floret corpus/vectors_model --mode floret
mkdir -p corpus/ner_train runs
for f in germeval_train smartdata europeana legal; do ln -sf "../$f.spacy" "corpus/ner_train/$f.spacy"; done
ln -sf ../germeval_train.spacy corpus/ner_train/germeval_train_copy2.spacy
ln -sf ../germeval_train.spacy corpus/ner_train/germeval_train_copy3.spacy
export OMP_NUM_THREADS=1
python -m spacy train configs/ud.cfg --output runs/ud > runs/ud.log 2>&1 &
python -m spacy train configs/ner.cfg --output runs/ner > runs/ner.log 2>&1
wait
python assemble.py runs/ud/model-best runs/ner/model-best
