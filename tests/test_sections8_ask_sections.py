"""A specific ask is answered from the section that names it: a heading naming a word the
question asks beyond its topic ("Alcohol and driving" for "can I drink alcohol while taking
metformin?"), or a sentence saying the whole short ask ("If you forget a dose, ..."), beats the
sections that only repeat the medicine's name; a heading opening with the question's own "when"
keeps the lead."""

from __future__ import annotations

import pytest

from assistant.compose.headings import (
    ask_words,
    opens_as_question_does,
    shares_an_ask_word,
    without_circumstance,
)
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

LEAFLET = """# Metformin

Metformin is a medicine used to treat type 2 diabetes. Metformin lowers the amount of sugar in your blood. Metformin is usually the first medicine tried for type 2 diabetes.

## Usual doses of metformin

The usual starting dose of metformin is 500 mg once a day with breakfast. Your doctor may raise the metformin dose slowly over several weeks. The most metformin tablets most adults take is 2,000 mg a day.

## How to take it

- Swallow the tablets whole with a glass of water, with or just after a meal.
- If you forget a dose, take the next one at the usual time. Do not take two doses at once.
- Keep taking it even if you feel well.

## Alcohol and driving

Drinking a lot of alcohol can cause a rare but serious problem called lactic acidosis, so keep to the recommended limits. Metformin on its own does not usually cause low blood sugar, so it does not normally affect driving.

## Pregnancy and breastfeeding

Metformin can be taken in pregnancy and while breastfeeding, but talk to your doctor if you are pregnant or planning a pregnancy while taking metformin.

## Side effects of metformin

Common side effects of metformin are feeling sick, diarrhoea, stomach ache and a loss of appetite. They usually settle after a few weeks of taking metformin.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "metformin.md", LEAFLET)


def test_a_heading_naming_the_ask_answers(assistant):
    answer = assistant.answer(Conversation(), "Can I drink alcohol while taking metformin?")
    assert answer.citations, answer.text
    assert answer.citations[0].section == "Alcohol and driving", answer.text
    assert "lactic acidosis" in answer.text


def test_a_sentence_saying_the_whole_ask_answers(assistant):
    answer = assistant.answer(Conversation(), "what if I forget a metformin tablet?")
    assert answer.citations, answer.text
    assert answer.citations[0].section == "How to take it", answer.text
    assert "If you forget a dose" in answer.text


@pytest.mark.parametrize(
    ("question", "without"),
    [
        ("can I drink alcohol while taking metformin?", "can I drink alcohol  ?"),
        ("is it safe to drive when using eye drops", "is it safe to drive  "),
        # Not a circumstance: "when" asks the question.
        ("when should I take metformin?", "when should I take metformin?"),
    ],
)
def test_a_circumstance_clause_is_not_the_ask(question, without):
    assert without_circumstance(question) == without


def test_the_ask_words_leave_out_topic_how_long_and_circumstance():
    assert ask_words("what if I forget a dose of metformin?", "Metformin") == {"forget", "dose"}
    assert ask_words("how long should I stay off school with chickenpox?", "Chickenpox") == {
        "stay",
        "school",
    }
    assert not shares_an_ask_word(
        "How to take it", "can I drink alcohol while taking metformin?", "Metformin"
    )


@pytest.mark.parametrize(
    ("heading", "question", "same"),
    [
        ("When to get medical help", "When does a sprain need an X-ray?", True),
        ("Who can get it", "who is at risk of shingles?", True),
        ("When to get medical help", "Why does a sprain swell?", False),
        ("How to treat a sprain", "How long does a sprain take to heal?", False),
    ],
)
def test_a_heading_opening_with_the_questions_word(heading, question, same):
    assert opens_as_question_does(heading, question) is same
