"""A second reading of one question the head answers, kept beside the model: one column of linear
weights over the head's features and the cut its probability must reach.

The head reads four classes at once, and some pairs it confuses because the phrasings that would
teach it the difference also move its thresholds (bench/QUALITY.md). A check learns one such
difference from data of its own and speaks only where the classifier asks it to (plan_check.py,
accident_check.py). Saved as `<name>.npz` (the weights) and `<name>.json` (the cut, the digest of
the data it learned from, what it was trained on).
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

from assistant.triage.features import Blocks, FeatureConfig, Floats
from assistant.triage.model import ModelError, Weights, linear_probabilities, load_weights


@dataclass(frozen=True)
class Check:
    weights: Weights  # one column
    cut: float  # the check agrees with the head when its probability reaches this
    report: Mapping[str, Any] = field(default_factory=dict)

    def probabilities(self, blocks: Blocks, config: FeatureConfig) -> Floats:
        """Per text, the check's probability (the head's feature settings)."""
        return linear_probabilities(blocks, config, self.weights)[:, 0]


def files_digest(directory: Path) -> str:
    """What a check learned from beside the head's data: the JSONL files of its folder."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_check(directory: Path, name: str) -> Check | None:
    """The check `name` saved in `directory`, or None when it has none."""
    settings_path = directory / f"{name}.json"
    if not settings_path.is_file():
        return None
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    weights = load_weights(directory / f"{name}.npz")
    if weights.bias.shape != (1,):
        raise ModelError(f"{directory / name}.npz is not a one-column check")
    return Check(weights, float(settings["cut"]), settings.get("report", {}))


def save_check(
    check: Check, directory: Path, name: str, digests: Mapping[str, str]
) -> None:
    """Each file written beside the old one and swapped in; `digests` (e.g. `plans_sha256`) are
    kept in the settings so a test can tell when the data moved on."""
    directory.mkdir(parents=True, exist_ok=True)
    w = check.weights
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".npz", delete=False) as handle:
        np.savez_compressed(
            handle, embedding=w.embedding, cues=w.cues, chars=w.chars, words=w.words, bias=w.bias
        )
    Path(handle.name).chmod(0o644)
    Path(handle.name).replace(directory / f"{name}.npz")
    settings = {"cut": check.cut, **digests, "report": dict(check.report)}
    with tempfile.NamedTemporaryFile(
        "w", dir=directory, suffix=".json", delete=False, encoding="utf-8"
    ) as out:
        out.write(json.dumps(settings, indent=2, sort_keys=True) + "\n")
    Path(out.name).chmod(0o644)
    Path(out.name).replace(directory / f"{name}.json")
