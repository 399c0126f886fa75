#!/usr/bin/env bash
# Rebuild src/newscorp/models/de_newscorp_news from ../shared/data (about 2 hours, 2 cores).
set -euo pipefail
cd "$(dirname "$0")"
DATA="${1:-../../shared/data}"
python prepare.py "$DATA"
python train_vectors.py
python -m spacy init vectors de corpus/vectors.floret corpus/vectors_model --mode floret
rm -rf corpus/ner_train && mkdir -p corpus/ner_train runs
for f in smartdata europeana legal; do ln -sf "../$f.spacy" "corpus/ner_train/$f.spacy"; done
for i in 1 2 3 4 5; do ln -sf ../germeval_train.spacy "corpus/ner_train/germeval_train_copy$i.spacy"; done
export OMP_NUM_THREADS=1
# UD (about 15 minutes on one core): the recipe of run ud10 (3,000 steps, dropout 0.3, whose
# model-best was its step 3,000) on the training part and the training dev set together
# (run ud13); the dev set's scores in the log are therefore not held out: model-last ships
python -m spacy train configs/ud.cfg --output runs/ud --training.max_steps 3000 \
    --paths.train corpus/ud_train_all.spacy --paths.dev corpus/ud_train_dev.spacy > runs/ud.log 2>&1 &
# NER (about 15 minutes on one core). Optional, not used for the shipped weights (no gain
# measured, and its text is CC BY-NC-SA): initialise the NER tok2vec by `spacy pretrain`,
#   python pretrain_text.py "$DATA"
#   python -m spacy pretrain configs/ner_pretrain.cfg runs/pretrain --code pretrain_code.py
#   ... and add --paths.init_tok2vec runs/pretrain/model-last.bin below.
python -m spacy train configs/ner.cfg --output runs/ner > runs/ner.log 2>&1
# Two more NER models vote with it (session 24; training/README.md, "NER, ninth round"):
# a smaller one (tok2vec width 64, half the hash rows) that also learns STTS tags from the UD
# training part (about 15 minutes), and, once the UD part is trained, a NER on its frozen
# tok2vec (about 5 minutes). They ship disabled; newscorp's entity vote runs them.
rm -rf corpus/ner_train_mt && mkdir -p corpus/ner_train_mt
for f in smartdata europeana legal; do ln -sf "../$f.spacy" "corpus/ner_train_mt/$f.spacy"; done
for i in 1 2 3 4 5; do ln -sf ../germeval_train.spacy "corpus/ner_train_mt/germeval_train_copy$i.spacy"; done
for i in 1 2; do ln -sf ../ud_train_all.spacy "corpus/ner_train_mt/ud_copy$i.spacy"; done
python -m spacy train configs/ner_voter.cfg --output runs/ner_voter --system.seed 0 \
    > runs/ner_voter.log 2>&1 &
wait
python -m spacy train configs/ner_head.cfg --output runs/ner_head --paths.ud_part runs/ud/model-last \
    > runs/ner_head.log 2>&1
python assemble.py runs/ud/model-last runs/ner/model-best ../src/newscorp/models/de_newscorp_news \
    runs/ner_voter/model-best runs/ner_head/model-best
