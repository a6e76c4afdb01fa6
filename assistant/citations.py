"""Checks that tie an answer to its sources: every [n] names a shown source whose passage holds the
sentence it follows. Used by tests, by the evaluation and by the LLM composer's output check."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer import Citation

MARKER = re.compile(r"\[(\d+)\]")
_MARKERS_AT_END = re.compile(r"(?:\s*\[\d+\])+\s*$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CitedStatement:
    text: str  # the statement without its markers
    markers: tuple[int, ...]


@dataclass(frozen=True)
class CitationCheck:
    markers: int
    resolved: int  # markers naming a shown source whose passage contains the statement
    statements: int
    cited_statements: int

    @property
    def precision(self) -> float:
        return self.resolved / self.markers if self.markers else 1.0

    @property
    def coverage(self) -> float:
        return self.cited_statements / self.statements if self.statements else 1.0


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def cited_statements(body: str) -> list[CitedStatement]:
    """Split an answer body into statements, each with the markers that follow it.

    A statement ends at its marker group, at a line break, or at a sentence end without markers.
    """
    statements: list[CitedStatement] = []
    for line in body.splitlines():
        rest = line.strip()
        while rest:
            match = MARKER.search(rest)
            if match is None:
                statements.extend(
                    CitedStatement(s.strip(), ())
                    for s in re.split(r"(?<=[.!?])\s+", rest)
                    if s.strip()
                )
                break
            group_end = match.end()
            while (nxt := MARKER.match(rest, _skip_space(rest, group_end))) is not None:
                group_end = nxt.end()
            segment = rest[:group_end]
            text = _MARKERS_AT_END.sub("", segment).strip()
            numbers = tuple(int(n) for n in MARKER.findall(segment[len(text) :]))
            # Text before the last sentence end inside the segment is an uncited statement.
            parts = re.split(r"(?<=[.!?])\s+", text)
            statements.extend(CitedStatement(p.strip(), ()) for p in parts[:-1] if p.strip())
            statements.append(CitedStatement(parts[-1].strip(), numbers))
            rest = rest[group_end:].strip()
    return [s for s in statements if s.text]


def check_citations(body: str, citations: Sequence[Citation]) -> CitationCheck:
    by_n = {c.n: c for c in citations}
    statements = cited_statements(body)
    markers = resolved = 0
    for statement in statements:
        for n in statement.markers:
            markers += 1
            citation = by_n.get(n)
            if citation and normalise(statement.text) in normalise(citation.passage):
                resolved += 1
    return CitationCheck(
        markers=markers,
        resolved=resolved,
        statements=len(statements),
        cited_statements=sum(1 for s in statements if s.markers),
    )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
