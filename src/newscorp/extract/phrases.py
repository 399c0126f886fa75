"""Noun phrases around a verb without trusting the parser alone: the speaker of a cue.

German puts the subject right before the finite verb ("Trump sagte"), right after it
("…, sagte der Minister", "verkündete am Vormittag die Sprecherin"), or between a
conjunction and a final verb ("wie der Bundeswahlleiter mitteilte"). The parser's ``nsubj``
is tried first; when it is missing or implausible the phrase next to the verb is taken.
Phrases keep genitive attributes and name appositions ("die Sprecherin des Weißen Hauses,
Sarah Sanders"), so the person's name is inside the mention.

The rules read the document's per-token lists (:class:`newscorp.extract.arrays.DocArrays`,
built once per document) by token index instead of Token attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from newscorp.corpus.metadata import AGENCIES
from newscorp.extract.arrays import DocArrays, doc_arrays, string_id, string_ids
from newscorp.extract.cues import is_document_noun, is_source_noun, key_features
from newscorp.pipeline.lexicons import (
    MONTHS,
    common_nouns,
    is_body_noun,
    is_role,
    plain_nouns,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ_DEPS = {"nsubj", "nsubj:pass", "sb"}
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"}
HEAD_POS = {"NOUN", "PROPN", "X"}
GENITIVE_DETS = {"des", "der", "eines", "einer", "dieses", "dieser"}
# subjects that do not say anything themselves
CASE_AMBIGUOUS = {"sie"}  # a pronoun after the verb that may be its object ("nannte sie")
NOT_SPEAKERS = {"es", "man", "das", "dies", "dieses", "was", "sich", "alles", "diese", "der"}
PERSONAL = {"er", "sie", "ich", "wir", "ihr"}
DEMONSTRATIVES = {"dieser", "diese", "jener", "jene"}
SKIP_POS = {"ADV", "PART", "AUX", "CCONJ"}
MAX_PHRASE = 18
NOT_NOMINATIVE = {"den", "dem", "des", "einen", "einem", "eines"}
TIME_WORDS = set(
    "gestern heute morgen vorgestern ende anfang mitte jahr jahres woche monat tag abend "
    "vormittag nachmittag nacht zeit letzten vergangenen kommenden unterdessen indessen "
    "inzwischen derweil dagegen jedoch allerdings zudem außerdem bislang bisher".split()
)
ADVERBS = set(  # sentence adverbs a tagger may take for a bare noun subject ("Momentan")
    "momentan besonders offiziell später zuvor danach daraufhin zunächst erstmals ebenfalls "
    "damals zuletzt kürzlich mittlerweile gleichzeitig zugleich ebenso vielmehr insbesondere "
    "offenbar angeblich tatsächlich deshalb daher trotzdem dennoch schließlich anschließend "
    "demnach letztlich stattdessen inzwischen unterdessen derweil indes indessen nun jetzt "
    "bereits auch außerdem zudem ferner weiterhin hingegen jedoch allerdings dagegen "
    "nämlich vermutlich wahrscheinlich möglicherweise sicherlich zweifellos gestern heute".split()
)
TITLE_MARKS = set('„“”»«"‚‘')
VERB_FINAL = {"wie", "als", "nachdem", "weil", "da"}  # conjunctions of verb-final clauses

# the string ids of the words and labels above, compared with DocArrays' columns
_NP, _HEAD, _SUBJ = string_ids(NP_POS), string_ids(HEAD_POS), string_ids(SUBJ_DEPS)
_HEAD_PRON = string_ids(HEAD_POS | {"PRON"})
_GENITIVE, _PERSONAL = string_ids(GENITIVE_DETS), string_ids(PERSONAL)
_CASE_AMBIGUOUS, _NOT_SPEAKERS = string_ids(CASE_AMBIGUOUS), string_ids(NOT_SPEAKERS)
_DEMONSTRATIVES, _SKIP = string_ids(DEMONSTRATIVES), string_ids(SKIP_POS)
_NOT_NOMINATIVE, _ADVERBS = string_ids(NOT_NOMINATIVE), string_ids(ADVERBS)
_TIMES, _VERB_FINAL = string_ids(TIME_WORDS | MONTHS), string_ids(VERB_FINAL)
_DET, _ADJ, _PRON, _NOUN, _PUNCT, _ADP, _PROPN = (
    string_id(p) for p in ("DET", "ADJ", "PRON", "NOUN", "PUNCT", "ADP", "PROPN")
)
_VERB, _NUM = string_id("VERB"), string_id("NUM")
_DET_ADJ, _ADJ_NUM = string_ids({"DET", "ADJ"}), string_ids({"ADJ", "NUM"})
_DET_ADJ_NUM, _VERB_AUX = string_ids({"DET", "ADJ", "NUM"}), string_ids({"VERB", "AUX"})
_NSUBJ_SB, _AUX = string_ids({"nsubj", "sb"}), string_ids({"aux", "aux:pass"})
_CONJ, _MARK, _XCOMP = string_id("conj"), string_id("mark"), string_id("xcomp")
_ACL = string_ids({"acl:relcl", "acl"})
_FLAT_NAME = string_ids({"flat", "flat:name"})
_ZU, _ALS, _SICH = string_id("zu"), string_id("als"), string_id("sich")
_LAUT = string_id("laut")
_VON = string_ids({"von", "vom"})
_VOM = string_id("vom")
_LASSEN, _ZITIEREN, _WERDEN = string_id("lassen"), string_id("zitieren"), string_id("werden")
_PARTICIPLE_TAGS = string_ids({"VVPP", "VBN"})
_PER_ORG, _LOC = string_ids({"PER", "ORG"}), string_id("LOC")
_I = 1  # ENT_IOB of "I"
_AGENCIES = string_ids(AGENCIES)
_B = 3  # ENT_IOB of "B"
_PER = string_id("PER")


def _is_name(a: DocArrays, i: int) -> bool:
    return a.pos[i] in _HEAD and a.texts[i][:1].isupper() or bool(a.ent_type[i])


def _text(a: DocArrays, start: int, end: int) -> str:
    """``doc[start:end].text`` (start < end) without joining the tokens again."""
    return a.text[a.idx[start] : a.idx[end - 1] + len(a.texts[end - 1])]


def phrase_from(doc: Doc, start: int, stop: int, inside: set[int]) -> Span | None:
    """The noun phrase starting at token ``start`` (not past ``stop``): determiners,
    adjectives and nouns, then genitive attributes and name appositions."""
    return _phrase_from(doc_arrays(doc), start, stop, inside)


def _phrase_from(a: DocArrays, start: int, stop: int, inside: set[int]) -> Span | None:
    pos, texts, space = a.pos, a.texts, a.space
    i = start
    seen_head = False
    if pos[start] == _DET and start + 1 < stop and pos[start + 1] == _ADP:
        # the attribute's own phrase names no speaker: the mention starts at its adjective
        i = start = _extended_attribute(a, start + 1, stop, inside) or start
    while i < stop and i not in inside:
        p = pos[i]
        if seen_head and p in _DET_ADJ:
            break  # a new phrase ("Trump | den Abbruch") or a genitive, handled below
        if seen_head and _new_phrase(a, i, start):
            break  # "eigenen Angaben | 3,5 Millionen Kunden", "Ausscheiden | Informationen"
        close = _title_end(a, i, stop, inside) if not seen_head else None
        if close is not None:  # a quoted name of any words: „heise online“
            seen_head = True
            i = close + 1
            continue
        if (
            p in _NP
            or texts[i] == "-"
            or (space[i] and not seen_head)
            or (_title_mark(a, i, inside))
            or (i > start and a.ent_iob[i] == _B and a.ent_type[i] == _PER)
        ):  # (a person's name whatever its tags: "Außenministerin Ann Linde", "Ann" ADV)
            seen_head = (
                seen_head
                or p in _HEAD
                or a.dep[i] in _SUBJ
                and _nominal_adjective(a, i)  # "Angehörige"
            )
            i += 1
            continue
        if p == _PRON and i == start and a.lower[i] in _PERSONAL:
            return Span(a.doc, i, i + 1)
        break
    if not seen_head:
        return None
    end = _roles_then_name(a, start, i, stop, inside) or i
    iob = a.ent_iob
    while end < stop and end not in inside and iob[end] == _I:
        end += 1  # a name is not cut by a word tagged as a preposition ("Moon Jae In")
    while end < stop:
        nxt = _attachment(a, end, stop, inside)
        if nxt is None or nxt - start > MAX_PHRASE:
            break
        end = nxt
    punct = a.punct
    while end > start and (punct[end - 1] or space[end - 1]):
        if texts[end - 1] in TITLE_MARKS and _opened(a, start, end - 1):
            break  # die „Süddeutsche Zeitung“ keeps its closing mark
        end -= 1
    return Span(a.doc, start, end) if end > start else None


def _roles_then_name(a: DocArrays, start: int, end: int, stop: int, inside: set[int]) -> int:
    """The end of a person's name after two roles joined by "und", one person ("OeNB-
    Gouverneur und EZB-Rat Ewald Nowotny", "Der Landtagsabgeordnete und SPD-Fraktionschef
    Andreas Stoch") when the phrase ``start:end`` is an article and roles only and the
    second role is up to three capitalised nouns; else 0 (not "Der Präsident und die
    Kanzlerin", "Merkel und Macron")."""
    texts = a.texts
    first = start
    while first < end and a.space[first]:
        first += 1  # (a blanked dateline before the sentence)
    first = first + 1 if first < end and a.pos[first] == _DET else first
    if first >= end or end + 2 >= stop or texts[end] != "und":
        return 0
    if not all(texts[k][:1].isupper() and is_role(texts[k]) for k in range(first, end)):
        return 0
    k = end + 1
    while k < stop and k not in inside and texts[k][:1].isupper() and not a.ent_type[k]:
        if not (is_role(texts[k]) or a.pos[k] in _HEAD) or k > end + 3:
            return 0
        k += 1
    if k == end + 1 or k >= stop or k in inside or a.ent_iob[k] != _B or a.ent_type[k] != _PER:
        return 0
    k += 1
    while k < stop and k not in inside and a.ent_iob[k] == _I:
        k += 1
    return k


def _new_phrase(a: DocArrays, i: int, start: int) -> bool:
    """Does token ``i``, right after a phrase's noun, start another phrase: a number
    counting a noun ("Angaben | 38 Menschen") or a plain noun after an article's (or an
    adjective's) plain noun ("seinem Ausscheiden | Informationen"; not "die Zeitung Dawn",
    "der Präsident Obama", "Neue Osnabrücker Zeitung") or after the bare noun of "laut"
    ("laut Anklage | Gelder", "laut Medienberichten | Informationen"; not "wie Business
    Insider berichtet")?"""
    if a.ent_type[i] or i + 1 >= a.n:
        return False
    pos, texts = a.pos, a.texts
    if pos[i] == _NUM:
        return pos[i + 1] in (_NOUN, _ADJ) and pos[i - 1] == _NOUN
    if pos[i] != _NOUN or pos[i - 1] != _NOUN or a.ent_type[i - 1] or i - 1 < start:
        return False
    before, word = texts[i - 1], texts[i]
    plain = common_nouns(), plain_nouns()
    return (
        (pos[i - 2] in _DET_ADJ if i - 2 >= start else _after_laut(a, start))
        and any(before in nouns for nouns in plain)
        and any(word in nouns for nouns in plain)
        and not before.endswith("er")  # "Osnabrücker", "Schweriner": a place's adjective
        and not is_role(before)
        and not is_body_noun(before)
        and "-" not in before + word
    )


def _after_laut(a: DocArrays, start: int) -> bool:
    """Does the phrase at ``start`` follow "laut", whose object is a bare noun ("laut
    Anklage", "laut Verfassung")?"""
    return start > 0 and a.lower[start - 1] == _LAUT


def _extended_attribute(a: DocArrays, i: int, stop: int, inside: set[int]) -> int | None:
    """Where the adjective of an extended attribute starts: "der [für die Region zuständige]
    Koordinator" (an article, a prepositional phrase, then an adjective before a noun);
    None when the words after the article are no such attribute."""
    pos = a.pos
    for j in range(i + 1, min(stop - 1, i + 8)):
        if j in inside or pos[j] in _VERB_AUX or a.punct[j]:
            return None
        if pos[j] == _ADJ and pos[j + 1] in (_NOUN, _PROPN) and a.texts[j].endswith(("e", "en")):
            return j
    return None


def _opened(a: DocArrays, start: int, end: int) -> bool:
    """Is a quotation mark opened among tokens [start, end) and not closed there?"""
    marks = [t for t in a.texts[start:end] if t in TITLE_MARKS]
    return len(marks) % 2 == 1


def _title_mark(a: DocArrays, i: int, inside: set[int]) -> bool:
    """A quotation mark around a quoted name (no quotation): die „Süddeutsche Zeitung“."""
    if a.texts[i] not in TITLE_MARKS:
        return False
    return not any(j in inside for j in (i - 1, i + 1) if 0 <= j < a.n)


def _title_end(a: DocArrays, i: int, stop: int, inside: set[int]) -> int | None:
    """The closing mark of a short quoted name opened at token i, if any."""
    if not _title_mark(a, i, inside) or i + 1 >= stop or a.punct[i + 1]:
        return None
    texts = a.texts
    for j in range(i + 1, min(stop, i + 8)):
        if j in inside or texts[j] in {",", ".", ";", ":"}:
            return None
        if texts[j] in TITLE_MARKS:
            return j
    return None


def _title_start(a: DocArrays, k: int, lo: int, inside: set[int]) -> int | None:
    """The opening mark of a short quoted name closed at token k, if any."""
    if not _title_mark(a, k, inside):
        return None
    texts = a.texts
    for j in range(k - 1, max(lo, k - 8) - 1, -1):
        if j in inside or texts[j] in {",", ".", ";", ":"}:
            return None
        if texts[j] in TITLE_MARKS:
            return j if j + 1 < k else None
    return None


def _attachment(a: DocArrays, i: int, stop: int, inside: set[int]) -> int | None:
    """End of a genitive attribute, a parenthesis or a name apposition starting at i."""
    if i in inside:
        return None
    pos, texts = a.pos, a.texts
    if a.lower[i] in _GENITIVE and pos[i] == _DET:
        j = i + 1
        while j < stop and pos[j] in _ADJ_NUM and j not in inside:
            j += 1
        close = _title_end(a, j, stop, inside)
        if close is not None:
            return close + 1  # a quoted name: "eines Artikels der „New York Times“"
        k = j
        while k < stop and pos[k] in _HEAD and k not in inside:
            k += 1
        if k > j and a.texts[i] == "der" and _nominative_after_der(a, i, j):
            return None  # "Auskunft der NASA | der überwiegende Teil": no genitive
        if k == j + 1 and a.texts[i] == "der" and a.lower[j] in _AGENCIES and i > 0:
            owner = a.texts[i - 1]
            if not (is_source_noun(owner) or is_document_noun(owner)):
                return None  # "sagte ein Sprecher der APA": told the agency (not "Meldung der dpa")
        while j < k < stop and k not in inside and a.ent_iob[k] == _I:
            k += 1  # the rest of the name, whatever its tags: "der New York Times" ("Times" ADJ)
        return k if k > j else None
    text = texts[i]
    if text == "(":
        j = i + 1
        while j < stop and texts[j] != ")" and j - i < 8:
            j += 1
        return j + 1 if j < stop and texts[j] == ")" else None
    if text == ",":
        j = i + 1
        while j < stop and j not in inside and (_is_name(a, j) or pos[j] in _NP):
            j += 1
        ents = a.ent_type
        names = any(
            _is_name(a, t) and pos[t] == _PROPN or ents[t] for t in range(i + 1, min(j, a.n))
        )
        if j > i + 1 and names and j <= stop and (j == stop or texts[j] in {",", ")"}):
            return j + 1 if j < stop and texts[j] == "," and _ends_apposition(a, j) else j
        return None
    return None


def _nominative_after_der(a: DocArrays, det: int, noun: int) -> bool:
    """Is "der" at ``det`` a nominative: its adjectives before the noun at ``noun`` end in
    -e ("der überwiegende Teil"; a genitive or dative takes -en: "der befragten Iraker")?"""
    adjectives = [k for k in range(det + 1, noun) if a.pos[k] == _ADJ]
    return bool(adjectives) and all(
        a.texts[k].endswith("e") and not a.texts[k].endswith("ee") for k in adjectives
    )


def _ends_apposition(a: DocArrays, comma: int) -> bool:
    """A comma closing an apposition is followed by the verb or a verb-initial clause."""
    return comma + 1 < a.n and a.pos[comma + 1] in _VERB_AUX


def phrase_ending_at(doc: Doc, end: int, floor: int, inside: set[int]) -> Span | None:
    """The noun phrase (with appositions) that ends right before token ``end``."""
    return _phrase_ending_at(doc_arrays(doc), end, floor, inside)


def _phrase_ending_at(a: DocArrays, end: int, floor: int, inside: set[int]) -> Span | None:
    pos, texts, lower, space = a.pos, a.texts, a.lower, a.space
    j = end - 1
    while j >= floor and space[j]:
        j -= 1
    if j < floor or j in inside:
        return None
    if pos[j] == _PRON and lower[j] in _PERSONAL:
        return Span(a.doc, j, j + 1)
    if texts[j] == ")":  # "Heiko Maas (SPD) bedauerte": skip the parenthesis
        k = j - 1
        while k >= floor and texts[k] != "(" and j - k < 8:
            k -= 1
        j = k - 1 if k >= floor and texts[k] == "(" else j - 1
    elif texts[j] == ",":
        j -= 1
    k = j
    while (
        k >= floor
        and k not in inside
        and (
            pos[k] in _NP
            or _word_as_punct(a, k)
            or texts[k] in {",", "-"}
            or _title_mark(a, k, inside)
        )
    ):
        k -= 1
    start = k + 1
    while start <= j and (texts[start] in {",", "-"} or pos[start] == _ADJ):
        if pos[start] == _ADJ:
            break
        start += 1
    if start > j or not any(pos[t] in _HEAD or _word_as_punct(a, t) for t in range(start, j + 1)):
        return None
    if start > floor and (pos[start - 1] == _ADP or lower[start - 1] == _ALS):
        return None  # "mit Trump", "Als Begründung": no subject
    if "," in texts[start:end] and _first_word(a, floor) < start:
        return None  # "…, nicht aber Kim Jong Un, begründete": not a subject before the verb
    if j - start + 1 > MAX_PHRASE:
        return None
    return Span(a.doc, start, j + 1)


def _word_as_punct(a: DocArrays, i: int) -> bool:
    """A capitalised word the tagger took for punctuation ("BGH" tagged as a bracket)."""
    return a.pos[i] == _PUNCT and bool(a.alpha[i]) and a.texts[i][:1].isupper()


def _first_word(a: DocArrays, floor: int) -> int:
    i = floor
    space, punct, n = a.space, a.punct, a.n
    while i < n and (space[i] or punct[i]):
        i += 1
    return i


def speakerlike(span: Span | None) -> bool:
    """A phrase that can speak: a name, a role, a personal pronoun."""
    if span is None:
        return False
    return _speakerlike(doc_arrays(span.doc), span.start, span.end)


def _speakerlike(a: DocArrays, start: int, end: int) -> bool:
    space, lower, pos, ents = a.space, a.lower, a.pos, a.ent_type
    toks = [t for t in range(start, end) if not space[t]]
    if len(toks) == 1 and lower[toks[0]] in _PERSONAL:
        return True
    head: list[int] = []  # the first run of nouns and names: "Trumps Entscheidung" -> Entscheidung
    for t in toks:
        if pos[t] in _HEAD or ents[t]:
            head.append(t)
        elif head:
            break
    if not head:
        return False
    last = head[-1]
    return (
        ents[last] in _PER_ORG
        or is_role(a.texts[last])
        or (ents[last] == _LOC and len(head) == len([t for t in toks if pos[t] != _DET]))
    )


def finite_of(verb: Token) -> Token:
    """The finite auxiliary of a compound tense ("hat … gesagt") or the verb itself."""
    found = _finite(doc_arrays(verb.doc), verb.i)
    return verb if found == verb.i else verb.doc[found]


def _finite(a: DocArrays, v: int) -> int:
    dep = a.dep
    for child in a.children[v]:
        if dep[child] in _AUX and child < v:
            return child
    return v


def subject_phrase(verb: Token, lo: int, hi: int, inside: set[int]) -> Span | None:
    """The speaker phrase of a cue verb within tokens [lo, hi) (a sentence unit)."""
    return _subject_phrase(doc_arrays(verb.doc), verb.i, lo, hi, inside)


def _subject_phrase(a: DocArrays, v: int, lo: int, hi: int, inside: set[int]) -> Span | None:
    if a.parsed:
        dep, head, kids, pos, lower, texts = a.dep, a.head, a.children, a.pos, a.lower, a.texts
        # "…, Medien berichteten": a conjunct with a subject of its own speaks for itself
        own = dep[v] == _CONJ and any(  # (only a conjunct asks)
            dep[c] in _NSUBJ_SB and lower[c] not in _NOT_SPEAKERS for c in kids[v]
        )
        h = head[v]
        if dep[v] == _CONJ and pos[h] == _VERB and lo <= h < v and not own:
            v = h  # "haben das Wrack untersucht und bestätigt": the first verb's subject
        elif (
            dep[v] == _CONJ
            and lo <= h < v
            and not any(dep[c] in _SUBJ for c in kids[v])
            and any(dep[c] in _SUBJ and c < h for c in kids[h])
        ):
            v = h  # "Podolski war anwesend und sagte": the subject of the first part
        h = head[v]
        if (
            any(lower[c] == _ZU and dep[c] == _MARK for c in kids[v])
            or dep[v] == _XCOMP
            and a.lemma[h] == _LASSEN
            and not any(dep[c] in _SUBJ for c in kids[v])
        ) and (pos[h] in _VERB_AUX and lo <= h < hi and h != v):
            v = h  # "Er wisse es zu schätzen", "X ließ verbreiten": the subject of
            # the governing verb
        if _is_passive(a, v) and a.lemma[v] != _ZITIEREN and "zitiert" not in texts[v].lower():
            return _agent(a, v, lo, hi, inside)  # "wurde … geäußert": the subject said nothing
        f = _finite(a, v)
        wrong = _disagreeing_subject(a, v, f, lo, inside)
        prefield_clause = (
            f > lo and texts[f - 1] == "," and any(pos[t] in _VERB_AUX for t in range(lo, f - 1))
        )
        for c in kids[v]:
            relative = c < f and _relative_subject(a, c, lo, f)
            whole = prefield_clause and _whole_prefield(a, c, lo, f)
            if prefield_clause and c < f and not relative and not whole:
                continue  # "…, nicht aber Kim Jong Un, begründete der Präsident": after the verb
            if dep[c] not in _SUBJ or c in inside or c == wrong:
                continue  # (both tests below ask for a subject outside quotations)
            if lo <= c < f and pos[c] not in _HEAD_PRON and _known_name(a, c):
                return Span(a.doc, c, c + 1)  # "Lammert" tagged as an adjective
            if (
                lo <= c < hi
                and lower[c] not in _NOT_SPEAKERS
                and (pos[c] in _HEAD_PRON or _nominal_adjective(a, c))
            ):
                if pos[c] == _PRON:
                    front = _front_name(a, f, lo, inside) if c > f else None
                    if front is not None and lower[c] in _CASE_AMBIGUOUS:
                        return front  # ", Kim nannte sie „…“": the name before the verb
                    return Span(a.doc, c, c + 1)
                left = min(t for t in a.subtree(c) if t >= lo and t not in inside)
                while left < c and texts[left] in {",", ";", "–", "—"}:
                    left += 1  # a comma the parser hung on the subject (", Kim nannte …")
                left = min(left, _entity_start(a, c, lo, inside))  # "Van der Bellen sagte"
                found = _phrase_from(a, left, hi, inside)
                if found is not None and not relative and _across_comma(a, found, v) and not whole:
                    continue  # "Ein Sprecher … nannte …, Medien berichteten": another clause
                if found is not None and _not_subject(a, found, c):
                    continue  # "Als Begründung sagte X", "begründete die Einblendungen"
                if found is not None and found.start <= c < found.end:
                    if _speakerlike(a, found.start, found.end):
                        return found
                    other = _positional(a, v, lo, hi, inside)
                    if speakerlike(other) or _plausible(a, found) is None:
                        return other  # "Unterdessen verlangten die Grünen"
                    return found
    return _positional(a, v, lo, hi, inside)


def _entity_start(a: DocArrays, c: int, lo: int, inside: set[int]) -> int:
    """The first token of the entity that holds ``c`` (the parser may hang a name's first
    words elsewhere: "Van" of "Van der Bellen"), not before ``lo`` or inside a quotation."""
    start = c
    while start > lo and a.ent_iob[start] == _I and start - 1 not in inside:
        start -= 1
    return start


def _whole_prefield(a: DocArrays, c: int, lo: int, f: int) -> bool:
    """Is everything before the finite verb f the subject c with its appositions and
    relative clauses ("Sadiq Khan, eines der Mitglieder, die den Brief unterschrieben,
    verurteilte …"), not a clause of its own?"""
    if a.dep[c] not in _SUBJ:
        return False
    tree = a.subtree(c)
    first = next((t for t in range(lo, f) if not a.space[t]), lo)
    return min(tree) <= first and max(tree) >= f - 2


def _disagreeing_subject(a: DocArrays, v: int, f: int, lo: int, inside: set[int]) -> int:
    """Of two subjects the parser gave v (or v and its finite auxiliary f), the one that
    does not agree with f in number when the other, before f, does ("Einige Moslems haben
    Premierminister Tony Blair … geschrieben": not Blair), else the one in another case when
    the other is nominative ("Der Zeitung sagte Filep Karma": not the dative); -1 when there
    is none."""
    dep, kids = a.dep, a.children
    found = {c for k in {v, f} for c in kids[k] if dep[c] in _SUBJ and c not in inside}
    if len(found) != 2:
        return -1
    number, numbers = _feature(a, f, "Number"), {c: _feature(a, c, "Number") for c in found}
    agree = [c for c in found if number and numbers[c] == number]
    if len(agree) == 1 and lo <= agree[0] < f:
        other = (found - set(agree)).pop()
        if numbers[other]:
            return other
    cases = {c: _feature(a, c, "Case") for c in found}
    nominative = [c for c in found if cases[c] == "Nom"]
    if len(nominative) == 1:
        other = (found - set(nominative)).pop()
        if cases[other]:
            return other
    return -1


def _feature(a: DocArrays, i: int, name: str) -> str:
    """The one value of feature ``name`` in token i's morphology, else ""."""
    values = key_features(a.doc.vocab, a.morph[i]).get(name, ())
    return values[0] if len(values) == 1 else ""


def _nominal_adjective(a: DocArrays, i: int) -> bool:
    """A capitalised adjective the parser made a subject: a nominalised adjective
    ("Angehörige beklagten sich", "Verletzte wurden …")."""
    return a.pos[i] == _ADJ and a.texts[i][:1].isupper() and bool(a.alpha[i])


def _front_name(a: DocArrays, f: int, lo: int, inside: set[int]) -> Span | None:
    """A name or role alone before the finite verb (token f) at the start of a clause
    (", Kim nannte sie"): with a pronoun after the verb that may be nominative or
    accusative ("sie"), the first phrase is the subject, whatever the parser attached."""
    pos = a.pos
    k = f - 1
    while k >= lo and k not in inside and pos[k] in _NP:
        k -= 1
    if k == f - 1 or k >= lo and a.texts[k] not in {",", ";"}:
        return None
    cases = set(key_features(a.doc.vocab, a.morph[f - 1]).get("Case", ()))  # the last word's
    if cases & {"Acc", "Dat", "Gen"} or not _speakerlike(a, k + 1, f):
        return None
    return Span(a.doc, k + 1, f)


def _known_name(a: DocArrays, i: int) -> bool:
    """A capitalised word standing alone that is the last word of a person named earlier
    in the document ("Norbert Lammert … Lammert würdigte"), whatever its tag."""
    text = a.texts[i]
    if not text[:1].isupper() or not a.alpha[i] or len(text) < 3:
        return False
    if i + 1 < a.n and a.texts[i + 1][:1].isupper():
        return False
    return any(
        e.label_ == "PER" and e.end <= i and len(e) > 1 and a.texts[e.end - 1] == text
        for e in a.doc.ents
    )


def _not_subject(a: DocArrays, phrase: Span, h: int) -> bool:
    """A phrase the parser took for the subject (head token h) that cannot be one: a
    predicative "als" phrase ("Als Begründung sagte er") or a noun marked accusative or
    dative."""
    start = phrase.start
    if start > 0 and a.lower[start - 1] == _ALS:
        return True
    if a.pos[h] != _NOUN or a.ent_type[h]:
        return False
    vocab, morph, pos = a.doc.vocab, a.morph, a.pos
    cases = set(key_features(vocab, morph[h]).get("Case", ()))
    # the articles in the phrase, and the noun's own before it ("Der [für die Region
    # zuständige] Koordinator": the phrase starts at the adjective)
    dets = [t for t in range(start, min(phrase.end, h)) if pos[t] == _DET]
    dets += [t for t in a.children[h] if t < start and pos[t] == _DET]
    for t in dets:
        cases &= set(key_features(vocab, morph[t]).get("Case", ())) or cases
    return bool(cases) and not cases & {"Nom"}


def _relative_subject(a: DocArrays, c: int, lo: int, f: int) -> bool:
    """A subject (token c) opening the sentence with a relative clause up to the verb
    ("Deiss, der sich … entschlossen hatte, sagte"; f: the finite verb)."""
    dep, kids = a.dep, a.children
    # the clause may hang on the name's last word ("Angela Merkel, die …": on "Merkel")
    heads = [c, *(k for k in kids[c] if dep[k] in _FLAT_NAME and k > c)]
    clauses = [k for h in heads for k in kids[h] if dep[k] in _ACL and k > c]
    if not clauses:  # (tested first: walking the subtree costs more)
        return False
    first = _first_word(a, lo)
    return min(a.subtree(c)) == first and any(max(a.subtree(k)) >= f - 2 for k in clauses)


def _positional(a: DocArrays, v: int, lo: int, hi: int, inside: set[int]) -> Span | None:
    pos, texts, lower = a.pos, a.texts, a.lower
    f = _finite(a, v)
    name = _prefield_name(a, f, lo, inside)
    if name is not None:
        return name  # "Von der Leyen betonte": parsed as a phrase "von der …"
    b = f - 1
    if f > lo and b not in inside and pos[b] not in _HEAD_PRON:
        if _known_name(a, b):  # "Elshorst wies darauf hin" with the name tagged as an adverb
            return Span(a.doc, b, b + 1)
    # a verb-final clause: "Wie der Finanzminister am Dienstag erklärte, …"
    k = f - 1
    while k >= lo and texts[k] not in {";", ":"} and lower[k] not in _VERB_FINAL:
        opener = _title_start(a, k, lo, inside)
        if opener is not None:  # "Wie die „Aktion Deutschland hilft“ mitteilte": a name
            k = opener - 1
            continue
        if pos[k] in _VERB_AUX or texts[k] == "," and not _in_apposition(a, k):
            k = lo - 1  # "Wie X, Sprecher der Y, mitteilte": only across a name apposition
            break
        k -= 1
    verb_final = k >= lo and lower[k] in _VERB_FINAL and pos[k] != _ADP  # not "Als X"
    if verb_final and f - k <= MAX_PHRASE:
        found = _phrase_after(a, k + 1, f, inside)
        if found is not None:
            return found
    before = _phrase_ending_at(a, f, lo, inside)
    if before is not None and _text(a, before.start, before.end).lower() in NOT_SPEAKERS:
        before = None
    first = _first_word(a, lo)
    if before is None and first == f - 1 and lower[first] in _DEMONSTRATIVES:
        return Span(a.doc, first, first + 1)  # "Diese bestätigte, dass …": the person just named
    after = _phrase_after(a, f + 1, hi, inside)
    before, after = _plausible(a, before), _plausible(a, after)
    if before is not None and (speakerlike(before) or not speakerlike(after)):
        return before
    return after


def _prefield_name(a: DocArrays, f: int, lo: int, inside: set[int]) -> Span | None:
    """A person or organisation that fills the clause before the finite verb (token f)."""
    first, last = _first_word(a, lo), f - 1
    if not first < f or last in inside or a.ent_type[last] not in _PER_ORG:
        return None
    start = _entity_start(a, last, first, inside)
    if start != first or a.ent_iob[start] != _B:
        return None
    return Span(a.doc, start, f)


def _in_apposition(a: DocArrays, comma: int) -> bool:
    """A comma that opens or closes a phrase of nouns and names only ("X, Sprecher der Y,")."""
    pos, n = a.pos, a.n
    for step in (-1, 1):
        j = comma + step
        seen = 0
        while 0 <= j < n and (pos[j] in _NP or pos[j] == _ADP):
            seen += 1
            j += step
        if seen and 0 <= j < n and a.texts[j] == ",":
            return True
    return False


def is_passive(verb: Token) -> bool:
    """A participle with a form of "werden" as its auxiliary ("wurde geäußert")."""
    return _is_passive(doc_arrays(verb.doc), verb.i)


def _is_passive(a: DocArrays, v: int) -> bool:
    dep, lemma = a.dep, a.lemma
    return any(dep[c] in _AUX and lemma[c] == _WERDEN for c in a.children[v]) and (
        a.tag[v] in _PARTICIPLE_TAGS
        or "Part" in key_features(a.doc.vocab, a.morph[v]).get("VerbForm", ())
    )


def _agent(a: DocArrays, v: int, lo: int, hi: int, inside: set[int]) -> Span | None:
    """The "von X" phrase of a passive cue, if any."""
    lower, head = a.lower, a.head
    for t in range(lo, min(hi, a.n)):
        if lower[t] in _VON and t not in inside and head[head[t]] == v:
            return _phrase_from(a, t + 1, hi, inside)
    for t in range(lo, min(v, a.n)):  # "… vom Deutschen Wetterdienst … eingestuft" hung
        if lower[t] == _VOM and t not in inside:  # elsewhere by the parser
            return _phrase_from(a, t + 1, v, inside)
    return None


def _across_comma(a: DocArrays, phrase: Span, v: int) -> bool:
    """A subject before the verb (token v) separated from it by a comma and another verb."""
    end = phrase.end
    if end > v:
        return False
    between = [t for t in range(end, v) if not a.space[t]]
    return any(a.texts[t] == "," for t in between) and any(a.pos[t] in _VERB_AUX for t in between)


def _plausible(a: DocArrays, span: Span | None) -> Span | None:
    """Drop phrases that cannot be a subject: times ("Ende Januar", "Gestern") and phrases
    whose article is marked for another case than the nominative ("den Homosexuellen")."""
    if span is None:
        return None
    lower, space = a.lower, a.space
    toks = [lower[t] for t in range(span.start, span.end) if not space[t]]
    if not toks or any(t in _TIMES for t in toks[:3]):
        return None
    if len(toks) == 1 and toks[0] in _ADVERBS:
        return None
    if toks[0] in _NOT_NOMINATIVE:
        return None
    return span


def _phrase_after(a: DocArrays, i: int, hi: int, inside: set[int]) -> Span | None:
    """The first noun phrase after a verb, skipping adverbs and prepositional phrases."""
    pos, lower, space = a.pos, a.lower, a.space
    steps = 0
    while i < hi and steps < 10 and i not in inside:
        p = pos[i]
        steps += 1
        if space[i] or p in _SKIP or lower[i] == _SICH:
            i += 1
            continue
        if p == _ADP:  # skip a prepositional phrase: "am Vormittag"
            j = i + 1
            while j < hi and pos[j] in _DET_ADJ_NUM:
                j += 1
            while j < hi and pos[j] in _HEAD:
                j += 1
            i = j
            continue
        if p == _PRON and lower[i] in _PERSONAL:
            return Span(a.doc, i, i + 1)
        if p in _NP and not (p == _PRON and lower[i] in _NOT_SPEAKERS) or _title_mark(a, i, inside):
            if p == _DET and "Case=Dat" in a.morph_text(i):
                return None
            return _phrase_from(a, i, hi, inside)
        return None
    return None
