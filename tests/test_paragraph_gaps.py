"""Sentences between two quoted sentences of a section are quoted too: a paragraph quoted with
holes loses what qualifies the sentences around them (when to start a medicine, for how long)."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Cold sores

## What are cold sores?

Cold sores are small blisters on the lips or around the mouth, caused by the herpes simplex virus. They usually clear up on their own within 10 days.

## Treatment for cold sores

A pharmacist can recommend antiviral cream to help cold sores heal faster. You need to start using it as soon as you feel a tingle, within a day, for it to work best. Common antiviral creams include aciclovir and penciclovir. You'll usually use them five times a day for 5 days. If the sores are painful, a pharmacist can also recommend painkillers or a numbing gel. Sometimes a GP may prescribe antiviral tablets if the sores are severe or keep coming back.

## Preventing the spread

Cold sores are contagious from when you first feel a tingle until they have completely healed. Do not kiss anyone or share cups or towels while you have a cold sore.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "cold-sores.md", ARTICLE)


def test_a_paragraph_is_quoted_without_holes(assistant):
    answer = assistant.answer(
        Conversation(),
        "My son is 15 and got cold sores on his lip this morning. What treatment can a "
        "doctor give him?",
    )
    text = answer.text
    quoted = [
        "A pharmacist can recommend antiviral cream",
        "Common antiviral creams include",
        "a GP may prescribe antiviral tablets",
    ]
    assert all(part in text for part in quoted), text
    assert "within a day, for it to work best" in text, text
    assert "five times a day for 5 days" in text, text
