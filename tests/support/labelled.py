"""Every labelled triage example the repository holds: the team's set, the training-only
phrasings, the off-topic gate's phrasings, the plan check's and the held-out sets. A rule read
beside the model is checked against all of them."""

from __future__ import annotations

from assistant.triage.examples import (
    HELD_OUT_DIR,
    Example,
    everyday_plan_examples,
    extra_examples,
    off_topic_gate_examples,
    read_folder,
    team_examples,
)


def every_labelled_example() -> list[Example]:
    return [*team_examples(), *extra_examples(), *off_topic_gate_examples(),
            *everyday_plan_examples(), *read_folder(HELD_OUT_DIR)]
