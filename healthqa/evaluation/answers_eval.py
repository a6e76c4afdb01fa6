"""Answer-level evaluation: the whole assistant (triage, understanding, retrieval, abstention,
composition) on every judged question of a BEIR dataset, scored on what a visitor reads.

- answered_rate: share of questions answered with citations (no abstention, no escalation).
- first_citation_relevant: share of questions whose first cited document has grade >= 2
  (an abstention counts as not relevant).
- first_citation_mean_grade: mean grade (0-3) of the first cited document; an abstention counts 0.
- first_citation_relevant_judged_only: of the answers whose first cited document is judged, the
  share relevant (MEDIQA judges only CHiQA's ~10 documents a question; an unjudged one is not
  known to be wrong); first_citation_unjudged: share of answers whose first document is unjudged.
- cited_precision: share of cited documents, over all answers, with grade >= 2.
- mean_words / median_words: words a visitor reads in the answer body (markers left out).
- reading_grade: Flesch-Kincaid grade level of the answer bodies (textstat), the mean.
- cited_sentence_share: share of the answer sentences (fixed framing left out) carrying a marker.
- out_of_scope_abstained: with a file of questions the index cannot answer, the share abstained.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import textstat

from assistant.answer import Answer
from assistant.compose.citations import MARKER, check_answer_citations
from assistant.understanding.conversation import Conversation
from healthqa.evaluation import metrics
from healthqa.evaluation.beir import BeirDataset, Qrels

Progress = Callable[[int, int], None]
_SPACE = re.compile(r"\s+")


class AnswersQuestions(Protocol):
    def answer(self, conversation: Conversation, message: str) -> Answer: ...


@dataclass(frozen=True)
class AnsweredQuestion:
    query_id: str
    question: str
    answer: Answer
    grades: tuple[int, ...]  # the judged grade of each cited document, in citation order
    latency_ms: float
    first_judged: bool = True  # the first cited document has a judgement (any grade)

    @property
    def answered(self) -> bool:
        return bool(self.answer.citations) and not self.answer.abstained and not self.escalated

    @property
    def escalated(self) -> bool:
        return self.answer.safety is not None and self.answer.safety.escalates

    @property
    def cited_doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.doc_id for c in self.answer.citations))

    def to_json(self) -> dict[str, object]:
        return {
            "query_id": self.query_id,
            "question": self.question,
            "abstained": not self.answered,
            "answer": self.answer.text,
            "citations": list(self.cited_doc_ids),
        }


@dataclass(frozen=True)
class AnswersReport:
    name: str
    metrics: Mapping[str, float]
    rows: tuple[AnsweredQuestion, ...]
    out_of_scope: tuple[AnsweredQuestion, ...] = ()
    kind: str = field(default="answers", init=False)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "name": self.name,
            "metrics": dict(self.metrics),
            "rows": [row.to_json() | {"grades": list(row.grades)} for row in self.rows],
            "out_of_scope": [row.to_json() for row in self.out_of_scope],
        }


def body_text(answer: Answer) -> str:
    """What a visitor reads as the answer: the body without markers or the safety notice."""
    return _SPACE.sub(" ", MARKER.sub("", answer.body)).strip()


def ask_all(
    assistant: AnswersQuestions,
    questions: Sequence[tuple[str, str]],
    qrels: Qrels,
    *,
    progress: Progress | None = None,
) -> list[AnsweredQuestion]:
    """Each (query id, question) in a fresh conversation, with the grades of what it cited."""
    rows: list[AnsweredQuestion] = []
    for done, (query_id, question) in enumerate(questions, start=1):
        started = time.perf_counter()
        answer = assistant.answer(Conversation(), question)
        latency_ms = (time.perf_counter() - started) * 1000
        judged = qrels.get(query_id, {})
        cited = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
        rows.append(
            AnsweredQuestion(
                query_id=query_id,
                question=question,
                answer=answer,
                grades=tuple(judged.get(doc_id, 0) for doc_id in cited),
                latency_ms=latency_ms,
                first_judged=bool(cited) and cited[0] in judged,
            )
        )
        if progress is not None:
            progress(done, len(questions))
    return rows


def summarise(
    rows: Sequence[AnsweredQuestion], out_of_scope: Sequence[AnsweredQuestion] = ()
) -> dict[str, float]:
    answered = [row for row in rows if row.answered]
    first = [row.grades[0] if row.answered and row.grades else 0 for row in rows]
    cited = [grade for row in answered for grade in row.grades]
    words = [len(body_text(row.answer).split()) for row in answered]
    checks = [check_answer_citations(row.answer) for row in answered]
    statements = sum(check.statements for check in checks)
    summary = {
        "n": float(len(rows)),
        "answered_rate": len(answered) / len(rows) if rows else 0.0,
        "first_citation_relevant": metrics.mean(
            [1.0 if grade >= metrics.RELEVANT_GRADE else 0.0 for grade in first]
        ),
        "first_citation_mean_grade": metrics.mean([float(g) for g in first]),
        "first_citation_relevant_judged_only": metrics.mean(
            [
                1.0 if row.grades[0] >= metrics.RELEVANT_GRADE else 0.0
                for row in answered
                if row.grades and row.first_judged
            ]
        ),
        "first_citation_unjudged": metrics.mean(
            [0.0 if row.first_judged else 1.0 for row in answered]
        ),
        "cited_precision": metrics.mean(
            [1.0 if grade >= metrics.RELEVANT_GRADE else 0.0 for grade in cited]
        ),
        "mean_words": metrics.mean([float(w) for w in words]),
        "median_words": float(statistics.median(words)) if words else 0.0,
        "reading_grade": metrics.mean(
            [float(textstat.flesch_kincaid_grade(body_text(row.answer))) for row in answered]
        ),
        "cited_sentence_share": (
            sum(check.cited_statements for check in checks) / statements if statements else 0.0
        ),
        "latency_p50_ms": metrics.percentile([row.latency_ms for row in rows], 50),
        "latency_p95_ms": metrics.percentile([row.latency_ms for row in rows], 95),
    }
    if out_of_scope:
        summary["out_of_scope_abstained"] = metrics.mean(
            [0.0 if row.answered else 1.0 for row in out_of_scope]
        )
    return summary


def read_questions(path_text: str) -> list[str]:
    """One question per line; blank lines and lines starting with # are ignored."""
    lines = (line.strip() for line in path_text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def run_answers_eval(
    assistant: AnswersQuestions,
    dataset: BeirDataset,
    split: str,
    *,
    out_of_scope: Sequence[str] = (),
    progress: Progress | None = None,
) -> AnswersReport:
    qrels = dataset.qrels(split)
    questions = [(qid, text) for qid, text in dataset.queries.items() if qid in qrels]
    rows = ask_all(assistant, questions, qrels, progress=progress)
    unanswerable = ask_all(
        assistant, [(f"oos-{n}", q) for n, q in enumerate(out_of_scope, start=1)], {}
    )
    return AnswersReport(
        name=f"{dataset.name}/{split}",
        metrics=summarise(rows, unanswerable),
        rows=tuple(rows),
        out_of_scope=tuple(unanswerable),
    )
