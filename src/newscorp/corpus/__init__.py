"""Find, read, decode and clean the input articles of a corpus."""

from newscorp.corpus.boilerplate import (
    BoilerplatePatterns,
    RepeatedLines,
    blank_spans,
    default_patterns,
)
from newscorp.corpus.decode import decode_bytes
from newscorp.corpus.discover import discover
from newscorp.corpus.html import html_to_text, looks_like_html
from newscorp.corpus.loader import (
    build_document,
    decode_text,
    load_documents,
    read_bytes,
)
from newscorp.corpus.metadata import Metadata, extract_metadata

__all__ = [
    "BoilerplatePatterns",
    "Metadata",
    "RepeatedLines",
    "blank_spans",
    "build_document",
    "decode_bytes",
    "decode_text",
    "default_patterns",
    "discover",
    "extract_metadata",
    "html_to_text",
    "load_documents",
    "looks_like_html",
    "read_bytes",
]
