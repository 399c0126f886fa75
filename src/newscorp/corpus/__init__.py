"""Find, read, decode and clean the input articles of a corpus.

Names are imported on first use, so that finding files (``discover``) does not load the
encoding detector.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "BoilerplatePatterns": "boilerplate",
    "RepeatedLines": "boilerplate",
    "blank_spans": "boilerplate",
    "default_patterns": "boilerplate",
    "decode_bytes": "decode",
    "discover": "discover",
    "html_to_text": "html",
    "looks_like_html": "html",
    "build_document": "loader",
    "decode_text": "loader",
    "load_documents": "loader",
    "read_bytes": "loader",
    "Metadata": "metadata",
    "extract_metadata": "metadata",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
