"""Resolve a speaker mention ("er", "der US-Präsident", "Trump") to a canonical entity.

Rules, in order (precision first: an unsure speaker stays empty):
1. the mention contains an entity -> that entity's canonical name in the document;
2. a personal pronoun (er/sie/ihr) -> the speaker of the previous quote if it is a person
   within four sentences, else the most recent person named before it;
3. a role or description ("der US-Präsident", "der nordkoreanische Machthaber") -> the
   person this document introduced with that role ("US-Präsident Donald Trump");
4. an organisation-like noun phrase ("ein Sprecher des Außenministeriums") -> the entity in
   the phrase when there is one; otherwise empty.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newscorp.extract.canon import name_key
from newscorp.pipeline.lexicons import is_role
from newscorp.records import Mention, Quote

PRONOUNS = {"er", "sie", "ihm", "ihn", "ihr"}


class SpeakerResolver:
    """Per-document state for resolving speakers."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_start = {m.start: m for m in mentions}
        self.roles: dict[str, list[str]] = {}
        for m in mentions:
            if m.role:
                self.roles.setdefault(role_head(m.role), []).append(m.entity)
        self.last_quote: tuple[str, int] | None = None

    def note_quote(self, quote: Quote, sent_start: int) -> None:
        """Remember the last attributed speaker for pronouns and continuations."""
        if quote.speaker:
            self.last_quote = (quote.speaker, sent_start)

    def entity_in(self, span: Span) -> Mention | None:
        """The last entity mention inside a span (the name in "Außenminister Mike Pompeo")."""
        inside = [m for m in self.mentions if span.start_char <= m.start and m.end <= span.end_char]
        people = [m for m in inside if m.label == "PER"]
        pick = people or inside
        return pick[0] if pick else None

    def resolve(self, span: Span, sent_start: int) -> str:
        """Canonical speaker for a mention span, or "" when unsure."""
        found = self.entity_in(span)
        if found is not None:
            return found.entity
        words = [t for t in span if t.is_alpha]
        if not words:
            return ""
        if len(words) == 1 and words[0].lower_ in PRONOUNS:
            return self._pronoun(span, sent_start)
        for tok in reversed(words):
            if tok.text[:1].isupper() and is_role(tok.text):
                return self._role(tok.text, span.start_char)
        return self._name(words)

    def _name(self, words: list) -> str:
        """A capitalised word the NER missed that names a person of this document ("Trump")."""
        keys = {
            name_key(t.text)
            for t in words
            if t.text[:1].isupper() and t.pos_ in {"PROPN", "NOUN", "X", ""}
        }
        found = {
            m.entity
            for m in self.mentions
            if m.label == "PER" and keys & {name_key(w) for w in m.entity.split()}
        }
        return found.pop() if len(found) == 1 else ""

    def _pronoun(self, span: Span, sent_start: int) -> str:
        if self.last_quote is not None:
            name, where = self.last_quote
            sents_between = sum(1 for s in self.doc.sents if where < s.start <= sent_start)
            if sents_between <= 4 and self._is_person(name):
                return name
        before = [m for m in self.mentions if m.end <= span.start_char and m.label == "PER"]
        return before[-1].entity if before else ""

    def _is_person(self, name: str) -> bool:
        return any(m.entity == name and m.label == "PER" for m in self.mentions)

    def _role(self, word: str, position: int) -> str:
        candidates = self.roles.get(role_head(word), [])
        if candidates:
            # the most recent person introduced with this role before the mention
            earlier = [m for m in self.mentions if m.start < position and m.entity in candidates]
            return earlier[-1].entity if earlier else candidates[0]
        return ""


def role_head(word: str) -> str:
    """The role noun without prefixes and endings: "US-Präsidenten" -> "präsident"."""
    low = word.lower().rsplit("-", 1)[-1]
    for suffix in ("innen", "in", "en", "n", "s"):
        if low.endswith(suffix) and is_role(low[: -len(suffix)]):
            return low[: -len(suffix)]
    return low
