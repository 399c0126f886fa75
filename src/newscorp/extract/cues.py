"""Speech cues and the mood of reported speech, by lemma and morphology.

A *cue verb* is a verb of saying, writing, announcing or believing (data/cues.txt), found by
its lemma with a separated particle joined ("kündigte … an" -> "ankündigen"); because a
statistical lemmatizer can be wrong, the lemma guessed from the word form is tried too.
*Konjunktiv I* is the mood of reported speech: the morphologizer's ``Mood=Sub``, a frequent
form (data/konjunktiv.txt), or a finite verb that is its stem plus -e ("er benötige",
"sie trage") with a subject other than "ich".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from newscorp.extract.arrays import doc_arrays, string_ids
from newscorp.pipeline.lexicons import words_by_kind
from newscorp.pipeline.mood import INDICATIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

VERB_POS = {"VERB", "AUX", ""}
EPISTEMIC = {"dürfte", "dürften"}
PARTICLE_DEPS = {"compound:prt", "svp"}


def cue_lexicon() -> dict[str, frozenset[str]]:
    """Cue words by kind from data/cues.txt (verb, reported, source, particle, ...)."""
    return words_by_kind("cues.txt")


def konjunktiv_forms() -> dict[str, frozenset[str]]:
    """Konjunktiv I ("one") and II ("two") verb forms by kind."""
    return words_by_kind("konjunktiv.txt")


@cache
def irregular_forms() -> dict[str, str]:
    """Strong and mixed verb forms -> infinitive ("sprach" -> "sprechen"), from cues.txt."""
    pairs = (line.split() for line in cue_lexicon().get("form", ()))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


@cache
def required_words() -> dict[str, frozenset[str]]:
    """Reported-speech verbs that report only with one of their words after them, from
    cues.txt's "needs" lines ("sprechen" with "von" or "über", "begründen" with "mit")."""
    pairs = (line.split() for line in cue_lexicon().get("needs", ()))
    return {p[0]: frozenset(p[1:]) for p in pairs if len(p) > 1}


def guess_verb_lemma(word: str) -> str:
    """Infinitive from a word form without a lemmatizer: weak endings, participles with
    ge-, zu-infinitives and strong forms listed in cues.txt ("sagte" -> "sagen",
    "angekündigt" -> "ankündigen", "sprach" -> "sprechen")."""
    known = sorted(verb_guesses(word) & _known_verbs())
    return known[0] if known else _weak_infinitive(word.lower())[0]


@cache
def _known_verbs() -> frozenset[str]:
    """The cue verbs of cues.txt and the infinitives of its strong forms."""
    return cue_lexicon().get("verb", frozenset()) | frozenset(irregular_forms().values())


def verb_guesses(word: str) -> set[str]:
    """Every infinitive a word form may belong to (the cue lexicon picks among them)."""
    return set(_verb_guesses(word.lower()))


@cache
def _particle_prefixes() -> tuple[str, ...]:
    """Every particle of cues.txt followed by "ge" or "zu" ("ausge", "anzu")."""
    return tuple(p + infix for p in cue_lexicon().get("particle", ()) for infix in ("ge", "zu"))


@lru_cache(maxsize=65536)
def _verb_guesses(low: str) -> frozenset[str]:
    out = set(_weak_infinitive(low))
    # most words start with no particle + ge/zu: one test for all of them first
    particles = cue_lexicon().get("particle", ()) if low.startswith(_particle_prefixes()) else ()
    for particle in particles:
        for infix in ("ge", "zu"):
            if low.startswith(particle + infix) and len(low) - len(particle) > 5:
                out |= {particle + w for w in _weak_infinitive(low[len(particle) + 2 :])}
                if infix == "ge" and low[len(particle) :] in irregular_forms():
                    # a strong participle: "vor|geworfen" -> "vor" + "werfen"
                    out.add(particle + irregular_forms()[low[len(particle) :]])
    if (
        low.startswith("ge")
        and low.endswith("t")
        and len(low) > 5
        and low[2:] not in irregular_forms()
    ):
        out |= set(_weak_infinitive(low[2:]))  # a weak participle: not "ge|riet" (geraten)
    return frozenset(out)


@cache
def _cue_endings(kind: str) -> frozenset[str]:
    """Every ending of a cue word of ``kind``: a cue's lemma without its particle is one."""
    return frozenset(w[i:] for w in cue_lexicon().get(kind, ()) for i in range(len(w)))


@lru_cache(maxsize=65536)
def _may_be_cue(low: str, lemma: str, kind: str) -> bool:
    """Whether a word form could be a cue of ``kind`` at all: one of its infinitives (or its
    lemma) ends a cue word. Cheap, and true for every word ``cue_lemma`` can accept."""
    endings = _cue_endings(kind)
    return lemma in endings or any(g in endings for g in _verb_guesses(low))


def _weak_infinitive(low: str) -> list[str]:
    irregular = irregular_forms()
    if low in irregular:
        return [irregular[low]]
    out = []
    if low.endswith(("en", "ern", "eln")):
        out.append(low)
    for ending in ("eten", "ete", "test", "ten", "te", "et", "st", "t", "e"):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            out.append(stem + "en")
            if stem.endswith(("er", "el")):
                out.append(stem + "n")  # "forder-t" -> "fordern"
    return out or [low]


class _DocMemo:
    """What the cue tests found in one document, kept while they ask about the same one."""

    def __init__(self, doc: Doc) -> None:
        from newscorp.extract.arrays import token_texts

        self.doc, self.length = doc, len(doc)
        self.texts = token_texts(doc)[0]  # each token's text
        self.lemmas: dict[tuple[int, str], str] = {}  # (token index, kind) -> cue_lemma
        self.particles: dict[int, str] = {}  # token index -> particle_of


_MEMO: list[Any] = [None]  # the _DocMemo of the last document asked about


def _memo(doc: Doc) -> _DocMemo:
    """The memo of ``doc`` (a new one when another document, or a changed one, is asked
    about: the tests ask about the same document many times, then move on)."""
    memo = _MEMO[0]
    if memo is None or memo.doc is not doc or memo.length != len(doc):
        memo = _MEMO[0] = _DocMemo(doc)
    return memo


def particle_of(token: Token) -> str:
    """The separated particle of a verb ("an" in "kündigte … an"), or "": the parser's
    particle, else a particle word closing the clause ("Das teilte X mit."); remembered
    for the document (the cue tests ask about the same verb several times)."""
    memo = _memo(token.doc)
    found = memo.particles.get(token.i)
    if found is None:
        found = memo.particles[token.i] = _particle_of(token, memo.texts)
    return found


_ENDS = {",", ".", ";", ":", "!", "?"}  # where a clause's closing particle is looked for


_PARTICLE_DEP_IDS = string_ids(PARTICLE_DEPS)
_PARTICLE_POS = string_ids({"ADP", "ADV", "PART", "ADJ", ""})


def _particle_of(token: Token, texts: list[str]) -> str:
    a = doc_arrays(token.doc)  # (lower_ is the text's str.lower())
    dep, v = a.dep, token.i
    for child in a.children[v]:
        if dep[child] in _PARTICLE_DEP_IDS:
            return texts[child].lower()
    i, n = v + 1, a.n
    while i < n and texts[i] not in _ENDS and i - v < 25:
        i += 1
    particles = cue_lexicon().get("particle", ())
    if i - 1 > v:
        low = texts[i - 1].lower()
        if low in particles and a.pos[i - 1] in _PARTICLE_POS:
            return low
    elif v > 0 and (v + 1 >= n or texts[v + 1] in _ENDS) and is_finite(token):
        low = texts[v - 1].lower()  # a finite verb ending its clause: "wie X bekannt gab,"
        if low in particles and a.pos[v - 1] in _PARTICLE_POS and a.head[v - 1] == v:
            return low
    return ""


def lemma_candidates(token: Token) -> set[str]:
    """The lemmatizer's lemma and the guessed one, each with a separated particle joined."""
    particle = particle_of(token)
    lemmas = verb_guesses(token.text)
    if token.lemma_:
        lemmas.add(token.lemma_.lower())
    # the parser may hang another verb's particle on this one: the bare lemma counts too
    return {particle + lemma for lemma in lemmas} | lemmas


def verb_lemma(token: Token) -> str:
    """Lemma of a verb with its separated particle joined ("kündigte … an" -> "ankündigen")."""
    lemma = (token.lemma_ or guess_verb_lemma(token.text)).lower()
    return particle_of(token) + lemma


def _remembered(memo: dict, limit: int, key: tuple, compute: Callable, *args: Any) -> Any:
    """``compute(*args)`` remembered under ``key`` in ``memo``, which starts afresh at ``limit``
    entries (word-form caches kept across documents)."""
    found = memo.get(key)
    if found is None:
        if len(memo) >= limit:
            memo.clear()
        found = memo[key] = compute(*args)
    return found


_CHEAP: dict[tuple[int, int, tuple[str, ...]], bool] = {}


def _passes_cheap_tests(token: Token, kinds: tuple[str, ...]) -> bool:
    """A lowercase alphabetic word that may be a cue of one of ``kinds`` (``_may_be_cue``),
    remembered by the string ids of its text and lemma (the test reads nothing else)."""
    return _remembered(
        _CHEAP, 1 << 18, (token.orth, token.lemma, kinds), _cheap_tests, token, kinds
    )


def _cheap_tests(token: Token, kinds: tuple[str, ...]) -> bool:
    if not token.text[:1].islower() or not token.is_alpha:
        return False
    low, lemma = token.lower_, token.lemma_.lower()
    return any(_may_be_cue(low, lemma, kind) for kind in kinds)


def cue_lemma(token: Token, kind: str = "verb") -> str:
    """The lemma under which a verb is a cue of ``kind`` (verb/reported), or "" (remembered
    for the document: quote finding asks about the same verb several times)."""
    lemmas = _memo(token.doc).lemmas
    found = lemmas.get((token.i, kind))
    if found is None:
        found = lemmas[(token.i, kind)] = _cue_lemma(token, kind)
    return found


_CUE_LEMMAS: dict[tuple[int, int, int, str, str], str] = {}


def _cue_lemma(token: Token, kind: str) -> str:
    """``cue_lemma`` of a token: what its text, lemma, POS and separated particle say,
    remembered by those (string ids and the particle: it reads nothing else)."""
    if not _passes_cheap_tests(token, (kind,)):
        return ""
    key = (token.orth, token.lemma, token.pos, particle_of(token), kind)
    return _remembered(_CUE_LEMMAS, 1 << 16, key, _form_cue_lemma, token, kind)


def _form_cue_lemma(token: Token, kind: str) -> str:
    words = cue_lexicon().get(kind, frozenset())
    if token.pos_ not in VERB_POS:
        # a tagger may call a finite verb an adjective ("Das teilte X mit"): a past or
        # present form of a cue verb (not a participle) still counts
        low = token.lower_
        if token.pos_ not in {"ADJ", "ADV", "NOUN", "X"} or low.startswith("ge"):
            return ""
        if not low.endswith(("te", "ten", "t")) and low not in irregular_forms():
            return ""
        guesses = verb_guesses(token.text)
        found = sorted({particle_of(token) + g for g in guesses} & words or guesses & words)
        return found[0] if found else ""
    preferred = verb_lemma(token)
    if preferred in words:
        return preferred
    found = sorted(lemma_candidates(token) & words, key=lambda w: (-len(w), w))
    return found[0] if found else ""


_FEATURES: dict[int, dict[str, tuple[str, ...]]] = {}


def morph_features(token: Token) -> dict[str, tuple[str, ...]]:
    """{field: values} of a token's morphology (``morph.get(field)`` is ``.get(field, ())``),
    parsed once per analysis: spaCy's ``MorphAnalysis.get`` costs microseconds a call. The
    dict is shared: do not change it."""
    morph = token.morph
    feats = _FEATURES.get(morph.key)
    if feats is None:
        if len(_FEATURES) >= 65536:
            _FEATURES.clear()
        feats = {f: tuple(v.split(",")) for f, v in morph.to_dict().items()}
        _FEATURES[morph.key] = feats
    return feats


def key_features(vocab: Vocab, key: int) -> dict[str, tuple[str, ...]]:
    """``morph_features`` of a token by its ``morph.key`` (a MORPH id of ``to_array``)."""
    feats = _FEATURES.get(key)
    if feats is None:
        from spacy.tokens import MorphAnalysis

        if len(_FEATURES) >= 65536:
            _FEATURES.clear()
        morph = MorphAnalysis.from_id(vocab, key)
        feats = {f: tuple(v.split(",")) for f, v in morph.to_dict().items()}
        _FEATURES[key] = feats
    return feats


_MAY_BE_CUE: dict[tuple[int, int], bool] = {}


def cue_lemmas(token: Token) -> tuple[str, str]:
    """(``cue_lemma(token, "reported")``, ``cue_lemma(token, "verb")``): most words fail the
    cheap tests ``cue_lemma`` starts with (``_passes_cheap_tests``), made here once for both
    kinds and remembered by the word's and lemma's string ids (they depend on nothing else)."""
    if not may_be_cue(token):
        return "", ""
    # cue_lemma of both kinds with one look-up of the form (``_cue_lemma`` reads nothing
    # else), remembered for the document as cue_lemma does
    lemmas, i = _memo(token.doc).lemmas, token.i
    reported, verb = lemmas.get((i, "reported")), lemmas.get((i, "verb"))
    if reported is None or verb is None:
        key = (token.orth, token.lemma, token.pos, particle_of(token))
        reported, verb = _remembered(_CUE_PAIRS, 1 << 16, key, _cue_pair, token)
        lemmas[(i, "reported")], lemmas[(i, "verb")] = reported, verb
    return reported, verb


_CUE_PAIRS: dict[tuple[int, int, int, str], tuple[str, str]] = {}


def _cue_pair(token: Token) -> tuple[str, str]:
    return _cue_lemma(token, "reported"), _cue_lemma(token, "verb")


def may_be_cue(token: Token, key: Sequence[int] | None = None) -> bool:
    """Whether ``token`` passes the cheap tests of ``cue_lemmas`` (else both are ""),
    remembered by the string ids of its text and lemma (``key``: those two, when read)."""
    key = (token.orth, token.lemma) if key is None else (key[0], key[1])
    may = _MAY_BE_CUE.get(key)
    if may is None:
        if len(_MAY_BE_CUE) >= 1 << 18:
            _MAY_BE_CUE.clear()
        may = _MAY_BE_CUE[key] = _passes_cheap_tests(token, ("reported", "verb"))
    return may


def cue_candidates(
    tokens: Sequence[Token], texts: Sequence[str], ids: Sequence[Sequence[int]]
) -> list[int]:
    """Indices of the lowercase tokens of a document that may be a cue verb (``may_be_cue``)
    or are a verb (``texts``: each token's text; ``ids``: its ORTH, LEMMA and POS ids)."""
    from spacy.symbols import AUX, VERB

    remembered, verbal, out = _MAY_BE_CUE, (VERB, AUX), []
    for i, key in enumerate(ids):
        if not texts[i][:1].islower():
            continue
        if key[2] in verbal:
            out.append(i)
            continue
        may = remembered.get((key[0], key[1]))
        if may is None:
            may = may_be_cue(tokens[i], key)
        if may:
            out.append(i)
    return out


def mood_candidates(
    tokens: Sequence[Token],
    lowers: Sequence[str],
    ids: Sequence[Sequence[int]],
    has_morph: bool,
) -> list[int]:
    """Indices of the tokens of a document whose ``konjunktiv_kind`` may not be "": what
    their word form says, before the first-person test (``lowers``: each token's
    ``lower_``; ``ids``: its ORTH, LEMMA, POS and MORPH ids)."""
    from spacy.symbols import AUX, VERB

    forms = konjunktiv_forms()
    listed = forms.get("one", frozenset()) | forms.get("two", frozenset())
    verbal, kinds, out = (VERB, AUX, 0), _KINDS, []
    for i, key in enumerate(ids):
        # only a listed form or a verb (or a word without POS) can have a kind
        if key[2] not in verbal and lowers[i] not in listed:
            continue
        found = kinds.get((*key, has_morph))
        if found is None:
            found = _form_kind_cached(tokens[i], has_morph, key)
        if found[0]:
            out.append(i)
    return out


def is_finite(token: Token) -> bool:
    """A finite verb: VerbForm=Fin, or a mood or person (morphologizers differ)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    feats = morph_features(token)
    return "Fin" in feats.get("VerbForm", ()) or bool(feats.get("Mood") or feats.get("Person"))


def is_konjunktiv(token: Token, has_morph: bool) -> bool:
    """Finite verb in the subjunctive (Konjunktiv I or II)."""
    return konjunktiv_kind(token, has_morph) != ""


_KINDS: dict[tuple[int, int, int, int, bool], tuple[str, bool]] = {}


def konjunktiv_kind(token: Token, has_morph: bool = True, key: Sequence[int] | None = None) -> str:
    """ "one" (Konjunktiv I), "two" (Konjunktiv II) or "" for a verb token. What the word
    form says is remembered by the string ids of its text and lemma and its POS and MORPH
    ids (``key``: those four, when already read); only the first-person test looks further.
    """
    kind, personal = _form_kind_cached(token, has_morph, key)
    return "" if personal and _first_person(token) else kind


def _form_kind_cached(token: Token, has_morph: bool, key: Sequence[int] | None) -> tuple[str, bool]:
    if key is None:
        key = (token.orth, token.lemma, token.pos, token.morph.key)
    found = _KINDS.get((*key, has_morph))
    if found is None:
        if len(_KINDS) >= 1 << 18:
            _KINDS.clear()
        found = _KINDS[(*key, has_morph)] = _form_kind(token, has_morph)
    return found


def _form_kind(token: Token, has_morph: bool) -> tuple[str, bool]:
    """(``konjunktiv_kind`` of a word form, whether a first-person subject would make it "")."""
    low = token.lower_
    forms = konjunktiv_forms()
    if low in forms.get("one", ()):
        return "one", False
    if low in forms.get("two", ()):
        return "two", False
    if token.pos_ not in VERB_POS or not low.isalpha() or not token.text[:1].islower():
        return "", False
    if low in EPISTEMIC:
        return "", False  # "dürfte": the writer's own guess, not reported speech
    feats = morph_features(token) if has_morph else {}
    if has_morph and "Sub" in feats.get("Mood", ()):
        return ("two" if "Past" in feats.get("Tense", ()) else "one"), False
    verb_form = feats.get("VerbForm", ())
    if not has_morph or "Fin" not in verb_form and verb_form:
        return "", False
    # (a first-person subject makes it "": konjunktiv_kind tests that)
    # Konjunktiv I, third person singular: the stem plus -e ("benötige", "trage", "gelte")
    if low.endswith("e") and len(low) >= 4:
        lemma = (token.lemma_ or "").lower()
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else ""
        if stem and low == stem + "e":
            return "one", True
        # a form in -e the lemma does not explain: Konjunktiv I unless a past form ("wurde",
        # or marked past by the morphologizer) or a weak past in -te
        past = low in INDICATIVE or "Past" in feats.get("Tense", ())
        if not low.endswith("te") and token.pos_ == "VERB" and not past:
            return "one", True
    return "", False


def _first_person(token: Token) -> bool:
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "sb"}]
    if any(c.lower_ == "ich" for c in subjects):
        return True
    return token.i > 0 and token.doc[token.i - 1].lower_ == "ich"


@cache
def _noun_endings(kind: str) -> tuple[str, ...]:
    """The cue words of ``kind`` as one tuple: ``str.endswith`` tests them all in one call."""
    return tuple(cue_lexicon().get(kind, ()))


def is_source_noun(word: str) -> bool:
    """Nouns that name where a statement comes from: "Angaben", "Polizeiangaben", "Meinung"."""
    return word.lower().endswith(_noun_endings("source"))


def is_document_noun(word: str) -> bool:
    """Nouns naming a text that carries a statement: "Artikel", "Schreiben", "Interview"
    (for speakers only: unlike source nouns they make no nominal cue, "nach Artikel 68")."""
    return word.lower().endswith(_noun_endings("document"))


def is_claim_noun(word: str) -> bool:
    """Nouns naming another's statement: "Vorschlag", "Behauptungen", "Forderung"."""
    return word.lower().endswith(_noun_endings("claim"))
