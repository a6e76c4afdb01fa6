"""An answer does not open in the middle of a paragraph with a sentence that leans on what the
paragraph said before it ("Repeated steroid injections ...", the injections never introduced):
it starts where the paragraph does, or with the paragraph's sentence that answers and leans on
nothing, the paragraph's start following it."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Tennis elbow

## Overview

Tennis elbow is pain on the outside of the elbow caused by overuse of the forearm muscles. It often gets better on its own within a year.

## Home care

Rest your arm and stop doing the activities that cause the pain. Hold a cold pack on the elbow for a few minutes several times a day. Painkillers such as ibuprofen can help for a short time.

## Procedures and surgery

If home care has not helped after several months, a physiotherapist can show you exercises, and a doctor may suggest steroid injections into the elbow or shock wave therapy. Repeated steroid injections are not advised because they can weaken the tendon and the skin around it. An operation to release the damaged tendon is rarely needed, and is generally an option only when the pain is severe and other treatments have failed for 6 to 12 months.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "tennis-elbow.md", ARTICLE)


def test_an_answer_starts_where_its_paragraph_does(assistant):
    answer = assistant.answer(Conversation(), "when do you need an operation for tennis elbow")
    assert "An operation to release the damaged tendon is rarely needed" in answer.text
    if "Repeated steroid injections" in answer.text:
        # The injections are introduced before the sentence that leans on them: the paragraph's
        # start comes first, or after the sentence that answers "when" (which leans on nothing).
        introduced = answer.text.find("If home care has not helped")
        assert 0 <= introduced < answer.text.find("Repeated steroid injections"), answer.text
        assert not answer.text.startswith("Repeated steroid injections"), answer.text
