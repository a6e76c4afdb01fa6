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
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "jr",
        "sr",
        "vs",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "fig",
        "e.g",
        "i.e",
        "etc",
        "approx",
        "dept",
        "univ",
        "gov",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "minn",
        "mass",
        "calif",
        "penn",
        "wash",
    ]
)


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
                statements.extend(CitedStatement(s, ()) for s in split_plain(rest))
                break
            group_end = match.end()
            while (nxt := MARKER.match(rest, _skip_space(rest, group_end))) is not None:
                group_end = nxt.end()
            segment = rest[:group_end]
            text = _MARKERS_AT_END.sub("", segment).strip()
            numbers = tuple(int(n) for n in MARKER.findall(segment[len(text) :]))
            # Text before the last sentence end inside the segment is an uncited statement.
            parts = split_plain(text) or [""]
            statements.extend(CitedStatement(p.strip(), ()) for p in parts[:-1] if p.strip())
            statements.append(CitedStatement(parts[-1].strip(), numbers))
            rest = rest[group_end:].strip()
    return [s for s in statements if s.text]


def split_plain(text: str) -> list[str]:
    """Sentences of plain text; a period after an initial or a common abbreviation ends none."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start() + 1].split()
        last = before[-1].rstrip(".") if before else ""
        if (len(last) == 1 and last.isupper()) or last.lower() in _ABBREVIATIONS:
            continue
        parts.append(text[start : match.start() + 1].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


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
