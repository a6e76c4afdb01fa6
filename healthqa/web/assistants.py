"""The assistant of each index generation, built once per server process in a background thread.

The page draws (and takes questions) while the model loads: importing and loading the embedding
model takes longer than a visitor should wait for a chat box. A question waits for the build;
after a re-ingest publishes a new generation, the newest assistant already built keeps answering
until the new one is ready, so nobody waits for a reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor

from assistant.service import Assistant

# A superseded generation stays open while sessions may still be answering from it.
KEEP_GENERATIONS = 2


class AssistantShelf:
    """Up to KEEP_GENERATIONS assistants, shared by every session; `build` opens a generation's
    assistant (it reads the live generation, so it is called once per generation number)."""

    def __init__(self, build: Callable[[], Assistant]) -> None:
        self._build = build
        # One worker: builds happen in the order asked, never two at once.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthqa-load")
        self._lock = threading.Lock()
        self._assistants: dict[int, Future[Assistant]] = {}

    def prepare(self, generation: int) -> None:
        """Starts building the assistant for `generation` unless it is built or being built."""
        self._future(generation)

    def ready(self, generation: int) -> Assistant | None:
        """An assistant that can answer now without waiting: the one for `generation`, else the
        newest one already built; None while none is built. A failed build raises its error
        (and is tried again on the next call)."""
        wanted = self._future(generation)
        if wanted.done():
            return self._result(generation, wanted)
        with self._lock:
            built = sorted(
                (number, future)
                for number, future in self._assistants.items()
                if future.done() and future.exception() is None
            )
        return built[-1][1].result() if built else None

    def wait(self, generation: int, patience_s: float = 0.0) -> Assistant:
        """An assistant to answer with, waiting for a build only when none is ready. With
        `patience_s`, a question asked just after a re-ingest waits that long for the new
        generation's assistant before an older one answers it."""
        if patience_s > 0:
            futures.wait([self._future(generation)], timeout=patience_s)
        ready = self.ready(generation)
        if ready is not None:
            return ready
        return self._result(generation, self._future(generation))

    def _future(self, generation: int) -> Future[Assistant]:
        with self._lock:
            future = self._assistants.get(generation)
            if future is None:
                future = self._worker.submit(self._build)
                self._assistants[generation] = future
            return future

    def _result(self, generation: int, future: Future[Assistant]) -> Assistant:
        try:
            assistant = future.result()
        except BaseException:
            with self._lock:
                if self._assistants.get(generation) is future:
                    del self._assistants[generation]
            raise
        with self._lock:
            older = sorted(n for n in self._assistants if n < generation)
            for number in older[: max(0, len(older) - (KEEP_GENERATIONS - 1))]:
                del self._assistants[number]
        return assistant
