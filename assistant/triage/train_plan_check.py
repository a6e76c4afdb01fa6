"""Train the plan check (`plan_check.py`) beside the shipped model and write it into `model/`.

    python -m assistant.triage.train_plan_check

The check is the head's crisis column trained as the head is (`train.py`: same features,
settings and data) plus `data/everyday-plans/`. Its cut is chosen as the head's crisis threshold
is, out of fold on the train split's crises (the off-topic gate's withheld messages set aside),
but held to a stricter recall, 99% against the head's 98%: the check can only take crises away.
Only the train split is read. The head itself is not retrained.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import numpy as np

from assistant.triage import train
from assistant.triage.examples import LABELS, everyday_plan_examples
from assistant.triage.fit_check import train_and_save
from assistant.triage.model import Weights
from assistant.triage.plan_check import PlanCheck, save_plan_check
from index.embedder import Embedder

CRISIS = LABELS.index("crisis")
RECALL_TARGET = 0.99  # of the train split's crises, out of fold (the head's is 0.98)


def with_plans(data: train.TrainingSet, embedder: Embedder) -> train.TrainingSet:
    """The head's training set with the plans among the training-only phrasings."""
    plans = everyday_plan_examples()
    new = sorted({e.text for e in plans} - set(data.texts))
    texts = data.texts + new
    vectors = np.vstack([data.vectors, embedder.embed_queries(new)]) if new else data.vectors
    return dataclasses.replace(data, extra=data.extra + plans, texts=texts, vectors=vectors)


def train_plan_check(embedder: Embedder) -> PlanCheck:
    settings = train.SETTINGS
    data = train.collect(embedder)
    _, _, withheld, _ = train.fit_off_topic_gate(data, settings.features)
    weights, oof = train.fit_model(with_plans(data, embedder), settings)
    y = train.labels_of(data.messages)
    crises = (y == CRISIS) & ~withheld
    scores = np.sort(oof[crises, CRISIS])[::-1]
    cut = float(scores[int(np.ceil(RECALL_TARGET * len(scores))) - 1])
    column = Weights(
        embedding=weights.embedding[:, [CRISIS]],
        cues=weights.cues[:, [CRISIS]],
        chars=weights.chars[:, [CRISIS]],
        words=weights.words[:, [CRISIS]],
        bias=weights.bias[[CRISIS]],
    )
    report = {
        "trained": dt.date.today().isoformat(),
        "plans": len(everyday_plan_examples()),
        "train_crises_kept_out_of_fold": f"{int((oof[crises, CRISIS] >= cut).sum())}"
        f"/{int(crises.sum())}",
    }
    return PlanCheck(column, cut, report)


def main(argv: Sequence[str] | None = None) -> int:
    return train_and_save(
        argv,
        module="assistant.triage.train_plan_check",
        description=__doc__,
        train_check=train_plan_check,
        save=save_plan_check,
    )


if __name__ == "__main__":
    raise SystemExit(main())
