"""A sign the visitor tells that the page lists as one needing care.

"My eczema has gone all crusty and yellow and it's weeping. Is that normal?" retells words the
page's general symptoms share ("eczema", "skin"), but the page names those signs together in one
line of its getting-care list ("your eczema is weeping, crusting or has yellow pus ... it may be
infected"). A line saying `TOLD_WORDS` of the words the visitor told, beyond the topic, is their
case; the section it stands in answers "is that normal?" and "should I worry?", when the
section chosen has no sentence saying as many of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.base import CompositionRequest
from assistant.compose.scored import ScoredUnit, same_article, section_score, within_margin
from assistant.compose.urgency import urgent_heading
from assistant.understanding.question import QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.words import content_words

# The fewest told words one line must say: two are often said by chance ("pain", "child").
TOLD_WORDS = 3
# How far below the chosen section the section with that line may score and still lead.
TOLD_MARGIN = 0.3
# Words are the same when their stems share this many first letters ("crusty", "crusting").
_SAME_START = 5


def told_signs_needing_care(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """The getting-care section with a line saying what the visitor told, over `chosen` when
    no sentence of it says as much (see the module's docstring)."""
    told = _told_words(request, chosen)
    if len(told) < TOLD_WORDS:
        return chosen
    said_here = _most_said(chosen, told)
    candidates = [
        (said, units)
        for units in same_article(scored, chosen)
        if _for_getting_care(units) and (said := _most_said(units, told)) >= TOLD_WORDS
    ]
    if not candidates:
        return chosen
    said, best = max(candidates, key=lambda c: (c[0], section_score(c[1])))
    if best is chosen or said <= said_here:
        return chosen
    return within_margin(best, chosen, TOLD_MARGIN)


def _told_words(request: CompositionRequest, chosen: list[ScoredUnit]) -> frozenset[str]:
    """The words of the message's story, beyond its question sentences and its topic."""
    analysis = request.analysis
    question = analysis.question or ""
    message = analysis.asked or request.question
    if not question or question.strip(" .?") == message.strip(" .?"):
        return frozenset()
    topic = f"{chosen[0].section.first.chunk.title} {analysis.focus or ''}"
    return content_words(message) - content_words(question) - content_words(topic)


def _for_getting_care(units: list[ScoredUnit]) -> bool:
    heading = units[0].section.first.chunk.section
    return heading_type(heading) is QuestionType.seek_care or urgent_heading(heading)


def _most_said(units: list[ScoredUnit], told: frozenset[str]) -> int:
    """The most told words one line of the section says."""
    section = units[0].section
    starts = {word[:_SAME_START] for word in told}
    return max(
        (
            len(starts & {word[:_SAME_START] for word in content_words(section.sentence(i))})
            for u in units
            for i in u.unit.sentences
        ),
        default=0,
    )
