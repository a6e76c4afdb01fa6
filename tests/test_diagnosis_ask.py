""""Is it X?" asked of a complaint told before it is a request for a diagnosis (the reminder that
only a clinician can diagnose goes beside the answer); a question about a condition is not."""

from __future__ import annotations

import pytest

from assistant.triage.diagnosis_ask import asks_which_condition


@pytest.mark.parametrize(
    "message",
    [
        "I keep forgetting names and appointments, is it Alzheimer's?",
        "my son's knee is swollen, could it be arthritis?",
        "I have itchy red bumps on my legs, are these hives?",
        "my baby cries for hours every evening, could it be colic?",
        "my knee clicks when I climb stairs, is that arthritis?",
        "my toe is red and sore. Is it gout or an infection?",
    ],
)
def test_is_it_x_asked_of_a_told_complaint_asks_for_a_diagnosis(message):
    assert asks_which_condition(message)


@pytest.mark.parametrize(
    "message",
    [
        "is it contagious?",
        "I have shingles, is it contagious?",
        "my throat hurts, is it serious?",
        "my dad has diabetes, is it hereditary?",
        "I had chickenpox as a child, can it come back?",
        "I drink a lot of coffee, is it bad for me?",
        "What is lupus? Is it an autoimmune disease?",  # nothing told of anyone
        "my cough won't go away, could it be something serious?",
    ],
)
def test_a_question_about_the_condition_itself_is_not_one(message):
    assert not asks_which_condition(message)
