"""Write src/newscorp/data/plain_nouns.txt.gz: inflected forms of German common nouns that
Wiktionary never lists as a name.

Source: the german-nouns package (Gregor Weichbrodt, compiled from de.wiktionary.org, CC BY-SA
4.0; ``pip download german-nouns --no-deps`` and unzip, or ``pip install german-nouns``; only
needed to rebuild the file, not at run time). A form qualifies when it is a single word of a
lemma tagged only as a noun ("Brötchen", "Promis", "Drüsen") and no lemma tagged as a surname,
first name, place, proper name, street name or abbreviation has it ("Müller", "Fischer" and
"Köln" stay out). The entity rules use it to drop one-word persons and places that are plain
nouns.

Usage: python training/wiktionary_nouns.py [PATH/TO/nouns.csv]
"""

from __future__ import annotations

import csv
import gzip
import sys
from importlib import resources
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "src" / "newscorp" / "data" / "plain_nouns.txt.gz"
NAME_TAGS = frozenset(
    {"Nachname", "Vorname", "Toponym", "Eigenname", "Straßenname", "Abkürzung", "Buchstabe"}
)
NOT_FORMS = frozenset({"lemma", "pos"})
HEADER = (
    "# Single-word forms of German nouns that Wiktionary lists only as common nouns.\n"
    "# Derived from german-nouns 1.2.5 (Gregor Weichbrodt, https://github.com/gambolputty/\n"
    "# german-nouns), compiled from de.wiktionary.org; CC BY-SA 4.0, and so is this list.\n"
    "# Rebuilt by training/wiktionary_nouns.py.\n"
)


def source() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(str(resources.files("german_nouns").joinpath("nouns.csv")))


def forms(row: dict[str, str]) -> set[str]:
    """The single-word forms of one row (lemma and every inflection column)."""
    values = [v for k, v in row.items() if k not in NOT_FORMS and not k.startswith("genus")]
    values.append(row["lemma"])
    return {v.strip() for v in values if v and v.strip() and " " not in v.strip()}


def main() -> None:
    plain: set[str] = set()
    named: set[str] = set()
    with source().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tags = set(row["pos"].split(","))
            (named if tags & NAME_TAGS else plain).update(forms(row))
    words = sorted(w for w in plain - named if w[:1].isupper() and w.isalpha())
    body = HEADER + "".join(f"{w}\n" for w in words)
    # mtime=0: the same input gives the same bytes
    TARGET.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    print(f"{TARGET}: {len(words)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
