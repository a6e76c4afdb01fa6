"""A diagnosis question after a telling the model reads alone as a sure emergency ("my eyes are
red and sticky and I can barely open them, is it conjunctivitis?"): the whole message reads as
the question it is, so with no threat to life told the call is said conditionally, the reminder
that only a clinician diagnoses follows it, and the articles' answer comes under them. A threat
sign keeps the call alone (classifier.py, unsure_emergency.shows_threat)."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.triage import SafetyLines, Triage, notice_for
from assistant.triage.screen import DIAGNOSIS_TEXT
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

CONJUNCTIVITIS = """# Conjunctivitis

Conjunctivitis is an eye condition caused by infection or allergies. It usually gets better in a
couple of weeks without treatment.

## Symptoms of conjunctivitis

Conjunctivitis makes the white of one or both eyes look red or pink. The eyes may burn, feel
gritty or itch. A sticky discharge can make the eyelashes stick together, especially in the
morning after sleep.

## Things you can do yourself

Clean crusts from your eyelashes with cotton wool soaked in cooled boiled water. Wash your hands
often and do not share towels or pillows.
"""

# In no triage file. Read whole, each is a diagnosis question (label none); its telling alone
# reads as an emergency past TOLD_EMERGENCY_CUT with the shipped model.
TOLD_THEN_ASKED = (
    "My eyes are red and sticky and I can barely open them this morning, is it conjunctivitis?",
    "My hands are shaking and my heart is racing, do I have an overactive thyroid?",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(
        tmp_path_factory, embedder, "conjunctivitis.md", CONJUNCTIVITIS
    )


@pytest.mark.parametrize("message", TOLD_THEN_ASKED)
def test_the_told_emergency_of_a_diagnosis_question_is_said_conditionally(triage, message):
    read = triage.classify(message)
    assert read.label == "emergency"  # the call still leads
    assert read.answer_beside
    assert read.diagnosis


def test_the_answer_follows_the_conditional_call_and_the_reminder(assistant):
    answer = assistant.answer(Conversation(), TOLD_THEN_ASKED[0])
    assert answer.safety is not None
    assert answer.safety.kind == "emergency"
    assert answer.safety.message.startswith("If this is severe")
    assert DIAGNOSIS_TEXT in answer.safety.message
    assert answer.text.startswith(answer.safety.message)
    assert answer.citations
    assert check_answer_citations(answer).precision == 1.0


@pytest.mark.parametrize(
    "message",
    [
        "I have a crushing pain in my chest and I'm sweating, is it a heart attack?",
        "my face is drooping on one side and my words are slurred, do I have a stroke?",
        "my dad collapsed and is breathing strangely, is it a seizure?",
    ],
)
def test_a_diagnosis_question_that_tells_a_threat_keeps_the_call_alone(triage, message):
    read = triage.classify(message)
    assert read.label == "emergency"
    assert not read.answer_beside
    notice = notice_for(read)
    assert notice is not None
    assert notice.message.startswith("Call 911")


def test_the_reminder_goes_only_with_an_answer_beside_the_call():
    alone = Triage(label="emergency", scores={}, poisoning=False, diagnosis=True)
    notice = notice_for(alone, SafetyLines())
    assert notice is not None
    assert DIAGNOSIS_TEXT not in notice.message
    beside = Triage(
        label="emergency", scores={}, poisoning=False, diagnosis=True, answer_beside=True
    )
    notice = notice_for(beside, SafetyLines())
    assert notice is not None
    assert notice.message.startswith("If this is severe")
    assert notice.message.endswith(DIAGNOSIS_TEXT)
