"""A sentence two list items share is said in each: it belongs to its item, not a repeat."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Heel pain

Heel pain is most often caused by strain on the band of tissue under the foot. It usually gets
better within a few months with rest, stretching and well-fitting shoes.

## Stretching exercises for heel pain

Do these stretches for heel pain twice a day, especially before you get up in the morning.

- Towel stretch. Loop a towel around the ball of your foot and gently pull it toward you. Hold for 30 seconds and repeat three times.
- Wall calf stretch. Lean forward against a wall with the painful foot behind the other. Hold for 30 seconds and repeat three times.
- Arch stretch. Pull your toes back toward your shin until you feel a stretch in your arch. Hold for 10 seconds and repeat ten times.
"""  # noqa: E501 (one list item per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "heel.md", ARTICLE)


def test_a_sentence_shared_by_two_list_items_is_kept_in_each(assistant):
    answer = assistant.answer(Conversation(), "what stretches help heel pain?")
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(items) == 3, answer.text
    assert all("Hold for" in item for item in items), answer.text
