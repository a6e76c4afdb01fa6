"""Rank fusion and diversity: pure functions over ids, scores and vectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

# Cormack et al.'s constant: damps the head of each list so one strong ranker can't dominate.
RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], weights: Sequence[float] | None = None, k: int = RRF_K
) -> list[tuple[int, float]]:
    """Fuse ranked id lists into one, best first; ties keep the order ids were first seen."""
    weights = weights if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking is needed")
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda pair: -pair[1])


def maximal_marginal_relevance(
    relevance: Sequence[float],
    vectors: npt.NDArray[np.float32],
    count: int,
    *,
    diversity: float = 0.3,
) -> list[int]:
    """Positions picked greedily: relevance minus `diversity` times likeness to earlier picks.

    `relevance` should be on a 0..1 scale comparable to cosine similarity.
    """
    if len(relevance) != len(vectors):
        raise ValueError("one vector per relevance score is needed")
    remaining = list(range(len(relevance)))
    picked: list[int] = []
    similarity = vectors @ vectors.T if len(vectors) else np.zeros((0, 0), np.float32)
    while remaining and len(picked) < count:

        def marginal(i: int) -> float:
            redundancy = max((float(similarity[i, j]) for j in picked), default=0.0)
            return (1 - diversity) * relevance[i] - diversity * redundancy

        best = max(remaining, key=marginal)
        picked.append(best)
        remaining.remove(best)
    return picked


def near_duplicates(
    texts: Sequence[str], vectors: npt.NDArray[np.float32], *, threshold: float = 0.97
) -> set[int]:
    """Positions repeating an earlier (better-ranked) item: same normalised text or vector."""
    # One matrix product instead of a Python loop of dot products: this runs on every question.
    alike = vectors @ vectors.T >= threshold if len(vectors) else np.zeros((0, 0), dtype=bool)
    seen_text: dict[str, int] = {}
    dropped: set[int] = set()
    for i, text in enumerate(texts):
        key = " ".join(text.lower().split())
        if key in seen_text:
            dropped.add(i)
            continue
        seen_text[key] = i
        earlier = np.flatnonzero(alike[i, :i])
        if any(int(j) not in dropped for j in earlier):
            dropped.add(i)
    return dropped
