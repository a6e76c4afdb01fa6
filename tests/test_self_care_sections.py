"""A question asking what the visitor can do themselves ("at home", "what can we do?") is
answered by the section for what the reader does, not by the clinician's treatment or when to
get help, even when a story's words lean there; a question about the clinician is not."""

from __future__ import annotations

import pytest

from assistant.compose.self_care import asks_for_self_care, self_care_heading
from tests.support.kb import build_article_assistant, file_name
from tests.test_assistant import ask

ATHLETES_FOOT = """# Athlete's foot

## Overview

Athlete's foot is a common fungal infection of the skin of the feet. It is not serious, but it
can spread to the toenails or hands, and it can come back.

## Symptoms

Athlete's foot causes itchy, red, peeling or cracked skin between the toes. The skin may be
sore, weep fluid or smell. Sometimes small blisters appear on the soles of the feet.

## How to treat athlete's foot yourself

A pharmacist can recommend an antifungal cream, spray or powder. To help it clear:

- wash your feet every day and dry them well, especially between the toes
- use a separate towel for your feet and wash it often
- wear clean cotton socks and change them every day
- wear different shoes every other day so they can dry out

## Socks and shoes

Choose cotton or wool socks rather than nylon, and shoes made of leather or canvas that let the
feet breathe. Keep a pair of flip-flops for changing rooms and pool sides.

## Athlete's foot in children

Children often pick up athlete's foot at swimming pools. Check between a child's toes after
swimming, and ask a pharmacist for a cream that is suitable for the child's age.

## Treatment from a GP

A GP may take a scraping of skin to send to a laboratory, and may prescribe antifungal tablets
such as terbinafine if the infection has spread to the nails or creams have not worked.

## When to see a GP

See a GP if treatment from a pharmacist has not worked after 2 weeks, your foot is very swollen
or hot, or you have diabetes.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "athletes-foot.md", ATHLETES_FOOT)


@pytest.mark.parametrize(
    "question",
    [
        "My feet itch between the toes and the skin is peeling and cracked and sore. "
        "How do I get rid of athlete's foot at home?",
        "My son has athlete's foot again, the skin between his toes is cracked and weeping. "
        "What can we do to help him?",
    ],
)
def test_a_story_asking_what_to_do_is_answered_by_the_self_care_section(assistant, question):
    answer = ask(assistant, question)
    assert not answer.abstained
    assert file_name(answer.citations[0].doc_id) == "athletes-foot.md"
    assert answer.citations[0].section == "How to treat athlete's foot yourself", answer.text


def test_a_follow_up_about_a_group_keeps_the_group_section(assistant):
    answer = ask(assistant, "How do I treat athlete's foot at home?", "what about in children?")
    assert answer.citations[0].section == "Athlete's foot in children", answer.text


def test_a_heading_the_question_names_keeps_its_section(assistant):
    answer = ask(assistant, "What should I do about socks and shoes with athlete's foot?")
    assert answer.citations[0].section == "Socks and shoes", answer.text


def test_a_question_about_the_clinician_keeps_the_clinician_section(assistant):
    answer = ask(assistant, "What treatment will a GP give for athlete's foot?")
    assert answer.citations[0].section != "How to treat athlete's foot yourself", answer.text


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how do I get rid of it at home?", True),
        ("What can we do to help her?", True),
        ("how can I ease the itching myself?", True),
        ("any home remedies for it?", True),
        ("what will the doctor do?", False),
        ("how do I get rid of it, or should I see a GP?", False),
        ("what causes it?", False),
    ],
)
def test_questions_asking_for_self_care(question, asks):
    assert asks_for_self_care(question) is asks


@pytest.mark.parametrize(
    ("heading", "own"),
    [
        ("How to treat athlete's foot yourself", True),
        ("What you can do", True),
        ("Things you can try at home", True),
        ("Caring for a child with a cold", True),
        ("Treatment from a GP", False),
        ("When to see a doctor", False),
        ("Getting medical care", False),
        ("Symptoms", False),
    ],
)
def test_headings_for_self_care(heading, own):
    assert self_care_heading(heading) is own
