"""A second crisis reading that has learned what everyday plans sound like.

"I've decided to stop smoking on my birthday" and "I want to lose 10 pounds before my wedding"
have the shape of a plan to die ("I've decided this birthday is my last"), and the head, which has
seen many crises told as plans and few harmless plans, reads them as crises (a third of the
harmless plans in `data/held-out/everyday-plans.jsonl`). Trained with harmless plans, the head
would fix them but lower its crisis threshold, and emergencies and dose requests read as crises
with it (bench/QUALITY.md, eighteenth session). So a second crisis head, trained like the first
plus the plans in `data/everyday-plans/`, reads every message the head calls a crisis, and a crisis
stands only when both agree: the check's cut is set, like the head's threshold, to keep 99% of the
train split's crises out of fold.

Saved beside the model as `plan_check.npz` (one column of weights) and `plan_check.json` (its cut,
what it was trained on); built by `python -m assistant.triage.train_plan_check`. Without the files
the classifier reads as before.
"""

from __future__ import annotations

from pathlib import Path

from assistant.triage.check import Check, files_digest, load_check, save_check
from assistant.triage.examples import EVERYDAY_PLANS_DIR

NAME = "plan_check"
SETTINGS_FILE = f"{NAME}.json"

PlanCheck = Check  # one column: crisis against everything else, plans included


def plans_digest() -> str:
    return files_digest(EVERYDAY_PLANS_DIR)


def load_plan_check(directory: Path) -> PlanCheck | None:
    return load_check(directory, NAME)


def save_plan_check(check: PlanCheck, directory: Path) -> None:
    save_check(check, directory, NAME, {"plans_sha256": plans_digest()})
