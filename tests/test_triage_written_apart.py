"""The phrasings written apart (candidates, everyday plans, accidents) and how much each counts
when the head is trained with them (`train.py --written-apart-weight`, an experiment)."""

from __future__ import annotations

import dataclasses

import numpy as np

from assistant.triage.examples import (
    Example,
    extra_examples,
    team_examples,
    written_apart_examples,
)
from assistant.triage.train import SETTINGS, TrainingSet, extra_weights


def _training_set(extra: list[Example]) -> TrainingSet:
    texts = sorted({e.text for e in extra})
    return TrainingSet(
        messages=[], extra=extra, conversations=[], gate=[], texts=texts,
        vectors=np.zeros((len(texts), 4), dtype=np.float32),
    )


def test_written_apart_ids_are_their_own():
    """A weight is given by id, so no written-apart id may also name a team or extra message."""
    apart = [e.id for e in written_apart_examples()]
    assert len(apart) == len(set(apart))
    others = {e.id for e in team_examples()} | {e.id for e in extra_examples()}
    assert not others & set(apart)


def test_written_apart_phrasings_count_their_own_weight_and_nothing_else_changes():
    extra = extra_examples()[:5]
    apart = written_apart_examples()[:5]
    data = _training_set(extra + apart)
    shipped = extra_weights(data, SETTINGS)
    assert shipped.tolist() == [SETTINGS.extra_weight] * 10
    halved = extra_weights(data, dataclasses.replace(SETTINGS, written_apart_weight=0.5))
    assert halved.tolist() == [SETTINGS.extra_weight] * 5 + [0.5] * 5
