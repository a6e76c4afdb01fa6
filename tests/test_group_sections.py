"""A follow-up about a group ("what about kids?") whose search finds the answer just given again
is answered from the cited article's section about that group when it has one, not narrowed to
the lines of that answer naming the group."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

HAY_FEVER = """# Hay fever

## Symptoms

The main symptoms of hay fever are sneezing and a runny or blocked nose. They are worse when the
pollen count is high, often in spring and early summer.

Other symptoms can include:

- itchy, red or watery eyes
- an itchy throat, mouth, nose and ears
- a cough caused by mucus dripping down the throat
- tiredness and poor sleep, especially in children

## Treatment

Antihistamine tablets and steroid nasal sprays ease most symptoms. A pharmacist can advise which
one to try first.

## Hay fever in children

Children often get hay fever for the first time at school age. They may rub their eyes and nose a
lot and breathe through their mouth. Poor sleep from a blocked nose can make them tired and less
able to concentrate at school.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "hay-fever.md", HAY_FEVER)


def test_the_articles_section_about_the_group_answers_a_group_follow_up(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "what are the symptoms of hay fever")
    answer = assistant.answer(conversation, "what about kids?")
    assert answer.citations[0].section == "Hay fever in children"
    assert "rub their eyes" in answer.text
    assert "Of what I quoted above" not in answer.text
