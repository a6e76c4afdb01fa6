"""A question asking one fact (a yes or no, what a term means) is answered first: the sentence of
the section that answers it leads, not the section's opening lists. A list question keeps the
article's order. A "Yes."/"No." is quoted only under the FAQ question it answers."""

from __future__ import annotations

import pytest

from assistant.compose.answer_first import asks_one_fact
from assistant.compose.units import readable_units
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from healthqa.text.sentences import split_sentences
from tests.support.kb import build_article_assistant

ARTICLE = """# Acne

## Symptoms

Acne symptoms include:

- Blackheads and whiteheads
- Red, tender bumps on the face, chest or back
- Pus-filled spots
- Large, painful lumps under the skin

Acne is most common on the face, shoulders and upper back. Acne is not caused by poor hygiene or dirty skin. Washing more than twice a day can irritate the skin and make spots worse.

## Common questions

### Can adults get acne?

Yes. Many adults get acne, especially women in their twenties and thirties.

### Does chocolate make acne worse?

There is little evidence that chocolate causes acne.

### Will teenagers grow out of acne?

Yes, most teenagers grow out of acne by their early twenties. Harsh face scrubs do not speed this up and can make spots worse.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "acne.md", ARTICLE)


@pytest.mark.parametrize(
    "question",
    ["Is acne caused by dirty skin?", "My son has spots. Does washing more help?",
     "what does INR mean", "Can I drink alcohol on warfarin?"],
)
def test_yes_no_and_meaning_questions_ask_one_fact(question):
    assert asks_one_fact(analyze(question), question)


@pytest.mark.parametrize(
    "question", ["What are the symptoms of acne?", "how is acne treated", "acne vs rosacea"]
)
def test_list_and_open_questions_do_not(question):
    assert not asks_one_fact(analyze(question), question)


def test_the_answering_sentence_leads_a_yes_no_answer(assistant):
    answer = assistant.answer(Conversation(), "Is acne caused by dirty skin?")
    assert "Acne is not caused by poor hygiene" in answer.text, answer.text
    said = answer.text.index("Acne is not caused by poor hygiene")
    if "Blackheads" in answer.text:
        assert said < answer.text.index("Blackheads"), answer.text


def test_a_list_question_keeps_the_article_order(assistant):
    answer = assistant.answer(Conversation(), "What are the symptoms of acne?")
    assert answer.text.startswith("Acne symptoms include"), answer.text


def test_no_yes_from_another_faq_item(assistant):
    answer = assistant.answer(Conversation(), "Does acne spread from person to person?")
    assert not answer.text.lstrip().startswith(("Yes.", "No.")), answer.text
    assert "Yes. [" not in answer.text, answer.text


def test_a_yes_sentence_answers_its_own_faq_question(assistant):
    answer = assistant.answer(Conversation(), "Will teenagers grow out of acne?")
    assert "Yes, most teenagers grow out of acne" in answer.text, answer.text


def test_a_yes_sentence_is_not_quoted_under_another_question(assistant):
    answer = assistant.answer(Conversation(), "Do face scrubs make acne go away faster?")
    assert "Harsh face scrubs" in answer.text, answer.text
    assert "Yes, most teenagers" not in answer.text, answer.text


def test_a_sentence_pointing_back_after_an_opening_phrase_keeps_its_antecedent():
    text = (
        "Bronchitis irritates the airways. From the second day, mucus builds up in the tubes. "
        "In most adults, this mucus clears within three weeks."
    )
    units = readable_units(text, split_sentences(text))
    last = next(u for u in units if 2 in u.sentences)
    assert 1 in last.sentences
