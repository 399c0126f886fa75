"""Write src/newscorp/data/de_lemmas.tsv.gz, the lemma table of newscorp's lemma repair
layer, from spacy-lookups-data's German lookup table (``pip install spacy-lookups-data``;
only needed to rebuild the file, not at run time). Forms equal to their lemma are dropped."""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "src" / "newscorp" / "data" / "de_lemmas.tsv.gz"
HEADER = (
    "# German form -> lemma, from spacy-lookups-data 1.0.5 (MIT), de_lemma_lookup.json;\n"
    "# upstream: Michal Měchura's lemmatization lists (Open Database License 1.0) with\n"
    "# Wiktionary corrections. This table is distributed under ODbL 1.0.\n"
)


def main() -> None:
    src = resources.files("spacy_lookups_data").joinpath("data/de_lemma_lookup.json.gz")
    table = json.loads(gzip.decompress(src.read_bytes()))
    rows = sorted(
        (form, lemma)
        for form, lemma in table.items()
        if form != lemma and "\t" not in form + lemma and "\n" not in form + lemma
    )
    body = HEADER + "".join(f"{f}\t{lem}\n" for f, lem in rows)
    # mtime=0: the same input gives the same bytes
    TARGET.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{TARGET.name}: {len(rows)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
