"""First come, first served admission of answers: at most `limit` are computed at once.

A plain semaphore lets a thread that just finished win the next slot again while others wait,
so under load a few visitors wait seconds. Here waiting visitors queue in arrival order and a
finishing answer hands its slot straight to the first of them (waking only that one).
"""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class FairAdmission:
    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"limit is {limit}; it must be at least 1")
        self._limit = limit
        self._running = 0
        self._waiting: deque[threading.Lock] = deque()
        self._lock = threading.Lock()

    def __enter__(self) -> FairAdmission:
        with self._lock:
            if self._running < self._limit and not self._waiting:
                self._running += 1
                return self
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        try:
            gate.acquire()  # released by the answer that hands over its slot
        except BaseException:
            with self._lock:
                if gate in self._waiting:  # still queued: leave the queue
                    self._waiting.remove(gate)
                    raise
            self._release()  # the slot arrived as we were interrupted: pass it on
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._release()

    def _release(self) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()  # the slot passes on; running stays the same
            else:
                self._running -= 1

    @property
    def running(self) -> int:
        return self._running
