"""A second reading of a crisis: is it self-harm, or an accident or a sudden illness told with
the same words?

"sliced the tip of my finger off with the mandoline", "he fell. not waking up" and "passing lots
of blood and I nearly passed out" share their words with self-harm (cut, blood, fell, not waking
up), and the head reads some as crises. Trained with such emergencies the head lowers its crisis
scores for real self-harm, and its crisis threshold falls with them (bench/QUALITY.md, third
session of 2026-12-04). So a check of its own, crises against emergencies only, learns the
difference from the head's data plus `data/accidents/`, and reads every message the head calls a
crisis that names no danger (no suicide, self-harm act, wish to die or lethality: danger.py). When
it reads an emergency the label becomes an emergency: the call to 911 leads either way, and a
crisis that names its danger is never read by it. Its cut keeps 99% of the quiet crises of the
train split and of `data/accidents/` out of fold.

Saved beside the model as `accident_check.npz` and `accident_check.json`; built by
`python -m assistant.triage.train_accident_check`. Without the files the classifier reads as
before.
"""

from __future__ import annotations

from pathlib import Path

from assistant.triage.check import Check, files_digest, load_check, save_check
from assistant.triage.examples import ACCIDENTS_DIR

NAME = "accident_check"
SETTINGS_FILE = f"{NAME}.json"

AccidentCheck = Check  # one column: crisis against emergency


def accidents_digest() -> str:
    return files_digest(ACCIDENTS_DIR)


def load_accident_check(directory: Path) -> AccidentCheck | None:
    return load_check(directory, NAME)


def save_accident_check(check: AccidentCheck, directory: Path) -> None:
    save_check(check, directory, NAME, {"accidents_sha256": accidents_digest()})
