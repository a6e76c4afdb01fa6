"""A second crisis reading that has learned what everyday plans sound like.

"I've decided to stop smoking on my birthday" and "I want to lose 10 pounds before my wedding"
have the shape of a plan to die ("I've decided this birthday is my last"), and the head, which has
seen many crises told as plans and few harmless plans, reads them as crises (a third of the
harmless plans in `data/held-out/everyday-plans.jsonl`). Trained with harmless plans, the head
would fix them but lower its crisis threshold, and emergencies and dose requests read as crises
with it (bench/QUALITY.md, eighteenth session). So a second crisis head, trained like the first
plus the plans in `data/everyday-plans/`, reads every message the head calls a crisis, and a crisis
stands only when both agree: the check's cut is set, like the head's threshold, to keep 98% of the
train split's crises out of fold.

Saved beside the model as `plan_check.npz` (one column of weights) and `plan_check.json` (its cut,
what it was trained on); built by `python -m assistant.triage.train_plan_check`. Without the files
the classifier reads as before.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.triage.examples import EVERYDAY_PLANS_DIR
from assistant.triage.features import Blocks, FeatureConfig, Floats
from assistant.triage.model import ModelError, Weights, linear_probabilities, load_weights

WEIGHTS_FILE = "plan_check.npz"
SETTINGS_FILE = "plan_check.json"


@dataclass(frozen=True)
class PlanCheck:
    weights: Weights  # one column: crisis against everything else, plans included
    cut: float  # a crisis stands when the check's probability reaches this
    report: Mapping[str, Any] = field(default_factory=dict)

    def probabilities(self, blocks: Blocks, config: FeatureConfig) -> Floats:
        """Per text, the check's crisis probability (the head's feature settings)."""
        return linear_probabilities(blocks, config, self.weights)[:, 0]


def plans_digest() -> str:
    """What the check was trained on beside the head's data: the plans files."""
    digest = hashlib.sha256()
    for path in sorted(EVERYDAY_PLANS_DIR.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_plan_check(directory: Path) -> PlanCheck | None:
    """The check saved in `directory`, or None when it has none."""
    settings_path = directory / SETTINGS_FILE
    if not settings_path.is_file():
        return None
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    weights = load_weights(directory / WEIGHTS_FILE)
    if weights.bias.shape != (1,):
        raise ModelError(f"{directory / WEIGHTS_FILE} is not a one-column plan check")
    return PlanCheck(weights, float(settings["cut"]), settings.get("report", {}))


def save_plan_check(check: PlanCheck, directory: Path) -> None:
    """Each file written beside the old one and swapped in."""
    directory.mkdir(parents=True, exist_ok=True)
    w = check.weights
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".npz", delete=False) as handle:
        np.savez_compressed(
            handle, embedding=w.embedding, cues=w.cues, chars=w.chars, words=w.words, bias=w.bias
        )
    Path(handle.name).chmod(0o644)
    Path(handle.name).replace(directory / WEIGHTS_FILE)
    settings = {"cut": check.cut, "plans_sha256": plans_digest(), "report": dict(check.report)}
    with tempfile.NamedTemporaryFile(
        "w", dir=directory, suffix=".json", delete=False, encoding="utf-8"
    ) as out:
        out.write(json.dumps(settings, indent=2, sort_keys=True) + "\n")
    Path(out.name).chmod(0o644)
    Path(out.name).replace(directory / SETTINGS_FILE)
