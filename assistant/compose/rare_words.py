"""The sentence that says the question's rare words leads its section's paragraph.

"What sets off a gout attack?" is answered by "Attacks can be set off by alcohol, dehydration
and some medicines.", the fourth sentence of a section on causes that opens with what uric
acid is. The question's page topic ("gout") and the words its section's heading says are said
of every sentence there; the words left ("set", "attack") are the question's own, and a
sentence that alone says most of them answers it, wherever the article put it. Its vector may
still score below the section's opening, whose words are the topic's.

A question asking what not to do ("what should I not do after a burn?", "what to avoid") is
answered by the instruction that forbids ("Do not put ice on a burn."): the negation counts as
one of the words the question asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose.base import CompositionRequest
from assistant.compose.durations import asks_how_long, without_span_words
from assistant.compose.scored import BULLET, ScoredUnit
from healthqa.text.words import content_words

# "What should I NOT do", "what to avoid", "things you shouldn't do": a question asking what
# is forbidden.
_ASKS_WHAT_NOT = re.compile(
    r"\b(?:not|n't|never|avoid|avoided)\b.*\b(?:do|doing|use|take|eat|put|try)\b"
    r"|\b(?:avoid|avoided)\b|\bwhat\s+not\b",
    re.IGNORECASE,
)
# "Do not twist ...", "Don't scratch", "Never use ...", "Avoid scratching": an instruction that
# forbids.
_FORBIDS = re.compile(r"^\s*(?:do\s+not|don't|never|avoid|you\s+should\s+not)\b", re.IGNORECASE)
# The stand-in for "the question asks what not to do" among its words.
_NOT = "\0not"
# Verbs any question may ask with, whatever it asks about ("why does it happen?", "what does
# it look like?", "will it go away?", "when is it considered chronic?", "is that ok?"): said
# by a sentence, they do not make it the answer.
_LIGHT_WORDS = content_words(
    "happen get go come make do work need use help take give keep feel start stop mean seem"
    " look like know tell want try consider count class ok okay"
)
# A sentence opening on what came before it ("During this time ...", "The patches ...")
# cannot lead: what it points at would come after it.
_POINTS_BACK = re.compile(
    r"^\s*(?:\w+\s+)?(?:this|these|that|those|it|its|they|their|them|such)\b", re.IGNORECASE
)
# The sentence must say more than this share of the question's own words: half is a sentence
# on the question's neighbour ("a mild allergic reaction" for "signs of a severe allergic
# reaction").
MIN_SHARE = 0.5


def asks_what_not_to_do(question: str) -> bool:
    return bool(_ASKS_WHAT_NOT.search(question))


def forbids(sentence: str) -> bool:
    """The sentence (or list item) is an instruction not to do something."""
    return bool(_FORBIDS.match(BULLET.sub("", sentence)))


def own_words(request: CompositionRequest, scored: ScoredUnit) -> frozenset[str]:
    """The question's words beyond its page's title and its section's heading: what it asks
    about within the section (with `_NOT` when it asks what not to do)."""
    chunk = scored.section.first.chunk
    question = request.analysis.question or request.question
    # "How long does the itch last?" asks about the itch: "last" is said of any length of time.
    asked = without_span_words(question) if asks_how_long(question) else question
    words = (
        content_words(asked)
        - content_words(chunk.title)
        - content_words(chunk.section)
        - _LIGHT_WORDS
    )
    return words | ({_NOT} if asks_what_not_to_do(question) else frozenset())


def said_by(sentences: Sequence[str], asked: frozenset[str]) -> int:
    """How many of the question's own words `sentences` say."""
    said = len(asked & content_words(" ".join(sentences)))
    return said + (_NOT in asked and any(forbids(s) for s in sentences))


def standing_out(counts: Sequence[int], asked: frozenset[str]) -> int | None:
    """The index of the one count that says the most, and more than `MIN_SHARE`, of the
    question's own words; None when none or several do."""
    best = max(counts, default=0)
    if not asked or best <= MIN_SHARE * len(asked) or list(counts).count(best) > 1:
        return None
    return list(counts).index(best)


def saying_rare_words(
    chosen: Sequence[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """The first section's one prose unit that says most of the question's own words, and
    more of them than any other unit of the section, when it is not already first in article
    order: [] when no one unit stands out so."""
    if not chosen:
        return []
    key = chosen[0].section.key
    own = sorted((c for c in chosen if c.section.key == key), key=lambda c: c.unit.sentences)
    asked = own_words(request, own[0])
    if not asked:
        return []
    section = own[0].section
    counts = [said_by([section.sentence(k) for k in c.unit.sentences], asked) for c in own]
    at = standing_out(counts, asked)
    if not at or own[at].unit.is_list:
        return []  # (at 0 it is first already)
    if _POINTS_BACK.match(BULLET.sub("", section.sentence(own[at].unit.sentences[0]))):
        return []
    # With the prose it runs on into ("Do not stay in bed. Staying active helps you recover.").
    lead = [own[at]]
    for unit in own[at + 1 :]:
        if unit.unit.is_list or unit.unit.sentences[0] != lead[-1].unit.sentences[-1] + 1:
            break
        lead.append(unit)
    return lead
