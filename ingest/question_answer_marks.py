"""The "Q:" and "A:" marks of a plain-text leaflet's questions and answers, read as structure.

Leaflets written as plain text mark their FAQ by letters: a line "Q: Does it leave scars?" and
under it "A: It does not usually ...". Read as written, the question became a section named
"Q: Does it leave scars?" and every answer quoted from it opened with "A:", a mark no reader
says. A "Q:" line whose next written line opens with "A:" is the question alone, a heading over
its answer like any other FAQ question, and the answer loses its mark. A "Q:" without an "A:"
under it is left as written: nothing says it is a question and answer pair.
"""

from __future__ import annotations

import re

_QUESTION = re.compile(r"^(\s*)(?:Q|Question)\s*[:.)]\s+(?=\S)", re.IGNORECASE)
_ANSWER = re.compile(r"^(\s*)(?:A|Answer)\s*[:.)]\s+(?=\S)", re.IGNORECASE)


def with_question_answer_marks_read(text: str) -> str:
    """The text with each "Q:"/"A:" pair's marks taken off their lines."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not _QUESTION.match(line):
            continue
        answer = next((m for m in range(n + 1, len(lines)) if lines[m].strip()), None)
        if answer is None or not _ANSWER.match(lines[answer]):
            continue
        lines[n] = _QUESTION.sub(r"\1", line, count=1)
        lines[answer] = _ANSWER.sub(r"\1", lines[answer], count=1)
    return "\n".join(lines)
