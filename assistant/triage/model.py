"""The trained triage head: linear weights over the feature blocks, saved as `weights.npz` beside a
readable `model.json` (feature settings, thresholds, training date and cross-validation figures).

No pickle: the weights are plain arrays and the settings plain JSON, read back with numpy, so a
model file can be inspected and never executes anything when loaded.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import numpy as np
import numpy.typing as npt

from assistant.triage import screen
from assistant.triage.examples import (
    EXTRA_DIR,
    LABELS,
    MESSAGES_DIR,
    OFF_TOPIC_GATE_DIR,
    TriageLabel,
)
from assistant.triage.features import CUES_FILE, Blocks, FeatureConfig, Floats
from assistant.triage.reader import Reader
from healthqa.errors import HealthQAError

MODEL_DIR = Path(__file__).resolve().parent / "model"
WEIGHTS_FILE = "weights.npz"
READER_FILE = "reader.npz"
OFF_TOPIC_FILE = "off_topic.npz"
SETTINGS_FILE = "model.json"
FORMAT = 1


class ModelError(HealthQAError):
    """The shipped model is missing, unreadable or was trained on other features."""


@dataclass(frozen=True)
class Decision:
    """How scores become a label: per-class thresholds (checked crisis first) and how much the
    earlier turns of a conversation count against the last message read alone."""

    thresholds: Mapping[str, float]
    context_weight: float
    # How much the fine-tuned reader's probabilities count against the head's (0: head only).
    reader_weight: float = 0.0
    # A crisis label is withheld when the off-topic gate's probability reaches this (None: the
    # model has no gate).
    off_topic_cut: float | None = None


@dataclass(frozen=True)
class Weights:
    """One column per class (features x classes), so a sparse row times a block is one cheap
    product at run time."""

    embedding: Floats  # (dimension, classes)
    cues: Floats  # (cue features, classes)
    chars: Floats  # (char hash buckets, classes)
    words: Floats  # (word hash buckets, classes)
    bias: Floats  # (classes,)


@dataclass(frozen=True)
class TriageModel:
    config: FeatureConfig
    cue_names: tuple[str, ...]
    weights: Weights
    decision: Decision
    report: Mapping[str, Any] = field(default_factory=dict)  # training date, CV figures, data
    reader: Reader | None = None  # the fine-tuned layers read beside the head (reader.py)
    # One column: chat that is not about health rather than a crisis (train_off_topic.py).
    off_topic: Weights | None = None

    def probabilities(self, blocks: Blocks) -> Floats:
        """Per class, the probability that the text belongs to it rather than to any other (one
        binary head per class), one row per text, columns in `LABELS` order."""
        return linear_probabilities(blocks, self.config, self.weights)

    def off_topic_probabilities(self, blocks: Blocks) -> Floats | None:
        """Per text, how much more it reads as chat that is not about health than as a crisis
        (None without a gate)."""
        if self.off_topic is None:
            return None
        return linear_probabilities(blocks, self.config, self.off_topic)[:, 0]

    def label(
        self, probabilities: Floats, off_topic: float | None = None, *, crisis_allowed: bool = True
    ) -> TriageLabel:
        """The label for mixed class probabilities and the gate's probability (None: the gate
        does not speak, as for a message that names the danger): a crisis needs evidence of
        danger, not only a message far from every health question. `crisis_allowed` False: the
        caller found no such evidence (a figure of speech explained the death words)."""
        cut = self.decision.off_topic_cut
        thresholds = self.decision.thresholds
        gated = cut is not None and off_topic is not None and off_topic >= cut
        if gated or not crisis_allowed:
            thresholds = {**thresholds, "crisis": np.inf}
        return decide(probabilities, thresholds)

    def mixed(self, head: Floats, reader: Floats | None) -> Floats:
        """The head's probabilities with the reader's mixed in at the trained weight."""
        if reader is None or self.reader is None:
            return head
        weight = self.decision.reader_weight
        return np.asarray((1 - weight) * head + weight * reader, dtype=np.float32)


def linear_probabilities(blocks: Blocks, config: FeatureConfig, weights: Weights) -> Floats:
    """One sigmoid per column of `weights` over the scaled feature blocks."""
    c, w = config, weights
    logits = (
        (blocks.embedding * c.embedding_scale) @ w.embedding
        + (blocks.cues * c.cue_scale) @ w.cues
        + (blocks.chars @ w.chars) * c.char_scale
        + (blocks.words @ w.words) * c.word_scale
        + w.bias
    )
    return sigmoid(np.asarray(logits))


def sigmoid(logits: npt.NDArray[np.floating[Any]]) -> Floats:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -60, 60))), dtype=np.float32)


def decide(probabilities: Floats, thresholds: Mapping[str, float]) -> TriageLabel:
    """The most serious class whose probability reaches its threshold, else none."""
    for label in LABELS[:-1]:
        if float(probabilities[LABELS.index(label)]) >= thresholds[label]:
            return label
    return "none"


def cues_digest(path: Path = CUES_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def training_inputs_digest() -> str:
    """One digest of what else a trained model depends on: the screen's rules (a feature
    block) and every training file. A model whose recorded digest differs is stale: the code
    would now train another one (the test suite checks this; loading does not)."""
    digest = hashlib.sha256(Path(screen.__file__).read_bytes())
    for directory in (MESSAGES_DIR, EXTRA_DIR, OFF_TOPIC_GATE_DIR):
        for path in sorted(directory.glob("*.jsonl")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def save_model(model: TriageModel, directory: Path = MODEL_DIR) -> None:
    """Each file is written beside the old one and swapped in: a crash leaves a whole model."""
    directory.mkdir(parents=True, exist_ok=True)
    settings = {
        "format": FORMAT,
        "labels": list(LABELS),
        "features": asdict(model.config),
        "cues": list(model.cue_names),
        "cues_sha256": cues_digest(),
        "training_inputs_sha256": training_inputs_digest(),
        "thresholds": dict(model.decision.thresholds),
        "context_weight": model.decision.context_weight,
        "reader_weight": model.decision.reader_weight,
        "off_topic_cut": model.decision.off_topic_cut,
        "report": dict(model.report),
    }
    reader = model.reader
    if reader is not None:
        settings["reader"] = {
            "input_layer": reader.input_layer,
            "heads": reader.layers.shape.heads,
        }
        arrays = cast(dict[str, Any], reader.arrays())
        # Not compressed: fp16 weights hardly compress, and a plain .npz loads faster.
        _replace(directory, READER_FILE, lambda handle: np.savez(handle, **arrays))
    if model.off_topic is not None:
        _replace(directory, OFF_TOPIC_FILE, _weights_writer(model.off_topic))
    _replace(directory, WEIGHTS_FILE, _weights_writer(model.weights))
    text = json.dumps(settings, indent=2, sort_keys=True) + "\n"
    with tempfile.NamedTemporaryFile(
        "w", dir=directory, suffix=".json", delete=False, encoding="utf-8"
    ) as out:
        out.write(text)
    Path(out.name).chmod(0o644)
    Path(out.name).replace(directory / SETTINGS_FILE)


def _weights_writer(w: Weights) -> Callable[[IO[bytes]], None]:
    return lambda handle: np.savez_compressed(
        handle, embedding=w.embedding, cues=w.cues, chars=w.chars, words=w.words, bias=w.bias
    )


def _replace(directory: Path, name: str, write: Callable[[IO[bytes]], None]) -> None:
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".npz", delete=False) as handle:
        write(handle)
    Path(handle.name).chmod(0o644)
    Path(handle.name).replace(directory / name)


def load_model(directory: Path = MODEL_DIR) -> TriageModel:
    settings_path, weights_path = directory / SETTINGS_FILE, directory / WEIGHTS_FILE
    if not settings_path.is_file() or not weights_path.is_file():
        raise ModelError(
            f"no triage model in {directory}: run `python -m assistant.triage.train` to build it"
        )
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    if settings.get("format") != FORMAT or settings.get("labels") != list(LABELS):
        raise ModelError(f"{settings_path} is not a format-{FORMAT} triage model for {LABELS}")
    if settings["cues_sha256"] != cues_digest():
        raise ModelError(
            f"{CUES_FILE.name} changed since the model in {directory} was trained: "
            "re-run `python -m assistant.triage.train`"
        )
    features = dict(settings["features"])
    for key in ("char_ngrams", "word_ngrams"):
        features[key] = tuple(features[key])
    cut = settings.get("off_topic_cut")
    return TriageModel(
        config=FeatureConfig(**features),
        cue_names=tuple(settings["cues"]),
        weights=load_weights(weights_path),
        decision=Decision(
            thresholds={k: float(v) for k, v in settings["thresholds"].items()},
            context_weight=float(settings["context_weight"]),
            reader_weight=float(settings.get("reader_weight", 0.0)),
            off_topic_cut=None if cut is None else float(cut),
        ),
        report=settings.get("report", {}),
        reader=_load_reader(directory, settings.get("reader")),
        off_topic=None if cut is None else load_weights(directory / OFF_TOPIC_FILE),
    )


def load_weights(path: Path) -> Weights:
    if not path.is_file():
        raise ModelError(f"{path} is missing: re-run `python -m assistant.triage.train`")
    with np.load(path, allow_pickle=False) as arrays:
        return Weights(
            **{k: np.ascontiguousarray(arrays[k], dtype=np.float32) for k in arrays.files}
        )


def _load_reader(directory: Path, described: Mapping[str, Any] | None) -> Reader | None:
    if described is None:
        return None
    path = directory / READER_FILE
    if not path.is_file():
        raise ModelError(f"{path} is missing: re-run `python -m assistant.triage.train`")
    with np.load(path, allow_pickle=False) as arrays:
        return Reader.from_arrays(
            {name: arrays[name] for name in arrays.files},
            input_layer=int(described["input_layer"]),
            heads=int(described["heads"]),
        )
