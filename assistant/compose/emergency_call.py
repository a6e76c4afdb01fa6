"""A sentence of an article telling the reader to call the emergency number: "Call 911 right
away!", "If you think someone is having a stroke, dial 999."

Such a sentence closing a quoted paragraph is quoted with it even over the answer's word budget
(extractive.py): an answer about a stroke's signs that stops before "Call 911 right away!" leaves
out the one action that matters. And a question asking when to call an ambulance is answered by
the unit that says to call one (scoring.py): "When should I call an ambulance for croup?" had the
steroid sentences quoted from a passage whose table row says "blue lips: Call 999".
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


# A question about the emergency services themselves: when to call them, whether to go to the ER.
_ASKS_ABOUT_THE_CALL = re.compile(
    r"\b(?:911|999|112|000|ambulance|paramedics?|emergency\s+(?:room|services|department|number)"
    r"|a\s*&\s*e|er)\b",
    re.IGNORECASE,
)


def asks_about_the_call(question: str) -> bool:
    return bool(_ASKS_ABOUT_THE_CALL.search(question))
