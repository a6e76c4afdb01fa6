"""Declined though covered, or declined with unrelated offers (twelfth blind audit): a technical
word typed as the commoner English word one letter away ("ideal pouch" for "ileal pouch"), a
medicine named only as a bracketed example in a list item, a yes-or-no question asking whether
something is safe (its subject is the thing, not "safe"), "how well does it work?" (no topic:
"well" is how), a follow-up answered again word for word though its best passage is another
section, and a decline offering pages that
share only "how long" with a question about something no article names."""

from __future__ import annotations

import pytest

from assistant.retrieval.unnamed import unnamed_subject
from assistant.understanding.conversation import Conversation, Turn, contextualize
from assistant.understanding.question import analyze
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


def test_a_decline_still_offers_the_page_whose_topic_it_names(pouch_assistant):
    # "hydrotherapy" is a word no article uses; the question names the page's topic.
    answer = pouch_assistant.answer(Conversation(), "is hydrotherapy any good for an ileal pouch")
    assert answer.abstained
    assert answer.suggestions == ("Living with an ileal pouch",)


@pytest.mark.parametrize(
    "question",
    ["is ginkgo safe for kids", "are ginkgo tablets risky", "is ginkgo effective for memory"],
)
def test_what_a_yes_or_no_question_judges_is_not_its_subject(question):
    # The subject is the thing judged: "safe" is asked of ginkgo, and no page need say it.
    assert unnamed_subject(question, {"ginkgo": 3, "tablets": 5}) is None
    assert unnamed_subject(question, {"tablets": 5}) == "ginkgo"


@pytest.mark.parametrize("question", ["how well does it work?", "how often should I take it?"])
def test_how_a_thing_goes_is_no_topic(question):
    assert analyze(question).focus is None
    conversation = Conversation()
    conversation.record(Turn(message="loperamide", query="loperamide", focus="loperamide",
                             answer_text="Loperamide slows the bowel down.", match=1.5))
    assert "loperamide" in contextualize(conversation, question)


ELBOW = """# Tennis elbow (elbow pain)

## What is tennis elbow?

Tennis elbow is pain on the outside of the elbow. It happens when the tendons that join the forearm
muscles to the elbow are overloaded. It is one of the most common causes of elbow pain in adults.

## Symptoms

- pain on the outside of the elbow
- pain when gripping or lifting

## How long does it take to get better?

Tennis elbow can take a while to settle. With rest and exercises, most people's pain improves
within a few months, and about 9 out of 10 people recover within a year.

## Other treatments

If self-care does not help, a physiotherapist may suggest:

- a programme of exercises to strengthen the forearm
- a brace worn below the elbow
- a steroid injection, which may ease the pain for a few weeks
"""


@pytest.fixture(scope="module")
def elbow(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "tennis-elbow.md", ELBOW)


def test_a_follow_up_whose_best_section_was_not_quoted_is_answered_from_it(elbow):
    # Read with its topic, the follow-up was composed from the recovery section again, though
    # the section the search ranks first for it is "Other treatments".
    conversation = Conversation()
    for question in ["what is tennis elbow", "how long does it take to get better?"]:
        elbow.answer(conversation, question)
    answer = elbow.answer(conversation, "what if it doesnt get better?")
    assert not answer.abstained
    assert "say no more" not in answer.text
    assert answer.citations[0].section == "Other treatments"
