"""The newscorp command line (Click). Importing it does not import spaCy."""

from __future__ import annotations

from newscorp.cli import analyze, commands, evaluate, views  # noqa: F401  (registers the commands)
from newscorp.cli.main import cli


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="newscorp")


__all__ = ["cli", "main"]
