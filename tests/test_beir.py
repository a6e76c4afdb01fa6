"""BEIR corpus loader: ids kept exactly; broken lines skipped and named, a mostly broken file
refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthqa.errors import IngestError
from ingest.beir import load_beir, looks_like_beir


def test_records_become_articles(fixtures_dir: Path) -> None:
    path = fixtures_dir / "articles" / "corpus.jsonl"
    corpus = load_beir(path)
    articles = corpus.articles
    assert corpus.broken == ()
    assert [a.doc_id for a in articles] == ["ex-001", "ex-002", "EX 3/Mixed"]
    first, untitled, _ = articles
    assert first.title == "Treating a sprained ankle"
    assert first.url == "https://health.example.org/sprain"
    assert first.sections[0].text.startswith("Rest the ankle")
    assert untitled.title == "Dehydration happens when you lose more fluid than you take in."
    assert untitled.metadata == {"lang": "en"}
    assert all(a.path == str(path) for a in articles)


GOOD = '{"_id": "a", "title": "t", "text": "fine"}'


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("{not json", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ('["a list"]', "not a JSON object"),
        ('{"title": "t", "text": "x"}', "a record without a string _id"),
        ('{"_id": "b", "title": "t"}', "record 'b' has no text field"),
        ('{"_id": "b", "title": "t", "text": "  "}', "record 'b' has an empty text"),
        ('{"_id": "b", "title": "t", "text": "x", "metadata": 3}',
         "record 'b' has a metadata field that is not an object"),
        ('{"_id": "a", "title": "t", "text": "again"}',
         "repeats the _id 'a' of line 1, whose record is kept"),
    ],
)
def test_a_broken_line_is_skipped_and_named_and_the_rest_loads(
    tmp_path: Path, bad_line: str, problem: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    later = '{"_id": "c", "title": "t", "text": "also fine"}'
    path.write_text("\n".join([GOOD, bad_line, later]) + "\n")
    corpus = load_beir(path)
    assert [a.doc_id for a in corpus.articles] == ["a", "c"]
    assert corpus.articles[0].sections[0].text == "fine"  # a repeated id keeps the first
    assert corpus.warnings("corpus.jsonl") == (f"corpus.jsonl line 2: {problem}; skipped.",)


def test_only_the_first_broken_lines_are_named_then_counted(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    good = [json.dumps({"_id": f"d{n}", "title": "t", "text": "x"}) for n in range(30)]
    path.write_text("\n".join(good + ["{oops"] * 13) + "\n")
    warnings = load_beir(path).warnings("corpus.jsonl")
    assert len(warnings) == 11
    assert warnings[0].startswith("corpus.jsonl line 31: not JSON (")
    assert warnings[9].startswith("corpus.jsonl line 40: not JSON (")
    assert warnings[10] == "corpus.jsonl: and 3 more broken lines; skipped."


def test_a_file_mostly_not_records_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([GOOD, "{oops", "[1, 2]", GOOD.replace('"a"', '"b"'), "x"]) + "\n")
    with pytest.raises(IngestError) as refused:
        load_beir(path)
    assert str(refused.value) == (
        f"{path} was not ingested: 3 of the 5 lines read are broken (line 2: not JSON "
        "(Expecting property name enclosed in double quotes at column 2)), more than half, so "
        "it is not a BEIR corpus with a few broken lines."
    )
    # Half broken is still a corpus with typos: its good half loads.
    path.write_text("\n".join([GOOD, "{oops"]) + "\n")
    assert len(load_beir(path).articles) == 1


def test_a_file_without_one_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"_id": "a", "title": "t"}\n{"_id": "b", "title": "t", "text": ""}\n')
    with pytest.raises(IngestError) as refused:
        load_beir(path)
    assert str(refused.value) == (
        f"{path} was not ingested: none of its 2 lines is a BEIR corpus record "
        "(line 1: record 'a' has no text field)."
    )
    path.write_text("\n\n")
    with pytest.raises(IngestError, match="contains no corpus records"):
        load_beir(path)


def test_sniff_tells_corpus_from_queries() -> None:
    assert looks_like_beir(b'\n{"_id": "1", "title": "", "text": "x"}\n')
    assert not looks_like_beir(b'{"_id": "train-1", "text": "What is flu?"}\n')
    assert not looks_like_beir(b"id,title\n1,x\n")
    # A typo on the first line does not hide the corpus after it.
    assert looks_like_beir(b'{"_id": "1", "title": ""\n{"_id": "2", "title": "", "text": "x"}\n')


def test_text_keeps_its_paragraphs_for_the_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    record = {"_id": "p", "title": "", "text": "  First  part.\n\n\nSecond\tpart.  "}
    path.write_text(json.dumps(record) + "\n")
    (article,) = load_beir(path).articles
    assert article.sections[0].text == "First  part.\n\n\nSecond\tpart."
    assert article.title == "First part."


@pytest.mark.shared_data
def test_shared_corpus_head(shared_data: Path, tmp_path: Path) -> None:
    """The first records of the MEDIQA corpus (the whole file is benchmark work, not a test)."""
    lines = (shared_data / "eval" / "mediqa-qa" / "corpus.jsonl").read_text().splitlines()[:25]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles = load_beir(path).articles
    assert len(articles) == 25
    assert articles[0].doc_id == "mediqa-6629c0bb4493"
    assert all(a.url and a.title and a.sections[0].text for a in articles)
