"""The sentence telling to call the emergency number leads an answer asking when it is one.

"When is it an emergency?" is often answered by a "When to see a doctor" section that lists the
routine reasons first and ends with "Call 911 or go to the emergency room if: ...". Laid out in
the article's order, the answer to what was asked comes last, after five reasons to book an
appointment; the question speaks of urgency (`urgency.asks_urgently`), so the sentence that
does leads, and the rest follows in the article's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.scored import ScoredUnit
from assistant.compose.urgency import asks_urgently
from healthqa.text.emergency_call import tells_to_call_for_help


def calling_first(chosen: Sequence[ScoredUnit], question: str) -> list[ScoredUnit]:
    """The first section's prose unit telling to call the emergency number, when the question
    asks about an emergency and the unit is not first in the article's order already; []
    otherwise."""
    if not chosen or not asks_urgently(question):
        return []
    key = chosen[0].section.key
    own = sorted((c for c in chosen if c.section.key == key), key=lambda c: c.unit.sentences)
    section = own[0].section
    calling = next(
        (
            c
            for c in own
            if not c.unit.is_list
            and any(tells_to_call_for_help(section.sentence(k)) for k in c.unit.sentences)
        ),
        None,
    )
    return [] if calling is None or calling is own[0] else [calling]
