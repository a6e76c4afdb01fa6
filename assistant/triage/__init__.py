"""Safety triage: does a message need the crisis line, the emergency number, or a reminder that
doses are for a clinician, before (or instead of) an answer from the articles?

    triage = load_triage(embedder).classify(message, earlier=user_turns_before)
    notice = notice_for(triage, SafetyLines())   # SafetyNotice | None

The classifier is a small trained head (`train.py`) over the message's embedding, character and
word n-grams and cue phrases, mixed with a fine-tuned copy of the embedding model's last two
layers (`reader.py`) when the model has one; `data/` holds the labelled messages they are trained
and measured on.
"""

from assistant.triage.classifier import Triage, TriageClassifier, load_triage
from assistant.triage.examples import LABELS, TriageLabel
from assistant.triage.notices import SafetyLines, notice_for

__all__ = [
    "LABELS",
    "SafetyLines",
    "Triage",
    "TriageClassifier",
    "TriageLabel",
    "load_triage",
    "notice_for",
]
