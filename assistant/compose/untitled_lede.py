"""The untitled opening of an article (its lede or summary, a chunk with no heading) answers
what the topic is, and otherwise only when no section does.

A lede names the topic in nearly every sentence, so it outscores the section that answers a
narrower question ("is it contagious?": the section on how it spreads; "can you get it twice?":
the FAQ item asking just that) by more than a section of the asked kind is allowed to trail the
lead. A heading that asks the question's kind or says its words is evidence the lede lacks: when
the lead is the untitled opening and the question does not ask what the topic is, such a section
may trail it by `UNTITLED_LEAD_MARGIN` instead. The other way round, for "what is X?" the
opening that names X leads over a section that scores a little higher by naming X in passing
("GERD that is not treated can damage ..." under "When to see a doctor").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose.base import CompositionRequest
from assistant.compose.scored import ScoredUnit, same_article, section_score, within_margin
from assistant.understanding.question import QuestionType
from healthqa.text.words import content_words

# How far below an untitled lede a section whose heading answers the question may score and
# still lead: the lede's score is mostly its naming of the topic.
UNTITLED_LEAD_MARGIN = 0.5
# How far below the lead an untitled opening naming what a "what is X?" question asks about may
# score and still lead.
WHAT_IT_IS_MARGIN = 0.15

# "what is X", "what are X", "define X", "tell me about X": the questions a lede answers.
_ASKS_WHAT_IT_IS = re.compile(
    r"^\s*(?:what\s*(?:is|'s|are)|define|tell\s+me\s+about|explain)\b", re.IGNORECASE
)


def is_untitled(units: list[ScoredUnit]) -> bool:
    """The section has no heading: the article's opening, before its first heading."""
    return not units[0].section.first.chunk.section.strip()


def asks_what_it_is(request: CompositionRequest) -> bool:
    analysis = request.analysis
    asked = analysis.question or analysis.asked or request.question
    return analysis.qtype is QuestionType.information and bool(_ASKS_WHAT_IT_IS.match(asked))


def margin_below(lead: list[ScoredUnit], request: CompositionRequest, margin: float) -> float:
    """How far below `lead` a section answering by its heading may score and take its place:
    `margin`, or `UNTITLED_LEAD_MARGIN` when the lead is an untitled lede and the question
    asks more than what the topic is."""
    if is_untitled(lead) and not asks_what_it_is(request):
        return max(margin, UNTITLED_LEAD_MARGIN)
    return margin


def opening_for_what_it_is(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For "what is X?", the article's untitled opening when it names X and scores within
    `WHAT_IT_IS_MARGIN` of a lead with a heading: a page says what its topic is before its
    first heading, while a later sentence naming X ("X that is not treated can ...") says
    something about it."""
    focus = content_words(request.analysis.focus or "")
    if not focus or is_untitled(lead) or not asks_what_it_is(request):
        return lead
    openings = [
        units
        for units in same_article(scored, lead)
        if is_untitled(units) and focus <= content_words(units[0].section.text)
    ]
    if not openings:
        return lead
    return within_margin(max(openings, key=section_score), lead, WHAT_IT_IS_MARGIN)


def outscoring_the_opening(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> set[tuple[str, str]]:
    """The sections of the article that outscore its untitled opening chosen for "what is
    X?" (`opening_for_what_it_is`): they name X in passing and say something else about it, so
    they are no second source for what it is either."""
    if not is_untitled(chosen) or not asks_what_it_is(request):
        return set()
    return {
        units[0].section.key
        for units in same_article(scored, chosen)
        if section_score(units) > section_score(chosen)
    }
