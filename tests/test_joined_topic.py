"""A topic named by joining a word of one article's topic to a word of another's ("mouth
ulcers" beside "Dry mouth" and "Leg ulcers") is declined; each article's own topic, and a
question naming both whole topics, are still answered."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_index

LEG_ULCERS = """# Leg ulcers

A leg ulcer is a long-lasting sore on the leg that takes more than 2 weeks to heal. Most leg
ulcers develop on the inside of the leg, just above the ankle, and are caused by poor blood flow
in the veins of the legs.

## Symptoms

The skin around the ulcer may be swollen, itchy, hard or darker than usual. The ulcer may be
painful and may leak fluid.

## Treatment

A nurse will clean and dress the ulcer and may wrap the leg in compression bandages, which
help the blood flow back up the leg. Most ulcers heal within 3 to 4 months with this care.
Keep your legs raised when you can, and walk regularly.
"""

DRY_MOUTH = """# Dry mouth

A dry mouth is common and is usually not serious. It can happen if you are dehydrated, breathe
through your mouth at night, or take medicines such as antidepressants or antihistamines.

## Symptoms

Your mouth may feel sticky, your lips may crack and food may be hard to swallow. Some people
notice bad breath or a changed sense of taste.

## Things you can do yourself

- sip cold water often and keep a glass by your bed at night
- chew sugar-free gum to help your mouth make more saliva
- avoid alcohol, caffeine and smoking
- use a lip balm
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from assistant.service import build_assistant

    root = tmp_path_factory.mktemp("joined")
    (root / "leg-ulcers.md").write_text(LEG_ULCERS, encoding="utf-8")
    (root / "dry-mouth.md").write_text(DRY_MOUTH, encoding="utf-8")
    settings = build_index(root, embedder, [root / "leg-ulcers.md", root / "dry-mouth.md"])
    return build_assistant(settings, embedder=embedder)


@pytest.mark.parametrize(
    "question", ["how do i get rid of mouth ulcers", "what causes mouth ulcers"]
)
def test_a_topic_joined_from_two_articles_topics_is_declined(assistant, question):
    assert assistant.answer(Conversation(), question).abstained


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("how do i get rid of a dry mouth", "Dry mouth"),
        ("what causes leg ulcers", "Leg ulcers"),
        ("how long do leg ulcers take to heal", "Leg ulcers"),
    ],
)
def test_each_article_s_own_topic_is_answered(assistant, question, title):
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert answer.citations[0].title == title
