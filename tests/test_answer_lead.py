"""Which article an answer leads with, on real MedQuAD articles: the one the ranker put first."""

from __future__ import annotations

import pytest

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.settings import Settings
from ingest.pipeline import ingest_paths

pytestmark = [pytest.mark.slow, pytest.mark.shared_data]

ARTICLES = (
    "4_MPlus_Health_Topics_QA/0000417.xml",  # Hair Loss (MedlinePlus): "Other causes are stress"
    "3_GHR_QA/0000056.xml",  # androgenetic alopecia (Genetics Home Reference)
    "2_GARD_QA/0003099.xml",  # androgenetic alopecia (GARD)
)


def test_the_answer_leads_with_the_article_that_answers_the_question(
    tmp_path, embedder, shared_data
):
    # Before: the ranker put Hair Loss first, but the composer led with the sentence that
    # matched best anywhere ("Androgenetic alopecia is a frequent cause of hair loss") and the
    # answer never said that stress is a cause.
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")
    report = ingest_paths(
        [shared_data / "medquad" / name for name in ARTICLES], settings=settings, embedder=embedder
    )
    assert not report.failed, report.failed
    answer = build_assistant(settings, embedder=embedder).answer(
        Conversation(), "can stress cause hair loss"
    )
    assert answer.citations[0].title == "Hair Loss"
    assert "Other causes are stress" in answer.body
