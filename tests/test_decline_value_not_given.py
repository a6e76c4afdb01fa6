"""A question asking for a level or a range is declined when the article that would answer it
gives no number for what is measured; a page that does give one answers it."""

from __future__ import annotations

import pytest

from assistant.retrieval.asked_value import value_not_given
from assistant.understanding.conversation import Conversation
from index.records import Chunk
from tests.support.chunks import chunk_of


def _chunk(sentences: list[str], title: str = "Vitamin D deficiency") -> Chunk:
    return chunk_of(sentences, doc_id="vitd", title=title, section="Tests")


def test_a_level_is_given_only_by_a_number_beside_what_is_measured():
    question = "what calcium level in the blood is too low"
    with_number = _chunk(["A blood calcium below 2.2 mmol/L is low."])
    without = _chunk(["A blood test measures your calcium.", "Figure 2. A blood test tube."])
    assert not value_not_given(question, [with_number])
    assert value_not_given(question, [without])  # a caption's number is no figure
    assert not value_not_given("what causes low calcium", [without])  # no level asked


VITAMIN_D = """# Vitamin D deficiency

Vitamin D deficiency means your body does not have enough vitamin D, which it needs to keep
bones, teeth and muscles healthy. Lack of vitamin D can cause bone pain and muscle weakness, and
in children a condition called rickets.

## Who is at risk

You are more likely to lack vitamin D if you spend little time outdoors, cover your skin when
outside, have dark skin, or are housebound or living in a care home.

## Tests

A GP can arrange a blood test to measure your vitamin D. The result tells them whether you need
treatment and how much.

## Treatment

Treatment is with vitamin D supplements, taken by mouth. Your GP will tell you how long to take
them for and may check your blood again afterwards.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "vitamin-d.md", VITAMIN_D)


def test_a_level_the_page_never_gives_is_declined(assistant):
    question = "what vitamin d blood level means you are deficient"
    assert assistant.answer(Conversation(), question).abstained


def test_a_question_about_the_test_itself_is_answered(assistant):
    answer = assistant.answer(Conversation(), "how do you test for vitamin d deficiency")
    assert not answer.abstained
    assert answer.citations[0].title == "Vitamin D deficiency"
