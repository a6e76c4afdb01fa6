"""What follows the sentence that answers a question asking one thing: not the list next to it
("how long does it last?" answered by "... within 7 days", without the self-care list after it),
and not a sentence that ranks a thing among others named only before it ("..., is the most
common.") without that sentence."""

from __future__ import annotations

import pytest

from assistant.compose.units import readable_units
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Sunburn

## What is sunburn?

Sunburn is skin damage caused by ultraviolet light from the sun or from sunbeds. The skin turns red, hot and sore, and it may blister and peel a few days later.

## Treatment

Mild sunburn can be treated at home. A pharmacist can recommend creams or sprays to soothe the skin, and painkillers such as paracetamol or ibuprofen. If sunburn is severe, a doctor may suggest a prescription cream. Hydrocortisone cream, which calms swelling and itching when used for a few days, is the most common. Blisters should be left alone so they can heal.

## Easing sunburn yourself

Sunburn usually gets better on its own within 7 days. There are things you can do to ease the discomfort:

- get out of the sun as soon as you can
- cool the skin with a cool shower or a damp towel
- drink plenty of water to avoid dehydration
- apply aftersun cream or aloe vera gel
- wear loose cotton clothing over the burnt skin
- do not pop any blisters
- do not scratch or try to remove peeling skin
- keep burnt skin covered from the sun until it has fully healed

## Preventing sunburn

Use a sunscreen with a sun protection factor of at least 30, spend time in the shade between 11am and 3pm, and do not stop using sunscreen on cloudy days, because ultraviolet light passes through cloud.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "sunburn.md", ARTICLE)


def test_a_how_long_answer_is_not_followed_by_the_self_care_list_beside_it(assistant):
    answer = assistant.answer(Conversation(), "how long does sunburn last")
    assert answer.text.startswith("Sunburn usually gets better on its own within 7 days.")
    assert "aloe vera" not in answer.text
    assert "There are things you can do" not in answer.text


def test_a_bare_superlative_travels_with_the_sentence_naming_what_it_ranks():
    lines = [
        "If the rash is severe, a doctor may suggest a prescription cream.",
        "Hydrocortisone cream, which calms swelling, is the most common.",
        "Blisters should be left alone.",
    ]
    text = " ".join(lines)
    spans, position = [], 0
    for line in lines:
        start = text.index(line, position)
        spans.append((start, start + len(line)))
        position = start + len(line)
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1), (2,)]


def test_a_superlative_with_its_noun_stands_alone():
    lines = ["Sunburn is common in summer.", "Redness is the most common sign of sunburn."]
    text = " ".join(lines)
    spans = [(0, len(lines[0])), (len(lines[0]) + 1, len(text))]
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0,), (1,)]
