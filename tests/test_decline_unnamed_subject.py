"""A yes-or-no question whose subject, or what it asks is caused, no article names is declined,
though its topic is covered; other words the articles lack do not decline a question."""

from __future__ import annotations

import pytest

from assistant.retrieval.abstain import match_strength
from assistant.retrieval.unnamed import unnamed_subject
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze

WORDS = dict.fromkeys(
    ["ringworm", "skin", "rash", "cats", "fungus", "itchy", "contagious", "spread", "cream",
     "expiry", "cot", "baby", "raise", "head", "medicine"],
    1,
)


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        ("can my horse get ringworm", "horse"),
        ("do goldfish spread ringworm", "goldfish"),
        ("can ringworm cause hair loss", "hair"),  # what it is asked to cause
        ("are scabies mites the cause of the rash", "scabies mites"),
        ("can ringworm affect your nails", "nails"),  # what it is asked to reach or harm
        ("can ringworm spread to my scalp", "scalp"),
        ("is ringworm linked to my hair falling out", "hair"),
        ("does the rash get worse when i eat bread", "bread"),  # what is eaten
    ],
)
def test_the_subject_no_article_names_is_found(question, unnamed):
    assert unnamed_subject(question, WORDS) == unnamed


@pytest.mark.parametrize(
    "question",
    [
        "can cats spread ringworm",  # the subject is named ("cats")
        "can my cat get ringworm",  # another form of a named word
        "does the cream expire",  # "expiry": the same word's start
        "should i raise the head of his crib",  # the subject is the visitor
        "is it necessary to see a doctor for ringworm",  # a pronoun subject: "necessary" says
        "are they contagious",  # something of it, and is not a thing asked about
        "can i take imodium for ringworm",  # what is taken is not the subject
        "is ringworm bad for my husband",  # the visitor's words, not a thing asked about
        "how do dogs get ringworm",  # not a yes-or-no question
        "can ringworm spread to my baby",  # a named group, another form of a named word
        "can ringworm affect the skin",
        "can i eat normally with ringworm",  # how, not what, is eaten
    ],
)
def test_other_words_the_articles_lack_do_not_count(question):
    assert unnamed_subject(question, WORDS) is None


RINGWORM = """# Ringworm

Ringworm is a common fungal skin infection. It is not caused by a worm. It causes a ring-shaped
rash that may be red, silver or darker than the surrounding skin, and it can be itchy.

## How ringworm spreads

Ringworm is contagious. It spreads through close skin contact with an infected person or
animal, such as a cat, or by sharing towels, bedding or combs. Children get it more often.

## Treatment

A pharmacist can recommend an antifungal cream, spray or powder. Use it for 2 weeks after the
rash has gone, so that the fungus does not come back. Wash towels and bedding often.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "ringworm.md", RINGWORM)


@pytest.mark.parametrize(
    "question",
    [
        "can my goldfish get ringworm",
        "can ringworm cause hair loss",
        "do hamsters spread ringworm",
        "can ringworm affect your eyes",
        "can ringworm spread to my scalp",
    ],
)
def test_a_covered_topic_asked_about_an_unnamed_subject_is_declined(assistant, question):
    # The ringworm page matches well: the subject, not the score, declines it.
    retrieval = assistant.retriever.search(analyze(question))
    assert match_strength(retrieval, assistant.calibration.statistic) >= (
        assistant.calibration.threshold
    )
    assert assistant.answer(Conversation(), question).abstained


@pytest.mark.parametrize(
    "question",
    [
        "can my cat give me ringworm",
        "is ringworm contagious",
        "does ringworm itch",
        "can ringworm spread to my children",
    ],
)
def test_a_covered_topic_asked_about_a_named_subject_is_answered(assistant, question):
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert answer.citations[0].title == "Ringworm"
