"""Starter questions read as a visitor's questions, never as database headings pasted into a
template; MedQuAD headings are read back into their question type for labels and starters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from healthqa.web.headings import parse_heading, short_section
from healthqa.web.starters import heading_question, question_for, starter_questions, title_question
from index.records import DocumentRecord
from ingest.medquad import load_medquad

MEDQUAD = Path(__file__).resolve().parent / "fixtures" / "articles" / "medquad-document.xml"


def document(doc_id: str, title: str) -> DocumentRecord:
    return DocumentRecord(doc_id=doc_id, title=title, content_hash="h")


@pytest.mark.parametrize(
    ("heading", "question"),
    [
        ("What are the symptoms of Glaucoma ?", "What are the symptoms of Glaucoma?"),
        ("How to diagnose Glaucoma ?", "How is Glaucoma diagnosed?"),
        ("Who is at risk for Glaucoma? ?", "Who is at risk for Glaucoma?"),
        ("What is (are) Age-related Macular Degeneration ?",
         "What is Age-related Macular Degeneration?"),
        ("Why get a second opinion?", "Why get a second opinion?"),
        # Database headings that are no visitor's question:
        ("What is (are) What I need to know about Gas ?", None),
        ("What causes What I need to know about Gas ?", None),
        ("What is (are) Prevent diabetes problems: Keep your eyes healthy ?", None),
        ("What is (are) Creating a Family Health History ?", None),
        ("what research (or clinical trials) is being done for Glaucoma ?", None),
        ("Do you have information about Glaucoma", None),
        ("Causes", None),
        ("Treatment", None),
    ],
)  # fmt: skip
def test_headings_become_questions_only_when_they_read_as_one(
    heading: str, question: str | None
) -> None:
    assert heading_question(heading) == question


@pytest.mark.parametrize(
    ("title", "question"),
    [
        ("Gout", "What should I know about Gout?"),
        ("Creating a Family Health History",
         "What should I know about Creating a Family Health History?"),
        ("Can I get a second opinion?", "Can I get a second opinion?"),
        ("What I need to know about Gas", None),
        ("Prevent diabetes problems: Keep your eyes healthy", None),
        ("Chilblains <script>alert(1)</script>", None),
        ("![x](http://127.0.0.1:9/beacon.png)", None),
    ],
)  # fmt: skip
def test_titles_are_asked_about_naturally(title: str, question: str | None) -> None:
    assert title_question(title) == question


def test_a_document_with_question_headings_offers_one_of_them() -> None:
    headings = ["What is (are) Glaucoma ?", "What are the treatments for Glaucoma ?"]
    question = question_for(document("g", "Glaucoma"), headings)
    assert question in {"What is Glaucoma?", "How is Glaucoma treated?"}
    assert question == question_for(document("g", "Glaucoma"), list(reversed(headings)))


def test_a_real_medquad_document_gives_a_natural_question() -> None:
    article = load_medquad(MEDQUAD)
    question = question_for(
        document(article.doc_id, article.title), [s.heading for s in article.sections]
    )
    assert question is not None
    assert question.endswith("?")
    assert "(are)" not in question
    assert not re.search(r"\s\?", question)


def test_starters_are_distinct_and_skip_unaskable_documents() -> None:
    documents = [
        document("a", "What I need to know about Gas"),
        document("b", "Gout"),
        document("c", "Asthma"),
        document("d", "Gout"),
    ]
    assert starter_questions(documents, {}, count=4) == [
        "What should I know about Gout?",
        "What should I know about Asthma?",
    ]


def test_medquad_headings_shorten_to_their_question_type() -> None:
    assert short_section("What are the symptoms of Glaucoma ?", "Glaucoma") == "Symptoms"
    assert short_section("Who is at risk for Glaucoma? ?", "Glaucoma") == "Who is at risk"
    assert short_section("Glaucoma", "Glaucoma") == ""
    assert short_section("Treatment", "Gout") == "Treatment"
    parsed = parse_heading("What are the genetic changes related to Alport syndrome ?")
    assert parsed is not None
    assert parsed.focus == "Alport syndrome"
