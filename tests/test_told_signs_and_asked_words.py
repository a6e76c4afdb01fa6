"""Within the right article, the section whose line says what the visitor told or asked:
"it's gone hot and swollen and it's oozing, is that normal?" from the getting-care line "hot,
swollen and oozing pus - it may be infected", not the general symptoms; "why does it look purple
and not pink?" from the symptoms sentence saying so, not the causes a "why" asks for."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

PAGE = """# Psoriasis

Psoriasis is a long-term skin condition that causes patches of flaky, scaly skin. It usually comes and goes, and it is not contagious.

## Symptoms of psoriasis

Psoriasis causes patches of skin that are dry, flaky, itchy and sometimes sore or swollen. The patches are most common on the elbows, knees, lower back and scalp. Is it normal for the patches to crack? Yes, they can crack and bleed. Some people also get pitted or crumbly nails.

On white skin the patches usually look pink or red with silvery scales. On brown and black skin they may look purple or dark brown with grey scales, and they can be harder to see.

## Causes of psoriasis

Psoriasis happens when the immune system makes new skin cells grow too quickly. It often runs in families. Flare-ups can be set off by stress, throat infections, cold weather, smoking and some medicines.

## Treatment

Creams and ointments that soften the skin are usually tried first. A doctor may also prescribe steroid creams or creams containing vitamin D. If creams do not help, light therapy or tablets may be offered by a skin specialist.

## Ask for an urgent GP appointment if:

- your psoriasis is hot, swollen and oozing pus, or has red streaks spreading from it - it may be infected
- you have a high temperature and feel shivery and unwell
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "psoriasis.md", PAGE)


def test_told_signs_named_by_a_getting_care_line(assistant):
    answer = assistant.answer(
        Conversation(),
        "my psoriasis on my elbow has gone all hot and swollen and its oozing. "
        "is that normal for psoriasis",
    )
    assert any(c.section.startswith("Ask for an urgent GP") for c in answer.citations), (
        answer.text
    )
    assert "it may be infected" in answer.text


def test_a_why_question_keeps_the_section_saying_its_words(assistant):
    answer = assistant.answer(
        Conversation(), "why does my psoriasis look purple and not pink? im black"
    )
    assert answer.citations, answer.text
    assert answer.citations[0].section == "Symptoms of psoriasis", answer.text
    assert "may look purple or dark brown" in answer.text
