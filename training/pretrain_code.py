"""`spacy pretrain --code` helper: load the floret vectors right after the pipeline is created.

`spacy pretrain` builds the pipeline from its config without running [initialize], so the
static vectors that the NER tok2vec reads (include_static_vectors = true) would be missing.
"""

from __future__ import annotations

from spacy.training.initialize import load_vectors_into_model
from spacy.util import registry


@registry.callbacks("newscorp.load_vectors.v1")
def make_load_vectors(path: str):
    """Return an after_creation callback that copies the vectors at ``path`` into the vocab."""

    def load_vectors(nlp):
        load_vectors_into_model(nlp, path)
        return nlp

    return load_vectors
