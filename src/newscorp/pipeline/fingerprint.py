"""A short fingerprint of everything that changes analysis output, without importing spaCy.

It covers the model (name, version, the bytes of its meta.json), the spaCy and newscorp
versions, the bytes of newscorp's own code and data files, and output-changing options. A
stored analysis is reused only under the same fingerprint.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from newscorp import __version__

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def fingerprint(model: str, options: dict[str, str] | None = None) -> str:
    """Hex digest (16 chars) of model identity, versions, newscorp's files and options."""
    parts = {
        "model": model_identity(model),
        "spacy": _version("spacy"),
        "newscorp": __version__,
        "code": code_digest(),
        "options": dict(sorted((options or {}).items())),
    }
    blob = json.dumps(parts, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def model_identity(model: str) -> str:
    """Name, version and meta.json digest of a pipeline given by path or package name."""
    meta = _meta_file(model)
    if meta is None:
        return f"{model}@{_version(model)}"
    data = meta.read_bytes()
    try:
        info = json.loads(data)
    except ValueError:
        info = {}
    digest = hashlib.sha256(data).hexdigest()[:12]
    return f"{info.get('lang', '?')}_{info.get('name', '?')}@{info.get('version', '?')}:{digest}"


def _meta_file(model: str) -> Path | None:
    path = Path(model)
    if (path / "meta.json").is_file():
        return path / "meta.json"
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).glob("*/meta.json")) + sorted(
            Path(location).glob("meta.json")
        )
        if found:
            return found[0]
    return None


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of newscorp's Python and data files (the bundled model is covered by its meta)."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE_DIR.rglob("*.py")) + sorted((PACKAGE_DIR / "data").glob("*"))
    for path in files:
        if "models" in path.relative_to(PACKAGE_DIR).parts or not path.is_file():
            continue
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
