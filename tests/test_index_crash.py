"""A writer SIGKILLed at any moment leaves the previous generation complete and readable.

The writer runs in a child process (a plain `python -c` script); the test kills it while it is
upserting or publishing, then checks what a reader sees.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.generations import TEMP_PREFIX, generation_numbers
from index.reader import IndexReader, current_generation
from index.writer import IndexWriter
from tests.support.records import MANIFEST, build, sample, upsert

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CHUNKS_PER_DOC = 4
SEED_DOCS = 5

WRITER_SCRIPT = """
import sys, time
from pathlib import Path
from index.writer import IndexWriter
from tests.support.records import MANIFEST, sample, upsert

mode, index_dir, docs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
if mode == "stall-before-commit":
    writer = IndexWriter.open(index_dir, MANIFEST)
    for i in range(docs):
        upsert(writer, sample(f"new{i}", 4))
    writer.remove("seed0")
    print("upserted", flush=True)
    time.sleep(120)
else:
    while True:
        with IndexWriter.open(index_dir, MANIFEST) as writer:
            generation = writer.generation
            for i in range(docs):
                upsert(writer, sample(f"g{generation}-{i}", 4))
            print("committing", generation, flush=True)
            writer.commit()
"""


def start_writer(mode: str, index_dir: Path, docs: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, mode, str(index_dir), str(docs)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def assert_complete(index_dir: Path, docs_per_generation: int) -> int:
    """Checks the live generation is whole: every document it should hold, all chunks, all
    vectors, both searches answering. Returns its number."""
    with IndexReader.open(index_dir, MANIFEST) as reader:
        generation = reader.generation
        documents = reader.documents()
        assert len(documents) == SEED_DOCS + docs_per_generation * (generation - 1)
        stats = reader.stats()
        assert stats.chunks == CHUNKS_PER_DOC * len(documents)
        for record in documents[:: max(1, len(documents) // 10)]:
            stored = reader.chunks_of(record.doc_id)
            assert len(stored) == record.chunk_count == CHUNKS_PER_DOC
            expected = sample(record.doc_id, CHUNKS_PER_DOC)
            assert reader.dense_search(expected.vectors[2], 1)[0][0] == stored[2].chunk_id
        assert reader.lexical_search(["asthma", "fever"], 5)
        return generation


def leftovers(index_dir: Path) -> list[str]:
    return [p.name for p in index_dir.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_killed_before_commit_the_previous_generation_is_live_and_whole(tmp_path):
    build(tmp_path, [sample(f"seed{i}", CHUNKS_PER_DOC) for i in range(SEED_DOCS)])
    writer = start_writer("stall-before-commit", tmp_path, 300)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "upserted"
    kill(writer)

    assert leftovers(tmp_path), "the killed writer was mid-way through a generation"
    assert current_generation(tmp_path) == 1
    assert assert_complete(tmp_path, 0) == 1
    with IndexReader.open(tmp_path) as reader:
        assert reader.document("seed0") is not None
        assert reader.document("new0") is None

    # The lock died with the writer; the next one cleans up and publishes normally.
    with IndexWriter.open(tmp_path, MANIFEST) as next_writer:
        upsert(next_writer, sample("after", CHUNKS_PER_DOC))
        assert next_writer.commit() == 2
    assert leftovers(tmp_path) == []


@pytest.mark.timeout(180)
def test_killed_at_random_moments_while_publishing_a_whole_generation_stays_live(tmp_path):
    docs_per_generation = 60
    build(tmp_path, [sample(f"seed{i}", CHUNKS_PER_DOC) for i in range(SEED_DOCS)])
    delays = random.Random(20240501)
    seen: set[int] = set()
    for _ in range(6):
        writer = start_writer("commit-forever", tmp_path, docs_per_generation)
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith("committing")
        time.sleep(delays.uniform(0.0, 0.4))
        kill(writer)
        seen.add(assert_complete(tmp_path, docs_per_generation))
    assert max(seen) > 1, "some generations were published before the kills"

    with IndexReader.open(tmp_path) as reader:
        last = reader.stats()
    with IndexWriter.open(tmp_path, MANIFEST) as writer:
        number = writer.commit()
    assert leftovers(tmp_path) == []
    assert generation_numbers(tmp_path) == [number - 1, number]
    with IndexReader.open(tmp_path) as reader:
        now = reader.stats()
    assert (now.documents, now.chunks) == (last.documents, last.chunks)
