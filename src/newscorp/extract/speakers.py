"""Resolve a speaker mention ("er", "der US-Präsident", "Trump") to a canonical entity.

Rules, in order (precision first: an unsure speaker stays empty):
1. the mention contains an entity -> that entity's canonical name in the document (a name in
   apposition wins: "die Sprecherin des Weißen Hauses, Sarah Sanders" -> Sarah Sanders;
   then people, organisations, places);
2. a personal pronoun -> the previous speaker when gender and number fit and the quote is
   close, else the most recent person of that gender named before it;
3. a role or description ("der US-Präsident", "der SPD-Politiker") -> the person this
   document introduced with that role, else the previous speaker when close by;
4. a definite description of a body ("der Konzern", "das Ministerium") -> the organisation
   named before it whose name ends in that noun ("Innenministerium") or that was introduced
   by it ("der Glücksspielkonzern Novomatic"); for a company noun ("das Unternehmen") else
   the one organisation introduced as a company or the one named most (twice or more); a
   people's adjective ("der Wiener") like a role;
5. a noun phrase without a name ("südkoreanische Medien") -> the phrase without its article;
   a role that names nobody ("ein Sprecher") -> empty.
Genders of people come from the roles they are introduced with ("Außenministerin") and from
pronouns nobody else can take.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscorp.extract.canon import (
    adjective_noun_nominative,
    gazetteer_names,
    is_place_adjective,
    is_plural,
    name_key,
    without_genitive_s,
)
from newscorp.extract.cues import is_claim_noun, is_document_noun, is_source_noun
from newscorp.extract.marks import ARTICLES, CLOSERS, OPENERS
from newscorp.pipeline.lexicons import (
    MEDIA_HEADS,
    de_words,
    demonym_place,
    is_body_noun,
    is_role,
)
from newscorp.pipeline.names import LEGAL_FORMS
from newscorp.records import Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS = {"er": "Masc", "sie": "Fem", "ihm": "Masc", "ihn": "Masc", "ihr": "Fem"}
POSSESSIVE = {"sein": "Masc", "seine": "Masc", "seiner": "Masc", "seinen": "Masc",
              "ihre": "Fem", "ihrer": "Fem", "ihren": "Fem"}  # fmt: skip
ANAPHORIC = {"demnach", "wonach"}
DEFINITE = {"der", "die", "dem", "den", "des", "dieser", "diese", "diesem", "diesen"}
DEFINITE_ALL = DEFINITE | {"das", "dieses"}
LABEL_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
_NO_MARKS = str.maketrans("", "", "".join((set(OPENERS) | CLOSERS) - {"'"}))
NEAR_UNITS = 4
COMPANY_HEADS = ("firma", "hersteller", "konzern", "unternehmen")
"""Nouns for a company that stand for the text's main organisation when no name ends in them."""
RECENT_CHARS = 400  # how far back a description ("der SPD-Politiker") looks for its person


def quoted_name(span: Span) -> str:
    """The name of a phrase that is only a quoted name after its article ("die „Aktion
    Deutschland hilft“" -> Aktion Deutschland hilft), else ""."""
    toks = [t for t in span if not t.is_space]
    while toks and toks[0].lower_ in ARTICLES:
        toks = toks[1:]
    if len(toks) < 3 or not toks[0].is_quote or not toks[-1].is_quote:
        return ""
    if any(t.is_quote for t in toks[1:-1]):
        return ""
    return span.doc[toks[1].i : toks[-2].i + 1].text


def role_head(word: str) -> str:
    """The role noun without prefixes and endings: "US-Präsidenten" -> "präsident"."""
    low = word.lower().rsplit("-", 1)[-1]
    for suffix in ("innen", "in", "en", "n", "s"):
        if low.endswith(suffix) and is_role(low[: -len(suffix)]):
            return low[: -len(suffix)]
    return low


def role_form(word: str) -> str:
    """A role with its prefix, without case endings: "US-Präsidenten" -> "us-präsident"."""
    prefix, _, last = word.lower().rpartition("-")
    return f"{prefix}-{role_head(last)}" if prefix else role_head(last)


def role_gender(word: str) -> str:
    """ "Fem" for feminine role nouns ("Außenministerin"), "Masc" for other roles."""
    low = word.lower()
    if low.endswith(("in", "innen")) and is_role(low.removesuffix("innen").removesuffix("in")):
        return "Fem"
    return "Masc" if is_role(low) else ""


def nominative(tokens: list) -> str:
    """A body named by adjective and noun in its dictionary form: "russischen
    Außenministeriums" -> "Russisches Außenministerium", a group in the plural ("britischen
    Medien" -> "Britische Medien"), a noun without its genitive -s ("Außenministeriums");
    other phrases as written."""
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    plural = _plural_nominative(tokens)
    if plural:
        return plural
    if len(tokens) == 1 and _genitive_noun(tokens[0]):
        return tokens[0].lemma_  # "(einer Erklärung) des Außenministeriums" -> Außenministerium
    if len(tokens) != 2 or tokens[0].pos_ != "ADJ" or tokens[1].pos_ != "NOUN":
        return text
    if is_place_adjective(tokens[0].text) or is_plural(tokens[1]):
        return text  # place adjectives do not inflect: "Salzburger Nachrichten"
    words = adjective_noun_nominative(tokens[0], tokens[1])
    return " ".join(words) if words else text


def _names_a_statement(word: str) -> bool:
    """A source, claim or document noun ("Angaben", "Vorschlag", "Artikel"): its owner in the
    genitive made the statement."""
    return is_source_noun(word) or is_claim_noun(word) or is_document_noun(word)


def _genitive_noun(noun: Token) -> bool:
    """A singular noun in the genitive that is its lemma plus -s or -es ("Ministeriums")."""
    lemma, text = noun.lemma_, noun.text
    if lemma.endswith("e") and text == lemma + "s" and lemma.lower() not in de_words():
        return False  # "Grundgesetzes" is no "Grundgesetze" + s (but "Gebäudes" is)
    return (
        noun.pos_ == "NOUN"
        and noun.morph.get("Case") == ["Gen"]
        and noun.morph.get("Number") == ["Sing"]
        and len(lemma) > 2
        and text.startswith(lemma)
        and text[len(lemma) :] in {"s", "es"}
    )


QUANTIFIERS = frozenset({"anderen", "beiden", "einigen", "mehreren", "vielen", "wenigen"})
"""Words of quantity that decline like adjectives before a plural noun ("vielen" -> "viele")."""

ADJECTIVE_ENDS = ("lich", "ig", "isch", "t", "bar", "sam", "los", "haft", "end")
"""Endings of adjectives and participles: a plural noun in -en on one of them may be a
nominalised adjective, which changes its ending too ("den Befragten" -> "die Befragten")."""


def _plural_nominative(tokens: list) -> str:
    """A group named in the dative or genitive plural, in the nominative: "von politischen
    Beobachtern" -> "Politische Beobachter", "laut britischen Medien" -> "Britische Medien".
    The words before the noun must be adjectives or QUANTIFIERS in -en (not "dieselben", "die
    meisten"); the noun loses the dative's n only in -ern/-eln. Nouns that may be adjectives
    ("Jugendlichen", "Befragten") or the dative of a plural in -e ("Gesetzen"), and a noun
    alone that does not change, give ""."""
    *before, noun = tokens
    if noun.pos_ != "NOUN" or len(noun.text) < 4 or noun.morph.get("Number") != ["Plur"]:
        return ""
    if not all(
        w.text.endswith("en") and (w.pos_ == "ADJ" and w.text.islower() or w.text in QUANTIFIERS)
        for w in before
    ):
        return ""
    dative = noun.morph.get("Case") == ["Dat"]
    if noun.text.endswith(("ern", "eln")) and dative:
        head = noun.text[:-1]
    elif not before or noun.text.endswith("en") and noun.lower_[:-2].endswith(ADJECTIVE_ENDS):
        return ""  # nothing changes, or a nominalised adjective ("Jugendlich|en", "Befragt|en")
    elif dative and noun.text == noun.lemma_ + "en" and noun.morph.get("Gender") != ["Fem"]:
        return ""  # "Gesetzen" may be the dative of "Gesetze" (but "Fraktionen" stays)
    else:
        head = noun.text
    words = [w.text[:-1] for w in before] + [head]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


class SpeakerResolver:
    """Per-document state for resolving speakers."""

    def __init__(self, doc: Doc, mentions: list[Mention], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # ``text``: doc.text already built

        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.roles: dict[str, list[str]] = {}
        self.full_roles: dict[str, list[str]] = {}  # "us-präsident" -> people introduced so
        self.role_heads: dict[str, set[str]] = {}  # person -> the roles they were given
        self.gender: dict[str, str] = {}
        for m in self.mentions:
            if m.role:
                self.roles.setdefault(role_head(m.role), []).append(m.entity)
                self.full_roles.setdefault(role_form(m.role), []).append(m.entity)
                self.role_heads.setdefault(m.entity, set()).add(role_head(m.role))
                if m.label == "PER" and role_gender(m.role):
                    self.gender.setdefault(m.entity, role_gender(m.role))
            elif m.label == "PER":
                # "die Sprecherin des Weißen Hauses, Sarah Sanders": a role in apposition
                # tells who she is (gender, role), but does not make her "the" Sprecherin
                role = self._apposed_role(m)
                if role:
                    self.role_heads.setdefault(m.entity, set()).add(role_head(role))
                    self.gender.setdefault(m.entity, role_gender(role))
        self.last: tuple[str, int] | None = None
        self._bodies: list[tuple[int, str, tuple[str, ...]]] | None = None

    def _apposed_role(self, mention: Mention) -> str:
        """The role noun of a phrase set off before a name by a comma ("die Sprecherin des
        Weißen Hauses, Sarah Sanders" -> Sprecherin), else ""."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start < 2 or self.doc[span.start - 1].text != ",":
            return ""
        for tok in reversed(self.doc[max(0, span.start - 7) : span.start - 1]):
            if tok.is_punct or tok.is_space or tok.pos_ in {"VERB", "AUX"}:
                return ""
            if tok.ent_type_ == "PER":
                return ""  # "Präsident Moon, Kim": an enumeration of names
            if tok.text[:1].isupper() and is_role(tok.text):
                return tok.text
        return ""

    def note_quote(self, quote: Quote, unit: int) -> None:
        """Remember the last attributed person for pronouns and descriptions."""
        if quote.speaker:
            self.last = (quote.speaker, unit)

    def entity_in(self, span: Span) -> Mention | None:
        """The entity a speaker phrase names (apposition, then person, organisation, place)."""
        start, end = span.start_char, span.end_char  # (read once: Span properties)
        inside = [
            m
            for m in self.mentions
            if start <= m.start and m.end <= end and not is_role(m.text) and not _demonym(m)
        ]
        if not inside:
            return None
        text = self.text
        for m in inside:  # "…, Sarah Sanders" — a name set off by a comma is the speaker
            if text[span.start_char : m.start].rstrip().endswith(",") and m.label != "MISC":
                return m
        # the head is named last: "Trumps Pressesprecherin Sarah Sanders", "Nordkoreas
        # Verbündeter China"; people before organisations before places
        return min(inside, key=lambda m: (LABEL_ORDER.get(m.label, 9), -m.start))

    def resolve(self, span: Span, unit: int, plural: bool = False) -> str:
        """Canonical speaker for a mention span, or "" when unsure."""
        title = quoted_name(span)
        if title:
            return title  # "wie „heise online“ berichtet"
        found = self.entity_in(span)
        if found is not None:
            return self._apposed_name(found) or found.entity
        words = [t for t in span if not t.is_punct and any(c.isalpha() for c in t.text)]
        if not words:
            return ""
        lead = 1 if words[0].lower_ in ARTICLES and len(words) > 3 else 0
        source = lead  # the source noun after its adjectives ("dem achtseitigen Bericht")
        while source < len(words) - 2 and words[source].text.islower():
            source += 1
        if (
            len(words) > source + 2
            and _names_a_statement(words[source].text)
            and words[source + 1].lower_ in ARTICLES
        ):
            # "(einer Erklärung) des Außenministeriums" -> who made it: "des Außenministeriums"
            return self.resolve(self.doc[words[source + 1].i : span.end], unit, plural)
        if (
            len(words) > lead + 1
            and is_source_noun(words[lead].text)
            and all(w.pos_ == "PROPN" for w in words[lead + 1 :])
            and words[-1].text.endswith(("s", "'"))
        ):
            # "Angaben Trumps" that no model took for a name: the genitive name made them
            name = [t.text for t in words[lead + 1 :]]
            return " ".join([*name[:-1], without_genitive_s(name[-1])])
        if len(words) == 1 and words[0].lower_ in ANAPHORIC and self.last is not None:
            name, where = self.last  # "Demnach …": according to the source just named
            return name if unit - where <= NEAR_UNITS else ""
        if len(words) == 1 and words[0].lower_ in PRONOUNS:
            if plural and words[0].lower_ == "sie":
                return ""
            found = self._pronoun(PRONOUNS[words[0].lower_], span.start_char, unit)
            if not found and words[0].lower_ == "sie":
                found = self._body(span.start_char)  # "Die Gewerkschaft … Sie bezeichnet"
            return found
        heads = [t for t in words if t.text[:1].isupper() and t.lower_ not in ARTICLES]
        for tok in reversed(heads):
            if is_role(tok.text):
                apposed = self._name_after(span)
                if apposed:
                    return apposed  # "der Vorsitzende des Ausschusses, Sebastian Edathy"
                definite = words[0].lower_ in DEFINITE
                found = self._role(tok.text, span.start_char, unit, definite)
                return found or self._employer(words, tok)  # "der Sprecher der Polizei"
        name = self._name(words)
        if name:
            return name
        if (
            len(words) == 2
            and words[0].lower_ in POSSESSIVE
            and POSSESSIVE[words[0].lower_] == "Masc"
            and is_source_noun(words[1].text)
        ):
            return self._pronoun("Masc", span.start_char, unit)  # "seiner Meinung nach"
        if all(is_source_noun(t.text) or is_document_noun(t.text) for t in heads):
            return ""  # "eigenen Angaben", "Polizeiangaben", "dem Schreiben": nobody named
        if heads and heads[-1].pos_ in {"NOUN", "PROPN"}:
            rest = [t for t in span if not t.is_space]
            while rest and (rest[0].lower_ in ARTICLES or rest[0].lower_ in POSSESSIVE):
                rest = rest[1:]
            if len(rest) == 1 and words[0].lower_ in DEFINITE_ALL and rest[0].pos_ == "NOUN":
                described = self._described(rest[0], span.start_char, unit)
                if described:
                    return described
            known = gazetteer_names().get(name_key(rest[-1].text)) if rest else None
            if known:
                return known  # "Nordkoreas Verbündeter China" -> China
            # quotation marks inside a compound go: die „Bild“-Zeitung -> Bild-Zeitung
            return nominative(rest).translate(_NO_MARKS).strip() if rest else ""
        return ""

    def _described(self, noun: Token, position: int, unit: int) -> str:
        """Who "der Konzern", "das Ministerium" or "der Wiener" stands for, else ""."""
        if any(m.start == noun.idx and _demonym(m) for m in self.mentions):
            return self._role(noun.text, position, unit)  # "der Wiener": a person just named
        forms = (noun.lemma_.lower(), noun.lower_, without_genitive_s(noun.text).lower())
        low = next((form for form in forms if is_body_noun(form)), "")  # lemma "Konzer"
        if not low or "Plur" in noun.morph.get("Number"):
            return ""  # "die Behörden" are not the one named before
        for start, name, words in reversed(self._named_bodies()):
            if start < position and any(w.endswith(low) for w in words):
                return name
        if low.endswith(COMPANY_HEADS):
            return self._main_organisation(position)
        return ""

    def _main_organisation(self, position: int) -> str:
        """Whom "das Unternehmen" means when no name ends in that noun: of the organisations
        named before ``position`` (no newspaper or agency), the one the text introduced as
        a company ("der Garnhersteller Borckenstein", "Beate Uhse AG"), else the one named
        more often than any other, at least twice ("Apple hat … Apple … Das Unternehmen
        berichtet"); else nobody."""
        counts: dict[str, int] = {}
        companies: list[str] = []
        for m in self.mentions:
            if m.start >= position or m.label != "ORG":
                continue
            if m.entity.lower().endswith(MEDIA_HEADS):
                continue
            counts[m.entity] = counts.get(m.entity, 0) + 1
            if self._introduced_as_company(m):
                companies.append(m.entity)
        if len(set(companies)) == 1:
            return companies[0]
        ranked = sorted(counts.values(), reverse=True) + [0]
        if ranked[0] >= 2 and ranked[0] > ranked[1]:
            return max(counts, key=counts.__getitem__)
        return ""

    def _introduced_as_company(self, mention: Mention) -> bool:
        """Is the name a firm's by its legal form ("AG", "GmbH") or by the company noun
        before it ("der US-Autohersteller General Motors")?"""
        if mention.entity.split()[-1] in LEGAL_FORMS:
            return True
        return self._introducing_noun(mention).endswith(COMPANY_HEADS)

    def _introducing_noun(self, mention: Mention) -> str:
        """The noun right before a name that introduces it, lowercase ("der
        Glücksspielkonzern Novomatic" -> glücksspielkonzern), else ""."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return ""
        before = self.doc[span.start - 1]
        return before.lower_ if before.pos_ == "NOUN" and before.text[:1].isupper() else ""

    def _named_bodies(self) -> list[tuple[int, str, tuple[str, ...]]]:
        """(start, name, lowercase words) of each organisation named in the document (also
        by the noun introducing it: "der Glücksspielkonzern Novomatic") and of each long
        capitalised noun after an article ("das Innenministerium"), in the order of the
        text."""
        if self._bodies is None:
            doc, found = self.doc, []
            for m in self.mentions:
                if m.label != "ORG":
                    continue
                words = m.entity.lower().split()
                introducing = self._introducing_noun(m)
                if introducing:
                    words.append(introducing)  # "der Glücksspielkonzern Novomatic"
                found.append((m.start, m.entity, tuple(words)))
            named = {i for m in self.mentions for i in range(m.start, m.end)}
            for tok in doc:
                if (
                    tok.pos_ == "NOUN"
                    and tok.i > 0
                    and doc[tok.i - 1].lower_ in DEFINITE_ALL
                    and tok.text[:1].isupper()
                    and len(tok) > 8
                    and tok.idx not in named
                    and not is_role(tok.text)
                ):
                    name = tok.lemma_ if tok.lemma_[:1].isupper() else tok.text
                    found.append((tok.idx, name, (name.lower(),)))
            self._bodies = sorted(found)
        return self._bodies

    def _name_after(self, span: Span) -> str:
        """The person named in apposition right after a role phrase (", Sebastian Edathy")."""
        doc = self.doc
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return ""
        start = doc[span.end + 1].idx
        for m in self.mentions:
            if m.start == start and m.label == "PER":
                return m.entity
        return ""

    def _apposed_name(self, mention: Mention) -> str:
        """The name after a genitive name and a common noun that the recogniser took into one
        entity ("Nordkoreas Verbündeter China" -> China): a name the gazetteer or this
        document knows, else ""."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 3 or span[0].pos_ != "PROPN":
            return ""
        if not span[0].text.endswith(("s", "'")) or span[1].pos_ != "NOUN":
            return ""
        tail = span[2:]
        if not all(t.pos_ == "PROPN" for t in tail):
            return ""
        key = name_key(tail.text)
        known = {name_key(m.entity): m.entity for m in self.mentions if m is not mention}
        return gazetteer_names().get(key) or known.get(key, "")

    def _employer(self, words: list, role) -> str:
        """ "ein Sprecher des Außenministeriums" -> Außenministerium (the body that speaks)."""
        after = [t for t in words if t.i > role.i]
        if len(after) >= 2 and after[0].lower_ in {"des", "der"} and after[-1].pos_ == "NOUN":
            head = after[-1]
            lemma = head.lemma_ if head.lemma_[:1].isupper() else head.text
            return lemma
        return ""

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

    def _fits(self, name: str, gender: str) -> bool:
        known = self.gender.get(name, "")
        return not known or not gender or known == gender

    def _pronoun(self, gender: str, position: int, unit: int) -> str:
        if self.last is not None:
            name, where = self.last
            if unit - where <= NEAR_UNITS and self._is_person(name) and self._fits(name, gender):
                return name
        before = [
            m
            for m in self.mentions
            if m.end <= position and m.label == "PER" and self._fits(m.entity, gender)
        ]
        return before[-1].entity if before else ""

    def _body(self, position: int) -> str:
        """The organisation named last, shortly before a singular "sie" no woman fits."""
        before = [
            m
            for m in self.mentions
            if m.end <= position and m.label in {"PER", "ORG"} and position - m.end < RECENT_CHARS
        ]
        return before[-1].entity if before and before[-1].label == "ORG" else ""

    def _is_person(self, name: str) -> bool:
        return any(m.entity == name and m.label == "PER" for m in self.mentions)

    def _role(self, word: str, position: int, unit: int, definite: bool = True) -> str:
        if "-" in word:  # "der US-Präsident" is not "Präsident Moon" of another country
            candidates = self.full_roles.get(role_form(word), [])
        else:
            candidates = self.roles.get(role_head(word), [])
        if candidates:
            # the most recent person introduced with this role before the mention
            earlier = [m for m in self.mentions if m.start < position and m.entity in candidates]
            return earlier[-1].entity if earlier else candidates[0]
        gender = role_gender(word)
        if not definite:
            return ""
        head = role_head(word)
        if self.last is not None:
            name, where = self.last
            if unit - where <= 2 and self._is_person(name) and self._fits(name, gender):
                return name  # gender from roles in apposition too: a Sprecherin is no Präsident
        # "Heiko Maas hat … bedauert. „…“, sagte der SPD-Politiker": the person just named
        recent = [
            m
            for m in self.mentions
            if m.end <= position
            and m.label == "PER"
            and position - m.end < RECENT_CHARS
            and head in self.role_heads.get(m.entity, {head})  # no "Staatschef" for "Präsident"
        ]
        if recent and self._fits(recent[-1].entity, gender):
            return recent[-1].entity
        return ""


def _demonym(mention: Mention) -> bool:
    """A place's adjective or people's noun the recogniser took for a name ("Wiener" ->
    Wien): it modifies the speaker's noun ("der Wiener Jurist"), it does not name it."""
    return mention.label in {"MISC", "LOC"} and bool(demonym_place(mention.text))
