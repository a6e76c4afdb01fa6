"""What one article may cost beyond loading it: a page or text too large to load within the
loader's limits, an article that would make too many passages to embed. Each is refused with one
sentence before that cost, the rest of its batch is ingested, and a version already indexed
stays."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.reader import IndexReader
from ingest.pipeline import ingest_paths
from tests.support.cli import article
from tests.support.counting import CountingEmbedder

pytestmark = pytest.mark.slow

TOPICS = ("asthma", "diabetes", "migraine", "gout", "psoriasis", "anemia", "glaucoma", "shingles")
ASPECTS = ("Symptoms", "Causes", "Diagnosis", "Treatment", "Living with it", "When to get help")


def interaction_table(rows: int, note: str = "") -> str:
    """A Markdown reference table: each row becomes a list item, a few items to a passage."""
    lines = [
        "# Medicines that interact",
        "",
        f"Pairs of medicines to ask a pharmacist about before taking them together. {note}",
        "",
        "| Medicine | Taken with | What happens |",
        "|---|---|---|",
    ]
    lines += [
        f"| medicine {n} | compound {n * 7 % 101} | the level of compound {n * 7 % 101} rises |"
        for n in range(rows)
    ]
    return "\n".join(lines) + "\n"


def long_leaflet(note: str = "") -> str:
    """A long article of many sections, each its own words, as a booklet's chapters are."""
    parts = [f"# Living with long-term conditions\n\n{note}A guide for patients and carers.\n"]
    for topic in TOPICS:
        for aspect in ASPECTS:
            parts.append(
                f"## {topic.capitalize()}: {aspect.lower()}\n\n"
                f"This part is about {aspect.lower()} in {topic}. People with {topic} often ask "
                f"their nurse what to expect. The answer depends on how {topic} started, how long "
                f"it has lasted and which other conditions they have. Write down questions about "
                f"{topic} before each appointment, and bring a list of every medicine you take, "
                f"including ones bought without a prescription. If {aspect.lower()} worries you, "
                f"ask for a longer appointment to talk about {topic} and {aspect.lower()}.\n"
            )
    return "\n".join(parts)


def chunk_texts(settings: Settings, doc_id: str) -> str:
    with IndexReader.open(settings.index_dir) as reader:
        return " ".join(stored.chunk.text for stored in reader.chunks_of(doc_id))


@pytest.mark.parametrize("chunk_in_loader", [True, False], ids=["loader", "pipeline"])
def test_an_article_over_the_passage_limit_is_refused_before_embedding_and_the_rest_go_on(
    tmp_path: Path, embedder: SentenceTransformerEmbedder, chunk_in_loader: bool
) -> None:
    settings = Settings(
        data_dir=tmp_path, index_dir=tmp_path / "index", max_passages_per_article=10
    )
    articles = tmp_path / "articles"
    articles.mkdir()
    table = articles / "interactions.md"
    table.write_text(interaction_table(4, note="First edition."))
    (articles / "asthma.md").write_text(article("asthma"))
    first = ingest_paths([articles], settings=settings, embedder=embedder)
    assert str(table) in first.added

    table.write_text(interaction_table(300, note="Second edition."))
    (articles / "gout.md").write_text(article("gout"))
    counting = CountingEmbedder(embedder, chunk_in_loader=chunk_in_loader)
    report = ingest_paths([articles], settings=settings, embedder=counting, prune=True)

    ((path, error),) = [(f.path, f.error) for f in report.failed]
    assert path == str(table)
    said = re.fullmatch(
        re.escape(str(table)) + r" would make ([\d,]+) passages; articles over 10 passages are "
        r"not ingested \(HEALTHQA_MAX_PASSAGES_PER_ARTICLE\)\.",
        error,
    )
    assert said is not None, error
    assert int(said.group(1).replace(",", "")) > 10
    # Nothing of the table was embedded; the new article was, and the old table stays as it was.
    assert report.added == (str(articles / "gout.md"),)
    assert (report.updated, report.removed) == ((), ())
    with IndexReader.open(settings.index_dir) as reader:
        assert counting.passages == len(reader.chunks_of(str(articles / "gout.md")))
        assert reader.stats().documents == 3
    assert "First edition." in chunk_texts(settings, str(table))


def test_a_long_article_is_ingested_whole_and_the_limit_counts_its_passages_exactly(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    leaflet = articles / "leaflet.md"
    leaflet.write_text(long_leaflet())
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index")

    assert ingest_paths([articles], settings=settings, embedder=embedder).added == (str(leaflet),)
    with IndexReader.open(settings.index_dir) as reader:
        passages = len(reader.chunks_of(str(leaflet)))
    assert passages >= 40  # a long article, far below the default limit

    leaflet.write_text(long_leaflet(note="Revised. "))
    at = Settings(
        data_dir=tmp_path, index_dir=tmp_path / "index", max_passages_per_article=passages
    )
    below = Settings(
        data_dir=tmp_path, index_dir=tmp_path / "index", max_passages_per_article=passages - 1
    )
    refused = ingest_paths([articles], settings=below, embedder=embedder)
    assert [f.error for f in refused.failed] == [
        f"{leaflet} would make {passages} passages; articles over {passages - 1} passages are "
        "not ingested (HEALTHQA_MAX_PASSAGES_PER_ARTICLE)."
    ]
    assert ingest_paths([articles], settings=at, embedder=embedder).updated == (str(leaflet),)
    assert "Revised." in chunk_texts(settings, str(leaflet))


def test_an_html_page_over_the_html_limit_is_refused_and_the_rest_go_on(
    tmp_path: Path, embedder: SentenceTransformerEmbedder, fixtures_dir: Path
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(fixtures_dir / "articles" / "asthma-page.html", articles / "asthma.html")
    paragraph = "<p>Cool a burn under cool running water for twenty minutes.</p>\n"
    big = articles / "burns.html"
    big.write_text(f"<html><body><h1>Burns</h1>{paragraph * 400}</body></html>")
    # As large, but text: the HTML limit is not a limit on every file.
    (articles / "gout.md").write_text(article("gout", "Gout is a kind of arthritis. " * 800))
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index", max_html_bytes=20_000)

    report = ingest_paths([articles], settings=settings, embedder=embedder)

    assert [(f.path, f.error) for f in report.failed] == [
        (
            str(big),
            f"{big} is 25.0 KB; HTML pages over 19.5 KB are not ingested "
            "(HEALTHQA_MAX_HTML_BYTES).",
        )
    ]
    assert len(report.added) == 2  # the asthma page (named by its URL) and gout.md
    assert str(articles / "gout.md") in report.added


def test_a_text_article_over_the_text_limit_is_refused_and_the_rest_go_on(
    tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    big = articles / "leaflet.md"
    big.write_text(long_leaflet())
    (articles / "gout.txt").write_text(article("gout"))
    # A corpus as large as the leaflet is many small documents: the text limit is not for it.
    record = '{"_id": "b%d", "title": "Burns", "text": "Cool a burn under running water %d."}'
    (articles / "corpus.jsonl").write_text("\n".join(record % (n, n) for n in range(600)))
    assert (articles / "corpus.jsonl").stat().st_size > 20_000
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index", max_text_bytes=20_000)

    report = ingest_paths([articles], settings=settings, embedder=embedder)

    size = f"{big.stat().st_size / 1024:,.1f} KB"
    assert [(f.path, f.error) for f in report.failed] == [
        (
            str(big),
            f"{big} is {size}; Markdown and text articles over 19.5 KB are not ingested "
            "(HEALTHQA_MAX_TEXT_BYTES).",
        )
    ]
    assert len(report.added) == 601  # the corpus's records and gout.txt
    assert str(articles / "gout.txt") in report.added
