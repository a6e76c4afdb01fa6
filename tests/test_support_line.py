"""An answer whose quoted articles speak of suicide or self-harm carries the crisis lines under
it (not an escalation: the question was ordinary); other answers do not."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.triage.support_line import speaks_of_suicide
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

BIPOLAR = """# Bipolar disorder

Bipolar disorder is a mental health condition that causes extreme shifts in mood, energy and
activity levels.

## Symptoms of bipolar disorder

During a depressive episode a person may feel sad or empty, lose interest in activities, sleep
too much or too little, and have thoughts of death or suicide.

During a manic episode a person may feel very energetic, need little sleep, talk fast and take
risks they usually would not.

## Treatment

Bipolar disorder is treated with mood stabilisers and talking therapy. Most people need
treatment for the long term.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bipolar.md", BIPOLAR)


def test_an_answer_that_speaks_of_suicide_carries_the_crisis_lines(assistant):
    answer = assistant.answer(Conversation(), "what are the symptoms of bipolar disorder?")
    assert answer.safety is None or not answer.safety.escalates
    assert answer.citations
    assert "suicide" in answer.text
    assert "988" in answer.support
    assert answer.support not in answer.text  # under the answer, not quoted as its text
    assert check_answer_citations(answer).precision == 1.0
    assert answer.to_json()["support"] == answer.support


def test_an_answer_that_does_not_carries_none(assistant):
    answer = assistant.answer(Conversation(), "how is bipolar disorder treated?")
    assert answer.citations
    assert "suicide" not in answer.text
    assert answer.support == ""


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        ("Some people have thoughts of death or suicide.", True),
        ("Self-harm is a way of coping with distress.", True),
        ("the risk that someone will take their own life", True),
        ("The flu can be deadly for older people.", False),
        ("A slit-lamp exam looks at the front of the eye.", False),
        ("Take the tablets on purpose-made dosing spoons.", False),
    ],
)
def test_which_article_words_speak_of_suicide(text, speaks):
    assert speaks_of_suicide(text) is speaks
