"""The editor password gate shared by the Editor and Evaluation pages.

Guessing is slowed twice over: a session that gets the password wrong MAX_FAILURES times is
locked for LOCKOUT_SECONDS, and because a new session is one page reload away (addresses are not
stored), every session is locked once GLOBAL_MAX_FAILURES wrong passwords arrive within
LOCKOUT_SECONDS. The password is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

UNLOCKED_KEY = "editor_unlocked"
ATTEMPTS_KEY = "editor_login_attempts"
MAX_FAILURES = 5
GLOBAL_MAX_FAILURES = 30
LOCKOUT_SECONDS = 15 * 60


def password_matches(given: str, password: str) -> bool:
    """Constant time in both the content and the length of `given`."""
    return hmac.compare_digest(
        hashlib.sha256(given.encode("utf-8")).digest(),
        hashlib.sha256(password.encode("utf-8")).digest(),
    )


@dataclass
class ClientAttempts:
    """One session's wrong passwords (kept in its session state)."""

    failures: int = 0
    locked_until: float = 0.0


class LoginThrottle:
    """Per-session and process-wide limits on wrong passwords; `clock` is monotonic seconds."""

    def __init__(
        self,
        *,
        max_failures: int = MAX_FAILURES,
        global_max_failures: int = GLOBAL_MAX_FAILURES,
        lockout_seconds: float = LOCKOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.global_max_failures = global_max_failures
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: deque[float] = deque()  # times of recent wrong passwords, any session

    def seconds_locked(self, client: ClientAttempts) -> float:
        """How long `client` must wait before trying again; 0 when it may try now."""
        now = self._clock()
        with self._lock:
            self._forget(now)
            everyone = 0.0
            if len(self._failures) >= self.global_max_failures:
                # Open again once enough of the recent failures have aged out of the window.
                oldest_to_expire = self._failures[len(self._failures) - self.global_max_failures]
                everyone = oldest_to_expire + self.lockout_seconds - now
        return max(0.0, client.locked_until - now, everyone)

    def attempt(self, client: ClientAttempts, given: str, password: str) -> bool:
        """Checks a password unless locked; False for a wrong password or while locked."""
        if self.seconds_locked(client) > 0:
            return False
        if password_matches(given, password):
            client.failures = 0
            return True
        now = self._clock()
        with self._lock:
            self._failures.append(now)
        client.failures += 1
        if client.failures >= self.max_failures:
            client.locked_until = now + self.lockout_seconds
            client.failures = 0
        return False

    def _forget(self, now: float) -> None:
        while self._failures and self._failures[0] <= now - self.lockout_seconds:
            self._failures.popleft()


def wait_message(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many wrong passwords; try again in {minutes} {unit}."


@st.cache_resource(show_spinner=False)
def login_throttle() -> LoginThrottle:
    """The process-wide throttle every session shares."""
    return LoginThrottle()


def unlocked(password: str) -> bool:
    """True once this session has given the password; otherwise draws the login form."""
    if st.session_state.get(UNLOCKED_KEY):
        return True
    throttle = login_throttle()
    client: ClientAttempts = st.session_state.setdefault(ATTEMPTS_KEY, ClientAttempts())
    with st.form("login"):
        given = st.text_input("Editor password", type="password")
        submitted = st.form_submit_button("Unlock")
    if not submitted:
        return False
    waiting = throttle.seconds_locked(client)
    if waiting > 0:
        st.error(wait_message(waiting))
        return False
    if throttle.attempt(client, given, password):
        st.session_state[UNLOCKED_KEY] = True
        st.rerun()  # draw the page without the form
    waiting = throttle.seconds_locked(client)
    st.error(wait_message(waiting) if waiting > 0 else "That password is not right.")
    return False
