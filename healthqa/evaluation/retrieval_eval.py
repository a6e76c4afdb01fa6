"""Retrieval benchmark: every judged query goes through the assistant's own retriever; passages
collapse to their documents (a document ranks where its best passage ranks), the documents take
trec_eval's order, and the run is scored against the split's graded qrels (see metrics)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from healthqa.errors import EvaluationError
from healthqa.evaluation import metrics
from healthqa.evaluation.beir import BeirDataset, Qrels, Run

Progress = Callable[[int, int], None]  # (done, total)

PASSAGE_DEPTH = 200  # passages asked for per query, so documents below the top ten still rank
RUN_DEPTH = 100


class RankedPassage(Protocol):
    @property
    def doc_id(self) -> str: ...

    @property
    def score(self) -> float: ...


class Retriever(Protocol):
    def retrieve(self, query: str, k: int | None = None) -> Sequence[RankedPassage]: ...


class HasRetriever(Protocol):
    """The assistant, or anything that exposes the retriever it answers with."""

    @property
    def retriever(self) -> Retriever: ...


@dataclass(frozen=True)
class QueryResult:
    query_id: str
    query: str
    ranking: tuple[tuple[str, float], ...]  # (doc id, score) in trec_eval's order, <= RUN_DEPTH
    metrics: Mapping[str, float]
    relevant: int  # judged documents with grade >= RELEVANT_GRADE
    latency_ms: float

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(doc_id for doc_id, _ in self.ranking)


@dataclass(frozen=True)
class RetrievalReport:
    name: str  # "<dataset>/<split>"
    k: int
    metrics: Mapping[str, float]
    rows: tuple[QueryResult, ...]
    kind: str = field(default="retrieval", init=False)

    @property
    def run(self) -> Run:
        return {row.query_id: row.ranking for row in self.rows}

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "name": self.name,
            "k": self.k,
            "metrics": dict(self.metrics),
            "rows": [
                {
                    "query_id": row.query_id,
                    "query": row.query,
                    "relevant": row.relevant,
                    "latency_ms": round(row.latency_ms, 2),
                    "metrics": dict(row.metrics),
                    "top": list(row.doc_ids[:10]),
                }
                for row in self.rows
            ],
        }


def rank_documents(passages: Sequence[RankedPassage]) -> list[tuple[str, float]]:
    """Documents in the order their best passage appears, with that passage's score."""
    seen: set[str] = set()
    ranked: list[tuple[str, float]] = []
    for passage in passages:
        if passage.doc_id not in seen:
            seen.add(passage.doc_id)
            ranked.append((passage.doc_id, float(passage.score)))
    return ranked


def summarise(rows: Sequence[QueryResult], k: int) -> dict[str, float]:
    """Means over queries of each metric, plus retrieval latency percentiles."""
    summary = {
        name: metrics.mean([row.metrics[name] for row in rows]) for name in metrics.metric_names(k)
    }
    latencies = [row.latency_ms for row in rows]
    summary["latency_p50_ms"] = metrics.percentile(latencies, 50)
    summary["latency_p95_ms"] = metrics.percentile(latencies, 95)
    summary["queries"] = float(len(rows))
    return summary


def evaluate_retriever(
    retriever: Retriever,
    queries: Mapping[str, str],
    qrels: Qrels,
    *,
    name: str,
    k: int = metrics.CUTOFF,
    depth: int = PASSAGE_DEPTH,
    progress: Progress | None = None,
) -> RetrievalReport:
    """Only queries that the qrels judge are run; a judged query missing from `queries` is an
    error, since its absence would silently raise the scores."""
    if k < 1:
        raise EvaluationError(f"The metric cutoff k is {k}; it must be at least 1.")
    missing = sorted(set(qrels) - set(queries))
    if missing:
        raise EvaluationError(
            f"{name}: {len(missing)} judged queries have no text in queries.jsonl "
            f"(first: {missing[0]})."
        )
    judged = [query_id for query_id in queries if query_id in qrels]
    run: dict[str, list[tuple[str, float]]] = {}
    latencies: dict[str, float] = {}
    for done, query_id in enumerate(judged, start=1):
        started = time.perf_counter()
        passages = retriever.retrieve(queries[query_id], k=depth)
        latencies[query_id] = (time.perf_counter() - started) * 1000
        # The order the metrics score, so the report's top documents and run file show it too.
        run[query_id] = metrics.trec_order(rank_documents(passages)[:RUN_DEPTH])
        if progress is not None:
            progress(done, len(judged))
    judged_qrels = {query_id: qrels[query_id] for query_id in judged}
    scores = metrics.score_run(run, judged_qrels, k)
    rows = tuple(
        QueryResult(
            query_id=query_id,
            query=queries[query_id],
            ranking=tuple(run[query_id]),
            metrics=scores[query_id],
            relevant=metrics.relevant_count(qrels[query_id]),
            latency_ms=latencies[query_id],
        )
        for query_id in judged
    )
    summary = {**summarise(rows, k), **judged_only_summary(run, judged_qrels, k)}
    return RetrievalReport(name=name, k=k, metrics=summary, rows=rows)


def judged_only_summary(run: Run, qrels: Qrels, k: int) -> dict[str, float]:
    """P@1, MRR and nDCG with unjudged documents left out of each ranking, and the share of
    queries whose first document is unjudged (neither right nor wrong as far as the qrels say)."""
    condensed = metrics.score_run(metrics.judged_only(run, qrels), qrels, k)
    summary = {
        f"{name} judged only": metrics.mean([condensed[q][name] for q in qrels])
        for name in ("P@1", f"MRR@{k}", f"nDCG@{k}")
    }
    summary["top1_unjudged"] = metrics.mean(
        [float(bool(run.get(q)) and run[q][0][0] not in qrels[q]) for q in qrels]
    )
    return summary


def run_retrieval_eval(
    assistant: HasRetriever,
    dataset: BeirDataset,
    split: str = "test",
    k: int = metrics.CUTOFF,
    *,
    progress: Progress | None = None,
) -> RetrievalReport:
    """The benchmark through the retriever the assistant answers with."""
    return evaluate_retriever(
        assistant.retriever,
        dataset.queries,
        dataset.qrels(split),
        name=f"{dataset.name}/{split}",
        k=k,
        progress=progress,
    )
