"""The credit under the chat follows what is indexed: MedQuAD, the demo articles, or neither."""

from __future__ import annotations

from healthqa.web.collection import DEMO_CREDIT, MEDQUAD_CREDIT, collection_of
from index.records import DocumentRecord
from ingest.sample import DEMO_SOURCE, demo_articles, is_demo_source
from ingest.text import load_text


def record(doc_id: str, source: str | None = None) -> DocumentRecord:
    return DocumentRecord(doc_id=doc_id, title="t", content_hash="h", source=source)


def test_an_editors_own_articles_are_credited_to_nobody_else() -> None:
    assert collection_of([record("/articles/gout.md", "Clinic leaflets")]).credits == []


def test_medquad_and_demo_articles_are_each_credited() -> None:
    both = collection_of([record("medquad/CDC/0000001"), record("flu.md", DEMO_SOURCE + " (x)")])
    assert both.credits == [MEDQUAD_CREDIT, DEMO_CREDIT]
    assert both.demo
    assert "not vetted" in DEMO_CREDIT


def test_every_shipped_demo_article_says_it_is_a_demo() -> None:
    articles = demo_articles()
    assert len(articles) >= 8
    for path in articles:
        article = load_text(path)
        assert is_demo_source(article.source), path
        assert len(article.sections) >= 5, path
