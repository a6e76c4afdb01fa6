"""Whether a section's heading says again what the question asks.

Consumer health pages put the question a section answers in its heading ("Preventing carbon
monoxide poisoning", "Is it hay fever or a cold?", "What to do during an attack"). When the
question says every word of such a heading that is not the page's topic, that section is the
answer, even if a neighbouring section (Treatment, Symptoms, the intro) shares more words with the
question by naming the topic more often.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.understanding.question_types import QuestionType, question_type, without_kind_cue
from healthqa.text.words import STOPWORDS, content_words, stem, words


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
    said_in_question = content_words(question)
    said = by_type = 0
    for word in heading_words(heading, topic):
        if stem(word) in said_in_question:
            said += 1
        elif asked is not QuestionType.information and question_type(word) is asked:
            by_type += 1
        else:
            return None
    return Restatement(said, by_type) if said else None


def shares_an_ask_word(heading: str, question: str, topic: str) -> bool:
    """The heading names something the question asks beyond the topic ("Foods and drinks: what
    to limit" for "what foods should I avoid with gout"). The words that say the question's
    kind do not count: "Treatment from a doctor" does not answer "when should I see a doctor?"."""
    said_in_question = content_words(without_kind_cue(question))
    return any(stem(w) in said_in_question for w in heading_words(heading, topic))
