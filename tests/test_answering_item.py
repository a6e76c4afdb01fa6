"""A question asking one thing (how long, why, what a term is, a yes or no, what something does)
is answered first: the sentence or the one list item that answers leads, not the section's
opening list or an unasked first source; a list question and "tell me about" keep the article's
order."""

from __future__ import annotations

import pytest

from assistant.compose.answer_first import asked_term, asks_one_thing
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from tests.support.kb import build_article_assistant

ARTICLE = """# Bursitis

## Symptoms of bursitis

The main symptoms of bursitis include:

- pain in a joint, often the knee, elbow or shoulder
- swelling and warmth over the joint
- stiffness that makes the joint hard to move

An episode of bursitis usually lasts 1 to 2 weeks. The swelling goes down completely within 4 weeks. The small fluid-filled cushion over a joint is called a bursa.

## Looking after yourself

While it is painful:

- rest the joint and raise it on a pillow
- hold an ice pack wrapped in a towel on it for 10 minutes
- take painkillers such as paracetamol
- avoid kneeling, especially on hard floors, until the pain has gone
- pad the joint with a soft cushion when you sit

## Questions people ask

Bursitis pain is often worse at night because lying on the affected side presses on the swollen bursa.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bursitis.md", ARTICLE)


@pytest.mark.parametrize(
    "question",
    [
        "how long does bursitis last",
        "Why is bursitis worse at night?",
        "what is a bursa",
        "What does an ice pack do?",
        "Can I kneel if I have bursitis?",
        "Should I avoid kneeling with bursitis?",
    ],
)
def test_questions_asking_one_thing(question):
    assert asks_one_thing(analyze(question), question)


@pytest.mark.parametrize(
    "question",
    ["What are the symptoms of bursitis?", "tell me about bursitis", "how is bursitis treated"],
)
def test_list_and_open_questions_do_not_ask_one_thing(question):
    assert not asks_one_thing(analyze(question), question)


def test_the_asked_term_is_read_only_from_a_what_is_question():
    assert asked_term(analyze("what is a bursa"), "what is a bursa") == asked_term(
        analyze("What is bursa?"), "What is bursa?"
    )
    assert asked_term(analyze("what is a bursa"), "what is a bursa")
    assert not asked_term(analyze("how long does bursitis last"), "how long does bursitis last")


def _first_line(answer) -> str:
    return answer.text.strip().splitlines()[0]


def test_a_how_long_answer_leads_with_the_durations(assistant):
    answer = assistant.answer(Conversation(), "how long does bursitis last")
    assert _first_line(answer).startswith("An episode of bursitis usually lasts 1 to 2 weeks.")


def test_a_what_is_answer_leads_with_the_sentence_naming_the_term(assistant):
    answer = assistant.answer(Conversation(), "what is a bursa")
    assert "is called a bursa" in _first_line(answer)


def test_the_list_item_that_answers_a_yes_no_question_leads_as_a_sentence(assistant):
    answer = assistant.answer(Conversation(), "Should I avoid kneeling with bursitis?")
    first = _first_line(answer)
    # As a sentence: a capital and a closing stop, which the list item did not have.
    assert first.startswith("Avoid kneeling, especially on hard floors, until the pain has gone.")
    # The item is said once, not again inside the list after it.
    assert answer.text.count("especially on hard floors") == 1


def test_the_answering_source_comes_before_an_unasked_one(assistant):
    answer = assistant.answer(Conversation(), "Why is bursitis pain worse at night?")
    assert answer.citations[0].section == "Questions people ask"
    assert _first_line(answer).startswith("Bursitis pain is often worse at night")


def test_a_list_question_keeps_the_list_first(assistant):
    answer = assistant.answer(Conversation(), "What are the symptoms of bursitis?")
    assert _first_line(answer).startswith("The main symptoms of bursitis include")
