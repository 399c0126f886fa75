"""Word lists from ``newscorp/data``: read once, cached, documented in each file's header."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file shipped in newscorp/data."""
    text = resources.files("newscorp").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


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


@lru_cache(maxsize=1)
def _long_roles() -> frozenset[str]:
    """Role words of six letters or more: compound heads ("bundesaußenminister")."""
    return frozenset(r for r in role_words() if len(r) >= 6)


@lru_cache(maxsize=1 << 16)
def is_role(word: str) -> bool:
    """True for a title or role word such as "US-Präsident", "Außenministerin", "Machthaber".

    Set look-ups of the word's endings (no scan of the role list), cached per word."""
    roles = role_words()
    long_roles = _long_roles()
    head = word.lower().rsplit("-", 1)[-1]
    for form in (
        head,
        head.removesuffix("in"),
        head.removesuffix("innen"),
        head.removesuffix("s"),
        head.removesuffix("en"),
        head.removesuffix("n"),
    ):
        if form in roles:
            return True
        if len(form) > 6 and any(form[k:] in long_roles for k in range(1, len(form) - 5)):
            return True
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
                    if de != name and "," not in de and "(" not in de:
                        pairs.append(("LOC", de))
    except (ImportError, OSError):
        pass
    return tuple(dict.fromkeys(pairs))  # type: ignore[arg-type]


MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag".split()
)
