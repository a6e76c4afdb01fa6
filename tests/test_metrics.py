"""Ranking metrics: library-backed values equal trec_eval's, worked out by hand; hand-computed
single queries; invariants that hold for every ranking."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthqa.evaluation import metrics
from healthqa.evaluation.beir import read_run_file

TREC = Path(__file__).parent / "fixtures" / "trec"

JUDGED = {"a": 3, "b": 2, "c": 1, "d": 0}
RANKING = ["c", "a", "x", "b", "d"]  # x is unjudged


def score(ranking, judged, k=metrics.CUTOFF):
    """One query's metrics, its documents best first (strictly falling scores: no ties)."""
    run = {"q": [(doc_id, float(len(ranking) - rank)) for rank, doc_id in enumerate(ranking)]}
    return metrics.score_run(run, {"q": judged}, k)["q"]


def _read_trec_qrels(path):
    qrels: dict[str, dict[str, int]] = {}
    for line in path.read_text().splitlines():
        query_id, _, doc_id, grade = line.split()
        qrels.setdefault(query_id, {})[doc_id] = int(grade)
    return qrels


def test_library_values_equal_trec_eval_by_hand():
    """tests/fixtures/trec, k = 3. Relevant = grade >= 2; nDCG gain 2^grade - 1, discount log2(r+1).

    q1, trec order d3(1) x1(unjudged) d1(3) d2(2) d4(0) d5(2); relevant d1 d2 d5 d6, R = 4.
      P@1 = 0; P@5 = 2/5 (d1, d2); MRR@3 = 1/3 (d1 at rank 3);
      MAP@3 = (1/3) / R = 1/12 (only d1 within 3, precision 1/3 there; divided by all 4);
      nDCG@3 = (1/log2 2 + 0 + 7/log2 4) / (7/log2 2 + 3/log2 3 + 3/log2 4)
             = 4.5 / 10.3927893 = 0.4329926; Recall@3 = 1/4; top1_grade = 1 (d3).
    q2, a and b tie at 1.0: trec_eval ranks ties by doc id descending, so b(0) a(2) c(2), R = 2.
      P@1 = 0 (the file's rank column put a first; trec_eval ignores it); P@5 = 2/5 (3 found,
      still over 5); MRR@3 = 1/2; MAP@3 = (1/2 + 2/3) / 2 = 7/12;
      nDCG@3 = (0 + 3/log2 3 + 3/log2 4) / (3/log2 2 + 3/log2 3 + 0) = 3.3927893 / 4.8927893
             = 0.6934264; Recall@3 = 2/2; top1_grade = 0 (b).
    q3, f(0) e(1) g(unjudged): no grade reaches 2, so 0 on all but nDCG, which counts grade 1:
      nDCG@3 = (1/log2 3) / (1/log2 2) = 0.6309298.
    q4: judged, absent from the run: 0 everywhere. q5: run, but no judgements: not scored.
    """
    scores = metrics.score_run(
        read_run_file(TREC / "run.txt"), _read_trec_qrels(TREC / "qrels.txt"), k=3
    )
    names = ("P@1", "P@5", "MRR@3", "MAP@3", "nDCG@3", "Recall@3", "top1_grade")
    expected = {
        "q1": (0.0, 0.4, 0.3333333, 0.0833333, 0.4329926, 0.25, 1.0),
        "q2": (0.0, 0.4, 0.5, 0.5833333, 0.6934264, 1.0, 0.0),
        "q3": (0.0, 0.0, 0.0, 0.0, 0.6309298, 0.0, 0.0),
        "q4": (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    }
    assert scores.keys() == expected.keys()
    for query_id, values in expected.items():
        assert scores[query_id] == pytest.approx(dict(zip(names, values, strict=True)), abs=1e-6)


def test_metric_names_follow_the_cutoff():
    assert metrics.metric_names(10) == (
        "P@1",
        "P@5",
        "MRR@10",
        "MAP@10",
        "nDCG@10",
        "Recall@10",
        "top1_grade",
    )
    assert tuple(score(RANKING, JUDGED, k=3)) == metrics.metric_names(3)


def test_ties_are_broken_as_trec_eval_does_for_every_metric():
    # The library's MRR alone would break this tie the other way (doc id ascending, a first);
    # ordering once keeps P@1, MRR and top1_grade about the same document.
    tied = metrics.score_run({"q": [("a", 1.0), ("b", 1.0)]}, {"q": {"a": 2, "b": 0}})["q"]
    assert metrics.trec_order([("a", 1.0), ("b", 1.0), ("c", 2.0)]) == [
        ("c", 2.0),
        ("b", 1.0),
        ("a", 1.0),
    ]
    assert (tied["P@1"], tied["MRR@10"], tied["top1_grade"]) == (0.0, 0.5, 0.0)


def test_precision_counts_grade_two_and_up_and_divides_by_k():
    assert score(RANKING, JUDGED)["P@1"] == 0.0  # c is only "related" (grade 1)
    assert score(["a", "c"], JUDGED)["P@1"] == 1.0
    assert score(RANKING, JUDGED)["P@5"] == pytest.approx(2 / 5)
    assert score(["a"], JUDGED)["P@5"] == pytest.approx(1 / 5)


def test_reciprocal_rank_is_one_over_first_relevant_rank_within_cutoff():
    assert score(RANKING, JUDGED)["MRR@10"] == 0.5
    assert score(["x", "y", "a"], JUDGED, k=2)["MRR@2"] == 0.0
    assert score([], JUDGED)["MRR@10"] == 0.0


def test_average_precision_hand_computed():
    # relevant hits at ranks 2 and 4, 2 relevant in all: (1/2 + 2/4) / 2
    assert score(RANKING, JUDGED)["MAP@10"] == pytest.approx(0.5)
    assert score(["a", "b"], JUDGED)["MAP@10"] == pytest.approx(1.0)
    assert score(["b", "x", "a"], JUDGED)["MAP@10"] == pytest.approx((1 + 2 / 3) / 2)


def test_average_precision_divides_by_every_relevant_document():
    # trec_eval's map_cut divides by all 12 relevant documents, so a perfect top ten scores
    # 10/12 and a perfect top five 5/12. The old code divided by min(12, k) and gave 1.0 for
    # both, a figure no published MAP@k is comparable with; the issue asked for this fix.
    many = {f"doc{i}": 2 for i in range(12)}
    top_ten = [f"doc{i}" for i in range(10)]
    assert score(top_ten, many)["MAP@10"] == pytest.approx(10 / 12)
    assert score(top_ten, many, k=5)["MAP@5"] == pytest.approx(5 / 12)


def test_average_precision_is_zero_without_relevant_documents():
    assert score(["c", "d"], {"c": 1, "d": 0})["MAP@10"] == 0.0


def test_ndcg_uses_exponential_gains_and_the_ideal_of_all_judged_grades():
    # Gains 2^grade - 1, as the benchmark's reference figures use (trec_eval's default linear
    # gain would give 0.7884 here instead of 0.7142).
    dcg = 1 / math.log2(2) + 7 / math.log2(3) + 3 / math.log2(5)
    ideal = 7 / math.log2(2) + 3 / math.log2(3) + 1 / math.log2(4)
    assert score(RANKING, JUDGED)["nDCG@10"] == pytest.approx(dcg / ideal)
    assert score(["a", "b", "c", "d"], JUDGED)["nDCG@10"] == pytest.approx(1.0)
    assert score(["x"], JUDGED)["nDCG@10"] == 0.0
    assert score(["a"], {"a": 0})["nDCG@10"] == 0.0  # no gain to be had


def test_ndcg_cutoff_truncates_both_ranking_and_ideal():
    # At k=1 the ideal is grade 3 alone (gain 7); ranking b (grade 2, gain 3) first gets 3/7.
    assert score(["b", "a"], JUDGED, k=1)["nDCG@1"] == pytest.approx(3 / 7)


def test_recall_and_top1_grade():
    assert score(RANKING, JUDGED)["Recall@10"] == 1.0
    assert score(RANKING, JUDGED, k=3)["Recall@3"] == 0.5
    assert score(RANKING, {"z": 1})["Recall@10"] == 0.0
    assert score(RANKING, JUDGED)["top1_grade"] == 1.0
    assert score(["x"], JUDGED)["top1_grade"] == 0.0
    assert score([], JUDGED)["top1_grade"] == 0.0


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
    values = score(ranking, judged)
    assert 0.0 <= values.pop("top1_grade") <= 3.0
    for value in values.values():
        assert 0.0 <= value <= 1.0 + 1e-9


@given(judgements)
def test_the_ideal_ranking_scores_perfectly(judged):
    ideal = sorted(judged, key=lambda d: judged[d], reverse=True)
    relevant = metrics.relevant_count(judged)
    if relevant:
        values = score(ideal, judged)
        assert values["nDCG@10"] == pytest.approx(1.0)
        # The first min(R, 10) places are all relevant, but MAP@10 divides by all R of them.
        assert values["MAP@10"] == pytest.approx(min(relevant, 10) / relevant)
        assert values["MRR@10"] == 1.0


def test_judged_only_drops_unjudged_documents_and_keeps_the_order():
    run = {"q": [("x", 5.0), ("c", 4.0), ("a", 3.0), ("y", 2.0)], "other": [("x", 1.0)]}
    condensed = metrics.judged_only(run, {"q": JUDGED})
    assert condensed == {"q": [("c", 4.0), ("a", 3.0)], "other": []}
    # The unjudged "x" no longer pushes the first relevant document ("a") down a rank.
    assert metrics.score_run(condensed, {"q": JUDGED})["q"]["MRR@10"] == 0.5
    assert metrics.score_run(run, {"q": JUDGED})["q"]["MRR@10"] == pytest.approx(1 / 3)
