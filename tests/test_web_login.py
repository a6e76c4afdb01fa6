"""The editor login: constant-time comparison, a per-session lock after MAX_FAILURES wrong
passwords, and a process-wide lock so new sessions cannot keep guessing."""

from __future__ import annotations

from healthqa.web.login import ClientAttempts, LoginThrottle, password_matches, wait_message


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def throttle(clock: Clock, **limits: float) -> LoginThrottle:
    values = {"max_failures": 5, "global_max_failures": 12, "lockout_seconds": 900.0}
    values.update(limits)
    return LoginThrottle(clock=clock, **values)  # type: ignore[arg-type]


def test_passwords_compare_exactly() -> None:
    assert password_matches("correct horse", "correct horse")
    assert not password_matches("correct hors", "correct horse")
    assert not password_matches("", "correct horse")
    assert not password_matches("correct horse ", "correct horse")


def test_five_failures_lock_the_session_for_fifteen_minutes() -> None:
    clock = Clock()
    guard = throttle(clock)
    client = ClientAttempts()
    for _ in range(4):
        assert not guard.attempt(client, "guess", "secret")
        assert guard.seconds_locked(client) == 0
    assert not guard.attempt(client, "guess", "secret")
    assert guard.seconds_locked(client) == 900
    assert not guard.attempt(client, "secret", "secret")  # even the right one, while locked
    clock.now += 899
    assert not guard.attempt(client, "secret", "secret")
    clock.now += 1
    assert guard.attempt(client, "secret", "secret")
    assert wait_message(900) == "Too many wrong passwords; try again in 15 minutes."
    assert wait_message(30) == "Too many wrong passwords; try again in 1 minute."


def test_another_session_is_not_locked_by_one_sessions_failures() -> None:
    guard = throttle(Clock())
    guesser, editor = ClientAttempts(), ClientAttempts()
    for _ in range(5):
        guard.attempt(guesser, "guess", "secret")
    assert guard.seconds_locked(guesser) > 0
    assert guard.attempt(editor, "secret", "secret")


def test_many_sessions_cannot_keep_guessing() -> None:
    clock = Clock()
    guard = throttle(clock)
    for _ in range(12):  # a new session (page reload) for every few guesses
        guard.attempt(ClientAttempts(), "guess", "secret")
        clock.now += 1
    fresh = ClientAttempts()
    assert guard.seconds_locked(fresh) > 0
    assert not guard.attempt(fresh, "secret", "secret")
    clock.now += 900
    assert guard.attempt(fresh, "secret", "secret")


def test_a_right_password_clears_the_sessions_count() -> None:
    guard = throttle(Clock())
    client = ClientAttempts()
    for _ in range(4):
        guard.attempt(client, "guess", "secret")
    assert guard.attempt(client, "secret", "secret")
    for _ in range(4):
        guard.attempt(client, "guess", "secret")
    assert guard.seconds_locked(client) == 0
