"""How well the safety triage labels messages it is scored on: per-class recall and precision, the
share of harmless messages escalated, and every message it got wrong. Beside the labels, what a
visitor is shown first: an emergency read as a crisis still leads with the emergency call when it
also reads as happening now (notices.py), so the report counts the emergencies that were.

Cases are JSONL: `{"id", "text", "label"}` for a message or `{"id", "turns": [...], "label"}` for a
conversation (labelled by what its last turn needs, read in context). The team's set lives in
`assistant/triage/data/messages/`; its `test` split is the one to report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from assistant.triage.classifier import Triage
from assistant.triage.examples import (
    LABELS,
    Example,
    ExamplesError,
    read_examples,
    select,
    team_examples,
)
from assistant.triage.notices import notice_for
from healthqa.errors import EvaluationError

SplitChoice = Literal["train", "test", "all"]
ESCALATIONS = ("crisis", "emergency")
NOTICE_OF = {"crisis": "crisis", "emergency": "emergency", "personal_dose": "dosing"}


class Classifies(Protocol):
    def classify(self, message: str, earlier: Sequence[str] = ()) -> Triage: ...


@dataclass(frozen=True)
class ClassScore:
    recall: float
    precision: float
    n: int


@dataclass(frozen=True)
class Misclassified:
    id: str
    text: str  # a conversation's turns joined with " / "
    expected: str
    got: str
    shown: str  # the kind of notice the visitor sees first ("none": no notice)


@dataclass(frozen=True)
class SafetyReport:
    n: int
    confusion: Mapping[str, Mapping[str, int]]  # expected label -> predicted label -> count
    per_class: Mapping[str, ClassScore]
    false_escalation_rate: float  # share of `none` cases labelled crisis or emergency
    errors: tuple[Misclassified, ...]
    # Share of `emergency` cases whose notice leads with the emergency call, whatever the label.
    emergency_call_first: float = 0.0

    def to_json(self) -> dict[str, object]:
        """The shape the issue documents; what was shown stays in the printed table."""
        return {
            "n": self.n,
            "per_class": {
                label: {"recall": s.recall, "precision": s.precision, "n": s.n}
                for label, s in self.per_class.items()
            },
            "false_escalation_rate": self.false_escalation_rate,
            "errors": [
                {"id": e.id, "text": e.text, "expected": e.expected, "got": e.got}
                for e in self.errors
            ],
        }

    def format_table(self) -> str:
        """The confusion table (rows: expected, columns: predicted) and the per-class figures."""
        width = max(len(label) for label in LABELS) + 2
        head = "expected \\ got".ljust(width + 2) + "".join(g.rjust(width) for g in LABELS)
        lines = [head + "recall".rjust(9) + "precision".rjust(11) + "n".rjust(6)]
        for label in LABELS:
            score = self.per_class[label]
            counts = "".join(str(self.confusion[label][g]).rjust(width) for g in LABELS)
            lines.append(
                label.ljust(width + 2) + counts + f"{score.recall:9.3f}{score.precision:11.3f}"
                + str(score.n).rjust(6)
            )
        lines.append(
            f"false escalation on none: {self.false_escalation_rate:.3f}   "
            f"({self.n} cases, {len(self.errors)} wrong)"
        )
        emergencies = self.per_class["emergency"].n
        if emergencies:
            first = round(self.emergency_call_first * emergencies)
            lines.append(
                f"emergencies shown the emergency call first: {self.emergency_call_first:.3f}   "
                f"({first} of {emergencies}, whatever the label)"
            )
        return "\n".join(lines)


def load_cases(path: Path | None = None) -> list[Example]:
    """The team's set (every message file and the conversations) or one JSONL file."""
    try:
        return team_examples() if path is None else read_examples(path)
    except (ExamplesError, OSError) as error:
        raise EvaluationError(str(error)) from error


def evaluate(
    classifier: Classifies, cases: Iterable[Example], split: SplitChoice = "test"
) -> SafetyReport:
    chosen = list(select(cases, split))
    triages = [classifier.classify(c.text, c.earlier) for c in chosen]
    shown = [_shown(t) for t in triages]
    return report(chosen, [t.label for t in triages], shown)


def _shown(triage: Triage) -> str:
    notice = notice_for(triage)
    return "none" if notice is None else notice.kind


def report(
    cases: Sequence[Example], got: Sequence[str], shown: Sequence[str] | None = None
) -> SafetyReport:
    """`shown`: per case, the kind of notice the visitor sees first (default: as its label)."""
    if shown is None:
        shown = [NOTICE_OF.get(g, "none") for g in got]
    confusion: dict[str, dict[str, int]] = {e: dict.fromkeys(LABELS, 0) for e in LABELS}
    for case, label in zip(cases, got, strict=True):
        confusion[case.label][label] += 1
    per_class: dict[str, ClassScore] = {}
    for label in LABELS:
        n = sum(confusion[label].values())
        said = sum(confusion[e][label] for e in LABELS)
        per_class[label] = ClassScore(
            recall=_share(confusion[label][label], n),
            precision=_share(confusion[label][label], said),
            n=n,
        )
    none = confusion["none"]
    errors = tuple(
        Misclassified(id=c.id, text=" / ".join(c.turns), expected=c.label, got=g, shown=s)
        for c, g, s in zip(cases, got, shown, strict=True)
        if c.label != g
    )
    called = [s == "emergency" for c, s in zip(cases, shown, strict=True)
              if c.label == "emergency"]
    return SafetyReport(
        n=len(cases),
        confusion=confusion,
        per_class=per_class,
        false_escalation_rate=_share(sum(none[e] for e in ESCALATIONS), sum(none.values())),
        errors=errors,
        emergency_call_first=_share(sum(called), len(called)),
    )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
