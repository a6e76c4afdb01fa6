"""What an answer leaves out after a personal dose request: amounts of a medicine, and advice to
start, stop or change one.

"Should I stop taking my blood pressure medicine?" gets the dose notice ("ask your clinician or
pharmacist"), and quoting an article's "you should stop taking it" under it would answer for the
person all the same. A sentence that warns against changing a medicine on one's own ("do not
stop taking it suddenly") or sends the reader to a clinician is kept: it is the advice the notice
gives too.
"""

from __future__ import annotations

import re

from assistant.triage.screen import mentions_personal_dose

_CHANGE = re.compile(
    r"\b(?:stop|stops|stopped|stopping|start|starts|starting|quit|quitting|skip|skipping|double"
    r"|doubling|halve|halving|increase|increasing|decrease|decreasing|reduce|reducing|lower"
    r"|lowering|raise|raising|taper|tapering|come\s+off|coming\s+off|switch|switching)\b"
    r"(?:\s+\w+){0,4}?\s+(?:taking|using|medicines?|medications?|meds|drugs?|pills?|tablets?"
    r"|doses?|dosage|treatment|prescription|it|them)\b",
    re.IGNORECASE,
)
_WARNS_OR_REFERS = re.compile(
    r"\b(?:do\s+not|don't|never|should\s+not|shouldn't|must\s+not|without\s+(?:talking|speaking"
    r"|asking|checking)|doctor|pharmacist|clinician|nurse|gp|physician|health\s*care\s+provider"
    r"|prescriber)\b",
    re.IGNORECASE,
)


def withheld_after_dose_request(sentence: str) -> bool:
    """An amount of a medicine, or advice to change one that neither warns against doing so nor
    sends the reader to a clinician."""
    if mentions_personal_dose(sentence):
        return True
    return bool(_CHANGE.search(sentence)) and not _WARNS_OR_REFERS.search(sentence)
