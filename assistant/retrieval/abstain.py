"""Knowing when not to answer: the best passage must match the question well enough.

The statistic and its threshold are not guesses: `bench/calibrate.py` measures them on the judged
MEDIQA train and dev questions (which must be answered) and on the team's calibration set of
questions no health-article collection answers (`data/unanswerable.txt`), and keeps answering 98%
of the covered ones. The result is stored in `calibration.json` beside this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.retrieval.defined_term import passages_defining, rarest_term
from assistant.retrieval.everyday_words import told_in_everyday_words
from assistant.retrieval.hybrid import Retrieval
from assistant.retrieval.lay_name import gives_as_name

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
UNANSWERABLE_FILE = Path(__file__).resolve().parent / "data" / "unanswerable.txt"

Statistic = Literal["best ranking score", "best passage cosine"]


@dataclass(frozen=True)
class Calibration:
    threshold: float  # below this value of the statistic the assistant abstains
    statistic: Statistic = "best ranking score"
    source: str = ""  # how the numbers were obtained, for the README and the eval report


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    data = json.loads(path.read_text(encoding="utf-8"))
    statistic = data.get("statistic", "best passage cosine")
    if statistic not in ("best ranking score", "best passage cosine"):
        raise ValueError(f"{path} names an unknown statistic {statistic!r}")
    return Calibration(
        threshold=float(data["threshold"]),
        statistic=statistic,
        source=str(data.get("source", path.name)),
    )


def match_strength(retrieval: Retrieval, statistic: Statistic) -> float:
    if statistic == "best passage cosine":
        return retrieval.top_similarity
    return max((p.score for p in retrieval.passages if not p.context_only), default=0.0)


def should_abstain(
    retrieval: Retrieval, calibration: Calibration, vocabulary: Mapping[str, int] | None = None
) -> bool:
    """Below the cut, when the index's word counts (`vocabulary`) are given, a short question is
    still answered from a passage about its rarest word in the index (`defined_term`), and one
    told in everyday words just below it from the one article its passages agree on
    (`everyday_words`)."""
    if not retrieval.passages:
        return True
    if match_strength(retrieval, calibration.statistic) >= calibration.threshold:
        return False
    if vocabulary is None:
        return True
    return not passages_defining(retrieval, vocabulary) and not _everyday(
        retrieval, calibration, vocabulary
    )


def _everyday(
    retrieval: Retrieval, calibration: Calibration, vocabulary: Mapping[str, int]
) -> bool:
    strength = match_strength(retrieval, calibration.statistic)
    return told_in_everyday_words(retrieval, strength, calibration.threshold, vocabulary)


def answer_from(
    retrieval: Retrieval, calibration: Calibration, vocabulary: Mapping[str, int]
) -> Retrieval:
    """The passages to answer from: all that were found when the match clears the cut; below
    it, only those about the question's rarest word, when there are any (the rest scored too
    low to be relevant)."""
    if match_strength(retrieval, calibration.statistic) >= calibration.threshold:
        return retrieval
    kept = passages_defining(retrieval, vocabulary)
    if not kept and _everyday(retrieval, calibration, vocabulary):
        return retrieval
    term = rarest_term(retrieval, vocabulary)
    # A page that gives the term as what its topic is ("sometimes called gnashing") is about
    # it throughout: its causes section answers "what causes gnashing" (`lay_name`).
    named_as = {p.doc_id for p in kept if term is not None and gives_as_name(term, p.stored.chunk)}
    ranked = {p.chunk_id for p in retrieval.passages}
    # A defining passage the lexical search found below the ranked ones comes after them.
    kept = tuple(
        p for p in retrieval.passages if p in kept or (not p.context_only and p.doc_id in named_as)
    ) + tuple(p for p in kept if p.chunk_id not in ranked)
    return Retrieval(retrieval.analysis, retrieval.query_vector, kept) if kept else retrieval
