"""A later source must answer the question itself, not only share its topic.

The composer adds a second source from the sections that score next. Two kinds of them answer
something else: a section whose heading asks another kind of question than the one asked, when
the first source's heading asks it ("Can kidney stones come back?" answered by that FAQ item,
then the Treatment list; "What is sleep apnoea?", then the risk factors), and a section whose
every line the answer just before quoted already ("how is it treated?" followed by the
definition given one turn earlier). Both are left out; a getting-care section never is, since
when to get help is worth saying beside any answer.
"""

from __future__ import annotations

from assistant.compose.base import Composition, CompositionRequest
from assistant.compose.citations import MARKER
from assistant.compose.headings import ask_words, restatement
from assistant.compose.narrowed import renumbered
from assistant.compose.question_parts import question_parts
from assistant.understanding.question_types import QuestionType, heading_type
from healthqa.text.words import content_words


def without_unasked_sources(
    composition: Composition, request: CompositionRequest, previous: str = ""
) -> Composition:
    """The composition without its later sources that answer another question, or only repeat
    the `previous` answer."""
    if len(composition.citations) < 2:
        return composition
    first = composition.citations[0]
    lines = [line for line in composition.text.splitlines() if line.strip()]
    before = set(_statements(previous))
    if before and set(_statements(composition.text)) <= before:
        return composition  # a repeat as a whole: the caller says it is one (service._compose)
    # A question joining two asks ("what causes it and how is it treated?") wants a second
    # source of another kind: only the one-ask question has its kind settled by the first.
    one_ask = len(question_parts(_question(request))) == 1
    first_asks = one_ask and _first_asks(first.section, first.title, request)
    asked = ask_words(_question(request), f"{first.title} {request.analysis.focus or ''}")
    dropped = {
        c.n
        for c in composition.citations[1:]
        if (
            first_asks
            and _asks_another(c.section, request)
            and not _says_every(lines, c.n, asked)
        )
        or _all_said_before(lines, c.n, before)
    }
    if not dropped:
        return composition
    kept = [line for line in lines if not _cites_only(line, dropped)]
    return renumbered(composition, kept) if kept else composition


def _first_asks(heading: str, title: str, request: CompositionRequest) -> bool:
    """The first source's heading asks what the question asks: its kind, or said again."""
    asked = request.analysis.qtype
    if asked is not QuestionType.information and heading_type(heading) is asked:
        return True
    question = _question(request)
    topic = f"{title} {request.analysis.focus or ''}"
    if restatement(heading, question, asked, topic) is not None:
        return True
    # "What is sleep apnoea?" for "what is sleep apnoea?": the heading is the question.
    said = content_words(heading)
    return bool(said) and said == content_words(question)


def _question(request: CompositionRequest) -> str:
    return request.analysis.question or request.analysis.asked or request.question


def _says_every(lines: list[str], n: int, asked: frozenset[str]) -> bool:
    """Source `n`'s lines say every word the question asks beyond its topic ("If you have a
    fever, you are more likely to have a cold" for "is hay fever the same as a cold?"; not "a
    small cut is made in the back" for "can kidney stones come back?")."""
    own = " ".join(line for line in lines if _cites_only(line, {n}))
    return bool(asked) and asked <= content_words(MARKER.sub(" ", own))


def _asks_another(heading: str, request: CompositionRequest) -> bool:
    kind = heading_type(heading)
    return kind not in (QuestionType.information, QuestionType.seek_care, request.analysis.qtype)


def _all_said_before(lines: list[str], n: int, before: set[str]) -> bool:
    own = [s for line in lines if _cites_only(line, {n}) for s in _statements(line)]
    return bool(own) and all(s in before for s in own)


def _statements(text: str) -> list[str]:
    """The quoted statements of an answer: the text before each marker run, spaces evened."""
    pieces = MARKER.split(text)[::2]  # split keeps the marker numbers at odd places
    return [plain for piece in pieces if (plain := " ".join(piece.split()).lstrip("- "))]


def _cites_only(line: str, numbers: set[int]) -> bool:
    cited = {int(found) for found in MARKER.findall(line)}
    return bool(cited) and cited <= numbers
