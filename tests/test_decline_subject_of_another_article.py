"""A yes-or-no question about a covered topic turns on a thing the answering article must name:
that another article names it ("weight" on the diabetes page, "vaccine" on the shingles page)
does not let the topic's generic passage answer it."""

from __future__ import annotations

import pytest

from assistant.retrieval.abstain import match_strength
from assistant.retrieval.unnamed import unnamed_subject
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze

WORDS = dict.fromkeys(["athlete's", "foot", "feet", "cream", "toes", "itchy", "spread"], 1)


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        ("is there a vaccine for athlete's foot", "vaccine"),  # past "there a"
        ("is there a blood test for athlete's foot", "blood test"),
    ],
)
def test_the_thing_an_is_there_question_asks_for_is_its_subject(question, unnamed):
    assert unnamed_subject(question, WORDS) == unnamed


@pytest.mark.parametrize(
    "question",
    [
        "is there a cream for athlete's foot",
        "is there a link between athlete's foot and itchy toes",  # the link is not a thing
    ],
)
def test_what_the_article_names_is_not_unnamed(question):
    assert unnamed_subject(question, WORDS) is None


ATHLETES_FOOT = """# Athlete's foot

Athlete's foot is a common fungal infection of the feet. It usually appears between the toes,
where the skin becomes itchy, white and cracked or scaly.

## How it spreads

Athlete's foot spreads easily. You can catch it by walking barefoot in changing rooms and
showers, or by sharing towels, socks or shoes with someone who has it. It can spread to your
hands or nails if you scratch your feet.

## Treatment from a pharmacy

A pharmacist can recommend an antifungal cream, spray or powder. Keep using it for 1 to 2 weeks
after the rash has gone. Dry your feet well after washing, especially between the toes, and
wear clean cotton socks every day.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "athletes-foot.md", ATHLETES_FOOT)


@pytest.mark.parametrize(
    "question",
    ["can athlete's foot cause weight loss", "is there a vaccine for athlete's foot"],
)
def test_a_thing_only_another_article_names_declines(assistant, question):
    # The index names it (diabetes: "weight"; shingles: "vaccine"), the athlete's foot page
    # does not; the page still matches well, so the subject, not the score, declines it.
    assert unnamed_subject(question, assistant.speller().vocabulary) is None
    retrieval = assistant.retriever.search(analyze(question))
    assert match_strength(retrieval, assistant.calibration.statistic) >= (
        assistant.calibration.threshold
    )
    assert assistant.answer(Conversation(), question).abstained


@pytest.mark.parametrize(
    "question",
    ["can athlete's foot spread to my hands", "is there a cream for athlete's foot"],
)
def test_a_thing_the_article_names_is_answered(assistant, question):
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert answer.citations[0].title == "Athlete's foot"


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # The visitor piles up words for a symptom; one the page uses names it.
        ("does a stinging itchy feeling between my toes mean athlete's foot", None),
        ("is a cracked heel a sign of athlete's foot", None),
        # None of the symptom's words is the page's: the question turns on something it lacks.
        ("does hair loss mean athlete's foot", "hair loss"),
    ],
)
def test_a_symptom_asked_to_mean_the_topic_is_named_by_any_of_its_words(question, unnamed):
    assert unnamed_subject(question, {**WORDS, "heel": 1}) == unnamed


def test_a_symptom_in_the_visitor_s_words_is_answered(assistant):
    question = "does a stinging itchy rash between my toes mean athlete's foot"
    assert "stinging" not in assistant.speller().vocabulary  # the visitor's word, not the page's
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert answer.citations[0].title == "Athlete's foot"


@pytest.mark.parametrize(
    "question",
    [
        "can i put cream on athlete's foot",  # the subject is the visitor; "put" is no thing
        "is there a pill that cures athlete's foot",  # the lay word for a medicine
        "do baths help athlete's foot",  # the end of "footbaths"
    ],
)
def test_the_visitor_a_medicine_or_a_compound_s_end_is_not_unnamed(question):
    assert unnamed_subject(question, {**WORDS, "footbaths": 1}) is None
