"""A short question that names an article's topic by its title is about that article, whatever
word of it the focus was read as; a topic the articles never name is still declined."""

from __future__ import annotations

import numpy as np

from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.retrieval.topic import about_topic, names_title_topic
from assistant.understanding.question import analyze
from index.records import Chunk, StoredChunk


def _passage(title: str, section: str, text: str, chunk_id: int = 1) -> Passage:
    chunk = Chunk(doc_id=title, ordinal=0, section_index=0, text=text, title=title,
                  section=section, start=0, end=len(text), sentence_spans=((0, len(text)),))
    return Passage(chunk_id=chunk_id, doc_id=title, score=1.9, similarity=0.7,
                   stored=StoredChunk(chunk_id=chunk_id, chunk=chunk))


RISK = _passage(
    "Sleep Apnea: Symptoms, Diagnosis and Treatment",
    "Who is at risk?",
    "Anyone can have sleep apnea. You are more likely to have it if you are overweight.",
)
GOUT = _passage("Gout", "Symptoms", "Gout causes sudden pain, most often in the big toe.")


def _about(message: str, passages: tuple[Passage, ...], vocabulary: dict[str, int]):
    retrieval = Retrieval(analyze(message), np.zeros(4, dtype=np.float32), passages)
    return about_topic(message, retrieval, as_asked=True, retriever=None,  # type: ignore[arg-type]
                       vocabulary=vocabulary)


def test_a_question_naming_the_articles_title_topic_is_answered_from_it():
    vocabulary = {"likely": 14, "sleep": 40, "apnea": 30}
    about = _about("who is most likely to get sleep apnea", (RISK,), vocabulary)
    assert about is not None
    assert about.passages == (RISK,)


def test_the_title_topic_is_named_in_either_spelling_and_as_whole_words():
    assert names_title_topic("what is sleep apnoea", RISK)
    assert not names_title_topic("what are the symptoms of pseudogout", GOUT)
    assert not names_title_topic("is sleep bad for you", RISK)


def test_a_topic_the_articles_never_name_is_declined_even_beside_the_titles_topic():
    # "pseudogout" is not a word of the articles: the gout page is a neighbour, not the answer.
    assert _about("what are the symptoms of pseudogout", (GOUT,), {"gout": 5}) is None
