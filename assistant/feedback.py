"""Thumbs up/down on answers, kept in a SQLite file beside the index.

Only what helps improve answers is stored: the question, the answer, the documents it cited,
the rating, an optional comment and the time. No IP address, identity or session id.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

Rating = Literal["up", "down"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    cited_doc_ids TEXT NOT NULL,  -- JSON list, in citation order
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
)
"""

COLUMNS = "id, question, answer, cited_doc_ids, rating, comment, created_at"


@dataclass(frozen=True)
class Feedback:
    question: str
    answer: str
    cited_doc_ids: tuple[str, ...]
    rating: Rating
    comment: str = ""
    created_at: str = ""  # ISO timestamp, UTC; filled in when stored
    id: int | None = None


def rating_from_thumbs(value: int | None) -> Rating | None:
    """`st.feedback("thumbs")` gives 0 for thumbs down and 1 for thumbs up."""
    if value is None:
        return None
    return "up" if value == 1 else "down"


class FeedbackStoring(Protocol):
    """Where ratings go: the SQLite file beside an index folder, or the index's PostgreSQL
    database (assistant.feedback_postgres)."""

    def record(self, feedback: Feedback) -> int: ...

    def update(
        self, feedback_id: int, *, rating: Rating | None = None, comment: str | None = None
    ) -> None: ...

    def all(self) -> list[Feedback]: ...


class FeedbackStore:
    """One SQLite file; each call opens and closes its own connection, so Streamlit's threads
    never share one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
            yield db

    def record(self, feedback: Feedback) -> int:
        """Stores a rating and returns its id (to attach a comment or change the rating later)."""
        with self._connect() as db:
            cursor = db.execute(
                f"INSERT INTO feedback ({COLUMNS.removeprefix('id, ')}) VALUES (?, ?, ?, ?, ?, ?)",
                to_row(feedback),
            )
            if cursor.lastrowid is None:
                raise RuntimeError("SQLite did not report the id of the stored feedback")
            return cursor.lastrowid

    def update(
        self, feedback_id: int, *, rating: Rating | None = None, comment: str | None = None
    ) -> None:
        if rating is not None:
            check_rating(rating)
        with self._connect() as db:
            if rating is not None:
                db.execute("UPDATE feedback SET rating = ? WHERE id = ?", (rating, feedback_id))
            if comment is not None:
                db.execute(
                    "UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip(), feedback_id)
                )

    def all(self) -> list[Feedback]:
        """Every stored rating, oldest first."""
        with self._connect() as db:
            rows = db.execute(f"SELECT {COLUMNS} FROM feedback ORDER BY id").fetchall()
        return [from_row(row) for row in rows]


def to_row(feedback: Feedback) -> tuple[Any, ...]:
    """A rating to store, checked, as the values of COLUMNS after id (stamped now unless it
    carries its own time)."""
    check_rating(feedback.rating)
    return (
        feedback.question,
        feedback.answer,
        json.dumps(list(feedback.cited_doc_ids)),
        feedback.rating,
        feedback.comment,
        feedback.created_at or datetime.now(UTC).isoformat(timespec="seconds"),
    )


def from_row(row: Sequence[Any]) -> Feedback:
    """A stored row (columns in COLUMNS order) as a Feedback."""
    return Feedback(
        id=int(row[0]),
        question=row[1],
        answer=row[2],
        cited_doc_ids=tuple(json.loads(row[3])),
        rating=row[4],
        comment=row[5],
        created_at=row[6],
    )


def check_rating(rating: str) -> None:
    if rating not in get_args(Rating):
        raise ValueError(f"rating is {rating!r}; use one of {get_args(Rating)}")
