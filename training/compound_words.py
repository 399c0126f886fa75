"""Build src/newscorp/data/de_words.txt.gz: lowercase German base and inflected word forms.

The sentiment compound fallback accepts a split only when the modifier is a known word
("Sommer|kleid" yes, "Sommerk|leid" no). The words are the lemma values of
spacy-lookups-data's German lemma table (package licence MIT, ExplosionAI GmbH), alphabetic,
3-15 letters, lowercased, sorted, gzip'd without a timestamp. Run:

    pip install spacy-lookups-data==1.0.5
    python training/compound_words.py
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newscorp" / "data" / "de_words.txt.gz"
HEADER = (
    "# Lowercase German words (3-15 letters): the lemma values of spacy-lookups-data 1.0.5,\n"
    "# de_lemma_lookup.json (MIT licence, ExplosionAI GmbH). Built by\n"
    "# training/compound_words.py; used by the sentiment compound fallback.\n"
)


def main() -> None:
    table = resources.files("spacy_lookups_data").joinpath("data", "de_lemma_lookup.json.gz")
    with table.open("rb") as raw:
        lemmas = json.loads(gzip.decompress(raw.read()))
    words = sorted({v.lower() for v in lemmas.values() if v.isalpha() and 3 <= len(v) <= 15})
    data = (HEADER + "\n".join(words) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
