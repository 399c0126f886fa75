"""Quotations and their speakers from a parsed German news Doc.

Four kinds of statement are found, sentence unit by sentence unit:

* ``direct``: a whole clause in quotation marks („…“, »…«, "…"), joined across an
  interrupting cue („…“, sagte er, „…“) and across sentences and paragraphs;
* ``mixed``: a quoted fragment inside reported speech (Kim nannte sie „begrüßenswert“);
* ``indirect``: the clause reported by a cue verb (a dass-clause, a clause after a comma, a
  zu-infinitive), by a nominal cue ("nach Angaben", "laut", "zufolge", "…, so X"), or a
  sentence in Konjunktiv I (Konjunktiv II right after reported speech);
* ``reported``: a speech-act verb with its subject and no reported clause ("Trump
  kritisierte die Sanktionen").

The speaker is the cue's subject (:mod:`newscorp.extract.phrases`), a name before a colon,
the subject of a following "Das sagte X", or, for a quote or Konjunktiv sentence with no cue
of its own, the previous statement's speaker. Mentions are resolved within the document by
:class:`newscorp.extract.speakers.SpeakerResolver`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc, Span, Token

from newscorp.extract.arrays import doc_arrays, string_id, string_ids, token_texts
from newscorp.extract.cues import (
    cue_candidates,
    cue_lemma,
    cue_lemmas,
    cue_lexicon,
    guess_verb_lemma,
    is_claim_noun,
    is_finite,
    is_konjunktiv,
    is_source_noun,
    key_features,
    konjunktiv_kind,
    may_be_cue,
    mood_candidates,
    morph_features,
    required_words,
    verb_lemma,
)
from newscorp.extract.interviews import Interview, Turn, interview
from newscorp.extract.marks import (
    CLOSERS,
    OPENERS,
    QuoteMarks,
    find_quote_marks,
    has_words,
    is_title,
    is_word,
    words,
)
from newscorp.extract.phrases import (
    NOT_SPEAKERS,
    PERSONAL,
    SUBJ_DEPS,
    _finite,
    _is_passive,
    finite_of,
    is_passive,
    phrase_ending_at,
    phrase_from,
    speakerlike,
    subject_phrase,
)
from newscorp.extract.speakers import SpeakerResolver
from newscorp.pipeline.lexicons import is_role
from newscorp.records import Mention, Quote

__all__ = [
    "QuoteFinder",
    "QuoteMarks",
    "find_quote_marks",
    "guess_verb_lemma",
    "is_konjunktiv",
    "quotes",
    "sentence_units",
    "verb_lemma",
]

CLAUSE_MARKERS = {"dass", "daß", "wonach"}
# subordinate clauses that report nothing: conditions, reasons, times, relative clauses
NOT_CONTENT = set(
    "wenn weil als nachdem obwohl während da damit um bevor falls sofern indem seit seitdem "
    "sodass ob wie welche welcher welches wo bis ehe obgleich sobald".split()
)
PARTICIPLES = {"VVPP", "VAPP", "VMPP", "VBN"}
# A clause around a quoted fragment is reported as indirect speech too when it has this many
# words of its own ("Der Streit könne nicht »über Nacht« beigelegt werden"); shorter frames
# ("Es sei „eine gute Idee“") are only the mixed quote. 5 balances the seed gold (fragment
# only) against WikiNews (clause and fragment both annotated).
MIXED_MIN_WORDS = 5
BOUNDARIES = {",", ";", ":", "–", "—"}
MARK_CHARS = set(OPENERS) | CLOSERS
SOURCE_PREPOSITIONS = {"in", "aus", "von", "im", "vom", "auf", "bei", "beim"}
ANAPHORA = {"das", "dies", "dieses", "so"}
POINTERS = {"das", "dies", "dieses"}  # a demonstrative standing for the sentence before
# dependents of a speech act that do not say what it is about (the rest do: "kritisierte die
# Sanktionen", "warnte vor …", "bezeichnete es als …")
NOT_CONTENT_DEPS = set(
    "nsubj sb punct aux aux:pass cop compound:prt svp advmod cc conj mark expl expl:pv "
    "discourse ROOT".split()
)
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}  # STTS tags of finite verbs
MODALS = {"sollen", "müssen", "können", "dürfen", "wollen", "mögen", "werden"}
CONTINUE_DIRECT = 4  # units a speaker carries over to uncued direct quotes
CONTINUE_INDIRECT = 3  # ... and to Konjunktiv sentences
MAX_PHRASE_TOKENS = 18
SOURCE_CUES = {"nach", "laut", "zufolge", "gemäß"}  # nominal cues naming a source
# every word a nominal cue starts from ("nach Angaben", "laut", "zufolge", ", so X", "wonach")
NOMINAL_WORDS = {"nach", "laut", "gemäß", "zufolge", "so", "wonach", "demnach"}
# bits of a word form (QuoteFinder._form_bits), remembered by its [ORTH, LEMMA, POS, MORPH]
# ids, one table with and one without morphology
_CANDIDATE, _MAY_CUE, _OPINION, _MARKER, _NOMINAL, _SOLL, _KONJUNKTIV = (1 << k for k in range(7))
_SUBORDINATOR = 1 << 7  # where _main_clause stops
_BOUNDARY = 1 << 8  # a word in BOUNDARIES, where chunks end
_FORM_BITS: dict[bool, dict[bytes, int]] = {True: {}, False: {}}
# string ids of the words and labels the rules over DocArrays compare (arrays.string_ids)
_CLAUSE_MARKERS, _NOT_CONTENT = string_ids(CLAUSE_MARKERS), string_ids(NOT_CONTENT)
_PERSONAL, _SUBJ = string_ids(PERSONAL), string_ids(SUBJ_DEPS)
_VERB_AUX, _SCONJ, _PRON, _PART = (
    string_ids({"VERB", "AUX"}),
    string_id("SCONJ"),
    string_id("PRON"),
    string_id("PART"),
)
_VERB, _ADP, _AUX = string_id("VERB"), string_id("ADP"), string_id("AUX")
_CCONJ = string_id("CCONJ")
_OBJECTS = string_ids({"obj", "oa"})
_RELATIVE_PRONOUNS = string_ids({"der", "die", "das", "denen"})
_ADVERB_OPENERS = string_ids({"da", "damit", "seitdem"})
"""Words of NOT_CONTENT that are adverbs, too, when the finite verb follows them."""
_FREE_RELATIVES = string_ids({"wer", "wen", "wem", "wessen", "was"})
"""Pronouns that open a clause without an antecedent (``QuoteFinder._free_relative``)."""
_VERB_FINAL_TAIL = string_ids({"AUX", "PART", "PUNCT", "SPACE"})
_NAMED = string_ids({"NOUN", "PROPN", "PRON"})
_VERBISH = string_ids({"AUX", "VERB", "ADV", "PART"})
_PARTICLE_DEPS = string_ids({"compound:prt", "svp"})
_AFTER_VERB = string_ids({"sich", "es", "darauf", "dazu", "davon", "damit"})
_APPOSITION_POS = string_ids({"PROPN", "NOUN", "DET", "ADJ", "NUM", "X"})
_PROPN = string_id("PROPN")
_NAME_PARTS = string_ids({"flat", "flat:name", "compound", "appos"})
_COMPARISON = string_ids({"als", "wie"})
_PERSONAL_ES = string_ids(PERSONAL | {"es"})
_WIE, _SO, _OB, _ZU, _SICH = (string_id(w) for w in ("wie", "so", "ob", "zu", "sich"))
_WIE_SO = string_ids({"wie", "so"})
_HABEN = string_id("haben")
_ANAPHORA = string_ids(ANAPHORA)


@dataclass
class Quoted:
    """A quotation mark pair resolved to tokens."""

    mark: QuoteMarks
    span: Span
    full: bool


@dataclass
class Cue:
    """What attributes a unit: the cue lemma, its word and the speaker phrase."""

    lemma: str
    token: int
    speaker: Span | None
    kind: str  # verb, reported, noun, colon
    content: tuple[int, int] | None = None  # token range of the reported clause
    subject: Span | None = None  # who speaks on, when the speaker is a claim the cue rejects


class QuoteFinder:
    """Finds the quotes of one Doc; state is the speaker resolver for that document."""

    def __init__(
        self,
        doc: Doc,
        doc_id: str,
        mentions: list[Mention],
        tokens: list[Token] | None = None,
        text: str | None = None,
        sents: list[Span] | None = None,
        words: list[str] | None = None,
    ):
        self.doc = doc
        # Token objects built once (``tokens``: list(doc) already built): doc[i] and doc[a:b]
        # build new ones; ``text``: doc.text, ``words``: each token's text, already built
        self.toks = list(doc) if tokens is None else tokens
        if text is None or words is None:
            words, text = token_texts(doc)
        self.text, self.words = text, words
        self.arrays = ar = doc_arrays(doc)  # (each column is read when a rule first asks)
        # [ORTH, LEMMA, POS, MORPH] ids of each token: the keys of the word-form caches
        self._forms = np.ascontiguousarray(ar.base[:, :4]) if len(doc) else None
        self._idx = ar.idx  # each token's .idx
        self.doc_id = doc_id
        self.has_parse = doc.has_annotation("DEP")
        self.has_morph = doc.has_annotation("MORPH")
        self.resolver = SpeakerResolver(doc, mentions, self.text)
        self.marks = find_quote_marks(self.text)
        self.sents = sentence_units(doc, self.text, self.marks, self.toks, sents, self._idx)

        # the unit of each token (-1: none, a blank piece between units)
        self._unit_at = [-1] * len(doc)
        for k, u in enumerate(self.sents):
            self._unit_at[u.start : u.end] = [k] * (u.end - u.start)
        self.unit_texts = [self.text[u.start_char : u.end_char] for u in self.sents]  # Span.text
        self._kinds: dict[int, str] = {}
        self._cues: dict[tuple[int, int], list[Cue]] = {}
        self._chunks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.quoted = self._quoted()
        self.inside = self._inside_of(self.quoted)
        self.inside_full = self._inside_of([q for q in self.quoted if q.full])
        self.count = 0
        self.last: tuple[Span | None, str, int] | None = None  # speaker, canonical, unit
        self._unsourced: set[int] = set()  # units of statements without speaker and cue
        self.region_end = 0
        self._inside, self._inside_full = sorted(self.inside), sorted(self.inside_full)
        self._index_words()

    def _form_id(self, i: int) -> tuple[int, ...]:
        """Token i's [ORTH, LEMMA, POS, MORPH] ids (the key of the word-form caches)."""
        return tuple(self._forms[i].tolist())

    def _has_words(self, a: int, b: int, n: int) -> bool:
        """Tokens [a, b) hold at least n words (``has_words``; is_word is asked lazily: the
        first test of a new word form costs more than the few tokens a unit needs)."""
        return has_words(self.toks[a:b], n)

    def _inside_of(self, quoted: list[Quoted]) -> set[int]:
        """Indices of the tokens of quotations, without the cues that interrupt them."""
        out: set[int] = set()
        idx = self._idx
        for q in quoted:
            span, gaps = q.span, q.mark.gaps
            if gaps:
                out.update(
                    i
                    for i in range(span.start, span.end)
                    if not any(a <= idx[i] < b for a, b in gaps)
                )
            else:
                out.update(range(span.start, span.end))
        return out

    def _index_words(self) -> None:
        """Sorted indices of the few tokens each test needs, found in one pass per document
        (most sentences hold none of them, and then the test's loop is skipped): what each
        test says of a word form is remembered as bits by its string ids (``_new_bits``)."""
        known = _FORM_BITS[self.has_morph]
        get = known.get
        # the four ids of each token as one bytes key (faster to hash than a tuple)
        keys = self._forms.view("V32").ravel().tolist() if self._forms is not None else []
        bits = list(map(get, keys))
        if None in bits:
            if len(known) >= 1 << 18:
                known.clear()
            new = {key: i for i, key in enumerate(keys) if bits[i] is None}  # one per form
            for key, found in zip(new, self._new_bits(list(new.values())), strict=True):
                known[key] = found
            bits = list(map(get, keys))
        self._bits = bits
        mask = np.array(bits, dtype=np.int64)
        # words a verb cue loop can accept: lowercase words that may be a cue or are verbs
        # (an opinion noun may follow: "ist der Meinung, …")
        self._candidates = np.flatnonzero(mask & _CANDIDATE).tolist()
        # the candidates that pass cue_lemmas' cheap tests (the others only a verb of opinion)
        self._may_cue = set(np.flatnonzero(mask & _MAY_CUE).tolist())
        self._opinions = np.flatnonzero(mask & _OPINION).tolist()
        self._markers = np.flatnonzero(mask & _MARKER).tolist()
        self._nominals = np.flatnonzero(mask & _NOMINAL).tolist()
        # tokens that may make a unit Konjunktiv (a first-person subject may still veto one)
        self._moods = np.flatnonzero(mask & (_KONJUNKTIV | _SOLL)).tolist()
        self._mood_forms = set(np.flatnonzero(mask & _KONJUNKTIV).tolist())
        self._solls = np.flatnonzero(mask & _SOLL).tolist()
        self._boundaries = np.flatnonzero(mask & _BOUNDARY).tolist()

    def _new_bits(self, new: list[int]) -> list[int]:
        """What the word-level tests say of the forms (text, lemma, POS, morphology) of
        tokens ``new``: ``cue_candidates``, ``may_be_cue``, ``mood_candidates`` and the word
        lists (by ``lower_``: spaCy's lower_ is str.lower of the text)."""
        toks = [self.toks[i] for i in new]
        ids = [tuple(row) for row in self._forms[new].tolist()]
        lowers = [t.lower_ for t in toks]
        candidates = set(cue_candidates(toks, [self.words[i] for i in new], ids))
        moods = set(mood_candidates(toks, lowers, ids, self.has_morph))
        opinions = cue_lexicon().get("opinion", frozenset())
        out = []
        for k, tok in enumerate(toks):
            low = lowers[k]
            bits = 0
            if k in candidates:
                bits |= _CANDIDATE
                if may_be_cue(tok, ids[k]):  # (a cue is lowercase: a candidate)
                    bits |= _MAY_CUE
            if low in opinions:
                bits |= _OPINION
            if low in CLAUSE_MARKERS:
                bits |= _MARKER
            if low in NOMINAL_WORDS:
                bits |= _NOMINAL
            if k in moods:
                bits |= _KONJUNKTIV
            if low in {"soll", "sollen"}:
                bits |= _SOLL
            if low in NOT_CONTENT and tok.pos_ in {"SCONJ", "ADV", ""} or low == "ob":
                bits |= _SUBORDINATOR
            if self.words[new[k]] in BOUNDARIES:
                bits |= _BOUNDARY
            out.append(bits)
        return out

    @staticmethod
    def _between(indices: list[int], lo: int, hi: int) -> list[int]:
        """The members of a sorted index list in [lo, hi)."""
        return indices[bisect_left(indices, lo) : bisect_left(indices, hi)]

    @staticmethod
    def _any_between(indices: list[int], lo: int, hi: int) -> bool:
        """Has a sorted index list a member in [lo, hi)? (``bool(_between(…))``)"""
        k = bisect_left(indices, lo)
        return k < len(indices) and indices[k] < hi

    # --- quotation marks ---------------------------------------------------------------
    def _quoted(self) -> list[Quoted]:
        doc, out = self.doc, []
        for m in self.marks:
            if not self.text[m.start : m.end].strip():
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not words(span):
                continue
            full = self._full_clause(span)
            if is_title(self.text, m, span, full):
                continue
            out.append(Quoted(m, span, full))
        return out

    def _full_clause(self, span: Span) -> bool:
        ws = words(span)
        if not ws[0].text[:1].isupper():
            return False
        if not self.has_morph:  # fallback: three or more words make a statement
            return len(ws) >= 3
        # (or a lowercase word the tagger calls finite whatever its part of speech:
        # "Das besprechen wir gerade." with "besprechen" a NOUN)
        return any(
            is_finite(t) or t.tag_ in FINITE_TAGS and t.text[:1].islower() for t in span
        ) or self._cued_opening(span)

    def _cued_opening(self, span: Span) -> bool:
        """A quotation of three or more words after a speaker and a colon, or opening its
        sentence and followed by a comma and a cue verb, is a statement, whatever the tagger
        made of its verb („Erwarten Sie mehr Raketen-Tests“, schrieb er)."""
        if len(words(span)) < 3:
            return False
        opener = span.start - 1
        while opener >= 0 and (self.toks[opener].is_space or self.toks[opener].text in OPENERS):
            opener -= 1
        if opener >= 0 and self.words[opener] == ":":  # "Nordkorea-Experte: „Erwarten Sie …“"
            lead = self.sents[self._unit(opener)]  # the colon's unit (the parser may split)
            before = [t for t in self.toks[lead.start : opener] if not t.is_space]
            return 0 < len(before) <= 4 and (
                any(t.ent_type_ in {"PER", "ORG"} for t in before) or is_role(before[-1].text)
            )
        unit = self.sents[self._unit(span.start)]
        if any(
            not t.is_space and t.text not in OPENERS for t in self.toks[unit.start : span.start]
        ):
            return False
        after = [t for t in self.toks[span.end : span.end + 4] if not t.is_space]
        while after and after[0].text in CLOSERS:
            after.pop(0)
        return len(after) >= 2 and after[0].text == "," and bool(cue_lemma(after[1], "verb"))

    def _unit(self, i: int) -> int:
        """Index of the sentence unit holding token i (or the nearest one before it)."""
        at = self._unit_at
        i = min(i, len(at) - 1)
        while i > 0 and at[i] < 0:
            i -= 1
        return at[i] if i >= 0 and at[i] >= 0 else 0

    # --- cues ----------------------------------------------------------------------------
    def cues(self, lo: int, hi: int) -> list[Cue]:
        """Verb, nominal and colon cues among tokens [lo, hi) outside quotations (remembered:
        a unit's cues are asked for again by the unit before it; do not change the list)."""
        found = self._cues.get((lo, hi))
        if found is None:
            found = self._cues[(lo, hi)] = self._find_cues(lo, hi)
        return found

    def _find_cues(self, lo: int, hi: int) -> list[Cue]:
        found: list[Cue] = []
        doc, inside = self.doc, self.inside
        # cue verbs and the verb of an opinion noun are written in lowercase: only the
        # candidates can be either (the others give no lemma and no opinion)
        for i in self._between(self._candidates, lo, hi):
            if i in inside:
                continue
            if i not in self._may_cue and not self._any_between(self._opinions, i, min(hi, i + 10)):
                continue  # no cue lemma and no opinion noun in reach: _opinion gives ""
            tok = self.toks[i]
            reported, verb = cue_lemmas(tok) if i in self._may_cue else ("", "")
            # a particle verb that reports ("schätzt … ein": einschätzen) before its base verb
            particle_verb = reported != verb and reported.endswith(verb)
            lemma = reported if verb and particle_verb else verb or reported
            opinion = "" if lemma else self._opinion(tok, hi)
            lemma = lemma or opinion
            kind = "reported" if reported else "verb"
            if not lemma or self._not_speech(tok, lemma):
                continue
            speaker = self._speaker_of(tok, lo, hi)
            held = speaker is not None and self.words[speaker.end - 1].lower() in cue_lexicon().get(
                "opinion", ()
            )  # (lower_ is the text's str.lower())
            if (opinion or held) and speaker is not None and speaker.end > tok.i:
                speaker = None if speaker.start > tok.i else speaker  # not "der Meinung"
                speaker = speaker or phrase_ending_at(doc, finite_of(tok).i, lo, self.inside)
            content = self._content(tok, lo, hi)
            claim = self._claim_object(tok, content, hi) if content is not None else None
            if claim is not None:
                speaker, subject = claim, speaker
            else:
                subject = None
            found.append(Cue(lemma, tok.i, speaker, kind, content, subject))
        reported = {c.content for c in found if c.content is not None}
        found.extend(c for c in self._claim_clauses(lo, hi) if c.content not in reported)
        nominal = self.nominal_cue(lo, hi)
        if nominal is not None:
            found.append(nominal)
        colon = self._colon_speaker(lo, hi)
        if colon is not None:
            found.append(Cue("", colon.end, colon, "colon"))
        return found

    def _claim_clauses(self, lo: int, hi: int) -> list[Cue]:
        """A noun naming a statement right before ", dass …" (its clause's verb may come
        between): "mündete in eine Andeutung, dass …", "die Behauptung, dass …". The
        dass-clause is what was stated; the noun phrase is its source."""
        out = []
        for marker in self._between(self._markers, lo + 2, hi):  # i: the comma before it
            i = marker - 1
            if self.words[i] != "," or i in self.inside:
                continue
            last = i - 1
            if self.doc[last].pos_ in {"VERB", "AUX"} and last > lo:
                last -= 1  # "… in eine Andeutung mündete, dass"
            noun = None
            for k in range(last, max(lo - 1, last - 8), -1):  # "die Behauptung der Regierung"
                tok = self.doc[k]
                if tok.pos_ == "NOUN" and is_claim_noun(tok.text):
                    held = phrase_from(self.doc, k, last + 1, self.inside)
                    if k == last or held is not None and held.end == last + 1:
                        noun = tok
                    break
            content = next(((a, b) for a, b in self.chunks(lo, hi) if a == i + 1), None)
            if noun is None or content is None:
                continue
            start = noun.i
            while start > lo and self.doc[start - 1].pos_ in {"DET", "ADJ"}:
                start -= 1
            lemma = noun.lemma_ if noun.lemma_[:1].isupper() else noun.text
            out.append(Cue(lemma, noun.i, self.doc[start : last + 1], "verb", content))
        return out

    def _claim_object(self, verb: Token, content: tuple[int, int], hi: int) -> Span | None:
        """The object of a cue answering another's statement (cues.txt "respond") that names
        that statement, right before the clause the cue reports: its source ("wies Berichte
        der Zeitung zurück, er sei …")."""
        if content[0] <= verb.i or not self.has_parse or is_passive(verb):
            return None
        if cue_lemma(verb, "respond") == "":
            return None
        claims = cue_lexicon().get("claim", frozenset())
        for child in verb.children:
            low = child.lower_
            if child.pos_ != "NOUN" or child.dep_ in SUBJ_DEPS or child.i >= content[0]:
                continue
            if not any(low.endswith(c) for c in claims):
                continue
            tree = [t.i for t in child.subtree if t.i < content[0]]
            a, b = min(tree), max(tree) + 1
            if b - a > MAX_PHRASE_TOKENS or any(i in self.inside for i in range(a, b)):
                continue
            between = [t for t in self.doc[b : content[0]] if t.is_alpha]
            if all(t.dep_ in {"compound:prt", "svp"} or t.i == verb.i for t in between):
                return self.doc[a:b]
        return None

    def _opinion(self, verb: Token, hi: int) -> str:
        """ "ist der Meinung, dass …", "vertritt die Ansicht, …": a verb whose clause ends
        with an opinion noun (data/cues.txt) before a comma is a cue."""
        if verb.pos_ not in {"VERB", "AUX"} or not verb.text[:1].islower():
            return ""
        if not self._any_between(self._opinions, verb.i, min(hi, verb.i + 10)):
            return ""  # no opinion noun in reach
        words = self.words  # token texts, read once per document
        for i in range(verb.i + 1, min(hi, verb.i + 10, len(words))):
            if i in self.inside or words[i] in {".", ";", ":", "!", "?"}:
                return ""
            if words[i] == ",":
                last = next((t for t in reversed(self.toks[verb.i : i]) if t.is_alpha), None)
                nouns = cue_lexicon().get("opinion", frozenset())
                return last.text if last is not None and last.lower_ in nouns else ""
        return ""

    def _not_speech(self, tok: Token, lemma: str) -> bool:
        """Cue verbs used in a sense that reports nothing."""
        if lemma == "ausgehen":  # "geht davon aus, dass" only, "davon" up to the particle
            parts = [c.i for c in tok.children if c.dep_ in {"compound:prt", "svp"} and c.i > tok.i]
            end = max(parts + [tok.i + 2]) + 1
            return not any(t.lower_ == "davon" for t in self.doc[tok.sent.start : end])
        if lemma == "heißen":  # "hieß es", "es heißt"
            return not any(c.lower_ == "es" for c in self.doc[tok.i - 2 : tok.i + 3])
        if lemma == "zeigen":  # "zeigte sich zuversichtlich, dass", not "Daten zeigen, dass"
            near = self.doc[max(tok.sent.start, tok.i - 8) : min(tok.sent.end, tok.i + 2)]
            return not any(t.lower_ in REFLEXIVES for t in [*near, *tok.children])
        if tok.lower_ == "geraten" and lemma == "raten":  # "in eine Krise geraten (war)"
            return not any(c.lemma_ in {"werden", "haben"} for c in tok.children)
        if tok.lower_ == "bekannt" and lemma == "bekennen":  # "wie bekannt wurde": known,
            near = [*tok.children, tok.head]  # not "hat sich zur Tat bekannt"
            return any(t.lemma_ in {"werden", "sein"} for t in near)
        return self._attributive(tok)

    def _attributive(self, tok: Token) -> bool:
        """A participle without an auxiliary in a chunk without a finite verb: a naming or
        a comment, not a speech act ("Zebroide, auch Zebra-Pferde genannt, sind …")."""
        if not _participle(tok) or not self.has_parse:
            return False
        if any(c.dep_ in {"aux", "aux:pass"} for c in tok.children):
            return False
        a, b = tok.i, tok.i + 1
        while a > 0 and self.words[a - 1] not in BOUNDARIES | {".", "!", "?"}:
            a -= 1
        while b < len(self.doc) and self.words[b] not in BOUNDARIES | {".", "!", "?"}:
            b += 1
        if a == 0 or self.words[a - 1] != "," or b >= len(self.doc) or self.words[b] != ",":
            return False  # only a participle phrase set off by commas
        chunk = [t for t in self.doc[a:b] if t.is_alpha]
        return (
            0 < len(chunk) <= 5
            and chunk[-1].i == tok.i
            and chunk[0].lower_ != "wie"  # "wie von der Verteidigung ausgeführt" attributes
            and not any(is_finite(t) for t in chunk)
        )

    def _speaker_of(self, verb: Token, lo: int, hi: int) -> Span | None:
        if not self.has_parse:
            return self._nearest_name(verb, lo, hi)
        if verb.lemma_.lower() == "heißen" or guess_verb_lemma(verb.text) == "heißen":
            return self._source_after(verb, hi)
        if cue_lemma(verb) == "verlauten":  # "Aus Militärkreisen verlautete, dass …"
            return self._source_after(verb, hi) or subject_phrase(verb, lo, hi, self.inside)
        if cue_lemma(verb) == "zitieren":
            found = self._cited(verb, lo, hi)
            if found is not None:
                return found
        if _modal_passive(verb):
            return None  # "… als Ursache auszuschließen waren": the subject is what is meant
        found = subject_phrase(verb, lo, hi, self.inside)
        if found is None and is_passive(verb):  # "In einem Bericht der X wurde vermutet"
            source = self._source_after(verb, hi)
            if source is not None and any(is_source_noun(t.text) for t in source[:3]):
                return source
            return None  # the passive's subject said nothing ("X wird vorgeworfen, …")
        if found is None:
            found = self._parsed_subject(verb, lo, hi)
        return found

    def _cited(self, verb: Token, lo: int, hi: int) -> Span | None:
        """Who "zitieren" names as the source: the medium of a passive ("X wird von der Y
        zitiert"), else the person or paper cited ("Die Zeitung zitiert einen Augenzeugen",
        "zitiert aus der Zeitung „Hoy Bolivia“")."""
        doc = verb.doc
        if is_passive(verb):
            for tok in doc[lo:hi]:
                if tok.lower_ in {"von", "vom"} and tok.i not in self.inside:
                    if tok.head == verb or tok.head.head == verb:
                        return phrase_from(doc, tok.i + 1, hi, self.inside) or self._quoted_name(
                            tok.i + 1, hi
                        )
            return None
        for child in verb.children:
            if (
                child.dep_ in {"obj", "oa"}
                and lo <= child.i < hi
                and child.pos_ in {"NOUN", "PROPN"}
            ):
                left = min(t.i for t in child.subtree)
                found = phrase_from(doc, left, hi, self.inside)
                if found is not None and found.start <= child.i < found.end:
                    return found
        for tok in doc[verb.i + 1 : hi]:
            if tok.i in self.inside or tok.text in BOUNDARIES:
                break
            if tok.lower_ == "aus" and tok.i + 1 < hi and doc[tok.i + 1].lower_ in {"der", "dem"}:
                return phrase_from(doc, tok.i + 1, hi, self.inside)
        return None

    def _quoted_name(self, i: int, hi: int) -> Span | None:
        """An article and a short quoted name taken for a quotation: der „Netzeitung“."""
        doc = self.doc
        if i + 2 >= hi or doc[i].pos_ != "DET" or doc[i + 1].text not in OPENERS:
            return None
        for j in range(i + 2, min(hi, i + 9)):
            if doc[j].is_quote:
                return doc[i : j + 1] if j > i + 2 else None
        return None

    def _parsed_subject(self, verb: Token, lo: int, hi: int) -> Span | None:
        """The parser's subject with its attributes, when word order found none: "Eine der
        Oppositionsgruppen, die „Koalition“ (CUD), behauptete", "Dieser bestätigte"."""
        if verb.dep_ == "conj" and lo <= verb.head.i < verb.i:
            verb = verb.head if not any(c.dep_ in SUBJ_DEPS for c in verb.children) else verb
        # (a parser may hang the subject on the auxiliary: "X hat … gefordert")
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "aux:pass"}]
        subjects = [
            c
            for c in [*verb.children, *(k for x in auxiliaries for k in x.children)]
            if c.dep_ in SUBJ_DEPS and lo <= c.i < hi and c.i not in self.inside and c.i < verb.i
        ]
        if not subjects or subjects[0].lower_ in NOT_SPEAKERS | {"es", "man"}:
            return None
        head = subjects[0]
        if head.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        skip = {t.i for c in head.children if c.dep_.startswith("acl") for t in c.subtree}
        toks = [t.i for t in head.subtree if t.i not in skip]
        a, b = min(toks), max(toks) + 1
        if b - a > 2 * MAX_PHRASE_TOKENS or any(i in self.inside for i in range(a, b)):
            return None
        while b > a and (self.doc[b - 1].is_punct or self.doc[b - 1].is_space):
            if self.doc[b - 1].text == ")" and "(" in self.doc[a : b - 1].text:
                break
            b -= 1
        return self.doc[a:b] if b > a else None

    def _source_after(self, verb: Token, hi: int) -> Span | None:
        """'hieß es in einer Erklärung des Außenministeriums' (or 'In der Erklärung … heißt
        es') -> the phrase after 'in'."""
        lo = verb.sent.start
        after = list(self.doc[verb.i + 1 : hi])
        before = list(reversed(self.doc[lo : verb.i]))
        for side in (after, before):
            for tok in side:
                if tok.i in self.inside or tok.text in BOUNDARIES:
                    break
                if tok.pos_ == "ADP" and tok.lower_ in SOURCE_PREPOSITIONS:
                    found = phrase_from(self.doc, tok.i + 1, hi, self.inside)
                    if found is not None:
                        return found
        return None

    def _nearest_name(self, verb: Token, lo: int, hi: int) -> Span | None:
        """Without a parser: the first name or pronoun right after the verb, then before it."""
        order = list(self.doc[verb.i + 1 : hi]) + list(reversed(self.doc[lo : verb.i]))
        for tok in order:
            if tok.i in self.inside or tok.is_punct:
                if tok.text in {".", ":", ";"}:
                    break
                continue
            if tok.ent_type_ in {"PER", "ORG", "LOC"} or tok.lower_ in {"er", "sie"}:
                ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
                return ent if ent is not None else self.doc[tok.i : tok.i + 1]
        return None

    def nominal_cue(self, lo: int, hi: int) -> Cue | None:
        """'nach Angaben X', 'seiner Meinung nach', 'laut X', 'X zufolge', '…, so X'."""
        doc, inside = self.doc, self.inside
        if not self._any_between(self._nominals, lo, hi):
            return None
        space, every = self.arrays.space, self.toks
        toks = [every[i] for i in range(lo, min(hi, len(every))) if not space[i]]
        toks = [t for t in toks if t.i not in inside] if inside else toks
        bits = self._bits
        for k, tok in enumerate(toks):
            if not bits[tok.i] & _NOMINAL:
                continue  # every test below asks for a word of NOMINAL_WORDS
            low = tok.lower_
            prev = toks[k - 1] if k > 0 else None
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if low == "nach" and nxt is not None:
                phrase = phrase_from(doc, nxt.i, hi, inside)
                if phrase is not None and any(is_source_noun(t.text) for t in phrase[:4]):
                    return Cue("nach", tok.i, phrase, "noun")
            if low == "nach" and prev is not None and is_source_noun(prev.text):
                det = doc[prev.i - 1] if prev.i > lo else None  # "Seiner" may be tagged NOUN
                start = prev.i - 1 if det is not None and _determiner(det) else prev.i
                return Cue("nach", tok.i, doc[start : prev.i + 1], "noun")
            if (
                low == "laut"
                and nxt is not None
                and (
                    nxt.lemma_ == "werden" or nxt.lower_ in {"über", "werden", "geworden", "wurde"}
                )
            ):
                continue  # the adjective: "Kritik ist laut geworden", "dachte laut über … nach"
            if low in {"laut", "gemäß"} and nxt is not None and nxt.text in OPENERS:
                nxt = toks[k + 2] if k + 2 < len(toks) else None
            if low in {"laut", "gemäß"} and nxt is not None and not nxt.is_punct:
                if tok.pos_ in {"ADP", ""} or nxt.pos_ in {"DET", "PROPN", "NOUN"}:
                    return Cue(low, tok.i, self._np_after(nxt), "noun")
            if low == "zufolge" and prev is not None:
                return Cue("zufolge", tok.i, self._np_before(prev), "noun")
            if low == "so" and nxt is not None and prev is not None and prev.text == ",":
                if nxt.ent_type_ in {"PER", "ORG"} or nxt.pos_ in {"DET", "PROPN", "NOUN"}:
                    return Cue("so", tok.i, self._np_after(nxt), "noun")
            if low == "wonach" and prev is not None and prev.text == ",":
                # "Berichte der Zeitung, wonach …": the noun before the comma is the source
                source = phrase_ending_at(doc, prev.i, lo, inside)
                return Cue(low, tok.i, source or doc[tok.i : tok.i + 1], "noun")
            if low in {"demnach", "wonach"}:  # the source named before; the word stands for it
                return Cue(low, tok.i, doc[tok.i : tok.i + 1], "noun")
        return None

    def _np_after(self, tok: Token) -> Span:
        found = phrase_from(self.doc, tok.i, tok.sent.end, self.inside)
        return found if found is not None else self.doc[tok.i : tok.i + 1]

    def _np_before(self, tok: Token) -> Span:
        found = phrase_ending_at(self.doc, tok.i + 1, tok.sent.start, self.inside)
        return found if found is not None else self.doc[tok.i : tok.i + 1]

    def _colon_speaker(self, lo: int, hi: int) -> Span | None:
        """'Trump: „…“' headlines: a name (or role) right before a colon and a quotation."""
        doc = self.doc
        words = self.words
        if ":" not in words[lo:hi]:
            return None
        for i in range(lo, min(hi, len(words))):
            if words[i] != ":" or i in self.inside:
                continue
            tok = self.toks[i]
            rest = [t for t in self.toks[tok.i + 1 : hi] if not t.is_space]
            if not rest or rest[0].text not in OPENERS:
                return None
            before = [t for t in self.toks[lo : tok.i] if not t.is_space]
            if not before or len(before) > 4:
                return None
            # "Trump zu Cohen: „…“": the speaker comes before a preposition
            cut = next((t.i for t in before if t.pos_ == "ADP"), tok.i)
            ents = [e for e in doc.ents if lo <= e.start and e.end <= cut]
            if ents and ents[0].label_ in {"PER", "ORG"}:
                return ents[0]
            if len(before) == 1 and before[0].pos_ in {"PROPN", "NOUN"}:
                return doc[before[0].i : before[0].i + 1]
            return None
        return None

    # --- reported clauses ------------------------------------------------------------------
    def chunks(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Token ranges of a unit between commas, semicolons, colons and dashes (remembered:
        the cue and mood tests ask for the same unit's; do not change the list)."""
        found = self._chunks.get((lo, hi))
        if found is None:
            found = self._chunks[(lo, hi)] = self._find_chunks(lo, hi)
        return found

    def _find_chunks(self, lo: int, hi: int) -> list[tuple[int, int]]:
        out, start = [], lo
        for i in self._between(self._boundaries, lo, hi):  # the words in BOUNDARIES
            if i not in self.inside:
                if i > start:
                    out.append((start, i))
                start = i + 1
        if hi > start:
            out.append((start, hi))
        merged: list[tuple[int, int]] = []
        ar = self.arrays
        space, pos, texts = ar.space, ar.pos, ar.texts
        for a, b in out:  # "…, Sarah Sanders, dass": a name apposition is no clause
            if not merged:
                merged.append((a, b))
                continue
            toks = [t for t in range(a, min(b, ar.n)) if not space[t]]
            if (
                toks
                and all(pos[t] in _APPOSITION_POS or texts[t] in "()" for t in toks)
                and any(pos[t] == _PROPN or ar.ent_type[t] for t in toks)
            ):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        return merged

    def _clause_like(self, a: int, b: int) -> bool:
        """A chunk with a verb or a clause marker (not an apposition or a particle)."""
        ar, inside = self.arrays, self.inside
        pos, lower = ar.pos, ar.lower
        return any(
            pos[t] in _VERB_AUX or lower[t] in _CLAUSE_MARKERS or t in inside
            for t in range(a, min(b, ar.n))
        )

    def _first_word(self, a: int, b: int) -> int | None:
        """The first token in [a, b) that is no space and no punctuation."""
        ar = self.arrays
        space, punct = ar.space, ar.punct
        return next((t for t in range(a, min(b, ar.n)) if not space[t] and not punct[t]), None)

    def _reporting_chunk(self, a: int, b: int) -> bool:
        """Not a condition, reason, time or relative clause (those report nothing)."""
        first = self._first_word(a, b)
        if first is None:
            return False
        ar = self.arrays
        low, pos = ar.lower[first], ar.pos[first]
        if low in _CLAUSE_MARKERS:
            return True
        if low in _NOT_CONTENT or pos == _SCONJ:
            return self._adverb_opener(first, b)
        if self._relative_pronoun(first):
            return self._verb_second(first + 1, b)  # "…, die USA halten sich an …"
        return True

    def _adverb_opener(self, first: int, b: int) -> bool:
        """Is token ``first``, a subordinator by its form, an adverb before the finite verb
        of a main clause ("Damit tritt García die Nachfolge an", "Da kam er")?"""
        return self.arrays.lower[first] in _ADVERB_OPENERS and self._opens_finite(first + 1, b)

    def _opens_finite(self, a: int, b: int) -> bool:
        """Is the first word of tokens [a, b) a finite verb?"""
        first = self._first_word(a, b)
        return first is not None and self._finite_verb(first)

    def _skips_relative(self, v: int, parts: list[tuple[int, int]], n: int) -> bool:
        """Is parts[n] a relative clause that may stand between cue verb v and its content?
        Only when v has no object, on which it would hang ("kündigte einen Vorschlag an,
        der …"; "sagte in einem Interview, das …, er wolle …" is fine), and no dass/ob
        follows, which would be the relative clause's ("was ein Hinweis darauf ist, dass …")."""
        if not self._relative_clause(*parts[n]):
            return False
        ar = self.arrays
        if any(ar.dep[c] in _OBJECTS for c in ar.children[v]):
            return False
        if n + 1 < len(parts):
            first = self._first_word(*parts[n + 1])
            if first is not None and ar.lower[first] in _CLAUSE_MARKERS:
                return False
        return True

    def _free_relative(self, parts: list[tuple[int, int]], n: int) -> bool:
        """Is parts[n] a clause opened by "wer" or "was" without an antecedent, and does the
        chunk after it open with a finite verb? Then it is the first field of the reported
        clause ("sagte, wer auf Polizisten schieße, sei ein Verbrecher")."""
        first = self._first_word(*parts[n])
        if first is None or self.arrays.lower[first] not in _FREE_RELATIVES:
            return False
        return n + 1 < len(parts) and self._opens_finite(*parts[n + 1])

    def _fronted_phrase(self, v: int, parts: list[tuple[int, int]], n: int) -> bool:
        """Is parts[n], a phrase without a verb, the first field of the reported clause,
        cut off from its verb by relative clauses ("erklärte, in den Ländern, in denen die
        Reform umgesetzt wurde, sei die Arbeitslosigkeit gesunken")? The chunk after the
        relative clauses opens with its finite verb."""
        m = n + 1
        while m < len(parts) and self._skips_relative(v, parts, m):
            m += 1
        if m == n + 1 or m >= len(parts):
            return False
        return self._opens_finite(*parts[m])

    def _relative_clause(self, a: int, b: int) -> bool:
        """Is tokens [a, b) a relative clause that ends with its verb ("das am Montag
        erschien", "in dem er …")?"""
        first = self._first_word(a, b)
        ar = self.arrays
        if first is not None and ar.pos[first] == _ADP:
            first = self._first_word(first + 1, b)  # "in dem", "mit denen"
        if first is None or not self._relative_pronoun(first):
            return False
        return not self._verb_second(first + 1, b)

    def _relative_pronoun(self, i: int) -> bool:
        """Is token i a relative pronoun by its morphology, or a pronoun "der"/"die"/…?"""
        ar = self.arrays
        if "Rel" in key_features(self.doc.vocab, ar.morph[i]).get("PronType", ()):
            return True
        return ar.pos[i] == _PRON and ar.lower[i] in _RELATIVE_PRONOUNS

    def _verb_second(self, a: int, b: int) -> bool:
        """Do words follow the first finite verb of tokens [a, b)? A relative clause ends
        with its finite verb; a main clause ("die USA halten sich an …") goes on after it. A
        comparison may follow a relative clause's verb ("die heftiger sein werden als
        üblich")."""
        ar = self.arrays
        pos, lower = ar.pos, ar.lower
        end = min(b, ar.n)
        finite = next((t for t in range(a, end) if self._finite_verb(t)), None)
        if finite is None:
            return False
        for t in range(finite + 1, end):
            if lower[t] in _COMPARISON:
                return False
            if pos[t] not in _VERB_FINAL_TAIL and pos[t] != _VERB:
                return True
        return False

    def _finite_verb(self, i: int) -> bool:
        """``is_finite`` of token i."""
        ar = self.arrays
        if ar.pos[i] not in _VERB_AUX:
            return False
        feats = key_features(self.doc.vocab, ar.morph[i])
        return "Fin" in feats.get("VerbForm", ()) or bool(feats.get("Mood") or feats.get("Person"))

    def _kind_at(self, i: int) -> str:
        """``_kind`` of token i."""
        return self._kind(self.toks[i]) if i in self._mood_forms else ""

    def _statement(self, a: int, b: int) -> bool:
        """Does tokens [a, b) hold a clause (a finite verb, dass/ob, a zu-infinitive)?"""
        ar = self.arrays
        space, punct, lower, pos = ar.space, ar.punct, ar.lower, ar.pos
        toks = [t for t in range(a, min(b, ar.n)) if not space[t] and not punct[t]]
        if not toks:
            return False
        if lower[toks[0]] in _CLAUSE_MARKERS:
            return True
        if not self._reporting_chunk(a, b):
            return False
        texts = ar.texts
        for t in toks:
            if self._finite_verb(t) or pos[t] in _VERB_AUX and self._kind_at(t):
                return True
            if lower[t] == _ZU and pos[t] == _PART:
                return True
            if pos[t] == _VERB:
                low = texts[t].lower()  # (lower_)
                if "zu" in low[2:-2] and low.endswith("en"):
                    return True
        return not self.has_morph and self._has_words(a, b, 3)

    def _content(self, verb: Token, lo: int, hi: int) -> tuple[int, int] | None:
        """The clause a cue verb reports: after it ("sagte, …"), or before it ("…, sagte er")."""
        parts = self.chunks(lo, hi)
        v = verb.i
        k = next((n for n, (a, b) in enumerate(parts) if a <= v < b), None)
        if k is None:
            return None
        ar = self.arrays
        n_tokens, space, pos, lower = ar.n, ar.space, ar.pos, ar.lower
        if parts[k][1] < n_tokens and self.words[parts[k][1]] == ":":
            return None  # "sagte Kim: „…“" introduces a quotation
        first = next(
            (t for t in range(parts[k][0], min(parts[k][1], n_tokens)) if not space[t]), None
        )
        finite = _finite(ar, v)
        verb_final = all(
            pos[t] in _VERB_FINAL_TAIL or t == v
            for t in range(finite + 1, min(parts[k][1], n_tokens))
        )
        if (
            first is not None
            and lower[first] != _WIE
            and not self._reporting_chunk(*parts[k])
            and verb_final
        ):
            return None  # "…, den die New York Times zitiert": a cue inside a relative clause
        perfect = (
            finite != v
            and ar.lemma[finite] == _HABEN
            and not self._kind_at(finite)
            and not _is_passive(ar, v)
            and not any(lower[c] == _SICH for c in ar.children[v])
        )
        verb_first = first is not None and (
            first == v or perfect and first == finite or lower[first] in _WIE_SO
        )  # "…, sagte er", "…, hatte Obama gesagt", "…, wie X sagte"
        dass_after = k + 1 < len(parts) and any(
            lower[t] in _CLAUSE_MARKERS
            for t in range(parts[k + 1][0], min(parts[k + 1][0] + 2, n_tokens))
        )
        colon_before = k > 0 and parts[k - 1][1] < n_tokens and self.words[parts[k - 1][1]] == ":"
        if verb_first and k > 0 and lower[first] != _WIE and not dass_after and not colon_before:
            a, b = parts[0][0], parts[k - 1][1]  # not "…: So sagte Rehn: „…“"
            dep = ar.dep
            subjects = [c for c in ar.children[v] if dep[c] in _SUBJ]
            own = any(parts[k][0] <= c < parts[k][1] and c > v for c in subjects) or (
                v + 1 < n_tokens and lower[v + 1] in _PERSONAL_ES and pos[v + 1] == _PRON
            )  # "hieß es", "sagte er", whatever label the parser gives the pronoun
            # a subject of the dass-clause before, or a second one when the cue has its own
            # ("…, hieß es"), is not the cue's, whatever the parse says
            subject = not own and any(
                a <= c < b and not self._subordinate(parts, c) for c in subjects
            )
            # (a clause of its own before the cue, not only a phrase with a relative clause:
            # "In einer Videobotschaft, die … wurde, sagte Thaksin, …")
            if self._statement(a, b) and not subject and self._main_clause_in(parts[:k]):
                return a, b
        n, cue_end, fronted = k + 1, parts[k][1], False
        while n < len(parts):
            if not self._clause_like(*parts[n]):
                if cue_end == parts[k][1] and self._fronted_phrase(v, parts, n):
                    fronted = True  # "erklärte, in den Ländern, in denen …, sei …"
                    break
                cue_end = parts[n][1]  # appositions, particles: "gab der Leiter, A. H., bekannt"
            elif cue_end == parts[k][1] and self._free_relative(parts, n):
                fronted = True  # "sagte, wer auf Polizisten schieße, sei …"
                break
            elif cue_end != parts[k][1] or not self._skips_relative(v, parts, n):
                break
            n += 1
        if n < len(parts) and (
            fronted or self._content_after(verb, (parts[k][0], cue_end), parts[n])
        ):
            end = parts[-1][1]
            alpha = ar.alpha
            for m in range(n + 1, len(parts)):  # stop before a new cue clause ("…, sagte er")
                head = next(
                    (t for t in range(parts[m][0], min(parts[m][1], n_tokens)) if alpha[t]), None
                )
                if head is not None and (
                    cue_lemma(self.toks[head], "verb") or self._goes_on(parts[n][0], head)
                ):
                    end = parts[m - 1][1]
                    break
            return parts[n][0], end
        named = first is not None and any(
            pos[t] in _NAMED for t in range(first + 1, min(v, n_tokens))
        )  # "wie die Polizei mitteilte", not "wie erwartet"
        if k > 0 and first is not None and lower[first] == _WIE and verb_final and named:
            a, b = parts[0][0], parts[k - 1][1]  # "…, wie die Polizei mitteilte."
            if self._statement(a, b):
                return a, b
        return None

    def _goes_on(self, a: int, head: int) -> bool:
        """Does the chunk opening with token ``head`` go on with the cue's own clause after
        reported speech that starts at token a? It opens with an indicative finite verb, and
        a Konjunktiv verb came before it ("erklärte, er sei unschuldig, erkannte das Gericht
        nicht an"; not "sagte, wenn es regnet, bleibt er zu Hause")."""
        if not self._finite_verb(head):
            return False
        if "Ind" not in key_features(self.doc.vocab, self.arrays.morph[head]).get("Mood", ()):
            return False
        return any(self._kind_at(t) for t in self._between(self._moods, a, head))

    def _main_clause_in(self, parts: list[tuple[int, int]]) -> bool:
        """Does one of these chunks hold a clause that is no relative clause?"""
        return any(self._statement(a, b) for a, b in parts)

    def _subordinate(self, parts: list[tuple[int, int]], i: int) -> bool:
        """Is token i in a chunk that opens a subordinate clause ("dass …", "ob …")?"""
        chunk = next(((a, b) for a, b in parts if a <= i < b), None)
        if chunk is None:
            return False
        ar = self.arrays
        space = ar.space
        first = next((t for t in range(chunk[0], min(chunk[1], ar.n)) if not space[t]), None)
        return first is not None and (ar.lower[first] in _CLAUSE_MARKERS or ar.pos[first] == _SCONJ)

    def _content_after(self, verb: Token, cue: tuple[int, int], nxt: tuple[int, int]) -> bool:
        """A dass-clause, or a clause or zu-infinitive right after the cue verb group."""
        ar, inside, v = self.arrays, self.inside, verb.i
        space, lower, pos = ar.space, ar.lower, ar.pos
        toks = [t for t in range(nxt[0], min(nxt[1], ar.n)) if not space[t]]
        if toks and lower[toks[0]] == _OB and any(self._finite_verb(t) for t in toks):
            return not _is_passive(ar, v)  # "fragte, ob …" (not "wurde gefragt, ob …")
        if not toks or not self._statement(*nxt):
            return False
        if lower[toks[0]] in _CLAUSE_MARKERS:
            return True
        if pos[toks[0]] == _CCONJ:
            return False  # "wurde abgelehnt, aber …", "doch hat …": a clause of its own
        kon = any(self._kind_at(t) for t in toks)
        said = [t for t in toks if t not in inside and cue_lemma(self.toks[t], "verb")]
        # a clause with a cue verb of its own reports on its own ("…, berichtete X"), unless
        # that verb is reported too: in the Konjunktiv after a word of its clause ("sagte,
        # der Minister hoffe auf …"; not "gebe … zu, spreche aber von …") or hanging on a
        # Konjunktiv auxiliary ("sagte, er habe den Plan bestätigt")
        if said and (
            not kon
            or any(t == toks[0] or self._own_finite(t, toks) and not self._kind_at(t) for t in said)
        ):
            return False
        alpha = ar.alpha
        tail = [t for t in range(v, min(cue[1], ar.n)) if alpha[t] and t not in inside]
        last = tail[-1] if tail else v
        ends_with_verb = (
            last == v
            or pos[last] in _VERBISH
            or lower[last] in _PERSONAL  # "verkündigte er, …"
            or ar.dep[last] in _PARTICLE_DEPS
            or lower[last] in _AFTER_VERB
            or self._ends_subject(last, v)  # "sagte Rice, …", "sagte der Minister, …"
        )
        return ends_with_verb or kon

    def _own_finite(self, t: int, chunk: list[int]) -> bool:
        """Is cue verb t the finite verb of its clause? Not when it closes a clause whose
        finite auxiliary came before it: then it is the participle the tagger read as a
        present tense ("…, sie habe die Angaben bezweifelt", "bezweifelt" VVFIN)."""
        if not self._finite_verb(t):
            return False
        ar = self.arrays
        tail = [u for u in chunk if u > t and ar.alpha[u]]
        return bool(tail) or not any(
            ar.pos[u] == _AUX and self._finite_verb(u) for u in chunk if u < t
        )

    def _ends_subject(self, last: int, v: int) -> bool:
        """Is token ``last`` (after the cue verb v) the end of v's subject: the subject
        itself or a name part hanging from it ("sagte Condoleezza Rice")?"""
        ar = self.arrays
        head, dep = ar.head, ar.dep
        t = last
        for _ in range(3):
            if head[t] == v:
                return dep[t] in _SUBJ and ar.pos[t] in _NAMED
            if dep[t] not in _NAME_PARTS or head[t] == t:
                return False
            t = head[t]
        return False

    def turn_quote(self, turn: Turn) -> Quote:
        """An interview answer as a direct quote of the person whose name opens it."""
        return self.make("direct", turn.start, turn.end, "", turn.name, self._unit(turn.name.start))

    # --- building ------------------------------------------------------------------------
    def make(self, kind: str, start: int, end: int, cue: str, speaker: Span | None, unit: int):
        """Build a Quote record, resolving the speaker within the document."""
        if speaker is not None:
            space = self.arrays.space
            toks = [i for i in range(speaker.start, speaker.end) if not space[i]]
            speaker = Span(self.doc, toks[0], toks[-1] + 1) if toks else None  # doc[a:b]
            speaker = _closed(speaker)
        text = self.text[start:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        start, end = start + lead, end - trail
        # speaker.text, without joining its tokens again
        mention = self.text[speaker.start_char : speaker.end_char] if speaker is not None else ""
        canonical = ""
        if speaker is not None:
            canonical = self.resolver.resolve(speaker, unit, plural=self._plural(speaker))
        self.count += 1
        quote = Quote(
            doc=self.doc_id,
            quote_id=f"{self.doc_id}#{self.count}",
            type=kind,
            speaker=canonical,
            speaker_mention=mention,
            cue=cue,
            text=self.text[start:end],
            start=start,
            end=end,
        )
        unit = max(unit, self.region_end)  # a statement ends where its region ends
        self.resolver.note_quote(quote, unit)
        if speaker is not None:
            self.last = (speaker, canonical, unit)
        elif not cue:
            self._unsourced.add(unit)
        return quote

    def _plural(self, speaker: Span) -> bool:
        head = speaker.root if self.has_parse else speaker[-1]
        verb = head.head if self.has_parse else None
        return verb is not None and "Plur" in morph_features(verb).get("Number", ())

    def _span_chars(self, a: int, b: int) -> tuple[int, int]:
        ar, words, idx = self.arrays, self.words, self._idx
        space, punct = ar.space, ar.punct
        toks = [t for t in range(a, min(b, ar.n)) if not space[t]]
        while toks and punct[toks[-1]] and words[toks[-1]] not in CLOSERS:
            toks.pop()
        while toks and punct[toks[0]] and words[toks[0]] not in OPENERS:
            toks.pop(0)
        if not toks:
            return idx[a], idx[a]
        return idx[toks[0]], idx[toks[-1]] + len(words[toks[-1]])

    def _outside_full(self, a: int, b: int) -> tuple[int, int] | None:
        """The longest run of tokens in [a, b) outside direct quotations (with 3+ words)."""
        if not self._any_between(self._inside_full, a - 1, b + 1):  # no quotation near: all of it
            return (a, b) if b > a and self._has_words(a, b, 3) else None
        best, run = None, None
        for i in range(a, b + 1):
            if (
                i < b
                and i not in self.inside_full
                and not (
                    self.words[i] in MARK_CHARS
                    and (i + 1 in self.inside_full or i - 1 in self.inside_full)
                )
            ):
                run = (run[0], i + 1) if run else (i, i + 1)
                continue
            if run and (best is None or run[1] - run[0] > best[1] - best[0]):
                best = run
            run = None
        if best is None or not self._has_words(best[0], best[1], 3):
            return None

        return best

    # --- the walk ------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Quote]:
        by_unit: dict[int, list[Quoted]] = {}
        for q in self.quoted:
            first = next((t for t in q.span if not t.is_space), q.span[0])
            by_unit.setdefault(self._unit(first.i), []).append(q)
        done_until = -1
        for si in range(len(self.sents)):
            if si <= done_until:
                continue
            last_unit = si
            while True:  # a region grows until every quote that starts in it also ends in it
                quoted = [q for k in range(si, last_unit + 1) for q in by_unit.get(k, [])]
                reach = max([self._unit(q.span.end - 1) for q in quoted] + [last_unit])
                if reach == last_unit:
                    break
                last_unit = reach
            done_until = last_unit
            yield from self._region(si, last_unit, quoted)

    def _region(self, si: int, last_unit: int, quoted: list[Quoted]) -> Iterator[Quote]:
        self.region_end = last_unit
        lo, hi = self.sents[si].start, self.sents[last_unit].end
        cues = self.cues(lo, hi)
        attributing = [c for c in cues if c.speaker is not None]
        main = attributing[0] if attributing else (cues[0] if cues else None)
        kon = self._konjunktiv(lo, hi)
        context = bool(cues) or kon == "one" or kon == "two" and self._near(1, si)
        context = context or si > 0 and self.unit_texts[si - 1].rstrip().endswith(":")
        for q in quoted:
            yield from self._quote(q, si, self._cue_of(q, attributing) or main, context, kon)
        if any(q.full for q in quoted) and self._outside_full(lo, hi) is None:
            return
        yield from self._clauses(si, last_unit, cues, kon, bool(quoted))

    @staticmethod
    def _cue_of(q: Quoted, attributing: list[Cue]) -> Cue | None:
        """A quotation's own cue: the nearest speech verb before it, when another follows
        the region's first ("…, sagte Trump, Kim nannte sie „begrüßenswert“"); for a full
        quotation only when two or more precede it ("Nachdem er … gefragt wurde, …,
        entgegnete Suttner: „…“"). A speech verb inside what another reports is not one
        ("sagte, die Aktion erinnere „…“")."""
        kinds = {"verb", "reported"}
        before = [c for c in attributing if c.kind in kinds and c.token < q.span.start]
        if q.full and len(before) < 2:
            return None
        contents = [c.content for c in attributing if c.content is not None]
        own = [c for c in before if not any(a <= c.token < b for a, b in contents)]
        return max(own or before, key=lambda c: c.token) if before else None

    def _quote(self, q: Quoted, si: int, main: Cue | None, context: bool, kon: str):
        speaker, cue = (main.speaker, main.lemma) if main is not None else (None, "")
        if not q.full:
            if not context:
                return
            if speaker is None and kon:
                speaker = self._continued(si, CONTINUE_INDIRECT)
            if speaker is None and si > 0 and self.unit_texts[si - 1].rstrip().endswith(":"):
                speaker, cue = self._borrowed(si)
            if speaker is not None and speaker.start < q.span.start < speaker.end:
                return  # the quoted name of the speaker: von der „Netzeitung“ zitiert
            yield self.make("mixed", q.mark.start, q.mark.end, cue, speaker, si)
            return
        if speaker is None:
            speaker, cue = self._borrowed(si, q)
        yield self.make("direct", q.mark.start, q.mark.end, cue, speaker, si)

    def _continued(self, si: int, distance: int) -> Span | None:
        """The speaker of a statement without a cue: the previous speaker nearby, else the
        subject of the sentence before when it can speak ("Der Minister definierte das Ziel.
        Es gehe darum, …")."""
        if self._near(distance, si) and self.last[2] >= si - 1:
            return self.last[0]
        if si > 0 and not self._headline(si - 1) and si - 1 not in self._unsourced:
            # (the subject of a statement nobody was found to make is no speaker: "Er sei
            # enttäuscht. Es gebe …")
            prev = self.sents[si - 1]
            found = self._introducer(prev.start, prev.end)
            if found is not None:
                return found
        return self.last[0] if self._near(distance, si) else None

    def _near(self, distance: int, si: int) -> bool:
        return self.last is not None and self.last[0] is not None and si - self.last[2] <= distance

    def _borrowed(self, si: int, q: Quoted | None = None) -> tuple[Span | None, str]:
        """A speaker for an uncued direct quote: an introducing 'X sagte:' before it, a
        'Das sagte X' after it, or the previous speaker nearby."""
        colon = self._colon_before(q) if q is not None else None
        if colon is not None:  # "Ali bekannte sich …: „…“": the introducing clause's subject
            intro = self._introducer(self.sents[self._unit(colon)].start, colon)
            if intro is not None:
                return intro, ""
        if si > 0 and self.unit_texts[si - 1].rstrip().endswith(":"):
            prev = self.sents[si - 1]
            for c in self.cues(prev.start, prev.end):
                if c.speaker is not None:
                    return c.speaker, c.lemma
            intro_speaker = self._introducer(prev.start, prev.end)
            if intro_speaker is not None:
                return intro_speaker, ""
            intro = [t for t in prev if not t.is_space and not t.is_punct]
            cut = next((k for k, t in enumerate(intro) if t.pos_ == "ADP"), len(intro))
            intro = intro[:cut]  # "Trump zu Cohen:" -> Trump
            if 0 < len(intro) <= 4 and intro[-1].pos_ in {"PROPN", "NOUN", "X"}:
                return self.doc[intro[0].i : intro[-1].i + 1], ""  # "Nordkorea-Experte: „…“"
        after = self._anaphoric_cue(si + 1)
        if after is not None:
            return after.speaker, after.lemma
        if not self._headline(si):
            return self._continued(si, CONTINUE_DIRECT), ""
        return None, ""

    def _colon_before(self, q: Quoted) -> int | None:
        """The colon right before a quotation in the same sentence unit, if any."""
        i = q.span.start - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in OPENERS):
            i -= 1
        if i < 0 or self.doc[i].text != ":" or i in self.inside:
            return None
        return i if self._unit(i) == self._unit(q.span.start) else None

    def _introducer(self, lo: int, hi: int) -> Span | None:
        """The subject of the main verb of a clause that introduces a quotation with a colon
        ("Die Ministerin sieht die Verantwortung beim Staat:"), when it can speak."""
        if not self.has_parse:
            return None
        toks = [t for t in self.toks[lo:hi] if t.i not in self.inside]
        roots = [
            t for t in toks if t.pos_ in {"VERB", "AUX"} and (t.dep_ == "ROOT" or t.head.i < lo)
        ]
        if not roots:  # "Er fuhr fort:" with the verb tagged as an adverb: a pronoun opening it
            first = next((t for t in toks if not t.is_space), None)
            colon = ":" in {self.words[hi - 1], self.words[hi] if hi < len(self.doc) else ""}
            if colon and first is not None and first.lower_ in PERSONAL and first.pos_ == "PRON":
                return self.doc[first.i : first.i + 1]
            return None
        cited = next((t for t in toks if cue_lemma(t) == "zitieren"), None)
        if cited is not None and self._cited(cited, lo, hi) is not None:
            return self._cited(cited, lo, hi)  # "Die Zeitung zitiert X mit den Worten:"
        found = subject_phrase(roots[0], lo, hi, self.inside)
        if found is None or found.text.lower() in NOT_SPEAKERS:
            return None
        if speakerlike(found) or any(
            t.ent_type_ in {"PER", "ORG"} or is_role(t.text) for t in found
        ):
            return found
        return None

    def _headline(self, si: int) -> bool:
        """A paragraph of its own without final punctuation: a headline or subheading."""
        unit = self.sents[si]
        text = self.unit_texts[si].strip()
        before = self.text[: unit.start_char].rstrip(" ")
        starts_paragraph = not before or before.endswith("\n")
        # the line ends right after the unit (spaces aside), or inside it (a parser may hang
        # the line break on the unit)
        after = self.text[unit.end_char : unit.end_char + 16].lstrip(" \t")[:1]
        ends_line = after in {"\n", ""} or self.unit_texts[si].rstrip(" \t").endswith("\n")
        return starts_paragraph and text[-1:] not in {".", "!", "?", ":"} and ends_line

    def _anaphoric_cue(self, k: int) -> Cue | None:
        """'Das teilte Sarah Sanders mit.' — a cue in unit k pointing back at unit k-1."""
        if k >= len(self.sents):
            return None
        unit = self.sents[k]
        lo, hi = unit.start, unit.end
        space = self.arrays.space
        first = next((i for i in range(lo, hi) if not space[i]), None)
        if first is None or self.arrays.lower[first] not in _ANAPHORA:
            return None
        following = next((i for i in range(first + 1, hi) if not space[i]), None)
        cues = [c for c in self.cues(unit.start, unit.end) if c.kind in {"verb", "reported"}]
        if not cues or cues[0].speaker is None or following is None:
            return None
        if following != _finite(self.arrays, cues[0].token):
            return None  # "Das Weiße Haus sprach …" is no "Das sagte X"
        return cues[0]

    def _main_clause(self, a: int, b: int) -> list[int]:
        """Indices of the tokens of a chunk outside quotations, up to a subordinator ("Auf
        die Frage, ob …")."""
        out = []
        bits, inside = self._bits, self.inside_full
        first = self._first_word(a, b)
        for i in range(a, min(b, len(bits))):
            if bits[i] & _SUBORDINATOR and not (i == first and self._adverb_opener(i, b)):
                break  # a word of NOT_CONTENT tagged SCONJ/ADV, or "ob"
            if i not in inside:
                out.append(i)
        return out

    def _reportative(self, a: int, b: int) -> bool:
        """Reportative "sollen" with a perfect infinitive: "Er soll gelogen haben"."""
        if not self._any_between(self._solls, a, b):
            return False  # cheap test first: no "soll" among all the chunk's words
        toks = [t for t in self.toks[a:b] if t.i not in self.inside_full and not t.is_space]
        if not self._reporting_chunk(a, b) or not any(t.lower_ in {"soll", "sollen"} for t in toks):
            return False
        return any(
            t.lower_ in {"haben", "sein", "worden"}
            and k > 0
            and toks[k - 1].tag_ in PARTICIPLES
            or t.lower_ in {"haben", "sein"}
            and k > 0
            and "Part" in toks[k - 1].morph.get("VerbForm")
            for k, t in enumerate(toks)
        )

    def _kind(self, token: Token) -> str:
        """``konjunktiv_kind`` of a token, computed once per document."""
        if token.i not in self._mood_forms:
            return ""  # its form can be no Konjunktiv (mood_candidates)
        kind = self._kinds.get(token.i)
        if kind is None:
            kind = self._kinds[token.i] = konjunktiv_kind(
                token, self.has_morph, self._form_id(token.i)
            )
        return kind

    def _konjunktiv(self, lo: int, hi: int) -> str:
        if not self._any_between(self._moods, lo, hi):
            return ""  # no word that can be a Konjunktiv, no "soll"
        chunks = self.chunks(lo, hi)
        kinds: set[str] = set()
        clauses: list[list[int]] = []
        moods = self._mood_forms
        for a, b in chunks:
            if self._reporting_chunk(a, b):
                clause = self._main_clause(a, b)
                clauses.append(clause)
                # (a word whose form can be no Konjunktiv has kind "")
                kinds.update(self._kind(self.toks[t]) for t in clause if t in moods)
                if "one" in kinds:
                    return "one"  # the answer whatever the other chunks hold
        if any(self._reportative(a, b) for a, b in chunks):
            return "one"
        if "two" in kinds and any(self._indicative(clause) for clause in clauses):
            return ""  # "X hat nicht den Rang, würde aber …": the writer's own hypothesis
        return "two" if "two" in kinds else ""

    def _indicative(self, clause: list[int]) -> bool:
        """Is the first verb of a clause (token indices) a present indicative that cannot be
        a Konjunktiv or an infinitive ("hat", "gilt"; not "finden", "sollte", "müssten")?"""
        pos = self.arrays.pos
        first = next((t for t in clause if pos[t] in _VERB_AUX), None)
        if first is None:
            return False
        verb = self.toks[first]
        return (
            verb.i not in self.inside
            and "Ind" in morph_features(verb).get("Mood", ())
            and "Pres" in morph_features(verb).get("Tense", ())
            and verb.lemma_ not in MODALS
            and verb.lower_ != verb.lemma_.lower()
            and not self._kind(verb)
        )

    def _mostly_quoted(self, run: tuple[int, int]) -> bool:
        """A clause around a quoted fragment with few words of its own ("Es sei „…“")."""
        if not self._any_between(self._inside, run[0], run[1]):
            return False  # nothing quoted
        quoted = unquoted = 0
        for t in self.toks[run[0] : run[1]]:
            if is_word(t):
                if t.i in self.inside:
                    quoted += 1
                elif (unquoted := unquoted + 1) >= MIXED_MIN_WORDS:
                    return False  # enough words of its own, whatever else follows
        return quoted > 0

    def _clauses(self, si: int, last_unit: int, cues: list[Cue], kon: str, has_quotes: bool):
        """Indirect and reported speech of a region (outside direct quotations)."""
        lo, hi = self.sents[si].start, self.sents[last_unit].end
        for cue in cues:
            if cue.kind in {"verb", "reported"} and cue.content is not None:
                a, b = cue.content
                punct = self.arrays.punct
                if all(i in self.inside_full for i in range(a, b) if not punct[i]):
                    continue
                run = self._outside_full(a, b)
                if run is None:
                    continue
                if self._mostly_quoted(run):
                    return
                if self._nobodys_fact(cue, run):
                    return
                speaker = self._outer_speaker(cue, cues) or cue.speaker
                yield self.make("indirect", *self._span_chars(*run), cue.lemma, speaker, si)
                self._note_speaker(cue.subject, si)  # the claim's rejecter speaks on
                nominal = next((c for c in cues if c.kind == "noun"), None)
                whole = self._outside_full(lo, hi)
                if (
                    nominal is not None
                    and nominal.lemma in SOURCE_CUES
                    and not a <= nominal.token < b
                    and whole is not None
                    and whole != run
                ):  # "Laut X hat Y gesagt, dass …": X reports the whole sentence
                    start, end = self._span_chars(*whole)
                    yield self.make("indirect", start, end, nominal.lemma, nominal.speaker, si)
                return
        nominal = next((c for c in cues if c.kind == "noun"), None)
        run = self._outside_full(lo, hi)
        if run is None or self._mostly_quoted(run):
            return
        if (
            not kon
            and any(c.kind == "noun" and c.lemma != "wonach" for c in cues)
            and self._introduces(run)
        ):
            # a nominal cue in or after an indicative clause introducing a quotation with a
            # colon attributes the quotation ("X gab die Schuld Y: „…“, so Trump")
            return
        if (
            any(self.inside_full)
            and any(
                c.kind in {"verb", "reported", "colon"} and run[0] <= c.token < run[1] for c in cues
            )
            and any(q.full for q in self.quoted if lo <= q.span.start < hi)
        ):
            return  # the words around a direct quotation are its attribution („…“, sagte X)
        if nominal is not None and (
            self._statement(*run) or self._main_clause_in(self.chunks(*run))
        ):  # (a clause after a fronted subordinate one: "Nachdem …, geht es ihm laut X gut")
            run = self._semicolon_part(run, nominal.token)
            yield self.make("indirect", *self._span_chars(*run), nominal.lemma, nominal.speaker, si)
            return
        ended = self.unit_texts[last_unit].rstrip()[-1:] in {".", "!", "?", "“", '"', "«", "»"}

        if kon == "one" or kon == "two" and self._near(1, si) and ended:
            back = self._anaphoric_cue(si + 1)
            speaker, cue = (back.speaker, back.lemma) if back is not None else (None, "")
            if speaker is None:
                speaker = self._continued(si, CONTINUE_INDIRECT)
            yield self.make("indirect", *self._span_chars(*run), cue, speaker, si)
            return
        back = self._anaphoric_cue(si + 1)
        if back is not None and self._statement(*run) and not has_quotes:
            yield self.make("indirect", *self._span_chars(*run), back.lemma, back.speaker, si)
            return
        if has_quotes or kon:
            return  # (tested first: _reports costs more)
        reported = (c for c in cues if c.kind == "reported" and self._reports(c))
        c = next(reported, None)  # the first reported cue only
        bare = cue_lexicon().get("bare", ())
        if c is None:  # a bare act the parse gives no content still has a speaker
            c = next((c for c in cues if c.kind == "reported" and c.lemma in bare), None)
            if c is not None:
                self._note_speaker(c.speaker, si)
            return
        if c.lemma in bare:
            self._note_speaker(c.speaker, si)  # "X verteidigte den Entwurf. Er halte …"
            return
        yield self.make("reported", *self._span_chars(*run), c.lemma, c.speaker, si)

    def _note_speaker(self, speaker: Span | None, unit: int) -> None:
        """Remember who spoke in a unit that yields no quote, for the statements after it."""
        if speaker is None:
            return
        canonical = self.resolver.resolve(speaker, unit, plural=self._plural(speaker))
        if canonical:
            self.resolver.last = (canonical, unit)
        self.last = (speaker, canonical, unit)

    def _nobodys_fact(self, cue: Cue, run: tuple[int, int]) -> bool:
        """ "Es wird erwartet, dass … gefasst wird": an impersonal passive of a verb of
        expectation (cues.txt "expect") with no agent or source, reporting an indicative
        clause, states the writer's own expectation."""
        verb = self.doc[cue.token]
        if cue.speaker is not None or not self.has_parse or not is_passive(verb):
            return False
        if cue.lemma not in cue_lexicon().get("expect", ()):
            return False
        verbs = [t for t in self.toks[run[0] : run[1]] if is_finite(t) and t.i not in self.inside]
        if not verbs:  # a finite verb the tagger took for a participle ("ins Auge fasst")
            verbs = [
                t
                for t in self.toks[run[0] : run[1]]
                if t.pos_ in {"VERB", "AUX"} and t.i not in self.inside
            ]
        return bool(verbs) and not any(self._kind(t) for t in verbs)

    def _semicolon_part(self, run: tuple[int, int], i: int) -> tuple[int, int]:
        """The part of a run between semicolons that holds token i: a nominal cue reports
        its own main clause ("X geht laut Verfassung nichts an; seine Stellung …")."""
        a, b = run
        if not run[0] <= i < run[1]:
            return run
        for j in range(i - 1, run[0] - 1, -1):
            if self.words[j] == ";" and j not in self.inside:
                a = j + 1
                break
        for j in range(i + 1, run[1]):
            if self.words[j] == ";" and j not in self.inside:
                b = j
                break
        return (a, b) if len(words(self.doc[a:b])) >= 3 else run

    def _introduces(self, run: tuple[int, int]) -> bool:
        """Does a run of words end with a colon that opens a direct quotation ("Streitfall
        war demnach die Forderung nach Abrüstung: „…“")?"""
        ar, words = self.arrays, self.words
        space = ar.space
        last = next(  # the last token that is no space and no opening mark
            (
                t
                for t in range(min(run[1], ar.n) - 1, run[0] - 1, -1)
                if not space[t] and words[t] not in OPENERS
            ),
            None,
        )
        if last is None or words[last] != ":":
            return False
        alpha = ar.alpha
        nxt = next((t for t in range(last + 1, min(last + 4, ar.n)) if alpha[t]), None)
        return nxt is not None and nxt in self.inside_full

    def _outer_speaker(self, cue: Cue, cues: list[Cue]) -> Span | None:
        """The speaker of the cue right before the clause that this cue's pronoun subject
        opens ("Ein Sprecher erklärte, er gehe nicht davon aus, dass …": the Sprecher)."""
        span = cue.speaker
        if span is None or len(span) != 1 or span[0].lower_ not in PERSONAL:
            return None
        sent = self.doc[span.start].sent
        parts = self.chunks(sent.start, sent.end)
        k = next((n for n, (a, b) in enumerate(parts) if a <= span.start < b), None)
        if not k or not self.doc[parts[k][0] : span.start + 1].text.lstrip(" ,").startswith(
            span.text
        ):
            return None
        a, b = parts[k - 1]
        for other in cues:
            if other is cue or other.speaker is None or not a <= other.token < b:
                continue
            outer = other.speaker
            if speakerlike(outer) and not (len(outer) == 1 and outer[0].lower_ in PERSONAL):
                return outer
        return None

    def _reports(self, cue: Cue) -> bool:
        """A speech act with an agent that can speak, in the active voice, in a main clause."""
        verb = self.doc[cue.token]
        finite = finite_of(verb)
        if not is_finite(finite):  # a participle the parser left alone: the clause's finite verb
            finite = next((t for t in verb.sent if t.i < verb.i and is_finite(t)), finite)
        agent = _passive_agent(cue.speaker, verb) and cue.lemma not in cue_lexicon().get(
            "active", ()
        )
        if agent:  # "Von der Opposition wurde der Besuch kritisiert": the agent needs no
            if not (speakerlike(cue.speaker) or _named_by_noun(cue.speaker)):  # agreement
                return False
        elif not (speakerlike(cue.speaker) or _agentive(cue.speaker, finite)):
            return False
        if verb.pos_ != "VERB" and verb.tag_ not in FINITE_TAGS:
            return False  # (a verb the tagger calls finite counts: "empfahl" as an adjective)
        participle = "Part" in verb.morph.get("VerbForm")
        if (
            participle
            and not agent
            and any(
                c.dep_ == "aux:pass" or c.lemma_ == "werden" and c.dep_.startswith("aux")
                for c in verb.children
            )
        ):
            return False  # a passive without an agent: nobody said it
        if (
            (participle or verb.tag_ in PARTICIPLES)
            and finite.lemma_ in MODALS - {"werden"}
            and not any(c.lemma_ in {"haben", "sein"} for c in verb.children)
        ):
            return False  # a modal with a bare participle ("Die Pläne will X … bekanntgegeben"):
            # no completed speech act, which needs "haben" ("X soll es gesagt haben")
        chunk = next(
            ((a, b) for a, b in self.chunks(verb.sent.start, verb.sent.end) if a <= verb.i < b),
            None,
        )
        if chunk is not None and not self._reporting_chunk(*chunk):
            return False
        if not self._says_something(verb):
            return False
        needed = required_words().get(cue.lemma)
        if not needed:
            return True
        after = {t.lower_ for t in self.doc[verb.i + 1 : verb.sent.end]}
        return bool(after & needed) or "PREDICATE" in needed and _predicative(verb)

    def _says_something(self, verb: Token) -> bool:
        """A speech act with content of its own: an object or complement that is no
        pronoun pointing back ("Dies bestätigte X", "Das teilte X mit", "X teilte mit" report
        what was said before, not a statement of this sentence)."""
        if not self.has_parse:
            return True
        words_ = [t for t in verb.sent if not t.is_space and not t.is_punct]
        if len(words_) > 1 and words_[0].lower_ in POINTERS and words_[1].i == finite_of(verb).i:
            return False  # "Dies gab Airbus bekannt": the statement is the sentence before
        args = [
            c
            for c in verb.children
            if c.dep_ not in NOT_CONTENT_DEPS and c.i not in self.inside and not c.is_punct
        ]
        back = [c for c in args if c.lower_ in ANAPHORA | {"es"} and c.pos_ == "PRON"]
        return bool(args) and not (back and len(args) == len(back))


def _in_interview(quote: Quote, talk: Interview) -> bool:
    """A quote the sentence rules found in an answer of an interview, or one that holds a
    turn's name and colon ("STANDARD: Sie haben …, laut der …")."""
    if any(quote.start < t.end and t.start < quote.end for t in talk.turns):
        return True
    return any(f"{name}:" in quote.text for name in talk.names)


def _closed(span: Span | None) -> Span | None:
    """A speaker mention with its closing bracket: "Horst Seehofer (CSU" -> "Horst Seehofer
    (CSU)"."""
    if span is None or span.end >= len(span.doc) or span.doc[span.end].text != ")":
        return span
    texts = [t.text for t in span]
    if texts.count("(") > texts.count(")"):
        return Span(span.doc, span.start, span.end + 1)
    return span


def _predicative(verb: Token) -> bool:
    """An accusative object of ``verb`` followed by a second accusative or an adjective
    ("nannte den Beschluss einen Fehler", "nannte die Bewegung illegal")."""
    objects = [
        c
        for c in verb.children
        if c.dep_ in {"obj", "oa"} and c.i > verb.i and "Acc" in c.morph.get("Case")
    ]
    if len(objects) > 1 or any(_accusative_attribute(o) for o in objects):
        return True
    return bool(objects) and any(
        c.pos_ == "ADJ" and c.i > objects[0].i and c.dep_ in {"advmod", "xcomp", "obj", "oc"}
        for c in verb.children
    )


def _accusative_attribute(noun: Token) -> bool:
    """A noun hung below an accusative object as its attribute but accusative itself, with no
    preposition: a second object the parser attached to the first ("den Beschluss einen
    Kompromiss")."""
    return any(
        c.dep_ == "nmod"
        and c.pos_ == "NOUN"
        and c.i > noun.i
        and c.morph.get("Case") == ["Acc"]
        and not any(g.dep_ == "case" for g in c.children)
        for c in noun.children
    )


REFLEXIVES = frozenset({"sich", "mich", "dich", "uns", "euch"})
"""Reflexive pronouns ("zeigte sich zuversichtlich": a cue only with one)."""


def _modal_passive(verb: Token) -> bool:
    """A zu-infinitive with "sein" ("ist nicht auszuschließen", "sei zu erwarten"): a passive
    of what can or must be done, whose subject is no speaker."""
    if not any(c.lemma_ == "sein" and c.dep_ in {"aux", "cop", "aux:pass"} for c in verb.children):
        return False
    if verb.tag_ == "VVIZU" or any(
        c.lower_ == "zu" and c.dep_ in {"mark", "pm"} for c in verb.children
    ):
        return True
    low = verb.lower_
    at = low.find("zu", 1)  # a particle verb's infix: "aus|zu|schließen"
    return at > 0 and low[:at] + low[at + 2 :] == verb.lemma_.lower()


def _passive_agent(span: Span | None, verb: Token) -> bool:
    """A speaker phrase right after "von"/"vom" that the parse hangs below ``verb``: a
    passive's agent ("von der Opposition … kritisiert"; not "Vom Bildschirmrand ausgehend")."""
    if span is None or span.start == 0:
        return False
    preposition = span.doc[span.start - 1]
    if preposition.lower_ not in {"von", "vom"}:
        return False
    head = preposition.head
    for _ in range(len(span)):  # up through the phrase ("Amtsgericht Berlin-Tiergarten")
        if not span.start <= head.i < span.end or head.head == head:
            break
        head = head.head
    return head == verb or head.head == verb and head.dep_.startswith("aux")  # (or its "wurde")


def _named_by_noun(span: Span) -> bool:
    """A phrase headed by a capitalised noun that names no source ("den Veranstaltern", not
    "dem Bericht")."""
    return _capitalised_head(span) is not None


def _capitalised_head(span: Span) -> Token | None:
    """The first capitalised noun or name of a phrase (or nominalised adjective as a subject:
    "Angehörige beklagten sich"), when it names no source ("Bericht"); else None."""
    head = next(
        (
            t
            for t in span
            if t.text[:1].isupper()
            and (t.pos_ in {"NOUN", "PROPN"} or t.pos_ == "ADJ" and t.dep_ in SUBJ_DEPS)
        ),
        None,
    )
    return None if head is None or is_source_noun(head.text) else head


def _agentive(span: Span | None, finite: Token) -> bool:
    """A noun phrase headed by a capitalised noun that is no source ("die Richter") and
    agrees in number with the finite verb (not a fronted object: "Die Pläne will er …")."""
    head = _capitalised_head(span) if span is not None else None
    if head is None:
        return False
    cases = set(head.morph.get("Case"))
    if cases & {"Acc", "Dat", "Gen"}:
        return False
    if head.dep_ == "obj" and (
        "Nom" not in cases or any(c.dep_ in SUBJ_DEPS for c in head.head.children)
    ):
        return False  # an object; but a nominative "object" of a verb without a subject is
        # its subject ("Augenzeugen berichteten von …" parsed as an object)
    bare = not any(t.pos_ in {"DET", "ADJ"} for t in span if t.i < head.i)
    if bare and "Plur" not in head.morph.get("Number") and not head.ent_type_:
        return False  # a bare singular is an adverb the tagger took for a noun ("Zuvor")
    number, verb_number = head.morph.get("Number"), finite.morph.get("Number")
    return not (number and verb_number and number != verb_number)


def _determiner(tok: Token) -> bool:
    """A determiner by its tag or by its attachment ("Seiner" tagged NOUN, attached det:poss)."""
    return tok.pos_ == "DET" or tok.dep_ in {"det", "det:poss"}


def _participle(tok: Token) -> bool:
    return tok.tag_ in PARTICIPLES or "Part" in morph_features(tok).get("VerbForm", ())


def sentence_units(
    doc: Doc,
    text: str | None = None,
    marks: list[QuoteMarks] | None = None,
    tokens: list[Token] | None = None,
    sents: list[Span] | None = None,
    idx: list[int] | None = None,
) -> list[Span]:
    """Sentences repaired for quote finding: a piece without words (a lone quote mark), a
    piece starting in lowercase or with a comma (", sagte er"), or one that splits a name
    joins its neighbour; an opening mark left at the end of a sentence moves to the next.
    Paragraph breaks always separate units (``text``: ``doc.text`` when already built;
    ``marks``: its ``find_quote_marks`` when already found; ``tokens``: ``list(doc)``;
    ``sents``: ``list(doc.sents)``; ``idx``: each token's ``idx``)."""
    text = doc.text if text is None else text
    marks = find_quote_marks(text) if marks is None else marks
    toks = list(doc) if tokens is None else tokens  # doc[i] would build a new Token each time

    idx = [t.idx for t in toks] if idx is None else idx

    arrays = doc_arrays(doc)
    space, texts = arrays.space, arrays.texts

    def blank(a: int, b: int) -> bool:  # not doc[a:b].text.strip() (is_space: str.isspace)
        return a >= b or bool(space[a]) and all(space[t] for t in range(a + 1, b))

    def last_char(a: int, b: int) -> str:  # doc[a:b].text.rstrip()[-1:]
        for t in range(b - 1, a - 1, -1):
            if not space[t]:
                return texts[t].rstrip()[-1:]
        return ""

    openers = {m.start - 1 for m in marks}
    closers = {m.end for m in marks}
    units: list[list[int]] = []
    for sent in doc.sents if sents is None else sents:
        if units and units[-1][1] - units[-1][0] > 1 and sent.start == units[-1][1]:
            last = toks[units[-1][1] - 1]
            before = last_char(units[-1][0], last.i)
            if last.idx in openers and len(last) == 1 and before in {".", "!", "?"}:
                units[-1][1] -= 1  # „ left at a sentence end opens the next sentence
                units.append([last.i, sent.end])
                continue
            first_tok = toks[sent.start]
            if first_tok.idx in closers and len(sent) > 1 and "\n" not in first_tok.text_with_ws:
                units[-1][1] += 1  # “ at a sentence start closes the previous one
                rest = next((t for t in toks[sent.start + 1 : sent.end] if not t.is_space), None)
                if rest is not None and (rest.text in {",", ";"} or rest.text[:1].islower()):
                    units[-1][1] = sent.end  # “, sagte er.
                else:
                    units.append([sent.start + 1, sent.end])
                continue
        start, end = sent.start, sent.end
        if blank(start, end):  # (the sentence's text)
            units.append([start, end])
            continue
        sent_toks = toks[start:end]
        first = next((t for t in sent_toks if not t.is_space), sent_toks[0])
        prev = units[-1] if units else None
        prev_last = last_char(prev[0], prev[1]) if prev else ""  # (of the stripped text)
        joins = (
            prev is not None
            and "\n" not in toks[prev[1] - 1].text_with_ws
            and prev_last
            and (
                first.text in CLOSERS
                and not any(t.is_alpha for t in sent_toks)  # (no words)
                or first.text[:1].islower()
                or first.text in {",", ";", ":"}
                or first.ent_iob_ == "I"
                or (prev_last in OPENERS and prev_last != "")
                or prev_last == ":"
                and first.text not in OPENERS
                # a sentence the parser ended without punctuation goes on ("nicht aber | Kim")
                or prev_last.isalnum()
            )
        )
        if joins:
            prev[1] = sent.end
        else:
            units.append([sent.start, sent.end])
    # whitespace-only pieces (blank lines) are not sentences: distances count real ones
    split = _split_after_closers(toks, units, closers, idx)
    # Span(doc, a, b) is doc[a:b] (0 <= a < b) without the slice checks
    return [Span(doc, a, b) for a, b in split if not blank(a, b)]


def _split_after_closers(
    toks: list[Token], units: list[list[int]], closers: set[int], idx: list[int] | None = None
) -> list[list[int]]:
    """„… hier.“ Kim wurde gefragt — a new sentence after a quotation the parser ran on
    (``idx``: each token's ``idx``, when already read)."""
    idx = [t.idx for t in toks] if idx is None else idx
    # the tokens that start at a closing mark, in text order
    at = sorted(k for c in closers if (k := bisect_left(idx, c)) < len(idx) and idx[k] == c)
    out = []
    for a, b in units:
        start = a
        for i in at[bisect_left(at, a) : bisect_left(at, b)]:
            if i + 1 >= b or i == start:
                continue
            prev = toks[i - 1]
            nxt = next((t for t in toks[i + 1 : b] if not t.is_space), None)
            if prev.text in {".", "!", "?"} and nxt is not None and nxt.text[:1].isupper():
                out.append([start, i + 1])
                start = i + 1
        if b > start:
            out.append([start, b])
    return out


def quotes(
    doc: Doc,
    doc_id: str,
    mentions: list[Mention],
    *,
    tokens: list[Token] | None = None,
    text: str | None = None,
    sents: list[Span] | None = None,
    words: list[str] | None = None,
) -> Iterator[Quote]:
    """Yield the quotes of one document in text order, numbered in that order (``tokens``:
    ``list(doc)``, ``text``: ``doc.text``, ``sents``: ``list(doc.sents)``, ``words``: each
    token's text, when already built)."""
    finder = QuoteFinder(doc, doc_id, mentions, tokens, text, sents, words)
    found = list(finder)
    talk = interview(doc)
    if talk is not None:
        found = [q for q in found if not _in_interview(q, talk)]
        found += [finder.turn_quote(turn) for turn in talk.turns]
    found.sort(key=lambda q: (q.start, -q.end))

    for n, quote in enumerate(found, start=1):
        yield replace(quote, quote_id=f"{doc_id}#{n}")
