"""The first start: a small first batch, the rest in batches each published as a generation,
progress in an atomically replaced status file, and download failures that say what to do."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from healthqa.firststart import job, launch
from healthqa.firststart.plan import plan_batches
from healthqa.firststart.status import (
    FirstStartStatus,
    background_progress,
    first_batch_progress,
    job_alive,
    read_status,
    status_path,
    write_status,
)
from healthqa.settings import Settings
from index.generations import generation_numbers
from index.reader import IndexReader
from ingest.sample import (
    MEDQUAD_COLLECTIONS,
    SEED_ARTICLE,
    demo_articles,
    is_demo_source,
    split_sample,
)

PROJECT = Path(__file__).resolve().parents[1]
KB = Path(__file__).resolve().parent / "fixtures" / "kb"

TOPICS = [
    ("Gout", "Gout is a form of arthritis caused by uric acid crystals in a joint."),
    ("Shingles", "Shingles is a painful rash caused by the chickenpox virus waking up again."),
    ("Asthma", "Asthma is a long-term disease of the airways that makes breathing hard."),
    ("Chilblains", "Chilblains are small itchy swellings on the skin after exposure to cold."),
    ("Frostnip", "Frostnip is a mild cold injury of the skin that comes before frostbite."),
    ("Sunburn", "Sunburn is red, painful skin that feels hot after too much sun."),
    ("Hiccups", "Hiccups are sudden contractions of the diaphragm that repeat."),
]


def medquad_xml(number: int, focus: str, answer: str, repeat: int = 1) -> str:
    body = " ".join([answer] * repeat)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document id="{number:07d}" source="TEST" url="https://example.org/{focus.lower()}">
<Focus>{focus}</Focus>
<QAPairs>
<QAPair pid="1">
<Question qid="{number:07d}-1" qtype="information">What is (are) {focus} ?</Question>
<Answer>{body}</Answer>
</QAPair>
</QAPairs>
</Document>
"""


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A shared data folder shaped like ../shared/data: the seed article and two collections."""
    root = tmp_path / "shared"
    (root / SEED_ARTICLE).parent.mkdir(parents=True)
    (root / SEED_ARTICLE).write_text(
        "Can I get a second opinion?\n\nYes. A second opinion is another doctor's view of "
        "your diagnosis and treatment plan.\n",
        encoding="utf-8",
    )
    for k, (focus, answer) in enumerate(TOPICS):
        folder = root / "medquad" / MEDQUAD_COLLECTIONS[k % 2]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{k:07d}.xml").write_text(medquad_xml(k, focus, answer, repeat=1 + k))
    return root


def test_the_first_part_is_small_and_the_rest_follows(shared: Path) -> None:
    roots = [shared / SEED_ARTICLE] + [shared / "medquad" / c for c in MEDQUAD_COLLECTIONS]
    sample = split_sample(roots, first_bytes=1_500, first_documents=3)
    assert sample.first[0] == shared / SEED_ARTICLE
    assert len(sample.first) <= 3
    assert sum(p.stat().st_size for p in sample.first) <= 1_500
    everything = sorted(p for p in (shared / "medquad").rglob("*.xml"))
    assert sorted(sample.files[1:]) == everything  # every file once
    assert len(set(sample.files)) == len(sample.files)
    # the shortest documents come first
    assert max(p.stat().st_size for p in sample.first[1:]) <= min(
        p.stat().st_size for p in sample.rest
    )


def test_batches_cover_the_sample_once_within_the_budget(shared: Path) -> None:
    roots = [shared / SEED_ARTICLE, shared / "medquad"]
    sample = split_sample(roots, first_bytes=1_000)
    batches = plan_batches(sample, batch_bytes=1_200)
    assert batches[0].paths == sample.first
    assert [p for b in batches for p in b.paths] == list(sample.files)
    for batch in batches[1:]:
        assert batch.bytes <= 1_200 or batch.documents == 1


def test_the_status_file_is_replaced_whole(tmp_path: Path) -> None:
    path = status_path(tmp_path)
    assert read_status(path) is None
    status = FirstStartStatus(state="indexing", pid=os.getpid(), documents_total=9)
    write_status(path, status)
    read = read_status(path)
    assert read is not None
    assert read.documents_total == 9
    assert read.updated_at > 0
    assert json.loads(path.read_text())["state"] == "indexing"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    path.write_text("{not json")
    assert read_status(path) is None


def test_a_job_is_alive_only_while_its_process_runs(tmp_path: Path) -> None:
    mine = FirstStartStatus(state="indexing", pid=os.getpid())
    assert job_alive(mine)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    assert not job_alive(FirstStartStatus(state="indexing", pid=int(finished.stdout)))
    assert not job_alive(FirstStartStatus(state="done", pid=os.getpid()))


def test_progress_says_documents_and_time_left() -> None:
    status = FirstStartStatus(
        state="indexing", pid=1, documents_total=107, documents_done=31, first_documents=31,
        bytes_total=1_000_000, bytes_first=100_000, bytes_progress=40_000,
        bytes_per_second=2_000.0, updated_at=1_000.0,
    )  # fmt: skip
    first = first_batch_progress(status, now=1_000.0)
    assert first.fraction == pytest.approx(0.4)
    assert first.text == "Indexing the first 31 articles; the chat opens in about 30 s."
    later = background_progress(status, now=1_000.0)
    assert later.text == (
        "Adding more articles in the background: 31 of 107 documents searchable, "
        "about 8 min left."
    )
    unknown = FirstStartStatus(state="indexing", pid=1, first_documents=5, bytes_first=10)
    assert first_batch_progress(unknown, now=0).text.endswith("the chat opens soon.")


def test_the_job_starts_only_when_it_has_work() -> None:
    gone = FirstStartStatus(state="indexing", pid=0)
    assert launch.should_start(index_ready=False, status=None)
    assert launch.should_start(index_ready=True, status=gone)  # interrupted: resume
    assert not launch.should_start(index_ready=True, status=None)  # someone's own index
    assert not launch.should_start(index_ready=True, status=FirstStartStatus("done", pid=0))
    assert not launch.should_start(index_ready=True, status=FirstStartStatus("failed", pid=0))
    assert launch.should_start(index_ready=False, status=FirstStartStatus("failed", pid=0))
    running = FirstStartStatus(state="indexing", pid=os.getpid())
    assert not launch.should_start(index_ready=False, status=running)


@pytest.mark.slow
def test_the_job_publishes_a_generation_per_batch(shared: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", index_dir=tmp_path / "data" / "index")
    assert job.run(settings, shared, first_bytes=900, batch_bytes=1_500) == 0
    status = read_status(status_path(settings.data_dir))
    assert status is not None
    assert status.state == "done"
    assert status.documents_done == status.documents_total == len(TOPICS) + 1
    assert status.bytes_progress == status.bytes_total
    assert status.generation is not None
    assert status.generation >= 3  # the first batch and at least two more, one at a time
    with IndexReader.open(settings.index_dir) as reader:
        assert reader.generation == status.generation
        assert {d.title for d in reader.documents()} >= {focus for focus, _ in TOPICS}
    # Run again (as `make run` after an interrupted start): nothing is embedded twice.
    assert job.run(settings, shared, first_bytes=900, batch_bytes=1_500) == 0
    assert max(generation_numbers(settings.index_dir)) == status.generation


@pytest.mark.slow
def test_a_batch_that_fails_is_reported_and_the_job_goes_on(shared: Path, tmp_path: Path) -> None:
    broken = shared / "medquad" / MEDQUAD_COLLECTIONS[0] / "9999999.xml"
    broken.write_text("<Document id='9999999'><QAPairs><QAPair>", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", index_dir=tmp_path / "data" / "index")
    assert job.run(settings, shared, first_bytes=900, batch_bytes=1_500) == 0
    status = read_status(status_path(settings.data_dir))
    assert status is not None
    assert status.state == "done"
    assert "1 sample file(s) could not be indexed" in status.message


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def offline_env(tmp_path: Path) -> dict[str, str]:
    """No network: every https request goes to a proxy port nothing listens on."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "https_proxy")}
    proxy = f"http://127.0.0.1:{closed_port()}"
    env.update(https_proxy=proxy, HTTPS_PROXY=proxy, HEALTHQA_DATA_DIR=str(tmp_path / "data"))
    return env


def test_a_failed_download_names_the_url_the_reason_and_the_offline_command(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ingest.sample", "--shared", str(tmp_path / "absent"),
         "--download", "--download-to", str(tmp_path / "sample")],
        cwd=PROJECT, env=offline_env(tmp_path), capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.startswith("Error: Could not download the sample articles from https://")
    assert "raw.githubusercontent.com" in message or "api.github.com" in message
    assert "refused" in message
    assert "make ingest ARTICLES=path/to/your/articles" in message
    assert "Editor page" in message
    assert "Traceback" not in result.stderr


def test_without_the_sample_nothing_is_fetched_unless_asked(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ingest.sample", "--shared", str(tmp_path / "absent")],
        cwd=PROJECT, env=offline_env(tmp_path), capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "no sample articles" in result.stderr
    assert "HEALTHQA_DOWNLOAD_SAMPLE=1" in result.stderr
    assert "Could not download" not in result.stderr  # no request was made


@pytest.mark.parametrize(
    ("download", "reason"),
    [("", "There are no sample articles"), ("1", "Could not download")],
)
def test_without_shared_data_or_network_the_job_indexes_the_demo_and_keeps_the_reason(
    tmp_path: Path, download: str, reason: str
) -> None:
    env = {**offline_env(tmp_path), "HEALTHQA_DOWNLOAD_SAMPLE": download}
    result = subprocess.run(
        [sys.executable, "-m", "healthqa.firststart", "run", "--shared", str(tmp_path / "absent")],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    status = read_status(status_path(tmp_path / "data"))
    assert status is not None
    assert status.state == "done"
    assert reason in status.message
    assert "not vetted" in status.message
    with IndexReader.open(tmp_path / "data" / "index") as reader:
        documents = reader.documents()
    assert len(documents) == len(demo_articles()) >= 8
    assert all(is_demo_source(d.source) for d in documents)
