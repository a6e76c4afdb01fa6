"""How long an illness lasts, and how long a rule holds.

"How long does X last?" asks the length of X itself. A page states that length in a sentence
about the illness ("Most people get better within 1 to 3 days"); the lengths in the sentences
that tell the reader what to do ("Stay home until at least 48 hours after your last episode",
"You should rest for 2 weeks") are how long a rule holds, and answer "how long should I stay
off work?", not how long the illness lasts. Nor is a time counted from an event ("can stay in
your stool for 2 weeks or more after you feel better", "start 12 to 48 hours after being
exposed", "contagious from 1 to 2 days before the rash appears"): it is how long something goes
on after the illness, or before it begins. Nor is how long someone is contagious.
"""

from __future__ import annotations

import re

from assistant.compose.durations import states_a_duration

# A sentence telling the reader what to do: it opens with a verb addressed to them ("Stay
# home ...", "Do not ...", "Keep ...") or says what someone should or must do.
_OPENS_WITH_AN_ORDER = re.compile(
    r"^\W*(?:please\s+)?(?:do\s+not|don't|never|always|avoid|stay|keep|wait|rest|take|use|give"
    r"|drink|eat|go|return|come|stop|try|make|let|leave|apply|wear|wash|see|call|contact|ask"
    r"|get|tell|check|remember)\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(
    r"\b(?:should|must|ought\s+to|need\s+to|needs\s+to|have\s+to|has\s+to)\b", re.IGNORECASE
)
# The unit of a length of time counted from an event: "2 weeks or more after you feel better".
_COUNTED_FROM_AN_EVENT = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?)"
    r"(?:\s+or\s+(?:more|longer|less))?\s+(?:after|before|since)\b",
    re.IGNORECASE,
)


# A length of time someone can pass the illness on ("can be contagious for as long as the eye
# is red, often up to 2 weeks", "infectious for about a week"): how long it spreads, which ends
# before or after the illness does, not how long it lasts.
_PASSED_ON = re.compile(
    r"\b(?:contagious|infectious|catching|pass(?:es|ed|ing)?\s+(?:it|the\s+\w+)\s+on)\b",
    re.IGNORECASE,
)


def tells_what_to_do(sentence: str) -> bool:
    """The sentence tells someone what to do: an order, or what they should or must do."""
    return bool(_OPENS_WITH_AN_ORDER.search(sentence) or _OBLIGATION.search(sentence))


def states_how_long_it_lasts(sentence: str) -> bool:
    """The sentence states a length of time as a fact about the illness, not as how long a rule
    the reader is told to keep holds."""
    if tells_what_to_do(sentence) or _PASSED_ON.search(sentence):
        return False
    return states_a_duration(_COUNTED_FROM_AN_EVENT.sub(" after", sentence))
