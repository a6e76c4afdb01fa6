"""Which section of the lead article answers what the question asks: one whose heading says
the question again or asks its kind, one naming its words or its group; and what a second
source must say."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.asked import (
    RESTATES_MARGIN,
    ask_of,
    most_ask_words,
    names_group,
    topic_of,
)
from assistant.compose.base import CompositionRequest
from assistant.compose.care_sections import as_self_care_as_asked, treatment_as_asked
from assistant.compose.course import states_how_long_it_lasts
from assistant.compose.durations import asks_how_long, states_a_duration, without_span_words
from assistant.compose.headings import (
    ask_words,
    opens_as_question_does,
    restatement,
    shares_an_ask_word,
)
from assistant.compose.passages import SectionPassage
from assistant.compose.qualifier import kept_qualifier, with_qualifier
from assistant.compose.scored import (
    ScoredUnit,
    own_sentences,
    same_article,
    section_score,
    within_margin,
)
from assistant.compose.told_signs import told_signs_needing_care
from assistant.compose.units import is_list_item
from assistant.compose.untitled_lede import margin_below, opening_for_what_it_is
from assistant.compose.urgent_sections import as_urgent_as_asked, not_an_emergency_unasked
from assistant.understanding.question import QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.words import content_words

# How far below the lead section a section of the same article whose heading asks what the
# question asks may score and still lead.
TYPE_MARGIN = 0.15
# The same, when the lead section's heading asks another kind of question than the one asked.
OTHER_KIND_MARGIN = 0.3
# A question with at most this many words beyond its topic asks only what they say: a second
# source must say one of them too (`quoted_ask_words`).
ASK_MAX_WORDS = 3
# The fewest and most words a short question may ask beyond its topic for a sentence saying
# all of them to answer it (`scoring.WHOLE_ASK_BONUS`): one word is said by chance, a long
# message tells a story.
WHOLE_ASK_WORDS = (2, 3)


def of_the_asked_type(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """The lead article's section that answers what the question asks (the opening for "what
    is X?", `opening_for_what_it_is`; else `_of_the_asked_kind`), the getting-care section
    naming the signs the visitor told (`told_signs_needing_care`), the section for the group a
    follow-up asks about (`_for_the_group`),
    the visitor's own part when they ask what they can do (`as_self_care_as_asked`), as
    urgent as the question asks (`as_urgent_as_asked`)."""
    lead = opening_for_what_it_is(scored, lead, request)
    chosen = not_an_emergency_unasked(scored, _of_the_asked_kind(scored, lead, request), request)
    chosen = as_self_care_as_asked(scored, chosen, request)
    chosen = treatment_as_asked(scored, chosen, request)
    chosen = as_urgent_as_asked(scored, chosen, request)
    chosen = told_signs_needing_care(scored, chosen, request)
    chosen = _for_the_group(scored, chosen, request)
    return with_qualifier(scored, kept_qualifier(scored, lead, chosen, request), request)


def _for_the_group(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """For a follow-up about a group ("what about in babies?"), the article's section whose
    heading names the group ("Eczema in babies and children") over a chosen one that names it
    in one line ("Scratch mittens can help babies."), scoring within `TYPE_MARGIN`: it says
    more about the group. Not one whose heading asks another kind of question than the one
    asked ("How do children catch it?")."""
    group = request.group
    if group is None or group.search(chosen[0].section.first.chunk.section):
        return chosen
    own = [
        units
        for units in same_article(scored, chosen)
        if group.search(h := units[0].section.first.chunk.section)
        and not h.strip().endswith("?")
        and (not asks_another_kind(units, request) or heading_type(h) is _FOR_GROUPS)
    ]
    if not own:
        return chosen
    return within_margin(max(own, key=section_score), chosen, TYPE_MARGIN)


# The kind of a heading naming groups ("Babies, children and pregnancy"): what the page says
# for them, whatever the question asks, not another kind of question.
_FOR_GROUPS = QuestionType.considerations


def _of_the_asked_kind(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """The lead article's section that answers what the question asks, when the lead section
    answers something else: first one whose heading the question says again (`_restating`),
    else one whose heading asks the question's kind ("How to prevent X?" for "how do I stop
    getting X?", "What are the treatments for X?" for "how do I get rid of X?") scoring within
    `TYPE_MARGIN` of the lead. Only within the article: across articles, a heading's type moved
    the better page down (MEDIQA train P@1 0.808 -> 0.788 at a 0.06 ranking bonus)."""
    by_words = _said_by_the_ask(scored, lead, request)
    if by_words is not None:
        return by_words
    question = ask_of(request)
    heading = lead[0].section.first.chunk.section
    asked = request.analysis.qtype
    if asked is QuestionType.information:
        return lead
    if heading_type(heading) is asked:
        return lead
    if shares_an_ask_word(heading, question, topic_of(lead, request)):
        # "Foods and drinks: what to limit" answers "what foods should I avoid?" more
        # closely than "Preventing further attacks" does, whatever its heading's kind.
        return lead
    same_type = [
        units
        for units in same_article(scored, lead)
        if heading_type(units[0].section.first.chunk.section) is asked
    ]
    if not same_type:
        return lead
    best = max(same_type, key=section_score)
    # "what about kids?" after "symptoms?": the group is asked too; so is the thing the
    # question is about ("signs of a severe reaction": "Anaphylaxis", which names it, over the
    # allergy's general "Symptoms" section, which does not). Not by a lead whose heading asks
    # another kind: "What to do in an asthma attack" names the attack but answers what to do,
    # not "what causes asthma attacks?", which the page's "Common triggers" answers.
    other_kind = asks_another_kind(lead, request)
    keeps_group = (names_group(lead, request) and not names_group(best, request)) or (
        not other_kind and _names_focus(lead, request) and not _names_focus(best, request)
    )
    # A lead whose heading asks another kind ("Treatment" for "who gets it?") answers another
    # question: it gives way further than one whose heading says no kind ("Overview").
    margin = margin_below(lead, request, OTHER_KIND_MARGIN if other_kind else TYPE_MARGIN)
    close = section_score(best) >= section_score(lead) - margin
    # "why does my eczema look purple and not red?": "On brown and black skin it may look dark
    # brown, purple or grey" under 'Symptoms' says what is asked; the causes do not.
    keeps_ask = _says_more_of_the_ask(lead, best, request)
    return best if close and not keeps_group and not keeps_ask else lead


# The fewest of the question's own words one sentence must say to keep its section before a
# heading's kind: one is said by chance.
SAID_ASK_WORDS = 2


def _says_more_of_the_ask(
    lead: list[ScoredUnit], other: list[ScoredUnit], request: CompositionRequest
) -> bool:
    """A sentence of `lead` says at least `SAID_ASK_WORDS` of the words the question asks
    beyond its topic, and more of them than any sentence of `other`."""
    asked = ask_words(ask_of(request), topic_of(lead, request))
    here = most_ask_words(lead, asked)
    return here >= SAID_ASK_WORDS and here > most_ask_words(other, asked)


def quoted_ask_words(chosen: Sequence[ScoredUnit], request: CompositionRequest) -> frozenset[str]:
    """The question's words beyond its topic that the answer quotes ("contagious" in "is
    rosacea contagious", "surgery" in "will I need surgery for plantar fasciitis?"), or none
    when it quotes none of them (a paraphrase answered it). Only for a short ask: in a longer
    message most words beyond the topic tell a story, and the answer quoting one is chance
    (MEDIQA dev lost a relevant second source when every message was held to this).
    """
    topic = content_words(topic_of([chosen[0]], request))
    ask = content_words(ask_of(request)) - topic
    if len(ask) > ASK_MAX_WORDS:
        return frozenset()
    quoted = frozenset().union(*(_said_stems(c) for c in chosen))
    return ask if ask & quoted else frozenset()


def _said_stems(scored: ScoredUnit) -> frozenset[str]:
    """What a unit says, with its section's heading, as content-word stems."""
    section = scored.section
    text = " ".join(section.sentence(i) for i in scored.unit.sentences)
    return content_words(f"{section.first.chunk.section} {text}")


def says_any(scored: ScoredUnit, ask: frozenset[str]) -> bool:
    """A second source must speak to what the question asks, as the answer does, not only to
    its topic: "Rosacea is not contagious" is not followed by the whole symptoms list."""
    return bool(_said_stems(scored) & ask)


def heading_asks(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """The section's heading asks what the question asks: of its kind, or said again."""
    heading = units[0].section.first.chunk.section
    asked = request.analysis.qtype
    if asked is not QuestionType.information and heading_type(heading) is asked:
        return True
    topic = topic_of(units, request)
    return restatement(heading, ask_of(request), asked, topic) is not None


def asks_another_kind(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """The section's heading asks a kind of question, and not the one asked ("Treatment" for
    "who gets it?")."""
    kind = heading_type(units[0].section.first.chunk.section)
    return kind is not QuestionType.information and kind is not request.analysis.qtype


def _names_focus(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """The section says every word of the question's focus that its page's title does not
    ("severe reaction" on a food allergy page); False when the focus is the page's topic."""
    focus = request.analysis.focus
    if not focus:
        return False
    section = units[0].section
    beyond_title = content_words(focus) - content_words(section.first.chunk.title)
    return bool(beyond_title) and beyond_title <= content_words(section.text)


def _restating(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit] | None:
    """The lead article's section whose heading the question says again, word for word but
    for the topic ("how to prevent carbon monoxide poisoning?" and "Preventing carbon monoxide
    poisoning"), when the lead's heading says it less and it scores within `RESTATES_MARGIN`
    of the lead. Sentences naming the topic often outscore the section that answers (the
    hospital Treatment section names "carbon monoxide poisoning"; the prevention list does not
    repeat it), so the heading is trusted further than a heading's kind alone."""
    question = ask_of(request)
    asked = request.analysis.qtype

    def said(units: list[ScoredUnit]) -> tuple[int, int] | None:
        heading = units[0].section.first.chunk.section
        found = restatement(heading, question, asked, topic_of(units, request))
        return (found.said, found.by_type) if found else None

    found = [
        (key, units)
        for units in same_article(scored, lead)
        if (key := said(units)) is not None
    ]
    if not found:
        return None
    key, best = max(found, key=lambda f: (f[0], section_score(f[1])))
    if best is lead or (said(lead) or (0, 0)) >= key:
        return None
    if names_group(lead, request) and not names_group(best, request):
        # "motion sickness remedies for children?": "Other remedies" says the heading's word,
        # the medicines section says what it says about children; the group is asked too.
        return None
    margin = margin_below(lead, request, RESTATES_MARGIN)
    return best if section_score(best) >= section_score(lead) - margin else None


def whole_ask_of(section: SectionPassage, request: CompositionRequest) -> frozenset[str]:
    """The words a short question asks beyond its topic, when there are `WHOLE_ASK_WORDS`."""
    topic = f"{section.first.chunk.title} {request.analysis.focus or ''}"
    asked = ask_words(ask_of(request), topic)
    low, high = WHOLE_ASK_WORDS
    return asked if low <= len(asked) <= high else frozenset()


def _says_whole_ask(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    section = units[0].section
    asked = whole_ask_of(section, request)
    return bool(asked) and any(
        asked <= content_words(section.sentence(i)) for u in units for i in own_sentences(u)
    )


def _said_by_the_ask(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit] | None:
    """The section the question's own words choose, before any heading's kind does: one whose
    heading it says again, the lead when its heading opens with the question's "when" or
    "who", else one naming what it asks; None when its words choose none."""
    restating = _restating(scored, lead, request)
    if restating is not None:
        return restating
    heading = lead[0].section.first.chunk.section
    if opens_as_question_does(heading, ask_of(request)):
        return lead
    if restatement(heading, ask_of(request), request.analysis.qtype, topic_of(lead, request)):
        return None  # "Signs of dehydration" for "signs of dehydration in a baby?": it answers
    return _naming_the_ask(scored, lead, request)


def _states_how_long(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """A prose sentence of the section states a length of time of what the question asks
    about: it says one of its words ("An attack ... at its worst within 12 to 24 hours" for
    "how long does an attack last?"; not "wait 30 minutes between creams" for "how long does
    it last?"). A list item's hours are mostly a warning sign's (see `scoring.scored_units`)."""
    section = units[0].section
    topic = topic_of(units, request)
    asked = ask_words(ask_of(request), topic)
    # The sentence must say the thing whose length is asked: "An aura usually lasts 5 to 60
    # minutes" shares "usually lasts" with "how long does an attack usually last?" but is about
    # the aura. Only when the question names such a thing beyond its topic.
    subject = ask_words(without_span_words(ask_of(request)), topic)
    if not subject:
        # Only the topic is asked ("how long does it last?"): the words asking for a length of
        # time name nothing ("your last episode"), and a length the reader is told to keep
        # ("Stay home until at least 48 hours after ...") is a rule's, not the illness's.
        return bool(asked) and any(
            states_how_long_it_lasts(t) and not is_list_item(t)
            for u in units
            for i in u.unit.sentences
            if (t := section.sentence(i))
        )
    return bool(asked) and any(
        states_a_duration(t) and not is_list_item(t) and bool(subject & content_words(t))
        for u in units
        # Every sentence of the unit: a list's introduction is not chosen for the sentence
        # before it (`own_sentences`), but the section still says it ("An attack usually lasts
        # between 4 hours and 3 days. Other symptoms can include:").
        for i in u.unit.sentences
        if (t := section.sentence(i))
    )


def _naming_the_ask(
    scored: Sequence[list[ScoredUnit]], lead: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit] | None:
    """The lead article's section whose heading names something the question asks beyond its
    topic ("Alcohol and food" for "can I drink alcohol while taking omeprazole?"), or with a
    sentence that says all of a short ask ("If you forget a dose, ..."), or for "how long"
    one stating a length of time ("... settles within 1 to 2 weeks"), when the lead has none
    and it scores within `TYPE_MARGIN` of the lead: a heading or sentence that says the ask
    is nearer the answer than sentences that repeat the topic's name."""
    question = ask_of(request)
    how_long = asks_how_long(question)

    def names(units: list[ScoredUnit]) -> bool:
        heading = units[0].section.first.chunk.section
        return (
            shares_an_ask_word(heading, question, topic_of(units, request))
            or _says_whole_ask(units, request)
            or (how_long and _states_how_long(units, request))
        )

    if names(lead):
        return None
    naming = [u for u in same_article(scored, lead) if u is not lead and names(u)]
    if not naming:
        return None
    if names_group(lead, request) and not any(names_group(u, request) for u in naming):
        return None
    best = max(naming, key=section_score)
    # A sentence stating how long the asked thing lasts answers as directly as a heading
    # saying the question again: the lead's sentences share only the words for a length of
    # time with it ("An aura usually lasts ..." for "how long does an attack last?").
    margin = RESTATES_MARGIN if how_long and _states_how_long(best, request) else TYPE_MARGIN
    margin = margin_below(lead, request, margin)
    return best if section_score(best) >= section_score(lead) - margin else None
