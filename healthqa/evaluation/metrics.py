"""Ranking metrics over one query: pure functions of a ranked list of document ids and the
query's graded judgements. A document is relevant when its grade is at least RELEVANT_GRADE;
a document without a judgement counts as grade 0."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

RELEVANT_GRADE = 2
CUTOFF = 10


def _grades(ranking: Sequence[str], judgements: Mapping[str, int], k: int) -> list[int]:
    return [judgements.get(doc_id, 0) for doc_id in ranking[:k]]


def relevant_count(judgements: Mapping[str, int]) -> int:
    return sum(1 for grade in judgements.values() if grade >= RELEVANT_GRADE)


def precision_at(ranking: Sequence[str], judgements: Mapping[str, int], k: int) -> float:
    """Relevant documents among the first k, over k (a short ranking still divides by k)."""
    hits = sum(1 for g in _grades(ranking, judgements, k) if g >= RELEVANT_GRADE)
    return hits / k


def reciprocal_rank(
    ranking: Sequence[str], judgements: Mapping[str, int], k: int = CUTOFF
) -> float:
    for rank, grade in enumerate(_grades(ranking, judgements, k), start=1):
        if grade >= RELEVANT_GRADE:
            return 1.0 / rank
    return 0.0


def average_precision(
    ranking: Sequence[str], judgements: Mapping[str, int], k: int = CUTOFF
) -> float:
    """AP@k: the sum of precision@i at each relevant hit i <= k, over min(#relevant, k).

    Dividing by min(#relevant, k) rather than #relevant lets a perfect top-k score 1.0 for a
    query with more relevant documents than k; a query with no relevant document scores 0.
    """
    total_relevant = relevant_count(judgements)
    if total_relevant == 0:
        return 0.0
    hits = 0
    summed = 0.0
    for rank, grade in enumerate(_grades(ranking, judgements, k), start=1):
        if grade >= RELEVANT_GRADE:
            hits += 1
            summed += hits / rank
    return summed / min(total_relevant, k)


def _dcg(grades: Sequence[int]) -> float:
    return sum((2.0**g - 1) / math.log2(rank + 1) for rank, g in enumerate(grades, start=1))


def ndcg_at(ranking: Sequence[str], judgements: Mapping[str, int], k: int = CUTOFF) -> float:
    """nDCG@k with gain 2^grade - 1; the ideal ranking sorts all judged grades of the query."""
    ideal = _dcg(sorted(judgements.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return _dcg(_grades(ranking, judgements, k)) / ideal


def recall_at(ranking: Sequence[str], judgements: Mapping[str, int], k: int = CUTOFF) -> float:
    total_relevant = relevant_count(judgements)
    if total_relevant == 0:
        return 0.0
    hits = sum(1 for g in _grades(ranking, judgements, k) if g >= RELEVANT_GRADE)
    return hits / total_relevant


def top1_grade(ranking: Sequence[str], judgements: Mapping[str, int]) -> float:
    """The graded judgement of the first document (0 when unjudged or nothing was found)."""
    return float(judgements.get(ranking[0], 0)) if ranking else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), as numpy's default does; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
