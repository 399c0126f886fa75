"""Word lists from ``newscorp/data``: read once, cached, documented in each file's header."""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file shipped in newscorp/data (gzip-compressed
    when ``name`` ends in ".gz")."""
    path = resources.files("newscorp").joinpath("data").joinpath(name)
    if name.endswith(".gz"):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [s for ln in text.splitlines() if (s := ln.strip()) and not ln.startswith("#")]


@cache
def words_by_kind(name: str) -> dict[str, frozenset[str]]:
    """A data file of "KIND WORD" lines as {kind: words} (cues.txt, konjunktiv.txt)."""
    kinds: dict[str, set[str]] = {}
    for line in data_lines(name):
        kind, word = line.split(" ", 1)
        kinds.setdefault(kind, set()).add(word)
    return {k: frozenset(v) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lowercase role and title words (roles.txt)."""
    return frozenset(data_lines("roles.txt"))


@cache
def common_nouns() -> frozenset[str]:
    """Capitalised words that annotated corpora use as common nouns, never as names."""
    return frozenset(data_lines("common_nouns.txt"))


@cache
def plain_nouns() -> frozenset[str]:
    """Forms of nouns that Wiktionary lists only as common nouns, never as names
    (plain_nouns.txt.gz: "Brötchen", "Promis"; not "Fischer", "Köln")."""
    return frozenset(data_lines("plain_nouns.txt.gz"))


@cache
def de_words() -> frozenset[str]:
    """Lowercase German words (de_words.txt.gz, lemma values of spacy-lookups-data)."""
    return frozenset(data_lines("de_words.txt.gz"))


@cache
def known_words() -> frozenset[str]:
    """Lowercase German words: de_words.txt.gz and the capitalised words annotated corpora
    use outside names (common_nouns.txt, nonnames.txt: "chemie", "konzern")."""
    outside = common_nouns() | frozenset(data_lines("nonnames.txt"))
    return de_words() | {w.lower() for w in outside}


@lru_cache(maxsize=1 << 16)
def compound_head(word: str) -> str | None:
    """The longest head of a compound of known words, lowercase: "Chemiekonzern" ->
    "konzern", "Traditionsverein" -> "verein" (a head of four letters or more after a
    modifier of three or more, with or without a linking "s"); after a hyphen the last part
    when it is a word ("Diakonie-Spendenkonto" -> "spendenkonto"). None for other words.
    Known words: :func:`known_words`."""
    if len(word) < 6 or not word[:1].isupper():
        return None
    words = known_words()
    low = word.lower()
    if "-" in low:
        low = low.rsplit("-", 1)[1]
        if low in words:
            return low
    if not low.isalpha():
        return None
    for k in range(3, len(low) - 3):
        if low[k:] in words and (
            low[:k] in words or low[k - 1] == "s" and low[: k - 1] in words or len(low) - k >= 6
        ):
            return low[k:]
    return None


def compound_noun(word: str) -> bool:
    """A capitalised one-word compound of two known words ("Chemiekonzern")."""
    return "-" not in word and len(word) >= 8 and compound_head(word) is not None


def genitive_forms(word: str) -> list[str]:
    """``word`` and the word without a genitive "s" or "es" ("pokals" -> "pokal")."""
    return [word] + [word[: -len(end)] for end in ("s", "es") if word.endswith(end)]


@lru_cache(maxsize=1 << 16)
def cue_key(word: str) -> str | None:
    """The lowercase head of a known capitalised word or compound, without a genitive
    ending ("Technologie-Konzerns" -> "konzern", "Bankhaus" -> "haus"), the key of
    label_cues.tsv; None for other words."""
    part = word.rsplit("-", 1)[-1]
    if len(part) < 3 or not part[:1].isupper() or not part.isalpha():
        return None
    forms = genitive_forms(part)
    for form in forms:
        if form.lower() in known_words():
            return form.lower()
        head = compound_head(form)
        if head is not None:
            return head
    return None


@cache
def label_cues() -> dict[str, str]:
    """Cue -> label of the name after it (label_cues.tsv: "firma" ORG, "stadt" LOC),
    :data:`NATURE_CUES`, :data:`PLACE_CUES` and :data:`INSTITUTION_CUES`."""
    pairs = (line.split("\t") for line in data_lines("label_cues.tsv"))
    return {
        **dict.fromkeys(NATURE_CUES, "LOC"),
        **dict.fromkeys(INSTITUTION_CUES, "ORG"),
        **dict.fromkeys(PLACE_CUES, "LOC"),
        **{cue: label for label, cue in pairs},
    }


NATURE_CUES = frozenset(
    "fluss flusses berg berges gebirge gebirges halbinsel vulkan vulkans gletscher gletschers "
    "bucht meerenge wüste nebenfluss nebenflusses stausee".split()
)
"""Words for natural places before their names, too rare in the annotated corpora for
label_cues.tsv ("der Fluss Litani", "der Vulkan Eyjafjallajökull")."""
PLACE_CUES = frozenset(
    "stadtteil stadtteils ortsteil ortsteils stadtbezirk stadtbezirks vorort vororts "
    "kraftwerk kraftwerks reaktor reaktors enklave exklave stützpunkt stützpunkts".split()
)
"""Words for parts of towns before their names ("im Londoner Stadtteil Stockwell"), for
plants named after their place, which GermEval marks as places ("im Atomkraftwerk
Krümmel"), and for enclaves and bases ("der Enklave Kaliningrad", "dem
Luftwaffenstützpunkt Mihail Kogalniceanu")."""
INSTITUTION_CUES = frozenset(
    "kanzlei institut instituts verlag verlags klinik stiftung brauerei zeitschrift magazin "
    "magazins behörde organisation airline verein vereins label bankhaus klub klubs club "
    "clubs".split()
)
"""Words for institutions before their names, too rare in the annotated corpora for
label_cues.tsv ("die Anwaltskanzlei Lansky", "des Wirtschaftsforschungsinstituts Wifo",
"für den kasachischen Klub Schachtjor Karagandy")."""


@cache
def entity_heads(at_least: int = 1) -> frozenset[str]:
    """Heads of compounds that annotated corpora label as names ("heim": "Mannheim";
    "partei": "Linkspartei") in ``at_least`` name words (entity_heads.txt)."""
    pairs = (line.split("\t") for line in data_lines("entity_heads.txt"))
    return frozenset(head for head, n in pairs if int(n) >= at_least)


@lru_cache(maxsize=1)
def _long_roles() -> frozenset[str]:
    """Role words of six letters or more: compound heads ("bundesaußenminister")."""
    return frozenset(r for r in role_words() if len(r) >= 6)


# lowercase particles inside names: "Giacomo della Porta", "Ursula von der Leyen"
ARABIC_ARTICLES = ("al-", "el-", "as-", "ad-", "ar-", "at-", "az-", "an-")
"""The Arabic article and its assimilated forms before a surname ("el-Baradei")."""

PARTICLES = frozenset("von van vom de del della di da dos du bin ibn ten".split())
# the same written capitalised inside a name: "Alexander Van der Bellen", "Luigi Di Maio",
# "Marine Le Pen" (not at a name's start, where "Von"/"De" open sentences)
CAPITAL_PARTICLES = frozenset("Van Von De Di Da Du Del Della Dos Le La".split())

NOUN_ENDINGS = ("en", "n", "es", "s")
"""What a case or number ending adds to a noun ("Regierungen", "Präsidenten", "Anwalts")."""


SHORT_ROLE_HEADS = ("chef", "boss", "star")
"""Role words under six letters that end compounds only as roles (other short role words,
"rat", "wirt", would match "Vorrat", "Landwirt" no less than "Stadtrat")."""


def _last_umlaut_undone(word: str) -> str:
    """``word`` with its last umlaut written without dots ("stadträt" -> "stadtrat")."""
    for k in range(len(word) - 1, -1, -1):
        if word[k] in "äöü":
            return word[:k] + "aou"["äöü".index(word[k])] + word[k + 1 :]
    return word


def _umlaut_plural_singular(word: str) -> tuple[str, ...]:
    """The singular of a plural in umlaut + e ("bischöfe" -> "bischof", "päpste"); not
    "söhne", which ends firms' names ("Müller & Söhne")."""
    if not word.endswith("e") or word == "söhne" or not any(c in "äöü" for c in word):
        return ()
    return (_last_umlaut_undone(word[:-1]),)


MEDIA_HEADS = ("blatt", "magazin", "zeitung", "zeitschrift", "illustrierte", "agentur", "portal")
"""Heads of words for kinds of media ("Fachblatt", "Tageszeitung", "Nachrichtenagentur",
"Onlineportal"), lowercase."""
COMPOUND_MEDIA_HEADS = ("sender",)
"""Heads that name a kind of medium only in a compound ("im Nachrichtensender Skai",
"Privatsender"; not "Sender Freies Berlin")."""
BODY_HEADS = (
    tuple(
        "airline amt anbieter armee ausschuss bank behörde betreiber bewegung bündnis dienst "
        "einrichtung firma fluggesellschaft fraktion gericht gesellschaft gewerkschaft gremium "
        "gruppe händler hersteller holding initiative institut kammer kanzlei kette klinik "
        "koalition kommission konzern mannschaft miliz ministerium netzwerk organisation partei "
        "polizei rat regierung senat staatsanwaltschaft stiftung team universität unternehmen "
        "verband verein verlag versicherung zentrum".split()
    )
    + MEDIA_HEADS
    + COMPOUND_MEDIA_HEADS
)
"""Heads of nouns that describe a body ("der Konzern", "das Kartellamt", "die Zeitung"),
lowercase; such a noun may be followed by the body's name ("die Zeitung Dawn")."""


def is_body_noun(word: str) -> bool:
    """A noun describing a body: "Konzern", "Kartellamt", "Tageszeitung"."""
    return word.lower().endswith(BODY_HEADS)


@lru_cache(maxsize=1 << 16)
def is_role(word: str) -> bool:
    """True for a title or role word such as "US-Präsident", "Außenministerin", "Machthaber".

    Set look-ups of the word's endings (no scan of the role list), cached per word."""
    roles = role_words()
    long_roles = _long_roles()
    head = word.lower().rsplit("-", 1)[-1]
    if head in SHORT_ROLE_HEADS and head != word.lower():
        return True  # "Club-Boss", "Partei-Chef"
    feminine = [head.removesuffix(end) for end in ("in", "innen") if head.endswith(end)]
    for form in (
        head,
        *feminine,
        *(_last_umlaut_undone(f) for f in feminine),  # "Stadträtin" -> "stadtrat"
        head.removesuffix("s"),
        head.removesuffix("es") if len(head) <= 7 else head,  # "Arztes"; not "Stadtrates"
        head.removesuffix("en"),
        head.removesuffix("n"),
        *_umlaut_plural_singular(head),
    ):
        if form in roles:
            return True
        if len(form) > 6 and any(form[k:] in long_roles for k in range(1, len(form) - 5)):
            return True
        if len(form) > 6 and form.endswith(SHORT_ROLE_HEADS):
            return True  # "Polizeichef", "Konzernchef", "Mafiaboss"
    return False


@lru_cache(maxsize=1)
def gazetteer() -> tuple[tuple[str, str], ...]:
    """(label, name) pairs of frequent places and organisations, plus pycountry's German names."""
    pairs = [tuple(ln.split("\t", 1)) for ln in data_lines("places.txt")]
    try:
        import gettext

        import pycountry

        german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        for country in pycountry.countries:
            for attr in ("common_name", "name"):
                name = getattr(country, attr, None)
                if name:
                    de = german.gettext(name)
                    # the German name, also when it is the English one ("Uganda", "Sri Lanka"),
                    # but no untranslated long form ("United States Minor Outlying Islands")
                    if "," not in de and "(" not in de and (de != name or len(de.split()) <= 2):
                        pairs.append(("LOC", de))
    except (ImportError, OSError):
        pass
    return tuple(dict.fromkeys(pairs))  # type: ignore[arg-type]


@cache
def gazetteer_labels() -> dict[str, str]:
    """Gazetteer name -> label (built once; do not modify)."""
    return {name: label for label, name in gazetteer()}


DEMONYM_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")
"""Endings that make a people's name of a place name ("Berlin" + "er", "Nordkorea" + "ner")."""


def demonym_place(word: str) -> str:
    """The gazetteer place a people's name or adjective is made of ("Wiener" -> Wien,
    "Berlinerin" -> Berlin, "Nordkoreaner" -> Nordkorea), else "". It does not name the
    place: "die Nordkoreaner" are people, "Wiener Linien" a company."""
    if " " in word:
        return ""
    labels = gazetteer_labels()
    for ending in DEMONYM_ENDINGS:
        stem = word.removesuffix(ending)
        if stem == word or len(stem) <= 2:
            continue
        if labels.get(stem) == "LOC":
            return stem
        if stem.endswith("n") and labels.get(stem[:-1]) == "LOC":
            return stem[:-1]
    return ""


@cache
def geo_names() -> frozenset[str]:
    """Names of places for the place layer: GeoNames cities (geo_names.txt.gz, built by
    training/geo_names.py) and pycountry's subdivisions ("Bayern", "Kalifornien") in their
    German names, without names that are words of the other lists (first names, common
    nouns)."""
    names = set(data_lines("geo_names.txt.gz"))
    try:
        import gettext

        import pycountry

        german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
        for sub in pycountry.subdivisions:
            for name in {sub.name, german.gettext(sub.name)}:
                if (
                    len(name) > 3
                    and name[:1].isupper()
                    and not any(c in name for c in ",()[]/")
                    and name.replace(" ", "").replace("-", "").isalpha()
                ):
                    names.add(name)
    except (ImportError, OSError):
        pass
    return frozenset(names)


@cache
def dateline_places() -> frozenset[str]:
    """Cities of 100,000 people or more that geo_names() leaves out as first or last names
    ("Sydney", "Florence", "Santiago"): places only where a dateline stands."""
    return frozenset(data_lines("dateline_places.txt"))


@cache
def currency_names() -> tuple[frozenset[str], frozenset[str]]:
    """(German currency names of two or more words from pycountry: "Schweizer Franken",
    "Pfund Sterling"; currency heads that end two or more names: "dollar", "pfund",
    "franc"), for hyphenated currencies such as "US-Dollar", "Hongkong-Dollar"."""
    try:
        import gettext

        import pycountry

        german = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=["de"])
        # X codes are metals and units of account ("Gold", "Sonderziehungsrecht")
        names = [german.gettext(c.name) for c in pycountry.currencies if c.alpha_3[0] != "X"]
    except (ImportError, OSError):
        return frozenset(), frozenset()
    names = [n for n in names if "(" not in n and "," not in n]
    heads: dict[str, int] = {}
    for name in names:
        head = name.replace("-", " ").split()[-1].lower()
        heads[head] = heads.get(head, 0) + 1
    phrases = frozenset(n for n in names if " " in n and n[:1].isupper())
    return phrases, frozenset(h for h, n in heads.items() if n >= 2)


@cache
def language_names() -> frozenset[str]:
    """German one-word names of languages from pycountry that end in "-isch" or are
    "Deutsch" or "Latein" ("Englisch", "Russisch", "Jiddisch"): GermEval marks them OTH. The
    thousands of other names ("Adele", "Abar") are left out: they are names of people too."""
    try:
        import gettext

        import pycountry

        german = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["de"])
        names = {german.gettext(lang.name) for lang in pycountry.languages}
    except (ImportError, OSError):
        return frozenset()
    in_isch = {n for n in names if n.isalpha() and n[:1].isupper() and n.endswith("isch")}
    return frozenset(in_isch | {"Deutsch", "Latein"})


WEEKDAYS = frozenset("montag dienstag mittwoch donnerstag freitag samstag sonntag".split())
MONTHS = WEEKDAYS | frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember".split()
)
"""Lowercase month and weekday names: part of a date, never a name."""
TIME_ZONES = frozenset("mez mesz gmt utc cet cest".split())
"""Time zones in news times ("14:00 Uhr MEZ"): part of a date, never a name."""
