"""BM25 search over FTS5: weighting, stemming, and queries that must never be read as FTS syntax."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.reader import ALWAYS_KEEP_BELOW, IndexReader
from index.records import DocumentRecord
from index.writer import IndexWriter
from tests.support.records import MANIFEST, build, sample, unit_vectors

TEXTS = {
    "zinc-title": ("Zinc", "Overview", "A mineral found in meat, shellfish and legumes."),
    "zinc-body": ("Minerals", "Overview", "Some people take zinc with meat and legumes daily."),
    "heading": ("Colds", "Zinc lozenges", "Lozenges may shorten a cold in some adults."),
    "andor": ("Grammar", "Words", "This and that, or NOT this: NEAR the star * sign."),
    "inhalers": ("Asthma", "Devices", "Inhalers deliver medicine straight to the lungs."),
    "cafe": ("Diet", "Coffee", "A café serves caffeine, which can raise blood pressure."),
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("lexical")
    rng = np.random.default_rng(7)
    with IndexWriter.open(index_dir, MANIFEST) as writer:
        for doc_id, (title, section, text) in TEXTS.items():
            base = sample(doc_id, 1)
            chunk = replace(
                base.chunks[0], title=title, section=section, text=text,
                sentence_spans=((0, len(text)),),
            )  # fmt: skip
            record = DocumentRecord(doc_id=doc_id, title=title, content_hash=doc_id)
            writer.upsert(record, [chunk], unit_vectors(rng, 1), [unit_vectors(rng, 1)])
        writer.commit()
    with IndexReader.open(index_dir) as opened:
        yield opened


def doc_ids(reader: IndexReader, terms: list[str], k: int = 10) -> list[str]:
    hits = reader.lexical_search(terms, k)
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True), "best first, higher is better"
    return [stored.chunk.doc_id for stored in reader.chunks([cid for cid, _ in hits])]


def test_a_title_match_outranks_a_body_match_which_outranks_nothing(reader):
    assert doc_ids(reader, ["zinc"]) == ["zinc-title", "heading", "zinc-body"]


def test_terms_are_or_ed_and_stemmed_and_fold_diacritics(reader):
    assert doc_ids(reader, ["inhaler"]) == ["inhalers"]
    assert doc_ids(reader, ["cafe"]) == ["cafe"]
    assert set(doc_ids(reader, ["lungs", "caffeine"])) == {"inhalers", "cafe"}
    assert doc_ids(reader, ["zinc", "lozenges"])[0] == "heading"


def test_k_limits_the_hits(reader):
    assert len(reader.lexical_search(["zinc"], 2)) == 2
    assert reader.lexical_search(["zinc"], 0) == []
    assert reader.lexical_search([], 5) == []


@pytest.mark.parametrize(
    "terms",
    [
        ['"'],
        ['"zinc'],
        ["zinc AND"],
        ["AND"],
        ["OR", "NOT"],
        ["*"],
        ["zin*"],
        ["NEAR("],
        ["NEAR(zinc meat, 2)"],
        ["title:zinc"],
        ["{title section}: zinc"],
        ["^zinc"],
        ["zinc)", "(meat"],
        ["-", "+", "'", "''", '""'],
        ["\x00", "\n", "   "],
    ],
)
def test_fts_syntax_in_terms_is_searched_as_words_never_parsed(reader, terms):
    hits = reader.lexical_search(terms, 10)
    assert all(isinstance(cid, int) for cid, _ in hits)


def test_operator_words_are_plain_words(reader):
    assert doc_ids(reader, ["NOT"]) == ["andor"]
    assert "andor" in doc_ids(reader, ["AND"])
    assert doc_ids(reader, ["NEAR("]) == ["andor"]
    assert doc_ids(reader, ["*"]) == []
    assert set(doc_ids(reader, ["zinc AND"])) == {"zinc-title", "zinc-body", "heading", "andor"}


@settings(max_examples=150, deadline=None)
@given(terms=st.lists(st.text(max_size=20), max_size=6), k=st.integers(0, 8))
def test_any_text_is_a_safe_query(reader, terms, k):
    hits = reader.lexical_search(terms, k)
    assert len(hits) <= k
    assert len({cid for cid, _ in hits}) == len(hits)


def test_a_word_in_most_chunks_does_not_drown_the_rare_ones(tmp_path):
    """Above ALWAYS_KEEP_BELOW chunks, a word in most of them is dropped while rarer ones remain;
    alone, it is still searched."""
    rng = np.random.default_rng(11)
    total = ALWAYS_KEEP_BELOW + 200
    with IndexWriter.open(tmp_path, MANIFEST) as writer:
        for n in range(total // 4):
            item = sample(f"doc{n}", 4)
            chunks = [
                replace(c, text=f"{c.text} Pain {'sciatica' if n < 2 else 'ache'}.")
                for c in item.chunks
            ]
            writer.upsert(item.record, chunks, unit_vectors(rng, 4), item.sentence_vectors)
        writer.commit()
    with IndexReader.open(tmp_path) as reader:
        hits = doc_ids(reader, ["pain", "sciatica"], k=20)
        assert set(hits) == {"doc0", "doc1"}
        assert len(doc_ids(reader, ["pain"], k=20)) == 20
        assert len(doc_ids(reader, ["pain", "unheardofword"], k=20)) == 20


def test_concurrent_searches_on_one_reader_agree_with_serial_ones(reader):
    """The app shares one reader between visitors' threads; each search borrows a connection."""
    queries = [["zinc"], ["inhaler"], ["cafe"], ["zinc", "lozenges"], ["lungs", "caffeine"]]
    expected = [doc_ids(reader, terms) for terms in queries]

    def search_all(_: int) -> list[list[str]]:
        return [doc_ids(reader, terms) for terms in queries for _ in range(20)][::20]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(search_all, range(16)))
    assert all(result == expected for result in results)


def test_a_closed_reader_refuses_to_search(tmp_path):
    build(tmp_path, [sample("a", 1)])
    opened = IndexReader.open(tmp_path)
    opened.close()
    with pytest.raises(sqlite3.ProgrammingError):
        opened.lexical_search(["a"], 5)
