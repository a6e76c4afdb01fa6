"""Ranking metrics with trec_eval's semantics, computed by the maintained `ir_measures` library so
that the figures compare with published BEIR and MEDIQA numbers.

What each printed name measures, for a cutoff k (10 unless a run asks otherwise):

- P@1, P@5 (trec_eval P_1, P_5): relevant documents among the first n, over n, even when fewer
  than n were retrieved.
- MRR@k: 1 / the rank of the first relevant document within k, else 0. trec_eval's recip_rank
  has no cutoff, so ir_measures computes this one with MS MARCO's reference code.
- MAP@k (trec_eval map_cut_k): the sum of precision at each relevant document within k, over all
  the query's relevant documents; a query with 12 relevant documents and a perfect top ten scores
  10/12. (This module used to divide by min(#relevant, k), which no published figure does.)
- nDCG@k (trec_eval ndcg_cut_k with gains 2^grade - 1: 0, 1, 3, 7): discount log2(rank + 1),
  normalised by the best ordering of every judged grade of the query cut at k. The exponential
  gain is the one the reference figures for this benchmark use (../shared/data/README.md: the
  plain MiniLM baseline's 0.765 is reproduced with it; trec_eval's default linear gain gives
  0.781), so our nDCG compares with CHiQA's table. It uses every grade, so a grade-1 document
  earns gain below the relevance threshold.
- Recall@k (trec_eval recall_k): relevant documents within k, over all relevant ones.
- top1_grade: this project's own, the grade of the first document; not a standard measure.

A document is relevant when its grade is at least RELEVANT_GRADE (`rel=2` in ir_measures, `-l 2`
in trec_eval). An unjudged document counts as grade 0, non-relevant. A query with no relevant
document scores 0 on all but nDCG. A judged query that retrieved nothing scores 0 on every metric
and stays in the mean, as with `trec_eval -c`; a query without judgements is not scored.

trec_eval ignores a run's rank column: it orders a query's documents by score, ties by document
id from last to first. ir_measures' MRR breaks ties the other way, so the documents are put in
trec_eval's order here once and handed over with strictly falling scores: every metric sees one
order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import ir_measures
from ir_measures import AP, RR, P, R, nDCG
from ir_measures.measures import Measure

from healthqa.evaluation.beir import Qrels, Run

RELEVANT_GRADE = 2
EXPONENTIAL_GAINS = {0: 0, 1: 1, 2: 3, 3: 7}
CUTOFF = 10
TOP1_GRADE = "top1_grade"


def metric_names(k: int = CUTOFF) -> tuple[str, ...]:
    """The names reports print, in their column order."""
    return ("P@1", "P@5", f"MRR@{k}", f"MAP@{k}", f"nDCG@{k}", f"Recall@{k}", TOP1_GRADE)


def _measures(k: int) -> dict[Measure, str]:
    """The ir_measures measure behind each printed name but top1_grade."""
    return {
        P(rel=RELEVANT_GRADE) @ 1: "P@1",
        P(rel=RELEVANT_GRADE) @ 5: "P@5",
        RR(rel=RELEVANT_GRADE) @ k: f"MRR@{k}",
        AP(rel=RELEVANT_GRADE) @ k: f"MAP@{k}",
        nDCG(gains=EXPONENTIAL_GAINS) @ k: f"nDCG@{k}",
        R(rel=RELEVANT_GRADE) @ k: f"Recall@{k}",
    }


def trec_order(ranked: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """(doc id, score) pairs as trec_eval ranks them: by score, ties by doc id, both descending."""
    return sorted(ranked, key=lambda pair: (pair[1], pair[0]), reverse=True)


def relevant_count(judgements: Mapping[str, int]) -> int:
    return sum(1 for grade in judgements.values() if grade >= RELEVANT_GRADE)


def top1_grade(ranking: Sequence[str], judgements: Mapping[str, int]) -> float:
    """The graded judgement of the first document (0 when unjudged or nothing was found)."""
    return float(judgements.get(ranking[0], 0)) if ranking else 0.0


def score_run(run: Run, qrels: Qrels, k: int = CUTOFF) -> dict[str, dict[str, float]]:
    """Every judged query's metrics by name, from its (doc id, score) pairs; a query of `run`
    without judgements is left out. A query's doc ids are expected to be distinct."""
    ordered = {
        query_id: [doc_id for doc_id, _ in trec_order(run.get(query_id, ()))] for query_id in qrels
    }
    scores = {query_id: dict.fromkeys(metric_names(k), 0.0) for query_id in qrels}
    for query_id, ranking in ordered.items():
        scores[query_id][TOP1_GRADE] = top1_grade(ranking, qrels[query_id])
    library_run = {
        query_id: {doc_id: float(len(ranking) - rank) for rank, doc_id in enumerate(ranking)}
        for query_id, ranking in ordered.items()
        if ranking
    }
    if not library_run:
        return scores
    names = _measures(k)
    library_qrels = {query_id: dict(judged) for query_id, judged in qrels.items()}
    for metric in ir_measures.iter_calc(list(names), library_qrels, library_run):
        if metric.query_id in scores:
            scores[metric.query_id][names[metric.measure]] = float(metric.value)
    return scores


def judged_only(run: Run, qrels: Qrels) -> Run:
    """Each ranking without the documents its query has no judgement for (a "condensed" list,
    Sakai 2007). MEDIQA judges only the ~10 documents CHiQA returned per question, and CHiQA's
    own figures rank just those: on this footing a whole-corpus ranking is compared fairly, since
    an unjudged document ranked first is not known to be wrong."""
    return {
        query_id: [(doc, score) for doc, score in ranking if doc in qrels.get(query_id, {})]
        for query_id, ranking in run.items()
    }


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
