"""Small talk gets a short fixed reply; anything with a real question in it goes on to retrieval."""

from __future__ import annotations

import pytest

from assistant.understanding.smalltalk import (
    ABOUT_REPLY,
    GOODBYE_REPLY,
    GREETING_REPLY,
    THANKS_REPLY,
    small_talk_reply,
)


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("hi", GREETING_REPLY),
        ("Hello there!", GREETING_REPLY),
        ("good morning", GREETING_REPLY),
        ("Hey, how are you?", GREETING_REPLY),
        ("thanks!", THANKS_REPLY),
        ("Thank you so much", THANKS_REPLY),
        ("ok thanks for the help", THANKS_REPLY),
        ("bye", GOODBYE_REPLY),
        ("thanks, bye!", GOODBYE_REPLY),
        ("who are you?", ABOUT_REPLY),
        ("What can you do?", ABOUT_REPLY),
        ("hi, are you a doctor?", ABOUT_REPLY),
    ],
)
def test_small_talk_gets_a_fixed_reply(message: str, reply: str) -> None:
    assert small_talk_reply(message) == reply


@pytest.mark.parametrize(
    "message",
    [
        "hi, what is gout?",
        "hello, my chest hurts",
        "thanks, but what about kids?",
        "hiv",
        "helpless and tired all the time",
        "gout",
        "",
        "   ",
    ],
)
def test_anything_else_goes_on(message: str) -> None:
    assert small_talk_reply(message) is None


@pytest.mark.parametrize("reply", [GREETING_REPLY, ABOUT_REPLY])
def test_replies_say_what_the_assistant_is_and_is_not(reply: str) -> None:
    assert "vetted" in reply
    assert "not medical advice" in reply


def test_im_done_is_not_taken_for_a_goodbye():
    # Alone it can be despair: the safety triage and the search read it, not a fixed "Take care!".
    assert small_talk_reply("I'm done") is None


def test_spanish_pleasantries_get_the_fixed_replies():
    assert small_talk_reply("¡Adiós!") == GOODBYE_REPLY
    assert small_talk_reply("muchas gracias") == THANKS_REPLY
