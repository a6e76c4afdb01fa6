"""Which section of an article answers: the one keeping the question's distinguishing word
("glass" beside "remove", not the splinter section that shares only "remove"), an FAQ item that
asks the question over the untitled lede, a section of the asked kind over the lede for a
follow-up ("is it contagious?"), and a group's own CAPITAL heading naming two groups for
"and in babies?"."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Cuts and grazes

Most cuts and grazes are minor and heal on their own within a few days.

## What to do after a cut or graze

To clean a cut or graze:

- remove any dirt or glass from the wound by rinsing it under cold running water
- pat it dry with a clean towel
- cover it with a plaster or dressing
- keep the dressing clean and change it daily

## Removing a splinter

Use clean tweezers to grip the splinter as close to the skin as possible and pull it out slowly at the same angle it went in. Wash the area afterwards.

## How infection spreads from a wound

Bacteria on the skin can get into an open wound from dirty hands, towels or dressings. Anyone who touches a weeping wound can pass the bacteria on to others, so wash your hands before and after changing a dressing.

## Can a graze leave a scar?

It is unusual for a shallow graze to scar, because only the top layer of skin is damaged.
"""  # noqa: E501 (one paragraph per line, as pages have them)

LEAFLET = """SUNBURN

Sunburn is skin damage caused by too much ultraviolet light, and it usually settles in a week.

HOW TO COOL SUNBURN

Get out of the sun, cool the skin with a cool shower or damp towel, and drink plenty of water. Use after-sun cream or aloe vera to soothe the skin.

SUNBURN IN BABIES AND PREGNANCY

Keep babies under 6 months out of direct sun altogether, and see a doctor straight away if a baby has sunburn with blisters. If you are pregnant, ask a pharmacist before taking painkillers for sunburn.

WHEN TO SEE A DOCTOR

See a doctor if the skin is blistering over a large area or you feel hot and shivery.
"""  # noqa: E501 (one paragraph per line, as leaflets have them)

WARTS = """# Warts

Warts are small rough lumps on the skin that most people have at some point. They are harmless and often go away on their own within 2 years.

## How warts spread

Warts are caused by a virus that passes on through close skin contact or from surfaces such as swimming pool floors and shared towels. You are more likely to pick it up if your skin is wet or damaged.

## Treating warts

A pharmacist can recommend creams, gels and plasters that soften the wart. Freezing treatment from a doctor can also remove it, but it may take several sessions.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def warts_assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "warts.md", WARTS)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "cuts-and-grazes.md", ARTICLE)


@pytest.fixture(scope="module")
def leaflet_assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "sunburn.txt", LEAFLET)


def test_the_section_saying_the_qualifier_answers(assistant):
    answer = assistant.answer(Conversation(), "how do i remove glass from a graze")
    assert "glass" in answer.body
    assert "splinter" not in answer.body


def test_an_faq_item_asking_the_question_beats_the_lede(assistant):
    answer = assistant.answer(Conversation(), "can a graze leave a scar")
    assert answer.body.startswith("It is unusual for a shallow graze to scar")


def test_a_follow_up_of_the_asked_kind_is_not_answered_by_the_lede(warts_assistant):
    conversation = Conversation()
    warts_assistant.answer(conversation, "how are warts treated")
    answer = warts_assistant.answer(conversation, "is it contagious?")
    assert answer.body.startswith("Warts are caused by a virus")


def test_a_capital_heading_naming_two_groups_answers_and_in_babies(leaflet_assistant):
    conversation = Conversation()
    leaflet_assistant.answer(conversation, "how do I cool sunburn?")
    answer = leaflet_assistant.answer(conversation, "and in babies?")
    assert "Keep babies under 6 months out of direct sun" in answer.body
    assert "say nothing specifically" not in answer.body
