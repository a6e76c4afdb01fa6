"""What every composer takes and gives: a request (question, retrieval, sentence vectors) and a
composition (text with [n] markers plus the citations those markers name)."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from assistant.answer import Citation
from assistant.retrieval.hybrid import Retrieval
from assistant.understanding.question import QuestionAnalysis
from index.embedder import Vectors


@dataclass(frozen=True)
class CompositionRequest:
    question: str
    analysis: QuestionAnalysis
    retrieval: Retrieval
    sentence_vectors: Mapping[int, Vectors]  # per chunk id, one row per sentence span
    withhold: Callable[[str], bool] | None = None  # sentences never to quote (e.g. doses)
    # The question sentences' own vector when the message also tells a story (see
    # QuestionAnalysis.question); None when the message is its question.
    question_vector: Vectors | None = None
    # The retrieval searched the visitor's own words (not a rewrite from the conversation), so
    # its top passage is the ranker's best evidence for which section answers.
    as_asked: bool = False
    # The group a follow-up asks about ("what about kids?"): what names it answers it best.
    group: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Composition:
    text: str  # the answer body: quoted sentences, each followed by its [n] marker
    citations: tuple[Citation, ...]


class Composer(Protocol):
    def compose(self, request: CompositionRequest) -> Composition: ...


@runtime_checkable
class StreamingComposer(Protocol):
    """A composer that yields text as it is produced and returns the checked composition."""

    def compose(self, request: CompositionRequest) -> Composition: ...

    def stream(self, request: CompositionRequest) -> Generator[str, None, Composition]: ...
