"""Quotations and their speakers from a parsed German news Doc.

Direct quotes are text in „…“, »…«, "…" or “…”; a quoted fragment inside a sentence that
reports speech is ``mixed``; sentences with a speech cue and a dass-clause, Konjunktiv I,
or a nominal cue ("nach Angaben", "laut", "zufolge") are ``indirect``; a speech-act verb
with a subject and nothing quoted is ``reported``. Speakers come from the cue's subject in
the dependency parse (falling back to the nearest name when there is no parser) and are
resolved within the document (pronouns, roles) by :mod:`newscorp.extract.speakers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newscorp.extract.speakers import SpeakerResolver
from newscorp.pipeline.lexicons import words_by_kind
from newscorp.records import Mention, Quote

OPENERS = {"„": "“", "»": "«", "“": "”", '"': '"', "«": "»", "‚": "‘"}
SUBJ_DEPS = {"nsubj", "nsubj:pass", "sb", "csubj"}
CLAUSE_MARKERS = {"dass", "daß", "ob", "wonach"}


# Konjunktiv without a morphologizer: frequent forms from data/konjunktiv.txt (fallback rule)
def konjunktiv_forms() -> dict[str, frozenset[str]]:
    """Konjunktiv I ("one") and II ("two") verb forms by kind."""
    return words_by_kind("konjunktiv.txt")


def cue_lexicon() -> dict[str, frozenset[str]]:
    """Cue words by kind ("verb", "reported", "noun") from data/cues.txt."""
    return words_by_kind("cues.txt")


def guess_verb_lemma(word: str) -> str:
    """Fallback without a lemmatizer: weak past and present endings to the infinitive
    ("sagte" -> "sagen", "erklärt" -> "erklären"); other words are returned lowercased."""
    low = word.lower()
    for ending in ("ten", "te", "test", "st", "t", "e"):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)] + "en"
    return low


def verb_lemma(token: Token) -> str:
    """Lemma of a verb with its separated particle joined ("kündigte … an" -> "ankündigen")."""
    lemma = (token.lemma_ or guess_verb_lemma(token.text)).lower()
    for child in token.children:
        if child.dep_ in {"compound:prt", "svp"}:
            return child.text.lower() + lemma
    return lemma


def is_konjunktiv(token: Token, has_morph: bool) -> bool:
    """Finite verb in the subjunctive (Mood=Sub), or a known form when there is no morphology."""
    if has_morph:
        return "Sub" in token.morph.get("Mood") and token.pos_ in {"VERB", "AUX"}
    forms = konjunktiv_forms()
    return token.lower_ in forms["one"] or token.lower_ in forms["two"]


@dataclass(frozen=True)
class QuoteMarks:
    """Character span of a quotation's content (inside the marks)."""

    start: int
    end: int


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Pair quotation marks within paragraphs; join „…“, sagte er, „…“ into one statement."""
    spans: list[QuoteMarks] = []
    pos = 0
    for para in text.split("\n"):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            close = OPENERS.get(ch)
            if close is None or (ch == "“" and "„" in para[:i]):
                i += 1
                continue
            j = para.find(close, i + 1)
            if ch == "»" and j < 0:
                j = para.find("«", i + 1)
            if j < 0:
                i += 1
                continue
            if j - i > 1:
                spans.append(QuoteMarks(pos + i + 1, pos + j))
            i = j + 1
        pos += len(para) + 1
    return _join_interrupted(text, spans)


def _join_interrupted(text: str, spans: list[QuoteMarks]) -> list[QuoteMarks]:
    joined: list[QuoteMarks] = []
    for span in spans:
        if joined:
            prev = joined[-1]
            between = text[prev.end + 1 : span.start - 1]
            first = text[prev.start : prev.end].rstrip()
            nxt = text[span.start : span.end].lstrip()
            if (
                "\n" not in between
                and len(between) < 60
                and between.strip().startswith(",")
                and between.strip().endswith(",")
                and first[-1:] not in ".!?"
                and nxt[:1].islower()
            ):
                joined[-1] = QuoteMarks(prev.start, span.end)
                continue
        joined.append(span)
    return joined


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _words(span: Span) -> list[Token]:
    return [t for t in span if t.is_alpha]


class QuoteFinder:
    """Finds the quotes of one Doc; state is the speaker resolver for that document."""

    def __init__(self, doc: Doc, doc_id: str, mentions: list[Mention]):
        self.doc = doc
        self.doc_id = doc_id
        self.has_parse = doc.has_annotation("DEP")
        self.has_morph = doc.has_annotation("MORPH")
        self.cues = cue_lexicon()
        self.resolver = SpeakerResolver(doc, mentions)
        self.marks = [m for m in find_quote_marks(doc.text) if doc.text[m.start : m.end].strip()]
        self.sents = sentence_units(doc)
        self.unit_of = {t.i: k for k, u in enumerate(self.sents) for t in u}
        self.count = 0

    def _unit(self, i: int) -> int:
        """Index of the sentence unit holding token i (or the nearest one before it)."""
        while i > 0 and i not in self.unit_of:
            i -= 1
        return self.unit_of.get(i, 0)

    # --- cue and speaker finding ---------------------------------------------------------
    def cue_verbs(self, sent: Span, inside: set[int]) -> list[Token]:
        """Verbs of saying in the sentence, outside quoted text."""
        verbs = self.cues["verb"]
        return [
            t
            for t in sent
            if t.i not in inside
            and t.pos_ in {"VERB", "AUX", ""}
            and verb_lemma(t) in verbs
            and t.text[:1].islower()
        ]

    def subject_of(self, verb: Token, inside: set[int]) -> Span | None:
        """The subject noun phrase of a cue verb (parse), or the nearest name/pronoun."""
        if self.has_parse:
            for child in verb.children:
                if child.dep_ in SUBJ_DEPS and child.i not in inside:
                    return self._phrase(child, inside)
        # fallback: first name or pronoun right after the verb, then right before it
        sent = verb.sent
        for tok in list(self.doc[verb.i + 1 : sent.end]) + list(
            reversed(self.doc[sent.start : verb.i])
        ):
            if tok.i in inside or tok.is_punct:
                if tok.text in {".", ":", ";"}:
                    break
                continue
            if tok.ent_type_ in {"PER", "ORG", "LOC"} or tok.lower_ in {"er", "sie"}:
                ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
                return ent if ent is not None else self.doc[tok.i : tok.i + 1]
        return None

    def _phrase(self, head: Token, inside: set[int]) -> Span:
        left = [t for t in head.subtree if t.i not in inside and t.i <= head.i]
        right = [t for t in head.subtree if t.i not in inside and t.i > head.i and not t.is_punct]
        start = min(t.i for t in left) if left else head.i
        end = head.i + 1
        for t in right:  # names and appositions after the head: "Außenminister Mike Pompeo"
            if t.i == end and (t.ent_type_ or t.pos_ == "PROPN" or t.text[:1].isupper()):
                end += 1
        # keep an entity that starts inside the phrase whole
        for ent in self.doc.ents:
            if start <= ent.start < end < ent.end:
                end = ent.end
        return self.doc[start:end]

    def nominal_cue(self, sent: Span, inside: set[int]) -> tuple[str, Span] | None:
        """'nach Angaben X', 'laut X', 'X zufolge', '…, so X' -> (cue, speaker phrase)."""
        toks = [t for t in sent if t.i not in inside]
        for k, tok in enumerate(toks):
            low = tok.lower_
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if low == "angaben" and k > 0 and toks[k - 1].lower_ == "nach" and nxt is not None:
                return "nach Angaben", self._np_after(nxt, inside)
            if low in {"laut", "gemäß"} and nxt is not None and not nxt.is_punct:
                return low, self._np_after(nxt, inside)
            if low == "zufolge" and k > 0:
                return "zufolge", self._np_before(toks[k - 1], inside)
            if (
                low == "so"
                and nxt is not None
                and k > 0
                and toks[k - 1].text == ","
                and (nxt.ent_type_ in {"PER", "ORG"} or nxt.pos_ in {"DET", "PROPN"})
            ):
                return "so", self._np_after(nxt, inside)
        return None

    def _np_after(self, tok: Token, inside: set[int]) -> Span:
        end = tok.i
        doc = self.doc
        while (
            end < tok.sent.end
            and end not in inside
            and not doc[end].is_punct
            and (
                doc[end].pos_ in {"DET", "ADJ", "PROPN", "NOUN", "NUM", ""}
                or doc[end].ent_type_
                or doc[end].text[:1].isupper()
            )
        ):
            end += 1
            if (
                doc[end - 1].pos_ in {"NOUN", "PROPN"}
                and end < len(doc)
                and not (
                    doc[end].ent_type_
                    or doc[end].pos_ in {"PROPN", "NOUN"}
                    and doc[end].text[:1].isupper()
                )
            ):
                break
        return doc[tok.i : max(end, tok.i + 1)]

    def _np_before(self, tok: Token, inside: set[int]) -> Span:
        start = tok.i
        doc = self.doc
        while (
            start > tok.sent.start
            and (start - 1) not in inside
            and (doc[start - 1].pos_ in {"DET", "ADJ", "PROPN", "NOUN"} or doc[start - 1].ent_type_)
        ):
            start -= 1
        return doc[start : tok.i + 1]

    # --- quote building ----------------------------------------------------------------
    def make(
        self, kind: str, start: int, end: int, cue: str, speaker: Span | None, sent_start: int
    ) -> Quote:
        """Build a Quote record, resolving the speaker within the document."""
        if speaker is not None:
            toks = [t for t in speaker if not t.is_space]
            speaker = self.doc[toks[0].i : toks[-1].i + 1] if toks else None
        text = self.doc.text[start:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        start, end = start + lead, end - trail
        mention = speaker.text if speaker is not None else ""
        canonical = self.resolver.resolve(speaker, sent_start) if speaker is not None else ""
        self.count += 1
        quote = Quote(
            doc=self.doc_id,
            quote_id=f"{self.doc_id}#{self.count}",
            type=kind,
            speaker=canonical,
            speaker_mention=mention,
            cue=cue,
            text=self.doc.text[start:end],
            start=start,
            end=end,
        )
        self.resolver.note_quote(quote, sent_start)
        return quote

    def __iter__(self) -> Iterator[Quote]:
        doc = self.doc
        marks_by_sent: dict[int, list[tuple[QuoteMarks, Span]]] = {}
        for m in self.marks:
            span = _tokens(doc, m.start, m.end)
            if span is None:
                continue
            first = next((t for t in span if not t.is_space), span[0])
            marks_by_sent.setdefault(self.sents[self._unit(first.i)].start, []).append((m, span))
        last_speaker: tuple[Span | None, str] | None = None
        last_quote_sent = -10
        done_until = -1
        for si, sent in enumerate(self.sents):
            if sent.start < done_until:
                continue
            # a region grows until every quote that starts in it also ends in it
            last_unit = si
            while True:
                quoted = [
                    q
                    for k in range(si, last_unit + 1)
                    for q in marks_by_sent.get(self.sents[k].start, [])
                ]
                reach = max([self._unit(sp.end - 1) for _, sp in quoted] + [last_unit])
                if reach == last_unit:
                    break
                last_unit = reach
            region = doc[sent.start : self.sents[last_unit].end]
            inside = {t.i for _, sp in quoted for t in sp}
            verbs = self.cue_verbs(region, inside)
            nominal = self.nominal_cue(region, inside)
            speaker: Span | None = None
            cue = ""
            for verb in verbs:
                subj = self.subject_of(verb, inside)
                if subj is not None:
                    speaker, cue = subj, verb_lemma(verb)
                    break
            if speaker is None and verbs:
                cue = verb_lemma(verbs[0])
            if speaker is None and nominal is not None:
                cue, speaker = nominal
            colon = self._colon_speaker(region, quoted)
            if speaker is None and colon is not None:
                speaker = colon

            context = bool(verbs or nominal or colon)
            emitted = False
            for m, span in quoted:
                words = _words(span)
                if not words:
                    continue
                direct = words[0].text[:1].isupper() and self._full_clause(span)
                if not direct:
                    if not context or self._is_title(m, span):
                        continue
                    yield self.make("mixed", m.start, m.end, cue, speaker, sent.start)
                    emitted = True
                    if speaker is not None:
                        last_speaker, last_quote_sent = (speaker, cue), last_unit
                    continue
                spk, qcue = speaker, cue
                if spk is None and si > 0 and self.sents[si - 1].text.rstrip().endswith(":"):
                    prev = self.sents[si - 1]
                    pverbs = self.cue_verbs(prev, set())
                    spk = next((s for v in pverbs if (s := self.subject_of(v, set()))), None)
                    qcue = verb_lemma(pverbs[0]) if pverbs else ""
                    if spk is None:
                        spk = self._colon_speaker(prev, [])
                if spk is None and last_speaker is not None and si - last_quote_sent <= 4:
                    spk = last_speaker[0]
                    qcue = ""
                yield self.make("direct", m.start, m.end, qcue, spk, sent.start)
                emitted = True
                last_speaker, last_quote_sent = (spk, qcue), last_unit
            done_until = region.end
            if emitted:
                continue
            indirect = self._indirect(sent, verbs, nominal, speaker, cue, si, last_quote_sent)
            if indirect is not None:
                kind, start, end, icue, ispk = indirect
                if ispk is None and last_speaker is not None and si - last_quote_sent <= 3:
                    ispk = last_speaker[0]
                yield self.make(kind, start, end, icue, ispk, sent.start)
                if ispk is not None:
                    last_speaker, last_quote_sent = (ispk, icue), si

    def _full_clause(self, span: Span) -> bool:
        if not self.has_morph:  # fallback: three or more words make a statement
            return len(_words(span)) >= 3
        return (
            any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm") for t in span)
            or len(_words(span)) >= 6
        )

    def _konjunktiv(self, sent: Span, inside: set[int]) -> bool:
        return any(is_konjunktiv(t, self.has_morph) for t in sent if t.i not in inside)

    def _is_title(self, m: QuoteMarks, span: Span) -> bool:
        """Titles and names in quote marks: ZDF-"Morgenmagazin", „Dagens Nyheter“."""
        before = self.doc.text[max(0, m.start - 2) : m.start - 1]
        if before.endswith("-"):
            return True
        words = _words(span)
        return (
            bool(words)
            and len(words) <= 4
            and all(t.text[:1].isupper() for t in words)
            and (
                span.start > 0
                and self.doc[span.start - 2 if span.start > 1 else 0].pos_
                in {"NOUN", "PROPN", "DET"}
                and not any(t.pos_ in {"VERB", "AUX"} for t in words)
            )
        )

    def _colon_speaker(self, sent: Span, quoted: list) -> Span | None:
        """'Trump: …' headlines and 'X erklärte: „…“' with the name before the colon."""
        for tok in sent:
            if tok.text == ":" and tok.i > sent.start:
                before = self.doc[sent.start : tok.i]
                ents = [e for e in self.doc.ents if before.start <= e.start and e.end <= before.end]
                if ents and ents[-1].end == tok.i and ents[-1].label_ in {"PER", "ORG"}:
                    return ents[-1]
                return None
        return None

    def _indirect(
        self,
        sent: Span,
        verbs: list[Token],
        nominal,
        speaker: Span | None,
        cue: str,
        si: int,
        last_quote_sent: int,
    ):
        """Indirect or reported speech in a sentence without quote marks."""
        doc = self.doc
        kon = self._konjunktiv(sent, set())
        if verbs and speaker is not None:
            for verb in verbs:
                for tok in doc[verb.i + 1 : sent.end]:
                    if tok.lower_ in CLAUSE_MARKERS and tok.pos_ in {"SCONJ", ""} | {"SCONJ"}:
                        end = sent.end - (1 if doc[sent.end - 1].is_punct else 0)
                        return (
                            "indirect",
                            tok.idx,
                            doc[end - 1].idx + len(doc[end - 1]),
                            cue,
                            speaker,
                        )
            if kon:
                return "indirect", *self._clause_bounds(sent), cue, speaker
        if nominal is not None:
            ncue, nspk = nominal
            return "indirect", *self._clause_bounds(sent), ncue, nspk
        # Konjunktiv I is the mood of reported speech in German news: always indirect;
        # Konjunktiv II only right after a quote (else it is mostly hypothetical)
        if kon and (self._has_konjunktiv_one(sent) or si - last_quote_sent == 1):
            return "indirect", *self._clause_bounds(sent), "", None
        if verbs and speaker is not None and not kon:
            reported = self.cues["reported"]
            if any(verb_lemma(v) in reported and v.dep_ in {"ROOT", ""} for v in verbs):
                return "reported", *self._clause_bounds(sent), cue, speaker
        return None

    def _has_konjunktiv_one(self, sent: Span) -> bool:
        """Konjunktiv I (or II of haben/sein/werden used for reported speech) in the sentence."""
        if not self.has_morph:
            return any(t.lower_ in konjunktiv_forms()["one"] for t in sent)
        return any(is_konjunktiv(t, True) and "Past" not in t.morph.get("Tense") for t in sent)

    def _clause_bounds(self, sent: Span) -> tuple[int, int]:
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        if not toks:
            return sent.start_char, sent.end_char
        return toks[0].idx, toks[-1].idx + len(toks[-1])


def sentence_units(doc: Doc) -> list[Span]:
    """Sentences repaired for quote finding: a piece without words (a lone quote mark), a
    piece starting in lowercase or with a comma (", sagte er"), or one that splits a name
    joins its neighbour. Paragraph breaks always separate units."""
    units: list[list[int]] = []
    for sent in doc.sents:
        if not sent.text.strip():
            units.append([sent.start, sent.end])
            continue
        first = next((t for t in sent if not t.is_space), sent[0])
        has_words = any(t.is_alpha for t in sent)
        prev = units[-1] if units else None
        prev_text = doc[prev[0] : prev[1]].text if prev else ""
        joins = (
            prev is not None
            and "\n" not in doc[prev[1] - 1].text_with_ws
            and prev_text.strip()
            and (
                not has_words
                and first.text in CLOSERS
                or first.text[:1].islower()
                or first.text in {",", ";"}
                or first.ent_iob_ == "I"
                or (prev_text.rstrip()[-1:] in OPENERS and prev_text.rstrip()[-1:] != "")
            )
        )
        if joins:
            prev[1] = sent.end
        else:
            units.append([sent.start, sent.end])
    # whitespace-only pieces (blank lines) are not sentences: distances count real ones
    return [doc[a:b] for a, b in units if b > a and doc[a:b].text.strip()]


CLOSERS = {"“", "”", "«", "»", '"', "‘", "'"}


def quotes(doc: Doc, doc_id: str, mentions: list[Mention]) -> Iterator[Quote]:
    """Yield the quotes of one document in text order."""
    yield from sorted(QuoteFinder(doc, doc_id, mentions), key=lambda q: q.start)
