"""Comparing a run with an earlier one, and gating CI on minimum metric values."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import EvaluationError


@dataclass(frozen=True)
class Delta:
    metric: str
    old: float | None  # None: the old run did not have this metric
    new: float

    @property
    def change(self) -> float | None:
        return None if self.old is None else self.new - self.old


@dataclass(frozen=True)
class Threshold:
    metric: str
    minimum: float


def load_metrics(path: Path) -> dict[str, float]:
    """The `metrics` object of a report written with --json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"Cannot read {path}: {error.strerror}.") from None
    except json.JSONDecodeError:
        raise EvaluationError(f"{path} is not JSON written by `healthqa eval --json`.") from None
    found = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        raise EvaluationError(f"{path} has no 'metrics' object; was it written with --json?")
    return {str(k): float(v) for k, v in found.items() if isinstance(v, int | float)}


def compare(new: Mapping[str, float], old: Mapping[str, float]) -> list[Delta]:
    return [Delta(metric=name, old=old.get(name), new=value) for name, value in new.items()]


def format_deltas(deltas: Sequence[Delta]) -> str:
    width = max((len(d.metric) for d in deltas), default=6)
    lines = [f"{'metric':<{width}}  {'old':>9}  {'new':>9}  {'change':>9}"]
    for delta in deltas:
        old = "-" if delta.old is None else f"{delta.old:9.4f}"
        change = "-" if delta.change is None else f"{delta.change:+9.4f}"
        lines.append(f"{delta.metric:<{width}}  {old:>9}  {delta.new:9.4f}  {change:>9}")
    return "\n".join(lines)


def parse_threshold(text: str) -> Threshold:
    """`METRIC=VALUE`, e.g. `nDCG@10=0.7` or `citation_precision=1`."""
    metric, sep, raw = text.partition("=")
    if not sep or not metric.strip():
        raise EvaluationError(f"--fail-under {text!r} must look like METRIC=VALUE.")
    try:
        minimum = float(raw)
    except ValueError:
        raise EvaluationError(f"--fail-under {text!r}: {raw!r} is not a number.") from None
    if math.isnan(minimum):
        raise EvaluationError(f"--fail-under {text!r}: the value must be a number.")
    return Threshold(metric=metric.strip(), minimum=minimum)


def below_thresholds(values: Mapping[str, float], thresholds: Iterable[Threshold]) -> list[str]:
    """One sentence per metric under its minimum. Names match case-insensitively; a name the
    report does not have is an error rather than a silent pass."""
    by_name = {name.lower(): name for name in values}
    failures: list[str] = []
    for threshold in thresholds:
        name = by_name.get(threshold.metric.lower())
        if name is None:
            raise EvaluationError(
                f"--fail-under names {threshold.metric!r}, which this report does not have; "
                f"it has {', '.join(values)}."
            )
        if values[name] < threshold.minimum:
            failures.append(f"{name} is {values[name]:.4f}, below {threshold.minimum:g}.")
    return failures
