"""Quotes and speakers: every rule of issue 4 on a short German text, exact rows for the
sample articles, and the clustering of the same statement across articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscorp.extract.cluster import cluster_ids, compatible, content_words, linked
from newscorp.extract.cues import verb_guesses
from newscorp.extract.marks import find_quote_marks

HERE = Path(__file__).resolve().parent


def rows(nlp, text: str) -> list[tuple[str, str, str, str, str]]:
    """(type, speaker, speaker_mention, cue, text) of the quotes of one text, with speakers
    canonical as in the quotes table."""
    from newscorp.extract.entities import mentions
    from newscorp.extract.quotes import quotes
    from newscorp.records import DocResult, Document
    from newscorp.tables import quotes_table

    doc = nlp(text)
    found = tuple(mentions(doc, "t.txt"))
    document = Document("t.txt", "t.txt", text, text, "0")
    result = DocResult(document, found, tuple(quotes(doc, "t.txt", list(found))), ())
    frame = quotes_table([result])
    for q in result.quotes:  # offsets point into the text
        assert text[q.start : q.end] == q.text
    columns = ["type", "speaker", "speaker_mention", "cue", "text"]
    return [tuple(r) for r in frame[columns].itertuples(index=False)]


# --- quotation marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "„Wir sind bereit“, sagte Angela Merkel.",
        "»Wir sind bereit«, sagte Angela Merkel.",
        '"Wir sind bereit", sagte Angela Merkel.',
    ],
)
def test_quote_marks_of_every_kind(nlp, text):
    assert rows(nlp, text) == [
        ("direct", "Angela Merkel", "Angela Merkel", "sagen", "Wir sind bereit")
    ]


def test_quote_interrupted_by_its_cue_is_one_statement(nlp):
    assert rows(nlp, "„Wir sind bereit“, sagte Angela Merkel, „das Gesetz zu ändern.“") == [
        (
            "direct",
            "Angela Merkel",
            "Angela Merkel",
            "sagen",
            "Wir sind bereit“, sagte Angela Merkel, „das Gesetz zu ändern.",
        )
    ]


def test_quote_over_two_sentences(nlp):
    assert rows(nlp, "„Das ist gut. Wir machen weiter.“, sagte Angela Merkel am Montag.") == [
        ("direct", "Angela Merkel", "Angela Merkel", "sagen", "Das ist gut. Wir machen weiter.")
    ]


def test_quote_over_two_paragraphs_opened_again_in_each(nlp):
    text = "Olaf Scholz sagte:\n\n„Wir sind bereit.\n\n„Wir machen weiter.“"
    assert rows(nlp, text) == [
        ("direct", "Olaf Scholz", "Olaf Scholz", "sagen", "Wir sind bereit.\n\n„Wir machen weiter.")
    ]


def test_quote_marks_pairing_in_raw_text():
    text = '„A“, sagte er, „b c.“ »X« und "Y". Sie: „Neu\nohne Ende'
    assert [text[m.start : m.end] for m in find_quote_marks(text)] == [
        "A“, sagte er, „b c.",
        "X",
        "Y",
    ]


def test_titles_in_quote_marks_are_not_quotes(nlp):
    text = (
        'Der Minister sprach im ZDF-"Morgenmagazin" über die Lage. '
        "Laut der Zeitung „Dagens Nyheter“ ist die Lage ernst."
    )
    found = rows(nlp, text)
    assert [r[-1] for r in found if r[0] in {"direct", "mixed"}] == []
    assert rows(nlp, '"So arbeitet die Redaktion" informiert Sie über unsere Arbeit.') == []


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("„Das ist ein Fehler“, schrieb „Der Standard“.", "Der Standard", "„Der Standard“"),
        ("„Das ist ein Fehler“, schrieb die „Welt“ am Montag.", "Welt", "die „Welt“"),
    ],
)
def test_quoted_name_after_the_cue_of_a_quotation_is_its_speaker(nlp, text, speaker, mention):
    # not a second, one-word quotation ("mixed") with no speaker
    assert rows(nlp, text) == [("direct", speaker, mention, "schreiben", "Das ist ein Fehler")]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Ursula von der Leyen kam. Von der Leyen betonte, die Lage sei ernst.",
            "Ursula von der Leyen",
            "Von der Leyen",
        ),
        (
            "Alexander Van der Bellen kam. Van der Bellen sagte, die Lage sei ernst.",
            "Alexander Van der Bellen",
            "Van der Bellen",
        ),
    ],
)
def test_a_surname_with_particles_opening_the_clause_is_the_speaker(nlp, text, speaker, mention):
    # the parser reads "Von der Leyen" as a phrase "von der …"; the name fills the prefield
    assert [r[1:3] for r in rows(nlp, text)] == [(speaker, mention)]


def test_a_speaker_mention_keeps_its_closing_bracket(nlp):
    text = "Horst Seehofer (CSU) forderte, mit aller Konsequenz gegen die Täter vorzugehen."
    assert [r[1:3] for r in rows(nlp, text)] == [("Horst Seehofer", "Horst Seehofer (CSU)")]


def test_quoted_name_as_subject_of_a_verb_final_cue(nlp):
    assert rows(
        nlp, "Wie „heise online“ berichtet, sperrten die Behörden den Zugang zu der Seite."
    ) == [
        (
            "indirect",
            "heise online",
            "„heise online“",
            "berichten",
            "sperrten die Behörden den Zugang zu der Seite",
        )
    ]
    text = "Wie die „Aktion Deutschland hilft“ mitteilte, werde den Menschen in Myanmar geholfen."
    assert rows(nlp, text)[0][1:3] == (
        "Aktion Deutschland hilft",
        "die „Aktion Deutschland hilft“",
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (  # in the indicative "geht" reports on its own, for the Sprecher
            "Ein Sprecher der Rettungsdienste erklärte, er geht nicht davon aus, "
            "dass jemand den Absturz überlebt hat.",
            "ausgehen",
            "dass jemand den Absturz überlebt hat",
        ),
        (  # in the Konjunktiv "gehe … aus" is part of what "erklärte" reports
            "Ein Sprecher der Rettungsdienste erklärte, er gehe nicht davon aus, "
            "dass jemand den Absturz überlebt habe.",
            "erklären",
            "er gehe nicht davon aus, dass jemand den Absturz überlebt habe",
        ),
    ],
)
def test_pronoun_opening_a_reported_clause_speaks_for_the_outer_speaker(nlp, text, cue, content):
    assert rows(nlp, text) == [
        ("indirect", "Rettungsdienste", "Ein Sprecher der Rettungsdienste", cue, content)
    ]


def test_opinion_noun_is_no_speaker(nlp):
    text = (
        "Damit wurde ein Urteil des Berliner Kammergerichtes größtenteils bestätigt. "
        "Der BGH widersprach allerdings der Ansicht, dass ein bestimmtes Lied als "
        "Aufforderung zu Straftaten anzusehen ist."
    )
    assert [r[1:4] for r in rows(nlp, text)] == [("BGH", "Der BGH", "widersprechen")]


def test_zitieren_names_the_medium_of_a_passive_and_the_person_cited(nlp):
    text = (
        "Der Fraktionschef der Grünen, Volker Ratzmann, wird von der „Netzeitung“ mit den "
        "Worten zitiert: „Wowereit ist angeschlagen. Das wird ihm nachhängen.“"
    )
    assert [r[:3] for r in rows(nlp, text)] == [("direct", "Netzeitung", "der „Netzeitung“")]
    text = (
        "Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: "
        "„Der Mann hat einen Fußgänger erst angefahren.“"
    )
    # the speaker loses its article ("einen"), as "der" above; the mention keeps it
    assert [r[:3] for r in rows(nlp, text)] == [("direct", "Augenzeugen", "einen Augenzeugen")]


def test_demonstrative_pronoun_before_the_cue_is_the_speaker_mention(nlp):
    text = (
        "Am Telefon war nur eine Büroangestellte. Diese bestätigte, dass gegen den Mann ein "
        "Haftbefehl besteht."
    )
    assert rows(nlp, text) == [
        ("indirect", "", "Diese", "bestätigen", "dass gegen den Mann ein Haftbefehl besteht")
    ]


def test_sie_without_a_woman_before_it_is_the_organisation_just_named(nlp):
    text = (
        "Den Einsatz der Bundeswehr hat die Gewerkschaft der Polizei (GdP) abgelehnt. "
        "Sie bezeichnet diese Lösung als Irrweg."
    )
    # "abgelehnt" alone is no statement (a bare speech act of cues.txt "bare")
    assert [r[:3] for r in rows(nlp, text)] == [("reported", "GdP", "Sie")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Glücksspielkonzern Novomatic übernimmt die Casinos Austria. "
            "Der Konzern teilte am Montag mit, der Kaufpreis sei vertraulich.",
            "Novomatic",  # introduced by a compound of the noun
        ),
        (
            "Das Innenministerium hat die Zahlen veröffentlicht. "
            "Das Ministerium betonte, die Lage sei stabil.",
            "Innenministerium",  # a compound of the noun named before
        ),
        (
            "Die Weltgesundheitsorganisation warnt vor Masern. "
            "Die Organisation erklärte, die Impfquote sei zu niedrig.",
            "Weltgesundheitsorganisation",
        ),
        (
            "Der Textilhersteller Huber Trikot meldet Insolvenz an. Die Gewerkschaft Verdi "
            "prüft die Verträge. Das Unternehmen teilte mit, der Betrieb laufe weiter.",
            "Huber Trikot",  # the one organisation introduced as a company
        ),
        (
            "Microsoft verkauft mehr Konsolen. Microsoft will in Europa wachsen, die "
            "Deutsche Telekom ist Partner. Der Konzern erklärte, der Umsatz sei gestiegen.",
            "Microsoft",  # named more often than any other organisation
        ),
    ],
)
def test_a_description_of_a_body_is_the_body_named_before(nlp, text, speaker):
    assert [r[1] for r in rows(nlp, text) if r[0] == "indirect"] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Laut einem Artikel der „New York Times“ will die Regierung neue Sanktionen verhängen.",
            "New York Times",  # a quoted name as the genitive attribute
            "einem Artikel der „New York Times“",
        ),
        (
            "Nach einem Bericht des „Spiegel“ soll der Minister zurücktreten.",
            "Spiegel",
            "einem Bericht des „Spiegel“",
        ),
        (
            "Laut einem Artikel der New York Times plant die Regierung neue Sanktionen.",
            "New York Times",  # the name's last word, whatever its tag ("Times" ADJ)
            "einem Artikel der New York Times",
        ),
    ],
)
def test_a_source_phrase_ends_after_the_name_of_its_genitive(nlp, text, speaker, mention):
    assert [r[1:3] for r in rows(nlp, text)] == [(speaker, mention)]


def test_a_news_agency_after_der_is_told_not_the_owner_of_the_speaker(nlp):
    text = "Die Tarife gelten ab April, sagte ein Sprecher der APA."
    assert [r[1:3] for r in rows(nlp, text)] == [("", "ein Sprecher")]
    text = "Einer Meldung der dpa zufolge gelten die Tarife ab April."
    assert [r[1:3] for r in rows(nlp, text)] == [("dpa", "Einer Meldung der dpa")]


def test_a_dateline_is_neither_speaker_nor_part_of_the_quote(nlp):
    text = (
        "London – Arsenal-Trainer Arsene Wenger hat die Europäische Fußball-Union (UEFA) für "
        "ihre Anti-Doping-Politik kritisiert."
    )
    assert [r[:4] for r in rows(nlp, text)] == [
        ("reported", "Arsene Wenger", "Arsenal-Trainer Arsene Wenger", "kritisieren")
    ]


def test_a_description_without_a_body_named_before_stays_as_written(nlp):
    text = "Die Lage ist ernst. Der Konzern teilte mit, der Kaufpreis sei vertraulich."
    assert [r[1:3] for r in rows(nlp, text)] == [("Konzern", "Der Konzern")]
    text = (  # two organisations named once each: neither is sure to be the company
        "Siemens und die Deutsche Bahn streiten. Der Konzern erklärte, der Vertrag sei gültig."
    )
    assert [r[1:3] for r in rows(nlp, text)] == [("Konzern", "Der Konzern")]
    text = (  # a plural is not the one body named before
        "Die Gewerkschaft Verdi ruft zum Streik auf. "
        "Die Gewerkschaften erklärten, die Lage sei ernst."
    )
    assert [r[1] for r in rows(nlp, text)] == ["Verdi", "Gewerkschaften"]


def test_a_place_adjective_does_not_name_the_speaker(nlp):
    text = (
        "Gedruckte Ausgaben werden laut Wiener Linien in den Wartehäuschen verteilt. "
        "Der Ökonom Martin Kocher hat die Zahlen vorgelegt. "
        "Die Lage sei ernst, sagte der Wiener Jurist."
    )
    # "Wiener" is no speaker "Wien"; the jurist is not the economist named before
    assert [r[1:3] for r in rows(nlp, text)] == [
        ("Wiener Linien", "Wiener Linien"),
        ("", "der Wiener Jurist"),
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Die M7 Group hat nach eigenen Angaben 3,5 Millionen Kunden in Europa.",
            "eigenen Angaben",  # a number counting a noun starts another phrase
        ),
        (
            "Beim Wiedereintritt soll nach Auskunft der NASA der überwiegende Teil der "
            "Gesamtmasse verglühen.",
            "Auskunft der NASA",  # "der" with an adjective in -e: a nominative
        ),
    ],
)
def test_the_source_phrase_of_a_nominal_cue_ends_before_the_next_phrase(nlp, text, mention):
    assert [r[2] for r in rows(nlp, text)] == [mention]


def test_seiner_meinung_nach_is_the_man_named_before(nlp):
    text = (
        "Innenminister Hans-Peter Friedrich sprach am Montag in Berlin. "
        "Seiner Meinung nach sei die Lage ernst."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Hans-Peter Friedrich",
            "Seiner Meinung",
            "nach",
            "Seiner Meinung nach sei die Lage ernst",
        )
    ]


# --- cues ------------------------------------------------------------------------------


def test_particle_verb_cue_and_zu_infinitive(nlp):
    assert rows(nlp, "Der Minister kündigte an, die Steuern zu senken.") == [
        ("indirect", "", "Der Minister", "ankündigen", "die Steuern zu senken")
    ]


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [("twitterte", "twittern"), ("schrieb", "schreiben"), ("betonte", "betonen")],
)
def test_cue_verbs_by_lemma(nlp, verb, lemma):
    text = f"„Das ist ein großer Tag“, {verb} Donald Trump."
    assert rows(nlp, text) == [
        ("direct", "Donald Trump", "Donald Trump", lemma, "Das ist ein großer Tag")
    ]


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [("erwähnte", "erwähnen"), ("machte klar", "klarmachen")],
)
def test_cue_verbs_before_a_dass_clause(nlp, verb, lemma):
    text = f"Der Minister {verb}, dass er zurücktreten werde."
    assert rows(nlp, text) == [
        ("indirect", "", "Der Minister", lemma, "dass er zurücktreten werde")
    ]


def test_warn_with_a_reported_clause(nlp):
    assert rows(nlp, "Die Regierung warnte, die Lage sei ernst.") == [
        ("indirect", "Regierung", "Die Regierung", "warnen", "die Lage sei ernst")
    ]


def test_speaker_before_the_quote_with_erklaeren(nlp):
    assert rows(nlp, "Angela Merkel erklärte: „Wir sind bereit.“") == [
        ("direct", "Angela Merkel", "Angela Merkel", "erklären", "Wir sind bereit.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Die Lage ist ernst“, so Trump.", ("direct", "Trump", "Trump", "so")),
        ("Trump zufolge ist die Lage ernst.", ("indirect", "Trump", "Trump", "zufolge")),
        (
            "Nach Angaben Trumps ist die Lage ernst.",
            ("indirect", "Trump", "Angaben Trumps", "nach"),
        ),
        (
            "Laut Weißem Haus ist die Lage ernst.",
            ("indirect", "Weißes Haus", "Weißem Haus", "laut"),
        ),
        ("Trump: „Die Lage ist ernst.“", ("direct", "Trump", "Trump", "")),
        (
            "Nach einer norwegischen Studie steigt das Risiko deutlich.",
            ("indirect", "", "einer norwegischen Studie", "nach"),
        ),
        (  # "gewann" is tagged VVFIN but called an adverb: the mood layer makes it a verb
            "Nach Angaben der zentralen Wahlkommission gewann er die Wahl mit 62 Prozent.",
            ("indirect", "Zentrale Wahlkommission", "Angaben der zentralen Wahlkommission", "nach"),
        ),
    ],
)
def test_nominal_and_colon_cues(nlp, text, expected):
    found = rows(nlp, text)
    assert len(found) == 1
    assert found[0][:4] == expected


def test_nominal_cue_after_a_fronted_subordinate_clause_and_the_statement_after_it(nlp):
    text = (
        "Nachdem der Pilot gestern Probleme mit der Hitze hatte, geht es ihm heute nach "
        "Angaben der Kommandozentrale gut. Die Temperatur habe sich wieder normalisiert."
    )
    assert [(q[0], q[1], q[3]) for q in rows(nlp, text)] == [
        ("indirect", "Kommandozentrale", "nach"),
        ("indirect", "Kommandozentrale", ""),
    ]


def test_clause_introducing_a_quotation_with_a_colon_names_its_speaker(nlp):
    text = "Die Kanzlerin Angela Merkel sieht die Verantwortung beim Staat: „Wir müssen handeln.“"
    assert rows(nlp, text) == [
        ("direct", "Angela Merkel", "Die Kanzlerin Angela Merkel", "", "Wir müssen handeln.")
    ]
    # a subject that cannot speak introduces nobody
    assert rows(nlp, "Die Lage im Land ist schwierig: „Wir müssen handeln.“") == [
        ("direct", "", "", "", "Wir müssen handeln.")
    ]


# --- kinds of speech -------------------------------------------------------------------


def test_konjunktiv_without_a_cue_is_indirect_speech(nlp):
    assert rows(nlp, "Er sei enttäuscht. Es gebe keine Einigung.") == [
        ("indirect", "", "", "", "Er sei enttäuscht"),
        ("indirect", "", "", "", "Es gebe keine Einigung"),
    ]


def test_konjunktiv_after_a_sentence_whose_subject_can_speak_is_theirs(nlp):
    text = (
        "Innenminister Hans Müller definierte am Montag in Berlin das Ziel. "
        "Es gehe darum, die Menschen zu schützen."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Hans Müller",
            "Innenminister Hans Müller",
            "",
            "Es gehe darum, die Menschen zu schützen",
        )
    ]
    text = (
        "Innenminister Hans Müller definierte am Montag in Berlin das Ziel. "
        "Die Lage sei „sehr ernst“."
    )
    assert rows(nlp, text) == [
        ("mixed", "Hans Müller", "Innenminister Hans Müller", "", "sehr ernst")
    ]
    text = "Alle Opfer stammen aus der Umgebung. Mehrere Körper seien noch nicht geborgen worden."
    assert rows(nlp, text) == [
        ("indirect", "", "", "", "Mehrere Körper seien noch nicht geborgen worden")
    ]


def test_opinion_noun_makes_its_verb_a_cue(nlp):
    # "sein" is no cue verb: the opinion noun makes it one
    text = "Der Verteidiger Bruce Cutler ist der Ansicht, Clarkson habe sich selbst getötet."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Bruce Cutler",
            "Der Verteidiger Bruce Cutler",
            "Ansicht",
            "Clarkson habe sich selbst getötet",
        )
    ]
    text = "Der Verteidiger Bruce Cutler war der Meinung, dass Clarkson sich selbst getötet habe."
    assert rows(nlp, text)[0][3:] == ("Meinung", "dass Clarkson sich selbst getötet habe")
    # "vertreten" is a cue verb itself (once the lemma is right): its lemma is the cue
    text = "Der Verteidiger Bruce Cutler vertritt die Ansicht, Clarkson habe sich selbst getötet."
    assert rows(nlp, text)[0][3] == "vertreten"
    assert rows(nlp, "Er hat eine Ansicht, die niemand teilt.") == []


def test_dass_clause_after_a_speech_verb(nlp):
    assert rows(nlp, "Der Sprecher der Regierung erklärte, dass es keine Einigung gebe.") == [
        (
            "indirect",
            "Regierung",  # the body whose spokesman speaks, as in "ein Sprecher der Regierung"
            "Der Sprecher der Regierung",
            "erklären",
            "dass es keine Einigung gebe",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "…, wie X mitteilte" reports the clause before it
            "Die Entscheidung wurde am Montag getroffen, wie die Staatsanwaltschaft Darmstadt "
            "mitteilte.",
            ("mitteilen", "Die Entscheidung wurde am Montag getroffen"),
        ),
        (  # an indirect question
            "Die Vorsitzende Renate Künast fragte, ob Heiko Maas gelogen habe.",
            ("fragen", "ob Heiko Maas gelogen habe"),
        ),
        (  # Konjunktiv II after the cue's clause
            "Die Fluggesellschaft KLM versicherte am darauffolgenden Tag, sie würden die Listen "
            "selbst kontrollieren.",
            ("versichern", "sie würden die Listen selbst kontrollieren"),
        ),
        (  # "bekannt geben" written apart before a clause-final verb: bekanntgeben
            "Wie das Ministerium heute bekannt gab, wird Island den Walfang wieder aufnehmen.",
            ("bekanntgeben", "wird Island den Walfang wieder aufnehmen"),
        ),
    ],
)
def test_reported_clauses_around_a_cue(nlp, text, expected):
    found = rows(nlp, text)
    assert len(found) == 1
    assert (found[0][0], *found[0][3:]) == ("indirect", *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an indicative clause after the cue; the tagger takes "die" for a relative pronoun
            "Rice sagte, die USA halten sich an die Konvention.",
            ("Rice", "die USA halten sich an die Konvention"),
        ),
        (  # the cue's subject after the verb ends the cue group
            "Bei ihrem Auftritt sagte Rice, die USA hielten sich an die Konvention.",
            ("Rice", "die USA hielten sich an die Konvention"),
        ),
        (
            "Am Montag sagte Condoleezza Rice, die USA hielten sich an die Konvention.",
            ("Condoleezza Rice", "die USA hielten sich an die Konvention"),
        ),
    ],
)
def test_main_clause_after_a_cue_and_its_subject_is_reported(nlp, text, expected):
    assert rows(nlp, text) == [("indirect", expected[0], expected[0], "sagen", expected[1])]


def test_phrase_with_a_relative_clause_before_a_cue_is_no_content(nlp):
    text = (
        "In einer Videobotschaft, die in der letzten Nacht eingespielt wurde, sagte Thaksin, "
        "man werde kämpfen, bis die Demokratie wiederhergestellt sei."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Thaksin",
            "Thaksin",
            "sagen",
            "man werde kämpfen, bis die Demokratie wiederhergestellt sei",
        )
    ]
    # a subject with a relative clause and a verb of its own still is
    found = rows(nlp, "Die Regierung, die gewählt wurde, sei illegitim, sagte er.")
    assert [row[4] for row in found] == ["Die Regierung, die gewählt wurde, sei illegitim"]


@pytest.mark.parametrize(
    "text",
    [
        "Laut „Welt“ soll er sich in Landsberg befinden.",
        "Laut der „Welt“ soll der Manager sich in Landsberg befinden.",
    ],
)
def test_quoted_medium_after_laut_is_the_source_not_a_quotation(nlp, text):
    found = rows(nlp, text)
    assert [(r[0], r[1], r[3]) for r in found] == [("indirect", "Welt", "laut")]
    assert found[0][4] == text.rstrip(".")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (  # a strong participle of a particle verb: "vor|geworfen" -> vorwerfen
            "Spaniens Regierungschef José Zapatero hat Deutschland heute Versagen vorgeworfen.",
            "José Zapatero",
            "vorwerfen",
        ),
    ],
)
def test_reported_act_of_a_cue_the_lemmatizer_or_tagger_misses(nlp, text, speaker, cue):
    assert [(r[0], r[1], r[3]) for r in rows(nlp, text)] == [("reported", speaker, cue)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a verb of naming with an object and a second accusative: an evaluation
            "Der EU-Kommissar Günther Oettinger nannte den Beschluss einen fairen Kompromiss.",
            [("reported", "Günther Oettinger", "nennen")],
        ),
        (  # ... or an adjective after the object
            "Der Politiker Li nannte die Bewegung bei dieser Gelegenheit illegal.",
            [("reported", "Li", "nennen")],
        ),
        (  # ... or "als"
            "Der Flughafen nennt als Hauptursache des Booms die Geschäftsentwicklung.",
            [("reported", "Flughafen", "nennen")],
        ),
        ("Der Minister nannte keine Details.", []),  # naming no evaluation
        ("Der Minister nannte den Namen des Täters.", []),
        ("Das nennt sich das Militär-Zuerst-Prinzip.", []),
        (  # a reason given "mit" something is a statement
            "Die Stadt Nürnberg begründet diese Erhöhung mit dem erweiterten Angebot.",
            [("reported", "Nürnberg", "begründen")],
        ),
        ("Der Herzog begründete eine Dynastie.", []),  # founding one is not
        ("Trump sprach mit Journalisten.", []),  # "sprechen" reports only "von"/"über"
        (  # an estimate "auf" a figure
            "Die Polizei schätzt den Schaden auf 250.000 Euro.",
            [("reported", "Polizei", "schätzen")],
        ),
        ("Der Gärtner schätzt die Rosen seines Nachbarn.", []),
        (  # the particle verb is the cue, not its base verb
            "Der Bürgermeister Heiner Falldorf schätzt den Vorgang als schwere Niederlage ein.",
            [("reported", "Heiner Falldorf", "einschätzen")],
        ),
        (
            "Der Trainer Wolfgang Niersbach schreibt den Erfolg dem Zufall zu.",
            [("reported", "Wolfgang Niersbach", "zuschreiben")],
        ),
        (  # an expectation "mit" something
            "Der Deutsche Wetterdienst rechnet frühestens am Montag mit einer Wetterberuhigung.",
            [("reported", "Deutsche Wetterdienst", "rechnen")],
        ),
        ("Der Kassierer rechnet die Kosten zusammen.", []),
        (  # a complaint "über" something
            "Die Schüler klagten über zu viel Stress und zu wenig Freizeit.",
            [("reported", "Schüler", "klagen")],
        ),
        ("Der Kläger klagte vor dem Landgericht.", []),
        (
            "Der Abgeordnete Barney Frank plädiert für eine Erweiterung der Befugnisse.",
            [("reported", "Barney Frank", "plädieren")],
        ),
    ],
)
def test_reported_acts_that_need_a_word_after_the_verb(nlp, text, expected):
    assert [(r[0], r[1], r[3]) for r in rows(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a passive with an agent that can speak reports what the agent said
            "Von der Opposition wurde die Art des Besuchs als unangemessen kritisiert.",
            [("reported", "Opposition", "kritisieren")],
        ),
        (
            "Der Verfasser der Seite wurde vom Amtsgericht Berlin-Tiergarten als Querulant "
            "eingestuft.",
            [("reported", "Amtsgericht Berlin-Tiergarten", "einstufen")],
        ),
        (  # a group in the dative plural is named in the nominative
            "Die Aktion wurde von den Veranstaltern als Erfolg gewertet.",
            [("reported", "Veranstalter", "werten")],
        ),
        (
            "Von politischen Beobachtern wird dieser Schritt als wichtig gewertet.",
            [("reported", "Politische Beobachter", "werten")],
        ),
        ("Die Pläne wurden am Montag kritisiert.", []),  # no agent: nobody said it
        ("Die Entscheidung wurde von dem Bericht bestätigt.", []),  # a source is no agent
        (  # after "berichten" and "sprechen", "von" names the topic
            "Zuvor war bereits in diversen Medien von dieser Entscheidung berichtet worden.",
            [],
        ),
        ("Die Opposition wird angeführt von Hailu Shawe, dem Vorsitzenden der CUD.", []),
        (  # an assault, not a statement
            "Die Einsatzkräfte sind von jugendlichen Angreifern mit Eisenstangen attackiert "
            "worden.",
            [],
        ),
        (  # "von" belongs to another word than the passive verb
            "Vom unteren Bildschirmrand ausgehend, werden zusätzliche Funktionen aufgerufen.",
            [],
        ),
        # "sein" with a zu-infinitive is a passive too: its subject is no speaker
        ("Die Regierung ist zu kritisieren, weil sie nichts getan hat.", []),
    ],
)
def test_reported_act_in_the_passive_with_an_agent(nlp, text, expected):
    assert [(r[0], r[1], r[3]) for r in rows(nlp, text)] == expected


def test_subject_of_a_modal_passive_is_no_speaker(nlp):
    text = (
        "Nachdem erste Ermittlungen ergeben hatten, dass sowohl der Motor wie auch die Reifen "
        "des Busses als Brandursache auszuschließen waren, hatte die Polizei Ermittlungen "
        "eingeleitet."
    )
    assert [r[1:3] for r in rows(nlp, text)] == [("", "")]


def test_reported_act_of_a_verb_the_tagger_calls_finite_but_the_morphologizer_not():
    # a parse as a pipeline gave it: "empfahl" VVFIN from the tagger, ADJ from the
    # morphologizer (hand-built, so the test does not depend on the bundled weights)
    import spacy
    from spacy.tokens import Doc

    from newscorp.extract.entities import mentions
    from newscorp.extract.quotes import quotes

    words = "Gleichzeitig empfahl der ehemalige Umweltminister Jürgen Trittin den Umstieg ."
    doc = Doc(
        spacy.blank("de").vocab,
        words=words.split(),
        pos="ADV ADJ DET ADJ NOUN PROPN PROPN DET NOUN PUNCT".split(),
        tags="ADV VVFIN ART ADJA NN NE NE ART NN $.".split(),
        deps="advmod ROOT det amod nsubj appos flat det obj punct".split(),
        heads=[1, 1, 4, 4, 1, 4, 5, 8, 1, 1],
        lemmas=(
            "gleichzeitig empfehlen der ehemalig Umweltminister Jürgen Trittin der Umstieg ."
        ).split(),
        ents=["O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O"],
    )
    found = list(quotes(doc, "t.txt", list(mentions(doc, "t.txt"))))
    assert [(q.type, q.speaker, q.cue) for q in found] == [
        ("reported", "Jürgen Trittin", "empfehlen")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "der [für die Region zuständige] Verband": the phrase inside names nobody; the
            # speaker is the noun phrase in its nominative, as "der zuständige Verband" (a
            # role such as "Koordinator" names nobody: its speaker stays empty)
            "Der für die Region zuständige Verband sagte, es gebe zu wenige Boote.",
            (
                "indirect",
                "Zuständiger Verband",
                "zuständige Verband",
                "sagen",
                "es gebe zu wenige Boote",
            ),
        ),
        (  # the accused of "wird vorgeworfen" said nothing; nobody is named
            "Strauss-Kahn wird vorgeworfen, eine Hotelangestellte festgehalten zu haben.",
            ("indirect", "", "", "vorwerfen", "eine Hotelangestellte festgehalten zu haben"),
        ),
    ],
)
def test_speaker_phrase_of_an_extended_attribute_or_a_passive(nlp, text, expected):
    assert rows(nlp, text) == [expected]


def test_vom_phrase_before_a_passive_cue_is_its_agent(nlp):
    text = (
        "Insbesondere im Norden wird die Gefahr von Waldbränden vom Deutschen Wetterdienst als "
        "„sehr hoch“ eingestuft."
    )
    assert [(r[0], r[2], r[4]) for r in rows(nlp, text)] == [
        ("mixed", "Deutschen Wetterdienst", "sehr hoch")
    ]


def test_relative_clause_with_a_comparison_after_its_verb_is_no_content(nlp):
    text = (
        "Wettervorhersagen kündigen für die nächsten Wochen Regenfälle an, die heftiger sein "
        "werden als üblich."
    )
    assert [row[0] for row in rows(nlp, text)] == ["reported"]


def test_reported_speech_of_a_body_named_by_a_common_noun(nlp):
    assert rows(nlp, "Das Parlament forderte die Aushändigung der Krone.") == [
        (
            "reported",
            "Parlament",
            "Das Parlament",
            "fordern",
            "Das Parlament forderte die Aushändigung der Krone",
        )
    ]
    # a fronted object that does not agree with the verb is no speaker
    text = "Die Pläne kritisierte der Präsident am Freitag bei einer Zeremonie."
    assert [r[:4] for r in rows(nlp, text)] == [("reported", "", "der Präsident", "kritisieren")]
    # a modal with a bare participle is no speech act that happened (the seed gold has none
    # for the sample's "Die Pläne will … Moon Jae In am Freitag … bekanntgegeben")
    text = "Die Pläne will der Präsident am Freitag bei einer Zeremonie bekanntgegeben."
    assert rows(nlp, text) == []


def test_wie_without_a_speaker_reports_nothing(nlp):
    assert rows(nlp, "Das Treffen endete ohne Ergebnis, wie erwartet.") == []


def test_source_of_a_whole_sentence_and_the_cue_inside_it(nlp):
    text = "Nach Angaben der Polizei habe der Mann verlangt, gegen diese Versuche vorzugehen."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Polizei",
            "Angaben der Polizei",
            "nach",
            "Nach Angaben der Polizei habe der Mann verlangt, gegen diese Versuche vorzugehen",
        ),
        ("indirect", "Mann", "der Mann", "verlangen", "gegen diese Versuche vorzugehen"),
    ]


def test_subject_with_apposition_and_relative_clause_introduces_a_quotation(nlp):
    # the whole prefield is the subject with its apposition and relative clause, not a
    # clause of its own: the speaker is not the object after the verb
    text = (
        "Sadiq Khan, eines der Parlamentsmitglieder, die den Brief unterschrieben, verurteilte "
        "die Haltung der Regierung. „Diese Regierung hat einige große Erfolge.“"
    )
    assert [(q[0], q[1], q[2]) for q in rows(nlp, text)] == [("direct", "Sadiq Khan", "Sadiq Khan")]


def test_question_put_to_someone_is_not_their_statement(nlp):
    assert rows(nlp, "Kim wurde auch gefragt, ob er willens sei, Schritte zu unternehmen.") == []


def test_dass_clause_after_a_verb_that_reports_nothing_is_no_quote(nlp):
    assert rows(nlp, "Es ist klar, dass die Gespräche weitergehen.") == []


def test_subject_with_a_relative_clause_speaks_and_is_no_content(nlp):
    text = (
        "Angela Merkel, die sich am Montag mit Macron getroffen hatte, sagte zur Begründung, "
        "sie wolle die Krise beenden."
    )
    assert rows(nlp, text) == [
        ("indirect", "Angela Merkel", "Angela Merkel", "sagen", "sie wolle die Krise beenden")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a quoted name is part of the subject
            "Die „Süddeutsche Zeitung“ hatte gestern berichtet, 200 Mitarbeiter sollen "
            "entlassen werden.",
            ("Süddeutsche Zeitung", "Die „Süddeutsche Zeitung“", "berichten"),
        ),
        (  # "wie" across a name apposition
            "Wie Steve Marshall, Sprecher der UN-Büros in Birma, in Bangkok mitteilte, hat die "
            "Regierung nur sechs Hubschrauber im Einsatz.",
            ("Steve Marshall", "Steve Marshall", "mitteilen"),
        ),
        (  # the subject of the first of two joined predicates
            "Der Trainer war ebenfalls anwesend und sagte, er freue sich über den Wechsel.",
            ("", "Der Trainer", "sagen"),
        ),
    ],
)
def test_subject_phrases_of_cues(nlp, text, expected):
    found = rows(nlp, text)
    assert len(found) == 1
    assert found[0][1:4] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a predicative "als" phrase is no subject
            "Als Begründung sagte ein Wissenschaftler: „Das ist ein sehr breites Feld.“",
            ("", "ein Wissenschaftler", "sagen"),
        ),
        (  # a subject with its article and a relative clause, before an object
            "Der NDR, der für den Vertrag verantwortlich ist, begründete die Einblendungen "
            "damit, dass geschützte Datenbanken genutzt würden.",
            ("NDR", "Der NDR", "begründen"),
        ),
    ],
)
def test_phrases_that_are_no_subjects(nlp, text, expected):
    found = rows(nlp, text)
    assert len(found) == 1
    assert found[0][1:4] == expected


def test_long_subject_found_by_the_parser(nlp):
    text = (
        "Der Vertreter der Arbeitgeber im Aufsichtsrat der Bundesagentur für Arbeit (BA), "
        "Peter Clever, hat in einem Interview gefordert, dass der Datenschutz gelockert werden "
        "solle."
    )
    mention = (
        "Der Vertreter der Arbeitgeber im Aufsichtsrat der Bundesagentur für Arbeit (BA), "
        "Peter Clever"
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Peter Clever",
            mention,
            "fordern",
            "dass der Datenschutz gelockert werden solle",
        )
    ]


def test_passive_cue_speaks_through_its_source_document(nlp):
    text = "In einem Bericht der Salzburger Nachrichten wurde vermutet, dass niemand überlebt hat."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Salzburger Nachrichten",
            "einem Bericht der Salzburger Nachrichten",
            "vermuten",
            "dass niemand überlebt hat",
        )
    ]


def test_quoted_fragment_is_mixed(nlp):
    assert rows(nlp, "Angela Merkel nannte das Treffen „sehr konstruktiv“.") == [
        ("mixed", "Angela Merkel", "Angela Merkel", "nennen", "sehr konstruktiv")
    ]


def test_speech_act_without_a_clause_is_reported(nlp):
    assert rows(nlp, "Donald Trump kritisierte die Sanktionen.") == [
        (
            "reported",
            "Donald Trump",
            "Donald Trump",
            "kritisieren",
            "Donald Trump kritisierte die Sanktionen",
        )
    ]


def test_continuation_quote_gets_the_previous_speaker(nlp):
    text = "„Wir sind bereit“, sagte Angela Merkel. „Wir machen weiter.“"
    assert rows(nlp, text) == [
        ("direct", "Angela Merkel", "Angela Merkel", "sagen", "Wir sind bereit"),
        ("direct", "Angela Merkel", "Angela Merkel", "", "Wir machen weiter."),
    ]


def test_anaphoric_cue_in_the_next_sentence(nlp):
    text = "Die Gespräche sind gescheitert. Das teilte der Sprecher Steffen Seibert mit."
    assert rows(nlp, text)[0] == (
        "indirect",
        "Steffen Seibert",
        "der Sprecher Steffen Seibert",
        "mitteilen",
        "Die Gespräche sind gescheitert",
    )


def test_stray_marks_and_spaces_do_not_break_speaker_finding(nlp):
    """Found by the robustness test: a speaker phrase made of spaces only."""
    text = "sagte ›  Olaf Scholz sagte: „Wir,“"
    for row in rows(nlp, text):
        assert row[0] in {"direct", "indirect", "mixed", "reported"}


# --- speakers --------------------------------------------------------------------------


def test_pronoun_by_gender(nlp):
    text = (
        "Bundeskanzlerin Angela Merkel traf Finanzminister Olaf Scholz in Berlin. "
        "„Wir sind uns einig“, sagte sie."
    )
    assert rows(nlp, text) == [("direct", "Angela Merkel", "sie", "sagen", "Wir sind uns einig")]


def test_role_resolves_to_the_person_introduced_with_it(nlp):
    text = "US-Präsident Donald Trump reiste nach Hanoi. „Wir sind bereit“, sagte der US-Präsident."
    assert rows(nlp, text) == [
        ("direct", "Donald Trump", "der US-Präsident", "sagen", "Wir sind bereit")
    ]


def test_role_is_not_taken_by_the_last_speaker_whose_role_differs(nlp):
    text = (
        "Donald Trump und der nordkoreanische Machthaber Kim Jong Un trafen sich in Hanoi. "
        "Am Vormittag teilte die Sprecherin "
        "des Weißen Hauses, Sarah Sanders, mit, das Treffen werde verkürzt. Später begründete "
        "der US-Präsident den Abbruch damit, dass man sich nicht einigen konnte."
    )
    assert [r[:3] for r in rows(nlp, text)] == [
        ("indirect", "Sarah Sanders", "die Sprecherin des Weißen Hauses, Sarah Sanders"),
        ("indirect", "Donald Trump", "der US-Präsident"),
    ]


def test_description_resolves_to_the_person_just_named(nlp):
    text = (
        "Außenminister Heiko Maas hat das Scheitern bedauert. "
        "„Das ist eine schlechte Nachricht“, sagte der SPD-Politiker."
    )
    assert rows(nlp, text)[-1] == (
        "direct",
        "Heiko Maas",
        "der SPD-Politiker",
        "sagen",
        "Das ist eine schlechte Nachricht",
    )


def test_organisation_speaker_gets_its_canonical_name(nlp):
    found = rows(nlp, "Das Weiße Haus teilte mit, die Gespräche würden fortgesetzt.")
    assert found == [
        (
            "indirect",
            "Weißes Haus",
            "Das Weiße Haus",
            "mitteilen",
            "die Gespräche würden fortgesetzt",
        )
    ]


def test_speaker_is_empty_rather_than_wrong(nlp):
    assert rows(nlp, "„Wir sind bereit“, hieß es.") == [("direct", "", "", "", "Wir sind bereit")]


def test_spokesperson_of_a_ministry_speaks_for_the_ministry(nlp):
    text = "Der Streit könne nicht über Nacht gelöst werden, sagte ein Sprecher des Ministeriums."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Ministerium",
            "ein Sprecher des Ministeriums",
            "sagen",
            "Der Streit könne nicht über Nacht gelöst werden",
        )
    ]


# --- clusters --------------------------------------------------------------------------


def test_content_words_drop_function_words_and_endings():
    assert content_words("Wir hatten mehrere Optionen und keine Option") == frozenset({"option"})


def test_links_need_shared_content_not_chance_overlap():
    body = content_words("Wir hatten mehrere Optionen und beschlossen, keine wahrzunehmen.")
    headline = content_words("Hatten Optionen, beschlossen, keine wahrzunehmen")
    other = content_words("Nordkorea testet keine Raketen und keine Atomwaffen mehr.")
    assert linked(body, headline)
    assert not linked(body, other)
    assert linked(content_words("begrüßenswert"), content_words("Begrüßenswert"))
    assert not linked(content_words("eine gute Idee"), content_words("keine gute Idee, sagte er"))


def test_speakers_must_be_compatible():
    assert compatible("Kim Jong", "Kim Jong Un")
    assert compatible("", "Donald Trump")
    assert not compatible("Kim Jong Un", "Kim Myong Gil")


def test_cluster_ids_are_the_first_quote_of_each_group():
    quote_rows = [
        {"quote_id": "b.txt#2", "speaker": "Donald Trump", "text": "Ich bin in keiner Eile."},
        {"quote_id": "a.txt#10", "speaker": "Donald Trump", "text": "Ich bin in keiner Eile"},
        {"quote_id": "a.txt#9", "speaker": "Kim Jong Un", "text": "Ich bin in keiner Eile"},
        {"quote_id": "c.txt#1", "speaker": "", "text": "Das Wetter wird besser."},
    ]
    assert cluster_ids(quote_rows) == ["a.txt#10", "a.txt#10", "a.txt#9", "c.txt#1"]


# --- the sample articles ---------------------------------------------------------------

# (document prefix, type, speaker, cue, text) in corpus order, as produced with the bundled
# pipeline; the texts are long, so they live in a JSON file beside this module
SAMPLE_ROWS = [tuple(row) for row in json.loads((HERE / "sample_quotes.json").read_text("utf-8"))]


def test_sample_quote_rows(sample):
    frame = sample.quotes()
    found = [(r.doc[:3], r.type, r.speaker, r.cue, r.text) for r in frame.itertuples(index=False)]
    assert found == SAMPLE_ROWS


def test_sample_offsets_point_into_the_files(sample):
    from conftest import CORPUS

    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for r in sample.quotes().itertuples(index=False):
        assert texts[r.doc][r.start : r.end] == r.text
        assert r.quote_id.startswith(r.doc + "#")


def test_sample_speakers_never_merge_the_two_kims(sample):
    speakers = set(sample.quotes()["speaker"])
    assert {"Kim Jong Un", "Kim Myong Gil"} <= speakers
    assert "Hause" not in speakers


def test_sample_clusters_group_one_statement_across_articles(sample):
    frame = sample.quotes(cluster=True)
    by_text = {(r.doc[:3], r.text): r.cluster for r in frame.itertuples(index=False)}
    headline = by_text[("000", "Hatten mehrere Optionen und beschlossen, keine wahrzunehmen")]
    assert headline == "000_67afc78a396a1445.txt#2"
    body = next(
        c for (d, t), c in by_text.items() if d == "000" and t.startswith("Wir hatten mehr")
    )
    assert body == headline
    first = by_text[("001", "Das heißt nicht, dass wir das an einem Tag tun, bei einem Treffen.")]
    again = by_text[
        ("003", "Das heißt aber nicht, dass wir das an einem Tag tun, bei einem Treffen")
    ]
    assert first == again == "001_cd8c320a8113852d.txt#14"
    assert by_text[("003", "Ich bin in keiner Eile")] == "003_8bc457fec8bb0262.txt#1"


def test_sample_speakers_count_statements_not_copies(sample):
    speakers = sample.speakers().set_index("speaker")
    trump = speakers.loc["Donald Trump"]
    assert list(speakers.columns) == ["statements", "quotes", "docs", "sentiment"]
    assert trump["statements"] < trump["quotes"]
    assert speakers.index[0] == "Donald Trump"


def test_bare_speech_act_of_an_action_verb_is_no_quote_but_names_the_speaker(nlp):
    text = "Heiko Maas bedauerte das Ende des Gipfels. Er halte einen neuen Anlauf für nötig."
    assert rows(nlp, text) == [
        ("indirect", "Heiko Maas", "Heiko Maas", "", "Er halte einen neuen Anlauf für nötig")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ein Sprecher von Tesla teilte mit.",  # no content at all
        "Dies kritisierte der Vorsitzende Klaus Meier.",  # content only in the sentence before
        "Dies gab Airbus im französischen Toulouse bekannt.",  # "Dies" parsed as the subject
    ],
)
def test_speech_act_without_content_of_its_own_is_not_reported(nlp, text):
    assert rows(nlp, text) == []


def test_konjunktiv_two_beside_a_present_indicative_is_the_writers_own(nlp):
    said = "„Wir sind bereit“, sagte Angela Merkel. "
    first = ("direct", "Angela Merkel", "Angela Merkel", "sagen", "Wir sind bereit")
    text = said + "Ein Verbindungsbüro würde einen Schritt zur Normalisierung bedeuten."
    assert (
        rows(nlp, text)[1][4]
        == "Ein Verbindungsbüro würde einen Schritt zur Normalisierung bedeuten"
    )
    text = said + (
        "Ein Verbindungsbüro hat nicht den Rang einer Botschaft, würde aber einen Schritt zur "
        "Normalisierung bedeuten."
    )
    assert rows(nlp, text) == [first]


def test_nominal_cue_in_a_clause_introducing_a_quotation_only_attributes_it(nlp):
    text = (
        "Trump sprach von einem Scheitern. Streitfall war demnach die Forderung nach "
        "Abrüstung: „Wir haben ihn aufgefordert, mehr zu tun.“"
    )
    assert [r[0] for r in rows(nlp, text)] == ["reported", "direct"]
    assert rows(nlp, text)[1][3:] == ("demnach", "Wir haben ihn aufgefordert, mehr zu tun.")


def test_name_after_a_genitive_name_and_a_noun_is_the_speaker(nlp):
    text = "Nordkoreas Verbündeter China äußerte die Hoffnung, dass die USA den Dialog fortsetzen."
    assert rows(nlp, text) == [
        (
            "indirect",
            "China",
            "Nordkoreas Verbündeter China",
            "äußern",
            "dass die USA den Dialog fortsetzen",
        )
    ]


def test_conjoined_cue_with_a_subject_of_its_own_is_not_the_first_verbs(nlp):
    text = (
        "Ein Sprecher des Präsidenten Moon Jae In nannte das Ergebnis bedauerlich, "
        "südkoreanische Medien berichteten darüber hinaus, dass Moon entsetzt reagiert habe."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "südkoreanische Medien",
            "südkoreanische Medien",
            "berichten",
            "dass Moon entsetzt reagiert habe",
        )
    ]


def test_clause_before_a_cue_in_the_perfect_is_reported_by_it(nlp):
    text = "Es drohe ein Rüstungswettlauf, hatte Barack Obama bei seinem Besuch in Moskau gesagt."
    assert rows(nlp, text) == [
        ("indirect", "Barack Obama", "Barack Obama", "sagen", "Es drohe ein Rüstungswettlauf")
    ]


def test_verlauten_speaks_through_its_aus_phrase(nlp):
    text = "Wie aus Unternehmenskreisen verlautete, will die Volkswagen AG ihr Werk umrüsten."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Unternehmenskreisen",
            "Unternehmenskreisen",
            "verlauten",
            "will die Volkswagen AG ihr Werk umrüsten",
        )
    ]


def test_nominal_cue_reports_only_its_part_between_semicolons(nlp):
    text = "Die Innenpolitik geht ihn laut Verfassung nichts an; seine Stellung ergibt sich anders."
    assert rows(nlp, text) == [
        (
            "indirect",
            "Verfassung",
            "Verfassung",
            "laut",
            "Die Innenpolitik geht ihn laut Verfassung nichts an",
        )
    ]


def test_claim_object_before_the_reported_clause_is_its_source(nlp):
    text = (
        "Angela Merkel lehnte den Vorschlag des Umweltministers Sigmar Gabriel (SPD) ab, die "
        "Atomaufsicht dem Bund zu übertragen. Das System habe sich bewährt."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Sigmar Gabriel",
            "den Vorschlag des Umweltministers Sigmar Gabriel (SPD)",
            "ablehnen",
            "die Atomaufsicht dem Bund zu übertragen",
        ),
        # who rejected the proposal speaks on
        ("indirect", "Angela Merkel", "Angela Merkel", "", "Das System habe sich bewährt"),
    ]


def test_claim_object_of_a_verb_uttering_it_is_no_source(nlp):
    text = "Die Regierung äußerte die Forderung, dass auch Japan den Verträgen zustimmen solle."
    assert [r[:4] for r in rows(nlp, text)] == [
        ("indirect", "Regierung", "Die Regierung", "äußern")
    ]


def test_impersonal_passive_expectation_of_a_fact_is_no_quote(nlp):
    assert rows(nlp, "Es wird erwartet, dass die Regierung eine Kooperation ins Auge fasst.") == []
    # other verbs, or a Konjunktiv, still report
    assert rows(nlp, "Es wird befürchtet, dass sich die Lage verschlechtern könnte.") == [
        ("indirect", "", "", "befürchten", "dass sich die Lage verschlechtern könnte")
    ]


@pytest.mark.parametrize(
    "text",
    [  # a participle set off by commas names, it does not speak
        "Zebroide, auch Zebra-Pferde genannt, sind Kreuzungen zwischen Zebras und Pferden.",
        # "geraten" without werden/haben is "to get into", not "to advise"
        "Dem Ministerpräsidenten gelang es, die Krise, in die die Regierung geraten war, "
        "erfolgreich zu meistern.",
    ],
)
def test_cue_words_that_say_nothing(nlp, text):
    assert rows(nlp, text) == []


def test_geraten_as_advice_still_reports(nlp):
    text = "Den Bewohnern wurde von der Polizei geraten, nicht nach draußen zu gehen."
    assert rows(nlp, text) == [
        ("indirect", "Polizei", "der Polizei", "raten", "nicht nach draußen zu gehen")
    ]


def test_laut_as_an_adjective_is_no_nominal_cue(nlp):
    assert rows(nlp, "Schon 2006 war vereinzelt Kritik an der Entscheidung laut geworden.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Die Rede mündete in eine Andeutung, dass einige Gruppen mit fremden Kräften "
            "zusammenarbeiteten.",
            (
                "indirect",
                "Andeutung",
                "eine Andeutung",
                "Andeutung",
                "dass einige Gruppen mit fremden Kräften zusammenarbeiteten",
            ),
        ),
        (
            "Die Behauptung der Regierung, dass die Wahl frei gewesen sei, wurde zurückgewiesen.",
            (
                "indirect",
                "Regierung",
                "Die Behauptung der Regierung",
                "Behauptung",
                "dass die Wahl frei gewesen sei",
            ),
        ),
    ],
)
def test_claim_noun_before_a_dass_clause_reports_it(nlp, text, expected):
    assert rows(nlp, text) == [expected]


def test_name_of_the_document_tagged_as_an_adverb_before_the_cue_speaks(nlp):
    text = (
        "Hansjörg Elshorst, Vorstandsvorsitzender von Transparency International, äußerte sich "
        "in einem Interview zu dem Vorfall. Elshorst wies darauf hin, dass Siemens bei der "
        "Organisation Mitglied sei."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Hansjörg Elshorst",
            "Elshorst",
            "hinweisen",
            "dass Siemens bei der Organisation Mitglied sei",
        )
    ]


def test_pronoun_opening_a_colon_introducer_with_a_mistagged_verb_speaks(nlp):
    text = (
        "„Das war ein Unfall“, sagte der Abgeordnete John Kline. Er fuhr fort: „Das war keine "
        "Reaktion auf einen Angriff.“"
    )
    assert rows(nlp, text)[1] == (
        "direct",
        "John Kline",
        "Er",
        "",
        "Das war keine Reaktion auf einen Angriff.",
    )


def test_role_phrase_followed_by_a_name_in_apposition_is_that_person(nlp):
    from newscorp.extract.entities import mentions
    from newscorp.extract.speakers import SpeakerResolver

    doc = nlp("Der Vorsitzende des Ausschusses, Sebastian Edathy, verteidigte den Entwurf.")
    resolver = SpeakerResolver(doc, list(mentions(doc, "t.txt")))
    assert resolver.resolve(doc[0:4], 0) == "Sebastian Edathy"  # the parse stopped at ","


# --- rules for the parses of the retrained UD part (they hold on both parsers) -------------


def test_cue_after_a_konjunktiv_clause_keeps_it_whatever_subject_the_parser_gives(nlp):
    # a parser may hang "Es" or the dass-clause's subject on "hieß"; "hieß es" has its own
    text = (
        "Es sei offensichtlich, dass dieser Prozess Zeit erfordere, "
        "hieß es in einer Erklärung des Ministeriums."
    )
    assert rows(nlp, text) == [
        (
            "indirect",
            "Ministerium",  # the genitive -s goes
            "einer Erklärung des Ministeriums",
            "heißen",
            "Es sei offensichtlich, dass dieser Prozess Zeit erfordere",
        )
    ]


def test_clause_before_a_colon_and_a_quotation_attributed_by_so_is_no_statement(nlp):
    text = (
        "Schuld gab er dann auch früheren Regierungen: »Das hätte gelöst werden müssen«, so Trump."
    )
    assert rows(nlp, text) == [("direct", "Trump", "Trump", "so", "Das hätte gelöst werden müssen")]


def test_quoted_fragment_takes_the_nearest_cue_before_it(nlp):
    text = (
        "Es sei „eine gute Idee“, sagte Trump am Donnerstag in Hanoi, "
        "Kim nannte sie „begrüßenswert“."
    )
    assert rows(nlp, text) == [
        ("mixed", "Trump", "Trump", "sagen", "eine gute Idee"),
        ("mixed", "Kim", "Kim", "nennen", "begrüßenswert"),
    ]


def test_quotation_opening_a_cued_sentence_or_after_a_speaker_colon_is_direct(nlp):
    # whatever the tagger makes of "Erwarten" (a noun for the retrained tagger)
    assert rows(nlp, "„Erwarten Sie mehr Raketen-Tests“, schrieb Panda.") == [
        ("direct", "Panda", "Panda", "schreiben", "Erwarten Sie mehr Raketen-Tests")
    ]
    assert rows(nlp, "Experte Panda: „Erwarten Sie mehr Raketen-Tests“") == [
        ("direct", "Panda", "Panda", "", "Erwarten Sie mehr Raketen-Tests")
    ]


def test_quoted_motto_or_work_title_is_no_quotation(nlp):
    assert rows(nlp, "Unter dem Motto „Lolls bleibt bestehen“ wird in Bad Hersfeld gefeiert.") == []


def test_ausgehen_with_davon_after_a_long_subject_is_a_cue(nlp):
    text = "Zu dieser Zeit ging die Anwältin der Frau noch davon aus, dass er verhaftet würde."
    assert rows(nlp, text) == [
        ("indirect", "", "die Anwältin der Frau", "ausgehen", "dass er verhaftet würde")
    ]


def _built(words, pos, heads=None, deps=None, ents=None, spaces=None, tags=None):
    import spacy
    from spacy.tokens import Doc

    return Doc(
        spacy.blank("de").vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        heads=heads,
        deps=deps,
        ents=ents,
    )


def test_phrase_is_not_cut_inside_a_name():
    from newscorp.extract.phrases import phrase_from

    doc = _built(
        ["Präsident", "Moon", "Jae", "In", "sagte"],
        ["NOUN", "PROPN", "PROPN", "ADP", "VERB"],
        ents=["O", "B-PER", "I-PER", "I-PER", "O"],
    )
    assert phrase_from(doc, 0, 5, set()).text == "Präsident Moon Jae In"


def test_subject_after_a_comma_the_parser_hung_on_it():
    from newscorp.extract.phrases import subject_phrase

    # "Trump lachte , Kim nannte es gut": the comma is a child of "Kim"
    doc = _built(
        ["Trump", "lachte", ",", "Kim", "nannte", "es", "gut"],
        ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "ADJ"],
        heads=[1, 1, 3, 4, 1, 4, 4],
        deps=["nsubj", "ROOT", "punct", "nsubj", "parataxis", "obj", "xcomp"],
        ents=["B-PER", "O", "O", "B-PER", "O", "O", "O"],
    )
    assert subject_phrase(doc[4], 0, 7, set()).text == "Kim"


def test_name_before_the_verb_beats_a_case_ambiguous_pronoun_after_it():
    from newscorp.extract.phrases import subject_phrase

    # ", Kim nannte sie gut" parsed with "sie" as the subject and "Kim" hung elsewhere
    doc = _built(
        ["Trump", "lachte", ",", "Kim", "nannte", "sie", "gut"],
        ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "ADJ"],
        heads=[1, 1, 1, 1, 1, 4, 4],
        deps=["nsubj", "ROOT", "punct", "dep", "parataxis", "nsubj", "xcomp"],
        ents=["B-PER", "O", "O", "B-PER", "O", "O", "O"],
    )
    assert subject_phrase(doc[4], 0, 7, set()).text == "Kim"
    doc = _built(
        ["Trump", "lachte", ",", "Kim", "nannte", "er", "gut"],
        ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "ADJ"],
        heads=[1, 1, 1, 1, 1, 4, 4],
        deps=["nsubj", "ROOT", "punct", "dep", "parataxis", "nsubj", "xcomp"],
        ents=["B-PER", "O", "O", "B-PER", "O", "O", "O"],
    )
    assert subject_phrase(doc[4], 0, 7, set()).text == "er"  # "er" is nominative


def test_quoted_common_compound_tagged_as_a_name_is_no_title():
    from newscorp.extract.marks import QuoteMarks, is_title

    words = ["nur", "ein", "„", "Papiertiger", "“", "sei"]
    doc = _built(
        words,
        ["ADV", "DET", "PUNCT", "PROPN", "PUNCT", "AUX"],
        spaces=[True, True, False, False, True, False],
    )
    start = doc.text.index("Papiertiger")
    mark = QuoteMarks(start, start + len("Papiertiger"))
    span = doc.char_span(mark.start, mark.end)
    assert not is_title(doc.text, mark, span, False)


@pytest.mark.parametrize(
    ("quoted", "pos", "title"),
    [
        (["Grupo", "Planeta"], ["NOUN", "NOUN"], True),  # not German: a name
        (["Los", "Cinco", "Heroes"], ["X", "NOUN", "NOUN"], True),
        (["Gefälschte", "Demokratie"], ["ADJ", "NOUN"], False),  # German words: a phrase
        (["Geschäft", "des", "Jahrhunderts"], ["NOUN", "DET", "NOUN"], False),
    ],
)
def test_quoted_capitalised_words_are_a_name_unless_all_german(quoted, pos, title):
    from newscorp.extract.marks import QuoteMarks, is_title

    words = ["es", "sei", "zur", "„", *quoted, "“", "gekommen"]
    doc = _built(
        words,
        ["PRON", "AUX", "ADP", "PUNCT", *pos, "PUNCT", "VERB"],
        spaces=[True, True, True, False, *[True] * (len(quoted) - 1), False, True, False],
    )
    start = doc.text.index(quoted[0])
    mark = QuoteMarks(start, start + len(" ".join(quoted)))
    assert is_title(doc.text, mark, doc.char_span(mark.start, mark.end), False) is title


def test_short_quoted_clause_after_an_article_is_a_name():
    from newscorp.extract.marks import QuoteMarks, is_title

    # the tagger took "Hvalur" for a finite verb: die „Hvalur 9“, ein Schiff
    doc = _built(
        ["die", "„", "Hvalur", "9", "“", ",", "ein", "Schiff"],
        ["DET", "PUNCT", "VERB", "NUM", "PUNCT", "PUNCT", "DET", "NOUN"],
        spaces=[True, False, True, False, False, True, True, False],
    )
    start = doc.text.index("Hvalur")
    mark = QuoteMarks(start, start + len("Hvalur 9"))
    assert is_title(doc.text, mark, doc.char_span(mark.start, mark.end), True)


def test_possessive_tagged_as_a_noun_stays_with_its_source_noun():
    from newscorp.extract.quotes import quotes

    # the retrained tagger calls "Seiner" a noun (tag PPOSAT, attached det:poss)
    doc = _built(
        ["Seiner", "Meinung", "nach", "sei", "die", "Lage", "ernst", "."],
        ["NOUN", "NOUN", "ADP", "AUX", "DET", "NOUN", "ADJ", "PUNCT"],
        heads=[1, 6, 1, 6, 5, 6, 6, 6],
        deps=["det:poss", "obl", "case", "cop", "det", "nsubj", "ROOT", "punct"],
        spaces=[True, True, True, True, True, True, False, False],
        tags=["PPOSAT", "NN", "APPO", "VAFIN", "ART", "NN", "ADJD", "$."],
    )
    found = [(q.type, q.speaker_mention, q.cue, q.text) for q in quotes(doc, "t", [])]
    assert found == [
        ("indirect", "Seiner Meinung", "nach", "Seiner Meinung nach sei die Lage ernst")
    ]


def _parsed_rows(nlp, items: str) -> list[tuple[str, str, str]]:
    """(type, speaker_mention, cue) of the quotes of a hand-parsed Doc (conftest.parsed)."""
    from conftest import parsed

    from newscorp.extract.quotes import quotes

    doc = parsed(nlp, items)
    return [(q.type, q.speaker_mention, q.cue) for q in quotes(doc, "t.txt", [])]


def test_nominative_object_of_a_verb_without_subject_is_its_speaker(nlp):
    # the parser took the plural noun before the verb for an object; it is nominative and
    # the verb has no subject, so it is the subject
    items = (
        "Augenzeugen/NOUN/obj/1//Case=Nom|Number=Plur "
        "berichteten/VERB/ROOT/1/berichten/Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin "
        "von/ADP/case/3 Panzerbewegungen/NOUN/obl/1//Case=Dat|Number=Plur ./PUNCT/punct/1"
    )
    assert _parsed_rows(nlp, items) == [("reported", "Augenzeugen", "berichten")]
    # an accusative object is no speaker
    items = items.replace("Case=Nom|Number=Plur", "Case=Acc|Number=Plur", 1)
    assert _parsed_rows(nlp, items) == []


# "Der Zeitung sagte Karma, dass er komme": the parser made the dative a subject too
_DATIVE_AND_NOMINATIVE = (
    "Der/DET/det/1//Case=Dat|Number=Sing Zeitung/NOUN/nsubj/2//Case=Dat|Number=Sing "
    "sagte/VERB/ROOT/2/sagen/Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin "
    "Karma/PROPN/nsubj/2//Case=Nom|Number=Sing ,/PUNCT/punct/7 dass/SCONJ/mark/7 "
    "er/PRON/nsubj/7//Case=Nom|Number=Sing "
    "komme/VERB/ccomp/2/kommen/Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin "
    "./PUNCT/punct/2"
)


@pytest.mark.parametrize(
    ("items", "speaker"),
    [
        # of two subjects, one in another case than the nominative is passed over
        (_DATIVE_AND_NOMINATIVE, "Karma"),
        # both nominative: the first subject stays the speaker
        (_DATIVE_AND_NOMINATIVE.replace("Case=Dat", "Case=Nom"), "Der Zeitung"),
        (  # the article before an extended attribute gives the subject its case: "Der
            # [für die Region zuständige] Koordinator", the noun analysed as accusative
            "Der/DET/det/5//Case=Nom|Number=Sing für/ADP/case/3 die/DET/det/3//Case=Acc "
            "Region/NOUN/nmod/4//Case=Acc zuständige/ADJ/amod/5/zuständig/Case=Nom "
            "Koordinator/NOUN/nsubj/6//Case=Acc|Gender=Masc|Number=Plur "
            "sagte/VERB/ROOT/6/sagen/Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin "
            ",/PUNCT/punct/10 dass/SCONJ/mark/10 er/PRON/nsubj/10//Case=Nom|Number=Sing "
            "komme/VERB/ccomp/6/kommen/Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin "
            "./PUNCT/punct/6",
            "zuständige Koordinator",
        ),
    ],
)
def test_the_speaker_is_the_subject_in_the_nominative(nlp, items, speaker):
    assert _parsed_rows(nlp, items) == [("indirect", speaker, "sagen")]


def test_nominalised_adjective_subject_is_the_speaker(nlp):
    items = (
        "Angehörige/ADJ/nsubj/1//Case=Nom|Number=Plur "
        "beklagten/VERB/ROOT/1/beklagen/Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin "
        "sich/PRON/obj/1 über/ADP/case/5 mangelnde/ADJ/amod/5/mangelnd "
        "Information/NOUN/obl/1//Case=Acc|Number=Sing ./PUNCT/punct/1"
    )
    assert _parsed_rows(nlp, items) == [("reported", "Angehörige", "beklagen")]


def test_infinitive_under_lassen_speaks_with_the_subject_of_lassen(nlp):
    # "Dazu ließ Welajati verbreiten, Iran werde …": the parser made "verbreiten" an xcomp
    items = (
        "Dazu/ADV/advmod/1 ließ/VERB/ROOT/1/lassen/Mood=Ind|Tense=Past|VerbForm=Fin "
        "Welajati/PROPN/nsubj/1//Case=Nom|Number=Sing im/ADP/case/5 Rundfunk/NOUN/obl/1 "
        "verbreiten/VERB/xcomp/1//VerbForm=Inf ,/PUNCT/punct/10 Iran/PROPN/nsubj/10//Case=Nom "
        "werde/AUX/aux/10/werden/Mood=Sub nicht/PART/advmod/10 "
        "nachgeben/VERB/ccomp/5//VerbForm=Inf ./PUNCT/punct/1"
    )
    assert _parsed_rows(nlp, items) == [("indirect", "Welajati", "verbreiten")]


def test_modal_with_a_bare_participle_is_no_reported_speech_act(nlp):
    # "Die Pläne will der Präsident am Freitag bekanntgegeben": no "haben", nothing was said
    items = (
        "Die/DET/det/1 Pläne/NOUN/obj/7//Case=Acc|Number=Plur "
        "will/VERB/aux/7/wollen/Mood=Ind|Number=Sing|VerbForm=Fin der/DET/det/4 "
        "Präsident/NOUN/nsubj/7//Case=Nom|Number=Sing am/ADP/case/6 Freitag/NOUN/obl/7 "
        "bekanntgegeben/VERB/ROOT/7/bekanntgeben/VerbForm=Part ./PUNCT/punct/7"
    )
    assert _parsed_rows(nlp, items) == []
    # with the perfect auxiliary it was said: "hat … bekanntgegeben"
    said = items.replace("will/VERB/aux/7/wollen", "hat/AUX/aux/7/haben")
    assert _parsed_rows(nlp, said) == [("reported", "der Präsident", "bekanntgeben")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a relative clause on an adverbial stands between the cue and what it reports
            "Müller sagte in einem Interview, das am Montag erschien, er wolle zurücktreten.",
            [("indirect", "Müller", "Müller", "sagen", "er wolle zurücktreten")],
        ),
        (  # the reported clause's first field, cut off from its verb by a relative clause
            "Ministerin Svenja Schulze erklärte, in den Ländern, in denen die Reform umgesetzt "
            "wurde, sei die Arbeitslosigkeit gesunken.",
            [
                (
                    "indirect",
                    "Svenja Schulze",
                    "Ministerin Svenja Schulze",
                    "erklären",
                    "in den Ländern, in denen die Reform umgesetzt wurde, sei die "
                    "Arbeitslosigkeit gesunken",
                )
            ],
        ),
        (  # a clause opened by "wer" right after the cue is the reported clause's subject
            "Er sagte, wer auf Polizisten schieße, sei ein Verbrecher.",
            [("indirect", "", "Er", "sagen", "wer auf Polizisten schieße, sei ein Verbrecher")],
        ),
        (  # the dass-clause after a relative clause is the relative clause's
            "Diese Stoffe wurden in der Luft festgestellt, was ein Hinweis darauf ist, "
            "dass sie noch in Gebrauch sind.",
            [],
        ),
    ],
)
def test_relative_clause_between_cue_and_content(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a quoted first part of a compound is a name, not a quotation
            "Wie die „Bild“-Zeitung berichtete, leidet Fred Delmare an Alzheimer.",
            (
                "indirect",
                "Bild-Zeitung",
                "die „Bild“-Zeitung",
                "berichten",
                "leidet Fred Delmare an Alzheimer",
            ),
        ),
        (  # the "bei" phrase of "hieß es" is the source
            "Bei der Agentur RIA hieß es, dass es zwei Detonationen gegeben haben soll.",
            (
                "indirect",
                "RIA",
                "der Agentur RIA",
                "heißen",
                "dass es zwei Detonationen gegeben haben soll",
            ),
        ),
    ],
)
def test_sources_named_in_a_compound_or_a_bei_phrase(nlp, text, expected):
    assert rows(nlp, text) == [expected]


def test_of_two_subjects_the_one_agreeing_with_the_verb_speaks(nlp):
    # the parser makes both the relative pronoun "die" and "er" subjects of "sagt"; only
    # "er" agrees with it in number
    text = (
        "Der Anwalt Peter Müller ist empört über die gleiche Staatsanwaltschaft, die, wie er "
        "sagt, die Ermittlungen gegen seinen Mandanten damals sehr einseitig geführt habe."
    )
    assert [(q[1], q[2], q[3]) for q in rows(nlp, text)] == [("Peter Müller", "er", "sagen")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the reported clause's own verb is a cue verb under a Konjunktiv auxiliary
            "Der Sprecher des Ministeriums sagte, die Ministerin habe den Plan bestätigt.",
            (
                "Ministerium",
                "Der Sprecher des Ministeriums",
                "sagen",
                "die Ministerin habe den Plan bestätigt",
            ),
        ),
        (
            "Die Zeitung meldete am Montag, der Konzern werde die Übernahme bekanntgeben.",
            ("Zeitung", "Die Zeitung", "melden", "der Konzern werde die Übernahme bekanntgeben"),
        ),
        (  # the participle "bezweifelt", which the tagger reads as a present tense (VVFIN)
            "Die Zeitung meldet, die Journalistin habe die Angaben des Militärs bezweifelt.",
            (
                "Zeitung",
                "Die Zeitung",
                "melden",
                "die Journalistin habe die Angaben des Militärs bezweifelt",
            ),
        ),
        (  # a finite cue verb after the clause reports it on its own
            "Die Ministerin habe den Plan bestätigt, berichtete die Zeitung.",
            ("Zeitung", "die Zeitung", "berichten", "Die Ministerin habe den Plan bestätigt"),
        ),
        (  # the reported clause's finite verb is a cue verb in the Konjunktiv
            "Die Zeitung meldete, der Minister rechne mit einer Verhandlung.",
            ("Zeitung", "Die Zeitung", "melden", "der Minister rechne mit einer Verhandlung"),
        ),
        (
            "Die Polizei sagte, der Bürgermeister hoffe auf eine schnelle Einigung.",
            (
                "Polizei",
                "Die Polizei",
                "sagen",
                "der Bürgermeister hoffe auf eine schnelle Einigung",
            ),
        ),
    ],
)
def test_reported_clause_whose_verb_is_a_cue_verb(nlp, text, expected):
    assert [q[1:] for q in rows(nlp, text)] == [expected]


def test_konjunktiv_cue_verb_opening_a_coordinated_clause_is_no_reported_clause(nlp):
    # "spreche" shares the subject of "gebe … zu": it is not what "gebe zu" reports
    text = "Der Mann selbst gebe die Vorwürfe zu, spreche aber von Notwehr."
    assert [q[3:] for q in rows(nlp, text)] == [
        ("sprechen", "Der Mann selbst gebe die Vorwürfe zu")
    ]


def test_quoted_fragment_in_a_reported_clause_is_the_reporters(nlp):
    # "erinnere" is a cue verb inside what "sagte" reports: the fragment is Hatzius's
    text = (
        "Der Redakteur Martin Hatzius sagte, die Aktion erinnere „fatal an die "
        "Bücherverbrennung auf dem Bebelplatz“."
    )
    assert [q[:4] for q in rows(nlp, text)] == [
        ("mixed", "Martin Hatzius", "Der Redakteur Martin Hatzius", "sagen")
    ]


def test_cue_after_a_colon_reports_nothing_before_it(nlp):
    # "So sagte Rehn" opens what follows the colon, not the sentence before it
    text = (
        "Aber auch die EU-Kommission kritisierte die Art und Weise, wie das Gesetz "
        "verabschiedet wurde, scharf: So sagte Olli Rehn, EU-Erweiterungskommissar: „Man kann "
        "der türkischen Bevölkerung nicht ein Gesetz vorknallen und damit jede Diskussion "
        "beenden.“"
    )
    assert [q[:4] for q in rows(nlp, text)] == [("direct", "Olli Rehn", "Olli Rehn", "sagen")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # the cue's own clause goes on with an indicative verb after the reported one
            "Der Angeklagte hatte vor Gericht erklärt, er sei unschuldig, erkannte die "
            "Autorität des Gerichtes nicht an und weigerte sich, seinen Namen zu nennen.",
            "er sei unschuldig",
        ),
        (  # a Konjunktiv verb opening the next chunk goes on with the reported speech
            "Der Minister sagte, die Lage sei ernst, habe sich aber gebessert.",
            "die Lage sei ernst, habe sich aber gebessert",
        ),
    ],
)
def test_reported_clause_ends_where_the_cue_clause_goes_on(nlp, text, content):
    assert [q[4] for q in rows(nlp, text)] == [content]


def test_subject_of_a_perfect_passive_cue_is_no_speaker(nlp):
    # "worden" after the participle makes it passive as "wurde" before it does
    text = "Gestern war berichtet worden, dass es zwischen den beiden Politikern Streit gab."
    assert [q[1:4] for q in rows(nlp, text)] == [("", "", "berichten")]


def test_full_quotation_takes_the_nearest_cue_before_it(nlp):
    # a cue in a subordinate clause before the introducing one does not speak the quotation
    text = (
        "Nachdem er von der Moderatorin Anna Keller gefragt wurde, was seine Partei "
        "unterscheide, entgegnete Bernhard Suttner: „Wollen Sie das einfach so stehen lassen? "
        "Er hat Ihnen irgendwas erzählt.“"
    )
    assert [q[:4] for q in rows(nlp, text)] == [
        ("direct", "Bernhard Suttner", "Bernhard Suttner", "entgegnen")
    ]


def test_adverb_damit_before_its_verb_opens_an_indicative_main_clause(nlp):
    # "Damit tritt … an" is a main clause (not "damit" = so that), so the Konjunktiv II of
    # the concessive clause after it is the writer's own hypothesis, not reported speech
    from newscorp.extract.quotes import QuoteFinder

    text = (
        "Damit tritt Alan García voraussichtlich die Nachfolge von Präsident Alejandro Toledo "
        "an, auch wenn sich sein Vorsprung auf Ollanta Humala nach der Auszählung aller "
        "Stimmen, gerade aus dem ländlichen Raum, noch verkleinern könnte."
    )
    finder = QuoteFinder(nlp(text), "t.txt", [])
    (unit,) = finder.sents
    first = finder.chunks(unit.start, unit.end)[0]
    assert finder._reporting_chunk(*first)
    assert finder._konjunktiv(unit.start, unit.end) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ein Augenzeuge erzählte der Nachrichtenagentur Reuters, Anhänger der Regierung "
            "auf Motorrädern hätten Demonstranten mit Stöcken angegriffen.",
            (
                "Ein Augenzeuge",
                "erzählen",
                "Anhänger der Regierung auf Motorrädern hätten Demonstranten mit Stöcken "
                "angegriffen",
            ),
        ),
        (
            "Die Ärztin schilderte, dass die Frau einen Herzstillstand im Wasser hatte.",
            ("Die Ärztin", "schildern", "dass die Frau einen Herzstillstand im Wasser hatte"),
        ),
        (
            "Der Trainer konterte, seine Mannschaft habe das Spiel dominiert.",
            ("Der Trainer", "kontern", "seine Mannschaft habe das Spiel dominiert"),
        ),
    ],
)
def test_narrating_and_retorting_verbs_are_cues(nlp, text, expected):
    assert [q[2:] for q in rows(nlp, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Sein Asylantrag wurde 2012 abgelehnt, aber aus Sicherheitsgründen wurde ihm der Pass "
        "entzogen.",
        "In erster Instanz ist die Wiener Linien GmbH bereits schuldig gesprochen worden, doch "
        "die Beklagten haben gegen das Urteil Berufung eingelegt und gehen in die nächste "
        "Instanz.",
    ],
)
def test_clause_opening_with_a_coordinator_is_no_reported_clause(nlp, text):
    # "aber …", "doch …" after a cue verb is a main clause of its own, nothing it reports
    assert rows(nlp, text) == []


# --- interviews ------------------------------------------------------------------------


def test_interview_answers_are_direct_quotes_of_the_person_who_gives_them(nlp):
    text = (
        "STANDARD: Wie geht es Ihnen? Hofer: Gut. Ich bin zufrieden. "
        "STANDARD: Und was sagen Sie zur Wahl? Hofer: Das entscheiden die Wähler."
    )
    assert rows(nlp, text) == [
        ("direct", "Hofer", "Hofer", "", "Gut. Ich bin zufrieden."),
        ("direct", "Hofer", "Hofer", "", "Das entscheiden die Wähler."),
    ]


def test_repeated_colons_of_common_words_are_no_interview(nlp):
    from newscorp.extract.interviews import interview

    text = "Tore: Müller, Meier. Ersatz: Huber. Tore: Schmid. Ersatz: Bauer."
    assert interview(nlp(text)) is None


def test_a_second_plain_noun_starts_another_phrase(nlp):
    from newscorp.extract.phrases import phrase_from

    doc = nlp("Er bekam auch nach seinem Ausscheiden Informationen aus der Bank.")
    start = next(t.i for t in doc if t.text == "seinem")
    assert phrase_from(doc, start, len(doc), set()).text == "seinem Ausscheiden"
    doc = nlp("Das berichtete die Zeitung Dawn am Samstag.")
    start = next(t.i for t in doc if t.text == "die")
    assert phrase_from(doc, start, len(doc), set()).text == "die Zeitung Dawn"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a group in the dative or genitive plural is named in the nominative
        ("Laut britischen Medien ist der Minister zurückgetreten.", "Britische Medien"),
        ("Nach Angaben der russischen Behörden gab es drei Tote.", "Russische Behörden"),
        ("Von mehreren Fraktionen wurde der Antrag kritisiert.", "Mehrere Fraktionen"),
        ("Laut den beiden Ländern sei das verboten.", "Beide Länder"),
        # a masculine or neuter noun in -en may be the dative of a plural in -e: as written
        ("Laut geltenden Gesetzen sei das verboten.", "geltenden Gesetzen"),
        # ... but a nominalised adjective, which would change its ending too, stays
        ("Laut vielen Jugendlichen sei die Party gut gewesen.", "vielen Jugendlichen"),
        # the maker of a source named after the source's adjectives, without its genitive -s
        (
            "Laut der gemeinsamen Erklärung des Airbus-Gesamtbetriebsrates sei das Werk bedroht.",
            "Airbus-Gesamtbetriebsrat",
        ),
        ("Laut einer Erklärung des Außenministeriums sei das Werk bedroht.", "Außenministerium"),
    ],
)
def test_speaker_names_of_groups_and_sources_in_the_nominative(nlp, text, speaker):
    assert [r[1] for r in rows(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a press release or a draft names no speaker of its own: its maker does
        ("Laut Aussendung sei der Schaden gering.", ""),
        ("Laut einer Aussendung der Polizei sei der Schaden gering.", "Polizei"),
        ("Laut dem Entwurf der Regierung soll die Steuer sinken.", "Regierung"),
        # a text names nobody ("Schreiben" is no source noun: "nach dem Schreiben des Briefes")
        ("In dem Schreiben heißt es, die Schüler seien zur Teilnahme verpflichtet.", ""),
        ("Laut einem Beitrag der Polizei sei der Schaden gering.", "Polizei"),
    ],
)
def test_documents_are_sources_not_speakers(nlp, text, speaker):
    assert [r[1] for r in rows(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("form", "infinitive", "expected"),
    [
        ("gesagt", "sagen", True),  # a weak participle
        ("geraten", "raten", True),  # a strong participle listed in cues.txt
        ("riet", "raten", True),
        ("geriet", "raten", False),  # "ge" + a past form is "geraten" (get into), not raten
    ],
)
def test_verb_guesses_of_participles(form, infinitive, expected):
    assert (infinitive in verb_guesses(form)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "sich zeigen" with an attitude reports one; data that "show" something do not speak
        (
            "Noch am Samstag hatte sich US-Außenminister Mike Pompeo zuversichtlich gezeigt, "
            "dass die Gespräche Fortschritte bringen könnten.",
            [("indirect", "Mike Pompeo", "zeigen")],
        ),
        ("Erste Zahlen zeigen, dass der Trend aus dem Vorjahr anhält.", []),
        ("Die Studie zeigt, dass Jungtiere Quietschlaute nutzen.", []),
    ],
)
def test_zeigen_reports_only_as_sich_zeigen(nlp, text, expected):
    assert [(r[0], r[1], r[3]) for r in rows(nlp, text)] == expected


def test_two_roles_joined_before_a_name_are_one_speaker(nlp):
    text = (
        "OeNB-Gouverneur und EZB-Rat Ewald Nowotny warnt vor einer möglichen "
        "Wettbewerbsverzerrung durch die steigenden Abgaben. Die Bankenabgabe sei ein "
        "wesentlich hoher Betrag."
    )
    mention = "OeNB-Gouverneur und EZB-Rat Ewald Nowotny"
    assert [r[:3] for r in rows(nlp, text)] == [
        ("reported", "Ewald Nowotny", mention),
        ("indirect", "Ewald Nowotny", mention),
    ]


def test_roles_joined_to_a_role_with_an_article_are_two_speakers(nlp):
    from newscorp.extract.phrases import phrase_from

    doc = nlp("Der Präsident und die Kanzlerin Angela Merkel sagten, man sei sich einig.")
    assert phrase_from(doc, 0, len(doc), set()).text == "Der Präsident"


def test_the_bare_noun_after_laut_ends_before_the_next_plain_noun(nlp):
    from newscorp.extract.phrases import phrase_from

    doc = nlp("Der Politiker soll laut Anklage Gelder aus dem Sonderfonds verwendet haben.")
    assert phrase_from(doc, 4, len(doc), set()).text == "Anklage"
    doc = nlp("Das Gerät soll bald erscheinen, wie Business Insider berichtet.")
    assert phrase_from(doc, 7, len(doc), set()).text == "Business Insider"
