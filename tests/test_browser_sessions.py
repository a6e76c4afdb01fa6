"""Ten visitors on one server at once, three questions each: every session sees only its own
questions, and each answer is the one the assistant gives that session's conversation."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.settings import Settings
from tests.test_browser import (
    CHROMIUM,
    app_env,
    ask,
    chromium,
    record_figure,
    streamlit_server,
    wait_for_answer,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium"),
]

SESSIONS = 10
ROUNDS = 3
TOPICS = ["gout", "asthma", "shingles", "type 2 diabetes", "sunburn"]
ASPECTS = [
    "What causes {}?",
    "How is {} treated?",
    "What are the symptoms of {}?",
    "Who gets {}?",
    "How can {} be prevented?",
    "What is {}?",
]


def questions_of(session: int) -> list[str]:
    """Three distinct questions, different from every other session's."""
    picks = [session * ROUNDS + turn for turn in range(ROUNDS)]  # 30 of the 30 pairs
    return [ASPECTS[k // len(TOPICS)].format(TOPICS[k % len(TOPICS)]) for k in picks]


def plain(text: str) -> str:
    """Text as the page shows it, markers and spacing aside."""
    return " ".join(re.sub(r"\[\d+\]", " ", text).split())


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder) -> Settings:
    from tests.support.kb import build_index

    return build_index(tmp_path_factory.mktemp("sessions-library"), embedder, [])


def test_ten_sessions_keep_their_own_conversations(
    library: Settings, embedder, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    plans = [questions_of(session) for session in range(SESSIONS)]
    assert len({q for plan in plans for q in plan}) == SESSIONS * ROUNDS

    assistant = build_assistant(library, embedder=embedder)
    expected = []
    for plan in plans:
        conversation = Conversation()
        expected.append([plain(assistant.answer(conversation, q).body)[:60] for q in plan])

    server = streamlit_server(app_env(library), tmp_path / "server.log")
    with server as (url, _), chromium() as browser:
        pages = [browser.new_context().new_page() for _ in range(SESSIONS)]
        for page in pages:
            page.goto(url, timeout=120_000)
        started = time.monotonic()
        for turn in range(ROUNDS):
            # Everyone asks, then everyone waits: the server answers ten sessions at once.
            for page, plan in zip(pages, plans, strict=True):
                ask(page, plan[turn])
            for page in pages:
                wait_for_answer(page, turn + 1)
        elapsed = time.monotonic() - started

        mixed_up = []
        for session, (page, plan) in enumerate(zip(pages, plans, strict=True)):
            messages = page.get_by_test_id("stChatMessage")
            expect(messages).to_have_count(2 * ROUNDS)
            texts = messages.all_inner_texts()
            asked = [" ".join(t.split()[1:]) for t in texts[0::2]]  # drop the avatar's name
            answers = [plain(t) for t in texts[1::2]]
            if asked != plan:
                mixed_up.append((session, "questions", asked))
            for turn, (shown, wanted) in enumerate(zip(answers, expected[session], strict=True)):
                if wanted not in shown:
                    mixed_up.append((session, f"answer {turn + 1}", shown[:80], wanted))
    record_figure(
        "sessions.json",
        {
            "sessions": SESSIONS,
            "questions_each": ROUNDS,
            "answers": SESSIONS * ROUNDS,
            "wall_s": round(elapsed, 1),
            "mixed_up": len(mixed_up),
        },
    )
    assert mixed_up == []
