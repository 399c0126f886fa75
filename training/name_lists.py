"""Build newscorp/data first_names.txt, nonnames.txt, name_tails.txt, name_labels.tsv and
label_tails.tsv.

- first names: Faker's first names for 18 European/US locales (MIT licence; pip install
  faker to rebuild) not used mostly outside entities, and the first word of two- or
  three-word PER spans ("Kerstin Holm") at least twice, and seen as a PER span's first word
  at least as often as capitalised outside any entity.
- known names: entity strings labelled the same in 80% of their uses (twice or more), and as
  one word not used mostly outside names ("Polizei" and "Unternehmen" are not names; for
  MISC only GermEval's own uses count, the other corpora do not annotate MISC: "Euro").
- label tails: last words of multi-word names with one label in 90% of 3+ uses ("GmbH").
- name tails: last words of multi-word non-person names, never in a person's name.
- non-names: capitalised words seen mid-sentence outside entities at least 3 times and at
  least 8 times as often as inside an entity ("Natur", "Wasser", "Konzern").

Sources (training/corpus DocBins written by prepare.py, and the raw Legal NER files):
GermEval 2014 training part (CC BY 4.0; the held-out i % 5 == 4 part is never read),
DFKI SmartData v1 (CC BY 4.0), Europeana Newspapers NER German (CC0), German Legal NER
(CC BY 4.0), UD German GSD test/PUD nouns (CC BY-SA). No non-commercial data.

Usage: python training/name_lists.py [PATH/TO/shared/data]
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "data"
CORPUS = HERE / "corpus"
OUT = HERE.parent / "src" / "newscorp" / "data"
NER_BINS = ("germeval_train", "smartdata", "europeana", "legal")
# Legal NER fine types that are names of people, places, organisations
LEGAL_NAMES = {"PER", "RR", "AN", "LD", "ST", "STR", "LDS", "ORG", "UN", "INN", "GRT"}


def capitalised(word: str) -> bool:
    return len(word) > 1 and word[:1].isupper() and word[1:].islower() and word.isalpha()


def count(
    first: Counter,
    inside: Counter,
    outside: Counter,
    tails: Counter | None = None,
    labels: dict[str, Counter] | None = None,
) -> None:
    nlp = spacy.blank("de")
    for name in NER_BINS:
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab):
            for ent in doc.ents:
                if labels is not None:
                    labels.setdefault(ent.text, Counter())[ent.label_] += 1
                for tok in ent:
                    inside[tok.text] += 1
                    if tails is not None and ent.label_ == "PER":
                        tails[("PER", tok.text)] += 1
                if tails is not None and len(ent) > 1:
                    tails[("LAST", ent.label_, ent[-1].text)] += 1
                    if ent.label_ != "PER":
                        tails[("OTHER", ent[-1].text)] += 1
                if ent.label_ == "PER" and 2 <= len(ent) <= 3 and capitalised(ent[0].text):
                    if all(capitalised(t.text) or t.text in {"-", "von", "van", "de"} for t in ent):
                        first[ent[0].text] += 1
            if name == "germeval_train":  # fully annotated: O is really outside
                for tok in doc[1:]:
                    if tok.ent_iob_ == "O" and not doc[tok.i - 1].is_punct:
                        outside[tok.text] += 1
                        if labels is not None:  # only GermEval annotates MISC
                            labels.setdefault(tok.text, Counter())["O"] += 1
    for doc in DocBin().from_disk(CORPUS / "ud_train.spacy").get_docs(nlp.vocab):
        for tok in doc:
            if tok.pos_ == "NOUN" and tok.i > 0 and not doc[tok.i - 1].is_punct:
                outside[tok.text] += 1
    for path in sorted((DATA / "legal-ner-de" / "per-court").glob("*.conll.gz")):
        prev = "."
        for line in gzip.open(path, "rt", encoding="utf-8"):
            line = line.rstrip("\r\n")
            if not line.strip():
                prev = "."
                continue
            word, tag = line.rsplit(" ", 1)
            if tag == "O" and prev.isalnum():
                outside[word] += 1
            elif tag != "O" and tag[2:] in LEGAL_NAMES:
                inside[word] += 1
            prev = word


FAKER_LOCALES = (
    "de_DE de_AT de_CH en_US en_GB fr_FR it_IT es_ES pl_PL nl_NL tr_TR cs_CZ sv_SE pt_PT "
    "da_DK hr_HR ro_RO hu_HU"
).split()


def faker_names(kinds: tuple[str, ...]) -> set[str]:
    """Names of Faker's person providers (MIT licence) under the attributes ``kinds``
    ("first_names", "last_names_female" ...), if Faker is installed."""
    import importlib

    names: set[str] = set()
    for locale in FAKER_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in kinds:
            found = getattr(provider, attr, ())
            names.update(found.keys() if isinstance(found, dict) else found)
    return names


def faker_first_names() -> set[str]:
    """First names of Faker's person providers (MIT licence), if Faker is installed."""
    return faker_names(("first_names", "first_names_male", "first_names_female"))


HEADER_SOURCES = (
    "# the German Legal NER corpus (CC BY 4.0), DFKI SmartData v1 (CC BY 4.0), Europeana\n"
    "# Newspapers NER German (CC0) and UD German GSD/PUD (CC BY-SA 4.0). One word a line.\n"
)


def write_list(name: str, description: str, lines: Iterable[str]) -> None:
    """Write a word list into the package data with its provenance header."""
    header = (
        f"# {description}\n"
        "# Built by training/name_lists.py from the GermEval 2014 training part and\n"
    )
    body = "\n".join(lines)
    (OUT / name).write_text(header + HEADER_SOURCES + body + "\n", encoding="utf-8")


def main() -> None:
    first: Counter = Counter()
    inside: Counter = Counter()
    outside: Counter = Counter()
    tails: Counter = Counter()
    labels: dict[str, Counter] = {}
    count(first, inside, outside, tails, labels)
    names = {w for w, n in first.items() if n >= 2 and n >= outside[w]}
    for name in faker_first_names():
        if len(name) > 2 and capitalised(name) and outside[name] <= inside[name]:
            names.add(name)
    names = sorted(names)
    nouns = sorted(
        w
        for w, n in outside.items()
        if capitalised(w) and len(w) > 2 and n >= 3 and n >= 8 * inside[w] and w not in first
    )
    write_list(
        "first_names.txt",
        "First names: Faker's person providers (MIT, joke2k/faker) and first words of\n"
        "# person names in annotated corpora, less words used mostly outside names.\n#",
        names,
    )
    write_list("nonnames.txt", "Capitalised words used mostly outside names (8:1 or more).", nouns)
    heads = sorted(
        key[1]
        for key, n in tails.items()
        if key[0] == "OTHER" and n >= 2 and not tails["PER", key[1]]
    )
    last: dict[str, Counter] = {}
    for key, n in tails.items():
        if key[0] == "LAST":
            last.setdefault(key[2], Counter())[key[1]] += n
    label_tails = []
    for word, by_label in sorted(last.items()):
        label, top = by_label.most_common(1)[0]
        if top >= 3 and top >= 0.9 * sum(by_label.values()) and word[:1].isupper():
            label_tails.append(f"{label}\t{word}")
    write_list(
        "label_tails.tsv",
        "Last words of multi-word names with one label in 90% of 3+ uses (GmbH, Straße):\n"
        "# LABEL<TAB>word.",
        label_tails,
    )
    write_list(
        "name_tails.txt",
        "Last words of multi-word place, organisation or other names, never in a person's\n"
        "# name (Band, Institut, Straße): a first name before them does not make a person.",
        [w for w in heads if w[:1].isupper()],
    )
    known = []
    for text, by_label in sorted(labels.items()):
        if not by_label.keys() - {"O"}:
            continue
        label, top = (by_label - Counter(O=by_label["O"])).most_common(1)[0]
        n = sum(by_label.values())  # GermEval's O uses count against every label
        if (
            n >= 2
            and top >= 0.8 * (n + (0 if label == "MISC" else outside[text]))
            and text[:1].isupper()
            and text[-1:].isalnum()
            and "\t" not in text
        ):
            known.append(f"{label}\t{text}")
    write_list(
        "name_labels.tsv",
        "Names that annotated corpora label consistently (80% of uses, twice or more;\n"
        "# as a word, mostly inside names): LABEL<TAB>name.",
        known,
    )
    print(f"known names {len(known)}", file=sys.stderr)
    print(f"first names {len(names)}, non-names {len(nouns)}", file=sys.stderr)


if __name__ == "__main__":
    main()
