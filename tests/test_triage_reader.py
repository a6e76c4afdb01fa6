"""The triage reader: its written-out layers are the embedding model's own, its weights survive
a save and load, and the classifier reads a message through the model once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from assistant.triage import load_triage
from assistant.triage.model import load_model, save_model
from assistant.triage.reader import copy_of_top_layers, padded
from assistant.triage.train import base_transformer
from assistant.triage.train_reader import COPIED_LAYERS, input_layer
from index.embedder import SentenceTransformerEmbedder

MESSAGES = [
    "my feet are murdering me after that hike",
    "Se tomó todas las pastillas de su abuela y no despierta",
    "how much tylenol can I give my 3 year old, she weighs 30 lbs",
    "ok",
]


def test_copied_layers_compute_what_the_model_computes(
    embedder: SentenceTransformerEmbedder,
) -> None:
    transformer = base_transformer()
    layer = input_layer(transformer)
    _, before = embedder.embed_with_states(MESSAGES, layer)
    _, after = embedder.embed_with_states(MESSAGES, layer + COPIED_LAYERS)
    copy = copy_of_top_layers(transformer, COPIED_LAYERS, classes=4).eval()
    with torch.inference_mode():
        states, mask = padded(before)
        ours = copy.encode(states, mask).numpy()
    for row, expected in enumerate(after):
        got = ours[row, : len(expected)]
        cosine = (got * expected).sum(1) / (
            np.linalg.norm(got, axis=1) * np.linalg.norm(expected, axis=1)
        )
        # bf16 on machines with AMX, fp32 elsewhere: the same layers up to rounding.
        assert cosine.min() > 0.99, MESSAGES[row]


def test_states_come_from_the_same_pass_as_the_vectors(
    embedder: SentenceTransformerEmbedder,
) -> None:
    vectors, states = embedder.embed_with_states(MESSAGES, 4)
    assert np.allclose(vectors, embedder.embed_queries(MESSAGES), atol=1e-5)
    assert [len(s) for s in states] == [embedder.count_tokens(m) + 2 for m in MESSAGES]


def test_a_saved_model_reads_the_same_after_loading(tmp_path: Path) -> None:
    model = load_model()
    if model.reader is None:
        pytest.skip("the shipped triage model has no reader")
    save_model(model, tmp_path)
    again = load_model(tmp_path)
    assert again.reader is not None
    rng = np.random.default_rng(0)
    states = [rng.normal(size=(n, 384)).astype(np.float32) for n in (3, 9, 1)]
    assert np.allclose(
        model.reader.probabilities(states), again.reader.probabilities(states), atol=1e-6
    )
    assert again.decision == model.decision


def test_the_classifier_hands_back_the_vector_of_the_words_as_typed(
    embedder: SentenceTransformerEmbedder,
) -> None:
    classifier = load_triage(embedder)
    plain = classifier.classify("what helps with a sore throat?")
    assert plain.vector is not None
    expected = embedder.embed_queries(["what helps with a sore throat?"])[0]
    assert float(plain.vector @ expected) > 0.9999
    # An idiom is read literally, so the triage's vector is not the search's.
    assert classifier.classify("my feet are killing me").vector is None


def test_the_bf16_reader_gives_the_same_probabilities_within_rounding() -> None:
    model = load_model()
    if model.reader is None:
        pytest.skip("the shipped triage model has no reader")
    rng = np.random.default_rng(1)
    states = [rng.normal(size=(n, 384)).astype(np.float32) for n in (4, 17, 2)]
    exact = model.reader.probabilities(states)
    assert np.abs(model.reader.in_bf16().probabilities(states) - exact).max() < 1e-2
