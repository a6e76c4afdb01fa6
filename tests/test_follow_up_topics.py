"""A follow-up is read with the earlier topic by its name, also when it points at a person who
has it or goes on with a clause ("and if ..."), not searched as a fragment."""

from __future__ import annotations

import pytest

from assistant.service import answered_topic
from assistant.understanding.conversation import Conversation, Turn, contextualize
from assistant.understanding.focus import title_topic


def after(question: str, focus: str) -> Conversation:
    conversation = Conversation()
    conversation.record(Turn(message=question, query=question, focus=focus, answer_text="..."))
    return conversation


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Bunions | Eastgate Foot Clinic", "Bunions"),
        ("Croup - Riverbank Children's Hospital", "Croup"),
        ("Hay fever: a guide for parents", "Hay fever"),
        ("About Impetigo", "Impetigo"),
        ("Understanding Restless Legs Syndrome", "Restless Legs Syndrome"),
        ("Hand, foot and mouth disease (HFMD)", "Hand, foot and mouth disease"),
        ("Frozen shoulder (adhesive capsulitis) in adults", "Frozen shoulder in adults"),
        ("Chilblains", "Chilblains"),
    ],
)
def test_a_title_names_its_topic_without_the_site_or_subtitle(title, topic):
    assert title_topic(title) == topic


def test_the_topic_carried_from_an_answer_is_its_pages_topic_not_its_whole_title():
    # The question named no topic the page's title holds: the page's topic is carried.
    assert answered_topic(None, "About Impetigo | Westside Skin Centre") == "Impetigo"
    assert answered_topic("impetigo", "About Impetigo") == "impetigo"


def test_it_is_read_as_the_topics_name():
    topic = answered_topic(None, "Croup - Riverbank Children's Hospital")
    conversation = after("my toddler has a barking cough at night", topic)
    assert contextualize(conversation, "how long does it usually last?") == (
        "how long does Croup usually last?"
    )


@pytest.mark.parametrize(
    ("message", "rewritten"),
    [
        ("can he still go to school", "can he still go to school with impetigo?"),
        ("should she stay off swimming?", "should she stay off swimming with impetigo?"),
        ("is it ok for him to share towels", "is it ok for him to share towels with impetigo?"),
    ],
)
def test_a_follow_up_about_a_person_carries_the_topic_they_have(message, rewritten):
    conversation = after("my son has crusty sores round his mouth, is it impetigo?", "impetigo")
    assert contextualize(conversation, message) == rewritten


def test_a_follow_up_about_a_person_that_names_its_own_topic_is_left_alone():
    conversation = after("what is impetigo?", "impetigo")
    message = "can he get chickenpox twice?"
    assert contextualize(conversation, message) == message


@pytest.mark.parametrize(
    ("message", "rewritten"),
    [
        ("and if it keeps coming back?", "what if chilblains keeps coming back?"),
        (
            "and if the swelling doesn't go down?",
            "what if the swelling doesn't go down with chilblains?",
        ),
        ("and when they start to itch?", "when chilblains start to itch?"),
    ],
)
def test_an_and_clause_asks_about_the_topic_rather_than_being_a_fragment(message, rewritten):
    conversation = after("how do you treat chilblains", "chilblains")
    assert contextualize(conversation, message) == rewritten


def test_an_and_question_of_its_own_is_not_read_as_a_clause():
    conversation = after("how do you treat chilblains", "chilblains")
    assert contextualize(conversation, "and when can I go back to work?") == (
        "when can I go back to work?"
    )


def test_an_and_question_leaning_on_the_topic_is_read_with_it():
    conversation = after("how do you treat chilblains", "chilblains")
    assert contextualize(conversation, "and what causes them?") == "what causes chilblains?"
