"""What the question asks of a section: the question's own sentences and the page's topic words,
how many of the asked words a section's sentences say, the group a follow-up names."""

from __future__ import annotations

from assistant.compose.base import CompositionRequest
from assistant.compose.passages import SectionPassage
from assistant.compose.scored import ScoredUnit, own_sentences
from assistant.understanding.conversation import groups_named
from healthqa.text.words import content_words

# How far below the chosen section a section of the same article whose heading the question
# says again, or which says what the question asks, may score and still answer instead.
RESTATES_MARGIN = 0.3


def most_ask_words(units: list[ScoredUnit], asked: frozenset[str]) -> int:
    section = units[0].section
    return max(
        (len(asked & content_words(section.sentence(i))) for u in units for i in own_sentences(u)),
        default=0,
    )


def names_group(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """A unit of the section names the group a follow-up asks about ("what about children?")."""
    group = request.group
    if group is None:
        return False
    section = units[0].section
    return any(group.search(section.sentence(i)) for u in units for i in u.unit.sentences)


def for_another_group(section: SectionPassage, request: CompositionRequest) -> bool:
    """The section's heading names a group (children, older people, pregnancy) that neither
    the question nor the page's title names: it is the page's answer for that group only."""
    named = groups_named(section.first.chunk.section)
    if not named:
        return False
    analysis = request.analysis
    asked = f"{request.question} {analysis.text} {analysis.asked} {section.first.chunk.title}"
    return not named & groups_named(asked)


def ask_of(request: CompositionRequest) -> str:
    """The question sentences alone: a story's words must not say a heading by chance."""
    return request.analysis.question or request.analysis.asked or request.question


def topic_of(units: list[ScoredUnit], request: CompositionRequest) -> str:
    """The words naming the page's topic: its title and the question's focus."""
    return f"{units[0].section.first.chunk.title} {request.analysis.focus or ''}"
