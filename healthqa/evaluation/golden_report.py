"""What a golden run found: per-case results and the summary metrics over them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.answer import Answer
from assistant.compose.citations import CitationCheck
from healthqa.evaluation import metrics
from healthqa.evaluation.golden import CHECK_KINDS, Check, GoldenCase


@dataclass(frozen=True)
class CaseResult:
    case: GoldenCase
    checks: tuple[Check, ...]
    citations: CitationCheck
    answer: Answer | None  # None when the assistant raised an error
    latency_ms: float  # for the last turn
    error: str = ""

    @property
    def passed(self) -> bool:
        return not self.error and all(c.passed for c in self.checks) and self._citations_hold

    @property
    def _citations_hold(self) -> bool:
        return self.citations.resolved == self.citations.markers

    @property
    def reasons(self) -> tuple[str, ...]:
        found = [f"{c.kind}: {c.reason}" for c in self.checks if not c.passed]
        if self.error:
            found.append(f"error: {self.error}")
        found += [f"citation does not resolve: {u}" for u in self.citations.unresolved]
        return tuple(found)


@dataclass(frozen=True)
class GoldenReport:
    name: str
    metrics: Mapping[str, float]
    rows: tuple[CaseResult, ...]
    kind: str = field(default="golden", init=False)

    @property
    def failures(self) -> tuple[CaseResult, ...]:
        return tuple(row for row in self.rows if not row.passed)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "name": self.name,
            "metrics": dict(self.metrics),
            "rows": [
                {
                    "id": row.case.id,
                    "passed": row.passed,
                    "reasons": list(row.reasons),
                    "turns": list(row.case.turns),
                    "answer": None if row.answer is None else row.answer.to_json(),
                    "citation_precision": row.citations.precision,
                    "citation_coverage": row.citations.coverage,
                    "latency_ms": round(row.latency_ms, 2),
                }
                for row in self.rows
            ],
        }


def summarise(results: Sequence[CaseResult]) -> dict[str, float]:
    """Pass rates overall and per expectation kind, and citation quality.

    citation_precision pools every marker of every answer; citation_coverage averages the
    answers that quote at least one source (abstentions, escalations and small talk are fixed
    texts with nothing to cite).
    """
    summary = {"pass_rate": metrics.mean([float(r.passed) for r in results])}
    for kind in CHECK_KINDS:
        outcomes = [float(c.passed) for r in results for c in r.checks if c.kind == kind]
        if outcomes:
            summary[f"{kind}_pass_rate"] = metrics.mean(outcomes)
    markers = sum(r.citations.markers for r in results)
    resolved = sum(r.citations.resolved for r in results)
    summary["citation_precision"] = resolved / markers if markers else 1.0
    coverages = [
        r.citations.coverage
        for r in results
        if r.citations.coverage is not None and r.answer is not None and r.answer.citations
    ]
    summary["citation_coverage"] = metrics.mean([c for c in coverages if c is not None])
    latencies = [r.latency_ms for r in results]
    summary["latency_p50_ms"] = metrics.percentile(latencies, 50)
    summary["latency_p95_ms"] = metrics.percentile(latencies, 95)
    summary["cases"] = float(len(results))
    return summary
