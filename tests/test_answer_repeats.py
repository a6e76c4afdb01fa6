"""An answer never quotes the same sentence twice, though sites copy paragraphs between pages.

Sentence vectors are read from each passage's own context, so the same sentence in two articles
does not always look like a repeat by meaning; the words decide."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.answer import Answer
from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.settings import Settings
from index.embedder import Embedder
from ingest.pipeline import ingest_paths

# MedlinePlus's Parkinson disease page and its "How to diagnose" copy open their diagnosis text
# with the same two sentences.
MEDIQA_PAIR = ("mediqa-f6e9af169fb4", "mediqa-cdce69aea820")


def answer_from(folder: Path, tmp_path: Path, embedder: Embedder, question: str) -> Answer:
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")
    report = ingest_paths([folder], settings=settings, embedder=embedder)
    assert not report.failed, report.failed
    return build_assistant(settings, embedder=embedder).answer(Conversation(), question)


def quoted_sentences(answer: Answer) -> Counter[str]:
    body = answer.body.replace("\n- ", " ").replace("\n", " ")
    return Counter(piece.split(" [")[0].strip() for piece in body.split("] ") if piece.strip())


@pytest.mark.shared_data
def test_a_paragraph_copied_between_articles_is_quoted_once(tmp_path, embedder, shared_data):
    corpus = shared_data / "eval" / "mediqa-qa" / "corpus.jsonl"
    records = [
        line
        for line in corpus.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["_id"] in MEDIQA_PAIR
    ]
    assert len(records) == len(MEDIQA_PAIR)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "corpus.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    answer = answer_from(folder, tmp_path, embedder, "How to diagnose Parkinson's Disease?")
    quoted = quoted_sentences(answer)
    assert any("diagnose Parkinson disease based on your symptoms" in s for s in quoted)
    assert max(quoted.values()) == 1, answer.body


def test_a_sentence_a_page_says_twice_in_one_list_item_is_quoted_once(tmp_path, embedder):
    # Page conversions run a section into one bullet, and some say a sentence twice there; an
    # item this short stays one unit of the passage, so only the answer's layout can notice.
    twice = "Conductive hearing loss happens when sound cannot reach the inner ear. "
    item = (
        "- "
        + twice
        + "Earwax or fluid can cause it, and it can often be treated. "
        + twice
        + "Ringing in the ears often comes with it."
    )
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hearing-loss.md").write_text(
        "# Hearing loss\n\n## Types of hearing loss\n\n"
        + "There are two main kinds of hearing loss:\n\n"
        + item
        + "\n",
        encoding="utf-8",
    )
    answer = answer_from(folder, tmp_path, embedder, "what are the types of hearing loss?")
    quoted = quoted_sentences(answer)
    assert any("Conductive hearing loss happens" in s for s in quoted), answer.body
    assert max(quoted.values()) == 1, answer.body
