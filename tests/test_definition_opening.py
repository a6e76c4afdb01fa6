"""A "what is" answer quoted from a section's middle keeps the section's opening sentence,
which says what the topic is."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Heartburn and Acid Reflux (GERD)

## What is acid reflux?

Acid reflux happens when acid from the stomach flows back up into the oesophagus (food pipe). The main symptom is heartburn, a burning feeling in the middle of the chest, often after eating. When reflux happens twice a week or more, or causes damage to the oesophagus, it is called gastro-oesophageal reflux disease (GERD or GORD).

Reflux happens when the ring of muscle at the bottom of the oesophagus (the lower oesophageal sphincter) relaxes when it should not, or is weak.

## Symptoms

Common symptoms include:

- heartburn, which may be worse after eating, when lying down or when bending over
- an unpleasant sour or bitter taste at the back of the mouth
- bringing food or liquid back up (regurgitation)
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "gerd.md", ARTICLE)


def test_a_what_is_answer_keeps_the_sections_opening(assistant):
    answer = assistant.answer(Conversation(), "what is GERD")
    assert "it is called gastro-oesophageal reflux disease" in answer.text
    assert answer.text.startswith("Acid reflux happens when acid"), answer.text
