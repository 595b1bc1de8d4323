"""Language identification: the English fast path and lingua for everything else."""

from __future__ import annotations

import pytest

from newsprobe.evaluation.goldset import load_articles
from newsprobe.nlp.language import _plainly_english, detect_language

_OTHERS = {
    "de": "Die Bundesregierung hat am Montag in Berlin neue Zahlen zur Arbeitslosigkeit "
    "vorgelegt. Demnach sank die Quote im Oktober auf 5,8 Prozent, wie das Ministerium "
    "mitteilte. Die Opposition kritisierte die Zahlen als geschönt und forderte eine "
    "unabhängige Prüfung der Statistik durch den Rechnungshof.",
    "fr": "Le gouvernement a présenté lundi à Paris de nouveaux chiffres sur le chômage. "
    "Selon le ministère, le taux a baissé à 7,1 pour cent en octobre, une amélioration que "
    "l'opposition juge trompeuse. Les syndicats ont appelé à une grève nationale.",
    "es": "El presidente se reunió el lunes en Madrid con su homólogo portugués para hablar "
    "de la crisis energética. Según fuentes del gobierno, la reunión duró casi dos horas y "
    "terminó sin un acuerdo definitivo entre los dos países vecinos.",
    "nl": "De regering heeft maandag in Den Haag nieuwe cijfers over de werkloosheid "
    "gepresenteerd. Volgens het ministerie is het percentage in oktober gedaald tot 3,6 "
    "procent, maar de oppositie noemt de cijfers misleidend en eist een onderzoek.",
}


def test_composed_english_articles_take_the_fast_path() -> None:
    for gold in load_articles():
        assert _plainly_english(gold.body), gold.slug
        assert detect_language(gold.body) == "en"


@pytest.mark.parametrize(("code", "text"), sorted(_OTHERS.items()))
def test_other_languages_go_to_lingua(code: str, text: str) -> None:
    assert not _plainly_english(text * 3)
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "12345 678", "!!!", "ok"])
def test_too_little_text_names_no_language(text: str) -> None:
    assert detect_language(text) is None
