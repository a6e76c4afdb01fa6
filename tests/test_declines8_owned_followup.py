"""A follow-up that brings up something the person talked about has ("what about his inhaler?")
is part of the matter already asked about, not a new topic to hold the passages to."""

from __future__ import annotations

from assistant.understanding.conversation import (
    Conversation,
    Turn,
    contextualize,
    new_topic,
)


def _after(question: str, focus: str) -> Conversation:
    conversation = Conversation()
    conversation.record(Turn(message=question, query=question, focus=focus, answer_text="..."))
    return conversation


def test_what_the_person_has_is_asked_of_the_same_matter():
    conversation = _after("How can my grandson avoid asthma attacks at school?", "asthma attacks")
    rewritten = contextualize(conversation, "what about his inhaler?")
    assert rewritten == "How can my grandson avoid asthma attacks at school: his inhaler?"
    assert new_topic("what about his inhaler?") is None
    assert new_topic("and her diet?") is None


def test_a_thing_no_one_owns_is_still_a_new_topic():
    assert new_topic("what about hay fever?") == "hay fever"
