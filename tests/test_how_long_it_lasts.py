"""'How long does it last?' asks how long the illness lasts: the sentence saying so ("Most
people with flu feel better within 5 to 7 days") answers, not a rule's length ("Stay at home
until at least 24 hours after your last episode of fever", whose "last" is not the question's)
nor a time counted from an event ("can pass it on for 3 to 5 days after their symptoms
start")."""

from __future__ import annotations

import pytest

from assistant.compose.course import states_how_long_it_lasts, tells_what_to_do
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

PAGE = """# About Flu

Key points:

- Flu is a common infection caused by a virus.
- Anyone can catch flu.
- Most people feel better within a week.
- Washing your hands often helps stop flu spreading.

## Overview

Flu is caused by the influenza virus. It is sometimes confused with a cold, but flu symptoms come on faster and are usually worse. You can catch flu more than once, because the virus keeps changing.

## Symptoms

The main symptoms of flu are a sudden high temperature, aching muscles, tiredness and a dry cough. Most people with flu feel better within 5 to 7 days. You may still feel tired for a while after.

## How it spreads

Flu spreads through coughs and sneezes. People with flu can pass it on for 3 to 5 days or more after their symptoms start, so keep washing your hands.

## Back to work or school

Stay at home until at least 24 hours after your last episode of fever. Nursery and care home staff should follow the same 24-hour rule before going back to work.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "flu.md", PAGE)


@pytest.mark.parametrize(
    ("sentence", "lasts"),
    [
        ("Most children get better within 7 to 10 days without treatment.", True),
        ("The rash usually lasts 2 to 4 weeks.", True),
        ("Keep your child off school until 24 hours after the fever has gone.", False),
        ("Staff should wait at least 48 hours after the last symptoms.", False),
        ("The virus can stay in the poo for 4 weeks or more after the child feels better.", False),
        ("Symptoms usually start 3 to 5 days after being exposed.", False),
        ("It is contagious from 1 to 2 days before the rash appears.", False),
    ],
)
def test_a_length_of_the_illness_and_of_a_rule(sentence, lasts):
    assert states_how_long_it_lasts(sentence) is lasts


def test_an_order_or_an_obligation_tells_what_to_do():
    assert tells_what_to_do("Stay home until the blisters have crusted over.")
    assert tells_what_to_do("Food workers should follow the same rule.")
    assert not tells_what_to_do("Most people get better within 3 days.")


@pytest.mark.parametrize(
    "turns",
    [
        ["how long does flu last"],
        ["what is flu", "how long does it last?"],
    ],
)
def test_how_long_it_lasts_is_the_illness_length(assistant, turns):
    conversation = Conversation()
    for turn in turns:
        answer = assistant.answer(conversation, turn)
    assert "feel better within 5 to 7 days" in answer.text, answer.text
    assert "until at least 24 hours after" not in answer.text, answer.text
