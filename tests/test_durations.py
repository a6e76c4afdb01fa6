"""A question asking how long is answered by a sentence that says how long (written for this
test; the rate-versus-length cases are the ones a word match alone gets wrong)."""

from __future__ import annotations

import pytest

from assistant.compose.durations import asks_how_long, states_a_duration


@pytest.mark.parametrize(
    "question",
    ["how long does a cold sore last?", "How many weeks until the cast comes off",
     "¿cuánto tiempo dura la gripe?"],
)
def test_questions_asking_how_long(question: str) -> None:
    assert asks_how_long(question)


@pytest.mark.parametrize(
    "question", ["how many tablets are in a pack", "what does a long QT interval mean"]
)
def test_questions_not_asking_how_long(question: str) -> None:
    assert not asks_how_long(question)


@pytest.mark.parametrize(
    "sentence",
    ["Most cold sores heal within 7 to 10 days.", "The cast usually stays on for six weeks.",
     "Symptoms can last a month or more.", "It takes about 2-3 hours to work."],
)
def test_sentences_that_say_how_long(sentence: str) -> None:
    assert states_a_duration(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Drink 2 litres of water a day.", "Use it no more than 10 days a month.",
     "Take one tablet twice a day.", "Cold sores are caused by a virus.",
     "If it is no better within 48 hours, see your doctor."],
)
def test_rates_and_other_sentences_do_not(sentence: str) -> None:
    assert not states_a_duration(sentence)
