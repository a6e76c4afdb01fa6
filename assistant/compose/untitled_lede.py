"""The untitled opening of an article (its lede or summary, a chunk with no heading) answers
what the topic is, and otherwise only when no section does.

A lede names the topic in nearly every sentence, so it outscores the section that answers a
narrower question ("is it contagious?": the section on how it spreads; "can you get it twice?":
the FAQ item asking just that) by more than a section of the asked kind is allowed to trail the
lead. A heading that asks the question's kind or says its words is evidence the lede lacks: when
the lead is the untitled opening and the question does not ask what the topic is, such a section
may trail it by `UNTITLED_LEAD_MARGIN` instead.
"""

from __future__ import annotations

import re

from assistant.compose.base import CompositionRequest
from assistant.compose.scored import ScoredUnit
from assistant.understanding.question import QuestionType

# How far below an untitled lede a section whose heading answers the question may score and
# still lead: the lede's score is mostly its naming of the topic.
UNTITLED_LEAD_MARGIN = 0.5

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
