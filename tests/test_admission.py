"""Answers admitted first come, first served, never more than the limit at once."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.admission import FairAdmission
from healthqa.errors import SettingsError
from healthqa.settings import Settings


def test_never_more_than_the_limit_run_at_once() -> None:
    admission = FairAdmission(3)
    peak = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal peak
        for _ in range(20):
            with admission:
                with lock:
                    peak = max(peak, admission.running)
                time.sleep(0.001)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 3
    assert admission.running == 0


def test_waiting_callers_are_admitted_in_arrival_order() -> None:
    admission = FairAdmission(1)
    order: list[int] = []
    admission.__enter__()  # the slot is taken; everyone below queues
    threads = []
    for n in range(5):

        def wait_turn(n: int = n) -> None:
            with admission:
                order.append(n)

        thread = threading.Thread(target=wait_turn)
        thread.start()
        threads.append(thread)
        time.sleep(0.05)  # so the arrival order is known
    admission.__exit__(None, None, None)
    for thread in threads:
        thread.join(timeout=5)
    assert order == [0, 1, 2, 3, 4]
    assert admission.running == 0


def test_an_error_inside_still_frees_the_slot() -> None:
    admission = FairAdmission(1)
    with pytest.raises(RuntimeError), admission:
        raise RuntimeError("boom")
    with admission:
        assert admission.running == 1


def test_the_limit_is_a_setting() -> None:
    assert Settings.from_env({"HEALTHQA_MAX_CONCURRENT_ANSWERS": "2"}).max_concurrent_answers == 2
    assert Settings.from_env({}).max_concurrent_answers >= 2
    with pytest.raises(SettingsError, match="max_concurrent_answers"):
        Settings.from_env({"HEALTHQA_MAX_CONCURRENT_ANSWERS": "0"})
