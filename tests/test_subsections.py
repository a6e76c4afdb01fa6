"""A section whose own text only introduces the sub-sections under it ("Treatment depends on how
much it hurts." over h3s) is answered from those sub-sections, not from its one line."""

from __future__ import annotations

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.retrieval.subsections import subsections_of
from assistant.understanding.conversation import Conversation
from healthqa.text.sentences import split_sentences
from index.records import Chunk, StoredChunk
from tests.support.kb import build_article_assistant


def page(*sections: tuple[str, str]) -> list[StoredChunk]:
    chunks = []
    for n, (heading, text) in enumerate(sections):
        chunk = Chunk(
            doc_id="chilblains", ordinal=n, section_index=n, text=text, title="Chilblains",
            section=heading, start=0, end=len(text), sentence_spans=tuple(split_sentences(text)),
        )
        chunks.append(StoredChunk(chunk_id=100 + n, chunk=chunk))
    return chunks


BODY = "Keep your feet warm and dry, and wear thick socks in bed on cold nights."


def headings(chunks: list[StoredChunk]) -> list[str]:
    return [c.chunk.section for c in chunks]


def test_the_sections_after_an_introduction_are_its_parts_until_one_asks_another_question():
    chunks = page(
        ("Overview", "Chilblains are small itchy swellings on the skin. " + BODY + " " + BODY),
        ("Treatment", "How chilblains are treated depends on how bad they are."),
        ("At home", BODY),
        ("From a pharmacist", BODY),
        ("Causes", BODY),  # a section of its own: it answers another kind of question
        ("Outlook", BODY),
    )
    assert headings(subsections_of(chunks[1], chunks)) == ["At home", "From a pharmacist"]


def test_a_heading_the_introduction_names_is_one_of_its_parts_whatever_its_type():
    chunks = page(
        ("Prevention", "Preventing chilblains takes warm clothing and some diet changes."),
        ("Warm clothing", BODY),
        ("Diet changes", BODY),
        ("Symptoms", BODY),
    )
    assert headings(subsections_of(chunks[0], chunks)) == ["Warm clothing", "Diet changes"]


def test_a_heading_that_is_a_question_starts_a_section_of_its_own():
    chunks = page(
        ("Treatment", "How chilblains are treated depends on how bad they are."),
        ("Will they come back every winter?", BODY),
    )
    assert subsections_of(chunks[0], chunks) == []


def test_a_heading_phrased_as_a_question_without_its_mark_starts_a_section_of_its_own():
    # A two-column leaflet: a one-line "Other remedies" and then "When to see a GP".
    chunks = page(
        ("Other remedies", "Some people find ginger helps."),
        ("When to see a GP", BODY),
    )
    assert subsections_of(chunks[0], chunks) == []


def test_a_section_that_says_something_of_its_own_has_no_parts():
    chunks = page(
        ("Treatment", "Chilblains usually heal on their own in one to two weeks. " + BODY),
        ("At home", BODY),
    )
    assert subsections_of(chunks[0], chunks) == []


BUNIONS = """<!doctype html>
<html><head><title>Bunions | Eastgate Foot Clinic</title></head>
<body><main><article>
<h1>Bunions</h1>
<p>A bunion is a bony lump on the side of the foot, at the base of the big toe. Bunions get
slowly worse over the years and can make walking and finding shoes painful.</p>
<h2>Symptoms of bunions</h2>
<p>The main symptom is a hard lump at the base of the big toe. The big toe may point towards the
other toes, and the skin over the lump can be red, swollen and sore.</p>
<h2>Treatment</h2>
<p>How a bunion is treated depends on how much pain it causes.</p>
<h3>Things you can do yourself</h3>
<p>Wear wide shoes with a low heel and a soft sole. Bunion pads from a pharmacy cushion the lump.
Paracetamol or ibuprofen can ease the pain, and an ice pack wrapped in a towel helps the
swelling.</p>
<h3>Surgery</h3>
<p>An operation to straighten the big toe is only offered when the pain is severe and other
treatments have not helped. Recovery from bunion surgery takes 6 weeks to 6 months.</p>
<h2>Causes of bunions</h2>
<p>Bunions often run in families. Tight, narrow or high-heeled shoes can make them worse.</p>
</article></main></body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "bunions.html", BUNIONS)


def test_an_answer_from_an_introduction_quotes_its_parts(assistant):
    answer = assistant.answer(Conversation(), "how are bunions treated?")
    assert not answer.abstained
    lead = answer.citations[0]
    assert lead.section == "Treatment"
    quoted = [" ".join(lead.passage[a:b].split()) for a, b in lead.spans]
    parts = " ".join(BUNIONS.split("<h3>", 1)[1].split("<h2>", 1)[0].split())
    # More than the one line that introduces them, and nothing from the next h2.
    assert any(sentence in parts for sentence in quoted), answer.text
    assert "run in families" not in answer.text
    assert check_answer_citations(answer).precision == 1.0


def test_a_pages_untitled_opening_is_not_an_introduction_of_the_sections_after_it():
    chunks = page(
        ("", "Chilblains are itchy swellings that appear after the cold."),
        ("At home", BODY),
    )
    assert subsections_of(chunks[0], chunks) == []
