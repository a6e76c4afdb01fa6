"""The labelled triage messages (`data/messages/*.jsonl`) and their one fixed train/test split.

A message file holds `{"id", "text", "label", ...}` per line; a conversation file holds
`{"id", "turns": [...], "label", ...}`, labelled by what its last turn needs read in context.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

TriageLabel = Literal["crisis", "emergency", "personal_dose", "none"]
LABELS: tuple[TriageLabel, ...] = get_args(TriageLabel)
Split = Literal["train", "test"]

MESSAGES_DIR = Path(__file__).resolve().parent / "data" / "messages"
# Extra phrasings written for training only: never split, never evaluated (see data/README.md).
EXTRA_DIR = Path(__file__).resolve().parent / "data" / "extra"
# Phrasings only the off-topic gate learns from (data/README.md, train_off_topic.py).
OFF_TOPIC_GATE_DIR = Path(__file__).resolve().parent / "data" / "off-topic-gate"
# Plans, goals and endings of everyday life, and crises said the same way: only the plan check
# learns from them (data/README.md, plan_check.py).
EVERYDAY_PLANS_DIR = Path(__file__).resolve().parent / "data" / "everyday-plans"
# Emergencies whose words are a crisis's (cuts, blood, pills, falls, "not waking up") and crises
# told with the same words: only the accident check learns from them (data/README.md,
# accident_check.py).
ACCIDENTS_DIR = Path(__file__).resolve().parent / "data" / "accidents"
# 1,160 phrasings three teammates wrote apart (harmless look-alikes in English and Spanish,
# indirect crises, plain emergencies, dose requests): the shipped head does not learn from them
# (train.py, `written_apart_weight`; bench/QUALITY.md says why).
CANDIDATES_DIR = Path(__file__).resolve().parent / "data" / "candidates"
# Sets only counted, never trained on (data/README.md).
HELD_OUT_DIR = Path(__file__).resolve().parent / "data" / "held-out"
# Three ids in ten go to test, decided by the id alone so that adding cases never moves old ones.
TEST_SHARE = 3


class ExamplesError(ValueError):
    """A labelled file that cannot be read as triage examples; the message names file and line."""


@dataclass(frozen=True)
class Example:
    id: str
    turns: tuple[str, ...]  # user messages, oldest first; a single message has one turn
    label: TriageLabel
    lang: str = "en"
    kind: str = ""

    @property
    def text(self) -> str:
        return self.turns[-1]

    @property
    def earlier(self) -> tuple[str, ...]:
        return self.turns[:-1]

    @property
    def is_conversation(self) -> bool:
        return len(self.turns) > 1

    @property
    def split(self) -> Split:
        return split_of(self.id)


def split_of(example_id: str) -> Split:
    digest = int(hashlib.sha256(example_id.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 10 < TEST_SHARE else "train"


def read_examples(path: Path) -> list[Example]:
    """Every example in one JSONL file, in file order."""
    examples = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                examples.append(_parse(line, where=f"{path}:{number}"))
    return examples


def team_examples(directory: Path = MESSAGES_DIR) -> list[Example]:
    """The team's whole set: every file of the folder, in file-name order."""
    examples = read_folder(directory)
    seen: set[str] = set()
    for example in examples:
        if example.id in seen:
            raise ExamplesError(f"{directory}: the id {example.id!r} is used twice")
        seen.add(example.id)
    return examples


def extra_examples(directory: Path = EXTRA_DIR) -> list[Example]:
    """Training-only phrasings; they widen what the model has seen and are never scored."""
    return read_folder(directory)


def everyday_plan_examples(directory: Path = EVERYDAY_PLANS_DIR) -> list[Example]:
    """Everyday plans (`none`: "I've decided to stop smoking on my birthday") and crises said as
    plans (`crisis`: "I've decided this birthday is my last")."""
    return read_folder(directory)


def accident_examples(directory: Path = ACCIDENTS_DIR) -> list[Example]:
    """Accidents and sudden illness (`emergency`: "sliced my finger on the mandoline and it won't
    stop bleeding") and self-harm told with the same words (`crisis`)."""
    return read_folder(directory)


def written_apart_examples() -> list[Example]:
    """The phrasings written apart from the team's set for the checks and for later training:
    the candidates, the everyday plans and the accidents (2,116)."""
    return (
        read_folder(CANDIDATES_DIR) + everyday_plan_examples() + accident_examples()
    )


def off_topic_gate_examples(directory: Path = OFF_TOPIC_GATE_DIR) -> list[Example]:
    """Chat that is not about health (`none`) and crises put as chatbot requests (`crisis`)."""
    return read_folder(directory)


def read_folder(directory: Path) -> list[Example]:
    examples: list[Example] = []
    for path in sorted(directory.glob("*.jsonl")):
        examples.extend(read_examples(path))
    return examples


def select(examples: Iterable[Example], split: Split | Literal["all"]) -> Iterator[Example]:
    return (e for e in examples if split in ("all", e.split))


def _parse(line: str, *, where: str) -> Example:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ExamplesError(f"{where}: not JSON ({error.msg})") from error
    if not isinstance(row, dict):
        raise ExamplesError(f"{where}: expected an object")
    label = row.get("label")
    if label not in LABELS:
        raise ExamplesError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    turns = row.get("turns", [row["text"]] if "text" in row else None)
    if (
        not isinstance(turns, list)
        or not turns
        or not all(isinstance(t, str) and t.strip() for t in turns)
    ):
        raise ExamplesError(f"{where}: needs a non-empty 'text' or a list of non-empty 'turns'")
    example_id = row.get("id", where)
    return Example(
        id=str(example_id),
        turns=tuple(turns),
        label=label,
        lang=str(row.get("lang", "en")),
        kind=str(row.get("kind", "")),
    )
