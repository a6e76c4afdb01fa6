"""Plain-text conventions in a text file read as Markdown: capitals headings, a paragraph
written straight under a list, and tables ruled with "+"."""

from __future__ import annotations

import textwrap
from pathlib import Path

from ingest.model import Article
from ingest.plain_conventions import is_capitals_heading
from ingest.text import load_text


def _load(tmp_path: Path, text: str, name: str = "leaflet.txt") -> Article:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return load_text(path)


def test_capitals_lines_under_an_underlined_title_start_sections(tmp_path: Path) -> None:
    article = _load(
        tmp_path,
        """
        SHINGLES
        ========

        Shingles is an infection that causes a painful rash.

        SYMPTOMS

        You may notice:

          * a tingling feeling in the skin
          * a rash of blisters on one side of the body

        TREATMENT AND SELF-CARE

        Antiviral medicine works best if taken within 3 days of the rash appearing.

        PREVENTING SHINGLES:

          * ask about the shingles vaccine if you are 65 or over
        """,
    )
    assert article.title == "SHINGLES"
    assert [s.heading for s in article.sections] == [
        "SHINGLES",
        "SYMPTOMS",
        "TREATMENT AND SELF-CARE",
        "PREVENTING SHINGLES",
    ]
    # The lead-in of a list stays the list's, in its section.
    assert article.sections[1].text.startswith("You may notice:\n\n- a tingling feeling")
    assert article.sections[3].text == "- ask about the shingles vaccine if you are 65 or over"


def test_a_title_case_line_heads_a_section_only_on_a_page_without_markdown_headings(
    tmp_path: Path,
) -> None:
    plain = _load(
        tmp_path,
        """
        Gout
        ====

        Gout causes sudden joint pain.

        Living with gout

        Drink plenty of water. Call 111 if the pain is severe.
        """,
    )
    assert [s.heading for s in plain.sections] == ["Gout", "Living with gout"]
    marked_up = _load(
        tmp_path,
        """
        # Gout

        ## Causes

        Gout is caused by too much uric acid.

        Drink plenty of water

        Water helps the kidneys clear uric acid.
        """,
        name="gout.md",
    )
    # The untitled opening is empty, so the first section is "Causes", the last line is text.
    assert [s.heading for s in marked_up.sections] == ["Causes"]


def test_a_paragraph_written_under_a_list_is_not_glued_to_the_last_item(tmp_path: Path) -> None:
    article = _load(
        tmp_path,
        """
        # Hay fever

        ## Things that help

        Try to:
        - shower and change clothes after being outside, and
        keep windows closed when the pollen count is high
        - wear wraparound sunglasses
        A pharmacist can suggest antihistamine tablets.

        1. Rinse your nose with salt water.
        2. Use the spray every morning.
        Ask a GP if this does not help.
        """,
        name="hay-fever.md",
    )
    assert article.sections[0].text == (
        "Try to:\n\n"
        "- shower and change clothes after being outside, and keep windows closed when the "
        "pollen count is high\n"
        "- wear wraparound sunglasses\n\n"
        "A pharmacist can suggest antihistamine tablets.\n\n"
        "1. Rinse your nose with salt water.\n"
        "2. Use the spray every morning.\n\n"
        "Ask a GP if this does not help."
    )


def test_a_table_ruled_with_plus_signs_is_read_as_a_table(tmp_path: Path) -> None:
    article = _load(
        tmp_path,
        """
        VERRUCAS
        ========

        TREATMENTS

          Treatment     | How long it takes
          --------------+-------------------
          Salicylic gel | up to 12 weeks
          Freezing      | several sessions
        """,
    )
    assert article.sections[-1].text == (
        "- Treatment: Salicylic gel; How long it takes: up to 12 weeks\n"
        "- Treatment: Freezing; How long it takes: several sessions"
    )


def test_capitals_headings_are_short_labels_not_sentences() -> None:
    assert is_capitals_heading("WHEN TO SEE A GP:")
    assert is_capitals_heading("GOLFER'S ELBOW")
    assert not is_capitals_heading("CALL 999 NOW.")
    assert not is_capitals_heading("Symptoms")
    assert not is_capitals_heading("A&E")
    assert not is_capitals_heading("THIS LEAFLET EXPLAINS WHAT TO DO IF A CHILD HAS A HIGH FEVER")
