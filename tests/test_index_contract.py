"""One contract, two index backends: the embedded folder (FAISS + SQLite) and PostgreSQL
(pgvector + full-text search), both opened through index.location as the app and ingest do.

The PostgreSQL side runs against a real server (tests/support/postgres.py). Properties, not score
values: the two rank with different lexical formulas.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval.hybrid import HybridRetriever
from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.errors import HealthQAError, IndexMismatch, IndexNotBuilt
from healthqa.settings import Settings
from index.documents import UnknownDocument, remove_documents
from index.location import (
    IndexLocation,
    current_generation,
    index_exists,
    open_reader,
    open_writer,
)
from ingest.pipeline import ingest_paths
from tests.support.kb import KB, file_name
from tests.support.postgres import fresh_database
from tests.support.records import MANIFEST, Sample, sample, unit_vectors, upsert

BACKENDS = ["embedded", "postgres"]


def new_location(request: pytest.FixtureRequest, folder: Path) -> IndexLocation:
    if request.param == "embedded":
        return folder / "index"
    return fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path) -> IndexLocation:
    return new_location(request, tmp_path)


def written(doc_id: str, texts: list[str], *, variant: int = 0) -> Sample:
    """A document whose chunks say `texts`, with seeded random vectors."""
    base = sample(doc_id, len(texts), variant=variant)
    rng = np.random.default_rng(zlib.crc32(f"{doc_id}/{variant}/{texts}".encode()))
    chunks = [
        replace(chunk, text=text, sentence_spans=((0, len(text)),), end=chunk.start + len(text))
        for chunk, text in zip(base.chunks, texts, strict=True)
    ]
    return Sample(
        record=replace(base.record, content_hash=f"hash-{doc_id}-{variant}"),
        chunks=chunks,
        vectors=unit_vectors(rng, len(texts)),
        sentence_vectors=[unit_vectors(rng, 1) for _ in texts],
    )


def build(location: IndexLocation, items: list[Sample]) -> int:
    with open_writer(location, MANIFEST) as writer:
        for item in items:
            upsert(writer, item)
        return writer.commit()


TOPICS = {
    "asthma": ["Asthma narrows the airways; a reliever inhaler opens them within minutes."],
    "gout": [
        "Gout is arthritis caused by uric acid crystals in a joint, often the big toe.",
        "Cherries and less alcohol may lower the number of gout flares.",
    ],
    "shingles": ["Shingles is a painful blistering rash from the chickenpox virus."],
}


def topics() -> list[Sample]:
    return [written(name, texts) for name, texts in TOPICS.items()]


def test_no_index_yet_is_explained_not_crashed(location):
    assert not index_exists(location)
    assert current_generation(location) is None
    with pytest.raises(IndexNotBuilt, match="healthqa ingest"):
        open_reader(location)


def test_upserted_documents_read_back_whole(location):
    items = [sample("a", 3), sample("b", 2)]
    generation = build(location, items)
    assert index_exists(location)
    assert current_generation(location) == generation
    with open_reader(location, expected=MANIFEST) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b"]
        stored = reader.document("a")
        assert stored is not None
        assert stored.version == 1
        assert stored.chunk_count == 3
        assert replace(stored, version=1, ingested_at="", chunk_count=0) == items[0].record
        assert reader.document("missing") is None
        chunks = reader.chunks_of("a")
        assert [s.chunk for s in chunks] == items[0].chunks
        assert {s.source for s in chunks} == {"Test Health Service"}
        ids = [s.chunk_id for s in chunks]
        assert np.allclose(reader.vectors(ids), items[0].vectors, atol=1e-6)
        sentences = reader.sentence_vectors(ids)
        for chunk_id, expected in zip(ids, items[0].sentence_vectors, strict=True):
            assert np.allclose(sentences[chunk_id], expected, atol=2e-3)
        assert [s.chunk_id for s in reader.chunks(ids[::-1])] == ids[::-1]
        with pytest.raises(KeyError):
            reader.chunks([max(ids) + 1000])
        stats = reader.stats()
        assert (stats.documents, stats.chunks, stats.model) == (2, 5, MANIFEST.model_name)
        assert stats.generation == generation


def test_section_headers_read_back_by_document_and_section(location):
    item = sample("a", 2)
    header = unit_vectors(np.random.default_rng(7), 1)
    with open_writer(location, MANIFEST) as writer:
        writer.upsert(
            item.record, item.chunks, item.vectors, item.sentence_vectors, {0: ("A. Intro", header)}
        )
        writer.commit()
    with open_reader(location) as reader:
        found = reader.header_vectors([("a", 0), ("a", 5), ("b", 0)])
    assert list(found) == [("a", 0)]
    assert np.allclose(found[("a", 0)], header[0], atol=2e-3)


def test_each_chunk_vector_finds_its_own_chunk_first(location):
    items = [sample(name, 4) for name in ("a", "b", "c", "d")]
    build(location, items)
    with open_reader(location) as reader:
        for item in items:
            for stored in reader.chunks_of(item.record.doc_id):
                vector = item.vectors[stored.chunk.ordinal]
                (best, score), *_ = reader.dense_search(vector, 5)
                assert best == stored.chunk_id
                assert score == pytest.approx(1.0, abs=1e-4)
        assert len(reader.dense_search(items[0].vectors[0], 100)) == 16


def test_a_chunks_own_distinctive_words_find_it_first(location):
    build(location, topics())
    with open_reader(location) as reader:
        for name, texts in TOPICS.items():
            for stored in reader.chunks_of(name):
                distinctive = [w for w in stored.chunk.text.split() if len(w) > 7][:3]
                (best, score), *_ = reader.lexical_search(distinctive, 5)
                assert best == stored.chunk_id, (distinctive, texts)
                assert score > 0


def test_lexical_search_reads_user_text_as_words_never_as_syntax(location):
    build(location, topics())
    with open_reader(location) as reader:
        for hostile in ['"unclosed', "gout OR", "-gout", "gout AND NOT", "(gout", "gout*", "a:b"]:
            found = reader.lexical_search([hostile], 5)
            assert all(isinstance(i, int) for i, _ in found)
        assert reader.lexical_search([], 5) == []
        assert reader.lexical_search(["zzzqqq"], 5) == []
        (best, _), *_ = reader.lexical_search(["What causes GOUT in the big toe?"], 5)
        assert reader.chunks([best])[0].chunk.doc_id == "gout"


def test_a_nul_character_in_an_article_is_stored_without_moving_any_offset(location):
    item = written("scan", ["Gout\x00 flares hurt.", "Ice helps."])
    build(location, [item])
    with open_reader(location) as reader:
        (first, second) = reader.chunks_of("scan")
        assert len(first.chunk.text) == len(item.chunks[0].text)
        assert first.chunk.text.endswith("flares hurt.")
        assert second.chunk == item.chunks[1]
        assert reader.lexical_search(["flares"], 3)[0][0] == first.chunk_id


def test_the_title_weighs_more_than_the_body(location):
    titled = written("titled", ["A plain body about aspirin and fever."])
    titled = replace(titled, chunks=[replace(titled.chunks[0], title="Migraine")])
    body = written("body", ["Migraine is mentioned once in this body about sleep."])
    build(location, [titled, body])
    with open_reader(location) as reader:
        (best, _), *_ = reader.lexical_search(["migraine"], 5)
        assert reader.chunks([best])[0].chunk.doc_id == "titled"


def test_replacing_a_document_swaps_its_chunks_and_bumps_the_version(location):
    first = written("gout", ["Uric acid crystals cause gout."])
    second = written(
        "gout", ["Purines in red meat raise urate levels.", "Colchicine helps."], variant=1
    )
    build(location, [first, *topics()[:1]])
    with open_reader(location) as reader:
        (old_id, _), *_ = reader.lexical_search(["crystals"], 5)
    build(location, [second])
    with open_reader(location) as reader:
        stored = reader.document("gout")
        assert stored is not None
        assert stored.version == 2
        assert [s.chunk.text for s in reader.chunks_of("gout")] == [c.text for c in second.chunks]
        assert reader.lexical_search(["crystals"], 5) == []
        found = reader.lexical_search(["purines"], 5)
        assert [reader.chunks([i])[0].chunk.doc_id for i, _ in found] == ["gout"]
        assert old_id not in [i for i, _ in reader.dense_search(first.vectors[0], 10)]
        assert reader.stats().chunks == 3


def test_a_removed_document_never_appears_again(location):
    items = topics()
    build(location, items)
    remove_documents(location, ["shingles"])
    with open_reader(location) as reader:
        assert [d.doc_id for d in reader.documents()] == ["asthma", "gout"]
        assert reader.chunks_of("shingles") == []
        assert reader.lexical_search(["shingles blistering chickenpox"], 10) == []
        dense = reader.dense_search(items[2].vectors[0], 10)
        assert {reader.chunks([i])[0].chunk.doc_id for i, _ in dense} == {"asthma", "gout"}
        assert reader.stats().documents == 2
    with pytest.raises(UnknownDocument, match="shingles"):
        remove_documents(location, ["shingles"])


def test_relocating_keeps_chunks_under_the_new_id(location):
    build(location, topics())
    with open_writer(location, MANIFEST) as writer:
        writer.relocate("gout", "gout-2", "/new/gout.md")
        writer.commit()
    with open_reader(location) as reader:
        assert reader.document("gout") is None
        moved = reader.document("gout-2")
        assert moved is not None
        assert moved.path == "/new/gout.md"
        assert len(reader.chunks_of("gout-2")) == 2
        assert reader.chunks_of("gout") == []


def test_abort_and_leaving_without_commit_change_nothing(location):
    build(location, topics())
    before = current_generation(location)
    writer = open_writer(location, MANIFEST)
    upsert(writer, sample("new", 2))
    writer.remove("gout")
    writer.abort()
    with open_writer(location, MANIFEST) as writer:
        upsert(writer, sample("other", 2))
    with open_reader(location) as reader:
        assert [d.doc_id for d in reader.documents()] == ["asthma", "gout", "shingles"]
    assert current_generation(location) == before


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(location):
    build(location, topics())
    with open_writer(location, MANIFEST) as first:
        with pytest.raises(HealthQAError, match="Another ingest is writing"):
            open_writer(location, MANIFEST)
        first.commit()
    with open_writer(location, MANIFEST) as again:
        again.abort()


def test_an_index_built_with_another_model_is_refused_naming_both(location):
    build(location, topics())
    other = replace(MANIFEST, model_name="other-model")
    with pytest.raises(IndexMismatch, match="other-model"):
        open_writer(location, other)
    with pytest.raises(IndexMismatch, match="test-model"):
        open_reader(location, expected=other)


def test_a_reader_during_replaces_sees_the_old_or_the_new_document_never_both(location):
    """Variant 0 has two chunks, variant 1 three: a mix shows five, a gap none."""
    versions = [
        written("flu", ["Influenza spreads by droplets.", "Rest and fluids help."]),
        written(
            "flu", ["Influenza vaccine yearly.", "Antivirals early.", "Fever lasts."], variant=1
        ),
    ]
    build(location, [versions[0], *topics()])
    stop = threading.Event()
    errors: list[BaseException] = []

    def replace_repeatedly() -> None:
        try:
            n = 0
            while not stop.is_set():
                n += 1
                build(location, [versions[n % 2]])
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    writer = threading.Thread(target=replace_repeatedly)
    writer.start()
    seen: set[tuple[str, ...]] = set()
    try:
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and not errors:
            with open_reader(location) as reader:
                variants = [s.chunk.metadata["variant"] for s in reader.chunks_of("flu")]
                assert variants in (["0", "0"], ["1", "1", "1"]), variants
                found = reader.lexical_search(["influenza"], 10)
                hits = [s.chunk.metadata["variant"] for s in reader.chunks([i for i, _ in found])]
                assert hits in (["0"], ["1"]), hits
                seen.add(tuple(variants))
    finally:
        stop.set()
        writer.join()
    assert not errors, errors
    assert len(seen) == 2, "the reader never saw a replacement happen"


@pytest.fixture(scope="module")
def kb_indexes(tmp_path_factory, embedder, pg_server) -> dict[str, Settings]:
    """The team's fixture articles ingested with the real model into each backend."""
    built = {}
    for backend in BACKENDS:
        root = tmp_path_factory.mktemp(f"kb-{backend}")
        index = root / "index" if backend == "embedded" else fresh_database(pg_server)
        settings = Settings(data_dir=root, index_dir=root / "index").with_index(index)
        report = ingest_paths([KB], settings=settings, embedder=embedder)
        assert not report.failed, report.failed
        assert report.generation is not None
        built[backend] = settings
    return built


@pytest.fixture(params=BACKENDS)
def kb_settings(request, kb_indexes) -> Settings:
    return kb_indexes[request.param]


def test_hybrid_retrieval_fuses_dense_and_lexical_on_both_backends(kb_settings, embedder):
    with open_reader(kb_settings.index_location) as reader:
        retriever = HybridRetriever(reader, embedder, top_k=3)
        passages = retriever.retrieve("What causes gout?")
        assert file_name(passages[0].doc_id).startswith("gout")
        assert passages[0].similarity > 0.5
        assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
        shingles = retriever.retrieve("shingles rash blisters")
        assert file_name(shingles[0].doc_id).startswith("shingles")


def test_the_assistant_answers_and_abstains_the_same_on_both(kb_settings, embedder):
    assistant = build_assistant(kb_settings, embedder=embedder)
    try:
        answer = assistant.answer(Conversation(), "What causes gout?")
        assert not answer.abstained, answer.text
        assert file_name(answer.citations[0].doc_id).startswith("gout")
        assert "uric acid" in answer.text
        off_topic = assistant.answer(Conversation(), "How do I change the oil in a Honda Civic?")
        assert off_topic.abstained
        assert not off_topic.citations
    finally:
        assistant.reader.close()


@pytest.mark.parametrize(
    "question",
    ["What causes gout?", "How is asthma treated?", "Is shingles contagious?"],
)
def test_both_backends_give_the_same_cited_answer(kb_indexes, embedder, question):
    answers = {}
    for backend, settings in kb_indexes.items():
        assistant = build_assistant(settings, embedder=embedder)
        try:
            answers[backend] = assistant.answer(Conversation(), question)
        finally:
            assistant.reader.close()
    embedded, postgres = answers["embedded"], answers["postgres"]
    assert not embedded.abstained
    assert postgres.text == embedded.text
    assert [c.doc_id for c in postgres.citations] == [c.doc_id for c in embedded.citations]
    assert [c.passage for c in postgres.citations] == [c.passage for c in embedded.citations]


def test_ingest_again_skips_unchanged_articles(kb_settings, embedder):
    report = ingest_paths([KB], settings=kb_settings, embedder=embedder)
    assert report.added == report.updated == ()
    assert len(report.unchanged) >= 4


def test_an_ingest_with_prune_removes_articles_whose_files_are_gone(location, tmp_path, embedder):
    articles = tmp_path / "articles"
    articles.mkdir()
    for topic in ("gout", "anemia"):
        (articles / f"{topic}.md").write_text(
            f"# {topic.capitalize()}\n\n{topic.capitalize()} affects many people.\n",
            encoding="utf-8",
        )
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index").with_index(location)
    first = ingest_paths([articles], settings=settings, embedder=embedder)
    assert len(first.added) == 2
    (articles / "anemia.md").unlink()
    pruned = ingest_paths([articles], settings=settings, embedder=embedder, prune=True)
    assert pruned.removed == (str(articles / "anemia.md"),)
    assert pruned.generation == current_generation(location)
    with open_reader(location) as reader:
        assert [d.doc_id for d in reader.documents()] == [str(articles / "gout.md")]
        assert reader.lexical_search(["anemia"], 5) == []
