"""Words of the emergency services: a sentence telling to call them ("Call 911 right away!",
"If you think someone is having a stroke, dial 999."), a message asking about them ("when should
I call an ambulance?", "¿voy a urgencias?").

The composer quotes such a sentence closing a quoted paragraph even over the answer's word budget
(an answer about a stroke's signs that stops before "Call 911 right away!" leaves out the one
action that matters), and scores it higher for a question asking when to call (compose/
extractive.py, compose/scoring.py). The triage keeps the call alone for a message that asks for
the emergency services itself (triage/unsure_emergency.py).
"""

from __future__ import annotations

import re

_CALL = re.compile(
    r"\b(?:call|calling|dial|dialling|dialing|phone|ring|get)\s+(?:for\s+)?"
    r"(?:911|999|112|000|111|an\s+ambulance|emergency\s+services|emergency\s+help"
    r"|(?:your\s+)?(?:local\s+)?emergency\s+(?:number|services))\b",
    re.IGNORECASE,
)


def tells_to_call_for_help(sentence: str) -> bool:
    return bool(_CALL.search(sentence))


# A message about the emergency services themselves: when to call them, whether to go to the ER.
_ASKS_ABOUT_THE_CALL = re.compile(
    r"\b(?:911|999|112|000|ambulance|paramedics?|emergency\s+(?:room|services|department|number)"
    r"|a\s*&\s*e|er|urgencias|ambulancia)\b",
    re.IGNORECASE,
)


def asks_about_the_call(question: str) -> bool:
    return bool(_ASKS_ABOUT_THE_CALL.search(question))
