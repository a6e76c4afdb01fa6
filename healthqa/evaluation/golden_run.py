"""Runs golden conversations through the real assistant and scores each last answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from assistant.answer import Answer
from assistant.compose.citations import CitationCheck, check_answer_citations
from assistant.service import ABSTAIN_TEXT
from assistant.understanding.conversation import Conversation
from healthqa.errors import HealthQAError
from healthqa.evaluation.golden import GoldenCase, check_answer
from healthqa.evaluation.golden_report import CaseResult, GoldenReport, summarise

Progress = Callable[[int, int], None]  # (done, total)

# Fixed texts of the assistant that carry no citation by design, left out of coverage.
ASSISTANT_FRAMING = (ABSTAIN_TEXT,)


class AnswersConversations(Protocol):
    def answer(self, conversation: Conversation, message: str) -> Answer: ...


def run_case(
    assistant: AnswersConversations,
    case: GoldenCase,
    *,
    framing: Iterable[str] = (),
) -> CaseResult:
    """A fresh conversation per case; the expectations apply to the answer to the last turn."""
    conversation = Conversation()
    answer: Answer | None = None
    latency_ms = 0.0
    try:
        for message in case.turns:
            started = time.perf_counter()
            answer = assistant.answer(conversation, message)
            latency_ms = (time.perf_counter() - started) * 1000
    except HealthQAError as error:
        return CaseResult(
            case=case,
            checks=(),
            citations=CitationCheck(0, 0, 0, 0),
            answer=None,
            latency_ms=latency_ms,
            error=str(error),
        )
    assert answer is not None  # turns is never empty (parse_golden refuses it)
    return CaseResult(
        case=case,
        checks=check_answer(case.expect, answer),
        citations=check_answer_citations(answer, framing=framing),
        answer=answer,
        latency_ms=latency_ms,
    )


def run_golden(
    assistant: AnswersConversations,
    cases: Sequence[GoldenCase],
    *,
    name: str = "golden",
    framing: Iterable[str] = ASSISTANT_FRAMING,
    progress: Progress | None = None,
) -> GoldenReport:
    """`framing`: the assistant's fixed texts, which carry no citation by design."""
    fixed = tuple(framing)
    results: list[CaseResult] = []
    for done, case in enumerate(cases, start=1):
        results.append(run_case(assistant, case, framing=fixed))
        if progress is not None:
            progress(done, len(cases))
    return GoldenReport(name=name, metrics=summarise(results), rows=tuple(results))
