"""A story told with a question that names nothing ("should I be worried?", "is that normal?")
is answered from the section the story is about: the question sentences alone match nothing in
the article, so they do not choose its section."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Sleep apnoea

Obstructive sleep apnoea is when your breathing stops and starts while you sleep. It is very common, particularly in middle-aged men. It is more common in people who are overweight, and it can make you very tired during the day.

## Symptoms

Signs in the night include loud snoring, noisy breathing, and breathing that stops and starts. During the day you may feel very sleepy, find it hard to concentrate or wake with a headache.

## CPAP machines

A CPAP machine gently pumps air into a mask you wear over your mouth or nose while you sleep. It stops your airway closing and is the main treatment for moderate or severe sleep apnoea.

## Getting used to CPAP

The mask may feel strange and the air pressure uncomfortable for the first few nights. A dry mouth or nose is common to begin with; a humidifier on the machine can help. Most people get used to it within a few weeks. Tell your sleep clinic if the mask leaks or rubs, as a different size or style may fit better.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "sleep-apnoea.md", ARTICLE)


def test_a_story_with_a_question_that_names_nothing_gets_the_storys_section(assistant):
    answer = assistant.answer(
        Conversation(),
        "got my first cpap machine last week and the mask feels weird and the air is too strong. "
        "is that normal",
    )
    assert answer.citations, answer.text
    assert answer.citations[0].section == "Getting used to CPAP", answer.text
