"""Which getting-care section answers (the emergency one for "when should I go to the ER?", the
routine one for "when should I see a GP?"), an "Adults" section for "what about adults?", and a
follow-up about a group that the answer just given already covers: its lines about the group,
or the general answer's opening, never the whole answer again."""

from __future__ import annotations

import re

import numpy as np
import pytest

from assistant.answer import Citation
from assistant.compose.base import Composition, CompositionRequest
from assistant.compose.narrowed import lines_naming, opening
from assistant.compose.second_sources import without_unasked_sources
from assistant.compose.urgency import asks_routinely, asks_urgently, urgent_heading
from assistant.retrieval.hybrid import Retrieval
from assistant.understanding.conversation import Conversation, group_names, group_said
from assistant.understanding.question import analyze
from tests.support.kb import build_article_assistant

CROUP = """# Croup

## Overview

Croup is a common childhood infection of the windpipe and voice box. It causes a barking cough
and a hoarse voice. It usually gets better on its own within 48 hours.

## Symptoms

The symptoms of croup include:

- A barking cough that sounds like a seal
- A hoarse or croaky voice
- A high-pitched noise when breathing in
- A runny nose and a mild fever

Symptoms are often worse at night. In older people, croup is rare and usually follows a cold.

## How croup spreads

Croup is caused by viruses that spread through coughs, sneezes and touching surfaces. Wash
hands often and keep a child with croup away from other children while they are unwell.

## Adults

Adults rarely get croup because their airways are wider. An adult with a barking cough usually
has laryngitis instead.

## When to see a doctor

See a GP if your child's cough lasts longer than a week, or if croup keeps coming back.

## When to get emergency help

Call 911 or go to the emergency department if your child:

- Struggles to breathe or the skin between the ribs pulls in
- Has blue or grey lips
- Is drowsy, floppy or unusually quiet
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "croup.md", CROUP)


def _sections(answer) -> list[str]:
    return [citation.section for citation in answer.citations]


@pytest.mark.parametrize(
    "follow_up", ["when should I go to the ER with it?", "and when is it an emergency?"]
)
def test_an_emergency_follow_up_is_answered_by_the_emergency_section(assistant, follow_up):
    conversation = Conversation()
    assistant.answer(conversation, "What is croup?")
    answer = assistant.answer(conversation, follow_up)
    assert _sections(answer)[0] == "When to get emergency help"


def test_a_routine_visit_is_answered_by_the_see_a_doctor_section(assistant):
    answer = assistant.answer(Conversation(), "When should I see a GP about croup?")
    assert _sections(answer)[0] == "When to see a doctor"


def test_what_about_adults_is_answered_by_the_adults_section(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "How does croup spread?")
    answer = assistant.answer(conversation, "what about adults?")
    assert "Adults" in _sections(answer)
    assert "laryngitis" in answer.text


def test_a_group_sentence_inside_the_answer_just_given_is_pointed_to(assistant):
    conversation = Conversation()
    first = assistant.answer(conversation, "What are the symptoms of croup?")
    answer = assistant.answer(conversation, "and in older people?")
    assert "In older people, croup is rare" in answer.text
    # Not the whole symptoms list again.
    assert "barking cough that sounds like a seal" not in answer.text
    assert len(answer.text) < len(first.text)
    assert answer.citations


# --- the pieces, without an index ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "when should I go to the ER?",
        "when is it an emergency?",
        "should I call 999?",
        "do I need to go to A&E",
        "when is it urgent",
    ],
)
def test_questions_about_an_emergency(question):
    assert asks_urgently(question)
    assert not asks_routinely(question)


@pytest.mark.parametrize(
    "question", ["when should I see a doctor?", "should I see my GP", "when to see a pharmacist"]
)
def test_questions_about_a_routine_visit(question):
    assert asks_routinely(question)
    assert not asks_urgently(question)


def test_headings_for_an_emergency():
    assert urgent_heading("When to get emergency help")
    assert urgent_heading("Call 999 or go to A&E if")
    assert urgent_heading("Urgent advice: ask for an urgent GP appointment")
    assert not urgent_heading("When to see a doctor")
    assert not urgent_heading("When to get help")


def test_adults_are_a_group_of_their_own():
    assert group_names("what about adults?") is not None
    assert group_names("and in grown-ups?") is not None
    older = group_names("and in older adults?")
    assert older is not None
    assert older.search("In older people, ...")
    assert group_said("and in older people?") == "older people"
    assert group_said("what about adults?") == "adults"
    assert group_said("how is it treated?") is None


def _citation(n: int) -> Citation:
    return Citation(
        n=n, chunk_id=n, doc_id="d", title="Acne", section=f"S{n}", passage="p", spans=()
    )


ANSWER = Composition(
    text=(
        "Acne is common in teenagers. [1]\n"
        "Treatments include: [1]\n"
        "- Creams with benzoyl peroxide [1]\n"
        "- Antibiotic tablets, not used in pregnancy [1]\n"
        "\n"
        "Acne usually improves by the mid-20s. [2]"
    ),
    citations=(_citation(1), _citation(2)),
)


def test_lines_naming_a_group_keep_the_line_introducing_their_list():
    part = lines_naming(ANSWER, re.compile(r"pregnan\w*"))
    assert part is not None
    assert part.text.splitlines() == [
        "Treatments include: [1]",
        "- Antibiotic tablets, not used in pregnancy [1]",
    ]
    assert [c.n for c in part.citations] == [1]


def test_lines_naming_a_group_are_renumbered_over_the_sources_they_cite():
    part = lines_naming(ANSWER, re.compile(r"mid-20s"))
    assert part is not None
    assert part.text == "Acne usually improves by the mid-20s. [1]"
    assert [(c.n, c.section) for c in part.citations] == [(1, "S2")]


def test_no_line_naming_the_group_gives_nothing():
    assert lines_naming(ANSWER, re.compile(r"\bmen\b")) is None


def test_the_opening_is_the_first_line():
    assert opening(ANSWER).text == "Acne is common in teenagers. [1]"
    listed = Composition(
        text="Symptoms include: [1]\n- Spots [1]\n- Oily skin [1]\nMore. [2]",
        citations=(_citation(1), _citation(2)),
    )
    shown = opening(listed)
    assert shown.text == "Symptoms include: [1]\n- Spots [1]\n- Oily skin [1]"
    assert [c.n for c in shown.citations] == [1]


# --- later sources that answer another question -------------------------------------------


def _request(question: str) -> CompositionRequest:
    analysis = analyze(question)
    return CompositionRequest(
        question=question,
        analysis=analysis,
        retrieval=Retrieval(analysis, np.zeros(3, dtype=np.float32), ()),
        sentence_vectors={},
    )


def _cited(n: int, section: str) -> Citation:
    return Citation(
        n=n, chunk_id=n, doc_id="d", title="Migraine", section=section, passage="p", spans=()
    )


def test_a_second_source_of_another_kind_leaves_when_the_first_heading_asks_the_question():
    answer = Composition(
        text=(
            "Migraine is a severe headache that often comes with feeling sick. [1]\n"
            "Triggers include: [2]\n"
            "- Stress [2]\n"
            "- Missed meals [2]"
        ),
        citations=(_cited(1, "What is migraine?"), _cited(2, "Causes")),
    )
    kept = without_unasked_sources(answer, _request("What is migraine?"))
    assert kept.text == "Migraine is a severe headache that often comes with feeling sick. [1]"
    assert [c.section for c in kept.citations] == ["What is migraine?"]


def test_a_getting_care_source_stays():
    answer = Composition(
        text="Migraine is a severe headache. [1]\nSee a GP if painkillers do not help. [2]",
        citations=(_cited(1, "What is migraine?"), _cited(2, "When to see a doctor")),
    )
    assert without_unasked_sources(answer, _request("What is migraine?")) == answer


def test_a_second_source_stays_when_the_first_heading_does_not_ask_the_question():
    answer = Composition(
        text="Migraine is common. [1]\nTriggers include stress. [2]",
        citations=(_cited(1, "Overview"), _cited(2, "Causes")),
    )
    assert without_unasked_sources(answer, _request("What helps a migraine?")) == answer


def test_a_second_source_quoted_in_the_answer_before_leaves():
    previous = "Migraine is a severe headache. [1] It affects 1 in 7 people. [1]"
    answer = Composition(
        text="Painkillers and triptans can help. [1]\nIt affects 1 in 7 people. [2]",
        citations=(_cited(1, "Treatment"), _cited(2, "Overview")),
    )
    kept = without_unasked_sources(answer, _request("how is migraine treated?"), previous)
    assert kept.text == "Painkillers and triptans can help. [1]"
    assert len(kept.citations) == 1
