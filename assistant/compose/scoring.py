"""Each readable unit of a section scored against the question: its best sentence's match, with
bonuses for what answers (a definition, the asked group, a length of time, the whole ask) and
penalties for what does not."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np

from assistant.compose.answer_first import asks_one_fact
from assistant.compose.asked import for_another_group
from assistant.compose.base import CompositionRequest
from assistant.compose.durations import asks_how_long, duration_subject, states_a_duration_of
from assistant.compose.extractive_settings import ExtractiveSettings
from assistant.compose.passages import SectionPassage
from assistant.compose.quotable import ends_statement, is_attribution, is_quotable
from assistant.compose.scored import BULLET, ScoredUnit, scored_sentences
from assistant.compose.section_choice import whole_ask_of
from assistant.compose.trimming import trimmed, without_unquotable_item_sentences
from assistant.compose.units import (
    Unit,
    is_list_item,
    is_short_answer,
    is_yes_or_no,
    opens_with_yes_or_no,
    readable_units,
)
from assistant.understanding.conversation import groups_named
from assistant.understanding.question import QuestionAnalysis, QuestionType
from healthqa.text.emergency_call import asks_about_the_call, tells_to_call_for_help
from healthqa.text.words import content_words, stem, words

# Within the article the whole message chose, how much the question sentences alone decide
# which sentences answer (1: entirely; the story has had its say in choosing the article).
QUESTION_WEIGHT = 1.0
# For a follow-up about a group ("what about children?"): a unit naming the group outranks one
# that matches the question as well without naming it.
GROUP_BONUS = 0.15
# A section for a group the question does not name ("Children and older people" for "symptoms
# of low iron"): it answers that group's question, so it leads only when nothing else is close.
OTHER_GROUP_PENALTY = 0.15
# A unit stating a length of time, when the question asks how long (durations.py).
DURATION_BONUS = 0.1
# A sentence saying every word a short question asks beyond its topic ("If you forget a dose,
# take it ..." for "what if I forget a dose?"), like a heading that says them
# (`section_choice._naming_the_ask`).
WHOLE_ASK_BONUS = 0.1
# A unit telling to call the emergency number, when the question asks when to call one
# (emergency_call.py), as a duration answers "how long".
CALL_BONUS = 0.1


def scored_units(
    section: SectionPassage,
    request: CompositionRequest,
    settings: ExtractiveSettings,
    *,
    by_question: bool = False,
) -> list[ScoredUnit]:
    analysis = request.analysis
    keywords = {stem(w) for w in analysis.keywords}
    similarity = section.vectors @ request.retrieval.query_vector
    if by_question and request.question_vector is not None:
        asked = section.vectors @ request.question_vector
        similarity = (1 - QUESTION_WEIGHT) * similarity + QUESTION_WEIGHT * asked
    texts = [section.sentence(i) for i in range(len(section.sentences))]
    how_long = asks_how_long(analysis.question or analysis.asked or request.question)
    subject = duration_subject(
        analysis.question or analysis.asked or request.question, section.first.chunk.title, texts
    )
    asks_the_call = asks_about_the_call(analysis.question or analysis.asked or request.question)
    found: list[ScoredUnit] = []
    heading = section.first.chunk.section
    other_group = for_another_group(section, request)
    whole_ask = whole_ask_of(section, request)
    # An FAQ item opens at its question: the first sentence's "it" is the heading's topic.
    faq_item = heading.strip().endswith("?") and section.first.chunk.start == 0
    for whole in readable_units(
        section.text, section.sentences, _quotable, under_question=faq_item
    ):
        unit = without_unquotable_item_sentences(whole, texts)
        first = texts[unit.sentences[0]]
        # "Usually not." opening an FAQ answer says yes or no as "No." does.
        short = is_yes_or_no(first) or (
            faq_item
            and unit.sentences[0] == 0
            and len(unit.sentences) > 1
            and is_short_answer(first)
        )
        if short and not (
            asks_one_fact(analysis, request.question)
            and asks_as_heading(heading, request.question, section.first.chunk.title)
        ):
            unit = Unit(unit.sentences[1:])
        elif opens_with_yes_or_no(texts[unit.sentences[0]]) and not asks_as_heading(
            heading, request.question, section.first.chunk.title
        ):
            # "Yes, most babies do." answers its FAQ's question only: under "should I raise
            # the cot?" it reads as a yes to that.
            unit = Unit(unit.sentences[1:])
        if not _fits_whole(unit, texts, settings):
            unit = trimmed(
                unit,
                settings.max_list_items,
                texts,
                row_words=settings.max_words - settings.min_words,
            )
        unit_texts = [texts[i] for i in unit.sentences]
        if not all(is_quotable(t) for t in unit_texts if not t.endswith(":")):
            continue
        if request.withhold and any(request.withhold(t) for t in unit_texts):
            continue
        count = sum(len(t.split()) for t in unit_texts)
        if count < 4:
            continue
        # An item's later sentences do not score its list: a list of long items would
        # otherwise outscore every shorter unit by having more sentences to be best at.
        score = max(
            _sentence_score(float(similarity[i]), _as_read(unit, i, texts), keywords)
            for i in scored_sentences(unit, texts)
        )
        score += 0.2 * section.similarity - 0.02 * section.rank
        score += 0.1 if _defines(unit_texts[0], analysis) else 0.0
        if request.group is not None and any(request.group.search(t) for t in unit_texts):
            score += GROUP_BONUS
        if how_long and any(
            # Of what it asks the length of, said anywhere in the unit ("Surgery ... It can
            # take up to 4 weeks": the unit holds what "It" points at).
            states_a_duration_of(t, subject, " ".join(unit_texts)) and not is_list_item(t)
            for t in unit_texts
        ):
            # Not for a list item: a list of warning signs often names an hour or a day
            # ("... that do not improve after 24 hours"), and would outrank the answer.
            score += DURATION_BONUS
        if asks_the_call and any(tells_to_call_for_help(t) for t in unit_texts):
            score += CALL_BONUS
        if whole_ask and any(
            whole_ask <= content_words(texts[i]) for i in scored_sentences(unit, texts)
        ):
            score += WHOLE_ASK_BONUS
        score -= 0.1 if any(is_attribution(t) for t in unit_texts) else 0.0
        score -= OTHER_GROUP_PENALTY if other_group else 0.0
        score -= 0.05 if count < 8 else 0.0
        vector = section.vectors[list(unit.sentences)].mean(axis=0)
        vector = vector / (np.linalg.norm(vector) or 1.0)
        found.append(ScoredUnit(section, unit, score, vector, count))
    return found


def _fits_whole(unit: Unit, texts: Sequence[str], settings: ExtractiveSettings) -> bool:
    items = sum(1 for k in unit.sentences if is_list_item(texts[k]))
    count = sum(len(texts[k].split()) for k in unit.sentences)
    return items <= settings.whole_list_items and count <= settings.max_words


def _quotable(sentence: str) -> bool:
    return sentence.endswith(":") or is_quotable(BULLET.sub("", sentence))


# How much of an FAQ's question (its heading) a question must say for the FAQ's "No." to be
# its answer: "Will I need sleeping pills forever?" answers "No." to something else than "do
# sleeping pills help?".
ASKS_AS_HEADING = 2 / 3


def asks_as_heading(heading: str, question: str, title: str = "") -> bool:
    """The question asks what the section's heading asks (a yes or no answers both). The
    heading's words beyond the page's topic must be said too: "Can adults get head lice?"
    shares "head lice" with "Do head lice jump?", and its "Yes." answers another question."""
    asked = content_words(heading)
    if not heading.strip().endswith("?") or not asked:
        return False
    said = content_words(question) | _joined_pairs(question) | _same_group(heading, question)
    beyond_topic = asked - content_words(title)
    if beyond_topic and not beyond_topic & said:
        return False
    return len(asked & said) >= ASKS_AS_HEADING * len(asked)


def _same_group(heading: str, question: str) -> frozenset[str]:
    """The heading's words naming a group the question names in its own words: "Can children
    get X?" is asked by "can kids get X"."""
    named = groups_named(question)
    if not named:
        return frozenset()
    return frozenset(stem(w) for w in words(heading.lower()) if groups_named(w) & named)


def _joined_pairs(text: str) -> frozenset[str]:
    """Two words typed apart that a heading writes as one ("chicken pox" for "chickenpox")."""
    said = words(text.lower())
    return frozenset(stem(a + b) for a, b in itertools.pairwise(said))


def _as_read(unit: Unit, index: int, texts: Sequence[str]) -> str:
    """Sentence `index` as the unit reads it: in a paragraph unit, a sentence leaning on the
    ones before it ("Antiviral creams ... help the sore heal. They work best when used as soon
    as ...") says what it says with their words, so the question's words are looked for in
    them too; a list item stands alone."""
    if unit.is_list:
        return texts[index]
    before = [texts[k] for k in unit.sentences if k < index]
    return " ".join([*before, texts[index]])


def _sentence_score(similarity: float, sentence: str, keywords: set[str]) -> float:
    if not keywords:
        return similarity
    found = {stem(w) for w in words(sentence)}
    return similarity + 0.15 * len(keywords & found) / len(keywords)


def _defines(sentence: str, analysis: QuestionAnalysis) -> bool:
    """'Glaucoma is a group of diseases ...' for 'What is glaucoma?'."""
    if analysis.qtype is not QuestionType.information or not analysis.focus:
        return False
    head = BULLET.sub("", sentence).lower()
    focus = analysis.focus.lower()
    return (
        head.startswith(focus)
        and bool(re.match(r"\s*(\([^)]*\)\s*)?(is|are|refers to|means)\b", head[len(focus) :]))
        and ends_statement(sentence)
    )
