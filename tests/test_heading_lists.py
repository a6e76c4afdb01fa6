"""A list whose introduction is its section's heading ("See a GP if") is shown under that
heading, and the heading counts as quoted from the cited source."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

SPRAIN = """# Sprains and strains

Sprains and strains are injuries to the ligaments and muscles around a joint. Most get better
on their own within a few weeks with rest and gentle movement.

## How to treat a sprain at home

Rest the joint for two or three days and raise it on a pillow when you can. Hold an ice pack
wrapped in a towel on it for up to 20 minutes every few hours.

## Go to an urgent care centre if

- you cannot put any weight on the injured leg
- the injured joint looks misshapen or has a lump
- you heard a crack or a snap when the injury happened
- the skin around the joint is numb, pale or cold
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "sprain.md", SPRAIN)


def test_a_list_introduced_by_its_heading_is_shown_under_it(assistant):
    answer = assistant.answer(Conversation(), "what are signs that a sprain needs urgent care?")
    lines = answer.text.splitlines()
    lead = next(n for n, line in enumerate(lines) if line.startswith("Go to an urgent care"))
    assert lines[lead] == "Go to an urgent care centre if: [1]"
    assert lines[lead + 1].startswith("- ")
    check = check_answer_citations(answer)
    assert check.precision == 1.0
