"""Figures, days and names read from French, German, Italian and Spanish text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprobe.corpus.i18n.dates import days_named
from newsprobe.corpus.i18n.figures import ANALYZER, read_figures
from newsprobe.corpus.i18n.lexicon import LANGUAGES, lexicon
from newsprobe.corpus.names import capitalized_names, fold, name_keys


def _read(
    text: str, language: str
) -> list[tuple[str, float | None, float | None, float | None, bool, str, str | None]]:
    return [
        (q.text, q.value, q.lower, q.upper, q.approximate, q.dimension, q.about)
        for q in read_figures(text, language)
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "L'entretien a duré une vingtaine de minutes.",
         ("une vingtaine de minutes", 20.0, None, None, True, "duration", None)),
        ("de", "Das Gespräch dauerte rund 20 Minuten.",
         ("rund 20 Minuten", 20.0, None, None, True, "duration", None)),
        ("es", "La reunión duró unos veinte minutos.",
         ("unos veinte minutos", 20.0, None, None, True, "duration", None)),
        ("it", "Il colloquio è durato una ventina di minuti.",
         ("una ventina di minuti", 20.0, None, None, True, "duration", None)),
        ("fr", "Plus de 30 morts dans l'attentat.",
         ("Plus de 30 morts", None, 30.0, None, True, "casualties", "dead")),
        ("de", "Mehr als 30 Tote nach dem Anschlag.",
         ("Mehr als 30 Tote", None, 30.0, None, True, "casualties", "dead")),
        ("it", "Oltre 30 morti nell'attentato.",
         ("Oltre 30 morti", None, 30.0, None, True, "casualties", "dead")),
        ("es", "Más de 30 muertos en el atentado.",
         ("Más de 30 muertos", None, 30.0, None, True, "casualties", "dead")),
        ("fr", "La rencontre a duré trois quarts d'heure.",
         ("trois quarts d'heure", 45.0, None, None, False, "duration", None)),
        ("de", "Sie trafen sich eine Dreiviertelstunde lang.",
         ("eine Dreiviertelstunde", 45.0, None, None, False, "duration", None)),
        ("it", "Un'ora e mezza di colloquio.",
         ("Un'ora e mezza", 90.0, None, None, False, "duration", None)),
        ("es", "Cuarenta y cinco minutos de reunión.",
         ("Cuarenta y cinco minutos", 45.0, None, None, False, "duration", None)),
        ("de", "Knapp eine Stunde sprachen sie.",
         ("Knapp eine Stunde", 60.0, None, 60.0, True, "duration", None)),
        ("es", "Al menos 12 personas resultaron heridas.",
         ("Al menos 12", None, 12.0, None, True, "casualties", "injured")),
        ("fr", "Un fonds de 1,24 milliard de marks.",
         ("1,24 milliard de marks", 1.24e9, None, None, False, "money", None)),
        ("es", "Un contrato de 1.840 millones de marcos.",
         ("1.840 millones de marcos", 1.84e9, None, None, False, "money", None)),
        ("it", "Una novantina di vigili del fuoco.",
         ("Una novantina di vigili del fuoco", 90.0, None, None, True, "count", "firefighters")),
        ("de", "Vier Menschen kamen ins Krankenhaus.",
         ("Vier", 4.0, None, None, False, "casualties", "injured")),
        ("de", "Rund 300 Anwohner mussten ihre Häuser verlassen.",
         ("Rund 300 Anwohner", 300.0, None, None, True, "count", "people")),
        ("de", "Zwei Schwerverletzte wurden geborgen.",
         ("Zwei Schwerverletzte", 2.0, None, None, False, "casualties", "seriously injured")),
        ("fr", "La mairie réduira d'un tiers ses lignes de bus.",
         ("d'un tiers", 33.3, None, None, False, "percent", None)),
        ("de", "Die Stadt kürzt ihre Buslinien um ein Drittel.",
         ("um ein Drittel", 33.3, None, None, False, "percent", None)),
        ("it", "Le tariffe saliranno della metà.",
         ("della metà", 50.0, None, None, False, "percent", None)),
        ("es", "El ayuntamiento recortará en un tercio sus líneas.",
         ("en un tercio", 33.3, None, None, False, "percent", None)),
    ],
)  # fmt: skip
def test_figures_in_four_languages(language: str, text: str, expected: tuple[object, ...]) -> None:
    assert expected in _read(text, language)


def test_a_quarter_hour_is_a_duration_not_a_share() -> None:
    assert [q[0] for q in _read("Un quart d'heure plus tard, la séance a repris.", "fr")] == [
        "Un quart d'heure"
    ]


def test_spans_point_at_the_text_and_carry_an_offset() -> None:
    text = "Selon la police, plus de 30 personnes ont été tuées."
    (q,) = read_figures(text, "fr", offset=100)
    assert q.analyzer == ANALYZER
    assert text[q.span.start - 100 : q.span.end - 100] == q.text == "plus de 30"
    assert (q.dimension, q.about, q.lower) == ("casualties", "dead", 30.0)


def test_articles_and_other_sentences_are_no_figures() -> None:
    assert read_figures("Un attentat a eu lieu. Une personne a parlé.", "fr") == []
    # A casualty word in the next sentence does not make this count a toll.
    found = _read("Unas 2.600 personas. Más de 30 muertos.", "es")
    assert ("Unas 2.600 personas", 2600.0, None, None, True, "count", "people") in found
    assert read_figures("twenty minutes", "en") == []  # English has its own analyzer


def test_every_table_loads_with_what_the_readers_need() -> None:
    for code in LANGUAGES:
        lex = lexicon(code)
        assert lex.weekdays and len(lex.months) == 12
        assert lex.event_words and lex.casualty_words


def test_days_resolve_against_publication() -> None:
    monday = datetime(2025, 3, 10, 9, tzinfo=UTC)
    assert [d for d, _ in days_named("Ils se sont vus dimanche.", "fr", monday)] == ["2025-03-09"]
    assert [d for d, _ in days_named("Sie trafen sich am Sonntag.", "de", monday)] == ["2025-03-09"]
    assert [d for d, _ in days_named("El 9 de marzo de 2024 hubo una cumbre.", "es", None)] == [
        "2024-03-09"
    ]
    assert [d for d, _ in days_named("Ieri si sono incontrati.", "it", monday)] == ["2025-03-09"]


def test_names_fold_across_languages() -> None:
    assert fold("Mirela Şandor") == "mirela sandor"
    assert name_keys("The Valemont Times") == ["n:valemont", "n:times"]
    text = "Le président Anton Veles a rencontré dimanche M. Sandor à Varn."
    names = [n for n, _ in capitalized_names(text, "fr")]
    assert names == ["Anton Veles", "Sandor", "Varn"]


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("en", "Unions said they would meet on Monday to decide on a strike.", "2026-11-30"),
        ("en", "The unions met on Monday.", "2026-11-23"),
        ("en", "He will resign. On Monday, the board met.", "2026-11-23"),
        ("fr", "Les syndicats se réuniront lundi prochain.", "2026-11-30"),
        ("de", "Die Gewerkschaft wird am Montag entscheiden.", "2026-11-30"),
        ("es", "El sindicato se reunió el lunes.", "2026-11-23"),
    ],
)
def test_a_weekday_with_a_marker_of_the_future_is_the_next_one(
    language: str, text: str, day: str
) -> None:
    thursday = datetime(2026, 11, 26, 11, tzinfo=UTC)
    assert [d for d, _ in days_named(text, language, thursday)] == [day]


def test_a_planned_day_is_not_the_day_of_the_event_reported() -> None:
    import newsprobe
    from newsprobe.corpus.profile import event_day
    from newsprobe.document import Article

    analysis = newsprobe.analyze(
        Article.create(
            headline="Halvik to axe 1,200 jobs after quarterly loss",
            body="Halvik Steel will cut 1,200 jobs. Unions said they would meet on Monday "
            "to decide on strike action.",
            published=datetime(2026, 11, 26, 11, tzinfo=UTC),
            language="en",
        )
    )
    assert event_day(analysis) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Der Stahlkonzern streicht 900 Stellen."),
        ("fr", "Le groupe va supprimer 900 emplois."),
        ("es", "El grupo eliminará 900 puestos de trabajo."),
        ("it", "Il gruppo taglierà 900 posti di lavoro."),
    ],
)
def test_jobs_are_counted_in_every_language(language: str, text: str) -> None:
    assert [(q.value, q.about) for q in read_figures(text, language)] == [(900.0, "jobs")]


@pytest.mark.parametrize(
    ("language", "text", "dimension", "value"),
    [
        ("it", "Sono caduti 85 millimetri di pioggia.", "distance", 85e-6),
        ("es", "Han caído 85 milímetros de lluvia.", "distance", 85e-6),
        ("fr", "Le feu a parcouru 45 kilomètres carrés.", "area", 45.0),
        ("de", "Das Feuer erfasste 45 Quadratkilometer Wald.", "area", 45.0),
    ],
)
def test_rain_and_burned_area_in_every_language(
    language: str, text: str, dimension: str, value: float
) -> None:
    (figure,) = read_figures(text, language)
    assert figure.dimension == dimension
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("language", "text", "written"),
    [
        ("fr", "Un séisme de magnitude 6,1 a frappé le nord du pays.", "magnitude 6,1"),
        ("de", "Ein Erdbeben der Stärke 6,1 erschütterte den Norden.", "Stärke 6,1"),
        ("it", "Un terremoto di magnitudo 6.1 ha colpito il nord.", "magnitudo 6.1"),
        ("es", "Un sismo de magnitud 6,1 sacudió el norte.", "magnitud 6,1"),
        ("es", "Un terremoto de 6,1 de magnitud sacudió el norte.", "6,1 de magnitud"),
    ],
)
def test_a_quakes_magnitude_named_before_or_after_its_number(
    language: str, text: str, written: str
) -> None:
    (figure,) = read_figures(text, language)
    assert (figure.text, figure.value, figure.dimension) == (written, 6.1, "magnitude")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Rund 2.000 Helfer sind im Einsatz."),
        ("fr", "Environ 2 000 secouristes sont mobilisés."),
        ("it", "Circa 2.000 soccorritori sono al lavoro."),
        ("es", "Unos 2.000 rescatistas trabajan en la zona."),
    ],
)
def test_rescuers_are_a_counted_class_in_every_language(language: str, text: str) -> None:
    assert [(q.value, q.about) for q in read_figures(text, language)] == [(2000.0, "rescuers")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Onze mineurs sont toujours bloqués.", (11.0, "miners")),
        ("fr", "Une quarantaine de mineurs travaillaient.", (40.0, "miners")),
        ("es", "La Unión Cívica obtuvo 34 escaños.", (34.0, "seats")),
        ("it", "Il partito ha conquistato 34 seggi.", (34.0, "seats")),
        # One adjective between the number and its noun.
        ("de", "Zwei frühere Beamte wurden freigesprochen.", (2.0, "officials")),
        ("es", "Tres antiguos funcionarios fueron absueltos.", (3.0, "officials")),
        ("de", "Der Angreifer gab rund 20 Schüsse ab.", (20.0, "shots")),
        ("fr", "Une vingtaine de coups de feu ont été tirés.", (20.0, "shots")),
        # A part of a whole counts the part: "34 of the 80 seats".
        ("es", "La Unión Cívica obtuvo 34 de los 80 escaños.", (34.0, "seats")),
        ("fr", "L'Union civique aura 34 des 80 sièges.", (34.0, "seats")),
        ("de", "Die Union erhält 34 der 80 Sitze.", (34.0, "seats")),
        # ... but never a number, nor past the sentence's end.
        (
            "es",
            "Darán trabajo a unas 2.600 personas. El ministerio lo confirmó.",
            (2600.0, "people"),
        ),
    ],
)
def test_miners_seats_and_officials_are_counted_classes(
    language: str, text: str, expected: tuple[float, str]
) -> None:
    assert [(q.value, q.about) for q in read_figures(text, language)] == [expected]


@pytest.mark.parametrize(
    ("language", "text", "written"),
    [
        ("it", "Negli scontri c'è stato un morto e 14 feriti.", "un morto"),
        ("es", "Hubo un muerto y 14 heridos en los disturbios.", "un muerto"),
        ("fr", "Il y a eu un mort et 14 blessés.", "un mort"),
        ("de", "Es gab einen Toten und 14 Verletzte.", "einen Toten"),
        ("fr", "Une personne a été tuée et 14 blessées.", "Une"),
    ],
)
def test_one_dead_said_with_an_article(language: str, text: str, written: str) -> None:
    figures = [(q.text, q.value, q.about) for q in read_figures(text, language)]
    assert figures[0] == (written, 1.0, "dead")
    assert figures[1][1:] == (14.0, "injured")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Un attentat a fait 30 morts."),
        ("es", "Un ataque dejó 30 muertos."),
        ("it", "Un'esplosione ha causato 30 morti."),
    ],
)
def test_an_article_before_the_event_is_no_death(language: str, text: str) -> None:
    assert [(q.value, q.about) for q in read_figures(text, language)] == [(30.0, "dead")]


@pytest.mark.parametrize(
    ("language", "text", "written", "value"),
    [
        ("de", "Der Leitzins steigt um 0,25 Prozentpunkte.", "0,25 Prozentpunkte", 0.25),
        ("fr", "La banque relève son taux de 25 points de base.", "25 points de base", 0.25),
        ("it", "Il tasso sale di 0,5 punti percentuali.", "0,5 punti percentuali", 0.5),
        ("es", "El banco sube los tipos 25 puntos básicos.", "25 puntos básicos", 0.25),
    ],
)
def test_percentage_points_in_every_language(
    language: str, text: str, written: str, value: float
) -> None:
    (figure,) = read_figures(text, language)
    assert (figure.text, figure.unit) == (written, "pp")
    assert figure.value == pytest.approx(value)
