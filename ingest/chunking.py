"""Structure-aware chunking: each section on its own, whole sentences packed up to a token budget.

The budget is the embedding model's view of the chunk: `max_tokens` less the header the pipeline
prepends for embedding (`embedding_header`) and the model's two special tokens, so the model
never truncates a chunk silently. Sentences too long for the budget are split at word
boundaries (and a word too long for it at characters); no text is ever dropped.

A chunk also has a character budget (`MAX_CHARS_PER_TOKEN` per token of its token budget): the
tokenizer reads any "word" of over 100 characters as one unknown token, so a token budget alone
let a 200-token chunk hold megabytes, which every answer citing it would then carry.

An article may be refused for making too many chunks (`max_chunks`): a file can be small and
quick to load yet, as a 20,000-row table, make thousands of passages whose embedding would hold
an ingest up for minutes in the main process, where no loader limit reaches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from healthqa.errors import FileLimitExceeded, IngestError
from healthqa.text.sentences import split_sentences
from index.records import Chunk, Span
from ingest.model import Article, Section

TokenCounter = Callable[[str], int]

SPECIAL_TOKENS = 2  # [CLS] and [SEP]
# Below this a chunk holds a few words; a header that leaves less is a broken title, not text.
MIN_TEXT_TOKENS = 8
# Title and heading are context for the vector, not content; a runaway one must not eat the budget.
HEADER_PART_MAX_CHARS = 120
# Ordinary text averages 4 to 6 characters a token, long URLs and chemical names a little more;
# only text that is no language at all comes near this many.
MAX_CHARS_PER_TOKEN = 20
# Markup in a title or heading (an HTML tag, a Markdown link's target) says nothing about the
# topic; the vector should see the words a reader sees.
_TAG = re.compile(
    r"<(script|style)\b.*?</\1\s*>|</?[a-z][a-z0-9-]*(\s[^<>]*)?/?>", re.IGNORECASE | re.DOTALL
)
_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")


def _readable(label: str) -> str:
    return " ".join(_LINK.sub(r"\1", _TAG.sub(" ", label)).split())


@dataclass(frozen=True)
class _Unit:
    """A sentence, or a piece of one too long for a chunk, located in its section's text."""

    start: int
    end: int
    tokens: int


def embedding_header(title: str, heading: str) -> str:
    """What the pipeline prepends to a chunk's text before embedding it."""
    title, heading = _shorten(_readable(title)), _shorten(_readable(heading))
    if not heading or heading.casefold() == title.casefold():
        return f"{title}\n" if title else ""
    if not title:
        return f"{heading}\n"
    separator = " " if title[-1] in ".?!:" else ". "
    return f"{title}{separator}{heading}\n"


def text_budget(header: str, *, count_tokens: TokenCounter, max_tokens: int) -> int:
    """Tokens left for chunk text once the header and the special tokens are in."""
    return max_tokens - count_tokens(header) - SPECIAL_TOKENS


def chunk_article(
    article: Article,
    *,
    count_tokens: TokenCounter,
    max_tokens: int,
    overlap_tokens: int,
    max_chunks: int | None = None,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section_index, section in enumerate(article.sections):
        header = embedding_header(article.title, section.heading)
        budget = text_budget(header, count_tokens=count_tokens, max_tokens=max_tokens)
        if budget < MIN_TEXT_TOKENS:
            raise IngestError(
                f"The title and heading of section {section_index + 1} of {article.doc_id} "
                f"leave only {budget} of {max_tokens} tokens for text; shorten them or raise "
                "HEALTHQA_CHUNK_TOKENS."
            )
        for start, end, sentences in pack_section(
            section.text, count_tokens=count_tokens, budget=budget, overlap_tokens=overlap_tokens
        ):
            chunks.append(
                _make_chunk(
                    article,
                    section,
                    section_index=section_index,
                    ordinal=len(chunks),
                    start=start,
                    end=end,
                    sentences=sentences,
                )
            )
    if max_chunks is not None and len(chunks) > max_chunks:
        raise FileLimitExceeded(
            f"{_named(article)} would make {len(chunks):,} passages; articles over "
            f"{max_chunks:,} passages are not ingested (HEALTHQA_MAX_PASSAGES_PER_ARTICLE)."
        )
    return chunks


def _named(article: Article) -> str:
    """The article as a reader knows it: its file, and its own id when that is not the file
    (a page named by its URL, one document of a BEIR corpus)."""
    if article.path is None or article.path == article.doc_id:
        return article.doc_id
    return f"{article.doc_id} (in {article.path})"


@dataclass(frozen=True)
class _Budget:
    tokens: int
    chars: int

    def fits(self, tokens: int, chars: int) -> bool:
        return tokens <= self.tokens and chars <= self.chars


def pack_section(
    text: str, *, count_tokens: TokenCounter, budget: int, overlap_tokens: int
) -> list[tuple[int, int, tuple[Span, ...]]]:
    """(start, end, sentence spans relative to start) of each chunk of one section's text."""
    limit = _Budget(tokens=budget, chars=budget * MAX_CHARS_PER_TOKEN)
    units = _units(text, count_tokens, limit)
    packed: list[tuple[int, int, tuple[Span, ...]]] = []
    first = 0
    while first < len(units):
        last = _last_fitting(text, units, first, count_tokens, limit)
        start, end = units[first].start, units[last].end
        spans = tuple((u.start - start, u.end - start) for u in units[first : last + 1])
        packed.append((start, end, spans))
        if last == len(units) - 1:
            break
        first = _overlap_start(units, first, last, limit, overlap_tokens)
    return packed


def _last_fitting(
    text: str, units: list[_Unit], first: int, count_tokens: TokenCounter, limit: _Budget
) -> int:
    """Index of the last unit of the chunk that starts at `first`."""
    last, total = first, units[first].tokens
    start = units[first].start
    while last + 1 < len(units) and limit.fits(
        total + units[last + 1].tokens, units[last + 1].end - start
    ):
        last += 1
        total += units[last].tokens
    # Per-unit counts are summed above; the joined text is counted once to be sure, since a
    # tokenizer need not be additive across the whitespace between sentences.
    while last > first and count_tokens(text[start : units[last].end]) > limit.tokens:
        last -= 1
    return last


def _overlap_start(
    units: list[_Unit], first: int, last: int, limit: _Budget, overlap_tokens: int
) -> int:
    """First unit of the next chunk: the previous chunk's tail up to `overlap_tokens`, as long as
    the next new unit still fits beside it, so every chunk makes progress."""
    start, overlap = last + 1, 0
    while start - 1 > first and overlap + units[start - 1].tokens <= overlap_tokens:
        start -= 1
        overlap += units[start].tokens
    following = units[last + 1]
    while start <= last and not limit.fits(
        overlap + following.tokens, following.end - units[start].start
    ):
        overlap -= units[start].tokens
        start += 1
    return start


def _units(text: str, count_tokens: TokenCounter, limit: _Budget) -> list[_Unit]:
    units: list[_Unit] = []
    for start, end in split_sentences(text):
        # A sentence past the character budget is split without being counted whole.
        tokens = count_tokens(text[start:end]) if end - start <= limit.chars else None
        if tokens is not None and tokens <= limit.tokens:
            units.append(_Unit(start, end, tokens))
        else:
            units.extend(_split_long(text, start, end, count_tokens, limit))
    return units


def _split_long(
    text: str, start: int, end: int, count_tokens: TokenCounter, limit: _Budget
) -> list[_Unit]:
    """Pieces of an over-long sentence, each as many whole words as fit the budget."""
    words = _word_spans(text, start, end)
    pieces: list[_Unit] = []
    n = 0
    while n < len(words):
        word_start, word_end = words[n]
        word_chars = word_end - word_start
        word_tokens = count_tokens(text[word_start:word_end]) if word_chars <= limit.chars else 0
        if not limit.fits(word_tokens, word_chars):
            pieces.extend(_split_word(text, word_start, word_end, count_tokens, limit))
            n += 1
            continue
        last, tokens = n, word_tokens
        while last + 1 < len(words) and words[last + 1][1] - word_start <= limit.chars:
            candidate = count_tokens(text[word_start : words[last + 1][1]])
            if candidate > limit.tokens:
                break
            last, tokens = last + 1, candidate
        pieces.append(_Unit(word_start, words[last][1], tokens))
        n = last + 1
    return pieces


def _split_word(
    text: str, start: int, end: int, count_tokens: TokenCounter, limit: _Budget
) -> list[_Unit]:
    """A single "word" longer than the budget (a URL, a chemical name, a run of characters that
    is no word at all): cut by characters."""
    pieces: list[_Unit] = []
    while start < end:
        # The longest prefix that fits, by bisection; never longer than the character budget.
        low, high = start + 1, min(end, start + limit.chars)
        while low < high:
            middle = (low + high + 1) // 2
            if count_tokens(text[start:middle]) <= limit.tokens:
                low = middle
            else:
                high = middle - 1
        pieces.append(_Unit(start, low, count_tokens(text[start:low])))
        start = low
    return pieces


def _word_spans(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    position = start
    while position < end:
        while position < end and text[position].isspace():
            position += 1
        word_start = position
        while position < end and not text[position].isspace():
            position += 1
        if position > word_start:
            spans.append((word_start, position))
    return spans


def _shorten(text: str) -> str:
    if len(text) <= HEADER_PART_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, HEADER_PART_MAX_CHARS)
    return text[: cut if cut > 0 else HEADER_PART_MAX_CHARS].rstrip()


def _make_chunk(
    article: Article,
    section: Section,
    *,
    section_index: int,
    ordinal: int,
    start: int,
    end: int,
    sentences: tuple[Span, ...],
) -> Chunk:
    return Chunk(
        doc_id=article.doc_id,
        ordinal=ordinal,
        section_index=section_index,
        text=section.text[start:end],
        title=article.title,
        section=section.heading,
        start=start,
        end=end,
        sentence_spans=sentences,
        url=article.url,
        page=section.page,
        metadata=dict(section.metadata),
    )
