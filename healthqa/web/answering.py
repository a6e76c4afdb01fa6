"""Answering on the page: a status line while the articles are searched, then either the whole
answer at once (extractive: nothing to stream) or, with an LLM composer, its tokens as they come.

Either way the checked answer replaces what was streamed: an LLM's unsupported sentences are
dropped only once the whole reply is in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from typing import Protocol

import streamlit as st

from assistant.answer import Answer
from assistant.compose.base import StreamingComposer
from assistant.service import Assistant
from assistant.understanding.conversation import Conversation
from healthqa.web.rendering import escape_stream

SEARCHING = "Searching the articles…"


class AnswerView(Protocol):
    def searching(self) -> None: ...

    def stream(self, pieces: Iterator[str]) -> None: ...

    def clear(self) -> None: ...


def streams_tokens(assistant: Assistant) -> bool:
    """True when the composer writes the answer token by token (an LLM); the extractive
    composer picks whole sentences at once, so there is nothing to stream."""
    return isinstance(assistant.composer, StreamingComposer)


def answer_live(
    get_assistant: Callable[[], Assistant],
    conversation: Conversation,
    question: str,
    view: AnswerView,
) -> Answer:
    """Shows the status line (also while the assistant is still loading), then the tokens of a
    streaming composer, and returns the checked answer with the view cleared for it."""
    view.searching()
    assistant = get_assistant()
    answer_stream = assistant.stream(conversation, question)
    if streams_tokens(assistant):
        # Searching happens before the first piece; the status line stays until it arrives.
        first = next(answer_stream.pieces, None)
        if first is not None:
            view.stream(chain([first], answer_stream.pieces))
    answer = answer_stream.final()
    view.clear()
    return answer


class StreamlitAnswerView:
    """The AnswerView inside a chat message: one slot that holds the status line, then the
    streamed text, and is emptied for the rendered answer."""

    def __init__(self) -> None:
        self._slot = st.empty()

    def searching(self) -> None:
        self._slot.caption(f":material/search: {SEARCHING}")

    def stream(self, pieces: Iterator[str]) -> None:
        with self._slot.container():
            st.write_stream(escape_stream(pieces))

    def clear(self) -> None:
        self._slot.empty()
