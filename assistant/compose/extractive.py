"""The extractive composer: an answer quoted from the article section that best answers the
question, in the article's own order, with a second source only when it adds a relevant fact.

1. Retrieved chunks are joined back into article sections (`passages`).
2. Every quotable sentence is scored against the question with the per-sentence vectors stored
   at ingest (no model call here), plus its share of the question's words; a definition leads a
   "what is" answer.
3. The primary section is the ranker's top one when the question was searched in the visitor's
   own words; for a follow-up rewritten from the conversation, whose search mixes in the earlier
   topic, it is the one whose best sentence, weighted by how well the whole passage matched,
   answers best. Within that article, a section whose heading the question says again, or
   one whose heading asks the question's kind, can take its place (`of_the_asked_type`).
   From it the best readable units (a list with its introduction, a sentence with
   the one it leans on) are taken until the answer is long enough, then laid out in article
   order.
4. Another section is cited only if its best unit scores nearly as well and says something the
   answer does not say yet (for a short question, one of the words it asks beyond its topic).

Every quoted sentence carries its [n]; one source entry per article section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose.answer_first import (
    answering_section_first,
    asked_term,
    asks_one_fact,
    asks_one_thing,
    displaced_kept_to_one,
    leading_in_each_section,
    leading_units,
    of_the_kind_asked,
    rest_kept_short,
    stating_section_first,
    without_filled_lists,
)
from assistant.compose.answering_item import with_answering_item, with_item_saying_asked_words
from assistant.compose.base import Composition, CompositionRequest
from assistant.compose.durations import asks_how_long, states_a_duration
from assistant.compose.extractive_settings import ExtractiveSettings
from assistant.compose.group_lead import asked_group_first, group_section_first
from assistant.compose.layout import layout
from assistant.compose.named_rows import named_rows_answer
from assistant.compose.parts import overview_answer, parts_answer
from assistant.compose.passages import GAP, SectionPassage, section_passages
from assistant.compose.rare_words import saying_rare_words
from assistant.compose.repeats import repeats
from assistant.compose.scored import ScoredUnit, section_score
from assistant.compose.scoring import asks_as_heading, scored_units
from assistant.compose.section_choice import (
    asks_another_kind,
    heading_asks,
    of_the_asked_type,
    quoted_ask_words,
    says_any,
)
from assistant.compose.untitled_lede import outscoring_the_opening
from assistant.compose.urgent_lead import calling_first
from assistant.compose.urgent_sections import getting_care_sections, moved_off_an_emergency
from assistant.understanding.question import QuestionAnalysis, QuestionType
from healthqa.text.emergency_call import tells_to_call_for_help

__all__ = ["ExtractiveComposer", "ExtractiveSettings"]

# The best score the question sentences alone reach in the lead's article below which they
# say nothing about which of its sections answers (a sentence they match scores 0.6 and more).
QUESTION_ALONE_MIN = 0.5
# A paragraph's last sentence this short, after a quoted one, completes it (`_with_closings`).
CLOSING_MAX_WORDS = 8


class ExtractiveComposer:
    def __init__(self, settings: ExtractiveSettings | None = None) -> None:
        self.settings = settings or ExtractiveSettings()

    def compose(self, request: CompositionRequest) -> Composition:
        sections = section_passages(request.retrieval.passages, request.sentence_vectors)
        scored = [scored_units(section, request, self.settings) for section in sections]
        scored = [units for units in scored if units]
        if not scored:
            return Composition(text="", citations=())
        lead = (
            min(scored, key=lambda units: units[0].section.rank)
            if request.as_asked
            else max(scored, key=section_score)
        )
        found_first = lead
        if by_parts := parts_answer(scored, lead, request, self.settings) or overview_answer(
            scored, lead, request, self.settings
        ):
            return layout(by_parts)
        lead = of_the_asked_type(scored, lead, request)
        primary = lead if request.question_vector is None else self._asked(scored, lead, request)
        if by_rows := named_rows_answer(scored, primary, request):
            # "How is the nicotine spray used?": the table row it names answers; "and
            # teenagers?", the row of the group it brings up.
            units, rows = by_rows
            settings = self.settings
            return layout(rest_kept_short(units, rows, settings.margin, settings.min_words), rows)
        chosen = self._from_section(primary, heading_asked=heading_asks(primary, request))
        if _asks_what_it_is(request.analysis):
            chosen = self._with_opening(primary, chosen)
        # When the question moved the answer away from the section that retells the story,
        # that section is not offered again as the second source: the visitor told it.
        # So is one whose heading asks another question than this one ("Treatment" when the
        # answer came from "Risk factors" for "who gets it?").
        passed_over = {primary[0].section.key, lead[0].section.key}
        if asks_another_kind(found_first, request):
            passed_over.add(found_first[0].section.key)
        passed_over |= outscoring_the_opening(scored, primary, request)
        off_emergency = moved_off_an_emergency(found_first, primary, request)
        if off_emergency:
            # "does my child need to stay off nursery?" asked nothing about getting care: the
            # page's other getting-care section ("When to see a doctor") is no second source,
            # and the section saying the question's words answers first.
            passed_over |= getting_care_sections(scored, primary)
        ask = quoted_ask_words(chosen, request)
        for units in sorted(scored, key=section_score, reverse=True):
            if len({c.section.key for c in chosen}) >= self.settings.max_sources:
                break
            if units[0].section.key not in passed_over:
                offered = [u for u in units if not ask or says_any(u, ask)]
                if offered:
                    chosen += self._second_source(offered, chosen, best=section_score(lead))
        if request.as_asked and asks_one_thing(request.analysis, request.question):
            return self._answer_first(chosen, request, keep_first=off_emergency)
        if asks_one_fact(request.analysis, request.question) and (lead_by := leading_units(chosen)):
            settings = self.settings
            short = rest_kept_short(chosen, lead_by, settings.margin, settings.min_words)
            return _laid_out(short, lead_by, request)
        return _in_article_order(chosen, request)

    def _answer_first(
        self, chosen: list[ScoredUnit], request: CompositionRequest, *, keep_first: bool = False
    ) -> Composition:
        """A question asked in the visitor's own words that asks one thing (`asks_one_thing`):
        the source that answers first, the list item that answers out of its list, and what
        answers leading each source's paragraph. A follow-up's search mixes in the question
        before, so its scores do not say which source answers the follow-up itself."""
        joins = _states_a_duration if asks_how_long(request.question) else None
        found = chosen
        if not keep_first and not _faq_item_asked(chosen[0], request):
            # (The FAQ item whose question is the visitor's answers first, however its short
            # answer scores against a longer section's sentences.)
            chosen = answering_section_first(chosen)
        if joins is not None:
            chosen = stating_section_first(chosen, joins)
        chosen = displaced_kept_to_one(found, chosen)
        if joins is not None or asks_one_fact(request.analysis, request.question):
            # (A list answers "why?" as much as the sentence before it: "You are more likely to
            # get it if you: ...".)
            chosen = without_filled_lists(chosen, self.settings.margin, joins)
        if of_the_kind_asked(chosen[0], request):
            # "why do I get X?" answered by "Causes of X": in order, but for the sentence
            # saying the question's own words ("what sets off an attack?"), or the item
            # ("why do I get X in winter?": "dry air, as in winter").
            if rare := saying_rare_words(chosen, request):
                return _laid_out(chosen, rare, request)
            return _laid_out(*with_item_saying_asked_words(chosen, request), request)
        answering, item = with_item_saying_asked_words(chosen, request)
        if not item:
            answering = with_answering_item(chosen, request)
        term = asked_term(request.analysis, request.question)
        lead_by = leading_in_each_section(answering, term, joins)
        if rare := saying_rare_words(answering, request) or item:
            # The unit saying the question's own words answers before the best-scoring one.
            lead_by = [*rare, *(u for u in lead_by if u.section.key != rare[0].section.key)]
        if not any(u.section.key == answering[0].section.key for u in lead_by):
            return _laid_out(chosen, lead_by, request)
        settings = self.settings
        short = rest_kept_short(answering, lead_by, settings.margin, settings.min_words)
        return _laid_out(short, lead_by, request)

    def _asked(
        self, scored: list[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
    ) -> list[ScoredUnit]:
        """The section of the lead's article that answers what was asked. A story's words pull
        towards the sentences that retell it (its symptoms): the message as a whole chose the
        article; within it, the question sentences (the treatment) choose the section."""
        if _faq_item_asked(lead[0], request):
            # Its answer ("Not until the spots have crusted over") need not repeat the words
            # asked, so the sentences alone would choose the overview that does.
            return lead
        doc_id = lead[0].section.first.chunk.doc_id
        same_article = [
            scored_units(units[0].section, request, self.settings, by_question=True)
            for units in scored
            if units[0].section.first.chunk.doc_id == doc_id
        ]
        candidates = [units for units in same_article if units]
        best = max(candidates, key=section_score, default=lead)
        if section_score(best) < QUESTION_ALONE_MIN:
            # "should I be worried?", "is that normal?": the question sentences match nothing
            # in the article on their own, so they cannot say which section answers; the story
            # can ("I'm 30 weeks pregnant and my toddler has ...").
            return lead
        return of_the_asked_type(candidates, best, request)

    def _from_section(
        self, units: Sequence[ScoredUnit], *, heading_asked: bool = False
    ) -> list[ScoredUnit]:
        """The section's best units, best first, until the answer is long enough;
        `heading_asked`: the section's heading asks what the question asks."""
        settings = self.settings
        if heading_asked and (whole := self._whole_section(units)):
            return whole
        best = max(u.score for u in units)
        chosen: list[ScoredUnit] = []
        total = 0
        for candidate in sorted(units, key=lambda u: -u.score):
            if candidate.score < best - settings.margin or total >= settings.target_words:
                break
            if chosen and total + candidate.words > settings.max_words:
                continue
            if repeats(candidate, chosen, self.settings):
                continue
            chosen.append(candidate)
            total += candidate.words
        floor = best - 3 * settings.margin
        chosen = self._with_closings(units, self._without_gaps(units, chosen, floor=floor))
        opened = self._from_paragraph_start(units, chosen, heading_asked=heading_asked)
        return self._filled(units, opened, floor=floor)

    def _whole_section(self, units: Sequence[ScoredUnit]) -> list[ScoredUnit]:
        """A section whose heading asks what the question asks, found from its start and short
        enough to quote, is the answer whole: its parts lean on each other ("A rash is the most
        common early sign. It:" before the list of what the rash looks like; "Some people also
        have ..." after it), and the best-scoring ones alone drop what they lean on."""
        section = units[0].section
        if section.first.chunk.start != 0 or GAP in section.text:
            return []
        if sum(u.words for u in units) > self.settings.max_words:
            return []
        whole: list[ScoredUnit] = []
        for unit in units:  # in article order
            if not repeats(unit, whole, self.settings):
                whole.append(unit)
        return whole

    def _with_closings(
        self, units: Sequence[ScoredUnit], chosen: list[ScoredUnit]
    ) -> list[ScoredUnit]:
        """A short sentence that closes the paragraph of a chosen one completes it ("Some
        children lose a fingernail a few weeks after the illness. The nails grow back
        normally."): quoted with it, when it fits, and always when it tells to call the
        emergency number ("... don't wait. Call 911 right away!")."""
        position = {id(u): n for n, u in enumerate(units)}  # `units` are in article order
        total = sum(c.words for c in chosen)
        for c in list(chosen):
            n = position[id(c)] + 1
            if c.unit.is_list or n >= len(units) or any(u is units[n] for u in chosen):
                continue
            closing = units[n]
            section = closing.section
            last = closing.unit.sentences[-1]
            ends_paragraph = last + 1 >= len(section.sentences) or _paragraph_start(
                section, last + 1
            ) == last + 1
            if (
                closing.unit.is_list
                or closing.words > CLOSING_MAX_WORDS
                or closing.unit.sentences[0] != c.unit.sentences[-1] + 1
                or _paragraph_start(section, closing.unit.sentences[0]) != _paragraph_start(
                    section, c.unit.sentences[0]
                )
                or not ends_paragraph
                or (
                    total + closing.words > self.settings.max_words
                    and not tells_to_call_for_help(section.sentence(last))
                )
                or repeats(closing, chosen, self.settings)
            ):
                continue
            chosen.append(closing)
            total += closing.words
        return chosen

    def _from_paragraph_start(
        self, units: Sequence[ScoredUnit], chosen: list[ScoredUnit], *, heading_asked: bool = False
    ) -> list[ScoredUnit]:
        """An answer that would open in the middle of a paragraph with a sentence that is not
        its best ("Repeated steroid injections are not recommended ...", the injections never
        introduced) starts where the paragraph does, when that fits. So does one opening in the
        first paragraph of a section whose heading asks what the question asks, even on its
        best sentence: the paragraph's first sentence says what the heading asks ("The most
        common symptom is a tension-type headache."), while later ones outscore it by naming
        the topic again."""
        position = {id(u): n for n, u in enumerate(units)}  # `units` are in article order
        opening = min(chosen, key=lambda c: position[id(c)])
        if opening.unit.is_list:
            return chosen
        section = opening.section
        start = _paragraph_start(section, opening.unit.sentences[0])
        opens_section = heading_asked and start == 0 and section.first.chunk.start == 0
        if opening is max(chosen, key=lambda c: c.score) and not opens_section:
            return chosen
        earlier = [
            u for u in units[: position[id(opening)]] if u.unit.sentences[0] >= start
        ]
        if not earlier or any(u.unit.is_list for u in earlier):
            return chosen
        total = sum(c.words for c in chosen) + sum(u.words for u in earlier)
        if total > self.settings.max_words or any(
            repeats(u, chosen, self.settings) for u in earlier
        ):
            return chosen
        return [*chosen, *earlier]

    def _without_gaps(
        self, units: Sequence[ScoredUnit], chosen: list[ScoredUnit], *, floor: float
    ) -> list[ScoredUnit]:
        """The units between two chosen ones are quoted too, when they fit: a paragraph quoted
        with holes loses what qualifies the sentences around them ("You need to start taking
        it within 3 days", "You'll usually take them for 7 days", the names of the drugs)."""
        position = {id(u): n for n, u in enumerate(units)}  # `units` are in article order
        taken = sorted(position[id(c)] for c in chosen)
        total = sum(c.words for c in chosen)
        for n in range(taken[0] + 1, taken[-1]) if taken else ():
            candidate = units[n]
            if n in taken or candidate.score < floor:
                continue
            if total + candidate.words > self.settings.max_words:
                break
            if repeats(candidate, chosen, self.settings):
                continue
            chosen.append(candidate)
            total += candidate.words
        return chosen

    def _with_opening(
        self, units: Sequence[ScoredUnit], chosen: list[ScoredUnit]
    ) -> list[ScoredUnit]:
        """A "what is" answer read from the middle of a section starts where the section does:
        its opening says what the topic is ("Acid reflux happens when acid from the stomach
        flows back up ..."), the sentences the question matched best ("The main symptom is
        heartburn", "... it is called GERD") lean on it."""
        opening = units[0]  # `units` are in article order
        best = max(u.score for u in units)
        total = sum(c.words for c in chosen)
        if (
            any(c is opening for c in chosen)
            or opening.score < best - 3 * self.settings.margin
            or total + opening.words > self.settings.max_words
            or repeats(opening, chosen, self.settings)
        ):
            return chosen
        return [*chosen, opening]

    def _filled(
        self, units: Sequence[ScoredUnit], chosen: list[ScoredUnit], *, floor: float
    ) -> list[ScoredUnit]:
        """A short answer grows with the units nearest the chosen ones in the article, so a
        one-sentence quote comes with the sentences that surround it there."""
        settings = self.settings
        total = sum(c.words for c in chosen)
        position = {id(u): n for n, u in enumerate(units)}  # `units` are in article order
        taken = {position[id(c)] for c in chosen}
        while total < settings.min_words:
            near = sorted(
                (abs(n - t), n) for n in range(len(units)) if n not in taken for t in taken
            )
            added = False
            for _, n in near:
                candidate = units[n]
                fits = total + candidate.words <= settings.max_words
                if n in taken or candidate.score < floor or not fits:
                    continue
                if repeats(candidate, chosen, self.settings):
                    continue
                chosen.append(candidate)
                taken.add(n)
                total += candidate.words
                added = True
                break
            if not added:
                break
        return chosen

    def _second_source(
        self, units: Sequence[ScoredUnit], chosen: Sequence[ScoredUnit], *, best: float
    ) -> list[ScoredUnit]:
        settings = self.settings
        total = sum(c.words for c in chosen)
        for candidate in sorted(units, key=lambda u: -u.score):
            if candidate.score < best - settings.second_source_margin:
                return []
            if total + candidate.words > settings.max_words:
                continue
            if repeats(candidate, chosen, self.settings):
                continue
            return [candidate]
        return []


def _in_article_order(chosen: list[ScoredUnit], request: CompositionRequest) -> Composition:
    """The chosen units in the article's order, but for what answers what was asked: "When is
    it an emergency?", the sentence telling to call 911; "What sets off an attack?", the
    sentence saying the question's own words; "my poo has gone black, is that ok?", the one
    list item saying them ("black poo, which is harmless")."""
    if calling := calling_first(chosen, request.question):
        return layout(chosen, calling)
    if not request.as_asked:
        return _laid_out(chosen, (), request)
    if rare := saying_rare_words(chosen, request):
        return _laid_out(chosen, rare, request)
    return _laid_out(*with_item_saying_asked_words(chosen, request), request)


def _laid_out(
    chosen: Sequence[ScoredUnit], first: Sequence[ScoredUnit], request: CompositionRequest
) -> Composition:
    """`layout`, with the source about the group the question names first, and a section
    written for several groups led by what it says of that group (`group_lead`)."""
    chosen = group_section_first(chosen, request.group)
    return layout(chosen, asked_group_first(chosen, first, request.group))


def _faq_item_asked(scored: ScoredUnit, request: CompositionRequest) -> bool:
    """The unit's section is an FAQ item whose question is the visitor's ("Can my child go to
    school with X?" under that heading)."""
    chunk = scored.section.first.chunk
    return asks_as_heading(chunk.section, request.question, chunk.title)


def _states_a_duration(scored: ScoredUnit) -> bool:
    section = scored.section
    return any(states_a_duration(section.sentence(k)) for k in scored.unit.sentences)


def _paragraph_start(section: SectionPassage, index: int) -> int:
    """The first sentence of the paragraph that sentence `index` of `section` is in."""
    while index > 0:
        _, end = section.sentences[index - 1]
        if "\n" in section.text[end : section.sentences[index][0]]:
            break
        index -= 1
    return index


# "what is GERD", "what are hemorrhoids", "define gout": a question that asks only what a topic is.
_WHAT_IT_IS = re.compile(r"^\s*(?:what\s*(?:is|'s|are)|define)\s+\S", re.IGNORECASE)
WHAT_IT_IS_WORDS = 6


def _asks_what_it_is(analysis: QuestionAnalysis) -> bool:
    asked = analysis.question or analysis.asked
    return (
        analysis.qtype is QuestionType.information
        and bool(_WHAT_IT_IS.match(asked))
        and len(asked.split()) <= WHAT_IT_IS_WORDS
    )
