"""Errors turned into one sentence on the page, never a traceback.

A HealthQAError already is that sentence. Anything else is a bug or an environment problem the
visitor cannot fix: the page says what it was doing and the traceback goes to the server log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import streamlit as st

from healthqa.errors import HealthQAError
from healthqa.web.rendering import inline

logger = logging.getLogger("healthqa.web")

P = ParamSpec("P")
R = TypeVar("R")


def message_for(error: Exception, doing: str) -> str:
    """The sentence a page shows for `error`, raised while `doing` ("answering your question")."""
    if isinstance(error, HealthQAError):
        return str(error)
    return f"Something went wrong while {doing}; the details are in the server log."


@contextmanager
def shown_errors(doing: str) -> Iterator[None]:
    """Shows any error raised inside as one sentence with st.error (Streamlit's own rerun and
    stop signals are BaseExceptions and pass through)."""
    try:
        yield
    except Exception as error:  # every error becomes a sentence; bugs are logged
        if not isinstance(error, HealthQAError):
            logger.exception("Unexpected error while %s", doing)
        st.error(inline(message_for(error, doing)), icon=":material/error:")


def callback_errors(doing: str) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """The same for a widget callback, which runs before the page is drawn: a toast instead."""

    def decorate(callback: Callable[P, None]) -> Callable[P, None]:
        @wraps(callback)
        def run(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                callback(*args, **kwargs)
            except Exception as error:
                if not isinstance(error, HealthQAError):
                    logger.exception("Unexpected error while %s", doing)
                st.toast(inline(message_for(error, doing)), icon=":material/error:")

        return run

    return decorate
