"""A question joining two asks ("what causes impetigo and how is it treated?") is answered one
short part per ask, each from the section that speaks to it, with its own citation."""

from __future__ import annotations

import pytest

from assistant.compose.question_parts import part_signal, question_parts
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Impetigo

Impetigo is a common skin infection that spreads easily. It mostly affects young children, but anyone can get it.

## Symptoms of impetigo

Impetigo starts with red sores or blisters, often around the nose and mouth. The sores quickly burst and leave crusty, golden-brown patches. With treatment the patches usually heal within 7 to 10 days without leaving scars.

## Causes of impetigo

Impetigo is caused by bacteria getting into the skin through a cut, an insect bite or skin damaged by eczema. It spreads by touching the sores or sharing towels with someone who has it.

## Treating impetigo

Antibiotic cream is usually the first treatment, used for 5 days. Antibiotic tablets may be needed if the infection is widespread or does not clear up.

## Stopping impetigo spreading

Keep the sores clean and dry and do not share towels. Children should stay off school until the sores have crusted over.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "impetigo.md", ARTICLE)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "what causes shingles and how is it treated?",
            ["what causes shingles", "how is it treated"],
        ),
        (
            "What are the symptoms? How long does it last?",
            ["What are the symptoms", "How long does it last"],
        ),
        (
            "is the rash contagious, or is it safe to go to work?",
            ["is the rash contagious", "is it safe to go to work"],
        ),
        # One ask: "and" joins two things, not two questions.
        ("can I take paracetamol and ibuprofen?", ["can I take paracetamol and ibuprofen?"]),
        ("is it shingles or chickenpox", ["is it shingles or chickenpox"]),
        # A part too short to ask on its own leans on the other.
        ("what causes shingles and why?", ["what causes shingles and why?"]),
    ],
)
def test_question_parts(question, parts):
    assert question_parts(question) == parts


def test_a_part_is_answered_by_its_heading_kind_words_or_duration():
    heal = ["The sores usually heal within 7 to 10 days."]
    how_long = "how long do the sores last"
    in_prose = part_signal(how_long, "Symptoms", heal, "Impetigo", prose=heal)
    # The same sentence as a list item: its days are often a warning sign's, not a length;
    # and "how long" is answered by a length of time only, whatever words a unit shares.
    as_item = part_signal(how_long, "Symptoms", heal, "Impetigo", prose=[])
    assert in_prose > 0
    assert as_item == 0
    lasting = ["Vomiting that lasts more than 2 days needs a doctor."]
    assert part_signal("how long does it last", "When to get help", lasting, "X", prose=lasting)
    assert not part_signal("how long does it last", "Causes", ["It lasts."], "X", prose=[])
    assert part_signal("how is it treated", "Treating impetigo", [], "Impetigo", prose=[]) > 0
    assert part_signal("how is it treated", "Impetigo in babies", [], "Impetigo", prose=[]) == 0


def test_each_ask_is_answered_from_its_own_section(assistant):
    answer = assistant.answer(Conversation(), "what causes impetigo and how is it treated?")
    sections = [c.section for c in answer.citations]
    assert sections == ["Causes of impetigo", "Treating impetigo"], answer.text
    assert "caused by bacteria" in answer.text
    assert "Antibiotic cream" in answer.text


def test_a_how_long_part_gets_the_sentence_stating_a_length(assistant):
    answer = assistant.answer(
        Conversation(), "what causes impetigo and how long do the sores take to heal?"
    )
    assert "7 to 10 days" in answer.text, answer.text
    assert "caused by bacteria" in answer.text, answer.text


def test_how_long_is_answered_by_the_section_stating_a_length(assistant):
    # The treatment section names the topic as often; the symptoms section says how long.
    answer = assistant.answer(Conversation(), "how long do impetigo sores last?")
    assert "7 to 10 days" in answer.text, answer.text
