"""Noun phrases around a verb without trusting the parser alone: the speaker of a cue.

German puts the subject right before the finite verb ("Trump sagte"), right after it
("…, sagte der Minister", "verkündete am Vormittag die Sprecherin"), or between a
conjunction and a final verb ("wie der Bundeswahlleiter mitteilte"). The parser's ``nsubj``
is tried first; when it is missing or implausible the phrase next to the verb is taken.
Phrases keep genitive attributes and name appositions ("die Sprecherin des Weißen Hauses,
Sarah Sanders"), so the person's name is inside the mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscorp.extract.cues import morph_features
from newscorp.pipeline.lexicons import MONTHS, is_role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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


def _is_name(tok: Token) -> bool:
    return tok.pos_ in HEAD_POS and tok.text[:1].isupper() or bool(tok.ent_type_)


def phrase_from(doc: Doc, start: int, stop: int, inside: set[int]) -> Span | None:
    """The noun phrase starting at token ``start`` (not past ``stop``): determiners,
    adjectives and nouns, then genitive attributes and name appositions."""
    i = start
    seen_head = False
    while i < stop and i not in inside:
        tok = doc[i]
        if seen_head and tok.pos_ in {"DET", "ADJ"}:
            break  # a new phrase ("Trump | den Abbruch") or a genitive, handled below
        close = _title_end(doc, i, stop, inside) if not seen_head else None
        if close is not None:  # a quoted name of any words: „heise online“
            seen_head = True
            i = close + 1
            continue
        if (
            tok.pos_ in NP_POS
            or tok.text == "-"
            or (tok.is_space and not seen_head)
            or (_title_mark(doc, i, inside))
        ):
            seen_head = (
                seen_head
                or tok.pos_ in HEAD_POS
                or tok.dep_ in SUBJ_DEPS
                and _nominal_adjective(tok)  # "Angehörige"
            )
            i += 1
            continue
        if tok.pos_ == "PRON" and i == start and tok.lower_ in PERSONAL:
            return doc[i : i + 1]
        break
    if not seen_head:
        return None
    end = i
    while end < stop and end not in inside and doc[end].ent_iob_ == "I":
        end += 1  # a name is not cut by a word tagged as a preposition ("Moon Jae In")
    while end < stop:
        nxt = _attachment(doc, end, stop, inside)
        if nxt is None or nxt - start > MAX_PHRASE:
            break
        end = nxt
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in TITLE_MARKS and _opened(doc, start, end - 1):
            break  # die „Süddeutsche Zeitung“ keeps its closing mark
        end -= 1
    return doc[start:end] if end > start else None


def _opened(doc: Doc, start: int, end: int) -> bool:
    """Is a quotation mark opened among tokens [start, end) and not closed there?"""
    marks = [t.text for t in doc[start:end] if t.text in TITLE_MARKS]
    return len(marks) % 2 == 1


def _title_mark(doc: Doc, i: int, inside: set[int]) -> bool:
    """A quotation mark around a quoted name (no quotation): die „Süddeutsche Zeitung“."""
    if doc[i].text not in TITLE_MARKS:
        return False
    return not any(j in inside for j in (i - 1, i + 1) if 0 <= j < len(doc))


def _title_end(doc: Doc, i: int, stop: int, inside: set[int]) -> int | None:
    """The closing mark of a short quoted name opened at token i, if any."""
    if not _title_mark(doc, i, inside) or i + 1 >= stop or doc[i + 1].is_punct:
        return None
    for j in range(i + 1, min(stop, i + 8)):
        if j in inside or doc[j].text in {",", ".", ";", ":"}:
            return None
        if doc[j].text in TITLE_MARKS:
            return j
    return None


def _title_start(doc: Doc, k: int, lo: int, inside: set[int]) -> int | None:
    """The opening mark of a short quoted name closed at token k, if any."""
    if not _title_mark(doc, k, inside):
        return None
    for j in range(k - 1, max(lo, k - 8) - 1, -1):
        if j in inside or doc[j].text in {",", ".", ";", ":"}:
            return None
        if doc[j].text in TITLE_MARKS:
            return j if j + 1 < k else None
    return None


def _attachment(doc: Doc, i: int, stop: int, inside: set[int]) -> int | None:
    """End of a genitive attribute, a parenthesis or a name apposition starting at i."""
    tok = doc[i]
    if tok.i in inside:
        return None
    if tok.lower_ in GENITIVE_DETS and tok.pos_ == "DET":
        j = i + 1
        while j < stop and doc[j].pos_ in {"ADJ", "NUM"} and j not in inside:
            j += 1
        k = j
        while k < stop and doc[k].pos_ in HEAD_POS and k not in inside:
            k += 1
        return k if k > j else None
    if tok.text == "(":
        j = i + 1
        while j < stop and doc[j].text != ")" and j - i < 8:
            j += 1
        return j + 1 if j < stop and doc[j].text == ")" else None
    if tok.text == ",":
        j = i + 1
        while j < stop and j not in inside and (_is_name(doc[j]) or doc[j].pos_ in NP_POS):
            j += 1
        names = [t for t in doc[i + 1 : j] if _is_name(t) and t.pos_ == "PROPN" or t.ent_type_]
        if j > i + 1 and names and j <= stop and (j == stop or doc[j].text in {",", ")"}):
            return j + 1 if j < stop and doc[j].text == "," and _ends_apposition(doc, j) else j
        return None
    return None


def _ends_apposition(doc: Doc, comma: int) -> bool:
    """A comma closing an apposition is followed by the verb or a verb-initial clause."""
    return comma + 1 < len(doc) and doc[comma + 1].pos_ in {"VERB", "AUX"}


def phrase_ending_at(doc: Doc, end: int, floor: int, inside: set[int]) -> Span | None:
    """The noun phrase (with appositions) that ends right before token ``end``."""
    j = end - 1
    while j >= floor and doc[j].is_space:
        j -= 1
    if j < floor or j in inside:
        return None
    if doc[j].pos_ == "PRON" and doc[j].lower_ in PERSONAL:
        return doc[j : j + 1]
    if doc[j].text == ")":  # "Heiko Maas (SPD) bedauerte": skip the parenthesis
        k = j - 1
        while k >= floor and doc[k].text != "(" and j - k < 8:
            k -= 1
        j = k - 1 if k >= floor and doc[k].text == "(" else j - 1
    elif doc[j].text == ",":
        j -= 1
    k = j
    while (
        k >= floor
        and k not in inside
        and (
            doc[k].pos_ in NP_POS
            or _word_as_punct(doc[k])
            or doc[k].text in {",", "-"}
            or _title_mark(doc, k, inside)
        )
    ):
        k -= 1
    start = k + 1
    while start <= j and (doc[start].text in {",", "-"} or doc[start].pos_ == "ADJ"):
        if doc[start].pos_ == "ADJ":
            break
        start += 1
    if start > j or not any(
        doc[t].pos_ in HEAD_POS or _word_as_punct(doc[t]) for t in range(start, j + 1)
    ):
        return None
    if start > floor and (doc[start - 1].pos_ == "ADP" or doc[start - 1].lower_ == "als"):
        return None  # "mit Trump", "Als Begründung": no subject
    if any(doc[t].text == "," for t in range(start, end)) and _first_word(doc, floor) < start:
        return None  # "…, nicht aber Kim Jong Un, begründete": not a subject before the verb
    if j - start + 1 > MAX_PHRASE:
        return None
    return doc[start : j + 1]


def _word_as_punct(tok: Token) -> bool:
    """A capitalised word the tagger took for punctuation ("BGH" tagged as a bracket)."""
    return tok.pos_ == "PUNCT" and tok.is_alpha and tok.text[:1].isupper()


def _first_word(doc: Doc, floor: int) -> int:
    i = floor
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct):
        i += 1
    return i


def speakerlike(span: Span | None) -> bool:
    """A phrase that can speak: a name, a role, a personal pronoun."""
    if span is None:
        return False
    toks = [t for t in span if not t.is_space]
    if len(toks) == 1 and toks[0].lower_ in PERSONAL:
        return True
    head: list = []  # the first run of nouns and names: "Trumps Entscheidung" -> Entscheidung
    for t in toks:
        if t.pos_ in HEAD_POS or t.ent_type_:
            head.append(t)
        elif head:
            break
    if not head:
        return False
    last = head[-1]
    return (
        last.ent_type_ in {"PER", "ORG"}
        or is_role(last.text)
        or (last.ent_type_ == "LOC" and len(head) == len([t for t in toks if t.pos_ != "DET"]))
    )


def finite_of(verb: Token) -> Token:
    """The finite auxiliary of a compound tense ("hat … gesagt") or the verb itself."""
    for child in verb.children:
        if child.dep_ in {"aux", "aux:pass"} and child.i < verb.i:
            return child
    return verb


def subject_phrase(verb: Token, lo: int, hi: int, inside: set[int]) -> Span | None:
    """The speaker phrase of a cue verb within tokens [lo, hi) (a sentence unit)."""
    doc = verb.doc
    if doc.has_annotation("DEP"):
        # "…, Medien berichteten": a conjunct with a subject of its own speaks for itself
        own = verb.dep_ == "conj" and any(  # (only a conjunct asks)
            c.dep_ in {"nsubj", "sb"} and c.lower_ not in NOT_SPEAKERS for c in verb.children
        )
        if (
            verb.dep_ == "conj"
            and verb.head.pos_ == "VERB"
            and lo <= verb.head.i < verb.i
            and not own
        ):
            verb = verb.head  # "haben das Wrack untersucht und bestätigt": the first verb's subject
        elif (
            verb.dep_ == "conj"
            and lo <= verb.head.i < verb.i
            and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
            and any(c.dep_ in SUBJ_DEPS and c.i < verb.head.i for c in verb.head.children)
        ):
            verb = verb.head  # "Podolski war anwesend und sagte": the subject of the first part
        if (
            any(c.lower_ == "zu" and c.dep_ == "mark" for c in verb.children)
            or verb.dep_ == "xcomp"
            and verb.head.lemma_ == "lassen"
            and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
        ) and (verb.head.pos_ in {"VERB", "AUX"} and lo <= verb.head.i < hi and verb.head != verb):
            verb = verb.head  # "Er wisse es zu schätzen", "X ließ verbreiten": the subject of
            # the governing verb
        if is_passive(verb) and verb.lemma_ != "zitieren" and "zitiert" not in verb.lower_:
            return _agent(verb, lo, hi, inside)  # "wurde … geäußert": the subject said nothing
        finite = finite_of(verb)
        prefield_clause = (
            finite.i > lo
            and doc[finite.i - 1].text == ","
            and any(t.pos_ in {"VERB", "AUX"} for t in doc[lo : finite.i - 1])
        )
        for child in verb.children:
            relative = child.i < finite.i and _relative_subject(child, lo, finite)
            if prefield_clause and child.i < finite.i and not relative:
                continue  # "…, nicht aber Kim Jong Un, begründete der Präsident": after the verb
            if (
                child.dep_ in SUBJ_DEPS
                and lo <= child.i < finite.i
                and child.i not in inside
                and child.pos_ not in HEAD_POS | {"PRON"}
                and _known_name(child)
            ):
                return doc[child.i : child.i + 1]  # "Lammert" tagged as an adjective
            if (
                child.dep_ in SUBJ_DEPS
                and lo <= child.i < hi
                and child.i not in inside
                and child.lower_ not in NOT_SPEAKERS
                and (child.pos_ in HEAD_POS | {"PRON"} or _nominal_adjective(child))
            ):
                if child.pos_ == "PRON":
                    front = _front_name(finite, lo, inside) if child.i > finite.i else None
                    if front is not None and child.lower_ in CASE_AMBIGUOUS:
                        return front  # ", Kim nannte sie „…“": the name before the verb
                    return doc[child.i : child.i + 1]
                left = min(t.i for t in child.subtree if t.i >= lo and t.i not in inside)
                while left < child.i and doc[left].text in {",", ";", "–", "—"}:
                    left += 1  # a comma the parser hung on the subject (", Kim nannte …")
                found = phrase_from(doc, left, hi, inside)
                if found is not None and not relative and _across_comma(found, verb):
                    continue  # "Ein Sprecher … nannte …, Medien berichteten": another clause
                if found is not None and _not_subject(found, child):
                    continue  # "Als Begründung sagte X", "begründete die Einblendungen"
                if found is not None and found.start <= child.i < found.end:
                    if speakerlike(found):
                        return found
                    other = _positional(verb, lo, hi, inside)
                    if speakerlike(other) or _plausible(found) is None:
                        return other  # "Unterdessen verlangten die Grünen"
                    return found
    return _positional(verb, lo, hi, inside)


def _nominal_adjective(tok: Token) -> bool:
    """A capitalised adjective the parser made a subject: a nominalised adjective
    ("Angehörige beklagten sich", "Verletzte wurden …")."""
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and tok.is_alpha


def _front_name(finite: Token, lo: int, inside: set[int]) -> Span | None:
    """A name or role alone before the finite verb at the start of a clause (", Kim nannte
    sie"): with a pronoun after the verb that may be nominative or accusative ("sie"), the
    first phrase is the subject, whatever the parser attached."""
    doc = finite.doc
    k = finite.i - 1
    while k >= lo and k not in inside and doc[k].pos_ in NP_POS:
        k -= 1
    if k == finite.i - 1 or k >= lo and doc[k].text not in {",", ";"}:
        return None
    phrase = doc[k + 1 : finite.i]
    head = phrase[-1]
    if set(head.morph.get("Case")) & {"Acc", "Dat", "Gen"} or not speakerlike(phrase):
        return None
    return phrase


def _known_name(tok: Token) -> bool:
    """A capitalised word standing alone that is the last word of a person named earlier
    in the document ("Norbert Lammert … Lammert würdigte"), whatever its tag."""
    doc = tok.doc
    if not tok.text[:1].isupper() or not tok.is_alpha or len(tok.text) < 3:
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
        return False
    return any(
        e.label_ == "PER" and e.end <= tok.i and len(e) > 1 and e[-1].text == tok.text
        for e in doc.ents
    )


def _not_subject(phrase: Span, head: Token) -> bool:
    """A phrase the parser took for the subject that cannot be one: a predicative "als"
    phrase ("Als Begründung sagte er") or a noun marked accusative or dative."""
    doc = phrase.doc
    if phrase.start > 0 and doc[phrase.start - 1].lower_ == "als":
        return True
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    cases = set(head.morph.get("Case"))
    for t in phrase:
        if t.i < head.i and t.pos_ == "DET":
            cases &= set(t.morph.get("Case")) or cases
    return bool(cases) and not cases & {"Nom"}


def _relative_subject(child: Token, lo: int, finite: Token) -> bool:
    """A subject opening the sentence with a relative clause up to the verb ("Deiss, der
    sich … entschlossen hatte, sagte")."""
    clauses = [c for c in child.children if c.dep_ in {"acl:relcl", "acl"} and c.i > child.i]
    if not clauses:  # (tested first: walking the subtree costs more)
        return False
    first = _first_word(child.doc, lo)
    return min(t.i for t in child.subtree) == first and any(
        c.dep_ in {"acl:relcl", "acl"}
        and c.i > child.i
        and max(t.i for t in c.subtree) >= finite.i - 2
        for c in child.children
    )


def _positional(verb: Token, lo: int, hi: int, inside: set[int]) -> Span | None:
    doc = verb.doc
    finite = finite_of(verb)
    before = doc[finite.i - 1] if finite.i > lo else None
    if before is not None and before.i not in inside and before.pos_ not in HEAD_POS | {"PRON"}:
        if _known_name(before):  # "Elshorst wies darauf hin" with the name tagged as an adverb
            return doc[before.i : before.i + 1]
    # a verb-final clause: "Wie der Finanzminister am Dienstag erklärte, …"
    k = finite.i - 1
    while k >= lo and doc[k].text not in {";", ":"} and doc[k].lower_ not in VERB_FINAL:
        opener = _title_start(doc, k, lo, inside)
        if opener is not None:  # "Wie die „Aktion Deutschland hilft“ mitteilte": a name
            k = opener - 1
            continue
        if doc[k].pos_ in {"VERB", "AUX"} or doc[k].text == "," and not _in_apposition(doc, k):
            k = lo - 1  # "Wie X, Sprecher der Y, mitteilte": only across a name apposition
            break
        k -= 1
    verb_final = k >= lo and doc[k].lower_ in VERB_FINAL and doc[k].pos_ != "ADP"  # not "Als X"
    if verb_final and finite.i - k <= MAX_PHRASE:
        found = phrase_after(doc, k + 1, finite.i, inside)
        if found is not None:
            return found
    before = phrase_ending_at(doc, finite.i, lo, inside)
    if before is not None and before.text.lower() in NOT_SPEAKERS:
        before = None
    first = _first_word(doc, lo)
    if before is None and first == finite.i - 1 and doc[first].lower_ in DEMONSTRATIVES:
        return doc[first : first + 1]  # "Diese bestätigte, dass …": the person just named
    after = phrase_after(doc, finite.i + 1, hi, inside)
    before, after = _plausible(before), _plausible(after)
    if before is not None and (speakerlike(before) or not speakerlike(after)):
        return before
    return after


def _in_apposition(doc: Doc, comma: int) -> bool:
    """A comma that opens or closes a phrase of nouns and names only ("X, Sprecher der Y,")."""
    for step in (-1, 1):
        j = comma + step
        seen = 0
        while 0 <= j < len(doc) and (doc[j].pos_ in NP_POS or doc[j].pos_ == "ADP"):
            seen += 1
            j += step
        if seen and 0 <= j < len(doc) and doc[j].text == ",":
            return True
    return False


def is_passive(verb: Token) -> bool:
    """A participle with a form of "werden" as its auxiliary ("wurde geäußert")."""
    return any(
        c.dep_ in {"aux:pass", "aux"} and c.lemma_ == "werden" and c.i < verb.i
        for c in verb.children
    ) and (verb.tag_ in {"VVPP", "VBN"} or "Part" in morph_features(verb).get("VerbForm", ()))


def _agent(verb: Token, lo: int, hi: int, inside: set[int]) -> Span | None:
    """The "von X" phrase of a passive cue, if any."""
    for tok in verb.doc[lo:hi]:
        if tok.lower_ in {"von", "vom"} and tok.i not in inside and tok.head.head == verb:
            return phrase_from(verb.doc, tok.i + 1, hi, inside)
    return None


def _across_comma(phrase: Span, verb: Token) -> bool:
    """A subject before the verb separated from it by a comma and another verb."""
    if phrase.end > verb.i:
        return False
    between = [t for t in phrase.doc[phrase.end : verb.i] if not t.is_space]
    return any(t.text == "," for t in between) and any(t.pos_ in {"VERB", "AUX"} for t in between)


def _plausible(span: Span | None) -> Span | None:
    """Drop phrases that cannot be a subject: times ("Ende Januar", "Gestern") and phrases
    whose article is marked for another case than the nominative ("den Homosexuellen")."""
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    if not toks or any(t.lower_ in TIME_WORDS or t.lower_ in MONTHS for t in toks[:3]):
        return None
    if len(toks) == 1 and toks[0].lower_ in ADVERBS:
        return None
    if toks[0].lower_ in NOT_NOMINATIVE:
        return None
    return span


def phrase_after(doc: Doc, i: int, hi: int, inside: set[int]) -> Span | None:
    """The first noun phrase after a verb, skipping adverbs and prepositional phrases."""
    steps = 0
    while i < hi and steps < 10 and i not in inside:
        tok = doc[i]
        steps += 1
        if tok.is_space or tok.pos_ in SKIP_POS or tok.lower_ == "sich":
            i += 1
            continue
        if tok.pos_ == "ADP":  # skip a prepositional phrase: "am Vormittag"
            j = i + 1
            while j < hi and doc[j].pos_ in {"DET", "ADJ", "NUM"}:
                j += 1
            while j < hi and doc[j].pos_ in HEAD_POS:
                j += 1
            i = j
            continue
        if tok.pos_ == "PRON" and tok.lower_ in PERSONAL:
            return doc[i : i + 1]
        if (
            tok.pos_ in NP_POS
            and not (tok.pos_ == "PRON" and tok.lower_ in NOT_SPEAKERS)
            or _title_mark(doc, i, inside)
        ):
            if tok.pos_ == "DET" and "Case=Dat" in str(tok.morph):
                return None
            return phrase_from(doc, i, hi, inside)
        return None
    return None
