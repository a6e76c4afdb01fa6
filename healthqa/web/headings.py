"""MedQuAD's templated section headings ("What are the symptoms of Glaucoma ?") read back into
their question type and topic, so labels can say "Symptoms" and starters can ask naturally.

The templates are data (`data/medquad_questions.tsv`, described in `data/README.md`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TEMPLATES_FILE = Path(__file__).resolve().parent / "data" / "medquad_questions.tsv"
FOCUS = "FOCUS"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Template:
    pattern: re.Pattern[str]
    label: str
    question: str | None  # with FOCUS where the topic goes; None: never asked as a starter


@dataclass(frozen=True)
class TemplatedHeading:
    focus: str
    label: str
    question: str | None  # the visitor's question with the topic filled in


@cache
def templates() -> tuple[Template, ...]:
    lines = [
        line
        for line in TEMPLATES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    found = []
    for row in rows:
        before, after = row["heading"].split(FOCUS)
        pattern = re.compile(
            re.escape(before) + r"(?P<focus>.+?)" + re.escape(after), re.IGNORECASE
        )
        question = None if row["question"].strip() == "-" else row["question"].strip()
        found.append(Template(pattern, row["label"].strip(), question))
    return tuple(found)


def tidy(heading: str) -> str:
    """One line, single spaces, no trailing question marks or spaces (MedQuAD writes "X? ?")."""
    return _SPACES.sub(" ", heading).strip().rstrip("? ").strip()


def parse_heading(heading: str) -> TemplatedHeading | None:
    """The question type and topic of a MedQuAD-style heading, or None for any other heading."""
    text = tidy(heading)
    for template in templates():
        match = template.pattern.fullmatch(text)
        if match:
            focus = match.group("focus").strip()
            question = template.question.replace(FOCUS, focus) if template.question else None
            return TemplatedHeading(focus=focus, label=template.label, question=question)
    return None


def short_section(section: str, title: str) -> str:
    """A section's name for a source label: empty when it only repeats the title, the question
    type for a MedQuAD heading ("Symptoms"), else the heading itself."""
    text = _SPACES.sub(" ", section).strip()
    if not text or text.casefold() == _SPACES.sub(" ", title).strip().casefold():
        return ""
    parsed = parse_heading(text)
    return parsed.label if parsed is not None else text
