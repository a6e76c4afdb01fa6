"""Questions that ask how long, and sentences that say how long.

"How long does a migraine attack last?" is answered by "The headache usually lasts 4 to 72
hours", not by the treatment paragraph that shares more of its words. Like a factoid question's
expected answer type, a question asking for a length of time makes a sentence that states one
a better candidate; the composer gives such a unit a small bonus (scoring.py) when it also
names what the question asks the length of: "Leave the cream on for 8 to 24 hours" holds a
duration, but not the itching's.
A rate ("more than 10 to 15 days a month", "twice a day") is how often, not how long, and a
condition ("if it is not better within 24 hours, see a doctor") says when to act.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from healthqa.text.words import content_words

# "How soon will the symptoms start?", "how quickly does it work?" ask the length of time
# until something happens: a sentence stating it ("usually start 12 to 48 hours after")
# answers as it answers "how long".
ASKS_HOW_LONG = re.compile(
    r"\bhow\s+long\b|\bhow\s+(?:soon|quickly)\b"
    r"|\bhow\s+many\s+(?:more\s+)?(?:minutes|hours|days|weeks|months|years)\b"
    r"|\bcu[aá]nto\s+(?:tiempo|dura)\b",
    re.IGNORECASE,
)
_AMOUNT = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:to|-|–|or|and)\s*\d+(?:[.,]\d+)?)?"
    r"|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+few|several|many)"
)
_UNIT = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)"
_DURATION = re.compile(rf"\b{_AMOUNT}\s+{_UNIT}\b(?!\s+(?:a|an|per|each|every)\b)", re.IGNORECASE)
# "a week" is a length of time after "for", "within" or "lasts"; elsewhere it is mostly the "a"
# of a rate ("10 to 15 days a month", "2 litres a day").
_SPAN_BEFORE = re.compile(
    r"\b(?:for|within|about|around|over|after|in|than|least|up\s+to|takes?|took|lasts?|lasting)"
    r"\s*$",
    re.IGNORECASE,
)

# "3 years old", "between 6 months and 3 years old", "children under 5 years of age": an age,
# not a length of time.
_AGE_AFTER = re.compile(
    rf"^(?:\s*(?:and|to|or|-|–)\s*{_AMOUNT}\s+{_UNIT})?[\s-]*(?:old|of\s+age)\b", re.IGNORECASE
)

_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)

# The words a how-long question uses to ask for a length of time, whatever it is about: "how
# long does an attack usually last", "how long will it take", "how long do they normally
# stay". Every sentence stating a duration says them; what the question asks about is the rest.
_SPAN_WORDS = re.compile(
    r"\b(?:last\w*|take\w*|took|usual\w*|normal\w*|typical\w*|general\w*|average\w*"
    r"|stay\w*|go|goes|going|remain\w*|persist\w*|continu\w*|keep\w*|long|time|soon|quickly)\b",
    re.IGNORECASE,
)


def without_span_words(question: str) -> str:
    """The how-long question without the words that ask for a length of time: what remains
    names the thing whose duration is asked ("attack" in "how long does an attack last?")."""
    return _SPAN_WORDS.sub(" ", question)


def asks_how_long(question: str) -> bool:
    return bool(ASKS_HOW_LONG.search(question))


def states_a_duration(sentence: str) -> bool:
    for found in _DURATION.finditer(sentence):
        amount = found.group().split()[0].lower()
        before = sentence[: found.start()]
        if amount in ("a", "an") and not _SPAN_BEFORE.search(before):
            continue
        if _CONDITION.search(before):
            continue  # "If it is not better within 24 hours, see a doctor": when to act
        if _AGE_AFTER.match(sentence[found.end() :]):
            continue
        return True
    return False


def duration_subject(question: str, title: str, sentences: Sequence[str]) -> frozenset[str]:
    """What a how-long question asks the length of, beyond its page's topic: "itch" in "how
    long does the itching last after scabies treatment?" on the scabies page. Empty when no
    length of time among `sentences` (a section's) is said of it ("feel normal again" for
    "Most symptoms clear up within 2 to 3 weeks"): there every one may answer."""
    subject = content_words(without_span_words(question)) - content_words(title)
    return subject if any(states_a_duration_of(s, subject) for s in sentences) else frozenset()


def states_a_duration_of(sentence: str, subject: frozenset[str], context: str = "") -> bool:
    """The sentence states a length of time and it, or its `context` (the sentences it is
    quoted with), names what the question asks the length of (any of `subject`): "Leave the
    cream on for 8 to 24 hours" does not say how long the itching lasts. An empty `subject`
    (only the topic asked) asks nothing more."""
    said = content_words(f"{sentence} {context}")
    return states_a_duration(sentence) and (not subject or bool(subject & said))
