"""A how-long question is answered by the sentence stating the length of the thing it asks
about ("how long does an attack last?": "An attack usually lasts ..."), not by a sentence that
shares only its words for a length of time ("A warning sign usually lasts 5 to 10 minutes"),
even when the right sentence comes just before a list."""

from __future__ import annotations

import pytest

from assistant.compose.durations import without_span_words
from tests.support.kb import build_article_assistant
from tests.test_assistant import ask

CLUSTER = """# Cluster headache

## Overview

Cluster headache is a rare condition that causes severe pain on one side of the head, often
around the eye. It is more common in men and often starts in a person's 30s or 40s.

## Symptoms

The main symptom is a sudden, very severe pain around one eye. An attack usually lasts between
15 minutes and 3 hours, and can happen up to 8 times a day. Other symptoms can include:

- a red, watering eye
- a drooping or swollen eyelid
- a blocked or runny nostril
- feeling restless or agitated

## What is a warning sign?

Some people notice a warning sign before the pain starts. A warning sign usually lasts 5 to 10
minutes and can include a dull ache, a feeling of pressure or flickering lights.

## Treatment

Breathing pure oxygen through a mask and sumatriptan injections can stop an attack. Ordinary
painkillers such as paracetamol do not work because they act too slowly.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "cluster-headache.md", CLUSTER)


def test_how_long_is_answered_about_the_thing_asked(assistant):
    answer = ask(assistant, "how long does a cluster headache attack usually last")
    assert "15 minutes and 3 hours" in answer.body, answer.text


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("how long does an attack usually last", "an attack"),
        ("how long will the rash take to go", "the rash to"),
    ],
)
def test_the_words_asking_for_a_length_of_time_are_left_out(question, left):
    assert " ".join(without_span_words(question).split()).endswith(left)
