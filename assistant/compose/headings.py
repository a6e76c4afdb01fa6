"""Whether a section's heading says again what the question asks.

Consumer health pages put the question a section answers in its heading ("Preventing carbon
monoxide poisoning", "Is it hay fever or a cold?", "What to do during an attack"). When the
question says every word of such a heading that is not the page's topic, that section is the
answer, even if a neighbouring section (Treatment, Symptoms, the intro) shares more words with the
question by naming the topic more often.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose.durations import ASKS_HOW_LONG
from assistant.understanding.question_types import (
    QuestionType,
    heading_type,
    question_type,
    without_kind_cue,
)
from healthqa.text.words import STOPWORDS, content_words, stem, words

# "while taking omeprazole", "when using an inhaler": a clause that sets the circumstances of the
# ask, not the ask ("can I drink alcohol while taking omeprazole?" asks about alcohol, and "How
# to take them" is not its section).
_CIRCUMSTANCE = re.compile(r"\b(?:while|whilst|when|during)\s+\w+ing\b[^,;?.]*", re.IGNORECASE)


def without_circumstance(question: str) -> str:
    """The question without a clause that only says when its ask applies."""
    return _CIRCUMSTANCE.sub(" ", question)


@dataclass(frozen=True)
class Restatement:
    said: int  # heading words the question says itself (by stem)
    by_type: int  # heading words that name the question's kind ("Preventing" for "how to stop")


def heading_words(heading: str, topic: str) -> list[str]:
    """The heading's content words that are not the topic's: what the section is about."""
    of_topic = content_words(topic)
    return [
        w
        for w in words(heading.lower())
        if len(w) > 1 and w not in STOPWORDS and stem(w) not in of_topic
    ]


def restatement(heading: str, question: str, asked: QuestionType, topic: str) -> Restatement | None:
    """How the question says the heading again: every heading word beyond the topic is said by
    the question, or names the question's kind (not "information"), and at least one is said
    in the question's own words. None when the heading asks something else."""
    said_in_question = content_words(without_circumstance(question))
    said = by_type = 0
    for word in heading_words(heading, topic):
        if stem(word) in said_in_question:
            said += 1
        elif asked is not QuestionType.information and question_type(word) is asked:
            by_type += 1
        else:
            return None
    return Restatement(said, by_type) if said else None


def ask_words(question: str, topic: str) -> frozenset[str]:
    """The stems of what the question asks beyond its topic, "how long" and its circumstances:
    {forget, dose} for "what if I forget a dose of omeprazole?"."""
    asked = without_circumstance(ASKS_HOW_LONG.sub(" ", question))
    return content_words(asked) - content_words(topic)


# How a section's name says the heading above it: "Treatment — Emollients", or the child first
# with the group after it in brackets, "Emollients (moisturisers) (Treatment)" (ingest names a
# subsection of a heading with no text of its own so).
PARENT_SEPARATOR = " — "
_GROUP_AFTER = re.compile(r"\(([^()]+)\)\s*$")


def parent_heading(heading: str) -> str:
    """The heading above the section's own ("Treatment" for "Treatment — Emollients" and for
    "Emollients (Treatment)"); empty when the name says none. A bracket that only explains the
    heading ("Emollients (moisturisers)") reads as a group of one, which no sibling shares."""
    parent, separator, _ = heading.rpartition(PARENT_SEPARATOR)
    if separator:
        return parent.strip()
    group = _GROUP_AFTER.search(heading)
    return group.group(1).strip() if group else ""


def under_kind(heading: str, kind: QuestionType) -> bool:
    """The section answers `kind` by its own heading or by the one above it: "Preventing
    further attacks (Treatment for gout)" is part of the treatment."""
    parent = parent_heading(heading)
    return heading_type(heading) is kind or (bool(parent) and heading_type(parent) is kind)


def asks_only_its_kind(question: str, asked: QuestionType, topic: str) -> bool:
    """The question asks its kind about the topic and nothing narrower ("how is eczema
    treated?", "how to prevent gout"): every section of that kind is part of the answer."""
    if asked is QuestionType.information:
        return False
    return not content_words(without_kind_cue(question)) - content_words(topic)


def shares_an_ask_word(heading: str, question: str, topic: str) -> bool:
    """The heading names something the question asks beyond the topic ("Foods and drinks: what
    to limit" for "what foods should I avoid with gout"). The words that say the question's
    kind do not count: "Treatment from a doctor" does not answer "when should I see a doctor?"."""
    said_in_question = content_words(without_kind_cue(without_circumstance(question)))
    return any(stem(w) in said_in_question for w in heading_words(heading, topic))


# The question words that ask for one kind of answer whatever the topic: a time or condition,
# a place, a person, a reason. ("What" and "how" open questions of every kind.)
_NARROW_WH = re.compile(r"^\W*(when|where|who|why)\b", re.IGNORECASE)


def opens_as_question_does(heading: str, question: str) -> bool:
    """The heading opens with the question word the question opens with ("When to get medical
    help" for "When does a burn need hospital treatment?"): it answers that kind of ask, even
    when the question's other words ("treatment") name another section's kind."""
    asked = _NARROW_WH.match(question)
    said = _NARROW_WH.match(heading)
    return bool(asked and said and asked.group(1).lower() == said.group(1).lower())
