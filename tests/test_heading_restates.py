"""The section whose heading the question says again leads the answer ("how to prevent X?" and
"Preventing X", "is it X or Y?"), its opening sentence is quoted, and another section is added
only if it speaks to what was asked, not merely to the topic."""

from __future__ import annotations

import pytest

from assistant.compose.headings import restatement
from assistant.understanding.conversation import Conversation
from assistant.understanding.question_types import QuestionType
from tests.support.kb import build_article_assistant

ARTICLE = """# Sunburn

Sunburn is skin damage caused by ultraviolet (UV) rays from the sun or sunbeds. Sunburn usually gets better on its own within a week, but it raises the risk of skin cancer later in life.

## Symptoms of sunburn

The first sign is usually skin that looks red and feels hot and sore to touch. After a few days the skin may start to peel and itch. Sunburn symptoms can be mistaken for an allergy, but unlike an allergy, sunburn only affects skin that was uncovered in the sun. Severe sunburn can cause blisters, swelling, a high temperature and feeling sick.

## Treating sunburn

Sunburn is treated by cooling the skin with a cool shower or damp towel and applying aloe vera or an after-sun lotion. Painkillers such as paracetamol or ibuprofen can ease the pain of sunburn. Drink plenty of water to stop you getting dehydrated, and stay out of the sun until the sunburn has healed.

## Is it sunburn or heat rash?

Heat rash causes small, raised, itchy spots and a prickly feeling, often where sweat is trapped, such as under clothing. Sunburn makes a whole area of uncovered skin red and sore, and it does not cause separate spots.

## Preventing sunburn

- Spend time in the shade between 11am and 3pm, when the sun is strongest.
- Cover up with clothing, a wide-brimmed hat and sunglasses.
- Use a sunscreen of at least SPF 30 and reapply it every 2 hours and after swimming.
- Never use sunbeds.

## Who is more likely to get sunburn

You are more likely to burn if you have fair or freckled skin, red or fair hair, or light-coloured eyes. Babies and young children burn more easily, and some medicines make the skin more sensitive to the sun. Sunburn is not passed from person to person and cannot be caught from someone else.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "sunburn.md", ARTICLE)


def test_a_heading_the_question_says_again_leads(assistant):
    # The symptoms section names the topic and its signs more often; the comparison's own
    # section answers.
    answer = assistant.answer(Conversation(), "how can i tell if it is sunburn or heat rash")
    assert answer.text.startswith("Heat rash causes small, raised, itchy spots"), answer.text
    assert answer.citations[0].section == "Is it sunburn or heat rash?"


def test_a_second_section_must_speak_to_the_ask(assistant):
    # The treatment section names the topic as often, but says nothing about preventing it.
    answer = assistant.answer(Conversation(), "how to prevent sunburn?")
    assert answer.citations[0].section == "Preventing sunburn", answer.text
    assert all(c.section == "Preventing sunburn" for c in answer.citations), answer.text


def test_the_first_sentence_under_the_asked_heading_is_quoted(assistant):
    # Later sentences say "sunburn" again and outscore the one that answers first.
    answer = assistant.answer(Conversation(), "symptoms of sunburn")
    assert answer.text.startswith("The first sign is usually skin that looks red"), answer.text


@pytest.mark.parametrize(
    ("heading", "question", "asked", "said"),
    [
        ("Preventing sunburn", "how do i prevent sunburn", QuestionType.prevention, True),
        ("Is it sunburn or heat rash?", "sunburn or heat rash", QuestionType.information, True),
        # Only the kind matches: left to the heading-kind rule, which asks for a closer score.
        ("Treating sunburn", "how is sunburn treated", QuestionType.treatment, True),
        ("Symptoms", "how can i tell it is sunburn", QuestionType.symptoms, False),
        ("Preventing further burns", "what do i do for sunburn", QuestionType.treatment, False),
        ("What is sunburn?", "what causes sunburn", QuestionType.causes, False),
    ],
)
def test_restatement(heading, question, asked, said):
    assert (restatement(heading, question, asked, "Sunburn") is not None) is said
