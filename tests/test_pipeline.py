"""The incremental ingest pipeline with the real model, a real index and files written here."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.reader import IndexReader
from index.records import Chunk
from ingest.pipeline import embedding_inputs, ingest_paths
from tests.support.counting import CountingEmbedder

pytestmark = pytest.mark.slow

TOPICS = ("asthma", "diabetes", "migraine", "gout", "psoriasis", "anemia", "glaucoma", "shingles")


def article_text(topic: str, marker: str = "") -> str:
    return (
        f"# About {topic}\n\n{topic.capitalize()} is a common condition. {marker}"
        f"Doctors diagnose {topic} with an exam.\n\n## Treatment\n\n"
        f"Treatment of {topic} depends on the person. Ask your doctor about options.\n"
    )


def write_articles(folder: Path, topics: Sequence[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for topic in topics:
        (folder / f"{topic}.md").write_text(article_text(topic), encoding="utf-8")


@pytest.fixture
def counting(embedder: SentenceTransformerEmbedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, index_dir=tmp_path / "index", embed_batch_size=8)


def test_reingest_skips_unchanged_updates_changed_and_prunes_deleted(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    articles = tmp_path / "articles"
    write_articles(articles, TOPICS[:3])

    first = ingest_paths([articles], settings=settings, embedder=counting)
    # Plain files are named by their resolved absolute path.
    assert sorted(first.added) == [str(articles / f"{t}.md") for t in TOPICS[:3]]
    assert first.generation == 1
    assert not first.failed

    counting.calls.clear()
    again = ingest_paths([articles], settings=settings, embedder=counting)
    assert (len(again.unchanged), again.added, again.updated) == (3, (), ())
    assert counting.calls == []  # nothing unchanged is embedded
    assert again.generation == 1  # and no new generation is published

    (articles / "gout.md").write_text(article_text("gout"), encoding="utf-8")
    (articles / "asthma.md").write_text(
        article_text("asthma", marker="Wheezing is typical. "), encoding="utf-8"
    )
    (articles / "migraine.md").unlink()
    (articles / "notes.docx").write_bytes(b"not an article")
    report = ingest_paths([articles], settings=settings, embedder=counting, prune=True)
    assert len(report.added) == 1
    assert len(report.updated) == 1
    assert len(report.unchanged) == 1
    assert len(report.removed) == 1
    assert [Path(s.path).name for s in report.skipped] == ["notes.docx"]
    assert report.failed == ()
    assert report.generation == 2

    with IndexReader.open(settings.index_dir) as reader:
        records = {d.path and Path(d.path).name: d for d in reader.documents()}
        assert set(records) == {"asthma.md", "diabetes.md", "gout.md"}
        asthma = records["asthma.md"]
        assert asthma.version == 2
        expected_chunks = len(reader.chunks_of(asthma.doc_id)) + len(
            reader.chunks_of(records["gout.md"].doc_id)
        )
        assert counting.passages == expected_chunks  # only the changed and the new article
        assert reader.lexical_search(["wheezing"], 5)
        assert not reader.lexical_search(["migraine"], 5)


def test_one_changed_article_in_a_big_index_embeds_only_its_own_chunks(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    articles = tmp_path / "articles"
    topics = [f"{t}{n}" for n in range(5) for t in TOPICS]  # 40 documents
    write_articles(articles, topics)
    first = ingest_paths([articles], settings=settings, embedder=counting)
    assert len(first.added) == 40
    # Small documents share batches: far fewer model calls than documents.
    assert len(counting.calls) < len(first.added) / 3
    assert max(counting.calls) == settings.embed_batch_size

    counting.calls.clear()
    changed = articles / f"{topics[7]}.md"
    changed.write_text(article_text(topics[7], marker="Edited today. "), encoding="utf-8")
    report = ingest_paths([articles], settings=settings, embedder=counting)
    assert (len(report.updated), len(report.unchanged)) == (1, 39)
    with IndexReader.open(settings.index_dir) as reader:
        assert counting.passages == len(reader.chunks_of(report.updated[0]))


def test_bad_files_fail_alone_and_duplicate_ids_are_refused(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    articles = tmp_path / "articles"
    write_articles(articles, TOPICS[:2])
    (articles / "broken.pdf").write_text("this is not a pdf", encoding="utf-8")
    line = {"_id": "beir-1", "title": "Gout", "text": "Gout is a kind of arthritis. It hurts."}
    for name in ("a.jsonl", "b.jsonl"):
        (articles / name).write_text(json.dumps(line) + "\n", encoding="utf-8")

    report = ingest_paths([articles, tmp_path / "missing"], settings=settings, embedder=counting)
    assert len(report.added) == 3  # two markdown articles and the first beir-1
    failed = {Path(f.path).name: f.error for f in report.failed}
    assert set(failed) == {"broken.pdf", "b.jsonl", "missing"}
    assert "beir-1" in failed["b.jsonl"]
    assert "a.jsonl" in failed["b.jsonl"]
    assert "does not exist" in failed["missing"]


def medquad_xml(answer: str) -> str:
    return (
        '<Document id="0000001" source="ExampleNIH" url="https://example.nih.gov/a1c">'
        "<Focus>A1C</Focus><QAPairs><QAPair pid=\"1\">"
        '<Question qid="0000001-1" qtype="information">What is A1C ?</Question>'
        f"<Answer>{answer}</Answer></QAPair></QAPairs></Document>"
    )


def test_a_file_claiming_another_files_id_is_refused_but_a_moved_file_updates_it(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    doc_id = "medquad/ExampleNIH/0000001"
    original = tmp_path / "medquad" / "0000001.xml"
    original.parent.mkdir()
    original.write_text(medquad_xml("The A1C test measures average blood sugar."))
    assert ingest_paths([original], settings=settings, embedder=counting).added == (doc_id,)

    copy = tmp_path / "elsewhere" / "0000001.xml"
    copy.parent.mkdir()
    copy.write_text(medquad_xml("The A1C test is not needed; stop insulin."))
    line = {"_id": doc_id, "title": "A1C", "text": "Stop taking insulin when A1C is high."}
    (tmp_path / "elsewhere" / "corpus.jsonl").write_text(json.dumps(line) + "\n")
    report = ingest_paths([copy.parent], settings=settings, embedder=counting)
    assert (report.added, report.updated, report.generation) == ((), (), 1)
    assert len(report.failed) == 2
    for failure in report.failed:
        assert doc_id in failure.error
        assert str(original) in failure.error
        assert failure.path in failure.error
    with IndexReader.open(settings.index_dir) as reader:
        kept = reader.document(doc_id)
        assert kept is not None
        assert kept.path == str(original)
        assert not reader.lexical_search(["insulin"], 3)

    # The same file again, edited: an update.
    original.write_text(medquad_xml("The A1C test shows blood sugar over three months."))
    assert ingest_paths([original], settings=settings, embedder=counting).updated == (doc_id,)

    # Moved (the old file is gone): unchanged, and once edited, an update.
    moved = tmp_path / "moved" / "medquad" / "0000001.xml"  # the folder names the collection
    moved.parent.mkdir(parents=True)
    original.rename(moved)
    report = ingest_paths([moved], settings=settings, embedder=counting)
    assert (report.unchanged, report.failed) == ((doc_id,), ())
    moved.write_text(medquad_xml("The A1C test shows blood sugar over about three months."))
    report = ingest_paths([moved], settings=settings, embedder=counting)
    assert (report.updated, report.failed) == ((doc_id,), ())
    with IndexReader.open(settings.index_dir) as reader:
        record = reader.document(doc_id)
        assert record is not None
        assert record.path == str(moved.resolve())


def test_a_link_out_of_the_folder_fails_alone(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    articles = tmp_path / "articles"
    write_articles(articles, TOPICS[:1])
    (tmp_path / "private.md").write_text(article_text("secretitis"), encoding="utf-8")
    (articles / "private.md").symlink_to(tmp_path / "private.md")
    report = ingest_paths([articles], settings=settings, embedder=counting)
    assert [Path(a).name for a in report.added] == ["asthma.md"]
    [failure] = report.failed
    assert failure.path == str(articles / "private.md")
    assert "outside the folder" in failure.error
    with IndexReader.open(settings.index_dir) as reader:
        assert not reader.lexical_search(["secretitis"], 3)


def test_a_named_file_of_unknown_type_fails_rather_than_being_skipped(
    tmp_path: Path, settings: Settings, counting: CountingEmbedder
) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"binary-ish")
    report = ingest_paths([odd], settings=settings, embedder=counting)
    assert [Path(f.path).name for f in report.failed] == ["notes.docx"]
    assert report.generation is None  # nothing was ever published


def test_embedding_inputs_prepend_the_header_and_shift_sentence_spans() -> None:
    chunk = Chunk(
        doc_id="d", ordinal=0, section_index=0, text="One. Two.", title="Flu",
        section="Symptoms", start=0, end=9, sentence_spans=((0, 4), (5, 9)),
    )
    (text,), (spans,) = embedding_inputs([chunk])
    assert text == "Flu. Symptoms\nOne. Two."
    assert [text[s:e] for s, e in spans] == ["One.", "Two."]
