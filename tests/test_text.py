"""Markdown and plain-text loader: front matter, headings, paragraphs, bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthqa.errors import IngestError
from ingest.text import load_text


def test_markdown_with_front_matter(fixtures_dir: Path) -> None:
    path = fixtures_dir / "articles" / "flu-vaccine.md"
    article = load_text(path, doc_id="flu-vaccine.md")
    assert article.doc_id == "flu-vaccine.md"
    assert article.title == "The Seasonal Flu Vaccine"
    assert article.url == "https://health.example.org/flu/vaccine"
    assert article.source == "Example Health Library"
    assert article.reviewed == "2024-09-02"
    assert article.metadata == {"audience": "adults"}
    assert article.path == str(path)
    assert [s.heading for s in article.sections] == [
        "The Seasonal Flu Vaccine",
        "Who Should Get It",
        "Side Effects",
    ]
    intro, who, side = (s.text for s in article.sections)
    assert "becoming seriously ill if you do catch it." in intro  # emphasis and wrapping undone
    assert "- adults aged 65 and older\n- people who are pregnant\n- people with asthma" in who
    assert "Timing" in who  # a ### heading stays inside its section
    assert "See the vaccine safety page for more." in side
    assert "](" not in side
    assert "---" not in intro


def test_plain_text_file(fixtures_dir: Path) -> None:
    article = load_text(fixtures_dir / "articles" / "scraped-sleep-apnea.txt")
    assert article.title == "Sleep Apnea: Signs You Should Not Ignore"
    assert [s.heading for s in article.sections] == ["", "How Is It Diagnosed?"]
    assert article.url is None


def test_title_from_file_name_when_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "iron-deficiency_notes.txt"
    path.write_text("Iron deficiency is common. Leafy greens and beans help.\n")
    article = load_text(path)
    assert article.title == "Iron deficiency notes"
    assert article.sections[0].text == "Iron deficiency is common. Leafy greens and beans help."


def test_front_matter_in_plain_text_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(
        b"---\ntitle: Caf\xe9 culture\nreviewed: 2021-03-04\n---\n"
        b"Too much coffee can cause jitters \x96 cut down slowly.\n"
    )
    article = load_text(path)
    assert article.title == "Café culture"
    assert article.reviewed == "2021-03-04"
    assert "jitters – cut down" in article.sections[0].text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00junk" * 20, "looks like binary data"),
        (b"---\ntitle: [unclosed\n---\nBody text here.\n", "malformed YAML front matter"),
        (b"---\n- a\n- b\n---\nBody text here.\n", "not a set of key: value fields"),
        (b"\n\n   \n", "contains no article text"),
    ],
)
def test_bad_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        load_text(path)


_VOCABULARY = ["blood", "pressure", "heart", "kidney", "doctor", "sleep", "water", "daily",
               "pain", "symptoms", "may", "often", "with", "after", "rest", "care", "the", "and"]
_sentence = st.lists(st.sampled_from(_VOCABULARY), min_size=3, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
_paragraph = st.lists(_sentence, min_size=1, max_size=4)
_heading = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=4).map(
    lambda words: " ".join(w.capitalize() for w in words)
)
_section = st.tuples(_heading, st.lists(_paragraph, min_size=1, max_size=3))


@settings(max_examples=60, deadline=None)
@given(title=_heading, sections=st.lists(_section, min_size=1, max_size=4))
def test_plain_text_keeps_every_sentence(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    sections: list[tuple[str, list[list[str]]]],
) -> None:
    parts = [title]
    for heading, paragraphs in sections:
        parts.append(heading)
        parts.extend(" ".join(p) for p in paragraphs)
    path = tmp_path_factory.mktemp("txt") / "generated.txt"
    path.write_text("\n\n".join(parts) + "\n")
    article = load_text(path)
    kept = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    for _, paragraphs in sections:
        for paragraph in paragraphs:
            for sentence in paragraph:
                assert sentence in kept
    assert article.title == title
    assert [s.heading for s in article.sections] == [h for h, _ in sections]
