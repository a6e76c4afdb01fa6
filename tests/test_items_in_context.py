"""What a quoted list item or pointing sentence needs to mean what the page says (audit 13):
an item that completes its list's condition ("more likely if you: - drink ...", "do not: - lie
down ...", a "When to see a GP" list) leads under that condition, never alone as a sentence,
where it would read as advice or as a statement about the reader; a sentence pointing at "the
tips above" is quoted only right after that list, not from another section where nothing is
above it."""

from __future__ import annotations

import pytest

from assistant.compose.conditional_items import completes_condition
from assistant.compose.pointing import points_at
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Heartburn

## Causes of heartburn

Heartburn happens when stomach acid rises into the food pipe. You are more likely to get heartburn if you:

- are overweight
- smoke
- eat large meals late in the evening
- drink a lot of coffee, especially strong espresso
- are taking anti-inflammatory painkillers such as ibuprofen

## Easing heartburn yourself

To ease heartburn, do not:

- lie down within 3 hours of eating
- wear tight belts or waistbands
- eat spicy or fatty food before bed
- bend over straight after a meal

It can also help to raise the head of your bed by 10 to 20 centimetres. If the tips above do not help after 2 weeks, speak to a pharmacist.

## When to see a GP

- you have had heartburn most days for 3 weeks or more
- you need to take antacids every single day
- you have heartburn and are losing weight without trying
- food keeps getting stuck when you swallow

## Heartburn in pregnancy

Heartburn is common in the last months of pregnancy. Many people try the self-help tips above before taking any medicine. A pharmacist can tell you which antacids are safe to take while pregnant.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "heartburn.md", ARTICLE)


@pytest.mark.parametrize(
    "introduction",
    [
        "You are more likely to get heartburn if you:",
        "Call a doctor if:",
        "See a GP if your child has:",
        "When to see a GP",
        "It is more common in people who:",
        "To ease heartburn, do not:",
        "You should never:",
        "Things to avoid:",
        "Don't:",
    ],
)
def test_an_introduction_its_items_complete_as_a_condition(introduction):
    assert completes_condition(introduction)


@pytest.mark.parametrize(
    "introduction",
    [
        "Symptoms of heartburn include:",
        "To ease an attack:",
        "While it is painful:",
        "If these do not help, try:",
        "Things that make it more likely include:",
        "A pharmacist can help with:",
    ],
)
def test_an_introduction_that_says_what_its_items_are(introduction):
    assert not completes_condition(introduction)


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Many people try the self-help tips above before taking any medicine.", "above"),
        ("If the tips above do not help, speak to a pharmacist.", "above"),
        ("Follow the advice above.", "above"),
        ("See below for more.", "below"),
        ("The pain spreads below the ribs.", ""),
        ("Call if your temperature is above 38C.", ""),
        ("It is free for people aged 60 and above.", ""),
        ("Wear a support above and below the knee.", ""),
        ("Keep your blood pressure below 140.", ""),
    ],
)
def test_a_sentence_pointing_at_the_page_around_it(sentence, where):
    assert points_at(sentence) == where


def _lines(answer) -> list[str]:
    return answer.text.strip().splitlines()


def test_a_risk_item_leads_under_its_condition_not_as_advice(assistant):
    answer = assistant.answer(Conversation(), "is coffee bad for heartburn")
    lines = _lines(answer)
    assert lines[0].startswith("You are more likely to get heartburn if you:"), answer.text
    assert lines[1].startswith("- drink a lot of coffee, especially strong espresso"), answer.text
    assert "Drink a lot of coffee" not in answer.text
    assert answer.text.count("strong espresso") == 1


def test_a_forbidden_item_leads_under_its_prohibition(assistant):
    answer = assistant.answer(Conversation(), "can i lie down after eating if i have heartburn")
    lines = _lines(answer)
    assert lines[0].startswith("To ease heartburn, do not:"), answer.text
    assert lines[1].startswith("- lie down within 3 hours of eating"), answer.text
    assert "Lie down within 3 hours" not in answer.text


def test_an_item_of_a_list_the_heading_introduces_leads_under_the_heading(assistant):
    answer = assistant.answer(
        Conversation(), "i need to take antacids every single day, should i see a GP?"
    )
    lines = _lines(answer)
    assert lines[0].startswith("When to see a GP:"), answer.text
    assert lines[1].startswith("- you need to take antacids every single day"), answer.text
    assert "You need to take antacids" not in answer.text


def test_a_sentence_pointing_above_is_left_out_where_nothing_is_above_it(assistant):
    answer = assistant.answer(Conversation(), "which antacids are safe for heartburn in pregnancy")
    assert "antacids are safe to take while pregnant" in answer.text, answer.text
    assert "tips above" not in answer.text


def test_a_sentence_pointing_above_is_quoted_after_the_list_it_points_at(assistant):
    answer = assistant.answer(
        Conversation(), "what if heartburn self-help does not work after 2 weeks"
    )
    text = answer.text
    assert "If the tips above do not help after 2 weeks" in text, text
    assert text.index("- bend over straight after a meal") < text.index("tips above"), text
