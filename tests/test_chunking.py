"""Chunking invariants: chunks cover every sentence, fit the model, and are exact slices."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthqa.errors import FileLimitExceeded, IngestError
from healthqa.settings import MODEL_MAX_TOKENS
from healthqa.text.sentences import split_sentences
from index.embedder import SentenceTransformerEmbedder
from index.records import Chunk
from ingest.chunking import (
    MAX_CHARS_PER_TOKEN,
    SPECIAL_TOKENS,
    chunk_article,
    embedding_header,
    text_budget,
)
from ingest.cleaning import clean_article
from ingest.discover import LoadLimits, SourceFile, load_source
from ingest.model import Article, Section


def word_count(text: str) -> int:
    return len(text.split())


def budget_of(chunk: Chunk, max_tokens: int) -> int:
    return max_tokens - word_count(embedding_header(chunk.title, chunk.section)) - SPECIAL_TOKENS


def article_of(*texts: str, title: str = "Asthma", heading: str = "Symptoms") -> Article:
    sections = tuple(Section(heading=f"{heading} {n}", text=t) for n, t in enumerate(texts))
    return Article(doc_id="doc-1", title=title, sections=sections, url="https://example.org/a")


_words = st.sampled_from(
    ["fever", "Cough.", "Dr.", "U.S.", "2.5", "Rest!", "Why?", "- item", "\n", "\n\n", "1.", "a"]
)
_section_text = st.lists(_words, max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(_section_text, min_size=1, max_size=4),
    max_tokens=st.integers(min_value=14, max_value=60),
    overlap=st.integers(min_value=0, max_value=8),
)
def test_chunks_cover_fit_and_slice_their_sections(
    texts: list[str], max_tokens: int, overlap: int
) -> None:
    article = article_of(*texts)
    chunks = chunk_article(
        article, count_tokens=word_count, max_tokens=max_tokens, overlap_tokens=overlap
    )
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert [c.section_index for c in chunks] == sorted(c.section_index for c in chunks)
    for index, section in enumerate(article.sections):
        own = [c for c in chunks if c.section_index == index]
        covered: set[int] = set()
        for chunk in own:
            assert chunk.text == section.text[chunk.start : chunk.end]
            assert word_count(chunk.text) <= budget_of(chunk, max_tokens)
            for start, end in chunk.sentence_spans:
                assert 0 <= start < end <= len(chunk.text)
            covered.update(range(chunk.start, chunk.end))
        text = section.text
        assert {i for i, c in enumerate(text) if not c.isspace()} <= covered
        for start, end in split_sentences(text):
            if own and word_count(text[start:end]) <= budget_of(own[0], max_tokens):
                assert any(c.start <= start and end <= c.end for c in own)  # kept whole
        starts = [c.start for c in own]
        assert starts == sorted(starts)
        assert len(set(starts)) == len(starts)  # every chunk moves forward


def test_overlap_repeats_the_previous_chunks_last_sentence() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(12))
    chunks = chunk_article(
        article_of(text), count_tokens=word_count, max_tokens=30, overlap_tokens=5
    )
    assert len(chunks) > 2
    for previous, current in itertools.pairwise(chunks):
        last_start, last_end = previous.sentence_spans[-1]
        assert current.text.startswith(previous.text[last_start:last_end])


def test_without_overlap_chunks_partition_the_sentences() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(12))
    chunks = chunk_article(
        article_of(text), count_tokens=word_count, max_tokens=30, overlap_tokens=0
    )
    assert " ".join(c.text for c in chunks) == text


def test_an_overlong_sentence_is_split_at_words_not_dropped() -> None:
    text = " ".join(["word"] * 100) + "."
    chunks = chunk_article(
        article_of(text), count_tokens=word_count, max_tokens=30, overlap_tokens=0
    )
    assert len(chunks) > 3
    assert sum(word_count(c.text) for c in chunks) == 100


def test_metadata_is_carried_onto_chunks() -> None:
    article = Article(
        doc_id="d",
        title="Flu",
        sections=(Section("Flu", "It spreads. It passes.", page=3, metadata={"qtype": "info"}),),
        url="https://example.org/flu",
    )
    (chunk,) = chunk_article(article, count_tokens=word_count, max_tokens=50, overlap_tokens=0)
    assert (chunk.doc_id, chunk.title, chunk.section, chunk.url, chunk.page) == (
        "d", "Flu", "Flu", "https://example.org/flu", 3,
    )
    assert chunk.metadata == {"qtype": "info"}
    assert chunk.sentence_spans == ((0, 11), (12, 22))


def test_header_is_title_only_when_heading_repeats_it() -> None:
    assert embedding_header("Flu", "") == "Flu\n"
    assert embedding_header("Flu", "flu") == "Flu\n"
    assert embedding_header("Flu", "Symptoms") == "Flu. Symptoms\n"
    assert embedding_header("What is flu?", "Symptoms") == "What is flu? Symptoms\n"


def test_a_header_that_leaves_no_room_is_an_ingest_error() -> None:
    article = article_of("Some text.", title=" ".join(["long"] * 20))
    with pytest.raises(IngestError, match="raise HEALTHQA_CHUNK_TOKENS"):
        chunk_article(article, count_tokens=word_count, max_tokens=24, overlap_tokens=0)



def test_an_article_over_max_chunks_is_refused_naming_its_id_and_its_file() -> None:
    article = dataclasses.replace(
        article_of("One. Two. Three. Four.", "Five. Six."), path="/articles/asthma.html"
    )
    chunks = chunk_article(article, count_tokens=word_count, max_tokens=20, overlap_tokens=0)
    assert chunk_article(
        article, count_tokens=word_count, max_tokens=20, overlap_tokens=0, max_chunks=len(chunks)
    ) == chunks
    with pytest.raises(FileLimitExceeded) as refused:
        chunk_article(
            article, count_tokens=word_count, max_tokens=20, overlap_tokens=0, max_chunks=1
        )
    assert str(refused.value) == (
        f"doc-1 (in /articles/asthma.html) would make {len(chunks)} passages; articles over 1 "
        "passages are not ingested (HEALTHQA_MAX_PASSAGES_PER_ARTICLE)."
    )

HEALTH_TEXT = (
    "Asthma is a chronic (long-term) lung disease that inflames and narrows the airways. "
    "It causes recurring periods of wheezing, chest tightness, shortness of breath, and "
    "coughing, i.e. the classic symptoms. Dr. Jones at the U.S. National Institutes of Health "
    "notes that 25.7 million people have it. "
) * 12


@pytest.mark.slow
def test_no_chunk_exceeds_the_model_limit_with_the_real_tokenizer(
    embedder: SentenceTransformerEmbedder,
) -> None:
    monster = "https://example.org/" + "x" * 3000  # one "word" far past the model limit
    article = article_of(
        HEALTH_TEXT,
        "Triggers include " + ", ".join(["pollen and dust mites"] * 120) + ".",
        monster,
        title="Asthma: What Is Asthma and How Is It Treated in Adults and Children?",
    )
    chunks = chunk_article(
        article,
        count_tokens=embedder.count_tokens,
        max_tokens=MODEL_MAX_TOKENS,
        overlap_tokens=40,
    )
    assert len(chunks) > 6
    for chunk in chunks:
        header = embedding_header(chunk.title, chunk.section)
        assert embedder.count_tokens(header + chunk.text) + SPECIAL_TOKENS <= MODEL_MAX_TOKENS
    assert "".join(c.text for c in chunks if c.section_index == 2) == monster


def char_budget(chunk: Chunk, count_tokens: Callable[[str], int], max_tokens: int) -> int:
    header = embedding_header(chunk.title, chunk.section)
    return text_budget(header, count_tokens=count_tokens, max_tokens=max_tokens) * (
        MAX_CHARS_PER_TOKEN
    )


def test_a_word_longer_than_the_character_budget_is_cut_whole_into_pieces() -> None:
    word = "z" * 10_000  # one "word" by a word count, as a tokenizer counts one [UNK]
    text = f"Rest helps. {word} Drink water."
    chunks = chunk_article(
        article_of(text), count_tokens=word_count, max_tokens=30, overlap_tokens=5
    )
    assert all(len(c.text) <= char_budget(c, word_count, 30) for c in chunks)
    assert "".join(c.text for c in chunks if set(c.text) == {"z"}) == word


@pytest.mark.slow
def test_a_file_with_a_two_megabyte_word_chunks_within_the_character_budget(
    embedder: SentenceTransformerEmbedder, tmp_path: Path
) -> None:
    path = tmp_path / "plinkworm.md"
    path.write_text(
        "# Plinkworm infection\n\nPlinkworm infection is a parasitic infection of the gut. "
        + "z" * 2_000_000
        + ". Plinkworm infection is treated with antiparasitic medicines.\n",
        encoding="utf-8",
    )
    source = SourceFile(path, tmp_path, path.name)
    # By default a text file this large is refused by size (HEALTHQA_MAX_TEXT_BYTES); a
    # deployment that raises the limit still gets chunks within the character budget.
    with pytest.raises(FileLimitExceeded, match="HEALTHQA_MAX_TEXT_BYTES"):
        load_source(source)
    [article] = load_source(source, LoadLimits(max_text_bytes=4 * 1024 * 1024)).articles
    article, _ = clean_article(article)
    chunks = chunk_article(article, count_tokens=embedder.count_tokens, max_tokens=200,
                           overlap_tokens=40)
    assert max(len(c.text) for c in chunks) <= char_budget(chunks[0], embedder.count_tokens, 200)
    assert max(len(c.text) for c in chunks) < 4_000
    text = article.sections[0].text
    covered = 0  # chunks cover the text in order, nothing dropped
    for chunk in chunks:
        assert not text[covered : chunk.start].strip()
        covered = max(covered, chunk.end)
    assert not text[covered:].strip()
    assert "treated with antiparasitic" in chunks[-1].text


@pytest.mark.slow
def test_the_character_budget_never_binds_ordinary_text(
    embedder: SentenceTransformerEmbedder,
) -> None:
    article = article_of(HEALTH_TEXT, "Triggers include " + ", ".join(["dust mites"] * 80) + ".")
    chunks = chunk_article(
        article, count_tokens=embedder.count_tokens, max_tokens=200, overlap_tokens=40
    )
    assert all(len(c.text) < char_budget(c, embedder.count_tokens, 200) / 2 for c in chunks)


@pytest.mark.shared_data
def test_the_seed_article_chunks_within_the_limit(
    embedder: SentenceTransformerEmbedder, shared_data: Path
) -> None:
    text = (shared_data / "seed" / "second-opinion-guide.txt").read_text(encoding="utf-8")
    chunks = chunk_article(
        article_of(text, title="Cancer: When Do You Need a Second Opinion, and Why?"),
        count_tokens=embedder.count_tokens,
        max_tokens=200,
        overlap_tokens=40,
    )
    for chunk in chunks:
        header = embedding_header(chunk.title, chunk.section)
        assert embedder.count_tokens(header + chunk.text) + SPECIAL_TOKENS <= 200


def test_the_embedding_header_holds_the_words_a_reader_sees_not_markup() -> None:
    title = "Chilblains <script>alert('t')</script> [more](javascript:alert(1)) <b>now</b>"
    header = embedding_header(title, "What helps ![icon](https://x.example/i.png)?")
    assert header == "Chilblains more now. What helps icon?\n"
    # Comparisons are not tags.
    assert embedding_header("Blood sugar < 70 or > 180", "") == "Blood sugar < 70 or > 180\n"
