"""The checks that read a message again beside the head (check.py), loaded together."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from assistant.triage.accident_check import load_accident_check
from assistant.triage.check import Check
from assistant.triage.plan_check import load_plan_check


@dataclass(frozen=True)
class SecondReadings:
    """Any may be missing; the classifier then reads as the head does."""

    plan: Check | None = None  # must agree with a crisis that uses no word of harm
    accident: Check | None = None  # may read a crisis that names no danger as an emergency

    def present(self) -> Iterator[tuple[str, Check]]:
        """Each check there is, with its name (`plan`, `accident`)."""
        for each in fields(self):
            check = getattr(self, each.name)
            if check is not None:
                yield each.name, check


def load_second_readings(directory: Path) -> SecondReadings:
    return SecondReadings(
        plan=load_plan_check(directory),
        accident=load_accident_check(directory),
    )
