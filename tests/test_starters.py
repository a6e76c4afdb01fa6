"""Starter questions: tidy, deterministic, one per document, spread across sources."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.starters import as_question, pick_documents, question_for, starter_questions
from index.records import DocumentRecord


def doc(doc_id: str, title: str, source: str | None = None) -> DocumentRecord:
    return DocumentRecord(doc_id=doc_id, title=title, content_hash="h", source=source)


def test_medquad_headings_become_tidy_questions() -> None:
    assert as_question("What is (are) Glaucoma ?") == "What is Glaucoma?"
    symptoms = "What are the symptoms of Shingles"
    assert as_question(symptoms + " ?") == symptoms + "?"
    assert as_question("Do you have information about  Flu") == "Do you have information about Flu?"
    assert as_question("Symptoms") is None
    assert as_question("Treatment options") is None


def test_a_document_without_question_headings_is_asked_about_by_title() -> None:
    assert question_for(doc("a", "Gout"), ["Causes", "Treatment"]) == "What is Gout?"
    second_opinion = doc("b", "Cancer: When Do You Need a Second Opinion, and Why?")
    assert question_for(second_opinion, []) == second_opinion.title
    assert question_for(doc("c", "x" * 200), []) is None


def test_sources_take_turns() -> None:
    documents = [doc(f"gard-{i}", f"Disease {i}", "GARD") for i in range(20)]
    documents += [doc("cdc-1", "Flu", "CDC"), doc("seed", "Second opinions", None)]
    picked = pick_documents(documents, 3)
    assert {d.source for d in picked} == {"GARD", "CDC", None}


@given(st.lists(st.tuples(st.text(min_size=1, max_size=8), st.sampled_from("ABC")), max_size=30))
def test_starters_are_deterministic_and_distinct(entries: list[tuple[str, str]]) -> None:
    documents = [doc(f"{i}-{name}", name, source) for i, (name, source) in enumerate(entries)]
    first = starter_questions(pick_documents(documents, 8), {}, count=4)
    again = starter_questions(pick_documents(list(reversed(documents)), 8), {}, count=4)
    assert first == again
    assert len(first) == len(set(first)) <= 4
    assert all(q.endswith("?") for q in first)
