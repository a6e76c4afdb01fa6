"""A text leaflet's title is its first line, over its byline and date, even when a section
heading follows ("WHAT IS EARWAX?" under "EARWAX BUILD-UP"): that heading heads its section."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article
from ingest.text import load_text

_LEAFLET = """EARWAX BUILD-UP
Information for patients
Audiology Service, Westbrook Hospital
Reviewed: 12 March 2025

WHAT IS EARWAX?

Earwax is made naturally to protect the ear canal. It usually falls out on its own, but sometimes it builds up and blocks the ear, causing hearing loss or a feeling of fullness.

HOW TO REMOVE EARWAX AT HOME

Put 2 or 3 drops of olive oil in the ear 3 or 4 times a day for 3 to 5 days. Do not use cotton buds, because they push the wax further in.

WHEN TO SEE A GP

See a GP or practice nurse if your hearing has not improved after 5 days of drops, or if you have ear pain, discharge or a high temperature.

This leaflet is for general information only. Westbrook Hospital Patient Information Group. Leaflet number AUD-014.
"""  # noqa: E501


def test_a_text_leaflet_keeps_its_first_line_as_title_and_its_first_heading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "earwax.txt"
    path.write_text(_LEAFLET, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Earwax build-up"
    assert article.reviewed == "2025-03-12"
    assert [s.heading for s in article.sections] == [
        "What is earwax?",
        "How to remove earwax at home",
        "When to see a GP",
    ]
    last = article.sections[-1].text
    assert last.startswith("See a GP or practice nurse"), last
    assert "general information only" not in last, last
    assert "AUD-014" not in last, last


def test_a_title_standing_alone_over_its_first_heading_is_still_the_title(tmp_path: Path) -> None:
    path = tmp_path / "earwax.txt"
    path.write_text(_LEAFLET.replace("Information for patients\n", "\n"), encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Earwax build-up"
    assert article.sections[0].heading == "What is earwax?"


def test_a_dateline_under_the_byline_leaves_the_capital_title_and_first_heading(
    tmp_path: Path,
) -> None:
    """A byline line with its dateline under it, no colon ("Reviewed June 2024"): the date is a
    line of its own, not the byline's wrapped end, and the byline is not read as a menu."""
    leaflet = (
        "GALLSTONES\n\nPatient information leaflet - Digestive Health Unit\nReviewed June 2024\n"
        "\nOVERVIEW\n\n"
        "Gallstones are small stones that form in the gallbladder. Most people with gallstones "
        "have no symptoms and do not need treatment, but a stone can block a duct and cause "
        "sudden pain in the upper right side of the tummy.\n\n"
        "TREATMENT\n\n"
        "If gallstones cause pain again and again, the gallbladder is usually removed with "
        "keyhole surgery. You can live a normal life without a gallbladder.\n"
    )
    path = tmp_path / "gallstones.txt"
    path.write_text(leaflet, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Gallstones"
    assert article.reviewed == "2024-06"
    assert [s.heading for s in article.sections] == ["Overview", "Treatment"]
    assert all("Reviewed" not in s.text for s in article.sections)
