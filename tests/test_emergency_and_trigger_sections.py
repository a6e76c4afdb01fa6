"""A question asking when something is an emergency is answered by the section that says when to
call for emergency help, even when that is a callout under a routine "When to see a doctor"
heading; "what causes X attacks?" by the triggers section, not by "What to do in an X attack",
which names the attack but answers what to do."""

from __future__ import annotations

import pytest

from tests.support.kb import build_article_assistant, file_name
from tests.test_assistant import ask

HIVES = """# Hives

## Overview

Hives (urticaria) is a raised, itchy rash that appears on the skin. It can be pink, red or the
same colour as the skin, and the patches can change shape and move around the body. Hives is
common and usually goes away within a few days. It is not contagious.

## What to do in a hives flare

If you have a flare, take an antihistamine tablet from a pharmacy. Keep the skin cool with a
cool shower or a damp cloth, wear loose cotton clothes and try not to scratch the flare.

## Common triggers

Triggers differ from person to person. Common ones include foods such as nuts and shellfish,
insect stings, heat, pressure on the skin, exercise, stress, infections and some medicines such
as aspirin and ibuprofen. Keeping a diary helps you find and avoid your own triggers.

## When to see a doctor

See a GP if the rash lasts more than 6 weeks, keeps coming back, or antihistamines do not help.

Call 911 or go to the ER if the lips, tongue or throat swell, you find it hard to breathe, or
you feel faint.

## Preventing hives

Avoiding the things that trigger your hives is the best way to prevent it.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "hives.md", HIVES)


@pytest.mark.parametrize(
    "question",
    ["When does hives count as an emergency?", "when are hives an emergency?"],
)
def test_when_it_is_an_emergency_is_answered_by_the_call_for_help(assistant, question):
    answer = ask(assistant, question)
    assert not answer.abstained
    assert file_name(answer.citations[0].doc_id) == "hives.md"
    assert "Call 911" in answer.body, answer.text


def test_what_causes_attacks_is_answered_by_the_triggers(assistant):
    answer = ask(assistant, "What causes hives flares?")
    assert answer.citations[0].section == "Common triggers", answer.text
