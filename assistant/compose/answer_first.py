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
from collections.abc import Callable, Sequence

from assistant.compose.base import CompositionRequest
from assistant.compose.durations import asks_how_long
from assistant.compose.scored import ScoredUnit
from assistant.compose.units import is_list_item, is_short_answer
from assistant.understanding.question import QuestionAnalysis, QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.sentences import split_sentences
from healthqa.text.words import content_words, stem, words

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
# "Why do my knees ache at night?", "why is it worse in winter": a question asking a cause.
_ASKS_WHY = re.compile(r"^\s*(?:but\s+|and\s+|so\s+)?why\b", re.IGNORECASE)
# "what is frozen shoulder", "what's a T-score": a question asking what one term is.
_ASKS_WHAT_TERM = re.compile(
    r"^\s*(?:what\s*(?:is|'s)|define)\s+(?:an?\s+|the\s+)?(?P<term>[^?.!,;]+?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "What does a spacer do?", "what do statins do": a question asking what one thing does.
_ASKS_WHAT_IT_DOES = re.compile(r"^\s*what\s+(?:does|do)\b.*\bdo\s*[?.!]*\s*$", re.IGNORECASE)
# A term asked about in at most this many words: longer, "what is ..." asks more than a name.
TERM_WORDS = 4
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


def _last_question(analysis: QuestionAnalysis, question: str) -> list[str]:
    found = []
    for text in (analysis.question or analysis.asked, question):
        spans = split_sentences(text) if text else []
        last = text[spans[-1][0] : spans[-1][1]] if spans else text
        if last:
            found.append(last)
    return found


def asks_one_thing(analysis: QuestionAnalysis, question: str = "") -> bool:
    """The question asks one thing a sentence or a list item answers: a yes or no, what a term
    means or is, how long, or why. A list question ("what are the symptoms?") and "tell me
    about ..." do not: there the section is the answer."""
    if asks_one_fact(analysis, question) or asked_term(analysis, question):
        return True
    return any(
        asks_how_long(last) or _ASKS_WHY.match(last) or _ASKS_WHAT_IT_DOES.match(last)
        for last in _last_question(analysis, question)
    )


def asked_term(analysis: QuestionAnalysis, question: str = "") -> frozenset[str]:
    """The content words of the term a "what is <term>?" question asks about; empty for any
    other question."""
    if analysis.qtype is not QuestionType.information:
        return frozenset()  # "what is the treatment for X?" asks a kind, not a term
    for last in _last_question(analysis, question):
        found = _ASKS_WHAT_TERM.match(last)
        if found and 0 < len(found.group("term").split()) <= TERM_WORDS:
            return content_words(found.group("term"))
    return frozenset()


def stating_section_first(
    chosen: Sequence[ScoredUnit], answers: Callable[[ScoredUnit], bool]
) -> list[ScoredUnit]:
    """`chosen` with the first section holding a unit that `answers` first, when the first
    section holds none: "how long does it last?" is answered by the source stating a length of
    time ("Most get better within 3 days"), not by the one that says what the illness is."""
    first = chosen[0].section.key if chosen else None
    if any(answers(c) for c in chosen if c.section.key == first):
        return list(chosen)
    answering = next((c for c in chosen if answers(c)), None)
    if answering is None:
        return list(chosen)
    key = answering.section.key
    return [c for c in chosen if c.section.key == key] + [
        c for c in chosen if c.section.key != key
    ]


def answering_section_first(chosen: Sequence[ScoredUnit]) -> list[ScoredUnit]:
    """`chosen` with the section of the best unit of the first section's article first, when it
    is not the first section and scores `LEADS_BY` above that section's best: an unasked first
    source ("Inhalers and treatment") does not come before the one that answers ("Types of
    inhaler")."""
    if not chosen:
        return []
    first = chosen[0].section.key
    # Within the article the ranker put first: another article's section is another page's
    # answer, which the ranker judged less relevant as a whole.
    doc_id = chosen[0].section.first.chunk.doc_id
    best = max(
        (c for c in chosen if c.section.first.chunk.doc_id == doc_id), key=lambda c: c.score
    )
    first_best = max(c.score for c in chosen if c.section.key == first)
    if best.section.key == first or best.score < first_best + LEADS_BY:
        return list(chosen)
    key = best.section.key
    return [c for c in chosen if c.section.key == key] + [c for c in chosen if c.section.key != key]


def leading_units(
    chosen: Sequence[ScoredUnit],
    term: frozenset[str] = frozenset(),
    key: tuple[str, str] | None = None,
    joins: Callable[[ScoredUnit], bool] | None = None,
) -> list[ScoredUnit]:
    """The units of one section's chosen ones (the first section's, or `key`'s) that lead its
    paragraph: its best unit, when it is not a list, not the first in article order and scores
    `LEADS_BY` above that first one, with the chosen prose units right after it in the article
    (what it runs on into) and, when `joins` says so of them, right before it. [] when article
    order stands. `term`: the words of the term a "what is" question asks about."""
    if not chosen:
        return []
    key = chosen[0].section.key if key is None else key
    own = sorted((c for c in chosen if c.section.key == key), key=lambda c: c.unit.sentences)
    best = max(own, key=lambda c: c.score)
    floor = own[0].score + LEADS_BY
    if best is own[0] or best.unit.is_list or best.score < floor:
        return []
    if term and (
        not term <= _words_of(best)
        or term <= _words_of(own[0])
        or _refers_back_before(best.section.sentence(best.unit.sentences[0]), term)
    ):
        return []  # "what is X?": the sentence naming X answers, unless the opening names it
    if _ANSWERS_YES_OR_NO.match(own[0].section.sentence(own[0].unit.sentences[0])) or (
        opens_faq_answer(own[0])
    ):
        # "Yes, as long as you wash your hands", "Usually not. Most ...": the FAQ's answer is
        # its opening
        return []
    at = own.index(best)
    # "The blisters scab over in 7 to 10 days. The rash clears within 2 to 4 weeks.": the
    # prose right before the best that answers as well joins it.
    while (
        joins is not None
        and at > 1
        and _runs_into(own[at - 1], own[at])
        and own[at - 1].score >= floor
        and joins(own[at - 1])
    ):
        at -= 1
    lead = own[at : own.index(best) + 1]
    if is_list_item(best.section.sentence(best.unit.sentences[0])):
        return lead  # an item taken out of its list: what follows the list is not its sequel
    for unit in own[own.index(best) + 1 :]:
        if unit.unit.is_list or unit.unit.sentences[0] != lead[-1].unit.sentences[-1] + 1:
            break
        lead.append(unit)
    return lead


def opens_faq_answer(scored: ScoredUnit) -> bool:
    """The unit opens an FAQ item's answer with a short one ("Usually not.", "It is rare."),
    quoted with the sentence after it."""
    section = scored.section
    first = scored.unit.sentences[0]
    return (
        section.first.chunk.section.strip().endswith("?")
        and section.first.chunk.start == 0
        and first == 0
        and len(scored.unit.sentences) > 1
        and is_short_answer(section.sentence(first))
    )


_BACK_REFERENCE = frozenset({"it", "its", "this", "these", "they", "them", "their"})


def _refers_back_before(sentence: str, term: frozenset[str]) -> bool:
    """The sentence naming the term leans on what came before it: "When reflux happens often,
    it is called GERD" names GERD for the reflux the opening described, so the opening leads."""
    said = words(sentence.lower())
    at = next((i for i, w in enumerate(said) if stem(w) in term), len(said))
    return any(w in _BACK_REFERENCE for w in said[:at])


def leading_in_each_section(
    chosen: Sequence[ScoredUnit],
    term: frozenset[str] = frozenset(),
    joins: Callable[[ScoredUnit], bool] | None = None,
) -> list[ScoredUnit]:
    """`leading_units` of every section of `chosen`, the first section's first: each source's
    paragraph opens with what answers, not only the first one's."""
    keys = list(dict.fromkeys(c.section.key for c in chosen))
    return [u for key in keys for u in leading_units(chosen, term, key, joins)]


def of_the_kind_asked(first: ScoredUnit, request: CompositionRequest) -> bool:
    """The question asks a kind ("why do I get nosebleeds?": causes) that the heading of the
    answer's first section says ("Causes of nosebleeds"): that section, in the article's order,
    is the answer. A yes or no, what a term means, or how long ("how soon do symptoms start?"
    under "Symptoms"), is answered by one sentence even there."""
    kind = request.analysis.qtype
    if kind is QuestionType.information or asks_one_fact(request.analysis, request.question):
        return False
    if any(asks_how_long(last) for last in _last_question(request.analysis, request.question)):
        return False
    return heading_type(first.section.first.chunk.section) is kind


def _runs_into(before: ScoredUnit, after: ScoredUnit) -> bool:
    """`before` is prose that the article continues with `after`."""
    return not before.unit.is_list and before.unit.sentences[-1] + 1 == after.unit.sentences[0]


def _words_of(scored: ScoredUnit) -> frozenset[str]:
    section = scored.section
    return content_words(" ".join(section.sentence(k) for k in scored.unit.sentences))


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


def displaced_kept_to_one(
    before: Sequence[ScoredUnit], after: Sequence[ScoredUnit]
) -> list[ScoredUnit]:
    """`after`, the sections reordered so that the one that answers comes first, with the section
    that came first `before` quoted as a second source is: its best unit only. It was chosen
    whole as the answer to the question as the ranker read it; after the sentence that answers
    ("do not cut out calcium ..." for "should I cut out dairy?"), the rest of it (the whole
    treatment paragraph) only lengthens the answer."""
    if not before or not after or before[0].section.key == after[0].section.key:
        return list(after)
    key = before[0].section.key
    own = [c for c in after if c.section.key == key]
    if not own:
        return list(after)
    best = max(own, key=lambda c: c.score)
    return [c for c in after if c.section.key != key or c is best]


def without_filled_lists(
    chosen: Sequence[ScoredUnit],
    margin: float,
    answers: Callable[[ScoredUnit], bool] | None = None,
) -> list[ScoredUnit]:
    """`chosen` without the first section's lists that score more than `margin` below its best
    unit, when that unit is prose: a one-sentence answer to a yes or no or a "how long"
    ("Piles usually get better on their own after a few days.") is filled out with the units
    next to it, and a list there ("There are things you can do to treat them: ...") answers
    another question. With `answers` (how long: a unit stating a length of time), a list that
    does not answer goes too once a prose unit does, however it scores."""
    if not chosen:
        return []
    key = chosen[0].section.key
    own = [c for c in chosen if c.section.key == key]
    best = max(own, key=lambda c: c.score)
    if best.unit.is_list:
        return list(chosen)
    floor = best.score - margin
    stated = answers is not None and any(answers(c) for c in own if not c.unit.is_list)

    def kept(unit: ScoredUnit) -> bool:
        if unit.section.key != key or not unit.unit.is_list:
            return True
        if stated and answers is not None and not answers(unit):
            return False
        return unit.score >= floor

    return [c for c in chosen if kept(c)]
