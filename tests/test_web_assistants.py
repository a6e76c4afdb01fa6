"""The shelf of assistants: built in the background, one per generation, the newest ready one
answering while a newer generation loads, a failed build tried again."""

from __future__ import annotations

import threading
import time
from itertools import count

import pytest

from healthqa.web.assistants import AssistantShelf

WAIT = 10


class Builds:
    """A build function whose calls finish only when the test lets them."""

    def __init__(self) -> None:
        self.allowed = threading.Semaphore(0)
        self.numbers = count(1)
        self.fail_next = False

    def __call__(self) -> object:
        assert self.allowed.acquire(timeout=WAIT)
        if self.fail_next:
            self.fail_next = False
            raise OSError("the index could not be read")
        return f"assistant-{next(self.numbers)}"


def settle(shelf: AssistantShelf, generation: int, expected: str) -> object:
    """What the shelf offers for `generation` once the build the test allowed has finished."""
    deadline = time.monotonic() + WAIT
    while (ready := shelf.ready(generation)) != expected and time.monotonic() < deadline:
        time.sleep(0.01)
    return ready


def test_nothing_is_ready_until_the_first_build_finishes() -> None:
    builds = Builds()
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    assert shelf.ready(1) is None
    builds.allowed.release()
    assert shelf.wait(1) == "assistant-1"
    assert shelf.ready(1) == "assistant-1"


def test_the_previous_generation_answers_while_the_next_loads() -> None:
    builds = Builds()
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    builds.allowed.release()
    assert shelf.wait(1) == "assistant-1"
    shelf.prepare(2)
    assert shelf.ready(2) == "assistant-1"  # no waiting for generation 2
    builds.allowed.release()
    assert settle(shelf, 2, "assistant-2") == "assistant-2"
    assert shelf.ready(2) == "assistant-2"


def test_a_question_after_a_reingest_waits_a_little_for_the_new_articles() -> None:
    builds = Builds()
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    builds.allowed.release()
    assert shelf.wait(1) == "assistant-1"
    shelf.prepare(2)
    threading.Timer(0.2, builds.allowed.release).start()
    assert shelf.wait(2, patience_s=WAIT) == "assistant-2"


def test_past_its_patience_the_previous_generation_answers() -> None:
    builds = Builds()
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    builds.allowed.release()
    assert shelf.wait(1) == "assistant-1"
    assert shelf.wait(2, patience_s=0.05) == "assistant-1"
    builds.allowed.release()
    assert settle(shelf, 2, "assistant-2") == "assistant-2"


def test_a_failed_build_is_raised_and_tried_again() -> None:
    builds = Builds()
    builds.fail_next = True
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    builds.allowed.release()
    with pytest.raises(OSError, match="could not be read"):
        shelf.wait(1)
    builds.allowed.release()
    assert shelf.wait(1) == "assistant-1"


def test_sessions_share_one_build() -> None:
    builds = Builds()
    shelf = AssistantShelf(builds)  # type: ignore[arg-type]
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(shelf.wait(3))) for _ in range(8)]
    for thread in threads:
        thread.start()
    builds.allowed.release()
    for thread in threads:
        thread.join(WAIT)
    assert results == ["assistant-1"] * 8
