"""The kind of question asked (cause, symptoms, treatment, ...), read from cue phrases.

The cue phrases are data (`data/question_types.yaml`); this module only applies them: the first
cue found in the text decides, and on a tie in position the type listed first wins.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

import yaml

CUES_FILE = Path(__file__).resolve().parent / "data" / "question_types.yaml"


class QuestionType(StrEnum):
    information = "information"
    causes = "causes"
    symptoms = "symptoms"
    diagnosis = "diagnosis"
    treatment = "treatment"
    prevention = "prevention"
    outlook = "outlook"
    inheritance = "inheritance"
    genetic_changes = "genetic_changes"
    susceptibility = "susceptibility"
    frequency = "frequency"
    complications = "complications"
    seek_care = "seek_care"  # when to see a doctor, when it is urgent or an emergency
    research = "research"
    support = "support"
    considerations = "considerations"
    contagion = "contagion"
    side_effects = "side_effects"
    dosage = "dosage"
    interaction = "interaction"
    cost = "cost"
    other = "other"


@cache
def _cue_patterns() -> tuple[tuple[QuestionType, re.Pattern[str]], ...]:
    loaded = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return tuple(
        (QuestionType(name), re.compile(rf"\b({'|'.join(cues)})", re.IGNORECASE))
        for name, cues in loaded.items()
    )


def question_type(text: str) -> QuestionType:
    """The kind of question from its cue phrases; the first cue in the text decides."""
    found = _deciding_cue(text)
    return found[0] if found else QuestionType.information


def without_kind_cue(text: str) -> str:
    """The text without the cue that decides its kind: what is left says what it asks about
    ("when should I see a doctor" asks when, not about doctors; "what foods should I avoid"
    still asks about foods)."""
    found = _deciding_cue(text)
    if found is None:
        return text
    _, cue = found
    return text[: cue.start()] + " " + text[cue.end() :]


def _deciding_cue(text: str) -> tuple[QuestionType, re.Match[str]] | None:
    best: tuple[int, int, QuestionType, re.Match[str]] | None = None
    for order, (qtype, rx) in enumerate(_cue_patterns()):
        found = rx.search(text)
        if found and (best is None or (found.start(), order) < best[:2]):
            best = (found.start(), order, qtype, found)
    return (best[2], best[3]) if best else None


@lru_cache(maxsize=65536)
def heading_type(heading: str) -> QuestionType:
    """What a section heading answers ("How to prevent X?", "Treating migraines", "Causes")."""
    return question_type(heading)
