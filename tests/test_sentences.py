"""Sentence spans: the units the chunker packs and the composer cites."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthqa.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_abbreviations_decimals_and_initials_do_not_end_sentences() -> None:
    text = (
        "Dr. Smith treats patients in the U.S. and Canada. A dose of 2.5 mg, i.e. half a tablet, "
        "is usual. John F. Kennedy had Addison's disease."
    )
    assert sentences(text) == [
        "Dr. Smith treats patients in the U.S. and Canada.",
        "A dose of 2.5 mg, i.e. half a tablet, is usual.",
        "John F. Kennedy had Addison's disease.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'The doctor said "Get a second opinion." Then she left! Why? "Because."'
    assert sentences(text) == [
        'The doctor said "Get a second opinion."',
        "Then she left!",
        "Why?",
        '"Because."',
    ]


def test_list_items_are_whole_units_even_without_punctuation() -> None:
    text = (
        "Symptoms include:\n- fever and chills\n* a dry cough that\n  lasts for weeks\n"
        "• fatigue\n1. See a doctor. Then rest.\n2) Drink water"
    )
    assert sentences(text) == [
        "Symptoms include:",
        "- fever and chills",
        "* a dry cough that\n  lasts for weeks",
        "• fatigue",
        "1. See a doctor. Then rest.",
        "2) Drink water",
    ]


def test_headings_are_their_own_unit_and_wrapped_lines_flow() -> None:
    text = (
        "What Is Asthma\nAsthma is a chronic disease of the\nairways in the lungs. It can be "
        "treated.\n\nCauses\nGenes play a part."
    )
    assert sentences(text) == [
        "What Is Asthma",
        "Asthma is a chronic disease of the\nairways in the lungs.",
        "It can be treated.",
        "Causes",
        "Genes play a part.",
    ]


def test_lowercase_after_period_does_not_split() -> None:
    assert sentences("Use e.g. ice packs. See fig. 2 for details.") == [
        "Use e.g. ice packs.",
        "See fig. 2 for details.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is common in the U.S. The disease is rare elsewhere.",
            ["It is common in the U.S.", "The disease is rare elsewhere."],
        ),
        (
            "Ask Dr. Lee about it. St. John's wort interacts with many drugs.",
            ["Ask Dr. Lee about it.", "St. John's wort interacts with many drugs."],
        ),
        (
            "Is there a cure? No. Treatment eases the symptoms.",
            ["Is there a cure?", "No.", "Treatment eases the symptoms."],
        ),
        (
            "Vitamins A, D, E, and K. They dissolve in fat.",
            ["Vitamins A, D, E, and K.", "They dissolve in fat."],
        ),
    ],
)
def test_pysbd_decides_the_periods_after_abbreviations_and_capitals(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Scabies is caused by a mite (Sarcoptes scabiei var. hominis) that burrows into skin.",
        "Pain relievers include NSAIDs, e.g., ibuprofen; an opioid; and tramadol for pain.",
        "Take 2.5 mg twice a day, i.e. every 12 hours, with food.",
        "The dose was approx. 5 mg per kg in the U.S. and Canada.",
        # A clock time's zone goes on after its "p.m.".
        "Counselors answer from 9 a.m. to 9 p.m. Pacific Time, Monday to Friday.",
        "The line is open until 6 p.m. EST on weekdays.",
    ],
)
def test_abbreviations_inside_a_sentence_do_not_cut_it(text: str) -> None:
    assert sentences(text) == [text]


def test_bracketed_sentences_and_footnote_marks_stay_with_their_sentence() -> None:
    text = (
        "Symptoms vary. (See the table below.) Most people recover.[3] Attacks can last "
        "hours.1 Gallbladder attacks often follow meals."
    )
    assert sentences(text) == [
        "Symptoms vary.",
        "(See the table below.)",
        "Most people recover.[3]",
        "Attacks can last hours.1",
        "Gallbladder attacks often follow meals.",
    ]


def test_empty_and_blank_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []


_alphabet = st.sampled_from([*list("abcXYZ .!?\"'\n-*•1)(:,"), "Dr.", "U.S.", "2.5", "  "])


@given(st.lists(_alphabet, max_size=80).map("".join))
def test_spans_are_ordered_stripped_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    covered: set[int] = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


def test_a_paragraph_behind_a_bullet_is_cut_into_sentences() -> None:
    # Page conversions put whole paragraphs behind one bullet; quoted as one item, an answer
    # would carry all of it. A short item of two sentences stays whole.
    paragraph = (
        "- Very rarely, the illness can lead to pneumonia or inflammation of the brain. In a very "
        "small number of cases, bacteria can cause more serious infections of the skin and the "
        "tissue under it. The pain and the loss of sleep can cause depression. These cases are "
        "more serious, but they are rarely fatal."
    )
    text = f"{paragraph}\n- Rest. Drink water."
    assert sentences(text) == [
        "- Very rarely, the illness can lead to pneumonia or inflammation of the brain.",
        "In a very small number of cases, bacteria can cause more serious infections of the skin "
        "and the tissue under it.",
        "The pain and the loss of sleep can cause depression.",
        "These cases are more serious, but they are rarely fatal.",
        "- Rest. Drink water.",
    ]
