"""A question naming one row of a table ("what does a receiver-in-canal aid do?") is answered
by that row: its first cell names what the row is about, and another row that only mentions the
same words in passing ("... with a receiver in the canal as well") does not lead."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Hearing aids

## What hearing aids do

A hearing aid is a small electronic device worn in or behind the ear. It makes some sounds louder so that a person with hearing loss can listen, talk and take part more fully in daily life.

## Types of hearing aid

| Type | What it does | Who it suits |
|---|---|---|
| Open-fit aid | Sits behind the ear and sends sound down a thin tube, sometimes with a receiver in the canal as well | People with mild high-pitch hearing loss |
| Behind-the-ear aid | Holds all the parts in a case behind the ear, joined to an earmould | Most types of hearing loss, and children |
| Receiver-in-canal aid | Puts the speaker inside the ear canal, joined by a thin wire to the case behind the ear | Mild to moderate hearing loss |
| In-the-ear aid | Fills the outer part of the ear with a custom-made shell | Mild to severe hearing loss in adults |

## Getting used to a hearing aid

It can take a few weeks to get used to a new hearing aid. Wear it for a few hours a day at first and build up.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "hearing-aids.md", ARTICLE)


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What does a receiver-in-canal hearing aid do?", "Type: Receiver-in-canal aid"),
        ("what does an in the ear hearing aid do", "Type: In-the-ear aid"),
        ("What does a behind-the-ear hearing aid do?", "Type: Behind-the-ear aid"),
    ],
)
def test_the_row_the_question_names_leads(assistant, question, row):
    answer = assistant.answer(Conversation(), question)
    assert answer.text.strip().startswith(row), answer.text
