"""Fit a one-column check (check.py): a logistic regression over the head's features for one
question between two kinds of message, with its out-of-fold scores for choosing the cut.

Used by the accident check (crisis or emergency?); a check of another pair fits the same way.
The messages scored out of fold are split five ways, three times over, as the head's
are (`train.py`); the `data/extra/` phrasings sit in every fitting fold.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant.triage import train
from assistant.triage.check import Check
from assistant.triage.examples import Example
from assistant.triage.features import Floats, design_matrix
from assistant.triage.model import MODEL_DIR, Weights, load_model
from healthqa.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder


def with_texts(
    data: train.TrainingSet, examples: Sequence[Example], embedder: Embedder
) -> train.TrainingSet:
    """The training set with the embeddings of texts it does not hold yet."""
    new = sorted({e.text for e in examples} - set(data.texts))
    if not new:
        return data
    return dataclasses.replace(
        data, texts=data.texts + new, vectors=np.vstack([data.vectors, embedder.embed_queries(new)])
    )


def fit_check(
    data: train.TrainingSet,
    scored: Sequence[Example],
    extra: Sequence[Example],
    positive: str,
) -> tuple[Weights, Floats]:
    """The check's weights (the probability that a message is `positive`) fitted on all of
    `scored` and `extra`, and the out-of-fold probabilities of `scored`."""
    settings = train.SETTINGS
    config = settings.features
    x = design_matrix(train.blocks_for(data, [e.text for e in scored], config), config)
    x_extra = design_matrix(train.blocks_for(data, [e.text for e in extra], config), config)
    y = np.array([e.label == positive for e in scored], dtype=np.int64)
    y_extra = np.array([e.label == positive for e in extra], dtype=np.int64)
    extra_weights = np.full(len(extra), settings.extra_weight)
    oof = np.zeros(len(y))
    for seed in train.SEEDS:
        folds = StratifiedKFold(train.FOLDS, shuffle=True, random_state=seed)
        for fitting, held in folds.split(x, y):
            model = _fit(
                sparse.vstack([x[fitting], x_extra], format="csr"),
                np.concatenate([y[fitting], y_extra]),
                np.concatenate([np.ones(len(fitting)), extra_weights]),
            )
            oof[held] += model.predict_proba(x[held])[:, 1] / len(train.SEEDS)
    final = _fit(
        sparse.vstack([x, x_extra], format="csr"),
        np.concatenate([y, y_extra]),
        np.concatenate([np.ones(len(y)), extra_weights]),
    )
    ends = train.block_cuts(data, config)
    column = np.asarray(final.coef_.T, dtype=np.float32)
    weights = Weights(
        embedding=np.ascontiguousarray(column[: ends[0]]),
        cues=np.ascontiguousarray(column[ends[0] : ends[1]]),
        chars=np.ascontiguousarray(column[ends[1] : ends[2]]),
        words=np.ascontiguousarray(column[ends[2] :]),
        bias=np.asarray(final.intercept_, dtype=np.float32),
    )
    return weights, oof.astype(np.float32)


def _fit(
    x: sparse.csr_matrix, y: npt.NDArray[np.int64], weights: npt.NDArray[np.float64]
) -> LogisticRegression:
    model = LogisticRegression(
        C=train.SETTINGS.regularization, class_weight="balanced", max_iter=5000
    )
    model.fit(x, y, sample_weight=weights)
    return model


def train_and_save(
    argv: Sequence[str] | None,
    *,
    module: str,
    description: str | None,
    train_check: Callable[[Embedder], Check],
    save: Callable[[Check, Path], None],
) -> int:
    """A check's command line: `--out` names the model's directory, where it is written."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description)
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="the model's directory")
    args = parser.parse_args(argv)
    load_model(args.out)  # a check sits beside a model; fail early without one
    embedder = SentenceTransformerEmbedder(
        Settings.from_env().embedding_model, precision="fp32", threads=os.cpu_count()
    )
    check = train_check(embedder)
    save(check, args.out)
    what = module.rsplit(".", 1)[-1].removeprefix("train_").replace("_", " ")
    print(f"wrote the {what} to {args.out}: cut {check.cut:.4f}, {dict(check.report)}")
    return 0
