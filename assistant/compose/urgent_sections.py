"""Emergency sections and the questions they answer: an emergency section chosen for a question
about no danger gives way; a question about getting care gets the section as urgent as it asks."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.asked import RESTATES_MARGIN, ask_of, most_ask_words, topic_of
from assistant.compose.base import CompositionRequest
from assistant.compose.headings import ask_words
from assistant.compose.scored import (
    ScoredUnit,
    own_sentences,
    same_article,
    section_score,
    within_margin,
)
from assistant.compose.urgency import asks_routinely, asks_urgently, urgent_heading
from assistant.understanding.question import QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.emergency_call import tells_to_call_for_help
from healthqa.text.words import content_words


def not_an_emergency_unasked(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For a question about neither getting care, an emergency, signs nor what can go wrong
    ("does my child need to stay off nursery?"), an emergency section ("When to call 911") chosen
    for it gives way to the section of the article with a sentence saying most of the words it
    asks that the emergency section does not say ("There is no need to keep children off school
    or nursery ..."), scoring within `RESTATES_MARGIN`: an emergency section names the people a
    question names ("if your child has a stiff neck") and the topic, and outscores the section
    that answers."""
    if not _an_unasked_emergency(chosen, request):
        return chosen
    asked = ask_words(ask_of(request), topic_of(chosen, request))
    # The words it asks that the emergency section does not say ("nursery", not "child").
    unsaid = asked - _said_words(chosen)
    saying = [
        units
        for units in same_article(scored, chosen)
        if not urgent_heading(units[0].section.first.chunk.section)
        and most_ask_words(units, unsaid) > 0
    ]
    if not saying:
        return chosen
    best = max(saying, key=lambda units: (most_ask_words(units, unsaid), section_score(units)))
    return within_margin(best, chosen, RESTATES_MARGIN)


def _said_words(units: list[ScoredUnit]) -> frozenset[str]:
    section = units[0].section
    return content_words(f"{section.first.chunk.section} {section.text}")


def _an_unasked_emergency(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """The section's heading is for an emergency and the question asks about no danger."""
    if request.analysis.qtype in _ASKS_ABOUT_DANGER or asks_urgently(ask_of(request)):
        return False
    return urgent_heading(units[0].section.first.chunk.section)


def moved_off_an_emergency(
    found: list[ScoredUnit], primary: list[ScoredUnit], request: CompositionRequest
) -> bool:
    """The answer was moved from the emergency section found first to another section of its
    article (`not_an_emergency_unasked`): the question asked nothing about getting care."""
    return (
        primary is not found
        and primary[0].section.doc_id == found[0].section.doc_id
        and _an_unasked_emergency(found, request)
        and heading_type(primary[0].section.first.chunk.section) is not QuestionType.seek_care
    )


def getting_care_sections(
    scored: Sequence[list[ScoredUnit]], units: list[ScoredUnit]
) -> set[tuple[str, str]]:
    """The keys of the sections of `units`' article whose heading is about getting care."""
    return {
        section[0].section.key
        for section in same_article(scored, units)
        if heading_type(section[0].section.first.chunk.section) is QuestionType.seek_care
    }


# The kinds of question an emergency section may answer: when to get care, the signs, what can
# go wrong, whether it is serious.
_ASKS_ABOUT_DANGER = frozenset(
    {
        QuestionType.seek_care,
        QuestionType.symptoms,
        QuestionType.complications,
        QuestionType.outlook,
        QuestionType.diagnosis,
    }
)


def as_urgent_as_asked(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For a question about getting care, the article's getting-care section whose heading
    speaks of an emergency when the question does ("when should I go to the ER?": "When to get
    emergency help", not "When to see a doctor"), and one whose heading does not when the
    question asks about a routine visit ("when should I see a GP?"), scoring within
    `RESTATES_MARGIN` of the chosen section. Both headings ask the same kind and open with
    "When", so only the urgency tells them apart."""
    kind = QuestionType.seek_care
    heading = chosen[0].section.first.chunk.section
    if request.analysis.qtype is not kind:
        return chosen
    question = ask_of(request)
    if heading_type(heading) is not kind:
        return _urgent_section(scored, chosen) if asks_urgently(question) else chosen
    if asks_urgently(question):
        wanted = True
    elif asks_routinely(question):
        wanted = False
    else:
        return chosen
    if urgent_heading(heading) is wanted:
        return chosen
    matching = [
        units
        for units in same_article(scored, chosen)
        if heading_type(h := units[0].section.first.chunk.section) is kind
        and urgent_heading(h) is wanted
    ]
    if not matching:
        return chosen
    return within_margin(max(matching, key=section_score), chosen, RESTATES_MARGIN)


def _urgent_section(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit]
) -> list[ScoredUnit]:
    """For a question asking when something is an emergency, chosen from a section about
    neither getting care nor an emergency ("Overview"), the article's section that tells when
    to call for emergency help, by its heading or by a sentence ("Call 911 or go to the ER if"
    in a callout under "When to see a doctor"), whatever it scores: the question's topic
    names every section and lifts the opening most, while only that section answers (a
    hives page's callout scored 0.32 under its Overview in the tests)."""
    if _speaks_of_an_emergency(chosen):
        return chosen
    urgent = [units for units in same_article(scored, chosen) if _speaks_of_an_emergency(units)]
    if not urgent:
        return chosen
    return max(urgent, key=section_score)


def _speaks_of_an_emergency(units: list[ScoredUnit]) -> bool:
    section = units[0].section
    return urgent_heading(section.first.chunk.section) or any(
        tells_to_call_for_help(section.sentence(i)) for u in units for i in own_sentences(u)
    )
