"""The off-topic gate: a second linear head, on the same features as the triage head, that tells
chat that is not about health from a crisis. A crisis label is withheld where it is sure.

Why: the team's harmless messages are nearly all health questions, so a message far from health
("write me a poem about cars", "what time is it in Tokyo") looks most like the crisis messages,
which use everyday words, and the crisis head (one class against the rest, with a low threshold
for 98% recall) escalates it. Adding such chat to the head's `none` lowered its scores for real
crises and its threshold with them (bench/QUALITY.md). The gate learns only this one contrast:
the off-topic phrasings in `data/off-topic-gate/` against every training crisis (the team's
train split, `data/extra/` and the crises put as chatbot requests in `data/off-topic-gate/`).

The gate keeps out of any message that names the danger (suicide, self-harm, a wish to die, how
deadly something is: danger.py). The cut is chosen on train alone: the lowest of `CUTS`
above the out-of-fold probability of every training crisis that names no danger, so no crisis
written for training would have been withheld.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant.triage.examples import Example
from assistant.triage.features import Floats
from assistant.triage.model import Weights, sigmoid

CUTS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.5 ... 0.95
REGULARIZATION = 16.0  # as the head's (train.py SETTINGS)
FOLDS = 5
SEEDS = (0, 1, 2)


@dataclass(frozen=True)
class GateRows:
    """The gate's training rows: crises (0) and off-topic chat (1); `team` marks the team's own
    train-split crises, whose out-of-fold scores are reported beside the cut."""

    x: sparse.csr_matrix
    off_topic: npt.NDArray[np.int64]
    team: npt.NDArray[np.bool_]
    danger: npt.NDArray[np.bool_]  # names the danger (danger.py): the gate keeps out


def gate_rows(
    x: sparse.csr_matrix,
    examples: Sequence[Example],
    team: Sequence[bool],
    danger: npt.NDArray[np.bool_],
) -> GateRows:
    """The rows of `x` that the gate learns from: every crisis, and every `none` of kind
    `off-topic` (the other classes and health questions are not its business)."""
    keep = np.array([e.label == "crisis" or e.kind == "off-topic" for e in examples])
    chat = np.array([e.label == "none" for e in examples])
    return GateRows(
        x=x[np.flatnonzero(keep)],
        off_topic=chat[keep].astype(np.int64),
        team=np.asarray(team, dtype=np.bool_)[keep],
        danger=danger[keep],
    )


def fit_gate(x: sparse.csr_matrix, off_topic: npt.NDArray[np.int64]) -> tuple[Floats, float]:
    """Coefficients over the design matrix's columns, and the intercept."""
    model = LogisticRegression(C=REGULARIZATION, class_weight="balanced", max_iter=5000)
    model.fit(x, off_topic)
    return np.asarray(model.coef_[0], dtype=np.float32), float(model.intercept_[0])


def out_of_fold(rows: GateRows) -> Floats:
    """Each row's gate probability from gates that never saw it, averaged over the splits."""
    result = np.zeros(len(rows.off_topic))
    for seed in SEEDS:
        splits = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
        for fit, held in splits.split(rows.x, rows.off_topic):
            coef, intercept = fit_gate(rows.x[fit], rows.off_topic[fit])
            result[held] += sigmoid(rows.x[held] @ coef + intercept) / len(SEEDS)
    return result.astype(np.float32)


def choose_cut(oof: Floats, rows: GateRows) -> float | None:
    """The lowest cut above the out-of-fold probability of every training crisis that names no
    danger (None: even the highest cut would have withheld one, so there is no gate)."""
    highest = float(oof[(rows.off_topic == 0) & ~rows.danger].max())
    return next((cut for cut in CUTS if cut > highest), None)


def as_weights(coef: Floats, intercept: float, cut_points: Sequence[int]) -> Weights:
    """The gate's coefficients split into the feature blocks (one column each)."""
    column = coef.reshape(-1, 1)
    a, b, c = cut_points
    return Weights(
        embedding=np.ascontiguousarray(column[:a]),
        cues=np.ascontiguousarray(column[a:b]),
        chars=np.ascontiguousarray(column[b:c]),
        words=np.ascontiguousarray(column[c:]),
        bias=np.asarray([intercept], dtype=np.float32),
    )


def report(oof: Floats, rows: GateRows, cut: float | None) -> dict[str, object]:
    crises = (rows.off_topic == 0) & ~rows.danger
    chat = (rows.off_topic == 1) & ~rows.danger
    return {
        "crises_naming_no_danger": int(crises.sum()),
        "crises_naming_danger": int(((rows.off_topic == 0) & rows.danger).sum()),
        "off_topic": int((rows.off_topic == 1).sum()),
        "highest_crisis_out_of_fold": round(float(oof[crises].max()), 4),
        "highest_team_crisis_out_of_fold": round(float(oof[crises & rows.team].max()), 4),
        "off_topic_withheld_out_of_fold": None if cut is None
        else round(float((oof[chat] >= cut).sum() / (rows.off_topic == 1).sum()), 4),
    }
