"""The triage's second reader: a fine-tuned copy of the embedding model's last two layers with a
four-class softmax on top, fed the token vectors the shared forward pass already computed.

The linear head sees one pooled vector and surface n-grams; it cannot tell "I nearly died
laughing" from "I nearly died" except by words it was shown. Attention over the tokens can, and
its probabilities mixed with the head's lowered cross-validated false escalation at the same
recall targets (bench/QUALITY.md). Only the copied layers are trained, so the reader costs two
small layers a message, not a second model, and its weights are a few megabytes of plain arrays
(no pickle), loaded with numpy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from torch import nn

Floats = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ReaderShape:
    layers: int
    dimension: int
    heads: int
    inner: int  # width of the feed-forward block
    classes: int
    epsilon: float = 1e-12  # layer-norm epsilon (BERT's)


class EncoderLayer(nn.Module):
    """One BERT encoder layer (post-norm, GELU), written out so the trained copy runs the same
    way in training and at run time whatever the installed transformers version."""

    def __init__(self, shape: ReaderShape, dropout: float) -> None:
        super().__init__()
        width = shape.dimension
        self.heads = shape.heads
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.output = nn.Linear(width, width)
        self.norm1 = nn.LayerNorm(width, eps=shape.epsilon)
        self.up = nn.Linear(width, shape.inner)
        self.down = nn.Linear(shape.inner, width)
        self.norm2 = nn.LayerNorm(width, eps=shape.epsilon)
        self.dropout = nn.Dropout(dropout)

    def forward(self, hidden: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
        batch, tokens, dimension = hidden.shape
        width = dimension // self.heads

        def by_head(x: torch.Tensor) -> torch.Tensor:
            return x.view(batch, tokens, self.heads, width).transpose(1, 2)

        query, key, value = by_head(self.query(hidden)), by_head(self.key(hidden)), by_head(
            self.value(hidden))
        weights = torch.softmax(query @ key.transpose(-1, -2) / math.sqrt(width) + padding, -1)
        mixed = (self.dropout(weights) @ value).transpose(1, 2).reshape(batch, tokens, -1)
        hidden = self.norm1(hidden + self.dropout(self.output(mixed)))
        inner = self.down(nn.functional.gelu(self.up(hidden)))
        result: torch.Tensor = self.norm2(hidden + self.dropout(inner))
        return result


class ReaderLayers(nn.Module):
    """Encoder layers, then mean pooling over the tokens, unit length and a linear layer to the
    class logits (the pooling the sentence embedding uses)."""

    def __init__(self, shape: ReaderShape, dropout: float = 0.1) -> None:
        super().__init__()
        self.shape = shape
        self.layers = nn.ModuleList(EncoderLayer(shape, dropout) for _ in range(shape.layers))
        self.classify = nn.Linear(shape.dimension, shape.classes)

    def encode(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """(batch, tokens, dimension) states and a (batch, tokens) 0/1 mask -> the token
        vectors after the layers."""
        padding = (1.0 - mask[:, None, None, :]) * -1e9
        hidden = states
        for layer in self.layers:
            hidden = layer(hidden, padding)
        return hidden

    def forward(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Class logits for a padded batch (see `encode`)."""
        hidden = self.encode(states, mask)
        weight = mask.unsqueeze(-1)
        pooled = (hidden * weight).sum(1) / weight.sum(1).clamp(min=1.0)
        logits: torch.Tensor = self.classify(nn.functional.normalize(pooled, dim=-1))
        return logits


def copy_of_top_layers(transformer: Any, layers: int, classes: int) -> ReaderLayers:
    """A reader starting from the last `layers` layers of a Hugging Face BERT-style model."""
    config = transformer.config
    reader = ReaderLayers(ReaderShape(layers, config.hidden_size, config.num_attention_heads,
                                      config.intermediate_size, classes, config.layer_norm_eps))
    for mine, theirs in zip(reader.layers, transformer.encoder.layer[-layers:], strict=True):
        attention = theirs.attention
        pairs = {
            "query": attention.self.query, "key": attention.self.key,
            "value": attention.self.value, "output": attention.output.dense,
            "norm1": attention.output.LayerNorm, "up": theirs.intermediate.dense,
            "down": theirs.output.dense, "norm2": theirs.output.LayerNorm,
        }
        for name, module in pairs.items():
            getattr(mine, name).load_state_dict(module.state_dict())
    return reader


def padded(states: Sequence[Floats]) -> tuple[torch.Tensor, torch.Tensor]:
    """Token vectors of several texts as one zero-padded batch and its mask."""
    width = max(1, max((len(s) for s in states), default=1))
    dimension = states[0].shape[1] if states else 1
    batch = np.zeros((len(states), width, dimension), dtype=np.float32)
    mask = np.zeros((len(states), width), dtype=np.float32)
    for row, s in enumerate(states):
        batch[row, : len(s)] = s
        mask[row, : len(s)] = 1.0
    return torch.from_numpy(batch), torch.from_numpy(mask)


@dataclass(frozen=True)
class Reader:
    """The trained layers and which hidden layer's token vectors they read (the input of the
    first copied layer: 4 for the last two of MiniLM-L6's six)."""

    layers: ReaderLayers
    input_layer: int

    def probabilities(self, states: Sequence[Floats]) -> Floats:
        """Softmax class probabilities, one row per text, columns in `LABELS` order."""
        if not states:
            return np.zeros((0, self.layers.shape.classes), dtype=np.float32)
        self.layers.eval()
        dtype = next(self.layers.parameters()).dtype
        with torch.inference_mode():
            batch, mask = padded(states)
            logits = self.layers(batch.to(dtype), mask.to(dtype)).float()
            return np.asarray(torch.softmax(logits, -1).numpy(), dtype=np.float32)

    def in_bf16(self) -> Reader:
        """A copy computing in bfloat16, for CPUs with bf16 in hardware: a quarter less time a
        message here, probabilities within 1e-3 of fp32 (tests/test_triage_reader.py)."""
        layers = ReaderLayers(self.layers.shape)
        layers.load_state_dict(self.layers.state_dict())
        return Reader(layers.to(torch.bfloat16).eval(), self.input_layer)

    def arrays(self) -> dict[str, npt.NDArray[np.float16]]:
        """The weights as fp16 arrays (half the size; the probabilities move by < 1e-3)."""
        return {name: value.detach().numpy().astype(np.float16)
                for name, value in self.layers.state_dict().items()}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[Any]], input_layer: int,
                    heads: int) -> Reader:
        shape = ReaderShape(
            layers=len({name.split(".")[1] for name in arrays if name.startswith("layers.")}),
            dimension=int(arrays["classify.weight"].shape[1]),
            heads=heads,
            inner=int(arrays["layers.0.up.weight"].shape[0]),
            classes=int(arrays["classify.weight"].shape[0]),
        )
        layers = ReaderLayers(shape)
        layers.load_state_dict({name: torch.from_numpy(np.asarray(value, dtype=np.float32))
                                for name, value in arrays.items()})
        return cls(layers.eval(), input_layer)
