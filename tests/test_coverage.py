"""A follow-up that brings up a new topic is answered only from passages that speak of it."""

from assistant.retrieval.coverage import distinctive_words, focus_is_covered
from assistant.retrieval.hybrid import Passage
from index.records import Chunk, StoredChunk


def _passage(title: str, text: str, *, context_only: bool = False) -> Passage:
    chunk = Chunk(doc_id=title, ordinal=0, section_index=0, text=text, title=title,
                  section=f"What is {title}?", start=0, end=len(text), sentence_spans=())
    return Passage(chunk_id=1, doc_id=title, score=2.0, similarity=0.7,
                   stored=StoredChunk(chunk_id=1, chunk=chunk), context_only=context_only)


DOWN = _passage("Down syndrome", "Down syndrome is a chromosome disorder.")


def test_a_neighbouring_topic_does_not_cover_the_one_asked_about():
    assert not focus_is_covered("kabuki syndrome", [DOWN])


def test_the_topic_is_found_by_the_start_of_its_words():
    hepatitis = _passage("Hepatitis B", "Hepatitis B is a liver infection.")
    assert focus_is_covered("hep b", [hepatitis])
    assert focus_is_covered("down syndrome", [DOWN])


def test_kind_words_alone_and_no_focus_never_refuse():
    assert distinctive_words("syndrome") == []
    assert focus_is_covered("syndrome", [DOWN])
    assert focus_is_covered(None, [DOWN])


def test_a_neighbour_added_only_for_reading_does_not_count():
    kabuki = _passage("Kabuki syndrome", "Kabuki syndrome is rare.", context_only=True)
    assert not focus_is_covered("kabuki syndrome", [DOWN, kabuki])


