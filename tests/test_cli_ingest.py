"""`healthqa ingest`, `index stats`, `docs` through click; a real process killed mid-ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.generations import current_generation
from index.reader import IndexReader
from tests.support.cli import run, run_json, write

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_ingest_reingest_prune_stats_and_docs(tmp_path: Path) -> None:
    articles, index = tmp_path / "articles", str(tmp_path / "index")
    write(articles, {"asthma": "", "gout": "", "anemia": "Iron helps. "})

    first = run_json("ingest", str(articles), "--index", index)
    assert first == {
        "added": 3, "updated": 0, "unchanged": 0, "removed": 0, "failed": [], "skipped": [],
        "warnings": [], "generation": 1,
    }

    write(articles, {"asthma": "Wheezing is common. "})
    edited = run_json("ingest", str(articles), "--index", index)
    assert (edited["added"], edited["updated"], edited["unchanged"]) == (0, 1, 2)
    with IndexReader.open(Path(index)) as reader:
        asthma = reader.document(str(articles / "asthma.md"))
        assert asthma is not None
        assert asthma.version == 2
        assert reader.lexical_search(["wheezing"], 3)

    write(articles, {"asthma": ""})  # back to the old text: "wheezing" must leave the index
    (articles / "gout.md").unlink()
    pruned = run_json("ingest", str(articles), "--index", index, "--prune")
    assert (pruned["updated"], pruned["removed"], pruned["unchanged"]) == (1, 1, 1)
    with IndexReader.open(Path(index)) as reader:
        assert not reader.lexical_search(["wheezing"], 3)

    stats = run_json("index", "stats", "--index", index)
    assert set(stats) == {"documents", "chunks", "model", "bytes"}
    assert stats["documents"] == 2
    assert stats["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert isinstance(stats["bytes"], int)
    assert stats["bytes"] > 0

    listed = json.loads(run("docs", "list", "--index", index, "--json").stdout)
    ids = [str(articles / f"{topic}.md") for topic in ("anemia", "asthma")]
    assert sorted(d["doc_id"] for d in listed) == ids

    # `docs remove` also takes the end of a document's path, when only one document has it.

    removed = run("docs", "remove", "anemia.md", "--index", index)
    assert removed.exit_code == 0, removed.output
    assert run_json("index", "stats", "--index", index)["documents"] == 1
    missing = run("docs", "remove", "anemia.md", "--index", index)
    assert missing.exit_code == 1
    assert "no document 'anemia.md'" in missing.output

    table = run("ingest", str(articles), "--index", index)
    assert table.exit_code == 0
    assert "unchanged" in table.output


def test_a_failed_file_exits_1_and_the_rest_is_ingested(tmp_path: Path) -> None:
    articles, index = tmp_path / "articles", str(tmp_path / "index")
    write(articles, {"asthma": ""})
    (articles / "scan.pdf").write_text("not really a pdf", encoding="utf-8")
    result = run("ingest", str(articles), "--index", index, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 1
    assert [Path(f["path"]).name for f in report["failed"]] == ["scan.pdf"]
    assert "not a PDF" in report["failed"][0]["error"]


def test_the_installed_command_exits_1_when_a_file_failed(tmp_path: Path) -> None:
    """The entry point itself, not click's runner: the status a shell script or `make` sees."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "scan.pdf").write_text("not really a pdf", encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "healthqa.cli.main", "ingest", str(articles),
         "--index", str(tmp_path / "index"), "--json"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300, check=False,
    )
    assert process.returncode == 1, process.stderr
    assert "not a PDF" in json.loads(process.stdout)["failed"][0]["error"]


def test_titles_and_file_names_print_without_terminal_controls(tmp_path: Path) -> None:
    articles, index = tmp_path / "articles", str(tmp_path / "index")
    articles.mkdir()
    (articles / "shimmerpox.md").write_text(
        '---\ntitle: "Shimmerpox\\e[2J\\e[31m [red]FAKE WARNING\\e[0m"\n---\n'
        "Shimmerpox causes glittery spots on the legs.\n",
        encoding="utf-8",
    )
    (articles / "scan\x1b[2J.pdf").write_text("not really a pdf", encoding="utf-8")
    table = run("ingest", str(articles), "--index", index)
    assert table.exit_code == 1
    assert "\x1b" not in table.output
    assert "scan\\x1b[2J.pdf" in table.output  # the failed file, its escape made visible
    listed = run("docs", "list", "--index", index)
    assert "\x1b" not in listed.output
    assert "[red]FAKE" in listed.output  # the title is not read as rich markup either


def test_stats_without_an_index_is_one_sentence(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "healthqa.cli.main", "index", "stats",
         "--index", str(tmp_path / "none")],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120, check=False,
    )
    assert process.returncode == 2
    assert process.stderr.startswith("Error: There is no index at")
    assert "Traceback" not in process.stderr


def test_killing_an_ingest_midway_leaves_the_previous_generation_whole(tmp_path: Path) -> None:
    small, big, index = tmp_path / "small", tmp_path / "big", tmp_path / "index"
    write(small, {"asthma": "", "gout": "", "anemia": ""})
    assert run_json("ingest", str(small), "--index", str(index))["added"] == 3

    paragraph = "It is a long-term condition that needs care from a doctor. " * 6
    for n in range(100):
        sections = "".join(f"## Part {s}\n\n{paragraph}\n\n" for s in range(4))
        big.mkdir(exist_ok=True)
        (big / f"topic-{n}.md").write_text(f"# Topic {n}\n\n{sections}", encoding="utf-8")

    process = subprocess.Popen(
        [sys.executable, "-m", "healthqa.cli.main", "ingest", str(small), str(big),
         "--index", str(index)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 240
    seen: list[str] = []
    for line in process.stderr:
        seen.append(line)
        if line.startswith("Embedded") or time.monotonic() > deadline:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert any(line.startswith("Embedded") for line in seen), "".join(seen[-5:])
    assert process.returncode == -signal.SIGKILL

    assert current_generation(index) == 1
    with IndexReader.open(index) as reader:
        assert reader.stats().documents == 3
        chunks = sum(len(reader.chunks_of(d.doc_id)) for d in reader.documents())
        assert reader.stats().chunks == chunks
    assert any(child.name.startswith(".tmp-") for child in index.iterdir())

    after = run_json("ingest", str(small), "--index", str(index))  # the next writer cleans up
    assert (after["unchanged"], after["generation"]) == (3, 1)
    assert not any(child.name.startswith(".tmp-") for child in index.iterdir())
