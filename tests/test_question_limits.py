"""What one message can cost is bounded: an overlong message is refused with a sentence after
the safety triage has read its start, and any text gets an answer or a refusal, never an error."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.answer import Answer
from assistant.service import too_long_text
from assistant.understanding.conversation import Conversation

pytestmark = pytest.mark.slow


def ask(assistant, message: str) -> Answer:
    return assistant.answer(Conversation(), message)


def test_a_100_kb_one_word_question_is_refused_with_a_sentence_and_little_memory(assistant):
    limit = assistant.settings.max_question_chars
    tracemalloc.start()
    try:
        answer = ask(assistant, "a" * 100_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert answer.abstained
    assert not answer.citations
    assert too_long_text(limit) in answer.text
    assert peak < 50 * 2**20  # the old speller built every edit of the word: gigabytes


def test_an_overlong_message_is_still_read_for_a_crisis_first(assistant):
    message = "I want to kill myself tonight. " + "I have nobody left to talk to. " * 200
    assert len(message) > assistant.settings.max_question_chars
    answer = ask(assistant, message)
    assert answer.safety is not None
    assert answer.safety.escalates
    assert answer.text.startswith(answer.safety.message)


def test_a_question_at_the_limit_is_answered_as_usual(assistant):
    question = "What causes gout?"
    padded = question + " " * (assistant.settings.max_question_chars - len(question))
    answer = ask(assistant, padded)
    assert not answer.abstained
    assert answer.citations


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1900, max_size=4000),
        st.from_regex(r"[a-z]{30,3000}", fullmatch=True),
    )
)
def test_any_text_gets_an_answer_or_a_refusal(assistant, message):
    answer = ask(assistant, message)
    assert isinstance(answer, Answer)
    assert answer.text
    cited = {c.n for c in answer.citations}
    assert cited == set(range(1, len(cited) + 1))


@pytest.mark.parametrize("pair", ["@.", "@@", "a@", ".a", ":1", "/a", "1-", "@ "])
def test_a_message_of_one_pair_of_characters_repeated_costs_no_more_than_an_ordinary_one(
    assistant, pair
):
    # "\S+@\S+\.\w+" in the message cleaner backtracked cubically on "@.@.@.": 30 s of CPU for
    # 2,000 characters, and the regex engine held the interpreter, stalling other visitors.
    # A bound this loose catches that kind of blow-up, not ordinary jitter.
    message = pair * (assistant.settings.max_question_chars // 2)
    started = time.process_time()
    answer = ask(assistant, message)
    assert time.process_time() - started < 3.0
    assert answer.text


def test_undecodable_bytes_from_a_terminal_are_read_not_crashed_on(assistant):
    # A Latin-1 terminal's "café" reaches Python as a lone surrogate; the tokenizer refused it.
    answer = ask(assistant, "what is gout? caf\udce9")
    assert answer.text
    assert not answer.abstained
