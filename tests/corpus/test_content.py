"""Content words and the concepts they name, as speculation answered compares them."""

from __future__ import annotations

from newsprobe.corpus.content import concept_words, content_words, stem


def test_words_of_one_concept_count_as_that_concept() -> None:
    assert "~fire" in concept_words("The blaze spread to the roof.")
    assert "~fire" in concept_words("Flames reached the roof.")


def test_a_concept_written_as_a_symbol_is_found_as_written() -> None:
    # "km/h" is no word to the word reader ("km", "h"): the speed is read from the text.
    assert "~speed" in concept_words("The train was travelling at 78 km/h on the curve.")
    assert "~speed" in concept_words("It was doing 50 mph.")
    assert "~alcohol" in concept_words("Police ruled out drink-driving.")
    assert "~speed" not in concept_words("The km/hour sign was missing")  # not the symbol


def test_clitics_and_negated_contractions_are_not_content_words() -> None:
    words = content_words("Here’s the ferry's route; it isn't like the old one, they're sure.")
    assert {"here", "heres", "isnt", "like", "theyre"}.isdisjoint(words)
    assert {stem("ferry"), stem("route"), stem("sure")} <= words
