"""newscorp: entities, quotes with speakers, and sentiment from German news corpora."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "Corpus", "__version__"]

if TYPE_CHECKING:
    from newscorp.analysis import Corpus


def analyze(paths: Any = None, model: str | None = None, **options: Any) -> Corpus:
    """Analyse files or directories and return a :class:`Corpus` of pandas tables."""
    from newscorp.analysis import Corpus

    return Corpus(paths, model=model, **options)


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from newscorp.analysis import Corpus

        return Corpus
    raise AttributeError(name)
