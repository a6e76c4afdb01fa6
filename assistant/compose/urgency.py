"""Whether a question about getting care asks about an emergency, and which heading says one.

Consumer pages often split getting care in two: "When to see a doctor" ("See a GP if ...") and
"When to get emergency help" ("Call 911 or go to the emergency department if ..."). Both
headings ask the same kind of question (`QuestionType.seek_care`), and both open with "When",
so neither the heading's kind nor its first word tells them apart: whether the question and the
heading speak of urgency does. "when should I go to the ER?" is answered by the emergency
section, "when should I see a GP?" by the other.
"""

from __future__ import annotations

import re

# What a question says when it asks about an emergency rather than a routine visit.
_URGENT_ASK = re.compile(
    r"\b(emergenc(?:y|ies)|urgent(?:ly)?|er|a ?& ?e|casualty|ambulance|999|911|112|000"
    r"|hospital|immediate(?:ly)?|right away|straight away|life[- ]threatening)\b",
    re.IGNORECASE,
)
# What a heading says when it is for an emergency: "When to get emergency help", "Call 999 or
# go to A&E", "Urgent advice", "Get help immediately".
_URGENT_HEADING = re.compile(
    r"\b(emergenc(?:y|ies)|urgent(?:ly)?|a ?& ?e|ambulance|999|911|112|000|immediate(?:ly)?"
    r"|right away|straight away)\b",
    re.IGNORECASE,
)
# What a question says when it asks about a routine visit: a doctor, GP or pharmacist.
_ROUTINE_ASK = re.compile(
    r"\b(doctor|gp|physician|pharmacist|nurse|optometrist|optician|dentist|provider)\b",
    re.IGNORECASE,
)


def asks_urgently(question: str) -> bool:
    """The question asks about an emergency ("when should I go to the ER?")."""
    return bool(_URGENT_ASK.search(question))


def asks_routinely(question: str) -> bool:
    """The question asks about a routine visit ("when should I see a GP?") and no emergency."""
    return bool(_ROUTINE_ASK.search(question)) and not asks_urgently(question)


def urgent_heading(heading: str) -> bool:
    """The heading is for an emergency ("When to get emergency help", "Call 999 if")."""
    return bool(_URGENT_HEADING.search(heading))
