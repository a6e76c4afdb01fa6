"""A broad question ("how is acne treated?") is answered with the opening of each subsection of
its kind under one heading ("Treatment — Creams and gels", ingest's name for an h3 under an h2
with no text of its own), not with the one treatment whose sentences match best; a narrower
one ("how is acne treated with tablets?") still gets its own section."""

from __future__ import annotations

import pytest

from assistant.compose.headings import asks_only_its_kind, parent_heading, under_kind
from assistant.understanding.conversation import Conversation
from assistant.understanding.question_types import QuestionType
from tests.support.kb import build_article_assistant

ARTICLE = """# Acne

Acne is a common skin condition that causes spots, oily skin and sometimes skin that is hot or painful to touch. It mostly affects teenagers and young adults.

## Symptoms of acne

Acne most often affects the face, back and chest. Spots range from blackheads and whiteheads to painful lumps under the skin called nodules.

## Treatment — Creams and gels

Creams and gels are usually the first treatment for mild acne. They include benzoyl peroxide, which kills bacteria on the skin, and retinoids, which unblock the pores. They can take 6 to 8 weeks to work and may make the skin dry at first.

## Treatment — Tablets

Antibiotic tablets are used for moderate acne, together with a cream, for up to 3 months. Some women find the combined contraceptive pill helps their acne.

## Treatment — From a specialist

Severe acne may be treated by a skin specialist with isotretinoin tablets. Isotretinoin works well but can have serious side effects, so it needs regular check-ups.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "acne.md", ARTICLE)


def test_a_broad_question_gets_the_opening_of_each_section_of_its_kind(assistant):
    answer = assistant.answer(Conversation(), "How is acne treated?")
    sections = [c.section for c in answer.citations]
    assert sections == [
        "Treatment — Creams and gels",
        "Treatment — Tablets",
        "Treatment — From a specialist",
    ], answer.text
    assert "Creams and gels are usually the first treatment" in answer.text
    assert "Antibiotic tablets are used for moderate acne" in answer.text
    assert "Severe acne may be treated" in answer.text


def test_a_narrower_question_gets_its_own_section(assistant):
    answer = assistant.answer(Conversation(), "how is acne treated with tablets?")
    assert answer.citations[0].section == "Treatment — Tablets", answer.text


@pytest.mark.parametrize(
    ("question", "asked", "broad"),
    [
        ("How is acne treated?", QuestionType.treatment, True),
        ("how to prevent acne", QuestionType.prevention, True),
        ("how is acne treated with tablets?", QuestionType.treatment, False),
        ("tell me about acne", QuestionType.information, False),
    ],
)
def test_asks_only_its_kind(question, asked, broad):
    assert asks_only_its_kind(question, asked, "Acne") is broad


@pytest.mark.parametrize(
    ("heading", "parent"),
    [
        ("Treatment — Tablets", "Treatment"),
        ("Tablets (Treatment)", "Treatment"),
        ("Creams (emollients) (Treatment)", "Treatment"),
        ("Symptoms of acne", ""),
    ],
)
def test_parent_heading(heading, parent):
    assert parent_heading(heading) == parent



def test_a_subsection_answers_its_parents_kind():
    assert under_kind("Preventing scars (Treatment)", QuestionType.treatment)
    assert under_kind("Treatment — Preventing scars", QuestionType.treatment)
    assert not under_kind("Preventing scars", QuestionType.treatment)
