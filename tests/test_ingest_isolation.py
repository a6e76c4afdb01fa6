"""Each file is loaded in a loader process under limits: whatever one file does (a loader error,
a bomb, a timeout, memory), it becomes one failed row and the other files are ingested."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.console import Console

from healthqa.cli.ingest_cmds import report_json, report_table
from healthqa.settings import Settings, default_embedding_model
from index.embedder import SentenceTransformerEmbedder, TokenCounter
from index.reader import IndexReader
from ingest.discover import LoadLimits, SourceFile
from ingest.isolation import ChunkPlan, Limits, Loaded, load_in_background
from ingest.pipeline import ingest_paths
from tests.support.hostile import (
    Case,
    bomb_stream,
    fixtures,
    fuzz_cases,
    hostile,
    pdf_document,
    text_stream,
)

GOOD_PDF = pdf_document([text_stream("Cool a burn under running water. See a doctor.")])


def write(folder: Path, cases: list[Case]) -> list[SourceFile]:
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (folder / case.name).write_bytes(case.data)
    return [SourceFile(folder / c.name, folder, c.name) for c in cases]


def load(sources: list[SourceFile], limits: Limits) -> dict[str, Loaded]:
    counter = TokenCounter((Path(default_embedding_model()) / "tokenizer.json").read_text())
    plan = ChunkPlan(count_tokens=counter, max_tokens=200, overlap_tokens=40)
    outcomes = load_in_background(sources, limits=limits, plan=plan, known={})
    return {loaded.source.path.name: loaded for loaded in outcomes}


def limits(**load: int) -> Limits:
    return Limits(load=LoadLimits(**load), timeout_s=60, memory_bytes=1 << 30)


def is_one_sentence(text: str | None, name: str) -> bool:
    said = str(text or "")
    return name in said and "\n" not in said and "Traceback" not in said


@pytest.mark.slow
def test_files_that_used_to_abort_the_whole_ingest_fail_alone(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    known_bad = {
        "bad-date.md": "impossible value",  # front matter date 2023-02-30
        "declared-bogus.xml": "encoding",  # <?xml encoding="x-bogus"?>
        "not-objects.jsonl": "none of its 4 lines is a BEIR corpus record",
        "bomb.pdf": "HEALTHQA_MAX_DECOMPRESSED_BYTES",  # 280 MB of page content
    }
    # A corpus with one broken line is ingested without it, and the line is named.
    warned = {
        "deep.jsonl": "deep.jsonl line 2: nests JSON too deeply to read; skipped.",
        "surrogate.jsonl": "surrogate.jsonl line 2: record 's1' contains a lone surrogate",
    }
    cases = [c for c in hostile(fixtures()) if c.name in known_bad | warned]
    articles = tmp_path / "articles"
    write(articles, [*cases, Case("good.md", fixtures()["flu.md"])])
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")

    report = ingest_paths([articles], settings=settings, embedder=embedder)

    assert set(report.added) == {"ex-001", "ex-002", str(articles / "good.md")}
    said = {Path(w.path).name: w.warning for w in report.warnings}
    assert set(said) == set(warned)
    assert all(said[name].startswith(start) for name, start in warned.items()), said
    failed = {Path(f.path).name: f.error for f in report.failed}
    assert set(failed) == set(known_bad)
    for name, error in failed.items():
        assert known_bad[name] in error
        assert is_one_sentence(error, name), error
    rows = report_json(report)["failed"]
    assert isinstance(rows, list)
    assert {tuple(sorted(row)) for row in rows} == {("error", "path")}
    console = Console(record=True, width=400)
    console.print(report_table(report))
    table = console.export_text()
    assert all(f"{articles / name}: {error}" in table for name, error in failed.items())
    with IndexReader.open(settings.index_dir) as reader:
        assert reader.stats().documents == 3


def test_size_page_and_inflation_limits(tmp_path: Path) -> None:
    sources = write(
        tmp_path,
        [
            Case("big.md", b"# Big\n\n" + b"Words are here. " * 4000),
            Case("pages.pdf", pdf_document([text_stream("One."), text_stream("Two.")])),
            Case("inflates.pdf", pdf_document([bomb_stream(3 << 20)])),
            Case("fine.pdf", GOOD_PDF),
        ],
    )
    found = load(
        sources, limits(max_file_bytes=40_000, max_pages=1, max_decompressed_bytes=1 << 20)
    )
    assert "HEALTHQA_MAX_FILE_BYTES" in str(found["big.md"].failure)
    assert "HEALTHQA_MAX_PAGES" in str(found["pages.pdf"].failure)
    assert "HEALTHQA_MAX_DECOMPRESSED_BYTES" in str(found["inflates.pdf"].failure)
    assert found["fine.pdf"].failure is None
    assert found["fine.pdf"].documents[0].chunks


def test_a_file_that_takes_too_long_is_stopped_and_the_next_one_loads(tmp_path: Path) -> None:
    # 70 MB of page content: text extraction takes tens of seconds; the limit is 2.
    sources = write(
        tmp_path,
        [Case("slow.pdf", pdf_document([bomb_stream(70_000_000)])), Case("fine.pdf", GOOD_PDF)],
    )
    slow = Limits(LoadLimits(max_decompressed_bytes=1 << 30), timeout_s=2, memory_bytes=1 << 30)
    started = time.monotonic()
    found = load(sources, slow)
    assert time.monotonic() - started < 60
    assert "took more than 2 s to load" in str(found["slow.pdf"].failure)
    assert found["fine.pdf"].documents[0].chunks


def test_a_file_that_needs_too_much_memory_is_stopped_and_the_next_one_loads(
    tmp_path: Path,
) -> None:
    sources = write(
        tmp_path,
        [Case("hungry.pdf", pdf_document([bomb_stream(74_000_000)])), Case("fine.pdf", GOOD_PDF)],
    )
    inflate = LoadLimits(max_decompressed_bytes=1 << 30)
    small = Limits(inflate, timeout_s=120, memory_bytes=300 << 20)
    found = load(sources, small)
    assert "needs more than 300 MB of memory" in str(found["hungry.pdf"].failure)
    assert found["fine.pdf"].documents[0].chunks


def test_an_early_stop_does_not_wait_for_a_slow_file(tmp_path: Path) -> None:
    sources = write(
        tmp_path,
        [Case("fine.pdf", GOOD_PDF), Case("slow.pdf", pdf_document([bomb_stream(70_000_000)]))],
    )
    slow = Limits(LoadLimits(max_decompressed_bytes=1 << 30), timeout_s=300, memory_bytes=1 << 30)
    outcomes = load_in_background(sources, limits=slow, plan=None, known={})
    started = time.monotonic()
    first = next(outcomes)
    outcomes.close()  # the consumer gives up while the loader is on slow.pdf
    assert first.source.path.name == "fine.pdf"
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_fuzzed_copies_of_every_format_fail_alone_or_load(tmp_path: Path) -> None:
    """Truncated, bit-flipped and hostile copies of real fixtures (Markdown, HTML, PDF, MedQuAD
    XML, BEIR jsonl): no crash, no hang; each file either loads or fails with one sentence."""
    cases = fuzz_cases()
    names = [case.name for case in cases]
    assert len(set(names)) == len(names)
    sources = write(tmp_path, cases)
    found = load(sources, Limits(LoadLimits(), timeout_s=30, memory_bytes=1 << 30))
    assert set(found) == set(names)
    for name, loaded in found.items():
        if loaded.failure is not None:
            assert is_one_sentence(loaded.failure, name), loaded.failure
        else:
            assert loaded.documents or loaded.unsupported, name
        assert all(is_one_sentence(warning, name) for warning in loaded.warnings), name
