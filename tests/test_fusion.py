import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from assistant.retrieval.fusion import (
    maximal_marginal_relevance,
    near_duplicates,
    reciprocal_rank_fusion,
)


def test_rrf_rewards_items_both_rankers_agree_on():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]])
    assert [item for item, _ in fused][:2] == [1, 3]
    assert {item for item, _ in fused} == {1, 2, 3, 4}


def test_rrf_weights_shift_the_order():
    heavy_second = reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[1.0, 2.0])
    assert heavy_second[0][0] == 2


@given(st.lists(st.lists(st.integers(0, 30), unique=True, max_size=15), min_size=1, max_size=4))
def test_rrf_keeps_every_item_once_and_scores_descend(rankings):
    fused = reciprocal_rank_fusion(rankings)
    items = [item for item, _ in fused]
    assert sorted(items) == sorted({i for r in rankings for i in r})
    scores = [score for _, score in fused]
    assert scores == sorted(scores, reverse=True)


def test_mmr_skips_a_near_copy_of_the_first_pick():
    vectors = np.array([[1, 0], [0.999, 0.045], [0, 1]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    picked = maximal_marginal_relevance([1.0, 0.95, 0.7], vectors, 2, diversity=0.4)
    assert picked == [0, 2]


def test_mmr_without_diversity_is_plain_relevance_order():
    vectors = np.eye(3, dtype=np.float32)
    assert maximal_marginal_relevance([0.2, 0.9, 0.5], vectors, 3, diversity=0.0) == [1, 2, 0]


def test_near_duplicates_drop_later_copies_only():
    vectors = np.eye(3, dtype=np.float32)
    assert near_duplicates(["A  b", "a b", "c"], vectors) == {1}
    same = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    assert near_duplicates(["x", "y", "z"], same) == {1}
