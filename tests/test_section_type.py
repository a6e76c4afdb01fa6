"""Within the article that answers, the section whose heading asks what the question asks leads:
a treatment question is answered from the treatment section, not from prevention sentences that
share its words."""

from __future__ import annotations

import pytest

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.settings import Settings
from ingest.pipeline import ingest_paths

MEDQUAD = ("9_CDC_QA/0000364.xml", "9_CDC_QA/0000214.xml")  # scabies, head lice (CDC)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder, shared_data):
    root = tmp_path_factory.mktemp("section-type")
    settings = Settings(data_dir=root, index_dir=root / "index")
    paths = [shared_data / "medquad" / name for name in MEDQUAD]
    assert not ingest_paths(paths, settings=settings, embedder=embedder).failed
    return build_assistant(settings, embedder=embedder)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("how do i get rid of scabies", "What are the treatments for Parasites - Scabies?"),
        ("how do you get rid of head lice", "What are the treatments for Parasites - Lice"),
        ("how can I stop getting scabies again", "How to prevent Parasites - Scabies?"),
    ],
)
def test_the_section_that_asks_what_was_asked_leads(assistant, question, section):
    answer = assistant.answer(Conversation(), question)
    assert answer.citations[0].section.startswith(section)
