"""Answering on the page: a status line while searching, then the whole extractive answer at
once (no fake stream), or an LLM's tokens as they come, then the checked answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.compose.extractive import ExtractiveComposer
from assistant.compose.llm import LLMComposer
from assistant.service import Assistant
from assistant.understanding.conversation import Conversation
from healthqa.web.answering import answer_live, streams_tokens
from tests.support.kb import file_name

pytestmark = pytest.mark.slow

QUESTION = "What causes gout?"


class RecordingView:
    def __init__(self) -> None:
        self.events: list[str] = []
        self.pieces: list[str] = []

    def searching(self) -> None:
        self.events.append("searching")

    def stream(self, pieces: Iterator[str]) -> None:
        self.events.append("stream")
        self.pieces.extend(pieces)

    def clear(self) -> None:
        self.events.append("clear")


def test_the_extractive_answer_is_shown_whole_after_the_status_line(assistant: Assistant) -> None:
    view = RecordingView()
    answer = answer_live(lambda: assistant, Conversation(), QUESTION, view)
    assert not streams_tokens(assistant)
    assert view.events == ["searching", "clear"]
    assert answer.citations


def test_an_llm_answer_streams_its_tokens(assistant: Assistant) -> None:
    passages = assistant.retriever.retrieve(QUESTION)
    n = next(k for k, p in enumerate(passages, start=1) if file_name(p.doc_id).startswith("gout"))
    reply = f"Uric acid crystals in a joint cause gout [{n}]."
    llm = dataclasses.replace(
        assistant,
        composer=LLMComposer(FakeListChatModel(responses=[reply]), ExtractiveComposer()),
    )
    view = RecordingView()
    answer = answer_live(lambda: llm, Conversation(), QUESTION, view)
    assert streams_tokens(llm)
    assert view.events == ["searching", "stream", "clear"]
    assert len(view.pieces) > 5  # token by token, not the answer in one piece
    assert "".join(view.pieces).endswith(f"[{n}].")
    assert answer.citations


def test_the_status_line_shows_while_the_assistant_loads(assistant: Assistant) -> None:
    view = RecordingView()

    def loading() -> Assistant:
        assert view.events == ["searching"]  # already on screen while the index opens
        return assistant

    answer_live(loading, Conversation(), QUESTION, view)
