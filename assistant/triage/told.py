"""What a message tells before the question it ends with: "my toddler is turning blue. what
should I do?" tells "my toddler is turning blue".

The triage model learnt from emergencies told mostly as statements and harmless messages asked
mostly as questions, so a question after the telling pulls an emergency's score down ("my
toddler is turning blue" 0.97, with "what should I do?" after it 0.29). The classifier also reads
the telling alone and lets it speak for an emergency when the model is sure of it (classifier.py,
TOLD_EMERGENCY_CUT). Only the emergency: a crisis told before a question reads as the crisis
look-alikes do ("I keep reading about suicide. what are the signs?"), and on the train split the
telling's crisis reading escalated 7-38 of 653 harmless messages at any usable cut.
"""

from __future__ import annotations

import re

# Where a message's sentences part: after . ! ?, at a line break, or at a comma or dash before
# a question word ("she can't breathe, what do I do").
_PARTS = re.compile(
    r"(?<=[.!?])\s+|\s*\n\s*|\s*(?:,|;|\s-+|\s–)\s+(?=(?:what|how|is|are|should|do|does|can|could|"
    r"will|would|any|please|help|qu[eé]|c[oó]mo|debo|tengo|es|hay|¿)\b)",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|^\s*¿|^\s*(?:what|why|how|when|where|which|who|is|are|am|can|could|does|do|did|will|"
    r"would|should|shall|may|might|has|have|any|please|help|advice|qu[eé]|c[oó]mo|cu[aá]ndo|"
    r"d[oó]nde|debo|tengo|es|hay|necesito|puedo|ayuda)\b",
    re.IGNORECASE,
)
MIN_TOLD_WORDS = 3


def told_before_question(message: str) -> str | None:
    """The telling before a closing question, or None: when the message does not end with a
    question, when nothing of at least MIN_TOLD_WORDS words is told before it, or when the
    telling asks something itself (then the whole message is a question and is read as one)."""
    parts = [p.strip() for p in _PARTS.split(message.strip()) if p and p.strip()]
    if len(parts) < 2 or not _ASKS.search(parts[-1]):
        return None
    told = " ".join(parts[:-1])
    if "?" in told or "¿" in told or len(told.split()) < MIN_TOLD_WORDS:
        return None
    return told
