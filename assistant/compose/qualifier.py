"""The question's distinguishing words must be in the section that answers it.

Two sections of one article often share the question's head word and differ by a qualifier:
"remove" is in both "What to do after a bite or sting" and "Removing a tick", and only the first
says the "sting" asked about; "allergic reaction" is in both "Symptoms" (a mild one) and a
section on a severe one. A word of the question that some of the article's found sections say
and others do not tells them apart (`distinguishing`): the heading rules that move the answer
to another section must not move it to one that loses such a word the lead's heading says
(`kept_qualifier`; not for the page's topic named whole in the lead's heading, nor when the
chosen heading names the kind asked and the lead's a kind that cannot answer it: "What to do in
a hives flare" shares "flare" with "what causes hives flares?", "Common triggers" answers it),
and when the chosen one says none of them, a section saying them, scoring within
`QUALIFIER_MARGIN`, answers instead (`with_qualifier`; not for a word of the page's title, which
every section is about, nor to the untitled lede). Only for a short ask: in a long message most
words tell a story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from assistant.compose.base import CompositionRequest
from assistant.compose.durations import asks_how_long, without_span_words
from assistant.compose.scored import ScoredUnit, same_article, section_score
from assistant.compose.untitled_lede import is_untitled
from assistant.understanding.question_types import QuestionType, heading_type
from healthqa.text.words import content_words

# How far below the chosen section one saying more of the question's distinguishing words may
# score and still answer: the chosen one's lead is mostly its naming of the topic.
QUALIFIER_MARGIN = 0.3
# The most content words a question may ask for its words to all be asked, not told.
MAX_ASK_WORDS = 6


def _said(units: list[ScoredUnit]) -> frozenset[str]:
    section = units[0].section
    return content_words(f"{section.first.chunk.section} {section.text}")


def _asked(request: CompositionRequest) -> frozenset[str]:
    analysis = request.analysis
    question = analysis.question or analysis.asked or request.question
    if asks_how_long(question):
        # "long", "last": every sentence stating a length of time asks them in other words
        # ("gets better in 1 to 2 weeks"); a heading saying them ("How long is it contagious?")
        # does not tell its section apart by them.
        question = without_span_words(question)
    asked = content_words(question)
    return asked if len(asked) <= MAX_ASK_WORDS else frozenset()


# A page title's second name in brackets: "Conjunctivitis (pink eye)", "Hay fever (allergic
# rhinitis)".
_SECOND_NAME = re.compile(r"^(?P<first>[^()]+)\((?P<second>[^()]+)\)\s*$")


def _names_the_topic(title: str, heading: frozenset[str]) -> bool:
    """The heading names the page's topic whole: by its title, or by one of the title's two
    names ("How long is pink eye contagious?" on "Conjunctivitis (pink eye)")."""
    names = [title]
    if found := _SECOND_NAME.match(title):
        names += [found["first"], found["second"]]
    return any((said := content_words(name)) and said <= heading for name in names)


def distinguishing(
    same_article: Sequence[list[ScoredUnit]], request: CompositionRequest
) -> dict[str, float]:
    """The question's words that some but not all of the article's sections say, each weighted
    by how few say it (a word one section of five says tells more than one four say)."""
    asked = _asked(request)
    said = [_said(units) for units in same_article]
    weights: dict[str, float] = {}
    for word in asked:
        count = sum(word in s for s in said)
        if 0 < count < len(said):
            weights[word] = math.log((len(said) + 1) / count)
    return weights


def kept_qualifier(
    scored: Sequence[list[ScoredUnit]],
    lead: list[ScoredUnit],
    chosen: list[ScoredUnit],
    request: CompositionRequest,
) -> list[ScoredUnit]:
    """`chosen`, unless it replaced the `lead` by losing a distinguishing word the lead's
    heading says ("Removing a tick" for "how do I remove a bee sting?"
    over the section that says "remove the sting"): then the lead."""
    if chosen is lead or chosen[0].section.doc_id != lead[0].section.doc_id:
        return chosen
    if _kind_only_chosen_answers(lead, chosen, request):
        return chosen
    weights = distinguishing(same_article(scored, lead), request)
    by_lead = _said(lead) & weights.keys()
    by_chosen = _said(chosen) & weights.keys()
    # Only a word the lead's heading says: a kind's section ("How to treat it yourself") may
    # well lose a word the lead's sentences say by chance ("... after 7 days at home"). Not the
    # page's topic when the heading names it whole ("How to treat athlete's foot yourself"):
    # every section is about it. One of several the title names ("Insect bites and stings")
    # still tells sections apart.
    title = content_words(lead[0].section.first.chunk.title)
    heading = content_words(lead[0].section.first.chunk.section)
    in_heading = heading & by_lead
    if _names_the_topic(lead[0].section.first.chunk.title, heading):
        in_heading -= title
    return lead if in_heading - by_chosen else chosen


# Headings of another kind that still answer a kind of question: an emergency or "see a doctor"
# section lists the signs it is for.
_ALSO_ANSWERED_BY = {QuestionType.symptoms: frozenset({QuestionType.seek_care})}


def _kind_only_chosen_answers(
    lead: list[ScoredUnit], chosen: list[ScoredUnit], request: CompositionRequest
) -> bool:
    """The chosen section's heading names the kind the question asks ("Common triggers" for
    "what causes hives flares?") and the lead's names a kind that does not answer it ("What to
    do in a hives flare"): the qualifier the lead's heading shares ("flare") does not make it
    the answer."""
    asked = request.analysis.qtype
    if asked in (QuestionType.information, QuestionType.other):
        return False
    if heading_type(chosen[0].section.first.chunk.section) is not asked:
        return False
    lead_kind = heading_type(lead[0].section.first.chunk.section)
    return lead_kind is not asked and lead_kind not in _ALSO_ANSWERED_BY.get(asked, frozenset())


def with_qualifier(
    scored: Sequence[list[ScoredUnit]], chosen: list[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """When `chosen` says no distinguishing word, the article's section that says most ("nails"
    in the row of a table of types, for "which one affects the nails?" answered by the page's
    summary), scoring within `QUALIFIER_MARGIN` of it; else `chosen`."""
    if not is_untitled(chosen):
        # A titled section was chosen by its heading or its sentences; only the lede, which
        # answers nothing in particular, gives way to one saying the question's qualifier.
        return chosen
    article = same_article(scored, chosen)
    weights = distinguishing(article, request)
    if not weights:
        return chosen
    own = _said(chosen) & weights.keys()

    def weight(units: list[ScoredUnit]) -> float:
        return sum(weights[w] for w in _said(units) & weights.keys())

    floor = section_score(chosen) - QUALIFIER_MARGIN
    # Not to the untitled lede, which answers what the topic is or nothing else does
    # (`untitled_lede`), nor for a word of the page's title, which names its topic.
    title = content_words(chosen[0].section.first.chunk.title)
    weights = {w: v for w, v in weights.items() if w not in title}
    if own & weights.keys():
        # It says one of them already: a section saying one more ("treated" beside "tablets")
        # is often only wordier.
        return chosen
    own = frozenset()
    better = [
        units
        for units in article
        if units is not chosen
        and not is_untitled(units)
        and own < (_said(units) & weights.keys())
        and section_score(units) >= floor
    ]
    if not better:
        return chosen
    most = max(weight(units) for units in better)
    return max((u for u in better if weight(u) == most), key=section_score)
