"""Ranking metrics on hand-computed cases, plus invariants that hold for every ranking."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthqa.evaluation import metrics

JUDGED = {"a": 3, "b": 2, "c": 1, "d": 0}
RANKING = ["c", "a", "x", "b", "d"]  # x is unjudged


def test_precision_counts_grade_two_and_up_and_divides_by_k():
    assert metrics.precision_at(RANKING, JUDGED, 1) == 0.0  # c is only "related" (grade 1)
    assert metrics.precision_at(RANKING, JUDGED, 2) == 0.5
    assert metrics.precision_at(RANKING, JUDGED, 5) == pytest.approx(2 / 5)
    assert metrics.precision_at(["a"], JUDGED, 5) == pytest.approx(1 / 5)


def test_reciprocal_rank_is_one_over_first_relevant_rank_within_cutoff():
    assert metrics.reciprocal_rank(RANKING, JUDGED) == 0.5
    assert metrics.reciprocal_rank(["x", "y", "a"], JUDGED, k=2) == 0.0
    assert metrics.reciprocal_rank([], JUDGED) == 0.0


def test_average_precision_hand_computed():
    # relevant hits at ranks 2 and 4: (1/2 + 2/4) / min(2 relevant, 10)
    assert metrics.average_precision(RANKING, JUDGED) == pytest.approx(0.5)
    assert metrics.average_precision(["a", "b"], JUDGED) == pytest.approx(1.0)
    assert metrics.average_precision(["b", "x", "a"], JUDGED) == pytest.approx((1 + 2 / 3) / 2)


def test_average_precision_divides_by_at_most_the_cutoff():
    many = {f"doc{i}": 2 for i in range(12)}
    assert metrics.average_precision([f"doc{i}" for i in range(10)], many) == pytest.approx(1.0)
    assert metrics.average_precision([f"doc{i}" for i in range(10)], many, k=5) == pytest.approx(1)


def test_average_precision_is_zero_without_relevant_documents():
    assert metrics.average_precision(["c", "d"], {"c": 1, "d": 0}) == 0.0


def test_ndcg_uses_exponential_gains_and_the_ideal_of_all_judged_grades():
    dcg = (2**1 - 1) / math.log2(2) + (2**3 - 1) / math.log2(3) + (2**2 - 1) / math.log2(5)
    ideal = (2**3 - 1) / math.log2(2) + (2**2 - 1) / math.log2(3) + (2**1 - 1) / math.log2(4)
    assert metrics.ndcg_at(RANKING, JUDGED) == pytest.approx(dcg / ideal)
    assert metrics.ndcg_at(["a", "b", "c", "d"], JUDGED) == pytest.approx(1.0)
    assert metrics.ndcg_at(["x"], JUDGED) == 0.0
    assert metrics.ndcg_at(["a"], {"a": 0}) == 0.0  # no gain to be had


def test_ndcg_cutoff_truncates_both_ranking_and_ideal():
    # At k=1 the ideal is grade 3 alone; ranking b (grade 2) first gets 3/7.
    assert metrics.ndcg_at(["b", "a"], JUDGED, k=1) == pytest.approx(3 / 7)


def test_recall_and_top1_grade():
    assert metrics.recall_at(RANKING, JUDGED) == 1.0
    assert metrics.recall_at(RANKING, JUDGED, k=3) == 0.5
    assert metrics.recall_at(RANKING, {"z": 1}) == 0.0
    assert metrics.top1_grade(RANKING, JUDGED) == 1.0
    assert metrics.top1_grade(["x"], JUDGED) == 0.0
    assert metrics.top1_grade([], JUDGED) == 0.0


def test_percentile_interpolates_like_numpy():
    assert metrics.percentile([4.0, 1.0, 3.0, 2.0], 50) == pytest.approx(2.5)
    assert metrics.percentile([1.0, 2.0, 3.0, 4.0], 95) == pytest.approx(3.85)
    assert metrics.percentile([7.0], 95) == 7.0
    assert metrics.percentile([], 50) == 0.0


doc_ids = st.sampled_from([f"d{i}" for i in range(15)])
judgements = st.dictionaries(doc_ids, st.integers(min_value=0, max_value=3), max_size=15)
rankings = st.lists(doc_ids, unique=True, max_size=15)


@given(rankings, judgements)
def test_every_metric_stays_between_zero_and_one(ranking, judged):
    for value in (
        metrics.precision_at(ranking, judged, 5),
        metrics.reciprocal_rank(ranking, judged),
        metrics.average_precision(ranking, judged),
        metrics.ndcg_at(ranking, judged),
        metrics.recall_at(ranking, judged),
    ):
        assert 0.0 <= value <= 1.0 + 1e-9


@given(judgements)
def test_the_ideal_ranking_scores_perfectly(judged):
    ideal = sorted(judged, key=lambda d: judged[d], reverse=True)
    if metrics.relevant_count(judged):
        assert metrics.ndcg_at(ideal, judged) == pytest.approx(1.0)
        assert metrics.average_precision(ideal, judged) == pytest.approx(1.0)
        assert metrics.reciprocal_rank(ideal, judged) == 1.0
