"""BEIR corpus loader: ids kept exactly, bad lines named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthqa.errors import IngestError
from ingest.beir import load_beir, looks_like_beir


def test_records_become_articles(fixtures_dir: Path) -> None:
    path = fixtures_dir / "articles" / "corpus.jsonl"
    articles = load_beir(path)
    assert [a.doc_id for a in articles] == ["ex-001", "ex-002", "EX 3/Mixed"]
    first, untitled, _ = articles
    assert first.title == "Treating a sprained ankle"
    assert first.url == "https://health.example.org/sprain"
    assert first.sections[0].text.startswith("Rest the ankle")
    assert untitled.title == "Dehydration happens when you lose more fluid than you take in."
    assert untitled.metadata == {"lang": "en"}
    assert all(a.path == str(path) for a in articles)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 2 is not valid JSON"),
        ('["a list"]', "line 2 is not a JSON object"),
        ('{"title": "t", "text": "x"}', "line 2 has no string _id"),
        ('{"_id": "b", "title": "t", "text": "  "}', r"line 2 \(b\) has an empty text"),
        ('{"_id": "a", "title": "t", "text": "again"}', "line 2 repeats the _id 'a'"),
    ],
)
def test_bad_line_fails_the_file_naming_the_line(
    tmp_path: Path, bad_line: str, message: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"_id": "a", "title": "t", "text": "fine"}\n' + bad_line + "\n")
    with pytest.raises(IngestError, match=message):
        load_beir(path)


def test_sniff_tells_corpus_from_queries() -> None:
    assert looks_like_beir(b'\n{"_id": "1", "title": "", "text": "x"}\n')
    assert not looks_like_beir(b'{"_id": "train-1", "text": "What is flu?"}\n')
    assert not looks_like_beir(b"id,title\n1,x\n")


def test_text_keeps_its_paragraphs_for_the_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    record = {"_id": "p", "title": "", "text": "  First  part.\n\n\nSecond\tpart.  "}
    path.write_text(json.dumps(record) + "\n")
    (article,) = load_beir(path)
    assert article.sections[0].text == "First  part.\n\n\nSecond\tpart."
    assert article.title == "First part."


@pytest.mark.shared_data
def test_shared_corpus_head(shared_data: Path, tmp_path: Path) -> None:
    """The first records of the MEDIQA corpus (the whole file is benchmark work, not a test)."""
    lines = (shared_data / "eval" / "mediqa-qa" / "corpus.jsonl").read_text().splitlines()[:25]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles = load_beir(path)
    assert len(articles) == 25
    assert articles[0].doc_id == "mediqa-6629c0bb4493"
    assert all(a.url and a.title and a.sections[0].text for a in articles)
