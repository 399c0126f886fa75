"""Find, read, decode and clean the input articles of a corpus."""

from newscorp.corpus.boilerplate import (
    BoilerplatePatterns,
    RepeatedLines,
    blank_spans,
    default_patterns,
)
from newscorp.corpus.decode import decode_bytes
from newscorp.corpus.discover import discover
from newscorp.corpus.loader import build_document, load_documents, read_bytes
from newscorp.corpus.metadata import Metadata, extract_metadata

__all__ = [
    "BoilerplatePatterns",
    "Metadata",
    "RepeatedLines",
    "blank_spans",
    "build_document",
    "decode_bytes",
    "default_patterns",
    "discover",
    "extract_metadata",
    "load_documents",
    "read_bytes",
]
