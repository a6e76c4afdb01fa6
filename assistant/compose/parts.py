"""Answers in parts: a question joining several asks gets one unit per ask, and a broad
question the opening of each subsection of its kind."""

from __future__ import annotations

import itertools

from assistant.compose.asked import ask_of, topic_of
from assistant.compose.base import CompositionRequest
from assistant.compose.extractive_settings import ExtractiveSettings
from assistant.compose.headings import asks_only_its_kind, parent_heading, under_kind
from assistant.compose.question_parts import part_signal, question_parts
from assistant.compose.repeats import repeats
from assistant.compose.scored import ScoredUnit, own_sentences
from assistant.compose.units import is_list_item

# A question joining asks is answered one unit per ask (question_parts.py) when it is this
# short: a longer message tells a story whose "and how ..." is one ask.
PARTS_MAX_WORDS = 24
MAX_PARTS = 3
PART_CANDIDATES = 5
# The part's own signals weigh above the unit's match with the whole question, which the other
# part's words pull towards its own answer.
PART_SIGNAL_WEIGHT = 2.0
# A broad question ("how is X treated?", at most this many words) is answered with the opening
# of each of up to `OVERVIEW_SECTIONS` sections of its kind (`overview_answer`).
OVERVIEW_MAX_WORDS = 10
OVERVIEW_SECTIONS = 4
# A part's answer grows with the units after it to this many words (`_part_answers`).
PART_MIN_WORDS = 30
# A section's first unit, when its heading speaks to the part (`parts_answer`).
OPENING_WEIGHT = 0.15


def parts_answer(
    scored: list[list[ScoredUnit]],
    lead: list[ScoredUnit],
    request: CompositionRequest,
    settings: ExtractiveSettings,
) -> list[ScoredUnit]:
    """For a question joining several asks in the visitor's own words, one unit of the lead
    article per ask, together scoring best (`question_parts`); none when the question asks
    one thing, or when an ask has nothing in the article that speaks to it."""
    question = request.question
    if not request.as_asked or len(question.split()) > PARTS_MAX_WORDS:
        return []
    parts = question_parts(question)[:MAX_PARTS]
    if len(parts) < 2:
        return []
    doc_id = lead[0].section.doc_id
    sections = [section for section in scored if section[0].section.doc_id == doc_id]
    units = [u for section in sections for u in section]
    # A section's first unit says what its heading asks ("Attacks are treated with ..."
    # under "Treating an attack"): it answers a part that the heading matched.
    openings = {id(s[0]) for s in sections if s[0].section.first.chunk.start == 0}
    # The page's title only: the question's focus is one part's words ("biopsy results").
    topic = lead[0].section.first.chunk.title
    candidates: list[list[tuple[float, ScoredUnit]]] = []
    for part in parts:
        signals = [(_part_signal(part, u, topic, opens=id(u) in openings), u) for u in units]
        ranked = sorted(
            ((PART_SIGNAL_WEIGHT * signal + u.score, u) for signal, u in signals if signal > 0),
            key=lambda c: -c[0],
        )
        if not ranked:
            return []
        candidates.append(ranked[:PART_CANDIDATES])
    best: tuple[float, tuple[ScoredUnit, ...]] = (float("-inf"), ())
    for pick in itertools.product(*candidates):
        chosen = tuple(u for _, u in pick)
        if len({id(u) for u in chosen}) == len(chosen):
            best = max(best, (sum(score for score, _ in pick), chosen), key=lambda b: b[0])
    return _part_answers(scored, list(best[1]), settings)


def overview_answer(
    scored: list[list[ScoredUnit]],
    lead: list[ScoredUnit],
    request: CompositionRequest,
    settings: ExtractiveSettings,
) -> list[ScoredUnit]:
    """For a broad question in the visitor's own words ("how is eczema treated?"), the
    opening of each of the lead article's subsections of the asked kind under one heading,
    in article order ("Emollients ...", "Steroid creams ...", "Other treatments ..."): the
    best one alone answers one treatment. None when fewer than two are of that kind."""
    asked = request.analysis.qtype
    question = ask_of(request)
    if not request.as_asked or len(question.split()) > OVERVIEW_MAX_WORDS:
        return []
    if not asks_only_its_kind(question, asked, topic_of(lead, request)):
        return []
    doc_id = lead[0].section.doc_id
    by_parent: dict[str, list[list[ScoredUnit]]] = {}
    for units in scored:
        heading = units[0].section.first.chunk.section
        parent = parent_heading(heading)
        if units[0].section.doc_id == doc_id and parent and under_kind(heading, asked):
            by_parent.setdefault(parent, []).append(units)
    # Only subsections of one heading ("Treatment — Emollients", "Treatment — Steroid
    # creams"): the page's parts of one answer. Two top-level sections of one kind ("What
    # to do during an attack", "Treatment for panic disorder") answer different questions.
    siblings = max(by_parent.values(), key=len, default=[])
    typed = sorted(siblings, key=lambda units: units[0].section.first.chunk_id)
    typed = typed[:OVERVIEW_SECTIONS]
    if len(typed) < 2:
        return []
    chosen: list[ScoredUnit] = []
    for units in typed:
        total = sum(c.words for c in chosen)
        opening = units[0]  # in article order
        if total + opening.words <= settings.max_words:
            chosen.append(opening)
    if len({c.section.key for c in chosen}) < 2:
        return []
    return _part_answers(scored, chosen, settings)


def _part_answers(
    scored: list[list[ScoredUnit]], picked: list[ScoredUnit], settings: ExtractiveSettings
) -> list[ScoredUnit]:
    """Each part's unit with the units after it in its section until it says enough to
    read alone (`PART_MIN_WORDS`): the cause's first sentence with the two that explain it,
    not one line."""
    chosen = list(picked)
    for unit in picked:
        section = next(s for s in scored if any(u is unit for u in s))
        words = unit.words
        for after in section[section.index(unit) + 1 :]:
            if words >= PART_MIN_WORDS or after.unit.is_list or unit.unit.is_list:
                break
            if any(after is c for c in chosen) or repeats(after, chosen, settings):
                break
            chosen.append(after)
            words += after.words
    return chosen


def _part_signal(part: str, unit: ScoredUnit, topic: str, *, opens: bool) -> float:
    """How clearly the unit answers one part of the question (`question_parts.part_signal`)."""
    section = unit.section
    heading = section.first.chunk.section
    sentences = [section.sentence(i) for i in own_sentences(unit)]
    prose = [t for t in sentences if not is_list_item(t)]
    signal = part_signal(part, heading, sentences, topic, prose=prose)
    if opens and part_signal(part, heading, [], topic, prose=[]) > 0:
        signal += OPENING_WEIGHT
    return signal
