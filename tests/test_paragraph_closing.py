"""A short sentence that closes the paragraph of a quoted sentence completes it ("The nails grow
back normally.") and is quoted with it."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Scarlet fever

## Symptoms

Scarlet fever usually starts with a sore throat, a headache and a high temperature. A day or two later, a rash of tiny raised spots appears on the chest and tummy and spreads. The rash feels rough, like sandpaper. The tongue may turn white and then red and swollen.

After the rash fades, the skin on the fingertips, toes and groin often peels for several weeks. This is harmless and it heals completely.

## Treatment

A GP will usually prescribe a course of antibiotics for 10 days. Keep your child off nursery or school until 24 hours after starting them.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "scarlet-fever.md", ARTICLE)


def test_a_paragraphs_short_closing_sentence_comes_with_the_one_before(assistant):
    answer = assistant.answer(
        Conversation(),
        "does the skin on the fingertips peel after scarlet fever?",
    )
    assert "the skin on the fingertips, toes and groin often peels" in answer.text, answer.text
    assert "This is harmless and it heals completely." in answer.text, answer.text
