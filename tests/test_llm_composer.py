"""The optional LLM path, driven by LangChain's fake chat models (no LLM weights exist here)."""

from __future__ import annotations

import dataclasses

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.compose.citations import check_citations
from assistant.compose.extractive import ExtractiveComposer
from assistant.compose.llm import LLMComposer, LLMRewriter
from assistant.service import Assistant
from assistant.understanding.conversation import Conversation, Turn
from tests.support.kb import file_name

pytestmark = pytest.mark.slow

QUESTION = "What causes gout?"


def with_model(assistant: Assistant, model: FakeListChatModel) -> Assistant:
    return dataclasses.replace(assistant, composer=LLMComposer(model, ExtractiveComposer()))


def gout_marker(assistant: Assistant) -> int:
    """The prompt number of the first passage from the gout article for QUESTION."""
    passages = assistant.retriever.retrieve(QUESTION)
    return next(
        n for n, p in enumerate(passages, start=1) if file_name(p.doc_id).startswith("gout")
    )


def test_fake_llm_supported_sentences_are_kept_and_renumbered(assistant):
    n = gout_marker(assistant)
    output = (
        f"Gout happens when uric acid builds up in the blood and forms crystals in a joint [{n}]. "
        f"The moon is made of green cheese [{n}]. "
        "Bananas cure gout overnight [42]."
    )
    answer = with_model(assistant, FakeListChatModel(responses=[output])).answer(
        Conversation(), QUESTION
    )
    assert "uric acid" in answer.text
    assert "moon" not in answer.text
    assert "Bananas" not in answer.text
    assert [c.n for c in answer.citations] == [1]
    assert file_name(answer.citations[0].doc_id).startswith("gout")
    assert check_citations(answer.body, answer.citations).coverage == 1.0


def test_fake_llm_stream_yields_tokens_before_the_checked_answer(assistant):
    n = gout_marker(assistant)
    output = f"Uric acid crystals in a joint cause gout [{n}]."
    stream = with_model(assistant, FakeListChatModel(responses=[output])).stream(
        Conversation(), QUESTION
    )
    pieces = list(stream.pieces)
    assert len(pieces) > 5
    assert "".join(pieces).endswith(f"[{n}].")
    assert not stream.final().abstained


def test_fake_llm_error_mid_stream_falls_back_to_extractive(assistant):
    broken = FakeListChatModel(responses=["Gout is"], error_on_chunk_number=2)
    answer = with_model(assistant, broken).answer(Conversation(), QUESTION)
    extractive = assistant.answer(Conversation(), QUESTION)
    assert answer.text == extractive.text
    assert answer.citations


def test_fake_llm_unsupported_everything_falls_back_to_extractive(assistant):
    answer = with_model(
        assistant, FakeListChatModel(responses=["Gout is caused by ghosts [1]."])
    ).answer(Conversation(), QUESTION)
    assert "ghosts" not in answer.text
    assert answer.citations


def test_fake_llm_not_covered_reply_falls_back(assistant):
    answer = with_model(assistant, FakeListChatModel(responses=["NOT_COVERED"])).answer(
        Conversation(), QUESTION
    )
    assert answer.citations


def test_fake_llm_rewriter_uses_the_model_and_falls_back_on_error():
    conversation = Conversation()

    conversation.record(
        Turn(message="What is shingles?", query="What is shingles?", focus="shingles")
    )
    rewriter = LLMRewriter(
        FakeListChatModel(responses=["Is shingles contagious?"]), lambda c, m: "fallback"
    )
    assert rewriter(conversation, "is it contagious?") == "Is shingles contagious?"
    # A fake model with no responses left raises on invoke, as an unreachable endpoint would.
    failing = LLMRewriter(FakeListChatModel(responses=[]), lambda c, m: "fallback")
    assert failing(conversation, "is it contagious?") == "fallback"
