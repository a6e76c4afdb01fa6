"""An informational question about a medicine that names no danger is not read as a crisis
(medicine_question.py); any sign of one keeps the crisis reading open. Messages written for this
test, in no labelled file, except the invariant over the labelled sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.triage.examples import read_examples
from assistant.triage.features import read_cues
from assistant.triage.medicine_question import asks_about_a_medicine
from tests.support.labelled import every_labelled_example

CANDIDATES = Path(__file__).resolve().parents[1] / "assistant" / "triage" / "data" / "candidates"


@pytest.mark.parametrize(
    "message",
    [
        "What happens if I forget to take my omeprazole?",
        "what are the side effects of sertraline?",
        "Why is metformin taken with meals?",
        "what does levothyroxine do?",
    ],
)
def test_an_informational_question_about_a_medicine_is_read(message):
    assert asks_about_a_medicine(message, [], read_cues())


@pytest.mark.parametrize(
    ("message", "earlier"),
    [
        ("what happens if I take all my sertraline at once?", []),
        ("what happens if you take 40 ibuprofen?", []),
        ("what happens if I take too many pills?", []),
        ("what are the side effects of sertraline?", ["I don't want to be alive anymore"]),
        ("what happens if I stop my sertraline and just give up?", []),
        ("my omeprazole makes me sick", []),  # not a question
        ("what happens if I forget an appointment?", []),  # no medicine
    ],
)
def test_a_sign_of_danger_or_no_medicine_keeps_it_out(message, earlier):
    assert not asks_about_a_medicine(message, earlier, read_cues())


def test_no_crisis_or_emergency_of_the_labelled_sets_is_such_a_question():
    rows = every_labelled_example() + [
        e for f in sorted(CANDIDATES.glob("*.jsonl")) for e in read_examples(f)
    ]
    escalations = [e for e in rows if e.label in ("crisis", "emergency")]
    assert len(escalations) > 1000
    cues = read_cues()
    assert [
        e.text for e in escalations if asks_about_a_medicine(e.turns[-1], e.turns[:-1], cues)
    ] == []


@pytest.mark.parametrize(
    "message",
    ["What happens if I forget to take my omeprazole?", "what does levothyroxine do?"],
)
def test_the_triage_gives_no_crisis_notice_to_such_a_question(triage, message):
    assert triage.classify(message).label != "crisis"
