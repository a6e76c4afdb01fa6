"""Knowing when not to answer: the best passage must be similar enough to the question.

The threshold is not a guess: `bench/calibrate.py` measures, on the judged MEDIQA train and dev
questions, how similar the best passage is when the collection covers the question (a relevant
passage exists) and when it does not (the relevant passages are held out), and picks the cut that
separates the two best. The result is stored in `assistant/calibration.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.retrieval.hybrid import Retrieval
from healthqa.text.words import stem, words

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")


@dataclass(frozen=True)
class Calibration:
    threshold: float  # cosine of the best passage below which the assistant abstains
    # a question whose topic words appear in no retrieved passage needs this much more similarity
    unseen_focus_margin: float
    source: str  # how the numbers were obtained, for the README and the eval report


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibration(
        threshold=float(data["threshold"]),
        unseen_focus_margin=float(data.get("unseen_focus_margin", 0.1)),
        source=str(data.get("source", path.name)),
    )


def should_abstain(retrieval: Retrieval, calibration: Calibration) -> bool:
    if not retrieval.passages:
        return True
    best = retrieval.top_similarity
    if best < calibration.threshold:
        return True
    return (
        not focus_is_covered(retrieval)
        and best < calibration.threshold + calibration.unseen_focus_margin
    )


def focus_is_covered(retrieval: Retrieval) -> bool:
    """Does any retrieved passage (text, title or heading) mention the question's topic words?"""
    focus = retrieval.analysis.focus
    if not focus:
        return True
    wanted = {stem(w) for w in words(focus) if len(w) > 2}
    if not wanted:
        return True
    for passage in retrieval.passages:
        chunk = passage.stored.chunk
        found = {stem(w) for w in words(f"{chunk.title} {chunk.section} {chunk.text}")}
        if wanted & found:
            return True
    return False

