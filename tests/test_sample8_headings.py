"""Headings given away by a capitalised small word are put on a line of their own, so an answer
never quotes them as part of the sentence after them. Fixtures about sleep and asthma, written
for these tests."""

from __future__ import annotations

from ingest.cleaning import clean_section_text


def _lines(text: str) -> list[str]:
    return [line for line in clean_section_text(text).text.split("\n") if line]


def test_a_one_word_heading_before_a_sentence_opening_with_a_preposition() -> None:
    text = "Good habits help you rest. Sleep At night, most adults need seven to nine hours."
    assert _lines(text) == [
        "Good habits help you rest.",
        "Sleep",
        "At night, most adults need seven to nine hours.",
    ]


def test_a_title_case_heading_with_a_capitalised_small_word() -> None:
    text = (
        "Inhalers work in two ways. Why It Pays To Treat Early Asthma is easier to control "
        "when it is treated early."
    )
    assert _lines(text) == [
        "Inhalers work in two ways.",
        "Why It Pays To Treat Early",
        "Asthma is easier to control when it is treated early.",
    ]


def test_a_title_case_heading_with_a_capitalised_verb() -> None:
    text = "Most Sleep Problems Are Treatable Doctors use several approaches to insomnia."
    assert _lines(text) == [
        "Most Sleep Problems Are Treatable",
        "Doctors use several approaches to insomnia.",
    ]


def test_names_and_ordinary_sentences_stay_whole() -> None:
    for text in (
        # A name's small word ends the run before the cut: not a heading's end.
        "The National Institute On Aging supports research on sleep.",
        "Research at the Sleep Center In Boston found that naps help.",
        "Hepatitis A is spread by food and water.",
        # An acronym after a name explains it; it opens no sentence.
        "Take Care Of Your Lungs The American Lung Association (ALA) runs a helpline.",
    ):
        assert _lines(text) == [text]
