"""What a message tells before the question it ends with (assistant/triage/told.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.triage.told import told_before_question


@pytest.mark.parametrize(
    ("message", "told"),
    [
        ("my toddler is turning blue. what should I do?", "my toddler is turning blue."),
        ("she fell off the ladder and can't move her legs, what do we do",
         "she fell off the ladder and can't move her legs"),
        ("he's not breathing right - help", "he's not breathing right"),
        ("my brother is bleeding a lot\nwhat do i do", "my brother is bleeding a lot"),
        ("mi bebé respira muy rápido, ¿es grave?", "mi bebé respira muy rápido"),
        ("My son hit his head at 3pm. He keeps throwing up. Is that bad?",
         "My son hit his head at 3pm. He keeps throwing up."),
    ],
)
def test_the_telling_before_a_closing_question(message, told):
    assert told_before_question(message) == told


@pytest.mark.parametrize(
    "message",
    [
        "what is gout?",  # a question alone
        "my head hurts",  # nothing asked
        "I have gout. Is it curable? what foods help?",  # the telling asks too
        "hi. what is gout?",  # too little told
        "how long does a migraine last, and what helps?",
    ],
)
def test_no_telling_when_nothing_is_told_before_a_question(message):
    assert told_before_question(message) is None


@given(st.text(max_size=300))
def test_the_telling_is_part_of_the_message_and_asks_nothing(message):
    told = told_before_question(message)
    if told is not None:
        assert "?" not in told
        assert len(told.split()) >= 3
        assert all(word in message for word in told.split())
