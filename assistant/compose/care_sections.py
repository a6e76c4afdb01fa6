"""Who acts: a question asking what the visitor can do gets the article's self-care section; "how
do I treat X?" gets its treatment section, not the home-care list."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.asked import ask_of, for_another_group, names_group, topic_of
from assistant.compose.base import CompositionRequest
from assistant.compose.headings import shares_an_ask_word
from assistant.compose.scored import ScoredUnit, same_article, section_score
from assistant.compose.self_care import asks_for_self_care, clinician_heading, self_care_heading
from assistant.understanding.question import QuestionType
from assistant.understanding.question_types import heading_type


def as_self_care_as_asked(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For a question asking what the visitor can do themselves ("how do I get rid of it at
    home?", "what can we do?"), the article's section whose heading is for what the reader
    does ("How to treat it yourself", "What you can do"), when the chosen one's is not:
    whatever it scores, since a story's words lean to the section that retells them (the
    clinician's treatment, when to get help), and only this one answers who acts."""
    if request.analysis.qtype not in (QuestionType.treatment, QuestionType.information):
        return chosen
    if not asks_for_self_care(ask_of(request)):
        return chosen
    heading = chosen[0].section.first.chunk.section
    if self_care_heading(heading):
        return chosen
    # The question's own words chose the section: its heading names what is asked ("UV index
    # guide" for "what should I do when the UV index is 7?"), or it speaks of the group a
    # follow-up asks about ("what about in adults?" after "how do I treat it at home?"). Not
    # a clinician's or getting-care heading, which never answers what the visitor can do
    # ("When to get help" shares "help" with "what can we do to help her?").
    if not clinician_heading(heading) and shares_an_ask_word(
        heading, ask_of(request), topic_of(chosen, request)
    ):
        return chosen
    if names_group(chosen, request):
        return chosen
    own = [
        units
        for units in same_article(scored, chosen)
        if self_care_heading(units[0].section.first.chunk.section)
    ]
    return max(own, key=section_score) if own else chosen


def treatment_as_asked(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For "how do I treat X?" or "how do I get rid of X?", asked without "at home" or
    "myself" (`asks_for_self_care`), the article's treatment section ("Treatment": the creams,
    the medicines) over its home-care list ("Self-care") chosen for it, whatever it scores: the
    list's opening says "treat" and the topic again ("To help treat and prevent X:"), while
    only the treatment section says how it is treated. Not a clinician's section ("Treatment
    from a GP"), which answers what the doctor does."""
    if request.analysis.qtype is not QuestionType.treatment:
        return chosen
    question = ask_of(request)
    if asks_for_self_care(question) or not self_care_heading(
        chosen[0].section.first.chunk.section
    ):
        return chosen
    if names_group(chosen, request):
        return chosen
    treatment = [
        units
        for units in same_article(scored, chosen)
        if heading_type(h := units[0].section.first.chunk.section) is QuestionType.treatment
        and not self_care_heading(h)
        and not clinician_heading(h)
        and not for_another_group(units[0].section, request)
    ]
    return max(treatment, key=section_score) if treatment else chosen
