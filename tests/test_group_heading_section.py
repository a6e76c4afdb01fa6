"""A follow-up about a group ("what about in babies?") is answered from the section whose
heading names the group ("Nappy rash in newborn babies"), not from the general self-care list
that names the group in one line ("Barrier cream is fine for babies too.")."""

from __future__ import annotations

import pytest

from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

PAGE = """# Contact dermatitis

Contact dermatitis is an itchy rash caused by something that touches the skin, such as a soap, a metal or a plant.

## Treatment

- steroid creams or ointments, for a few days, to calm a bad rash
- antihistamine tablets, which may help if itching keeps you awake
- a course of steroid tablets, for a severe rash that covers a large area

## Things you can do yourself

- Wash the skin with plain water after touching what caused it.
- Use a moisturiser (emollient) every day, even when the rash has gone.
- Wear gloves for washing-up and cleaning.
- Barrier cream is fine for babies too.
- Try not to scratch.

## Contact dermatitis in newborn babies

In babies it is usually caused by wet nappies, soaps or wipes. Change nappies often and leave the nappy off for a while each day. Wash the skin with water only, and use a barrier cream from a pharmacy. Most babies get better within a few days.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "dermatitis.md", PAGE)


def test_the_groups_own_section_answers_the_follow_up(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "what helps contact dermatitis")
    answer = assistant.answer(conversation, "what about in babies?")
    assert answer.citations, answer.text
    assert answer.citations[0].section == "Contact dermatitis in newborn babies", answer.text
