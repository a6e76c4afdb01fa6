"""Contract tests for the index storage: real SQLite, real FAISS, seeded random unit vectors."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthqa.errors import HealthQAError, IndexCorrupt, IndexMismatch, IndexNotBuilt
from index.generations import generation_dir, generation_numbers
from index.reader import IndexReader, current_generation, index_exists
from index.records import Manifest
from index.writer import IndexWriter
from tests.support.records import DIM, MANIFEST, Sample, build, sample, upsert


def chunk_ids_of(reader: IndexReader, doc_id: str) -> list[int]:
    return [stored.chunk_id for stored in reader.chunks_of(doc_id)]


class TestIndexContract:
    """What any index implementation must do; the FAISS + SQLite one is the only one today."""

    def test_no_index_says_how_to_build_one(self, tmp_path):
        assert not index_exists(tmp_path)
        assert current_generation(tmp_path) is None
        with pytest.raises(IndexNotBuilt, match="healthqa ingest PATH"):
            IndexReader.open(tmp_path / "index")

    def test_upserted_document_reads_back_whole(self, tmp_path):
        item = sample("flu", 4)
        build(tmp_path, [item, sample("cold", 2)])
        with IndexReader.open(tmp_path, MANIFEST) as reader:
            record = reader.document("flu")
            assert record is not None
            assert record.version == 1
            assert record.chunk_count == 4
            assert datetime.fromisoformat(record.ingested_at).utcoffset().total_seconds() == 0
            assert {**record.__dict__, "version": 1, "ingested_at": "", "chunk_count": 0} == {
                **item.record.__dict__
            }
            stored = reader.chunks_of("flu")
            assert [s.chunk for s in stored] == item.chunks
            assert {(s.source, s.reviewed) for s in stored} == {
                ("Test Health Service", "2024-05-01")
            }
            ids = [s.chunk_id for s in stored]
            np.testing.assert_array_equal(reader.vectors(ids), item.vectors)
            sentences = reader.sentence_vectors(ids)
            for chunk_id, expected in zip(ids, item.sentence_vectors, strict=True):
                assert sentences[chunk_id].dtype == np.float32
                np.testing.assert_allclose(sentences[chunk_id], expected, atol=1e-3)
            assert [d.doc_id for d in reader.documents()] == ["cold", "flu"]
            assert reader.document("nothing") is None

    def test_each_chunk_vector_finds_its_own_chunk_first(self, tmp_path):
        items = [sample(f"doc{i}", 5) for i in range(6)]
        build(tmp_path, items)
        with IndexReader.open(tmp_path) as reader:
            for item in items:
                for stored, vector in zip(
                    reader.chunks_of(item.record.doc_id), item.vectors, strict=True
                ):
                    (best_id, cosine), *_ = reader.dense_search(vector, 3)
                    assert best_id == stored.chunk_id
                    assert cosine == pytest.approx(1.0, abs=1e-5)
            assert len(reader.dense_search(items[0].vectors[0], 1000)) == 30
            assert reader.dense_search(items[0].vectors[0], 0) == []

    def test_chunks_come_back_in_the_order_asked(self, tmp_path):
        build(tmp_path, [sample("a", 3), sample("b", 3)])
        with IndexReader.open(tmp_path) as reader:
            ids = chunk_ids_of(reader, "b") + chunk_ids_of(reader, "a")
            wanted = [ids[4], ids[0], ids[2], ids[0]]
            assert [s.chunk_id for s in reader.chunks(wanted)] == wanted
            assert reader.vectors(wanted).shape == (4, DIM)
            with pytest.raises(KeyError):
                reader.chunks([10_000])

    def test_replacing_a_document_swaps_its_chunks_and_bumps_the_version(self, tmp_path):
        build(tmp_path, [sample("flu", 3), sample("cold", 2)])
        with IndexReader.open(tmp_path) as before:
            old_ids = chunk_ids_of(before, "flu")
            cold_before = before.chunks_of("cold")
            cold_record = before.document("cold")
        new = sample("flu", 2, variant=1)
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            stored = upsert(writer, new)
            assert stored.version == 2
            assert writer.documents()["flu"] == stored
            writer.commit()
        with IndexReader.open(tmp_path) as reader:
            new_ids = chunk_ids_of(reader, "flu")
            assert min(new_ids) > max(old_ids), "chunk ids are never reused"
            assert [s.chunk for s in reader.chunks(new_ids)] == new.chunks
            for old in old_ids:
                with pytest.raises(KeyError):
                    reader.chunks([old])
            hits = {cid for v in new.vectors for cid, _ in reader.dense_search(v, 10)}
            assert not hits & set(old_ids)
            # Only the replaced document was touched.
            assert reader.chunks_of("cold") == cold_before
            assert reader.document("cold") == cold_record
            assert reader.stats().chunks == 4

    def test_removing_a_document_drops_it_from_both_searches(self, tmp_path):
        flu = sample("flu", 3)
        build(tmp_path, [flu, sample("cold", 2)])
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            writer.remove("flu")
            writer.remove("never-ingested")
            assert set(writer.documents()) == {"cold"}
            writer.commit()
        with IndexReader.open(tmp_path) as reader:
            assert reader.document("flu") is None
            assert reader.chunks_of("flu") == []
            assert all(h.chunk.doc_id == "cold" for h in reader.chunks(
                [cid for cid, _ in reader.dense_search(flu.vectors[0], 10)]
            ))  # fmt: skip
            assert reader.lexical_search(["flu"], 10) == []
            stats = reader.stats()
            assert (stats.documents, stats.chunks, stats.model) == (1, 2, "test-model")
            assert stats.bytes > 0

    def test_writer_sees_the_published_state_plus_its_own_changes(self, tmp_path):
        build(tmp_path, [sample("a", 1), sample("b", 1)])
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            assert set(writer.documents()) == {"a", "b"}
            upsert(writer, sample("c", 1))
            writer.remove("a")
            assert set(writer.documents()) == {"b", "c"}

    def test_each_commit_publishes_a_new_generation_and_keeps_only_the_previous(self, tmp_path):
        numbers = [build(tmp_path, [sample(f"d{n}", 2)]) for n in range(4)]
        assert numbers == [1, 2, 3, 4]
        assert current_generation(tmp_path) == 4
        assert generation_numbers(tmp_path) == [3, 4]
        with IndexReader.open(tmp_path) as reader:
            assert reader.generation == 4
            assert reader.stats().generation == 4
            assert reader.stats().documents == 4

    def test_abort_and_leaving_without_commit_change_nothing(self, tmp_path):
        build(tmp_path, [sample("a", 2)])
        writer = IndexWriter.open(tmp_path, MANIFEST)
        upsert(writer, sample("b", 2))
        writer.remove("a")
        writer.abort()
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            upsert(writer, sample("c", 2))
        assert current_generation(tmp_path) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "CURRENT", "gen-000001"]
        with IndexReader.open(tmp_path) as reader:
            assert [d.doc_id for d in reader.documents()] == ["a"]

    def test_an_error_inside_the_block_aborts(self, tmp_path):
        build(tmp_path, [sample("a", 2)])
        bad = sample("c", 2)

        def upsert_then_fail() -> None:
            with IndexWriter.open(tmp_path, MANIFEST) as writer:
                upsert(writer, sample("b", 1))
                writer.upsert(bad.record, bad.chunks, bad.vectors[:1], bad.sentence_vectors)

        with pytest.raises(ValueError, match="expected"):
            upsert_then_fail()
        with IndexReader.open(tmp_path) as reader:
            assert reader.stats().documents == 1

    def test_a_second_writer_is_refused_while_the_first_holds_the_lock(self, tmp_path):
        first = IndexWriter.open(tmp_path, MANIFEST)
        with pytest.raises(HealthQAError, match=r"[Aa]nother ingest is writing this index"):
            IndexWriter.open(tmp_path, MANIFEST)
        upsert(first, sample("a", 1))
        assert first.commit() == 1
        with IndexWriter.open(tmp_path, MANIFEST) as second:
            assert set(second.documents()) == {"a"}

    def test_an_index_built_with_another_model_is_refused_naming_both(self, tmp_path):
        build(tmp_path, [sample("a", 1)])
        other = Manifest(
            model_name="other-model", dimension=DIM, chunk_tokens=120, chunk_overlap_tokens=40
        )
        with pytest.raises(IndexMismatch, match=r"test-model.*other-model.*new directory"):
            IndexWriter.open(tmp_path, other)
        with pytest.raises(IndexMismatch, match=r"chunks of 200 tokens.*chunks of 120 tokens"):
            IndexReader.open(tmp_path, other)
        IndexReader.open(tmp_path, MANIFEST).close()
        assert current_generation(tmp_path) == 1

    def test_reader_keeps_its_generation_while_writers_publish_newer_ones(self, tmp_path):
        first = sample("a", 3)
        build(tmp_path, [first])
        reader = IndexReader.open(tmp_path)
        ids = chunk_ids_of(reader, "a")
        build(tmp_path, [sample("b", 2)])
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            writer.remove("a")
            writer.commit()
        assert not generation_dir(tmp_path, 1).exists()
        assert reader.generation == 1
        assert reader.dense_search(first.vectors[1], 1)[0][0] == ids[1]
        assert reader.lexical_search(["asthma", "fever", "cough", "dose"], 5)
        assert [s.chunk for s in reader.chunks(ids)] == first.chunks
        assert reader.stats().documents == 1
        reader.close()
        with IndexReader.open(tmp_path) as fresh:
            assert fresh.generation == 3
            assert [d.doc_id for d in fresh.documents()] == ["b"]

    def test_leftovers_of_a_dead_writer_are_cleaned_by_the_next(self, tmp_path):
        build(tmp_path, [sample("a", 1)])
        (tmp_path / ".tmp-abandoned").mkdir()
        (tmp_path / ".tmp-abandoned" / "chunks.sqlite").write_bytes(b"half")
        (tmp_path / "gen-000002").mkdir()  # renamed into place, CURRENT never swapped
        assert IndexReader.open(tmp_path).generation == 1
        assert build(tmp_path, [sample("b", 1)]) == 2
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            ".lock", "CURRENT", "gen-000001", "gen-000002"
        ]  # fmt: skip

    def test_a_current_pointing_nowhere_is_reported_corrupt(self, tmp_path):
        build(tmp_path, [sample("a", 1)])
        (tmp_path / "CURRENT").write_text("gen-000009\n")
        with pytest.raises(IndexCorrupt, match="gen-000009"):
            IndexReader.open(tmp_path)
        (tmp_path / "CURRENT").write_text("garbage\n")
        with pytest.raises(IndexCorrupt):
            IndexReader.open(tmp_path)

    def test_vectors_and_rows_out_of_step_are_reported_corrupt(self, tmp_path):
        build(tmp_path, [sample("a", 2)])
        build(tmp_path, [sample("b", 2)])
        gen1, gen2 = generation_dir(tmp_path, 1), generation_dir(tmp_path, 2)
        (gen2 / "vectors.faiss").write_bytes((gen1 / "vectors.faiss").read_bytes())
        with pytest.raises(IndexCorrupt, match="4 chunks but 2 vectors"):
            IndexReader.open(tmp_path)

    def test_malformed_input_is_refused_before_anything_is_written(self, tmp_path):
        item = sample("a", 2)
        with IndexWriter.open(tmp_path, MANIFEST) as writer:
            with pytest.raises(ValueError, match="sentence vectors"):
                writer.upsert(item.record, item.chunks, item.vectors, item.sentence_vectors[:1])
            with pytest.raises(ValueError, match="upserted under"):
                writer.upsert(
                    sample("b", 2).record, item.chunks, item.vectors, item.sentence_vectors
                )
            with pytest.raises(ValueError, match=r"\(2, 32\)"):
                writer.upsert(item.record, item.chunks, item.vectors[:, :8], item.sentence_vectors)
            assert writer.documents() == {}
            upsert(writer, item)
            writer.commit()
        with IndexReader.open(tmp_path) as reader:
            assert reader.stats().chunks == 2


_ops = st.lists(
    st.one_of(
        st.tuples(
            st.just("upsert"), st.sampled_from("abcde"), st.integers(0, 4), st.integers(0, 3)
        ),
        st.tuples(st.just("remove"), st.sampled_from("abcde"), st.just(0), st.just(0)),
        st.tuples(st.just("commit"), st.just(""), st.just(0), st.just(0)),
    ),
    max_size=14,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=_ops)
def test_any_sequence_of_changes_reads_back_as_the_last_committed_state(ops):
    """Invariant: the reader holds exactly the committed documents, each with its chunks, each
    chunk found first by its own vector, and as many vectors as chunk rows."""
    with tempfile.TemporaryDirectory() as directory:
        index_dir = Path(directory)
        committed: dict[str, Sample] = {}
        pending: dict[str, Sample] = {}
        versions: dict[str, int] = {}
        writer = IndexWriter.open(index_dir, MANIFEST)
        for op, doc_id, n_chunks, variant in [*ops, ("commit", "", 0, 0)]:
            if op == "upsert":
                pending[doc_id] = sample(doc_id, n_chunks, variant=variant)
                versions[doc_id] = versions.get(doc_id, 0) + 1
                assert upsert(writer, pending[doc_id]).version == versions[doc_id]
            elif op == "remove":
                pending.pop(doc_id, None)
                versions.pop(doc_id, None)
                writer.remove(doc_id)
            else:
                writer.commit()
                committed = dict(pending)
                writer = IndexWriter.open(index_dir, MANIFEST)
        writer.abort()
        with IndexReader.open(index_dir) as reader:
            assert {d.doc_id: d.version for d in reader.documents()} == versions
            assert reader.stats().chunks == sum(len(s.chunks) for s in committed.values())
            for doc_id, item in committed.items():
                stored = reader.chunks_of(doc_id)
                assert [s.chunk for s in stored] == item.chunks
                for s, vector in zip(stored, item.vectors, strict=True):
                    assert reader.dense_search(vector, 1)[0][0] == s.chunk_id
