"""An FAQ's one-word answer ("No.") is quoted with the sentence after it when the question asks
what the FAQ asks, and left out when the section answers a different question."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Bunions

## What is a bunion?

A bunion is a bony lump on the side of the foot at the base of the big toe. The big toe leans towards the other toes, and the joint sticks out.

## Is a bunion the same as gout?

No. Gout is a kind of arthritis caused by crystals of uric acid in a joint, and it comes and goes in sudden painful attacks. A bunion is a change in the shape of the foot that develops slowly over years.

## Will I need to wear wide shoes forever?

No. After surgery most people can wear ordinary shoes again within six months, although very narrow or high-heeled shoes may still hurt.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bunions.md", ARTICLE)


def test_the_faqs_no_leads_the_answer_to_its_question(assistant):
    answer = assistant.answer(Conversation(), "is a bunion the same thing as gout?")
    assert answer.text.startswith("No. [1] Gout is a kind of arthritis"), answer.text


def test_the_faqs_no_is_not_the_answer_to_another_question(assistant):
    answer = assistant.answer(Conversation(), "do wide shoes help a bunion?")
    assert "No." not in answer.text, answer.text
