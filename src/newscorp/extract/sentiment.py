"""Lexicon-based German sentiment over spaCy tokens: polarity lookup, negation, intensifiers.

Polarities come from the German Polarity Lexicon (Klenner et al. 2010) in textblob-de's
``de-sentiment.xml`` (Apache-2.0, vendored unchanged in ``newscorp/data``); negators,
intensifiers, diminishers, clause-ending conjunctions and news adjustments to the lexicon (frequent
news words it lacks, such as "Sieg" or "Kritik"; senses news text hardly uses: "natürlich")
from ``sentiment_modifiers.txt``. Both are read on first use and cached; importing does no I/O.

A token's polarity is looked up by lemma (``token.lemma_`` when set, else ``token.text``) in its
own casing, lowercased and capitalised (the lexicon writes nouns capitalised), then by its text,
then, for nouns, without an inflectional ending ("Friedensgespräche" → "Friedensgespräch") and
finally by the longest known compound head of at least 4 letters after a modifier that is a
known word ("Finanzkrise" → "Krise"; "Sommerkleid" → "Kleid", not "Leid"; a neutral head such
as "Markt" blocks shorter polar suffixes; known words: ``de_words.txt.gz``, ``common_nouns.txt``
and the lexicon).

Negation (decided here, see the modifiers file): a negator flips every polar word after it in
its clause and dampens it (``NEGATION_FACTOR``: "nicht gut" is milder than "schlecht"); a clause
ends at , ; : – — . ! ? ( ) or a listed conjunction. "nicht", "nie" and a few others also look
backwards when nothing polar follows them in the clause, to the nearest polar verb, adjective or
adverb (German V2: "Er mag das nicht"); nouns before them are not negated ("Die Krise ist nicht
vorbei"). An intensifier or diminisher multiplies the next polar word in its clause.

The summed contributions ``s`` of a token sequence are normalised into (-1, 1) as
``s / sqrt(s * s + ALPHA)`` (VADER's normalisation): one strong polar word scores ±0.45, a weak
one ±0.33, more and stronger evidence approaches ±1. Pass one sentence (or clause) for a
per-sentence score; ``label_for`` maps a score to a label with a neutral band.
"""

from __future__ import annotations

import math
import string
import struct
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from newscorp.extract.negation import is_parsed, scope
from newscorp.extract.shifts import (
    CLAUSE_MARKS,
    OPENING,
    QUOTE_FACTOR,
    SUBJUNCTIVE_FACTOR,
    in_konjunktiv_clause,
    quoted,
    shifter_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Label = Literal["positive", "neutral", "negative"]
LABELS: tuple[Label, ...] = ("positive", "neutral", "negative")

LEXICON_FILE = "de-sentiment.xml"
MODIFIERS_FILE = "sentiment_modifiers.txt"

NEGATION_FACTOR = -0.6
"""Multiplier for a negated polar word: flips it and dampens it ("nicht gut" ≈ -0.6)."""

ALPHA = 4.0
"""Normalisation constant: score = s / sqrt(s² + ALPHA); one polar word of ±1.0 gives ±0.447."""

NEUTRAL_BAND = 0.36
"""Scores with ``abs(score) <= NEUTRAL_BAND`` are labelled neutral (texts and sentences).

Chosen on GerNTSA's dev file (the only labelled data) by ``evaluate.sentiment.best_band``: the
middle of the best plateau of macro-F1 over bands 0.00-0.90 (steps of 0.02). With the bundled
pipeline the best band on the whole file is 0.36 (0.484); in 5-fold cross-validation every
fold picked 0.36 or 0.38 on its training folds. With ALPHA = 4 it reads:
one weak polar word (±0.7 → ±0.33) is neutral, one strong word (±1.0 → ±0.45) or two weak ones
are not.
"""

CLAUSE_NEUTRAL_BAND = 0.16
"""Neutral band for a single clause (``evaluate_sentiment(by="target")``): clauses are short, so
one weak polar word suffices. Chosen likewise by target (0.16 on the whole file, macro-F1 0.445;
folds picked 0.14-0.20).
"""

MIN_HEAD = 4
"""Shortest compound head (in letters) the compound fallback accepts."""

MIN_MODIFIER = 3
"""Shortest compound modifier (the part before the head) the compound fallback accepts."""

_NOUN_ENDINGS = ("nen", "en", "es", "e", "n", "s")
_ADJ_ENDINGS = ("em", "en", "es", "e")
_LINKS = ("ens", "es", "en", "er", "ns", "s", "n", "e")  # linking elements after a modifier
_BOUNDARY_CHARS = frozenset(",;:–—.!?()[]…")
_SENTENCE_OPENERS = frozenset({".", "..", "...", "!", "?", ":", "«", "»", '"', "„", "“", "–"})
_VERBAL_POS = frozenset({"VERB", "AUX", "ADJ", "ADV"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_FINITE_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Modifiers:
    """Word lists of ``sentiment_modifiers.txt``."""

    negators: dict[str, bool]  # word -> also negates backwards (scope "both")
    breakers: frozenset[str]
    scales: dict[str, float]  # intensifiers (> 1) and diminishers (< 1)
    boundaries: frozenset[str]
    coordinators: frozenset[str]  # end negation/modifier scope only
    prefixes: frozenset[str]  # compound fallback: never a compound modifier on their own
    non_heads: frozenset[str]  # compound fallback: never a compound head
    not_polar: frozenset[str]  # lexicon entries and token texts scored 0.0
    supplement: dict[str, float]  # polar words added to the lexicon
    corrections: dict[str, float]  # lexicon entries re-rated
    shifters: dict[str, frozenset[str]]  # lemma -> prepositions its object needs (empty: any)


def _data_text(name: str) -> str:
    return resources.files("newscorp").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def load_lexicon(*, adjusted: bool = True) -> dict[str, float]:
    """Lexicon base form → polarity in [-1, 1] (0.0 for words rated neutral).

    Keys keep the lexicon's casing (nouns capitalised), so "Wagen" (car, 0.0) and "wagen"
    (to dare, 0.7) stay apart. Repeated forms are averaged. Multi-word entries such as
    "Erfolg_versprechend" are also stored in today's one-word spelling ("erfolgversprechend").
    ``adjusted`` applies the modifiers file's [supplement] and [not_polar] news adjustments;
    ``adjusted=False`` is de-sentiment.xml alone.
    """
    if adjusted:
        return _adjusted(dict(load_lexicon(adjusted=False)))
    root = ET.fromstring(_data_text(LEXICON_FILE))
    values: dict[str, list[float]] = {}
    for word in root.iter("word"):
        form = (word.get("form") or "").strip()
        try:
            polarity = float(word.get("polarity") or 0.0)
        except ValueError:
            continue
        if form:
            values.setdefault(form, []).append(polarity)
    lexicon = {form: sum(vals) / len(vals) for form, vals in values.items()}
    for form, polarity in list(lexicon.items()):
        parts = form.split("_")
        if len(parts) == 2 and parts[1][:1].islower():
            lexicon.setdefault((parts[0] + parts[1]).lower(), polarity)
    return lexicon


def _adjusted(lexicon: dict[str, float]) -> dict[str, float]:
    """``lexicon`` with the modifiers file's news adjustments applied (in place)."""
    mods = load_modifiers()
    for form, polarity in mods.supplement.items():
        lexicon.setdefault(form, polarity)
    lexicon.update(mods.corrections)
    for form in mods.not_polar:
        if form in lexicon:
            lexicon[form] = 0.0
    return lexicon


@lru_cache(maxsize=1)
def load_modifiers() -> Modifiers:
    """Parse ``sentiment_modifiers.txt`` (format documented in its header)."""
    sections: dict[str, list[list[str]]] = {}
    current = ""
    for raw in _data_text(MODIFIERS_FILE).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line.split())
    scales = {p[0]: float(p[1]) for p in sections.get("intensifiers", [])}
    scales.update({p[0]: float(p[1]) for p in sections.get("diminishers", [])})
    return Modifiers(
        negators={p[0]: len(p) > 1 and p[1] == "both" for p in sections.get("negators", [])},
        breakers=frozenset(p[0] for p in sections.get("negation_breakers", [])),
        scales=scales,
        boundaries=frozenset(p[0] for p in sections.get("boundaries", [])),
        coordinators=frozenset(p[0] for p in sections.get("coordinators", [])),
        prefixes=frozenset(p[0] for p in sections.get("non_modifiers", [])),
        non_heads=frozenset(p[0] for p in sections.get("non_heads", [])),
        not_polar=frozenset(p[0] for p in sections.get("not_polar", [])),
        supplement={p[0]: float(p[1]) for p in sections.get("supplement", [])},
        corrections={p[0]: float(p[1]) for p in sections.get("corrections", [])},
        shifters={p[0]: frozenset(p[1:]) for p in sections.get("shifters", [])},
    )


def _lookup(form: str, lexicon: dict[str, float], noun: bool | None = None) -> float | None:
    """Polarity of ``form`` as written, else lowercased (not for nouns) or capitalised (not for
    non-nouns); ``noun=None`` (unknown, e.g. sentence-initial) tries both."""
    variants = [form]
    if noun is not True:
        variants.append(form.lower())
    if noun is not False:
        variants.append(_noun_key(form))
    for variant in variants:
        if variant in lexicon:
            return lexicon[variant]
    return None


def _noun_stems(word: str) -> list[str]:
    """``word`` and its stems without a plural/genitive ending (in ``_NOUN_ENDINGS`` order),
    each >= MIN_HEAD letters."""
    stems = [word]
    room = len(word) - MIN_HEAD  # letters an ending may take
    last = word[-1:]
    if last == "n":  # nen, en, n
        if room >= 3 and word.endswith("nen"):
            stems.append(word[:-3])
        if room >= 2 and word[-2:] == "en":
            stems.append(word[:-2])
        if room >= 1:
            stems.append(word[:-1])
    elif last == "s":  # es, s
        if room >= 2 and word[-2:] == "es":
            stems.append(word[:-2])
        if room >= 1:
            stems.append(word[:-1])
    elif last == "e" and room >= 1:
        stems.append(word[:-1])
    return stems


def _noun_key(form: str) -> str:
    return form[:1].upper() + form[1:].lower()


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(known lowercase words, known capitalised nouns) for the compound fallback.

    Words: ``de_words.txt.gz``, the lexicon, ``common_nouns.txt`` and the one-word place names
    of the gazetteer ("Korea|krieg"); nouns: the lexicon's capitalised entries and
    ``common_nouns.txt``.
    """
    from newscorp.pipeline.lexicons import common_nouns, de_words, gazetteer

    lexicon = load_lexicon(adjusted=False) | load_lexicon(adjusted=True)
    places = {name.lower() for _, name in gazetteer() if name.isalpha()}
    words = de_words() | {w.lower() for w in common_nouns()} | {k.lower() for k in lexicon}
    words |= places
    nouns = frozenset(common_nouns()) | {k for k in lexicon if k[:1].isupper()}
    return words, nouns


@lru_cache(maxsize=65536)  # compounds share modifiers; a frozenset's hash is computed once
def _known_modifier(modifier: str, words: frozenset[str]) -> bool:
    """True when ``modifier`` is a known word, also after a linking element ("Friedens" →
    "frieden", "Kriegs" → "krieg") or as a verb stem ("Wander" → "wandern"), or two known
    words of >= MIN_MODIFIER letters each ("Weltcup" → "welt" + "cup")."""
    low = modifier.lower()
    forms = [low] + [low[: -len(e)] for e in _LINKS if low.endswith(e) and len(low) > len(e) + 2]
    for form in forms:
        if form in words or form + "en" in words or form + "n" in words:
            return True
    return any(
        low[:k] in words and low[k:] in words
        for k in range(MIN_MODIFIER, len(low) - MIN_MODIFIER + 1)
    )


def _noun_lookup(form: str, lexicon: dict[str, float]) -> float | None:
    """Polarity of an unknown noun: last hyphen part, inflected form, compound head.

    "Corona-Krise" → "Krise"; "Friedensgespräche" → "Friedensgespräch"; "Unbekannten" →
    "unbekannt" (nominalised adjective); "Finanzkrisen" → "Krise". A compound is split at the
    longest known noun head (>= MIN_HEAD letters) whose modifier (>= MIN_MODIFIER letters) is a
    known word, also with a linking element s/es/n/en/e/er/ns ("Kriegsopfer" → "Opfer"); a
    neutral or unrated head blocks shorter ones ("Sommerkleid" → "Kleid", not "Leid";
    "Zeitraum" → "Raum", not "Traum"). Not split: after a bare verb particle or prefix
    ("Auftakt", "Unruhe"), inside "ch"/"sch" ("Mannschaft"), or onto a head listed in the
    modifiers file's [non_heads]. Known words: see ``_vocabulary``.
    """
    head = form.rsplit("-", 1)[-1]
    if head != form and len(head) >= 2:
        found = _lookup(head, lexicon, head[:1].isupper())
        if found is not None:
            return found
    stems = _noun_stems(head)
    for stem in stems[1:]:
        found = lexicon.get(_noun_key(stem))
        if found is not None:
            return found
    # _ADJ_ENDINGS ("em", "en", "es", "e"): at most one of them ends a word
    last = head[-1:]
    if last == "e" or (last in ("m", "n", "s") and head[-2:-1] == "e"):
        found = lexicon.get(head[: -1 if last == "e" else -2].lower())
        if found is not None:
            return found
    return _compound_head(head, lexicon, stems)


_PLAIN = frozenset(string.ascii_letters + "äöüÄÖÜß")
"""Letters whose case maps one to one (``ß`` only inside a head: ``"ß".upper()`` is "SS")."""

_HEADS: dict[int, tuple[Any, frozenset[str], dict[str, Any], frozenset[str]]] = {}


def _heads(
    lexicon: dict[str, float],
) -> tuple[Any, frozenset[str], dict[str, Any], frozenset[str]]:
    """(``lexicon``, its head forms, the ``_known_head`` memo, every suffix of >= MIN_HEAD
    letters of a head form). Head forms: the lowercased keys of ``lexicon`` and of the known
    nouns that are written as ``_noun_key`` writes a head and are no [non_heads]
    (``_noun_key(head) in lexicon or in nouns`` for a head of plain letters is ``head.lower()
    in`` them). A word's ending that is no such suffix ends the search for longer heads."""
    found = _HEADS.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        non_heads = load_modifiers().non_heads
        forms = {k.lower() for k in (*lexicon, *_vocabulary()[1]) if k == _noun_key(k)}
        heads = frozenset(forms - non_heads)
        suffixes = frozenset(h[k:] for h in heads for k in range(len(h) - MIN_HEAD + 1))
        found = _HEADS[id(lexicon)] = (lexicon, heads, {}, suffixes)
    return found


def _compound_head(
    word: str, lexicon: dict[str, float], stems: list[str] | None = None
) -> float | None:
    """Polarity of the longest known noun head of ``word`` after a known modifier
    (``stems``: ``_noun_stems(word)`` when already found)."""
    if len(word) < MIN_MODIFIER + MIN_HEAD:
        return None  # no split point
    stems = _noun_stems(word) if stems is None else stems
    if "ß" not in word and _PLAIN.issuperset(word):
        return _plain_compound_head(word, lexicon, stems)
    starts = range(MIN_MODIFIER, len(word) - MIN_HEAD + 1)
    if _PLAIN.issuperset(word):  # a head's test needs no key built: one set look-up
        _, heads, _, suffixes = _heads(lexicon)
        hits = _head_splits([stem.lower() for stem in stems], heads, suffixes)
        # a head starting with "ß" is the one case the head forms do not cover: test it in full
        if "ß" in word:
            hits |= {k for k in starts if word[k] == "ß"}
        if not hits:
            return None
        starts = sorted(hits)
    mods = load_modifiers()
    words, nouns = _vocabulary()
    for start in starts:
        if word[:start].lower() in mods.prefixes or word[start - 1 : start + 1].lower() == "ch":
            continue
        keys = [_noun_key(stem[start:]) for stem in stems if len(stem) - start >= MIN_HEAD]
        keys = [key for key in keys if key.lower() not in mods.non_heads]
        # only a rated or known head ends the search: test for one before the costlier modifier
        if not any(key in lexicon or key in nouns for key in keys):
            continue
        if not _known_modifier(word[:start], words):
            continue
        return _rated_head(keys, lexicon, nouns)
    return None


def _head_splits(lows: list[str], heads: frozenset[str], suffixes: frozenset[str]) -> set[int]:
    """Split points k at which a lowercased stem's ending ``low[k:]`` is a head form."""
    hits: set[int] = set()
    for low in lows:
        # shortest ending first: an ending that ends no head form rules out longer ones
        for k in range(len(low) - MIN_HEAD, MIN_MODIFIER - 1, -1):
            tail = low[k:]
            if tail not in suffixes:
                break
            if tail in heads:
                hits.add(k)
    return hits


def _rated_head(keys: list[str], lexicon: dict[str, float], nouns: frozenset[str]) -> float | None:
    """Polarity of the first head key the lexicon rates, else of the first known noun among
    them (a known head without a rating: itself a compound, or neutral)."""
    for key in keys:
        if key in lexicon:
            return lexicon[key]
    for key in keys:
        if key in nouns:
            return _known_head(key, lexicon)
    return None


def _plain_compound_head(word: str, lexicon: dict[str, float], stems: list[str]) -> float | None:
    """``_compound_head`` of a word of ``_PLAIN`` letters without "ß" (each letter's case maps
    one to one, so ``_noun_key(stem[k:])`` is in ``lexicon`` or the known nouns and no
    [non_heads] entry only when ``stem.lower()[k:]`` is a head form): the head forms at each
    split point are found once, by lowercased tails."""
    _, heads, _, suffixes = _heads(lexicon)
    lows = [stem.lower() for stem in stems]
    hits = _head_splits(lows, heads, suffixes)
    if not hits:
        return None
    low = lows[0]  # stems[0] is the word
    prefixes = load_modifiers().prefixes
    words = nouns = None
    for start in sorted(hits):
        if low[:start] in prefixes or low[start - 1 : start + 1] == "ch":
            continue
        tails = [t[start:] for t in lows if len(t) - start >= MIN_HEAD]
        keys = [_noun_key(tail) for tail in tails if tail in heads]
        if not keys:
            continue
        if words is None or nouns is None:
            words, nouns = _vocabulary()
        if not _known_modifier(word[:start], words):
            continue
        return _rated_head(keys, lexicon, nouns)
    return None


def _known_head(key: str, lexicon: dict[str, float]) -> float | None:
    """``_compound_head`` of a known noun that is a head of other words, remembered (many
    compounds share a head: "Bundesregierung", "Landesregierung")."""
    memo = _heads(lexicon)[2]
    if key in memo:
        return memo[key]
    if len(memo) >= 1 << 16:
        memo.clear()
    found = memo[key] = _compound_head(key, lexicon)
    return found


@lru_cache(maxsize=65536)
def _polarity(lemma: str, text: str, noun: bool | None, adjusted: bool = True) -> float | None:
    if adjusted and text.lower() in load_modifiers().not_polar:
        return 0.0
    return _lexicon_polarity(lemma, text, noun, load_lexicon(adjusted=adjusted))


def _lexicon_polarity(
    lemma: str, text: str, noun: bool | None, lexicon: dict[str, float]
) -> float | None:
    """``_polarity`` after the [not_polar] test: the lemma, then the text (each once and only
    when not empty) as written, then each with ``_lookup``'s other variants, then nouns by
    ``_noun_lookup``."""
    if lemma == text or not lemma:
        if not text:
            return None
        forms: tuple[str, ...] = (text,)
    else:
        forms = (lemma, text) if text else (lemma,)
    get = lexicon.get  # values are floats: None is "not in the lexicon"
    for form in forms:
        found = get(form)
        if found is not None:
            return found
    for form in forms:  # ``_lookup`` without the form as written (tested above)
        if noun is not True:
            found = get(form.lower())
            if found is not None:
                return found
        if noun is not False:
            found = get(form[:1].upper() + form[1:].lower())
            if found is not None:
                return found
    if noun is not False:
        for form in forms:
            if form.replace("-", "").isalpha():
                found = _noun_lookup(form, lexicon)
                if found is not None:
                    return found
    return None


def _lemma(token: Token) -> str:
    return token.lemma_ or token.text


def _is_noun(token: Token) -> bool | None:
    """Noun (True), not a noun (False) or unknown (None: capitalised at a sentence start)."""
    if token.pos_:
        return token.pos_ in _NOUN_POS
    if not token.text[:1].isupper():
        return False
    if token.i == 0 or token.doc[token.i - 1].text in _SENTENCE_OPENERS:
        return None
    return True


def _form_polarity(lemma: str, text: str, noun: bool | None, adjusted: bool) -> float | None:
    """Lexicon polarity of a word form (None for forms without a letter)."""
    if not (text.isalpha() or any(ch.isalpha() for ch in text)):
        return None
    return _polarity(lemma, text, noun, adjusted)


def token_polarity(token: Token, *, adjusted: bool = True) -> float | None:
    """Lexicon polarity of one token (None when unknown; 0.0 when rated neutral)."""
    return _form_polarity(token.lemma_, token.text, _is_noun(token), adjusted)


def _boundary_form(text: str, key: str) -> bool:
    """A clause-ending punctuation mark or conjunction ([boundaries]); ``key``: lowercased lemma."""
    if text and _BOUNDARY_CHARS.issuperset(text):
        return True
    words = load_modifiers().boundaries
    return text.lower() in words or key in words


def is_boundary(token: Token) -> bool:
    """True for a clause-ending punctuation mark or conjunction ([boundaries])."""
    return _boundary_form(token.text, _lemma(token).lower())


def contributions(
    tokens: Iterable[Token],
    *,
    baseline: bool = False,
    profiles: Sequence[_Word] | None = None,
    dependency: bool | None = None,
) -> list[float]:
    """Signed value of each polar word in ``tokens`` after negation and scaling, in text order.

    ``baseline=True``: plain de-sentiment.xml values (same lookup), without negation,
    intensifiers, diminishers or the news adjustments of the modifiers file. ``profiles``:
    the tokens' part of ``doc_profiles``, when already computed; ``dependency``: see
    ``polar_words``.
    """
    found = polar_words(tokens, baseline=baseline, dependency=dependency, profiles=profiles)
    return [value for _, value in found]


class _Word(NamedTuple):
    """What the scorer needs to know of a word form, computed once per form."""

    ends_scope: bool
    negator: str | None
    modifier: str
    scale: float | None
    polarity: float | None
    verbal: bool
    mark: bool  # an opening quotation mark (``shifts.quoted`` starts only at one)
    clause_mark: bool  # ends a clause for the Konjunktiv weight (``shifts.CLAUSE_MARKS``)
    verb: bool  # VERB or AUX: may carry ``Mood=Sub`` (``shifts.in_konjunktiv_clause``)
    active: bool  # ends a scope, negates, scales, is polar or an opening mark (the scorer
    # visits only these)


@lru_cache(maxsize=131072)
def _word(text: str, lemma: str, pos: str, noun: bool | None) -> _Word:
    """Scope end, negator, modifier key, scale, polarity and verbal class of a word form."""
    mods = load_modifiers()
    lowered = text.lower()
    key = (lemma or text).lower()  # modifiers are looked up by lemma
    if key in mods.negators:
        negator: str | None = key
    else:  # a form that negates unless its lemma scales ("kaum")
        negator = lowered if lowered in mods.negators and key not in mods.scales else None
    scale = mods.scales.get(key)
    # _form_polarity(lemma, text, noun, True) with the lowercased text at hand
    if not (text.isalpha() or any(ch.isalpha() for ch in text)):
        polarity = None
    elif lowered in mods.not_polar:
        polarity = 0.0
    else:
        polarity = _lexicon_polarity(lemma, text, noun, load_lexicon(adjusted=True))
    boundaries = mods.boundaries
    ends_scope = (
        bool(text and _BOUNDARY_CHARS.issuperset(text))
        or lowered in boundaries
        or key in boundaries
        or lowered in mods.coordinators
    )
    if scale is None:
        scale = mods.scales.get(lowered)
    mark = text in OPENING
    return _Word(  # positional (in field order): cheaper than keywords
        ends_scope,
        negator,
        key,  # modifier
        scale,
        polarity,
        pos in _VERBAL_POS if pos else not (lemma or text)[:1].isupper(),  # verbal
        mark,
        text in CLAUSE_MARKS,  # clause_mark
        pos in _FINITE_POS,  # verb
        bool(ends_scope or negator is not None or scale or polarity or mark),  # active
    )


# fields of word profiles by position (cheaper than NamedTuple attributes in map)
_ACTIVE = itemgetter(_Word._fields.index("active"))
_POLARITY = itemgetter(_Word._fields.index("polarity"))
_CLAUSE_MARK = itemgetter(_Word._fields.index("clause_mark"))
_VERB = itemgetter(_Word._fields.index("verb"))

_PROFILES: dict[tuple[int, int, int, bool | None], _Word] = {}
_BY_IDS: dict[bytes, _Word] = {}
"""``_profile`` of tagged tokens by their ORTH, LEMMA and POS ids as 24 little-endian bytes
(``doc_profiles``: one bytes slice per token is cheaper than a tuple of three ints)."""


@lru_cache(maxsize=1)
def _noun_ids() -> frozenset[int]:
    """spaCy's ids of _NOUN_POS (imported on first use: importing this module loads no spaCy)."""
    from spacy.symbols import NOUN, PROPN

    return frozenset({NOUN, PROPN})


def _profile(token: Token) -> _Word:
    """``_word`` of a token, remembered by the string ids of its text and lemma and its POS
    id (reading the strings costs more than the look-up)."""
    pos = token.pos  # 0 when unset; _is_noun(token) is ``pos in _noun_ids()`` when set
    noun = pos in _noun_ids() if pos else _is_noun(token)
    key = (token.orth, token.lemma, pos, noun)
    word = _PROFILES.get(key)
    if word is None:
        if len(_PROFILES) >= 1 << 18:
            _PROFILES.clear()
        word = _PROFILES[key] = _word(token.text, token.lemma_, token.pos_, noun)
    return word


def doc_profiles(tokens: Sequence[Token]) -> list[_Word]:
    """``_profile`` of every token of one document (``tokens``: ``list(doc)``), read from the
    document's ORTH, LEMMA and POS arrays in one pass instead of token by token."""
    if not tokens:
        return []
    from spacy.attrs import LEMMA, ORTH, POS

    nouns = _noun_ids()
    array = tokens[0].doc.to_array([ORTH, LEMMA, POS])
    if len(array) != len(tokens):
        raise ValueError("doc_profiles needs every token of one document")
    poses = array[:, 2]
    if poses.all():  # tagged: a token's noun flag is its POS's, the three ids are the key
        import numpy as np

        # each row's 24 bytes as one bytes object (numpy's void items; no slicing in Python)
        ids = np.ascontiguousarray(array.astype("<u8", copy=False))
        keys = ids.view("V24").ravel().tolist()
        by_ids = _BY_IDS
        out = list(map(by_ids.get, keys))
        if None in out:
            if len(by_ids) >= 1 << 18:
                by_ids.clear()
            _new_profiles(out, keys, tokens[0].doc.vocab.strings)
        return out  # type: ignore[return-value]
    profiles = _PROFILES
    orths, lemmas, poses_ = array.T.tolist()
    keys = zip(
        orths,
        lemmas,
        poses_,
        [p in nouns if p else _is_noun(t) for p, t in zip(poses_, tokens, strict=True)],
        strict=True,
    )
    out = list(map(profiles.get, keys))
    if None in out:
        for k, word in enumerate(out):
            if word is None:
                out[k] = _profile(tokens[k])
    return out  # type: ignore[return-value]


_IDS = struct.Struct("<QQQ")  # a ``_BY_IDS`` key: ORTH, LEMMA and POS ids


def _new_profiles(out: list[_Word | None], all_keys: list[bytes], strings: Any) -> None:
    """Fill the None entries of ``out`` (``doc_profiles`` of a tagged document) with
    ``_word`` of the forms, remembered in ``_BY_IDS``: strings read by id (``all_keys``: each
    token's ORTH/LEMMA/POS ids as 24 little-endian bytes; ``strings``: the document's
    StringStore), not from Token objects."""
    from newscorp.extract.arrays import id_strings

    by_ids = _BY_IDS
    nouns = _noun_ids()
    pos_names = _pos_names()
    word_of = _word.__wrapped__  # a new key is a new form: the lru would only miss
    missing = [k for k, word in enumerate(out) if word is None]
    keys = [all_keys[k] for k in missing]
    ids = [_IDS.unpack(key) for key in keys]
    # the texts and lemmas in one call (the document's words are known there: token_texts)
    texts = id_strings([i for orth, lemma, _ in ids for i in (orth, lemma)], strings)
    for n, k in enumerate(missing):
        key = keys[n]
        word = by_ids.get(key)  # the same new form earlier in the document
        if word is None:
            _, lemma, pos = ids[n]
            word = by_ids[key] = word_of(
                texts[2 * n], texts[2 * n + 1] if lemma else "", pos_names[pos], pos in nouns
            )
        out[k] = word


@lru_cache(maxsize=1)
def _pos_names() -> dict[int, str]:
    """``Token.pos_`` by ``Token.pos`` id."""
    from spacy.parts_of_speech import NAMES

    return {int(k): v for k, v in NAMES.items()}


def polar_words(
    tokens: Iterable[Token],
    *,
    baseline: bool = False,
    dependency: bool | None = None,
    profiles: Sequence[_Word] | None = None,
) -> list[tuple[Token, float]]:
    """Each polar word of ``tokens`` with its value after negation and scaling, in text order.

    Negation scope comes from the dependency tree when the document is parsed (``dependency``
    None = auto; see ``newscorp.extract.negation``), else from the clause window rule.
    ``profiles``: the tokens' part of ``doc_profiles``, when already computed.
    """
    toks: Sequence[Token]
    if isinstance(tokens, list):  # (the common case, without the ABC check)
        toks = tokens
    else:
        toks = tokens if isinstance(tokens, Sequence) else list(tokens)
    words_ = [_profile(t) for t in toks] if profiles is None else profiles
    if not baseline and not any(map(_POLARITY, words_)):
        return []  # nothing polar: nothing to negate, scale or weigh
    mods = load_modifiers()
    if dependency is None:
        dependency = is_parsed(toks)

    def active_negator(k: int) -> str | None:
        key = words_[k].negator
        if key is None:
            return None
        if k + 1 < len(toks) and words_[k + 1].modifier in mods.breakers:
            return ""  # "nicht nur": neither a negator nor a polar word
        return key

    # the scorer's loop visits only scope ends, negators, scales and polar words (no other
    # word changes its state); the baseline looks every word up in the unadjusted lexicon
    if baseline:
        visit: Iterable[int] = range(len(toks))
    else:  # (opening marks are visited too, and pass through the loop untouched)
        visit = list(compress(range(len(toks)), map(_ACTIVE, words_)))
    # negators whose tree scope holds a polar word use it; the others keep the window rule
    tree_counts: Counter[int] = Counter()
    by_tree: set[int] = set()
    if dependency and not baseline:
        negators = [k for k in visit if words_[k].negator is not None and active_negator(k)]
        if negators:
            polar = {
                toks[k].i
                for k in visit
                if words_[k].polarity and words_[k].negator is None and not words_[k].scale
            }
            for k in negators:
                covered = scope(toks[k]) & polar
                if covered:
                    tree_counts.update(covered)
                    by_tree.add(k)
    values: list[float] = []
    words: list[Token] = []
    positions: list[int] = []  # each polar word's index in ``toks``
    negations = 0  # active forward negators in the current clause (window rule)
    backward: int | None = None  # index in ``values`` a still-unused "both" negator would hit
    pending_back = False
    scale = 1.0
    last_verbal: int | None = None  # last un-negated polar verb/adjective/adverb in the clause

    def close_clause() -> None:
        nonlocal negations, backward, pending_back, scale, last_verbal
        if pending_back and backward is not None:
            values[backward] *= NEGATION_FACTOR
        negations, backward, pending_back, scale, last_verbal = 0, None, False, 1.0, None

    for i in visit:
        token = toks[i]
        word = words_[i]
        if word.ends_scope:
            close_clause()
            continue
        if not baseline:
            key = active_negator(i) if word.negator is not None else None
            if key is not None:
                if key and i not in by_tree:
                    negations += 1
                    if mods.negators[key]:
                        pending_back, backward = True, last_verbal
                continue
            factor = word.scale
            if factor:
                scale *= factor
                continue
        polarity = token_polarity(token, adjusted=False) if baseline else word.polarity
        if not polarity:
            continue
        value = polarity * scale
        scale = 1.0
        negated = (tree_counts[token.i] if tree_counts else 0) + negations
        if negated:
            value *= NEGATION_FACTOR**negated
            pending_back = pending_back and not negations
        values.append(value)
        words.append(token)
        positions.append(i)
        if not negated and word.verbal:
            last_verbal = len(values) - 1
    close_clause()
    if not baseline and values:
        marks = any(words_[i].mark for i in visit)  # an opening mark is active
        values = _in_context(
            toks, words, values, mods.shifters, dependency, marks, (words_, positions)
        )
    return list(zip(words, values, strict=True))


def _negated(shifter: Token, polar_at: dict[int, float]) -> bool:
    """True when a polar shifter's value has the opposite sign of its polarity (it was
    negated: "die Krise nicht überwinden" stays bad news)."""
    value = polar_at.get(shifter.i)
    polarity = token_polarity(shifter)
    return bool(value and polarity and (value > 0) != (polarity > 0))


def _in_context(
    toks: Sequence[Token],
    words: list[Token],
    values: list[float],
    shifters: dict[str, frozenset[str]],
    parsed: bool,
    marks: bool = True,
    at: tuple[Sequence[_Word], list[int]] | None = None,
) -> list[float]:
    """``values`` weighted for quoted speech and Konjunktiv, objects of shifters inverted
    (``newscorp.extract.shifts``; ``marks``: False when ``toks`` hold no opening quotation
    mark, so nothing is quoted; ``at``: the profiles of ``toks`` and each polar word's index
    in them, so that only the clauses of polar words are tested for Konjunktiv)."""
    inside = quoted(toks) if marks else set()
    if at is None:
        index = {t.i: k for k, t in enumerate(toks)}
        at = ([_profile(t) for t in toks], [index[t.i] for t in words])
    profiles, positions = at
    ends = list(map(_CLAUSE_MARK, profiles)) if parsed else []
    verbs = list(map(_VERB, profiles)) if parsed else []
    konjunktiv: dict[int, bool] = {}  # clause start -> holds a Konjunktiv verb
    shifted: dict[int, int] = {}  # polar object index -> its shifter's token index
    if parsed:
        for k, token in enumerate(words):
            head = shifter_of(token, shifters)
            if head is not None:
                shifted[k] = head.i
    polar_at = {token.i: value for token, value in zip(words, values, strict=True)}
    out = []
    for k, (token, value) in enumerate(zip(words, values, strict=True)):
        if token.i in shifted.values() and k not in shifted:
            value = 0.0
        elif k in shifted and not _negated(toks[0].doc[shifted[k]], polar_at):
            value = -value
        if token.i in inside:
            value *= QUOTE_FACTOR
        if parsed and in_konjunktiv_clause(toks, positions[k], ends, verbs, konjunktiv):
            value *= SUBJUNCTIVE_FACTOR
        out.append(value)
    return out


def score_tokens(
    tokens: Iterable[Token],
    *,
    baseline: bool = False,
    profiles: Sequence[_Word] | None = None,
    dependency: bool | None = None,
) -> tuple[float, int]:
    """Score a token sequence: (score in [-1, 1], number of polar words used).

    ``baseline=True`` scores with de-sentiment.xml alone and no negation or modifiers.
    ``profiles``: the tokens' part of ``doc_profiles``, when already computed; ``dependency``:
    whether the document is parsed, when already known (None: asked, see ``polar_words``).
    """
    values = contributions(tokens, baseline=baseline, profiles=profiles, dependency=dependency)
    total = sum(values)
    return total / math.sqrt(total * total + ALPHA), len(values)


def score_span(
    span: Span | Sequence[Token],
    *,
    baseline: bool = False,
    profiles: Sequence[_Word] | None = None,
    dependency: bool | None = None,
) -> tuple[float, int]:
    """``score_tokens`` over a Span (a sentence, a clause) or a Doc (``profiles``,
    ``dependency``: see ``score_tokens``)."""
    return score_tokens(list(span), baseline=baseline, profiles=profiles, dependency=dependency)


def label_for(score: float, band: float = NEUTRAL_BAND) -> Label:
    """Label a score: "positive" above ``band``, "negative" below ``-band``, else "neutral"."""
    if score > band:
        return "positive"
    if score < -band:
        return "negative"
    return "neutral"
