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
   one whose heading asks the question's kind, can take its place (`_of_the_asked_type`).
   From it the best readable units (a list with its introduction, a sentence with
   the one it leans on) are taken until the answer is long enough, then laid out in article
   order.
4. Another section is cited only if its best unit scores nearly as well and says something the
   answer does not say yet (for a short question, one of the words it asks beyond its topic).

Every quoted sentence carries its [n]; one source entry per article section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answer import Citation
from assistant.compose.base import Composition, CompositionRequest
from assistant.compose.durations import asks_how_long, states_a_duration
from assistant.compose.headings import (
    ask_words,
    asks_only_its_kind,
    opens_as_question_does,
    parent_heading,
    restatement,
    shares_an_ask_word,
    under_kind,
)
from assistant.compose.passages import GAP, SectionPassage, section_passages
from assistant.compose.question_parts import part_signal, question_parts
from assistant.compose.quotable import ends_statement, is_attribution, is_quotable
from assistant.compose.units import (
    Unit,
    adds_to_what_came_before,
    continues_line,
    is_lead_in,
    is_list_item,
    is_yes_or_no,
    readable_units,
)
from assistant.understanding.conversation import groups_named
from assistant.understanding.question import QuestionAnalysis, QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.sentences import split_sentences
from healthqa.text.words import content_words, stem, words
from index.embedder import Vectors

__all__ = ["ExtractiveComposer", "ExtractiveSettings"]

# Within the article the whole message chose, how much the question sentences alone decide
# which sentences answer (1: entirely; the story has had its say in choosing the article).
QUESTION_WEIGHT = 1.0
# The best score the question sentences alone reach in the lead's article below which they
# say nothing about which of its sections answers (a sentence they match scores 0.6 and more).
QUESTION_ALONE_MIN = 0.5
# A paragraph's last sentence this short, after a quoted one, completes it (`_with_closings`).
CLOSING_MAX_WORDS = 8
# A sentence this long said again word for word is a repeat; shorter ones ("- Fever") recur in
# different lists by chance.
REPEAT_MIN_WORDS = 5
# How far below the lead section a section of the same article whose heading asks what the
# question asks may score and still lead.
TYPE_MARGIN = 0.15
# The same, when the lead section's heading asks another kind of question than the one asked.
OTHER_KIND_MARGIN = 0.3
# How far below the lead section a section of the same article whose heading the question
# says again may score and still lead (`_restating`).
RESTATES_MARGIN = 0.3
# A question with at most this many words beyond its topic asks only what they say: a second
# source must say one of them too (`_ask_words`).
ASK_MAX_WORDS = 3
# For a follow-up about a group ("what about children?"): a unit naming the group outranks one
# that matches the question as well without naming it.
GROUP_BONUS = 0.15
# A section for a group the question does not name ("Children and older people" for "symptoms
# of low iron"): it answers that group's question, so it leads only when nothing else is close.
OTHER_GROUP_PENALTY = 0.15
# A unit stating a length of time, when the question asks how long (durations.py).
DURATION_BONUS = 0.1
# A sentence saying every word a short question asks beyond its topic ("If you forget a dose,
# take it ..." for "what if I forget a dose?"), like a heading that says them (`_naming_the_ask`).
WHOLE_ASK_BONUS = 0.1
# The fewest and most such words: one word is said by chance, a long message tells a story.
WHOLE_ASK_WORDS = (2, 3)
# A question joining asks is answered one unit per ask (question_parts.py) when it is this
# short: a longer message tells a story whose "and how ..." is one ask.
PARTS_MAX_WORDS = 24
MAX_PARTS = 3
PART_CANDIDATES = 5
# The part's own signals weigh above the unit's match with the whole question, which the other
# part's words pull towards its own answer.
PART_SIGNAL_WEIGHT = 2.0
# A broad question ("how is X treated?", at most this many words) is answered with the opening
# of each of up to `OVERVIEW_SECTIONS` sections of its kind (`_overview`).
OVERVIEW_MAX_WORDS = 10
OVERVIEW_SECTIONS = 4
# A part's answer grows with the units after it to this many words (`_part_answers`).
PART_MIN_WORDS = 30
# A section's first unit, when its heading speaks to the part (`_by_parts`).
OPENING_WEIGHT = 0.15
_BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\(?\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class ExtractiveSettings:
    target_words: int = 110  # stop adding units once the answer is this long
    min_words: int = 40  # below this, the units next to the chosen ones are added too
    max_words: int = 180
    margin: float = 0.12  # units scoring this far below the section's best are left out
    second_source_margin: float = 0.04  # another section must score within this of the first
    repeats_at: float = 0.85  # cosine above which a unit says what the answer already says
    repeats_in_section_at: float = 0.95  # the same, for two units of one section
    max_sources: int = 2
    max_list_items: int = 8  # a longer list is cut to this many items ...
    # ... unless it has at most this many and fits `max_words`: a list that is the answer (9
    # later symptoms of Lyme disease, 11 signs of an underactive thyroid) is quoted whole, as
    # one with an item missing reads as the whole list and misleads.
    whole_list_items: int = 16


@dataclass(frozen=True)
class _Scored:
    section: SectionPassage
    unit: Unit
    score: float
    vector: Vectors
    words: int


class ExtractiveComposer:
    def __init__(self, settings: ExtractiveSettings | None = None) -> None:
        self.settings = settings or ExtractiveSettings()

    def compose(self, request: CompositionRequest) -> Composition:
        sections = section_passages(request.retrieval.passages, request.sentence_vectors)
        scored = [self._units(section, request) for section in sections]
        scored = [units for units in scored if units]
        if not scored:
            return Composition(text="", citations=())
        lead = (
            min(scored, key=lambda units: units[0].section.rank)
            if request.as_asked
            else max(scored, key=_section_score)
        )
        found_first = lead
        if by_parts := self._by_parts(scored, lead, request):
            return layout(by_parts)
        if overview := self._overview(scored, lead, request):
            return layout(overview)
        lead = _of_the_asked_type(scored, lead, request)
        primary = lead if request.question_vector is None else self._asked(scored, lead, request)
        chosen = self._from_section(primary, heading_asked=_heading_asks(primary, request))
        if _asks_what_it_is(request.analysis):
            chosen = self._with_opening(primary, chosen)
        # When the question moved the answer away from the section that retells the story,
        # that section is not offered again as the second source: the visitor told it.
        # So is one whose heading asks another question than this one ("Treatment" when the
        # answer came from "Risk factors" for "who gets it?").
        passed_over = {primary[0].section.key, lead[0].section.key}
        if _asks_another_kind(found_first, request):
            passed_over.add(found_first[0].section.key)
        ask = _ask_words(chosen, request)
        for units in sorted(scored, key=_section_score, reverse=True):
            if len({c.section.key for c in chosen}) >= self.settings.max_sources:
                break
            if units[0].section.key not in passed_over:
                offered = [u for u in units if not ask or _says_any(u, ask)]
                if offered:
                    chosen += self._second_source(offered, chosen, best=_section_score(lead))
        return layout(chosen)

    def _by_parts(
        self, scored: list[list[_Scored]], lead: list[_Scored], request: CompositionRequest
    ) -> list[_Scored]:
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
        candidates: list[list[tuple[float, _Scored]]] = []
        for part in parts:
            signals = [(_part_signal(part, u, topic, opens=id(u) in openings), u) for u in units]
            ranked = sorted(
                ((PART_SIGNAL_WEIGHT * signal + u.score, u) for signal, u in signals if signal > 0),
                key=lambda c: -c[0],
            )
            if not ranked:
                return []
            candidates.append(ranked[:PART_CANDIDATES])
        best: tuple[float, tuple[_Scored, ...]] = (float("-inf"), ())
        for pick in itertools.product(*candidates):
            chosen = tuple(u for _, u in pick)
            if len({id(u) for u in chosen}) == len(chosen):
                best = max(best, (sum(score for score, _ in pick), chosen), key=lambda b: b[0])
        return self._part_answers(scored, list(best[1]))

    def _overview(
        self, scored: list[list[_Scored]], lead: list[_Scored], request: CompositionRequest
    ) -> list[_Scored]:
        """For a broad question in the visitor's own words ("how is eczema treated?"), the
        opening of each of the lead article's subsections of the asked kind under one heading,
        in article order ("Emollients ...", "Steroid creams ...", "Other treatments ..."): the
        best one alone answers one treatment. None when fewer than two are of that kind."""
        asked = request.analysis.qtype
        question = _ask_of(request)
        if not request.as_asked or len(question.split()) > OVERVIEW_MAX_WORDS:
            return []
        if not asks_only_its_kind(question, asked, _topic_of(lead, request)):
            return []
        doc_id = lead[0].section.doc_id
        by_parent: dict[str, list[list[_Scored]]] = {}
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
        chosen: list[_Scored] = []
        for units in typed:
            total = sum(c.words for c in chosen)
            opening = units[0]  # in article order
            if total + opening.words <= self.settings.max_words:
                chosen.append(opening)
        if len({c.section.key for c in chosen}) < 2:
            return []
        return self._part_answers(scored, chosen)

    def _part_answers(self, scored: list[list[_Scored]], picked: list[_Scored]) -> list[_Scored]:
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
                if any(after is c for c in chosen) or self._repeats(after, chosen):
                    break
                chosen.append(after)
                words += after.words
        return chosen

    def _asked(
        self, scored: list[list[_Scored]], lead: list[_Scored], request: CompositionRequest
    ) -> list[_Scored]:
        """The section of the lead's article that answers what was asked. A story's words pull
        towards the sentences that retell it (its symptoms): the message as a whole chose the
        article; within it, the question sentences (the treatment) choose the section."""
        doc_id = lead[0].section.first.chunk.doc_id
        same_article = [
            self._units(units[0].section, request, by_question=True)
            for units in scored
            if units[0].section.first.chunk.doc_id == doc_id
        ]
        candidates = [units for units in same_article if units]
        best = max(candidates, key=_section_score, default=lead)
        if _section_score(best) < QUESTION_ALONE_MIN:
            # "should I be worried?", "is that normal?": the question sentences match nothing
            # in the article on their own, so they cannot say which section answers; the story
            # can ("I'm 30 weeks pregnant and my toddler has ...").
            return lead
        return _of_the_asked_type(candidates, best, request)

    def _units(
        self, section: SectionPassage, request: CompositionRequest, *, by_question: bool = False
    ) -> list[_Scored]:
        analysis = request.analysis
        keywords = {stem(w) for w in analysis.keywords}
        similarity = section.vectors @ request.retrieval.query_vector
        if by_question and request.question_vector is not None:
            asked = section.vectors @ request.question_vector
            similarity = (1 - QUESTION_WEIGHT) * similarity + QUESTION_WEIGHT * asked
        texts = [section.sentence(i) for i in range(len(section.sentences))]
        how_long = asks_how_long(analysis.question or analysis.asked or request.question)
        found: list[_Scored] = []
        heading = section.first.chunk.section
        other_group = _for_another_group(section, request)
        whole_ask = _whole_ask(section, request)
        for whole in readable_units(section.text, section.sentences, _quotable):
            unit = _without_unquotable_item_sentences(whole, texts)
            if is_yes_or_no(texts[unit.sentences[0]]) and not _asks_as_heading(
                heading, request.question
            ):
                unit = Unit(unit.sentences[1:])
            if not self._fits_whole(unit, texts):
                unit = _trimmed(
                    unit,
                    self.settings.max_list_items,
                    texts,
                    row_words=self.settings.max_words - self.settings.min_words,
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
                _sentence_score(float(similarity[i]), texts[i], keywords)
                for i in _scored_sentences(unit, texts)
            )
            score += 0.2 * section.similarity - 0.02 * section.rank
            score += 0.1 if _defines(unit_texts[0], analysis) else 0.0
            if request.group is not None and any(request.group.search(t) for t in unit_texts):
                score += GROUP_BONUS
            if how_long and any(
                states_a_duration(t) and not is_list_item(t) for t in unit_texts
            ):
                # Not for a list item: a list of warning signs often names an hour or a day
                # ("... that do not improve after 24 hours"), and would outrank the answer.
                score += DURATION_BONUS
            if whole_ask and any(
                whole_ask <= content_words(texts[i]) for i in _scored_sentences(unit, texts)
            ):
                score += WHOLE_ASK_BONUS
            score -= 0.1 if any(is_attribution(t) for t in unit_texts) else 0.0
            score -= OTHER_GROUP_PENALTY if other_group else 0.0
            score -= 0.05 if count < 8 else 0.0
            vector = section.vectors[list(unit.sentences)].mean(axis=0)
            vector = vector / (np.linalg.norm(vector) or 1.0)
            found.append(_Scored(section, unit, score, vector, count))
        return found

    def _fits_whole(self, unit: Unit, texts: Sequence[str]) -> bool:
        items = sum(1 for k in unit.sentences if is_list_item(texts[k]))
        count = sum(len(texts[k].split()) for k in unit.sentences)
        return items <= self.settings.whole_list_items and count <= self.settings.max_words

    def _from_section(
        self, units: Sequence[_Scored], *, heading_asked: bool = False
    ) -> list[_Scored]:
        """The section's best units, best first, until the answer is long enough;
        `heading_asked`: the section's heading asks what the question asks."""
        settings = self.settings
        if heading_asked and (whole := self._whole_section(units)):
            return whole
        best = max(u.score for u in units)
        chosen: list[_Scored] = []
        total = 0
        for candidate in sorted(units, key=lambda u: -u.score):
            if candidate.score < best - settings.margin or total >= settings.target_words:
                break
            if chosen and total + candidate.words > settings.max_words:
                continue
            if self._repeats(candidate, chosen):
                continue
            chosen.append(candidate)
            total += candidate.words
        floor = best - 3 * settings.margin
        chosen = self._with_closings(units, self._without_gaps(units, chosen, floor=floor))
        opened = self._from_paragraph_start(units, chosen, heading_asked=heading_asked)
        return self._filled(units, opened, floor=floor)

    def _whole_section(self, units: Sequence[_Scored]) -> list[_Scored]:
        """A section whose heading asks what the question asks, found from its start and short
        enough to quote, is the answer whole: its parts lean on each other ("A rash is the most
        common early sign. It:" before the list of what the rash looks like; "Some people also
        have ..." after it), and the best-scoring ones alone drop what they lean on."""
        section = units[0].section
        if section.first.chunk.start != 0 or GAP in section.text:
            return []
        if sum(u.words for u in units) > self.settings.max_words:
            return []
        whole: list[_Scored] = []
        for unit in units:  # in article order
            if not self._repeats(unit, whole):
                whole.append(unit)
        return whole

    def _with_closings(self, units: Sequence[_Scored], chosen: list[_Scored]) -> list[_Scored]:
        """A short sentence that closes the paragraph of a chosen one completes it ("Some
        children lose a fingernail a few weeks after the illness. The nails grow back
        normally."): quoted with it, when it fits."""
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
                or total + closing.words > self.settings.max_words
                or self._repeats(closing, chosen)
            ):
                continue
            chosen.append(closing)
            total += closing.words
        return chosen

    def _from_paragraph_start(
        self, units: Sequence[_Scored], chosen: list[_Scored], *, heading_asked: bool = False
    ) -> list[_Scored]:
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
        if total > self.settings.max_words or any(self._repeats(u, chosen) for u in earlier):
            return chosen
        return [*chosen, *earlier]

    def _without_gaps(
        self, units: Sequence[_Scored], chosen: list[_Scored], *, floor: float
    ) -> list[_Scored]:
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
            if self._repeats(candidate, chosen):
                continue
            chosen.append(candidate)
            total += candidate.words
        return chosen

    def _with_opening(self, units: Sequence[_Scored], chosen: list[_Scored]) -> list[_Scored]:
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
            or self._repeats(opening, chosen)
        ):
            return chosen
        return [*chosen, opening]

    def _filled(
        self, units: Sequence[_Scored], chosen: list[_Scored], *, floor: float
    ) -> list[_Scored]:
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
                if self._repeats(candidate, chosen):
                    continue
                chosen.append(candidate)
                taken.add(n)
                total += candidate.words
                added = True
                break
            if not added:
                break
        return chosen

    def _repeats(self, candidate: _Scored, chosen: Sequence[_Scored]) -> bool:
        """The unit says what the answer already says: close in meaning to a chosen unit, or
        quoting one of its sentences word for word (sites copy paragraphs between pages, and
        a unit that adds one new sentence to a copied one is mostly a copy)."""
        for c in chosen:
            # One section's sentences are all about the same thing: there only a near copy
            # repeats ("Not everyone with flu has a fever." is not the symptom list again).
            same_section = c.section.key == candidate.section.key
            cut = self.settings.repeats_in_section_at if same_section else self.settings.repeats_at
            if float(candidate.vector @ c.vector) >= cut:
                return True
        # A list item's later sentences belong to their item ("Hold for 30 seconds and repeat
        # three times." under two stretches): only what a unit says on its own is compared.
        quoted = {_said(c.section.sentence(i)) for c in chosen for i in _own_sentences(c)}
        return any(
            _said(text) in quoted
            for i in _own_sentences(candidate)
            if len((text := candidate.section.sentence(i)).split()) >= REPEAT_MIN_WORDS
        )

    def _second_source(
        self, units: Sequence[_Scored], chosen: Sequence[_Scored], *, best: float
    ) -> list[_Scored]:
        settings = self.settings
        total = sum(c.words for c in chosen)
        for candidate in sorted(units, key=lambda u: -u.score):
            if candidate.score < best - settings.second_source_margin:
                return []
            if total + candidate.words > settings.max_words:
                continue
            if self._repeats(candidate, chosen):
                continue
            return [candidate]
        return []


def _paragraph_start(section: SectionPassage, index: int) -> int:
    """The first sentence of the paragraph that sentence `index` of `section` is in."""
    while index > 0:
        _, end = section.sentences[index - 1]
        if "\n" in section.text[end : section.sentences[index][0]]:
            break
        index -= 1
    return index


def _each_sentence_marked(item: str, n: int, said: set[tuple[str, ...]]) -> str:
    """A list item of several sentences carries the marker after each, like prose does, and
    says each only once."""
    pieces = [item[start:end].strip() for start, end in split_sentences(item)]
    if len(pieces) > 1:
        # Its later sentences are left out where they repeat or point at a lost link ("-
        # Smoking. Smokers absorb less calcium. Learn more about smoking and bone health.").
        pieces = pieces[:1] + [p for p in pieces[1:] if is_quotable(p)]
        pieces = [piece for piece in pieces if not _repeated(piece, said)]
    return " ".join(f"{piece} [{n}]" for piece in pieces if piece) or f"{item} [{n}]"


def layout(chosen: Sequence[_Scored]) -> Composition:
    """One paragraph per section, sections in the order chosen, units in article order."""
    order: list[tuple[str, str]] = []
    for item in chosen:
        if item.section.key not in order:
            order.append(item.section.key)
    paragraphs: list[str] = []
    citations: list[Citation] = []
    said: set[tuple[str, ...]] = set()
    for n, key in enumerate(order, start=1):
        items = sorted(
            (c for c in chosen if c.section.key == key),
            key=lambda c: c.unit.sentences,
        )
        section = items[0].section
        lines: list[str] = []
        cited: list[int] = []
        for item in items:
            first_item = next(
                (k for k in item.unit.sentences if is_list_item(section.sentence(k))), None
            )
            heading = section.first.chunk.section
            if first_item == item.unit.sentences[0] and not lines and _heading_leads_in(heading):
                # The list's introduction is the section's heading ("Call 999 or go to A&E
                # if:"): without it the items do not say what they are.
                lead = " ".join(heading.split())
                lines.append(lead + ("" if lead.endswith(":") else ":") + f" [{n}]")
            # What a list item says is checked for repeats within the item only: two items
            # share a sentence by design ("Hold for 30 seconds and repeat three times." after
            # each of two stretches), and each needs it.
            in_item: set[tuple[str, ...]] = set()
            for index in item.unit.sentences:
                text = section.sentence(index)
                continues_item = (
                    first_item is not None
                    and index > first_item
                    and bool(lines)
                    and lines[-1].startswith("\n- ")
                    and not is_list_item(text)
                    and continues_line(section.text, section.sentences, index)
                )
                if is_list_item(text):
                    in_item = set()
                if _repeated(text, in_item if continues_item else said):
                    continue  # a page that says a sentence twice in one place
                cited.append(index)
                if is_list_item(text):
                    lines.append(
                        "\n- " + _each_sentence_marked(_BULLET.sub("", text), n, in_item)
                    )
                elif continues_item:
                    lines[-1] += f" {text} [{n}]"  # an item's next sentence, on its line
                elif item.unit.is_list and is_lead_in(text):
                    # "symptoms can include" gets the colon it lacks; a lead-in that already
                    # holds its first item inline ("may include - cloudy urine") does not.
                    colon = "" if text.endswith(":") or " - " in text else ":"
                    lines.append("\n" + text + colon + f" [{n}]")
                else:
                    after_list = bool(lines) and lines[-1].startswith("\n- ")
                    lines.append(("\n" if after_list else " ") + text + f" [{n}]")
        paragraphs.append("".join(lines).strip())
        stored = section.first
        citations.append(
            Citation(
                n=n,
                chunk_id=stored.chunk_id,
                doc_id=stored.chunk.doc_id,
                title=stored.chunk.title,
                section=stored.chunk.section,
                passage=section.text,
                spans=tuple(section.sentences[i] for i in sorted(set(cited))),
                url=stored.chunk.url,
                page=stored.chunk.page,
                source=stored.source,
                reviewed=stored.reviewed,
            )
        )
    return Composition(text="\n\n".join(paragraphs), citations=tuple(citations))


_LEADS_IN = re.compile(r"(:|\b(if|when|who|include|includes|including))\s*$", re.IGNORECASE)


def _heading_leads_in(heading: str) -> bool:
    """A heading that a list completes ("See a GP if", "Call 999 or go to A&E if:")."""
    return bool(_LEADS_IN.search(heading.strip()))


def _quotable(sentence: str) -> bool:
    return sentence.endswith(":") or is_quotable(_BULLET.sub("", sentence))


def _repeated(sentence: str, said: set[tuple[str, ...]]) -> bool:
    """The answer has quoted this sentence already (long enough to be the same statement, not a
    short item that two lists share); `said` learns it otherwise."""
    key = _said(sentence)
    if len(key) < REPEAT_MIN_WORDS:
        return False
    if key in said:
        return True
    said.add(key)
    return False


def _said(sentence: str) -> tuple[str, ...]:
    """A sentence's words, whatever its bullet, case and punctuation."""
    return tuple(w.lower() for w in words(_BULLET.sub("", sentence)))


def _section_score(units: Sequence[_Scored]) -> float:
    return max(u.score for u in units)


def _of_the_asked_type(
    scored: Sequence[list[_Scored]], lead: list[_Scored], request: CompositionRequest
) -> list[_Scored]:
    """The lead article's section that answers what the question asks, when the lead section
    answers something else: first one whose heading the question says again (`_restating`),
    else one whose heading asks the question's kind ("How to prevent X?" for "how do I stop
    getting X?", "What are the treatments for X?" for "how do I get rid of X?") scoring within
    `TYPE_MARGIN` of the lead. Only within the article: across articles, a heading's type moved
    the better page down (MEDIQA train P@1 0.808 -> 0.788 at a 0.06 ranking bonus)."""
    by_words = _said_by_the_ask(scored, lead, request)
    if by_words is not None:
        return by_words
    question = _ask_of(request)
    heading = lead[0].section.first.chunk.section
    asked = request.analysis.qtype
    if asked is QuestionType.information:
        return lead
    if heading_type(heading) is asked:
        return lead
    if shares_an_ask_word(heading, question, _topic_of(lead, request)):
        # "Foods and drinks: what to limit" answers "what foods should I avoid?" more
        # closely than "Preventing further attacks" does, whatever its heading's kind.
        return lead
    doc_id = lead[0].section.doc_id
    same_type = [
        units
        for units in scored
        if units[0].section.doc_id == doc_id
        and heading_type(units[0].section.first.chunk.section) is asked
    ]
    if not same_type:
        return lead
    best = max(same_type, key=_section_score)
    # "what about kids?" after "symptoms?": the group is asked too; so is the thing the
    # question is about ("signs of a severe reaction": "Anaphylaxis", which names it, over the
    # allergy's general "Symptoms" section, which does not).
    keeps_group = (_names_group(lead, request) and not _names_group(best, request)) or (
        _names_focus(lead, request) and not _names_focus(best, request)
    )
    # A lead whose heading asks another kind ("Treatment" for "who gets it?") answers another
    # question: it gives way further than one whose heading says no kind ("Overview").
    margin = OTHER_KIND_MARGIN if _asks_another_kind(lead, request) else TYPE_MARGIN
    close = _section_score(best) >= _section_score(lead) - margin
    return best if close and not keeps_group else lead


def _ask_words(chosen: Sequence[_Scored], request: CompositionRequest) -> frozenset[str]:
    """The question's words beyond its topic that the answer quotes ("contagious" in "is
    rosacea contagious", "surgery" in "will I need surgery for plantar fasciitis?"), or none
    when it quotes none of them (a paraphrase answered it). Only for a short ask: in a longer
    message most words beyond the topic tell a story, and the answer quoting one is chance
    (MEDIQA dev lost a relevant second source when every message was held to this).
    """
    topic = content_words(_topic_of([chosen[0]], request))
    ask = content_words(_ask_of(request)) - topic
    if len(ask) > ASK_MAX_WORDS:
        return frozenset()
    quoted = frozenset().union(*(_said_stems(c) for c in chosen))
    return ask if ask & quoted else frozenset()


def _said_stems(scored: _Scored) -> frozenset[str]:
    """What a unit says, with its section's heading, as content-word stems."""
    section = scored.section
    text = " ".join(section.sentence(i) for i in scored.unit.sentences)
    return content_words(f"{section.first.chunk.section} {text}")


def _says_any(scored: _Scored, ask: frozenset[str]) -> bool:
    """A second source must speak to what the question asks, as the answer does, not only to
    its topic: "Rosacea is not contagious" is not followed by the whole symptoms list."""
    return bool(_said_stems(scored) & ask)


def _heading_asks(units: list[_Scored], request: CompositionRequest) -> bool:
    """The section's heading asks what the question asks: of its kind, or said again."""
    heading = units[0].section.first.chunk.section
    asked = request.analysis.qtype
    if asked is not QuestionType.information and heading_type(heading) is asked:
        return True
    topic = _topic_of(units, request)
    return restatement(heading, _ask_of(request), asked, topic) is not None


def _asks_another_kind(units: list[_Scored], request: CompositionRequest) -> bool:
    """The section's heading asks a kind of question, and not the one asked ("Treatment" for
    "who gets it?")."""
    kind = heading_type(units[0].section.first.chunk.section)
    return kind is not QuestionType.information and kind is not request.analysis.qtype


def _names_group(units: list[_Scored], request: CompositionRequest) -> bool:
    """A unit of the section names the group a follow-up asks about ("what about children?")."""
    group = request.group
    if group is None:
        return False
    section = units[0].section
    return any(group.search(section.sentence(i)) for u in units for i in u.unit.sentences)


def _for_another_group(section: SectionPassage, request: CompositionRequest) -> bool:
    """The section's heading names a group (children, older people, pregnancy) that neither
    the question nor the page's title names: it is the page's answer for that group only."""
    named = groups_named(section.first.chunk.section)
    if not named:
        return False
    analysis = request.analysis
    asked = f"{request.question} {analysis.text} {analysis.asked} {section.first.chunk.title}"
    return not named & groups_named(asked)


def _names_focus(units: list[_Scored], request: CompositionRequest) -> bool:
    """The section says every word of the question's focus that its page's title does not
    ("severe reaction" on a food allergy page); False when the focus is the page's topic."""
    focus = request.analysis.focus
    if not focus:
        return False
    section = units[0].section
    beyond_title = content_words(focus) - content_words(section.first.chunk.title)
    return bool(beyond_title) and beyond_title <= content_words(section.text)


def _ask_of(request: CompositionRequest) -> str:
    """The question sentences alone: a story's words must not say a heading by chance."""
    return request.analysis.question or request.analysis.asked or request.question


def _topic_of(units: list[_Scored], request: CompositionRequest) -> str:
    """The words naming the page's topic: its title and the question's focus."""
    return f"{units[0].section.first.chunk.title} {request.analysis.focus or ''}"


def _restating(
    scored: Sequence[list[_Scored]], lead: list[_Scored], request: CompositionRequest
) -> list[_Scored] | None:
    """The lead article's section whose heading the question says again, word for word but
    for the topic ("how to prevent carbon monoxide poisoning?" and "Preventing carbon monoxide
    poisoning"), when the lead's heading says it less and it scores within `RESTATES_MARGIN`
    of the lead. Sentences naming the topic often outscore the section that answers (the
    hospital Treatment section names "carbon monoxide poisoning"; the prevention list does not
    repeat it), so the heading is trusted further than a heading's kind alone."""
    question = _ask_of(request)
    asked = request.analysis.qtype
    doc_id = lead[0].section.doc_id

    def said(units: list[_Scored]) -> tuple[int, int] | None:
        heading = units[0].section.first.chunk.section
        found = restatement(heading, question, asked, _topic_of(units, request))
        return (found.said, found.by_type) if found else None

    found = [
        (key, units)
        for units in scored
        if units[0].section.doc_id == doc_id and (key := said(units)) is not None
    ]
    if not found:
        return None
    key, best = max(found, key=lambda f: (f[0], _section_score(f[1])))
    if best is lead or (said(lead) or (0, 0)) >= key:
        return None
    if _names_group(lead, request) and not _names_group(best, request):
        # "motion sickness remedies for children?": "Other remedies" says the heading's word,
        # the medicines section says what it says about children; the group is asked too.
        return None
    return best if _section_score(best) >= _section_score(lead) - RESTATES_MARGIN else None


def _part_signal(part: str, unit: _Scored, topic: str, *, opens: bool) -> float:
    """How clearly the unit answers one part of the question (`question_parts.part_signal`)."""
    section = unit.section
    heading = section.first.chunk.section
    sentences = [section.sentence(i) for i in _own_sentences(unit)]
    prose = [t for t in sentences if not is_list_item(t)]
    signal = part_signal(part, heading, sentences, topic, prose=prose)
    if opens and part_signal(part, heading, [], topic, prose=[]) > 0:
        signal += OPENING_WEIGHT
    return signal


def _whole_ask(section: SectionPassage, request: CompositionRequest) -> frozenset[str]:
    """The words a short question asks beyond its topic, when there are `WHOLE_ASK_WORDS`."""
    topic = f"{section.first.chunk.title} {request.analysis.focus or ''}"
    asked = ask_words(_ask_of(request), topic)
    low, high = WHOLE_ASK_WORDS
    return asked if low <= len(asked) <= high else frozenset()


def _says_whole_ask(units: list[_Scored], request: CompositionRequest) -> bool:
    section = units[0].section
    asked = _whole_ask(section, request)
    return bool(asked) and any(
        asked <= content_words(section.sentence(i)) for u in units for i in _own_sentences(u)
    )


def _said_by_the_ask(
    scored: Sequence[list[_Scored]], lead: list[_Scored], request: CompositionRequest
) -> list[_Scored] | None:
    """The section the question's own words choose, before any heading's kind does: one whose
    heading it says again, the lead when its heading opens with the question's "when" or
    "who", else one naming what it asks; None when its words choose none."""
    restating = _restating(scored, lead, request)
    if restating is not None:
        return restating
    heading = lead[0].section.first.chunk.section
    if opens_as_question_does(heading, _ask_of(request)):
        return lead
    if restatement(heading, _ask_of(request), request.analysis.qtype, _topic_of(lead, request)):
        return None  # "Signs of dehydration" for "signs of dehydration in a baby?": it answers
    return _naming_the_ask(scored, lead, request)


def _states_how_long(units: list[_Scored], request: CompositionRequest) -> bool:
    """A prose sentence of the section states a length of time of what the question asks
    about: it says one of its words ("An attack ... at its worst within 12 to 24 hours" for
    "how long does an attack last?"; not "wait 30 minutes between creams" for "how long does
    it last?"). A list item's hours are mostly a warning sign's (see `_units`)."""
    section = units[0].section
    asked = ask_words(_ask_of(request), _topic_of(units, request))
    return bool(asked) and any(
        states_a_duration(t) and not is_list_item(t) and bool(asked & content_words(t))
        for u in units
        for i in _own_sentences(u)
        if (t := section.sentence(i))
    )


def _naming_the_ask(
    scored: Sequence[list[_Scored]], lead: list[_Scored], request: CompositionRequest
) -> list[_Scored] | None:
    """The lead article's section whose heading names something the question asks beyond its
    topic ("Alcohol and food" for "can I drink alcohol while taking omeprazole?"), or with a
    sentence that says all of a short ask ("If you forget a dose, ..."), or for "how long"
    one stating a length of time ("... settles within 1 to 2 weeks"), when the lead has none
    and it scores within `TYPE_MARGIN` of the lead: a heading or sentence that says the ask
    is nearer the answer than sentences that repeat the topic's name."""
    question = _ask_of(request)
    how_long = asks_how_long(question)

    def names(units: list[_Scored]) -> bool:
        heading = units[0].section.first.chunk.section
        return (
            shares_an_ask_word(heading, question, _topic_of(units, request))
            or _says_whole_ask(units, request)
            or (how_long and _states_how_long(units, request))
        )

    if names(lead):
        return None
    doc_id = lead[0].section.doc_id
    naming = [u for u in scored if u[0].section.doc_id == doc_id and u is not lead and names(u)]
    if not naming:
        return None
    if _names_group(lead, request) and not any(_names_group(u, request) for u in naming):
        return None
    best = max(naming, key=_section_score)
    return best if _section_score(best) >= _section_score(lead) - TYPE_MARGIN else None


def _trimmed(unit: Unit, max_items: int, texts: Sequence[str], *, row_words: int) -> Unit:
    """A list unit cut after its first `max_items` items (an item's own sentences stay); a
    table's rows, long and quoted whole, are cut once they would pass `row_words` words, so the
    table fits an answer with at least its first row rather than not at all."""
    if not unit.is_list:
        return unit
    kept: list[int] = []
    items = 0
    words = 0
    for n, k in enumerate(unit.sentences):
        if is_list_item(texts[k]):
            items += 1
            if items > max_items:
                break
            if k in unit.rows and items > 1:
                row = _item_words(unit.sentences[n:], texts)
                if words + row > row_words:
                    break
        kept.append(k)
        words += len(texts[k].split())
    if len(kept) == len(unit.sentences):
        return unit
    return Unit(tuple(kept), is_list=True, rows=unit.rows & set(kept))


def _item_words(sentences: Sequence[int], texts: Sequence[str]) -> int:
    """The words of the list item that `sentences` starts with, its own later sentences too."""
    count = len(texts[sentences[0]].split())
    for k in sentences[1:]:
        if is_list_item(texts[k]):
            break
        count += len(texts[k].split())
    return count


def _without_unquotable_item_sentences(unit: Unit, texts: Sequence[str]) -> Unit:
    """A list unit without an item's later sentences that cannot be quoted ("- Smoking.
    Smokers absorb less calcium. Learn more about smoking and bone health."): they are left
    out, the list stays. A table row with a cell that cannot be quoted is left out whole."""
    if not unit.is_list:
        return unit
    scored = set(_scored_sentences(unit, texts))
    item = -1
    of_item: dict[int, int] = {}  # sentence -> the list item it belongs to (-1: before them)
    for k in unit.sentences:
        item = k if is_list_item(texts[k]) else item
        of_item[k] = item
    unquotable = {k for k in unit.sentences if not is_quotable(texts[k])}
    cut_rows = {of_item[k] for k in unquotable if of_item[k] in unit.rows}
    kept = tuple(
        k
        for k in unit.sentences
        if of_item[k] not in cut_rows and (k in scored or k not in unquotable)
    )
    if len(kept) == len(unit.sentences):
        return unit
    return Unit(kept, is_list=True, rows=unit.rows & set(kept))


def _own_sentences(scored: _Scored) -> list[int]:
    """The unit's sentences but a list item's later ones."""
    section = scored.section
    texts = [section.sentence(i) for i in range(len(section.sentences))]
    return _scored_sentences(scored.unit, texts)


def _scored_sentences(unit: Unit, texts: Sequence[str]) -> list[int]:
    """The unit's sentences but a list item's later ones, and but what a list adds to ("...
    common cause of gout in older people. Other problems that raise uric acid include"): the
    list is quoted after it, not chosen for it."""
    if not unit.is_list:
        return list(unit.sentences)
    sentences = list(unit.sentences)
    first_item = next((n for n, k in enumerate(sentences) if is_list_item(texts[k])), 0)
    if first_item > 0 and adds_to_what_came_before(texts[sentences[first_item - 1]]):
        sentences = sentences[first_item - 1 :]
    scored: list[int] = []
    in_items = False
    for k in sentences:
        item = is_list_item(texts[k])
        in_items = in_items or item
        if item or not in_items:
            scored.append(k)
    return scored


# How much of an FAQ's question (its heading) a question must say for the FAQ's "No." to be
# its answer: "Will I need sleeping pills forever?" answers "No." to something else than "do
# sleeping pills help?".
ASKS_AS_HEADING = 2 / 3


def _asks_as_heading(heading: str, question: str) -> bool:
    """The question asks what the section's heading asks (a yes or no answers both)."""
    asked = content_words(heading)
    if not heading.strip().endswith("?") or not asked:
        return False
    return len(asked & content_words(question)) >= ASKS_AS_HEADING * len(asked)


def _sentence_score(similarity: float, sentence: str, keywords: set[str]) -> float:
    if not keywords:
        return similarity
    found = {stem(w) for w in words(sentence)}
    return similarity + 0.15 * len(keywords & found) / len(keywords)


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


def _defines(sentence: str, analysis: QuestionAnalysis) -> bool:
    """'Glaucoma is a group of diseases ...' for 'What is glaucoma?'."""
    if analysis.qtype is not QuestionType.information or not analysis.focus:
        return False
    head = _BULLET.sub("", sentence).lower()
    focus = analysis.focus.lower()
    return head.startswith(focus) and bool(
        re.match(r"\s*(\([^)]*\)\s*)?(is|are|refers to|means)\b", head[len(focus) :])
    ) and ends_statement(sentence)
