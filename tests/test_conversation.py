"""Follow-up rewriting over multi-turn conversations: the earlier topic is carried into a message
that leans on it, and a message with its own topic is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.understanding.conversation import (
    Conversation,
    Turn,
    contextualize,
    needs_context,
    new_topic,
)


def chat(*turns: tuple[str, str | None]) -> Conversation:
    conversation = Conversation()
    for query, focus in turns:
        conversation.record(Turn(message=query, query=query, focus=focus, answer_text="..."))
    return conversation


SHINGLES = (("What is shingles?", "shingles"),)
CONTAGIOUS = (("is shingles contagious?", "shingles"),)

HEPATITIS = (
    ("What are the symptoms of hepatitis B?", "hepatitis B"),
    ("How is hepatitis C diagnosed?", "hepatitis C"),
)
DIABETES_THEN_COELIAC = (
    ("What is type 1 diabetes?", "type 1 diabetes"),
    ("how is celiac disease treated?", "celiac disease"),
)

REWRITES = [
    # Returning to an earlier topic, named in part or abbreviated.
    (HEPATITIS, "Back to hep B - how is it treated?", "how is hepatitis B treated?"),
    (HEPATITIS, "ok so going back to hepatitis B: is it contagious?", "is hepatitis B contagious?"),
    (DIABETES_THEN_COELIAC, "back to the diabetes question. how common is it?",
     "how common is type 1 diabetes?"),
    (DIABETES_THEN_COELIAC, "Let's go back to diabetes.", "type 1 diabetes?"),
    (HEPATITIS, "going back to hep B, does what I drink matter?",
     "hepatitis B: does what I drink matter?"),
    # A partial topic completed from the earlier one.
    ((("Is type 1 diabetes inherited?", "type 1 diabetes"),), "what about type 2?",
     "Is type 2 diabetes inherited?"),
    (SHINGLES, "is it contagious?", "is shingles contagious?"),
    (SHINGLES, "how is it treated", "how is shingles treated"),
    (SHINGLES, "What are the side effects of that?", "What are the side effects of shingles?"),
    (SHINGLES, "does this condition come back?", "does shingles come back?"),
    (SHINGLES, "symptoms?", "symptoms of shingles?"),
    (SHINGLES, "is there a cure?", "is there a cure for shingles?"),
    (SHINGLES, "tell me more", "tell me more about shingles"),
    (SHINGLES, "can adults get it?", "can adults get shingles?"),
    (CONTAGIOUS, "what about for children?", "is shingles contagious for children?"),
    (CONTAGIOUS, "and in pregnancy?", "is shingles contagious in pregnancy?"),
    (CONTAGIOUS, "for kids?", "is shingles contagious for kids?"),
    (CONTAGIOUS, "what about chickenpox?", "is chickenpox contagious?"),
    (
        (("I was diagnosed with breast cancer, should I get a second opinion?", "breast cancer"),),
        "does that usually change the treatment?",
        "does breast cancer usually change the treatment?",
    ),
    (
        (("What is gout?", "gout"), ("hello", None), ("thanks", None)),
        "what causes it?",
        "what causes gout?",
    ),
    (
        # an unanswered turn (no focus recorded) still had a topic
        (("What is gout?", "gout"), ("what are the symptoms of sarcoidosis", None)),
        "how is it treated?",
        "how is sarcoidosis treated?",
    ),
]


@pytest.mark.parametrize(("history", "message", "expected"), REWRITES)
def test_follow_ups_are_rewritten_with_the_earlier_topic(
    history: tuple[tuple[str, str | None], ...], message: str, expected: str
) -> None:
    assert contextualize(chat(*history), message) == expected


def test_going_back_to_something_never_said_is_not_a_return() -> None:
    conversation = chat(("What is COPD?", "COPD"))
    assert contextualize(conversation, "I go back to work Monday. Is COPD contagious?") == (
        "I go back to work Monday. Is COPD contagious?"
    )


STANDALONE = [
    "what is asthma?",
    "What are the symptoms of type 2 diabetes?",
    "Is it normal to have migraines every day?",
    "How is psoriasis treated?",
    "My daughter has eczema on her hands, what cream helps?",
]


@pytest.mark.parametrize("message", STANDALONE)
def test_a_message_with_its_own_topic_is_not_rewritten(message: str) -> None:
    assert not needs_context(message)
    assert contextualize(chat(*SHINGLES), message) == message


@pytest.mark.parametrize(
    "message", ["is it contagious?", "what about kids?", "and for adults?", "treatment?", "why?"]
)
def test_follow_ups_are_recognised(message: str) -> None:
    assert needs_context(message)


def test_without_earlier_turns_nothing_changes() -> None:
    assert contextualize(Conversation(), "is it contagious?") == "is it contagious?"


def test_last_focus_is_the_latest_topic() -> None:
    conversation = chat(("What is shingles?", "shingles"), ("What is asthma?", "asthma"))
    assert conversation.last_focus == "asthma"
    assert contextualize(conversation, "is it contagious?") == "is asthma contagious?"


def test_conversations_do_not_share_turns() -> None:
    first, second = Conversation(), Conversation()
    first.record(Turn(message="What is gout?", query="What is gout?", focus="gout"))
    assert second.turns == []
    assert second.last_focus is None


@given(st.text(max_size=120))
def test_rewriting_is_deterministic_and_keeps_a_standalone_message(message: str) -> None:
    conversation = chat(*SHINGLES)
    rewritten = contextualize(conversation, message)
    assert rewritten == contextualize(conversation, message)
    if not needs_context(message):
        assert rewritten == message


GLAUCOMA = (("How is glaucoma treated?", "glaucoma"),)
CHILDHOOD_ALL = (("What is the treatment for childhood acute lymphoblastic leukemia?",
                  "childhood acute lymphoblastic leukemia"),)
UTI_OLDER = (("what are the symptoms of a UTI in older adults?", "UTI"),)
MALE_BREAST = (("Is male breast cancer inherited?", "male breast cancer"),)


@pytest.mark.parametrize(
    ("turns", "message", "expected"),
    [
        # "what about X, <its own question>": the question is asked of X.
        (GLAUCOMA, "What about cataracts, how are those treated?", "how are cataracts treated?"),
        (SHINGLES, "what about measles - is that contagious too?", "is measles contagious too?"),
        # a group named by the follow-up replaces the one asked about before
        (UTI_OLDER, "and in my 3 year old?", "what are the symptoms of a UTI in my 3 year old?"),
        (CHILDHOOD_ALL, "how is it treated in adults?",
         "how is acute lymphoblastic leukemia treated in adults?"),
        (MALE_BREAST, "and for women, what are the main risk factors for breast cancer?",
         "what are the main risk factors for breast cancer for women?"),
    ],
)
def test_an_ellipsis_with_its_own_question_and_a_new_group(turns, message, expected):
    assert contextualize(chat(*turns), message) == expected


def test_new_topic_reads_the_topic_a_follow_up_brings_up():
    assert new_topic("what about monkeypox, is that the same kind of rash?") == "monkeypox"
    assert new_topic("and in my 3 year old?") is None
    assert new_topic("how is it treated?") is None


def test_a_later_follow_up_is_read_with_the_earlier_question_as_asked_not_its_reading():
    # A follow-up that found nothing alone was searched together with the question before it;
    # the next one is read with its own question, so the search never grows turn by turn.
    conversation = Conversation()
    conversation.record(Turn(message="what is gerd", query="what is gerd", focus="GERD"))
    conversation.record(
        Turn(
            message="is it ok to take antacids every day",
            query="is it ok to take antacids every day what is gerd",
            focus="GERD",
            own_query="is it ok to take antacids every day",
        )
    )
    assert conversation.last_own_query == "is it ok to take antacids every day"
    assert conversation.last_query == "is it ok to take antacids every day what is gerd"
