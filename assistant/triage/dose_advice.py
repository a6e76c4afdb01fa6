"""What an answer leaves out after a personal dose request: amounts of a medicine, how often it
is taken, advice to start, stop or change one, and what to do about a missed dose.

"Should I stop taking my blood pressure medicine?" gets the dose notice ("ask your clinician or
pharmacist"), and quoting an article's "you should stop taking it" under it would answer for the
person all the same; so would "if you do not remember until the next day, skip the missed dose"
under "should I skip tonight's dose?". A sentence that warns against changing a medicine on one's
own ("do not stop taking it suddenly", "never take a double dose") or sends the reader to a
clinician is kept: it is the advice the notice gives too. The warning has to be said of the
change itself: the "do not" of "if you do not remember" warns against nothing.
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
# What to do when a dose was forgotten: "take it as soon as you remember", "skip the missed dose".
_MISSED = re.compile(
    r"\b(?:forget|forgets|forgot|forgotten|miss|misses|missed)\b(?:\s+\w+){0,3}?\s+(?:doses?"
    r"|tablets?|pills?|injections?|one)\b"
    r"|\bas\s+soon\s+as\s+you\s+remember\b|\b(?:do\s+not|don't|dont)\s+remember\b",
    re.IGNORECASE,
)
# How often a medicine is taken: "once a day", "twice daily", "three times a week", "every 8
# hours", "una vez al dia". For the person who asked how much to take, it is their dose.
_FREQUENCY = re.compile(
    r"\b(?:once|twice|thrice|(?:one|two|three|four|five|six|\d+)\s+times?)\s+(?:a|an|per|each"
    r"|every)\s+(?:day|days|night|week|month|hours?|morning|evening)\b"
    r"|\b(?:once|twice)\s+(?:daily|weekly|nightly)\b"
    r"|\bevery\s+(?:\d+|one|two|three|four|five|six|eight|twelve|other)(?:\s+to\s+\w+)?\s+"
    r"(?:hours?|days?|weeks?)\b"
    r"|\b(?:una|dos|tres|\d+)\s+(?:vez|veces)\s+(?:al|por|a\s+la|cada)\s+(?:d[ií]a|semana|noche)\b"
    r"|\bcada\s+\d+\s+horas\b",
    re.IGNORECASE,
)
_TAKE_OR_LEAVE = re.compile(
    r"\b(?:take|skip|leave\s+out|leave|double|wait|carry\s+on|continue|go\s+back)\b", re.IGNORECASE
)
# Said of the very verb that follows: "do not", "never", "should not" and at most three words
# between ("do not suddenly stop", "never take a double dose").
_NEGATED_BEFORE = re.compile(
    r"\b(?:do\s+not|don't|dont|never|should\s+not|shouldn't|must\s+not|mustn't|not\s+to|no\s+need"
    r"\s+to|avoid)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# The frequency is of taking a medicine, not of exercise or of a symptom.
_TAKEN = re.compile(
    r"\b(?:take|takes|taken|taking|took|use|uses|used|using|apply|applies|applied|applying"
    r"|inject\w*|dose|doses|dosage|tablets?|pills?|capsules?|puffs?|drops|medicines?"
    r"|medications?|toma|tomar|tomarse|toman|dosis|pastillas?|comprimidos?|aplica\w*)\b",
    re.IGNORECASE,
)
# A warning a frequency is said in: "never take it more than twice a day".
_WARNS_BEFORE = re.compile(
    r"\b(?:do\s+not|don't|dont|never|should\s+not|shouldn't|must\s+not|mustn't|avoid)\s+"
    r"(?:\w+\s+){0,5}$",
    re.IGNORECASE,
)
_REFERS = re.compile(
    r"\b(?:without\s+(?:talking|speaking|asking|checking)|doctor|pharmacist|clinician|nurse|gp"
    r"|physician|health\s*care\s+provider|prescriber|clinic)\b",
    re.IGNORECASE,
)


def withheld_after_dose_request(sentence: str) -> bool:
    """An amount of a medicine, how often it is taken, advice to change one, or what to do
    about a missed dose, unless the sentence warns against it ("never more than twice a day")
    or, for a change or a missed dose, sends the reader to a clinician."""
    if mentions_personal_dose(sentence):
        return True
    if _TAKEN.search(sentence) and any(
        not _WARNS_BEFORE.search(sentence[: m.start()]) for m in _FREQUENCY.finditer(sentence)
    ):
        return True  # how often it is taken, even "as your doctor prescribed"
    if _REFERS.search(sentence):
        return False
    advised = [m.start() for m in _CHANGE.finditer(sentence)]
    if _MISSED.search(sentence):
        advised += [m.start() for m in _TAKE_OR_LEAVE.finditer(sentence)]
    return any(not _NEGATED_BEFORE.search(sentence[:start]) for start in advised)
