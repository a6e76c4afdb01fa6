"""A list that is the answer is quoted whole when it fits an answer; only a list too long for
one is cut, and then says so by the items it keeps."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

SIGNS = [
    "feeling tired all the time", "weight gain", "feeling cold", "dry skin", "thinning hair",
    "constipation", "muscle aches", "low mood", "slow heart rate", "heavy periods",
    "a hoarse voice",
]
CHORES = [f"chore number {n} of the weekly clean" for n in range(1, 25)]

ARTICLE = (
    "# Underactive thyroid\n\n"
    "An underactive thyroid means the thyroid gland does not make enough hormone. It is "
    "treated with a daily tablet that replaces the missing hormone.\n\n"
    "## Signs of an underactive thyroid\n\n"
    "Common signs of an underactive thyroid include:\n\n"
    + "".join(f"- {sign}\n" for sign in SIGNS)
    + "\n## Keeping the house clean when you are tired\n\n"
    "These are the household chores you can share out when thyroid tiredness is bad:\n\n"
    + "".join(f"- {chore}\n" for chore in CHORES)
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "thyroid.md", ARTICLE)


def test_a_list_that_fits_an_answer_is_quoted_whole(assistant):
    answer = assistant.answer(Conversation(), "signs of an underactive thyroid")
    assert all(f"- {sign} [1]" in answer.text for sign in SIGNS), answer.text


def test_a_list_too_long_for_an_answer_is_still_cut(assistant):
    question = "which household chores can I share out when thyroid tiredness is bad?"
    answer = assistant.answer(Conversation(), question)
    quoted = [chore for chore in CHORES if f"- {chore} [" in answer.text]
    assert 0 < len(quoted) < len(CHORES), answer.text
