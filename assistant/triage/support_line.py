"""Where help is, under an answer whose quoted articles speak of suicide or self-harm.

Safe-messaging guidance for health content is to give the crisis line wherever suicide is
discussed: an answer about depression that lists "thoughts of death or suicide" among the
symptoms is read by some visitors who have them. It is not an escalation (the question was read
as none): one fixed line under the answer, from the deployment's own lines.
"""

from __future__ import annotations

import re

from assistant.triage.features import fold
from assistant.triage.notices import SafetyLines

# Words of suicide and self-harm as articles write them, English and Spanish (matched on folded
# text). Not the triage's chat cues: "on purpose", "slit" (a slit-lamp exam) and "sh" are article
# words too.
_SUICIDE_OR_SELF_HARM = re.compile(
    r"\b(?:suicid\w*|self[- ]?harm\w*|self[- ]?injur\w*|autolesi\w*"
    r"|kill(?:ing|s)?\s+(?:my|your|him|her|them|one)sel(?:f|ves)"
    r"|take\s+(?:my|your|his|her|their|one'?s)\s+own\s+life|thoughts\s+of\s+(?:death|dying)"
    r"|(?:wish|wishes|wishing|want|wants|wanting)\s+to\s+die|quitarse\s+la\s+vida)\b"
)


def speaks_of_suicide(text: str) -> bool:
    return bool(_SUICIDE_OR_SELF_HARM.search(fold(text)))


def support_text(lines: SafetyLines) -> str:
    return (
        "If you or someone you know is thinking about suicide or self-harm, "
        f"{lines.crisis_call}, chat at {lines.crisis_chat}, or {lines.crisis_text}. "
        f"In immediate danger, call {lines.emergency_number}."
    )
