"""Konjunktiv (``Mood=Sub``) by German morphology, for any pipeline's finite verbs.

Three rules, each a form no indicative verb has:

- Konjunktiv II of auxiliaries and modals: "wäre", "hätten", "würde", "könnte", "müsste",
  "dürfte", "möchte" (their indicative past has no umlaut: "konnte", "musste").
- Konjunktiv II of strong verbs: an umlaut the lemma lacks, with a subjunctive ending
  ("gäbe" < geben, "käme" < kommen, "fänden" < finden, "wüsste" < wissen).
- Konjunktiv I: "sei"/"seien", modal stem + e ("könne", "müsse", "wolle"), and the stem
  plus -e of any verb ("habe", "komme", "handele") unless the subject is "ich" (then it is
  the indicative "ich habe").

Forms of "sein", "haben", "werden" and modals that are never Konjunktiv ("ist", "konnte")
get ``Mood=Ind``; other verbs keep the model's mood.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

_KII_STEMS = ("wär", "hätt", "würd", "könnt", "müsst", "müßt", "dürft", "möcht")
_KII_ENDINGS = ("e", "en", "est", "et")
KONJUNKTIV_TWO = frozenset({s + e for s in _KII_STEMS for e in _KII_ENDINGS} | {"wärst", "wärt"})
KONJUNKTIV_ONE = frozenset(
    {"sei", "seiest", "seist", "seien", "seiet"}
    | {s + e for s in ("könn", "müss", "soll", "woll", "dürf", "mög") for e in ("e", "est")}
)
# never Konjunktiv; "sollte", "wollte" are left to the model (both moods)
INDICATIVE = frozenset(
    "ist sind bist seid war waren warst hat hast hatte hatten wird wirst wurde wurden "
    "kann kannst konnte konnten muss muß musst mußt musste mußte mussten mußten darf "
    "durfte durften will willst mag mochte mochten".split()
)
_FIRST_PERSON = frozenset({"ich"})
VERB_POS = frozenset({"VERB", "AUX"})
NOT_VERB = frozenset({"NOUN", "PROPN", "PUNCT", "NUM", "X"})


def konjunktiv_tense(token: Token) -> str:
    """ "Pres" (Konjunktiv I), "Past" (Konjunktiv II) or "" when the form is not Konjunktiv."""
    low = token.lower_
    if token.pos_ not in NOT_VERB:  # "Wolle", "Hätte" at a sentence start tagged SCONJ
        if low in KONJUNKTIV_TWO:
            return "Past"
        if low in KONJUNKTIV_ONE:
            return "Pres"
    if token.pos_ not in VERB_POS or not low.isalpha() or len(low) < 3:
        return ""
    lemma = token.lemma_.lower()
    if not lemma.endswith("n") or lemma == low:
        return ""
    if _strong_konjunktiv_two(low, lemma):
        return "Past"  # an infinitive or participle has no umlaut its lemma lacks ("aufbrächten")
    if not low.endswith("e") and {"Inf", "Part"} & set(token.morph.get("VerbForm")):
        return ""  # "-e" forms are never infinitives or participles, whatever the model says
    if low.endswith("e") and low == _stem(lemma) + "e" and not _first_person(token):
        return "" if _adverbial(token, low) else "Pres"
    return ""


# UD relations of words that are no clause's verb ("zeitweise" tagged VVFIN as an advmod,
# the particle "vorne" of "liegt vorne" as compound:prt)
_NON_VERB_DEPS = frozenset(
    "advmod amod nmod obl obj iobj nsubj det case compound compound:prt flat appos nummod "
    "mark cc".split()
)


def _adverbial(token: Token, low: str) -> bool:
    """A form the parser hangs as an adverb or in a noun phrase ("musste zeitweise den
    Betrieb einstellen") and the lemma table knows as no verb form: no finite verb."""
    from newscorp.pipeline.lemmas import verb_lemma_of_e_form

    return token.dep_ in _NON_VERB_DEPS and verb_lemma_of_e_form(low) is None


def mistagged_konjunktiv(token: Token) -> str:
    """The verb lemma of a Konjunktiv the tagger took for an adjective or adverb ("er käme",
    "Deutschland brauche"), or "": a verb form by the lemma table, not attributive (an
    adjective in -e stands before its noun or after an article: "klare Worte")."""
    from newscorp.pipeline.lemmas import verb_lemma_of_e_form

    low = token.lower_
    if token.pos_ not in {"ADJ", "ADV"} or not low.isalpha() or not low.endswith(("e", "en")):
        return ""
    lemma = (verb_lemma_of_e_form(low) or "").lower()
    if not lemma.endswith("n") or lemma == low or not token.text[:1].islower():
        return ""
    if not (low == _stem(lemma) + "e" or _strong_konjunktiv_two(low, lemma)):
        return ""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > 0 else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return ""
    if prev is not None and prev.pos_ in {"DET", "ADP"}:
        return ""
    return lemma


def _stem(lemma: str) -> str:
    """Present stem: "geben" -> "geb", "handeln" -> "handel", "tun" -> "tu"."""
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def _strong_konjunktiv_two(low: str, lemma: str) -> bool:
    """An umlaut the lemma lacks before a subjunctive ending: "gäbe", "kämen", "wüsste"."""
    if not any(c in low for c in "äöü") or any(c in lemma for c in "äöü"):
        return False
    return low.endswith(("e", "en", "est", "et"))  # not "fährt", "hält": indicative present


def is_indicative(token: Token) -> bool:
    """A verb form that is no Konjunktiv here: an indicative of "sein", "haben", "werden" or
    a modal ("ist", "konnte"), a plural equal to the infinitive ("dürfen"; Konjunktiv I
    plural is the indicative), or stem + e after "ich" ("ich habe", "verstehe ich")."""
    low = token.lower_
    if token.pos_ not in VERB_POS or low in KONJUNKTIV_ONE or low in KONJUNKTIV_TWO:
        return False
    if low in INDICATIVE:
        return True
    lemma = token.lemma_.lower()
    if low == lemma and lemma.endswith("n"):
        return True
    if low.endswith(("te", "ten")) and _after_indicative_past(token):
        return True
    return low.endswith("e") and low == _stem(lemma) + "e" and _first_person(token)


def _after_indicative_past(token: Token) -> bool:
    """A weak past form (its Konjunktiv II looks the same) coordinated with an indicative past
    verb: "Der LKW geriet ins Schleudern, rammte die Leitplanke und kippte um"."""
    head = token.head
    return (
        token.dep_ in {"conj", "cj"}
        and head is not token
        and head.pos_ in VERB_POS
        and "Ind" in head.morph.get("Mood")
        and "Past" in head.morph.get("Tense")
    )


def _first_person(token: Token) -> bool:
    """Whether "ich" is the verb's subject or stands right beside it; a verb coordinated
    with one whose subject is "ich" ("ich habe ... und werde") counts too."""
    doc = token.doc
    if any(c.lower_ in _FIRST_PERSON for c in token.children if c.dep_ in {"nsubj", "sb"}):
        return True
    head = token.head
    if token.dep_ in {"conj", "cj"} and head is not token and head.pos_ in VERB_POS:
        if any(c.lower_ in _FIRST_PERSON for c in head.children if c.dep_ in {"nsubj", "sb"}):
            return True
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.lower_ in _FIRST_PERSON for t in near)


# capitalised forms that are also nouns ("die Würde", "die Wolle"): a verb only before a
# pronoun subject ("Würde es …")
_ALSO_NOUNS = frozenset({"würde", "wolle"})
_AUX_E_FORMS = frozenset({"habe", "werde"})  # stem + e of the auxiliaries "haben", "werden"
# the tags of determiners in STTS: a possessive ("meine", "unsere") is never a verb
DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PRELAT", "PWAT"})


# lemmas of the auxiliaries and modals whose finite forms open verb-first clauses
AUX_LEMMAS = frozenset("haben sein werden können müssen dürfen sollen wollen mögen".split())
OPENING_MARKS = frozenset("„“\"»«‚‘'")


def verb_first(token: Token) -> bool:
    """A capitalised auxiliary or modal opening a sentence that the tagger took for a noun,
    name or adverb ("Hätte es das Zentrum gegeben", "Habe die Artikel erhalten", a headline
    „Hatten mehrere Optionen …“): a Konjunktiv form, or a finite form of an auxiliary or
    modal by the lemma table that is no noun of its own ("Waren", "Würde")."""
    low = token.lower_
    if token.pos_ in VERB_POS or not token.text[:1].isupper() or token.ent_type_:
        return False
    if low not in KONJUNKTIV_ONE and low not in KONJUNKTIV_TWO and low not in _AUX_E_FORMS:
        if not _finite_auxiliary(token.text):
            return False
    doc = token.doc
    k = token.i - 1
    while k >= 0 and doc[k].text in OPENING_MARKS and "\n" not in doc[k].whitespace_:
        k -= 1  # a headline in quotation marks: „Hatten …“
    prev = doc[k] if k >= 0 else None
    if prev is not None and not (prev.text in {".", "!", "?"} or "\n" in prev.text_with_ws):
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ in {"VERB", "AUX", "PUNCT"} or nxt.lower_ in {"des", "und"}:
        return False
    return nxt.pos_ == "PRON" or low not in _ALSO_NOUNS


@lru_cache(maxsize=1 << 14)
def _finite_auxiliary(text: str) -> bool:
    """A capitalised finite form of an auxiliary or modal ("Hatten", "Wurde", "Kann") by the
    lemma table, which knows no noun of that spelling ("Waren" -> "Ware") and is no
    infinitive ("Sein", "Wollen")."""
    from newscorp.pipeline.lemmas import lemma_table

    table = lemma_table()
    own = table.get(text)
    if own is not None and own[:1].isupper():
        return False  # the capitalised form has a noun lemma of its own: "Waren" -> "Ware"
    low = text.lower()
    lemma = table.get(low)
    return lemma in AUX_LEMMAS and lemma != low


# STTS tags of finite verbs: a tagger trained on STTS ("VVFIN") against a morphologizer's ADJ
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_FINITE_ENDINGS = ("t", "st", "e", "en", "te", "ten", "tet")


def mistagged_finite(token: Token) -> str:
    """The verb lemma of a finite verb that the morphologizer called an adjective or adverb
    while the tagger gave it a finite verb tag and the lemmatizer (else the lemma table) a
    verb lemma ("dass die Regierung eine Kooperation ins Auge fasst": "fasst" VVFIN, lemma
    "fassen"; "Dieses stelle eine Verletzung dar"), or "": the form has a finite ending and
    the verb's first letters, or it is a strong past form by the lemma table ("gewann")."""
    if token.pos_ not in {"ADJ", "ADV"} or token.tag_ not in FINITE_TAGS:
        return ""
    low = token.lower_
    if not low.isalpha() or not token.text[:1].islower():
        return ""
    lemma = token.lemma_.lower()
    if not lemma.endswith("n") or lemma == low:
        from newscorp.pipeline.lemmas import verb_lemma_of_e_form

        lemma = (verb_lemma_of_e_form(low) or "").lower()  # "stelle": lemmatizer "stell"
    weak = lemma.endswith("n") and lemma != low and low[:2] == lemma[:2]
    if not (weak and low.endswith(_FINITE_ENDINGS)):
        lemma = _strong_past(low)
    if not lemma:
        return ""
    if _adverbial(token, low):
        return ""  # "musste zeitweise den Betrieb einstellen": lemmatizer "zeitweisen"
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return ""  # attributive: "die interessierte Öffentlichkeit"
    return lemma


@lru_cache(maxsize=1 << 14)
def _strong_past(low: str) -> str:
    """The verb lemma of a strong past form without a finite ending ("gewann" -> gewinnen,
    "kam" -> kommen), by the lemma table, else ""."""
    from newscorp.pipeline.lemmas import lemma_table

    lemma = lemma_table().get(low) or ""
    return lemma if lemma.endswith("en") and lemma != low and not low.endswith("en") else ""


def not_konjunktiv(token: Token) -> bool:
    """A model's ``Mood=Sub`` on a word that is no Konjunktiv: no subjunctive ending
    ("documenta"), no verb (a lemma not in -n: "ade", "meist"; a determiner's tag: "meine"),
    or a past form in -te read as Konjunktiv I ("wusste" of "wissen" with Tense=Pres)."""
    low = token.lower_
    if low in KONJUNKTIV_ONE or low in KONJUNKTIV_TWO or konjunktiv_tense(token):
        return False
    if not low.endswith(("e", "n", "st", "t")):
        return True  # no subjunctive ending: „documenta“ tagged as an auxiliary
    if low.endswith("e") and _adverbial(token, low):
        return True
    lemma = token.lemma_.lower()
    if not lemma.endswith("n") or token.tag_ in DETERMINER_TAGS:
        return True
    return (
        "Pres" in token.morph.get("Tense")
        and low.endswith(("te", "ten"))
        and not low.startswith(_stem(lemma))
    )


def set_mood(token: Token, mood: str, tense: str = "") -> None:
    """Set a finite verb's mood (and tense), keeping its other features."""
    feats = token.morph.to_dict()
    feats.update(Mood=mood, VerbForm="Fin")
    if tense:
        feats["Tense"] = tense
    token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))


def drop_mood(token: Token) -> None:
    """Remove a wrong ``Mood=Sub``: a past form gets ``Mood=Ind|Tense=Past``, a word that
    is no verb loses its verb features."""
    feats = token.morph.to_dict()
    if token.lemma_.lower().endswith("n") and token.tag_ not in DETERMINER_TAGS:
        feats.update(Mood="Ind", Tense="Past")
    else:
        for key in ("Mood", "Tense", "VerbForm", "Person"):
            feats.pop(key, None)
    token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())) or None)
