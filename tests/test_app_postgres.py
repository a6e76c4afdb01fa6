"""The Streamlit app unchanged on a PostgreSQL index: it answers with sources, stores a rating in
the same database, and answers an article uploaded through the Editor without a restart."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.feedback_postgres import open_feedback_store
from healthqa.settings import Settings
from ingest.pipeline import ingest_paths
from tests.support.kb import KB
from tests.support.postgres import fresh_database
from tests.test_app import APP, EDITOR, NEW_ARTICLE, TIMEOUT, ask, last_answer, opened

pytestmark = pytest.mark.slow


@pytest.fixture
def app(tmp_path, embedder, pg_server, monkeypatch) -> tuple[AppTest, Settings]:
    url = fresh_database(pg_server)
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index").with_index(url)
    report = ingest_paths([KB], settings=settings, embedder=embedder)
    assert not report.failed, report.failed
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HEALTHQA_INDEX", url)
    monkeypatch.delenv("HEALTHQA_EDITOR_PASSWORD", raising=False)
    return opened(AppTest.from_file(str(APP), default_timeout=TIMEOUT)), settings


def test_the_chat_answers_from_postgres_and_keeps_ratings_there(app) -> None:
    at, settings = app
    ask(at, "What causes gout?")
    assert not at.exception
    answer = last_answer(at)
    assert not answer.abstained
    assert any("Gout" in c.title for c in answer.citations)
    at.feedback[0].set_value(0).run()
    at.text_input(key="comment-0").input("Too short").run()
    (stored,) = open_feedback_store(settings.feedback_location).all()
    assert (stored.question, stored.rating, stored.comment) == (
        "What causes gout?",
        "down",
        "Too short",
    )
    assert not (settings.data_dir / "feedback.sqlite").exists()


def test_an_uploaded_article_is_answered_without_a_restart(app) -> None:
    at, _ = app
    ask(at, "How is frostnip treated?")
    assert last_answer(at).abstained

    at.secrets["editor_password"] = "correct horse"
    at.switch_page(EDITOR).run()
    at.text_input[0].input("correct horse")
    at.button[0].click().run()
    at.file_uploader[0].set_value([("frostnip.md", NEW_ARTICLE, "text/markdown")]).run()
    [ingest] = [b for b in at.button if b.label == "Ingest uploaded files"]
    ingest.click().run()
    assert not at.exception
    assert "1 added" in at.success[0].value

    at.switch_page("app.py").run()
    ask(at, "How is frostnip treated?")
    answer = last_answer(at)
    assert not answer.abstained
    assert any(c.title == "Frostnip" for c in answer.citations)
