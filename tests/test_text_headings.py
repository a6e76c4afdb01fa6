"""Headings of a plain-text page that puts no blank line between a heading and its text."""

from __future__ import annotations

import textwrap
from pathlib import Path

from ingest.scraped.boilerplate import clean_scraped_text
from ingest.text import load_text

_PAGE = """Home | Conditions | Skin | Contact

Hay fever

Hay fever is an allergy to pollen, usually worse between late March and September, especially
when it is warm, humid and windy. It can make you sneeze, give you a runny or blocked nose and
itchy, red or watery eyes, and some people get an itchy throat or a headache as well.

How to ease hay fever yourself
- Put petroleum jelly around your nostrils to trap pollen.
- Wear wraparound sunglasses to stop pollen getting into your eyes.
- Shower and change your clothes after you have been outside.
Most people feel better once the pollen count falls.

Speak to a pharmacist
A pharmacist can suggest antihistamine tablets, drops or nasal sprays.

Non-urgent advice: See a GP if:
- your symptoms are getting worse
- your symptoms do not improve after taking medicines from a pharmacist
Your GP may prescribe a steroid nasal spray.

Pollen count: what the numbers mean
A count above 50 grains per cubic metre of air is high for grass pollen, and most people with
hay fever get symptoms on those days.
You can check the count in your local weather forecast.
"""


def _sections(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "hay-fever.txt"
    path.write_text(_PAGE, encoding="utf-8")
    return {s.heading: s.text for s in load_text(path).sections}


def test_a_heading_over_its_list_or_sentence_on_the_next_line_starts_a_section(
    tmp_path: Path,
) -> None:
    sections = _sections(tmp_path)
    assert sections["How to ease hay fever yourself"].startswith("- Put petroleum jelly")
    assert sections["How to ease hay fever yourself"].endswith("once the pollen count falls.")
    assert sections["Speak to a pharmacist"].startswith("A pharmacist can suggest")


def test_a_labelled_heading_over_a_list_starts_a_section(tmp_path: Path) -> None:
    sections = _sections(tmp_path)
    text = sections["Non-urgent advice: See a GP if:"]
    assert text.startswith("- your symptoms are getting worse")
    assert "steroid nasal spray" not in sections["Speak to a pharmacist"]


def test_a_long_heading_is_not_taken_for_a_wrapped_row_of_its_text(tmp_path: Path) -> None:
    sections = _sections(tmp_path)
    text = sections["Pollen count: what the numbers mean"]
    assert text.startswith("A count above 50 grains per cubic metre of air is high for grass")
    assert text.endswith("in your local weather forecast.")


def test_a_wrapped_paragraph_and_a_lead_in_stay_text() -> None:
    wrapped = textwrap.fill(
        "Ease the symptoms at home if you keep windows shut and stay indoors on days when the "
        "pollen count is high, and shower after being outside.",
        width=72,
    )
    cleaned = clean_scraped_text(
        "Hay fever\n\nHay fever is an allergy to pollen. It is usually worse between late March "
        f"and September, when it is warm, humid and windy.\n\n{wrapped}\n\n"
        "Try to:\n- keep windows shut\n- stay indoors\n"
    )
    assert [b.text for b in cleaned.blocks if b.heading] == []
    assert " ".join(wrapped.split()) in [b.text for b in cleaned.blocks]
    assert "Try to:" in [b.text for b in cleaned.blocks]
