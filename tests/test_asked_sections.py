"""The section that answers what kind of thing is asked leads, whatever it shares with the
question: "when is it an emergency?" from the page's "when to get help" section, "who gets it?"
from its risk factors, a general question not from the section for one group, "how long until it
goes away?" from the outlook."""

from __future__ import annotations

import re

import pytest

from assistant.compose.headings import shares_an_ask_word
from assistant.compose.units import readable_units
from assistant.understanding.conversation import Conversation, groups_named
from assistant.understanding.question_types import QuestionType, question_type
from tests.support.kb import build_article_assistant

ARTICLE = """# Bursitis

Bursitis is when a bursa, a small fluid-filled sac that cushions a joint, becomes swollen and painful. It most often affects the shoulder, elbow, hip or knee.

## Symptoms of bursitis

Bursitis usually comes on over a few days. A swelling over the joint, often soft like a small balloon, is the most common sign. It:

- feels warm and tender when you press on it
- may look red on white skin
- can make the joint stiff

Some people also have pain that is worse at night or when they lean on the joint.

## Treatment for bursitis

Bursitis is treated by resting the joint and holding an ice pack wrapped in a towel on it for up to 20 minutes every few hours. Anti-inflammatory painkillers such as ibuprofen can ease the pain of bursitis. If bursitis does not get better, a doctor may give a steroid injection or drain fluid from the bursa with a needle.

## Risk factors

Anyone can get bursitis, but you are more likely to get it if you:

- are over 40
- kneel, lean on your elbows or lift things above your head a lot for work or sport
- have had an injury to the joint
- have rheumatoid arthritis or diabetes

## Bursitis in older people

Older people often have thinner skin over the elbow and knee, and a bursa there can become infected after a small cut. Painkillers may not suit older people with kidney or stomach problems, so a GP will choose bursitis treatment carefully.

## Infected bursitis

Bursitis caused by bacteria, called septic bursitis, needs antibiotics. Signs of septic bursitis include:

- a joint that is hot, very red and very swollen
- a high temperature
- feeling shivery and unwell

## When to get medical help

See a GP if bursitis has not got better after 2 weeks of rest and painkillers.

Call 111 or go to A&E straight away if:

- you have a high temperature as well as a hot, swollen joint
- the pain is so bad you cannot move the joint at all
- you feel very unwell or shivery

These can be signs of an infected bursa, which needs treating in hospital quickly.

## Outlook

Most bursitis gets better within a few weeks. It can come back if you keep putting pressure on the joint.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bursitis.md", ARTICLE)


@pytest.mark.parametrize(
    "question",
    [
        "when is bursitis an emergency",
        "is bursitis urgent",
        "do i need to go to hospital with bursitis",
    ],
)
def test_when_to_get_help_answers_an_urgency_question(assistant, question):
    answer = assistant.answer(Conversation(), question)
    assert answer.citations, answer.text
    assert answer.citations[0].section == "When to get medical help", answer.text


def test_a_follow_up_asking_when_to_see_a_doctor(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "how is bursitis treated?")
    answer = assistant.answer(conversation, "and when should i see a doctor?")
    assert answer.citations[0].section == "When to get medical help", answer.text


def test_who_gets_it_is_answered_by_the_risk_factors(assistant):
    answer = assistant.answer(Conversation(), "who gets bursitis")
    assert answer.citations[0].section == "Risk factors", answer.text
    assert all(c.section != "Treatment for bursitis" for c in answer.citations), answer.text


def test_a_section_for_one_group_does_not_answer_everyone(assistant):
    answer = assistant.answer(Conversation(), "what are the symptoms of bursitis")
    assert answer.citations[0].section == "Symptoms of bursitis", answer.text
    older = assistant.answer(Conversation(), "bursitis treatment for older people")
    assert any(c.section == "Bursitis in older people" for c in older.citations), older.text


def test_a_short_section_asked_for_is_quoted_whole(assistant):
    # The sign's own list is introduced by a bare "It:": quoted with the sentence it leans on,
    # and the section from its start.
    answer = assistant.answer(Conversation(), "what are the symptoms of bursitis?")
    assert answer.text.startswith("Bursitis usually comes on over a few days."), answer.text
    assert "It: [1]\n- feels warm and tender" in answer.text, answer.text
    assert "worse at night" in answer.text, answer.text


def test_a_section_about_what_the_question_names_stays_the_answer(assistant):
    # "Symptoms of bursitis" has the asked kind in its heading, but not what is asked about.
    answer = assistant.answer(Conversation(), "what are the signs of septic bursitis?")
    assert answer.citations[0].section == "Infected bursitis", answer.text


def test_how_long_until_it_goes_away_is_the_outlook(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "how is bursitis treated?")
    answer = assistant.answer(conversation, "how long until it goes away?")
    assert answer.citations[0].section in {"Outlook", "Symptoms of bursitis"}, answer.text
    assert "week" in answer.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Questions, as consumers type them
        ("when is a migraine an emergency", QuestionType.seek_care),
        ("should i see a doctor about my rash?", QuestionType.seek_care),
        ("does my daughter need to go to hospital", QuestionType.seek_care),
        ("when should I call an ambulance for asthma", QuestionType.seek_care),
        ("who gets shingles", QuestionType.susceptibility),
        ("what are the risk factors for glaucoma", QuestionType.susceptibility),
        ("how long until a cold goes away?", QuestionType.outlook),
        ("when should I get tested for hepatitis C", QuestionType.diagnosis),
        ("should i tell my doctor about my supplements", QuestionType.information),
        # Headings, in different sites' styles
        ("When to see a GP", QuestionType.seek_care),
        ("When to Contact a Medical Professional", QuestionType.seek_care),
        ("Urgent advice: ask for an urgent GP appointment if", QuestionType.seek_care),
        ("Call 999 or go to A&E if:", QuestionType.seek_care),
        ("When to seek medical care", QuestionType.seek_care),
        ("Treatment in hospital", QuestionType.treatment),
        ("Emergency treatment", QuestionType.treatment),
        ("Risk factors", QuestionType.susceptibility),
        ("Causes and risk factors", QuestionType.causes),
    ],
)
def test_kind(text, kind):
    assert question_type(text) is kind


def test_the_words_that_say_the_kind_are_not_what_is_asked_about():
    # "doctor" says when to get care; the doctor's treatment is another question.
    assert not shares_an_ask_word(
        "Treatment from a doctor", "when should i see a doctor about my cold sore", "Cold sores"
    )
    assert shares_an_ask_word(
        "Foods and drinks: what to limit", "what foods should i avoid with gout", "Gout"
    )


def test_groups_named():
    assert groups_named("Bursitis in older people") == groups_named("my elderly mother")
    assert groups_named("my son is 7 and has a cough") == groups_named("Coughs in children")
    assert not groups_named("symptoms of low blood pressure")


def test_an_instruction_about_them_is_quoted_with_what_they_are():
    text = (
        "Saline sprays are the first treatment. Use them three times a day. "
        "When it rains, pollen counts fall."
    )
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    units = readable_units(text, spans)
    assert units[0].sentences == (0, 1)
    assert units[1].sentences == (2,)
