"""The one citation checker: every [n] must name a shown source whose passage holds the statement
it follows (precision), and every statement that is not fixed framing should carry one
(coverage). The composers, the LLM output check, the tests and the evaluation all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.answer import Answer, Citation
from healthqa.text.sentences import split_sentences

MARKER = re.compile(r"\[(\d+)\]")
# "... left. [2] Next": a marker written after the full stop belongs to the sentence before it.
_MARKERS_AFTER_STOP = re.compile(r"([.!?][\"”’)\]]*)((?:[ \t]*\[\d+\])+)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_STOP = re.compile(r"\s+([.!?,;:])")


@dataclass(frozen=True)
class CitedStatement:
    text: str  # the statement without its markers or list bullet, whitespace collapsed
    markers: tuple[int, ...]


@dataclass(frozen=True)
class CitationCheck:
    markers: int
    resolved: int  # markers naming a shown source whose passage holds the statement
    statements: int  # statements that are not framing, safety or disclaimer text
    cited_statements: int
    unresolved: tuple[str, ...] = ()  # "[n] statement..." for each marker that did not resolve

    @property
    def precision(self) -> float | None:
        return self.resolved / self.markers if self.markers else None

    @property
    def coverage(self) -> float | None:
        return self.cited_statements / self.statements if self.statements else None


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def cited_statements(body: str) -> list[CitedStatement]:
    """The statements of an answer body, each with the markers written right after it.

    A statement ends at a line break or a sentence end; a list item is a statement of its own.
    """
    moved = _MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", body)
    statements: list[CitedStatement] = []
    for raw_line in moved.splitlines():
        line = _BULLET.sub("", raw_line)
        for start, end in split_sentences(line):
            piece = line[start:end]
            markers = tuple(int(n) for n in MARKER.findall(piece))
            plain = _SPACE.sub(" ", MARKER.sub("", piece)).strip()
            plain = re.sub(r"\s+([.!?,;:])", r"\1", plain)
            if plain or markers:
                statements.append(CitedStatement(text=plain, markers=markers))
    return statements


def supports(citation: Citation, statement: str) -> bool:
    """The statement is quoted from the passage, or quotes one of the cited spans whole, or is
    the cited section's heading (which introduces a list: "See a GP if:")."""
    passage = _tight(citation.passage)
    core = _tight(statement).rstrip(".!?;: ")
    if core and (core in passage or core == _tight(citation.section).rstrip(".!?;: ")):
        return True
    spans = (_tight(_BULLET.sub("", citation.passage[a:b])).rstrip(".!?;: ")
             for a, b in citation.spans)
    return any(span and span in _tight(statement) for span in spans)


def _tight(text: str) -> str:
    """Normalised, without space before punctuation: `cited_statements` drops it from an answer
    ("history : An exam" is quoted as "history: An exam"), so the passage is read the same way."""
    return _SPACE_BEFORE_STOP.sub(r"\1", normalise(text))


def check_citations(
    body: str, citations: Sequence[Citation], *, framing: Iterable[str] = ()
) -> CitationCheck:
    """`framing`: fixed texts (safety notices, disclaimers) that carry no citation by design; a
    marker-less line introducing what follows ("From the article on X:") is framing too."""
    by_number = {c.n: c for c in citations}
    fixed = [normalise(t) for t in framing if t.strip()]
    markers = resolved = counted = cited = 0
    unresolved: list[str] = []
    for statement in cited_statements(body):
        if not statement.markers and _is_framing(statement.text, fixed):
            continue
        counted += 1
        cited += bool(statement.markers)
        for n in statement.markers:
            markers += 1
            citation = by_number.get(n)
            if citation is not None and supports(citation, statement.text):
                resolved += 1
            else:
                unresolved.append(f"[{n}] {statement.text[:80]}")
    return CitationCheck(
        markers=markers,
        resolved=resolved,
        statements=counted,
        cited_statements=cited,
        unresolved=tuple(unresolved),
    )


def check_answer_citations(answer: Answer, *, framing: Iterable[str] = ()) -> CitationCheck:
    """`check_citations` on a whole answer: its disclaimer and safety notice are framing."""
    fixed = [answer.disclaimer, answer.support, *framing]
    if answer.safety is not None:
        fixed.append(answer.safety.message)
    return check_citations(answer.text, answer.citations, framing=fixed)


def _is_framing(text: str, fixed: Sequence[str]) -> bool:
    flat = normalise(text)
    return flat.endswith(":") or any(flat and flat in f for f in fixed)
