"""Markup in a message is read as the text a browser would show; the code of a script is dropped."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.understanding.markup import as_plain_text


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("<script>steal()</script><b>what causes gout?</b>", "what causes gout?"),
        ("<STYLE type='text/css'>p {}</STYLE>is <i>gout</i> painful?", "is gout painful?"),
        ("<p>Hello</p><p>what is gout?</p>", "Hello\nwhat is gout?"),
        ("tea &amp; <em>toast</em> for a sore stomach?", "tea & toast for a sore stomach?"),
        ("what is gout?<!-- a comment -->", "what is gout?"),
        ("what is gout? <script>never closed", "what is gout?"),
    ],
)
def test_markup_is_read_as_its_text(message, text):
    assert as_plain_text(message) == text


@pytest.mark.parametrize(
    "message",
    ["is a blood pressure <120/80 normal?", "i <3 my new glasses", "x < y and y > z", "plain"],
)
def test_a_message_without_tags_is_unchanged(message):
    assert as_plain_text(message) == message


@given(st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=200))
def test_text_without_a_tag_opening_is_returned_as_it_was(text):
    assert as_plain_text(text) == text


@pytest.mark.parametrize(
    "hostile",
    ["<script>a" * 2000, "<script>" + "<" * 5000, "<b " * 3000, "<!--" * 3000, "<p>" * 4000],
)
def test_hostile_markup_is_read_in_linear_time(hostile):
    started = time.perf_counter()
    as_plain_text(hostile)
    assert time.perf_counter() - started < 0.5
