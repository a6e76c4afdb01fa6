"""An FAQ item whose question is the visitor's answers it, even when its answer does not repeat
the words asked ("Not for at least 4 days after the rash"): scored by its sentences alone, a
section that names the child and the illness ("your child may have: ...") would answer first."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Measles

## Overview

Measles is an infection that mainly affects children, although you can get it at any age. It causes a blotchy rash and cold-like symptoms and usually gets better by itself in 7 to 10 days. It is caused by the measles virus.

Most people only get measles once, because the body builds up immunity. In adults, pregnant women, babies and people with a weakened immune system it can be more serious.

## Symptoms

The first symptoms are like a cold: a runny nose, sneezing and a cough, with sore red eyes. Small white spots may appear inside the cheeks a few days later.

A rash appears a few days after the cold-like symptoms, usually starting on the face and behind the ears before spreading to the rest of the body. Before or with the rash, your child may have:

- a high temperature (fever)
- aches and pains, and generally feeling unwell
- loss of appetite

On brown and black skin the rash may be harder to see.

## How measles spreads

Measles is very contagious. It spreads through coughs and sneezes. Symptoms start 7 to 14 days after catching it.

Keep children off nursery or school for at least 4 days after the rash first appears. Stay away from pregnant women, babies and people with a weak immune system during this time.

## Treatment and self-care

There is no specific treatment for measles. Rest, drink plenty of fluids and take paracetamol for a fever. Never give aspirin to children under 16.

## Measles adults

Measles in adults is often more severe than in children, with a higher temperature, and there is a higher risk of complications such as pneumonia.

## MMR vaccine

The MMR vaccine protects against measles and is given as two doses. In the United States it is part of the routine childhood schedule, with the first dose at 12 to 15 months and the second at 4 to 6 years. Adults who have never had measles can also be vaccinated.

## FAQ

**Can you get measles twice?**
It is very rare. Most people are immune for life after having it once.

**Can my child go to school with measles?**
Not for at least 4 days after the rash first appeared.

**Can I catch measles from a vaccinated person?**
No, the vaccine does not make people infectious.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "measles.md", ARTICLE)


def test_the_faq_item_asked_answers_though_its_answer_repeats_no_word(assistant):
    # Before, the symptoms section ("your child may have: ...") answered.
    answer = assistant.answer(Conversation(), "can my child go to school with measles")
    assert answer.text.startswith("Not for at least 4 days"), answer.text
    assert answer.citations[0].section == "Can my child go to school with measles?"
