"""A sentence telling to call the emergency number that closes a quoted paragraph is quoted with
it, even when the answer is already at its word budget."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from healthqa.text.emergency_call import tells_to_call_for_help
from tests.support.kb import build_article_assistant

MENINGITIS = """# Meningitis

Meningitis is an infection of the membranes that cover the brain and spinal cord. It can be
caused by bacteria or viruses. Bacterial meningitis is less common but can be very serious.

## Symptoms of meningitis

Meningitis can start like flu and get worse quickly, sometimes within hours. Babies and young
children may be unusually sleepy, floppy or irritable, may refuse feeds and may have a bulging
soft spot on their head. Older children and adults often have a severe headache and may find
bright lights hard to bear. Some people have cold hands and feet even with a high temperature.
A rash may appear, although not everyone gets one, and it can start as small spots that spread.
Not everyone gets every symptom, and the symptoms can appear in any order. Trust your instincts
if someone seems more unwell than you would expect. If you notice these signs, don't wait. Call
999 straight away!

Signs of meningitis include:
- a high temperature
- a severe headache
- a stiff neck
- dislike of bright lights
- being sick
- drowsiness or being hard to wake
- confusion
- a rash that does not fade when a glass is rolled over it
- seizures
- cold hands and feet

## Treatment

Bacterial meningitis is treated in hospital with antibiotics given into a vein. Viral
meningitis usually gets better on its own within 7 to 10 days.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "meningitis.md", MENINGITIS)


def test_the_call_closing_a_quoted_paragraph_is_quoted_with_it(assistant):
    answer = assistant.answer(Conversation(), "what are the symptoms of meningitis?")
    assert answer.citations
    assert "don't wait" in answer.text
    assert "Call 999 straight away!" in answer.text


@pytest.mark.parametrize(
    ("sentence", "tells"),
    [
        ("Call 911 right away!", True),
        ("If you think someone is having a stroke, dial 999.", True),
        ("Call an ambulance if the person stops breathing.", True),
        ("Call your local emergency number at once.", True),
        ("Call your GP if the rash spreads.", False),
        ("Knowing the signs can save a life.", False),
    ],
)
def test_which_sentences_tell_to_call_for_help(sentence, tells):
    assert tells_to_call_for_help(sentence) is tells
