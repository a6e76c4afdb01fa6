"""A question surely written in another language is declined with the reason (the articles are
searched in English), not with "I couldn't find this"; English questions, misspelled, short or
full of drug names, are never read as another language."""

from __future__ import annotations

import pytest

from assistant.service import ABSTAIN_TEXT
from assistant.understanding.conversation import Conversation
from assistant.understanding.language import other_language
from tests.support.kb import build_article_assistant

ARTICLE = """# Tennis elbow

## Symptoms

Tennis elbow causes pain on the outside of the elbow. The pain can spread down the forearm and is worse when you grip or twist things.

## Treatment

Rest the arm and stop the activity that causes the pain. Hold a cold pack on the elbow for a few minutes several times a day. Most people get better within 6 months to 2 years.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("¿Cuánto tiempo tarda en curarse el codo de tenista?", "Spanish"),
        ("Combien de temps dure une épicondylite ?", "French"),
        ("Wie lange dauert ein Tennisarm normalerweise?", "German"),
        ("Quais são os sintomas do cotovelo de tenista?", "Portuguese"),
    ],
)
def test_a_question_in_another_language_is_named(message, language):
    assert other_language(message) == language


@pytest.mark.parametrize(
    "message",
    [
        "how long does tennis elbow last",
        "can i take naproxen and ibuprofen together",
        "wat r the sympotms of tenis elbo",
        "is it ok to play golf with lateral epicondylitis",
        "dolor de codo",  # too short to tell
        "metformin side efects",
    ],
)
def test_english_and_short_questions_are_not_named(message):
    assert other_language(message) is None


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "tennis-elbow.md", ARTICLE)


def test_the_decline_says_the_articles_are_searched_in_english(assistant):
    answer = assistant.answer(Conversation(), "¿Qué ejercicios ayudan con el codo de tenista?")
    assert answer.abstained
    assert not answer.citations
    assert "in English" in answer.text
    assert "Spanish" in answer.text


def test_an_english_question_the_articles_do_not_cover_gets_the_usual_decline(assistant):
    answer = assistant.answer(Conversation(), "how is a torn meniscus in the knee repaired?")
    assert answer.abstained
    assert ABSTAIN_TEXT in answer.text
