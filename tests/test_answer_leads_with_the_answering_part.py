"""What answers a one-thing question leads, wherever the article put it (audit 12, F3 and F4):
the list item saying the question's own words ("in spring"), the table row of the age the
question gives or of the group a follow-up brings up, the sentence saying how soon, the
sentence telling to call 911 for "when is it an emergency?", and an FAQ's short answer
("Usually not.", "It is common.") before the sentences saying why."""

from __future__ import annotations

import pytest

from assistant.compose.answer_first import asks_one_thing
from assistant.compose.durations import asks_how_long, states_a_duration
from assistant.compose.scoring import asks_as_heading
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from tests.support.kb import build_article_assistant

ARTICLE = """# Chilblains

## What causes chilblains?

Chilblains are caused by the small blood vessels under the skin reacting to cold. Things that make them more likely include:

- standing for a long time on a cold, damp floor
- tight shoes that squeeze the toes
- smoking, which narrows the small blood vessels
- sudden warming of cold feet on a radiator in early spring
- poor circulation in the hands and feet

Often there is no single cause.

## Symptoms of chilblains

Chilblains can cause:

- itchy red or purple patches on the toes or fingers
- a burning feeling in the skin
- swelling of the affected area
- cracked skin
- blisters in severe cases

Chilblains usually appear 12 to 24 hours after the skin has been cold. They heal on their own within 1 to 2 weeks in most people.

## Can chilblains come back?

It is common. Many people get chilblains again each year, especially if they smoke or have poor circulation.

## Do I need cream for chilblains?

Usually not. Most chilblains heal without any treatment if the skin is kept warm and dry. A pharmacist can suggest a soothing lotion for the itch.

## When to see a doctor

- your chilblains have not healed after 2 weeks
- you keep getting chilblains
- you have diabetes and get chilblains on your feet
- the skin has broken and looks infected

Call 911 or go to the emergency room if a toe or finger turns black, or the skin goes numb and cold and does not warm up.

## How warm should a bedroom be?

| Who | Room temperature |
|---|---|
| Babies under 1 year | 16 to 20 degrees, with light bedding |
| Children 1 to 12 years | 18 to 20 degrees |
| Teenagers 13 to 17 years | 17 to 19 degrees |
| Adults 18 to 64 years | 16 to 19 degrees |
| Adults 65 and older | at least 18 degrees |
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "chilblains.md", ARTICLE)


def _first_line(answer) -> str:
    return answer.text.strip().splitlines()[0]


def test_the_item_saying_the_question_own_words_leads_a_list_of_the_kind_asked(assistant):
    answer = assistant.answer(Conversation(), "why do i get chilblains in spring")
    assert _first_line(answer).startswith("Sudden warming of cold feet on a radiator"), answer.text
    assert answer.text.count("on a radiator") == 1


def test_a_causes_question_without_own_words_keeps_the_list_in_order(assistant):
    answer = assistant.answer(Conversation(), "what causes chilblains?")
    assert _first_line(answer).startswith("Chilblains are caused by"), answer.text


def test_the_item_saying_the_question_own_words_leads_a_plain_question(assistant):
    answer = assistant.answer(Conversation(), "my chilblains have blisters is that ok")
    assert _first_line(answer).startswith("Blisters in severe cases."), answer.text


def test_an_item_too_short_to_read_alone_leads_inside_its_list(assistant):
    answer = assistant.answer(Conversation(), "is cracked skin a symptom of chilblains?")
    lines = answer.text.strip().splitlines()
    assert lines[0].startswith("Chilblains can cause:"), answer.text
    assert not any(line.startswith("Cracked skin.") for line in lines), answer.text


@pytest.mark.parametrize("question", ["how soon do chilblains appear after the cold"])
def test_how_soon_asks_a_length_of_time(question):
    assert asks_how_long(question)
    assert asks_one_thing(analyze(question), question)


def test_a_how_soon_answer_leads_with_the_duration_under_a_heading_of_its_kind(assistant):
    answer = assistant.answer(Conversation(), "how soon do chilblains appear after the cold")
    assert _first_line(answer).startswith("Chilblains usually appear 12 to 24 hours"), answer.text


def test_an_age_is_no_length_of_time():
    assert not states_a_duration("It is most common between 6 months and 3 years old.")
    assert not states_a_duration("It affects children under 5 years of age.")
    assert states_a_duration("It usually clears within 3 days.")


def test_the_row_holding_the_age_asked_leads(assistant):
    answer = assistant.answer(Conversation(), "how warm should the bedroom be for a 7 year old")
    assert _first_line(answer).startswith("Who: Children 1 to 12 years"), answer.text


def test_a_follow_up_group_row_leads(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "how warm should a bedroom be for adults")
    answer = assistant.answer(conversation, "and teenagers?")
    assert _first_line(answer).startswith("Who: Teenagers 13 to 17 years"), answer.text


def test_the_emergency_sentence_leads_when_is_it_an_emergency(assistant):
    answer = assistant.answer(Conversation(), "when are chilblains an emergency?")
    lines = answer.text.strip().splitlines()
    assert lines[0].startswith("Call 911 or go to the emergency room"), answer.text
    # The routine list after it is not read as more reasons to call 911.
    assert lines[1].startswith("When to see a doctor:"), answer.text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("can chilblains come back?", "It is common. [1] Many people get chilblains again"),
        ("do I need cream for chilblains?", "Usually not. [1] Most chilblains heal"),
    ],
)
def test_an_faq_short_answer_is_kept_and_leads(assistant, question, opening):
    answer = assistant.answer(Conversation(), question)
    assert answer.text.strip().startswith(opening), answer.text


def test_an_faq_heading_word_typed_as_two_words_is_asked():
    assert asks_as_heading("Does heartburn come back?", "does heart burn come back?")
