from pathlib import Path

import pytest

from healthqa.errors import SettingsError
from healthqa.settings import Settings


def test_defaults_point_at_data_dir_and_the_shipped_model():
    settings = Settings.from_env({})
    assert settings.index_dir == Path("data/index")
    assert Path(settings.embedding_model).is_dir()
    assert settings.feedback_db == Path("data/feedback.sqlite")


def test_data_dir_moves_the_index_with_it(tmp_path):
    settings = Settings.from_env({"HEALTHQA_DATA_DIR": str(tmp_path)})
    assert settings.index_dir == tmp_path / "index"


def test_a_postgresql_url_puts_the_index_in_that_database(tmp_path):
    url = "postgresql://healthqa:secret@db.example.org/healthqa"
    settings = Settings.from_env({"HEALTHQA_DATA_DIR": str(tmp_path), "HEALTHQA_INDEX": url})
    assert settings.index_location == url
    # Files that live beside the index stay in the data folder.
    assert settings.index_dir == tmp_path / "index"
    assert settings.feedback_db == tmp_path / "feedback.sqlite"
    assert "secret" not in repr(settings)


def test_with_index_takes_a_folder_or_a_url():
    url = "postgres://db.example.org/healthqa"
    settings = Settings.from_env({})
    assert settings.with_index(url).index_location == url
    back = settings.with_index(url).with_index(Path("elsewhere"))
    assert (back.index_location, back.index_url) == (Path("elsewhere"), None)
    assert settings.with_index("folder").index_location == Path("folder")


def test_an_index_url_that_is_not_postgresql_is_refused():
    with pytest.raises(SettingsError, match="HEALTHQA_INDEX"):
        Settings(index_url="mysql://db.example.org/healthqa")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"HEALTHQA_CHUNK_TOKENS": "900"}, "HEALTHQA_CHUNK_TOKENS"),
        ({"HEALTHQA_CHUNK_TOKENS": "many"}, "HEALTHQA_CHUNK_TOKENS"),
        ({"HEALTHQA_CHUNK_OVERLAP": "150"}, "HEALTHQA_CHUNK_OVERLAP"),
        ({"HEALTHQA_COMPOSER": "magic"}, "HEALTHQA_COMPOSER"),
        ({"HEALTHQA_COMPOSER": "llm"}, "HEALTHQA_LLM_MODEL"),
        ({"HEALTHQA_TOP_K": "50", "HEALTHQA_CANDIDATES": "10"}, "HEALTHQA_CANDIDATES"),
    ],
)
def test_bad_values_are_refused_by_name(env, named):
    with pytest.raises(SettingsError, match=named):
        Settings.from_env(env)


def test_the_ingest_limits_are_read_from_the_environment():
    settings = Settings.from_env(
        {
            "HEALTHQA_MAX_HTML_BYTES": "2000000",
            "HEALTHQA_MAX_TEXT_BYTES": "1000000",
            "HEALTHQA_MAX_PASSAGES_PER_ARTICLE": "300",
        }
    )
    assert (
        settings.max_html_bytes, settings.max_text_bytes, settings.max_passages_per_article
    ) == (2_000_000, 1_000_000, 300)
    with pytest.raises(SettingsError, match="max_passages_per_article is 0"):
        Settings(max_passages_per_article=0)
    with pytest.raises(SettingsError, match="max_text_bytes is 0"):
        Settings(max_text_bytes=0)
