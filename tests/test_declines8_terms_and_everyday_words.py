"""A term named only in brackets, after a semicolon, or in one callout of a long section is
answered; a question told in everyday words just below the cut is answered from the one article
its passages agree on, while one naming a term no article uses is still declined."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.retrieval.defined_term import defines
from assistant.retrieval.everyday_words import (
    EVERYDAY_MARGIN,
    names_a_term,
    told_in_everyday_words,
)
from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from index.records import Chunk, StoredChunk
from tests.support.chunks import chunk_of


def _chunk(sentences: list[str]) -> Chunk:
    return chunk_of(sentences, doc_id="sinus", title="Sinusitis", section="Causes")


def test_a_term_in_brackets_after_words_is_named_by_them():
    chunk = _chunk([
        "Small swellings inside the nose (polyps) can block the sinuses.",
        "Obstructive sleep apnoea (OSA) is more common in people with a blocked nose.",
        "A fungal infection (aspergillosis or mucormycosis) is rare.",
    ])
    assert defines("polyps", chunk)
    assert defines("osa", chunk)
    assert defines("aspergillosis", chunk)


def test_an_aside_in_brackets_names_nothing():
    chunk = _chunk(["Bleeding is rare (about 1 in 500 operations) and usually stops."])
    assert not defines("about", chunk)
    assert not defines("operations", chunk)


def test_a_clause_after_a_semicolon_is_read_as_a_sentence():
    chunk = _chunk(["Sprays work within days; the saline rinse is a salt-water wash you "
                    "squeeze into each nostril."])
    assert defines("saline", chunk)
    assert not defines("saline", _chunk(["Sprays work within days, and you can use the saline "
                                         "rinse each morning as well."]))


def test_a_word_english_knows_is_the_visitor_s_wording_not_a_term():
    vocabulary = {"sinus": 3, "nose": 5, "blocked": 2}
    assert names_a_term("my grandad's nose keeps getting blocked", vocabulary) is None
    assert names_a_term("how long does a balloon sinuplasty take", vocabulary) == "sinuplasty"
    # A word written as a name inside a sentence is one, however English it is.
    assert names_a_term("is the Breathe Right strip good for a blocked nose", vocabulary) == (
        "Breathe"
    )
    # The first word of a sentence is capitalised whatever it is.
    assert names_a_term("Sometimes my nose is blocked", vocabulary) is None


SINUSITIS = """# Sinusitis

Sinusitis is swelling of the sinuses, the small spaces behind your cheekbones and forehead. It is
common and usually clears up on its own within 2 to 3 weeks.

## Symptoms of sinusitis

- pain, swelling and tenderness around your cheeks, eyes or forehead
- a blocked nose and a reduced sense of smell
- green or yellow mucus from your nose
- a high temperature and toothache

## Things you can do yourself

1. Get plenty of rest and drink plenty of fluids.
2. Take painkillers such as paracetamol or ibuprofen.
3. Hold a warm clean flannel over your face for a few minutes several times a day.
4. Avoid allergic triggers and do not smoke.

Tip: a pharmacist can show you how to rinse the inside of your nose with salt water from a small
spouted jug, called a neti pot, which helps many people whose symptoms keep coming back.

## When to see a GP

See a GP if your symptoms are severe, last more than 10 days, or keep coming back.

## Treatment from a GP

A GP may prescribe steroid nasal sprays or drops to reduce the swelling. Antibiotics are only
needed if a bacterial infection is likely. If sinusitis keeps coming back, you may be referred to
an ear, nose and throat (ENT) specialist.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "sinusitis.md", SINUSITIS)


def test_a_term_named_once_in_a_callout_of_a_long_section_is_answered(assistant):
    answer = assistant.answer(Conversation(), "What is a neti pot?")
    assert not answer.abstained
    assert "called a neti pot" in answer.text


def test_an_abbreviation_given_in_brackets_is_answered(assistant):
    answer = assistant.answer(Conversation(), "what is ENT?")
    assert not answer.abstained
    assert "ear, nose and throat (ENT)" in answer.text


def test_a_named_topic_no_article_uses_is_still_declined(assistant):
    assert assistant.answer(Conversation(), "How long does a balloon sinuplasty take?").abstained


def _retrieval(question: str, docs: list[str]) -> Retrieval:
    passages = tuple(
        Passage(chunk_id=n, doc_id=doc, score=1.0, similarity=0.5,
                stored=StoredChunk(n, _chunk(["Sinuses drain into the nose."])))
        for n, doc in enumerate(docs)
    )
    return Retrieval(analyze(question), np.zeros(3, dtype=np.float32), passages)


def test_an_everyday_story_just_below_the_cut_is_answered_from_the_article_it_matches():
    vocabulary = {"nose": 5, "blocked": 2, "face": 3}
    story = _retrieval("my grandad's nose keeps getting blocked, what can he do",
                       ["sinus", "sinus", "sinus", "sinus", "hayfever"])
    assert told_in_everyday_words(story, 1.20, 1.30, vocabulary)
    # Too far below the cut, or the passages spread over several articles: not a clear match.
    assert not told_in_everyday_words(story, 1.30 - EVERYDAY_MARGIN - 0.01, 1.30, vocabulary)
    scattered = _retrieval("my grandad's nose keeps getting blocked, what can he do",
                           ["sinus", "hayfever", "colds", "sinus", "flu"])
    assert not told_in_everyday_words(scattered, 1.20, 1.30, vocabulary)
    # A named procedure the articles never use is a topic they lack.
    named = _retrieval("how do I prepare for a balloon sinuplasty",
                       ["sinus", "sinus", "sinus", "sinus", "sinus"])
    assert not told_in_everyday_words(named, 1.20, 1.30, vocabulary)
    # Naming the article's topic and still scoring low: it asks what the article does not say.
    topic_named = _retrieval("which airlines let you fly with sinusitis",
                             ["sinus", "sinus", "sinus", "sinus", "sinus"])
    assert not told_in_everyday_words(topic_named, 1.20, 1.30, vocabulary)
