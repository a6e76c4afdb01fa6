"""A question asking when to call an ambulance is answered by what the article says about calling
one, not by the section that best matches the condition's name."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.understanding.conversation import Conversation
from healthqa.text.emergency_call import asks_about_the_call
from tests.support.kb import build_article_assistant

BRONCHIOLITIS = """# Bronchiolitis

Bronchiolitis is a common chest infection in babies and children under 2. It is caused by a
virus and usually gets better on its own within 2 to 3 weeks.

## Treating bronchiolitis at home

Most babies can be looked after at home. Give small feeds more often, keep them upright during
feeds and use saline nose drops if their nose is blocked. Paracetamol or ibuprofen can ease a
high temperature in babies old enough to take them.

## How worried should I be?

| Signs | What to do |
|---|---|
| A cough and runny nose, feeding well | Look after your baby at home |
| Feeding less, fewer wet nappies, breathing a little fast | See a GP the same day |
| Struggling to breathe, pauses in breathing, blue lips or tongue | Call 911 straight away |

## Treatment in hospital

A baby in hospital may be given oxygen through small tubes in the nose and fluids through a
tube if they cannot feed. Antibiotics do not help because bronchiolitis is caused by a virus.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bronchiolitis.md", BRONCHIOLITIS)


def test_when_to_call_an_ambulance_is_answered_by_the_call(assistant):
    answer = assistant.answer(
        Conversation(), "When should I call an ambulance for my baby's bronchiolitis?"
    )
    assert answer.citations
    assert "Call 911" in answer.text, answer.text
    assert check_answer_citations(answer).precision == 1.0


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("When should I call an ambulance for croup?", True),
        ("should I go to the ER for a sprained ankle", True),
        ("when do I need to dial 911 for an asthma attack?", True),
        ("How is bronchiolitis treated?", False),
        ("When should I see a GP?", False),
    ],
)
def test_which_questions_ask_about_the_call(question, asks):
    assert asks_about_the_call(question) is asks
