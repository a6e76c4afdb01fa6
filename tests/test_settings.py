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
