"""Which quoted sentences lead an answer to a question that asks one fact.

"Does hay fever cause a fever?", "is it dangerous?", "what does INR mean?" are answered by one
sentence of a section ("Hay fever does not cause a high temperature."), often in its middle or
at its end. Laid out in article order, that sentence comes last, after the section's opening
lists; so when it scores clearly better than the opening the composer chose, it leads, with the
sentences it runs on into, and the rest follows in article order. A question asking for a list
("what are the symptoms?") keeps the article's order: there the section is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose.scored import ScoredUnit
from assistant.understanding.question import QuestionAnalysis
from healthqa.text.sentences import split_sentences

# The best unit leads when it scores this much above the section's first chosen unit: less is
# a tie the article's order settles better.
LEADS_BY = 0.03

# "Is it ...?", "Does X cause Y?", "Can I ...?": a question a yes or a no answers.
_YES_NO_QUESTION = re.compile(
    r"^\s*(?:is|are|am|was|were|does|do|did|can|could|should|shall|will|would|may|might|must"
    r"|has|have|had|isn't|aren't|doesn't|don't|can't|won't|shouldn't)\b",
    re.IGNORECASE,
)
# "What does INR mean?", "what's the meaning of a T-score": a question asking what a term says.
_ASKS_MEANING = re.compile(
    r"^\s*what(?:\s+does|\s+do|'s|\s+is)\b.*\b(?:mean|means|meaning|stand\s+for)\b", re.IGNORECASE
)
# An opening that answers yes or no ("Yes, as long as ...", "No. Colds last 1 to 2 weeks.").
_ANSWERS_YES_OR_NO = re.compile(r"^\s*(?:yes|no)\b", re.IGNORECASE)


def asks_one_fact(analysis: QuestionAnalysis, question: str = "") -> bool:
    """The question asks one fact: a yes or no, or what a term means. Its last question
    sentence decides ("My son has a rash. Is it contagious?")."""
    for text in (analysis.question or analysis.asked, question):
        spans = split_sentences(text) if text else []
        last = text[spans[-1][0] : spans[-1][1]] if spans else text
        if last and (_YES_NO_QUESTION.match(last) or _ASKS_MEANING.match(last)):
            return True
    return False


def leading_units(chosen: Sequence[ScoredUnit]) -> list[ScoredUnit]:
    """The units of the first section's chosen ones that lead its paragraph: its best unit, when
    it is not a list, not the first in article order and scores `LEADS_BY` above that first one,
    with the chosen prose units right after it in the article (what it runs on into). [] when
    article order stands."""
    if not chosen:
        return []
    key = chosen[0].section.key
    own = sorted((c for c in chosen if c.section.key == key), key=lambda c: c.unit.sentences)
    best = max(own, key=lambda c: c.score)
    if best is own[0] or best.unit.is_list or best.score < own[0].score + LEADS_BY:
        return []
    if _ANSWERS_YES_OR_NO.match(own[0].section.sentence(own[0].unit.sentences[0])):
        return []  # "Yes, as long as you wash your hands": the FAQ's answer is its opening
    lead = [best]
    for unit in own[own.index(best) + 1 :]:
        if unit.unit.is_list or unit.unit.sentences[0] != lead[-1].unit.sentences[-1] + 1:
            break
        lead.append(unit)
    return lead


def rest_kept_short(
    chosen: Sequence[ScoredUnit], lead: Sequence[ScoredUnit], margin: float, min_words: int
) -> list[ScoredUnit]:
    """The chosen units once `lead` opens the answer: the lead's section keeps only what scores
    within `margin` of the lead, as the composer's first pick does; the units added to fill out
    a paragraph quoted from its start ("Take them on an empty stomach ..." after "Black stools
    are expected when taking iron") now come after the answer and only lengthen it. An answer
    that would fall under `min_words` keeps them all: the lead alone is too bare to read."""
    if not lead:
        return list(chosen)
    key = lead[0].section.key
    floor = lead[0].score - margin
    kept = {id(u) for u in lead}
    short = [c for c in chosen if c.section.key != key or id(c) in kept or c.score >= floor]
    return short if sum(c.words for c in short) >= min_words else list(chosen)
