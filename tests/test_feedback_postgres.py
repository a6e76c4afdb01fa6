"""Feedback follows the index: a SQLite file beside an index folder, the index's own database
when HEALTHQA_INDEX is a postgresql:// URL. The same behaviour from both stores."""

from __future__ import annotations

import pytest

from assistant.feedback import Feedback, rating_from_thumbs
from assistant.feedback_postgres import PostgresFeedbackStore, open_feedback_store
from healthqa.errors import SettingsError
from healthqa.settings import Settings
from index.location import open_reader, open_writer
from index.postgres.connection import connect
from tests.support.postgres import fresh_database
from tests.support.records import MANIFEST, sample, upsert


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path):
    if request.param == "sqlite":
        return tmp_path / "feedback.sqlite"
    return fresh_database(request.getfixturevalue("pg_server"))


def test_a_rating_round_trips_with_its_comment(location) -> None:
    store = open_feedback_store(location)
    feedback_id = store.record(
        Feedback(
            question="What causes gout?",
            answer="Uric acid [1].",
            cited_doc_ids=("gout", "diet"),
            rating="down",
        )
    )
    store.update(feedback_id, rating="up", comment="  helpful  ")
    (stored,) = open_feedback_store(location).all()
    assert stored.id == feedback_id
    assert stored.question == "What causes gout?"
    assert stored.cited_doc_ids == ("gout", "diet")
    assert stored.rating == "up"
    assert stored.comment == "helpful"
    assert stored.created_at.endswith("+00:00")


def test_only_thumbs_up_or_down_are_ratings(location) -> None:
    store = open_feedback_store(location)
    with pytest.raises(ValueError, match="rating"):
        store.record(Feedback("q", "a", (), "meh"))  # type: ignore[arg-type]
    assert store.all() == []
    assert rating_from_thumbs(1) == "up"


def test_no_identity_is_stored_in_postgres(pg_server) -> None:
    url = fresh_database(pg_server)
    PostgresFeedbackStore(url)
    with connect(url, vectors=False) as connection:
        columns = {
            row[0]
            for row in connection.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback'"
            )
        }
    assert columns == {
        "id", "question", "answer", "cited_doc_ids", "rating", "comment", "created_at"
    }  # fmt: skip


def test_feedback_lives_beside_the_index_in_the_same_database(pg_server, tmp_path) -> None:
    url = fresh_database(pg_server)
    settings = Settings(data_dir=tmp_path).with_index(url)
    assert settings.feedback_location == url
    assert Settings(data_dir=tmp_path, index_dir=tmp_path / "index").feedback_location == (
        tmp_path / "feedback.sqlite"
    )
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        writer.commit()
    open_feedback_store(settings.feedback_location).record(Feedback("q", "a", ("a",), "up"))
    with open_reader(url) as reader:  # the index still opens: one migrated schema for both
        assert reader.stats().documents == 1
    assert len(open_feedback_store(url).all()) == 1


def test_feedback_can_go_to_its_own_database(pg_server, tmp_path) -> None:
    # An app replica that reads a read-only standby sends ratings to the primary.
    url = fresh_database(pg_server)
    settings = Settings.from_env(
        {"HEALTHQA_DATA_DIR": str(tmp_path), "HEALTHQA_FEEDBACK": url}
    )
    assert settings.index_location == tmp_path / "index"
    assert settings.feedback_location == url
    open_feedback_store(settings.feedback_location).record(Feedback("q", "a", ("a",), "down"))
    assert [f.rating for f in open_feedback_store(url).all()] == ["down"]
    assert "postgresql" not in repr(settings)  # a URL with a password stays out of logs


def test_feedback_can_go_to_a_file_of_its_own(tmp_path) -> None:
    settings = Settings.from_env({"HEALTHQA_FEEDBACK": str(tmp_path / "ratings.sqlite")})
    assert settings.feedback_location == tmp_path / "ratings.sqlite"


def test_a_feedback_url_of_another_database_kind_is_one_sentence() -> None:
    with pytest.raises(SettingsError, match="HEALTHQA_FEEDBACK"):
        Settings.from_env({"HEALTHQA_FEEDBACK": "mysql://db/ratings"})
