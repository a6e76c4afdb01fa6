"""A text leaflet's "Q:"/"A:" FAQ: the question heads its answer without its "Q:", and the
answer is quoted without its "A:" (`ingest/question_answer_marks.py`)."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article
from ingest.question_answer_marks import with_question_answer_marks_read
from ingest.text import load_text

_LEAFLET = """NOSEBLEEDS
Patient information leaflet

Nosebleeds are common and usually not serious. Most can be treated at home.

WHAT TO DO

Sit down, lean forward and pinch the soft part of your nose for 10 to 15 minutes. Breathe through your mouth.

QUESTIONS AND ANSWERS

Q: Should I tip my head back?
A: No. Lean forward so the blood drains out of your nose instead of down your throat.

Q: When should I get help?
A: Go to the emergency department if the bleeding lasts longer than 20 minutes.

Leaflet produced by the Ear, Nose and Throat Information Service. Reviewed February 2025.
"""  # noqa: E501


def test_q_and_a_marks_become_a_question_over_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "nosebleeds.txt"
    path.write_text(_LEAFLET, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    sections = {s.heading: s.text for s in article.sections}
    assert sections["Should I tip my head back?"].startswith("No. Lean forward")
    assert sections["When should I get help?"] == (
        "Go to the emergency department if the bleeding lasts longer than 20 minutes."
    )
    text = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    assert "Q:" not in text
    assert "A:" not in text
    assert "Leaflet produced by" not in text


def test_a_q_line_without_an_answer_mark_is_left_as_written() -> None:
    text = "Q: fever is a rise in temperature.\nIt is common in children."
    assert with_question_answer_marks_read(text) == text
    assert with_question_answer_marks_read("Q: Why?\n\nA: Because.") == "Why?\n\nBecause."
