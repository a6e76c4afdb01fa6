"""Which section of the lead article answers what the question asks: one whose heading says
the question again or asks its kind, one naming its words or its group; and what a second
source must say."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.base import CompositionRequest
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
from assistant.compose.self_care import (
    asks_for_self_care,
    clinician_heading,
    self_care_heading,
)
from assistant.compose.told_signs import told_signs_needing_care
from assistant.compose.units import is_list_item
from assistant.compose.untitled_lede import margin_below, opening_for_what_it_is
from assistant.compose.urgency import asks_routinely, asks_urgently, urgent_heading
from assistant.understanding.conversation import groups_named
from assistant.understanding.question import QuestionType
from assistant.understanding.question_types import heading_type
from healthqa.text.emergency_call import tells_to_call_for_help
from healthqa.text.words import content_words

# How far below the lead section a section of the same article whose heading asks what the
# question asks may score and still lead.
TYPE_MARGIN = 0.15
# The same, when the lead section's heading asks another kind of question than the one asked.
OTHER_KIND_MARGIN = 0.3
# How far below the lead section a section of the same article whose heading the question
# says again may score and still lead (`_restating`).
RESTATES_MARGIN = 0.3
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
    the visitor's own part when they ask what they can do (`_as_self_care_as_asked`), as
    urgent as the question asks (`as_urgent_as_asked`)."""
    lead = opening_for_what_it_is(scored, lead, request)
    chosen = _not_an_emergency_unasked(scored, _of_the_asked_kind(scored, lead, request), request)
    chosen = _as_self_care_as_asked(scored, chosen, request)
    chosen = _treatment_as_asked(scored, chosen, request)
    chosen = as_urgent_as_asked(scored, chosen, request)
    chosen = told_signs_needing_care(scored, chosen, request)
    chosen = _for_the_group(scored, chosen, request)
    return with_qualifier(scored, kept_qualifier(scored, lead, chosen, request), request)


def _as_self_care_as_asked(
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
    if _names_group(chosen, request):
        return chosen
    own = [
        units
        for units in same_article(scored, chosen)
        if self_care_heading(units[0].section.first.chunk.section)
    ]
    return max(own, key=section_score) if own else chosen


def _treatment_as_asked(
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
    if _names_group(chosen, request):
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


def _not_an_emergency_unasked(
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
        and _most_ask_words(units, unsaid) > 0
    ]
    if not saying:
        return chosen
    best = max(saying, key=lambda units: (_most_ask_words(units, unsaid), section_score(units)))
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
    article (`_not_an_emergency_unasked`): the question asked nothing about getting care."""
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
    keeps_group = (_names_group(lead, request) and not _names_group(best, request)) or (
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
    here = _most_ask_words(lead, asked)
    return here >= SAID_ASK_WORDS and here > _most_ask_words(other, asked)


def _most_ask_words(units: list[ScoredUnit], asked: frozenset[str]) -> int:
    section = units[0].section
    return max(
        (len(asked & content_words(section.sentence(i))) for u in units for i in own_sentences(u)),
        default=0,
    )


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


def _names_group(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """A unit of the section names the group a follow-up asks about ("what about children?")."""
    group = request.group
    if group is None:
        return False
    section = units[0].section
    return any(group.search(section.sentence(i)) for u in units for i in u.unit.sentences)


def for_another_group(section: SectionPassage, request: CompositionRequest) -> bool:
    """The section's heading names a group (children, older people, pregnancy) that neither
    the question nor the page's title names: it is the page's answer for that group only."""
    named = groups_named(section.first.chunk.section)
    if not named:
        return False
    analysis = request.analysis
    asked = f"{request.question} {analysis.text} {analysis.asked} {section.first.chunk.title}"
    return not named & groups_named(asked)


def _names_focus(units: list[ScoredUnit], request: CompositionRequest) -> bool:
    """The section says every word of the question's focus that its page's title does not
    ("severe reaction" on a food allergy page); False when the focus is the page's topic."""
    focus = request.analysis.focus
    if not focus:
        return False
    section = units[0].section
    beyond_title = content_words(focus) - content_words(section.first.chunk.title)
    return bool(beyond_title) and beyond_title <= content_words(section.text)


def ask_of(request: CompositionRequest) -> str:
    """The question sentences alone: a story's words must not say a heading by chance."""
    return request.analysis.question or request.analysis.asked or request.question


def topic_of(units: list[ScoredUnit], request: CompositionRequest) -> str:
    """The words naming the page's topic: its title and the question's focus."""
    return f"{units[0].section.first.chunk.title} {request.analysis.focus or ''}"


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
    if _names_group(lead, request) and not _names_group(best, request):
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
    if _names_group(lead, request) and not any(_names_group(u, request) for u in naming):
        return None
    best = max(naming, key=section_score)
    # A sentence stating how long the asked thing lasts answers as directly as a heading
    # saying the question again: the lead's sentences share only the words for a length of
    # time with it ("An aura usually lasts ..." for "how long does an attack last?").
    margin = RESTATES_MARGIN if how_long and _states_how_long(best, request) else TYPE_MARGIN
    margin = margin_below(lead, request, margin)
    return best if section_score(best) >= section_score(lead) - margin else None
