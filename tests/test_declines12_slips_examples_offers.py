"""Declined though covered, or declined with unrelated offers (twelfth blind audit): a technical
word typed as the commoner English word one letter away ("ideal pouch" for "ileal pouch"), a
medicine named only as a bracketed example in a list item, a yes-or-no question asking whether
something is safe (its subject is the thing, not "safe"), and a decline offering pages that
share only "how long" with a question about something no article names."""

from __future__ import annotations

import pytest

from assistant.retrieval.unnamed import unnamed_subject
from assistant.understanding.conversation import Conversation
from assistant.understanding.spelling import Speller, said_together_in
from tests.support.kb import build_article_assistant

POUCH = """# Living with an ileal pouch

## What is an ileal pouch?

An ileal pouch is a reservoir made from the end of the small bowel after the large bowel is
removed. Most people with an ileal pouch empty it 4 to 8 times a day.

## Medicines

Some medicines can help if the pouch empties too often:

- Bulking agents (such as ispaghula husk) make the stool thicker. Drink plenty of water with them.
- Antidiarrhoeal medicines (such as loperamide and codeine phosphate) slow the bowel down. They
  are usually taken 30 minutes before meals.

Loperamide is not usually given to children under 12 unless a doctor advises it.

## How long does recovery take?

Most people go back to work 6 to 8 weeks after the operation. The pouch keeps adapting for up to
a year.
"""


@pytest.fixture(scope="module")
def pouch_assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "ileal-pouch.md", POUCH)


def test_a_common_word_typed_for_a_rarer_one_of_a_known_phrase_is_corrected(pouch_assistant):
    reader = pouch_assistant.reader
    speller = Speller(reader.vocabulary(), says_together=said_together_in(reader))
    assert speller.correct("ideal pouch how long to recover") == "ileal pouch how long to recover"
    # The phrase is what tells a slip: "ideal" before another word stays.
    assert speller.correct("what is an ideal weight") == "what is an ideal weight"
    assert speller.correct("the ideal time for exercise") == "the ideal time for exercise"


def test_the_slip_is_answered_from_the_phrase_page(pouch_assistant):
    answer = pouch_assistant.answer(Conversation(), "ideal pouch how long to recover")
    assert not answer.abstained
    assert answer.citations[0].title == "Living with an ileal pouch"


@pytest.mark.parametrize(
    "question",
    [
        "when should i take loperamide",
        "loperamide",
        "should i take loperamide before or after meals",
    ],
)
def test_a_medicine_given_as_a_bracketed_example_is_answered(pouch_assistant, question):
    answer = pouch_assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert answer.citations[0].title == "Living with an ileal pouch"
    assert "loperamide" in answer.text


def test_a_decline_offers_no_page_sharing_only_the_kind_of_question(pouch_assistant):
    # "How long does recovery take?" shares "how long" and "take", not what is asked about.
    answer = pouch_assistant.answer(Conversation(), "how long does a new piercing take to heal")
    assert answer.abstained
    assert answer.suggestions == ()


@pytest.mark.parametrize(
    "question",
    ["is ginkgo safe for kids", "are ginkgo tablets risky", "is ginkgo effective for memory"],
)
def test_what_a_yes_or_no_question_judges_is_not_its_subject(question):
    # The subject is the thing judged: "safe" is asked of ginkgo, and no page need say it.
    assert unnamed_subject(question, {"ginkgo": 3, "tablets": 5}) is None
    assert unnamed_subject(question, {"tablets": 5}) == "ginkgo"


def test_whether_a_thing_is_safe_is_answered_from_its_page(pouch_assistant):
    answer = pouch_assistant.answer(Conversation(), "is loperamide safe for kids")
    assert not answer.abstained
    assert answer.citations[0].title == "Living with an ileal pouch"
