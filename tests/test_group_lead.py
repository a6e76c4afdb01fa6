"""A section written for several groups at once ("Heartburn in children and in pregnancy") is led
by what it says of the group the question names, not quoted in the article's order, and comes
before a source about no group ("Causes"); and an FAQ
item asking about a group in other words than the visitor's ("Can children get ...?" for "can
kids get ...") keeps its short answer ("Yes, but it is rare.")."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Heartburn

## What is heartburn?

Heartburn is a burning feeling in the chest caused by stomach acid travelling up towards the throat. It is very common and usually gets better with simple changes to what you eat.

## Causes

Heartburn is often set off by large meals, fatty or spicy food, alcohol, coffee and smoking. Being overweight, stress and some medicines can also make it more likely.

## Treatment

Antacids neutralise stomach acid and give quick relief. If heartburn keeps coming back, a pharmacist may suggest a medicine that reduces how much acid your stomach makes.

## Heartburn in children and in pregnancy

Children can get heartburn too, often after large meals or fizzy drinks late in the evening. Do not give children medicines meant for adults without asking a pharmacist.

If you are pregnant, heartburn is common in the last months because the baby presses on the stomach. Eating smaller meals and not lying down after eating often helps. Some antacids are safe in pregnancy, so ask your midwife or pharmacist which one to use.

## Frequently asked questions

### Can babies get heartburn?

Yes, but it is usually mild. Babies who bring up milk after feeds and are gaining weight rarely need treatment.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "heartburn.md", ARTICLE)


def test_a_pregnancy_question_opens_on_the_pregnancy_paragraph(assistant):
    answer = assistant.answer(Conversation(), "heartburn while pregnant, what can I do")
    assert answer.citations[0].section == "Heartburn in children and in pregnancy"
    body = answer.text
    assert "If you are pregnant" in body
    assert body.index("If you are pregnant") < body.find("Children can get heartburn")


def test_a_follow_up_about_pregnancy_opens_on_the_pregnancy_paragraph(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "how is heartburn treated")
    answer = assistant.answer(conversation, "and what if I'm pregnant?")
    assert answer.citations[0].section == "Heartburn in children and in pregnancy"
    body = answer.text
    assert "If you are pregnant" in body
    assert body.index("If you are pregnant") < body.find("Children can get heartburn")


def test_a_childrens_question_keeps_the_childrens_paragraph_first(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "how is heartburn treated")
    answer = assistant.answer(conversation, "what about for kids?")
    assert answer.citations[0].section == "Heartburn in children and in pregnancy"
    body = answer.text
    assert body.index("Children can get heartburn") < body.find("If you are pregnant")


def test_the_source_about_the_asked_group_comes_first(assistant):
    answer = assistant.answer(
        Conversation(), "my teenager keeps getting heartburn after dinner, is that normal?"
    )
    sections = [c.section for c in answer.citations]
    assert "Heartburn in children and in pregnancy" in sections
    assert sections[0] == "Heartburn in children and in pregnancy"


def test_an_faq_asking_about_a_group_in_other_words_keeps_its_short_answer(assistant):
    answer = assistant.answer(Conversation(), "can infants get heartburn")
    assert answer.citations[0].section == "Can babies get heartburn?"
    assert answer.text.startswith("Yes, but it is usually mild.")
