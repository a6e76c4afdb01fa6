"""A diagnosis question names what the visitor wants read about: "am I X?" is one like "do I
have X?" (the reminder that only a clinician diagnoses), and the condition named in "..., is it
X?" picks the article even when the story's everyday words match it too weakly to answer."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.triage.diagnosis_ask import asks_which_condition, condition_named
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

RINGWORM = """# Ringworm

Ringworm is a common fungal skin infection. It is not caused by a worm.

## Symptoms of ringworm

The main symptom is a ring-shaped patch that may be scaly, dry and swollen. The patch can look
silvery on darker skin and pink or red on lighter skin, and it may get bigger over time.

## Treating ringworm

A pharmacist can recommend an antifungal cream, gel or spray. Keep using it for a week after
the patches have cleared.
"""


@pytest.mark.parametrize(
    ("message", "condition"),
    [
        ("I sneeze every time I stroke the cat. Am I allergic to cats?", "allergic to cats"),
        ("am I anaemic?", "anaemic"),
        ("my knee is swollen, could it be arthritis?", "arthritis"),
        ("do I have ringworm?", "ringworm"),
    ],
)
def test_the_condition_a_diagnosis_question_names(message, condition):
    assert condition_named(message) == condition


@pytest.mark.parametrize(
    "message", ["am I contagious?", "am I at risk of gout?", "am I allowed to swim?", "is it bad?"]
)
def test_a_question_about_oneself_or_the_condition_asks_no_diagnosis(message):
    assert not asks_which_condition(message)
    assert condition_named(message) is None


def test_am_i_x_asks_for_a_diagnosis():
    assert asks_which_condition("I get itchy eyes every spring. Am I allergic to pollen?")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "ringworm.md", RINGWORM)


def test_the_named_condition_picks_the_article(assistant):
    answer = assistant.answer(
        Conversation(),
        "My daughter has a round flaky mark on her arm that keeps growing. Is it ringworm?",
    )
    assert answer.safety is not None
    assert answer.safety.kind == "diagnosis"
    assert not answer.abstained, answer.text
    assert {c.title for c in answer.citations} == {"Ringworm"}
    assert check_answer_citations(answer).precision == 1.0


def test_a_condition_no_article_covers_is_still_declined(assistant):
    answer = assistant.answer(
        Conversation(), "My son has a red rash on his leg and feels hot. Is it scurvy?"
    )
    assert answer.abstained
