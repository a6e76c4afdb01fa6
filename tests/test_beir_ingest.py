"""A BEIR corpus through the real pipeline, the CLI and the editor's table: the good lines are
ingested and each broken one is named with its number; a file that is mostly broken is refused
in one sentence while the rest of the batch is ingested."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.reader import IndexReader
from ingest.pipeline import ingest_paths
from tests.support.cli import article, run

pytestmark = pytest.mark.slow

TOPICS = ("asthma", "gout", "anemia", "glaucoma", "shingles", "eczema")


def record(n: int) -> str:
    topic = TOPICS[n % len(TOPICS)]
    return json.dumps(
        {
            "_id": f"doc-{n}",
            "title": f"{topic.capitalize()} {n}",
            "text": f"{topic.capitalize()} affects many people. A doctor can say more ({n}).",
        }
    )


def corpus(folder: Path, lines: list[str], name: str = "corpus.jsonl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_broken_line_is_skipped_and_named_while_the_rest_of_the_corpus_is_ingested(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    lines = [record(n) for n in range(12)]
    lines[3] = lines[3][:-1] + ', "metadata": {}'  # the closing brace lost
    lines[7] = json.dumps({"_id": "doc-7", "title": "Gout"})  # no text
    lines[9] = record(2)  # doc-2 again
    path = corpus(tmp_path / "articles", lines)
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")

    report = ingest_paths([path], settings=settings, embedder=embedder)

    assert report.failed == ()
    assert sorted(report.added) == sorted(f"doc-{n}" for n in range(12) if n not in {3, 7, 9})
    assert [(w.path, w.warning) for w in report.warnings] == [
        (
            str(path),
            "corpus.jsonl line 4: not JSON (Expecting ',' delimiter at column 123); skipped.",
        ),
        (str(path), "corpus.jsonl line 8: record 'doc-7' has no text field; skipped."),
        (
            str(path),
            "corpus.jsonl line 10: repeats the _id 'doc-2' of line 3, whose record is kept; "
            "skipped.",
        ),
    ]
    with IndexReader.open(settings.index_dir) as reader:
        assert reader.stats().documents == 9
        kept = reader.document("doc-2")
        assert kept is not None
        assert kept.title == "Anemia 2"
    # Re-ingesting the unchanged file says the same again: the lines are still broken.
    again = ingest_paths([path], settings=settings, embedder=embedder)
    assert (len(again.unchanged), len(again.warnings)) == (9, 3)


def test_a_mostly_broken_corpus_is_refused_in_one_sentence_and_the_batch_goes_on(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    articles = tmp_path / "articles"
    garbage = corpus(articles, [record(0), "{oops", "[1, 2]", record(1), "id,title", "null"])
    (articles / "gout.md").write_text(article("gout"), encoding="utf-8")
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")

    report = ingest_paths([articles], settings=settings, embedder=embedder)

    assert report.added == (str(articles / "gout.md"),)
    assert report.warnings == ()
    assert [(f.path, f.error) for f in report.failed] == [
        (
            str(garbage),
            f"{garbage} was not ingested: 4 of the 6 lines read are broken (line 2: not JSON "
            "(Expecting property name enclosed in double quotes at column 2)), more than half, "
            "so it is not a BEIR corpus with a few broken lines.",
        )
    ]


def test_the_cli_shows_the_broken_lines_and_counts_the_rest(tmp_path: Path) -> None:
    lines = [record(n) for n in range(40)]
    for n in range(5, 18):  # 13 broken lines: 10 named, 3 counted
        lines[n] = "{" + lines[n]
    path = corpus(tmp_path / "articles", lines)
    index = str(tmp_path / "index")

    result = run("ingest", str(path), "--index", index, "--json")

    assert result.exit_code == 0, result.output  # warnings are not a failed run
    shown = json.loads(result.stdout)
    assert shown["added"] == 27
    warnings = [w["warning"] for w in shown["warnings"]]
    assert len(warnings) == 11
    assert warnings[0].startswith("corpus.jsonl line 6: not JSON (")
    assert warnings[-1] == "corpus.jsonl: and 3 more broken lines; skipped."

    table = run("ingest", str(path), "--index", index)
    assert table.exit_code == 0, table.output
    assert "warnings" in table.stdout
    assert "corpus.jsonl line 15: not JSON" in " ".join(table.stdout.split())
