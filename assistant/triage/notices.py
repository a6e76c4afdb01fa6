"""The fixed texts a triage result puts in front of the user, built from one place's phone lines.

A crisis gets a short warm line and every way to reach the crisis line; an emergency gets the
emergency number first, Poison Help as the one thing to do while waiting when something was
swallowed, and nothing else that could delay the call. When the articles' answer may follow
(`Triage.answer_beside`: a practical question, or an emergency reading the model is unsure of),
the lines are said for the case that it is one.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer import SafetyNotice
from assistant.triage.classifier import Triage
from assistant.triage.screen import DIAGNOSIS_TEXT, DOSING_TEXT

# Beside the answer to a message about an animal in trouble (animal_patient.py): the articles are
# about people, and the emergency number is not for animals.
ANIMAL_TEXT = (
    "These articles are about people's health. If an animal is sick or hurt, call a "
    "veterinarian or an emergency animal hospital now."
)


@dataclass(frozen=True)
class SafetyLines:
    """Where help is, in the United States unless a deployment says otherwise."""

    emergency_number: str = "911"
    crisis_line: str = "988"
    crisis_call: str = "call or text 988 (Suicide & Crisis Lifeline)"
    crisis_chat: str = "988lifeline.org"
    crisis_text: str = "text HOME to 741741"
    poison_help: str = "1-800-222-1222"


def crisis_text(lines: SafetyLines) -> str:
    return (
        "I'm really sorry you're going through this, and you don't have to face it alone. "
        f"Please {lines.crisis_call} now, chat at {lines.crisis_chat}, or {lines.crisis_text}. "
        f"If you or someone else is in immediate danger, call {lines.emergency_number}."
    )


def emergency_text(lines: SafetyLines, *, poisoning: bool) -> str:
    text = f"Call {lines.emergency_number} (or your local emergency number) now."
    if poisoning:
        text += f" While you wait, call Poison Help: {lines.poison_help}."
    return text


def crisis_if_text(lines: SafetyLines) -> str:
    """The crisis lines above an answer to a practical question read as a crisis: said for the
    case that it is one, since the question itself named no danger."""
    return (
        "If you are having thoughts of suicide or self-harm, or are worried about someone who "
        f"is, you don't have to face it alone: {lines.crisis_call} now, chat at "
        f"{lines.crisis_chat}, or {lines.crisis_text}. If someone is in immediate danger, call "
        f"{lines.emergency_number}."
    )


def emergency_if_text(lines: SafetyLines) -> str:
    """The call above an answer to a message the model is unsure is an emergency."""
    return (
        "If this is severe, came on suddenly or is getting worse, call "
        f"{lines.emergency_number} (or your local emergency number) now."
    )


def overdose_text(lines: SafetyLines) -> str:
    return (
        f"{emergency_text(lines, poisoning=True)} "
        "If this was done to cause harm, you don't have to face it alone: "
        f"{lines.crisis_call}, chat at {lines.crisis_chat}, or {lines.crisis_text}."
    )


def crisis_now_text(lines: SafetyLines) -> str:
    return (
        f"{emergency_text(lines, poisoning=False)} "
        "If this is about suicide or self-harm, you don't have to face it alone: "
        f"{lines.crisis_call}, chat at {lines.crisis_chat}, or {lines.crisis_text}."
    )


def _crisis_notice(triage: Triage, lines: SafetyLines) -> SafetyNotice:
    if triage.poisoning:
        return SafetyNotice("emergency", overdose_text(lines))
    if triage.emergency_too:
        return SafetyNotice("emergency", crisis_now_text(lines))
    if triage.answer_beside:
        return SafetyNotice("crisis", crisis_if_text(lines))
    return SafetyNotice("crisis", crisis_text(lines))


def _emergency_notice(triage: Triage, lines: SafetyLines) -> SafetyNotice:
    if triage.crisis_too:
        urgent = overdose_text(lines) if triage.poisoning else crisis_now_text(lines)
        return SafetyNotice("emergency", urgent)
    if triage.answer_beside:
        text = emergency_if_text(lines)
        if triage.diagnosis:  # "do I have X?": the answer beside it says what X is, not that
            text += f" {DIAGNOSIS_TEXT}"
        return SafetyNotice("emergency", text)
    return SafetyNotice("emergency", emergency_text(lines, poisoning=triage.poisoning))


def notice_for(triage: Triage, lines: SafetyLines = SafetyLines()) -> SafetyNotice | None:
    """The notice for a triage result; a diagnosis request that needs nothing more gets the
    diagnosis reminder, which answers beside the articles rather than instead of them.

    A crisis in which something has already been swallowed is a poisoning in progress first:
    the emergency call and Poison Help lead, and every crisis line follows. A crisis that also
    reads as an emergency happening now (bleeding that will not stop, someone who cannot be
    woken) gets the emergency call first in the same way: whoever it is needs help on the way.
    An emergency whose message names suicide or self-harm gets the same notice."""
    if triage.label == "crisis":
        return _crisis_notice(triage, lines)
    if triage.label == "emergency":
        return _emergency_notice(triage, lines)
    if triage.label == "personal_dose":
        return SafetyNotice("dosing", DOSING_TEXT)
    if triage.animal:
        return SafetyNotice("animal", ANIMAL_TEXT)
    if triage.diagnosis:
        return SafetyNotice("diagnosis", DIAGNOSIS_TEXT)
    return None
