"""The feedback store: what is kept, what is not, and that it survives reopening."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.feedback import Feedback, FeedbackStore, rating_from_thumbs


def test_a_rating_round_trips_with_its_comment(tmp_path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    feedback_id = store.record(
        Feedback(
            question="What causes gout?",
            answer="Uric acid [1].",
            cited_doc_ids=("gout", "diet"),
            rating="down",
        )
    )
    store.update(feedback_id, rating="up", comment="  helpful  ")
    (stored,) = FeedbackStore(tmp_path / "feedback.sqlite").all()
    assert stored.id == feedback_id
    assert stored.question == "What causes gout?"
    assert stored.cited_doc_ids == ("gout", "diet")
    assert stored.rating == "up"
    assert stored.comment == "helpful"
    assert stored.created_at.endswith("+00:00")


def test_no_identity_is_stored(tmp_path) -> None:
    path = tmp_path / "feedback.sqlite"
    FeedbackStore(path)
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
    assert columns == {
        "id", "question", "answer", "cited_doc_ids", "rating", "comment", "created_at"
    }


def test_only_thumbs_up_or_down_are_ratings(tmp_path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    with pytest.raises(ValueError, match="rating"):
        store.record(Feedback("q", "a", (), "meh"))  # type: ignore[arg-type]
    assert rating_from_thumbs(1) == "up"
    assert rating_from_thumbs(0) == "down"
    assert rating_from_thumbs(None) is None


def test_the_store_creates_its_folder(tmp_path) -> None:
    store = FeedbackStore(tmp_path / "new" / "feedback.sqlite")
    store.record(Feedback("q", "a", (), "up"))
    assert len(store.all()) == 1
