"""'What is X?' is answered by the article's untitled opening when it says what X is ("...
it is called chronic obstructive pulmonary disease (COPD)"), not by a section that only names X
in passing ("COPD that is not treated gets worse over time"), however close its score."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

PAGE = """# Smoker's cough and lung disease (COPD)

Many smokers get a cough now and then. A smoker's cough is a cough that keeps coming back, with phlegm, caused by smoke irritating the airways. If smoking damages and narrows the airways and the air sacs of the lungs over many years, so that the breathing gets steadily harder, it is called chronic obstructive pulmonary disease (COPD).

## What are the symptoms?

The main symptoms are:

- getting short of breath, especially when you are active
- a cough that lasts a long time, with phlegm
- wheezing
- chest infections that keep coming back

## How to look after your lungs

- Stop smoking. It is the most important thing you can do.
- Keep active, even if it makes you breathless at first.
- Have the yearly flu vaccine.

## When to see a doctor

See your doctor if:

- you have a cough most days for 3 weeks or more
- you get breathless doing everyday things
- you cough up blood

COPD that is not treated is serious. Your doctor may ask you to blow into a machine called a spirometer.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "copd.md", PAGE)


def test_what_is_it_is_answered_by_the_opening(assistant):
    answer = assistant.answer(Conversation(), "what is copd")
    assert answer.citations, answer.text
    assert answer.citations[0].section == "", answer.text
    assert "it is called chronic obstructive pulmonary disease" in answer.text
    assert not answer.text.startswith("COPD that is not treated"), answer.text
