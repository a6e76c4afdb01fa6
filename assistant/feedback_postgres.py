"""Feedback in the index's PostgreSQL database, when HEALTHQA_INDEX is a postgresql:// URL: every
app server writes to the one place the editors read. Same records and rules as the SQLite store;
the table comes from the index's numbered migrations (index/postgres/sql/)."""

from __future__ import annotations

from pathlib import Path

from assistant.feedback import (
    COLUMNS,
    Feedback,
    FeedbackStore,
    FeedbackStoring,
    Rating,
    check_rating,
    from_row,
    to_row,
)
from healthqa.settings import is_database_url
from index.postgres.connection import connect
from index.postgres.migrations import migrate


class PostgresFeedbackStore:
    """Each call opens and closes its own connection, as the SQLite store does: ratings are rare
    and Streamlit's threads never share one."""

    def __init__(self, url: str) -> None:
        self.url = url
        with connect(url, vectors=False) as connection:
            migrate(connection, url)

    def record(self, feedback: Feedback) -> int:
        """Stores a rating and returns its id (to attach a comment or change the rating later)."""
        with connect(self.url, vectors=False) as connection:
            row = connection.execute(
                "INSERT INTO feedback (question, answer, cited_doc_ids, rating, comment, "
                "created_at) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                to_row(feedback),
            ).fetchone()
        if row is None:
            raise RuntimeError("PostgreSQL did not return the id of the stored feedback")
        return int(row[0])

    def update(
        self, feedback_id: int, *, rating: Rating | None = None, comment: str | None = None
    ) -> None:
        if rating is not None:
            check_rating(rating)
        with connect(self.url, vectors=False) as connection, connection.transaction():
            if rating is not None:
                connection.execute(
                    "UPDATE feedback SET rating = %s WHERE id = %s", (rating, feedback_id)
                )
            if comment is not None:
                connection.execute(
                    "UPDATE feedback SET comment = %s WHERE id = %s", (comment.strip(), feedback_id)
                )

    def all(self) -> list[Feedback]:
        """Every stored rating, oldest first."""
        with connect(self.url, vectors=False) as connection:
            rows = connection.execute(
                f"SELECT {COLUMNS} FROM feedback ORDER BY id".encode()
            ).fetchall()
        return [from_row(row) for row in rows]


def open_feedback_store(location: Path | str) -> FeedbackStoring:
    """The store for Settings.feedback_location: a SQLite file, or the index database."""
    if isinstance(location, str) and is_database_url(location):
        return PostgresFeedbackStore(location)
    return FeedbackStore(Path(location))
