"""The SQLite feedback store's own file: what it keeps, and where. What every feedback store does
(round trips, ratings) runs on SQLite and PostgreSQL alike in tests/test_feedback_postgres.py."""

from __future__ import annotations

import sqlite3

from assistant.feedback import Feedback, FeedbackStore


def test_no_identity_is_stored(tmp_path) -> None:
    path = tmp_path / "feedback.sqlite"
    FeedbackStore(path)
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
    assert columns == {
        "id", "question", "answer", "cited_doc_ids", "rating", "comment", "created_at"
    }


def test_the_store_creates_its_folder(tmp_path) -> None:
    store = FeedbackStore(tmp_path / "new" / "feedback.sqlite")
    store.record(Feedback("q", "a", (), "up"))
    assert len(store.all()) == 1
