"""Fine-tuning the triage reader (`reader.py`): the embedding model's last two layers, copied,
trained on the train split's messages and the extra phrasings with class-weighted cross-entropy.

Settings were chosen by five-fold cross-validation on train (bench/QUALITY.md): four epochs at
learning rate 1e-4 with a 10% warm-up and linear decay, batch 32. Training starts from the copied
layers and one seed, so a run is repeatable on one machine (CPU float sums may differ elsewhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from torch import nn

from assistant.triage.examples import LABELS
from assistant.triage.reader import Floats, Reader, copy_of_top_layers, padded

COPIED_LAYERS = 2
EPOCHS = 4
LEARNING_RATE = 1e-4
BATCH = 32
WARM_UP = 0.1  # share of the steps with a rising learning rate


def input_layer(transformer: Any) -> int:
    """The hidden layer the copied layers read: the output of the one below them."""
    return int(transformer.config.num_hidden_layers) - COPIED_LAYERS


def fit_reader(
    transformer: Any, states: Sequence[Floats], y: npt.NDArray[np.int64], seed: int = 0
) -> Reader:
    """A reader trained on `states` (token vectors at `input_layer`) with labels `y`."""
    torch.manual_seed(seed)
    layers = copy_of_top_layers(transformer, COPIED_LAYERS, len(LABELS))
    layers.train()
    optimiser = torch.optim.AdamW(layers.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    counts = np.bincount(y, minlength=len(LABELS))
    balance = torch.tensor(len(y) / (len(LABELS) * np.maximum(counts, 1)), dtype=torch.float32)
    loss_of = nn.CrossEntropyLoss(weight=balance)
    steps = EPOCHS * int(np.ceil(len(y) / BATCH))

    def rate(step: int) -> float:
        return min(1.0, (step + 1) / (WARM_UP * steps)) * max(0.0, 1 - step / steps)

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    order_of = np.random.default_rng(seed)
    for _ in range(EPOCHS):
        order = order_of.permutation(len(y))
        for start in range(0, len(y), BATCH):
            rows = order[start : start + BATCH]
            loss = loss_of(layers(*padded([states[i] for i in rows])), torch.from_numpy(y[rows]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return Reader(layers.eval(), input_layer(transformer))
