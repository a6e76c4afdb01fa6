"""Page furniture inside article text: bare URLs, and sentences and labels that point at links.

A quoted sentence must read as information, so no URL stays inside one (`remove_urls`):

- a URL standing between sentences, or after a number or an address in a contact block, goes
  ("...free. http://example.org/a#b Kidney transplant is..." keeps both sentences);
- a URL in brackets goes with the brackets ("the disposal guide (http://goo.gl/x) explains",
  "(For more, see the guide at http://x.gov/a.)");
- a URL after a short label goes with its separator ("- Trisomy 18 Foundation: www.t18.org"
  keeps the label as the item).

Then (`drop_link_sentences`) any sentence still holding a URL is what it points at ("Read more
at www.example.gov.") and goes, and so does a sentence that names a link rather than
information ("Click here to view a search.", "...by visiting the following link:"), by the
phrases in `data/link_phrases.txt`. A link label ("Top of page") goes alone. A sentence that a
lost line break glued to its neighbours goes only from where the link starts to where the next
sentence visibly starts ("Learning disabilities Click on the link to view it. ...").
"""

from __future__ import annotations

import re

from healthqa.text.sentences import split_sentences
from healthqa.text.words import STOPWORDS
from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, delete_ranges
from ingest.cleaning.shape import (
    ITEM_MARKER,
    SENTENCE_END,
    first_glued_start,
    tokens,
)
from ingest.cleaning.words import CleaningWords

URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+", re.IGNORECASE)
# Punctuation that ends the sentence around a URL rather than the URL itself.
_URL_TRAILING = ".,;:!?'\"”’"
# "www.nia.nih.gov/Go4Life.If you...": the next sentence's first word, after its period.
_GLUED_WORD = re.compile(r"(\.)([A-Z][a-z]+)$")
_LABEL_SEPARATOR = re.compile(r"\s*(?:--|[-–—:])\s*$")
# A label names a resource; longer, it is a sentence that leads to the URL.
LABEL_MAX_WORDS = 8
# A bracketed aside this long that holds a URL is a pointer ("(For more information, see ...)").
ASIDE_MAX_WORDS = 25


def url_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the URLs in `text`, without the punctuation that follows them."""
    spans: list[tuple[int, int]] = []
    for match in URL.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
            end -= 1
        spans.append((start, end))
    return spans


def remove_urls(text: str, context: SectionContext) -> RuleResult:
    if not _may_hold_url(text):
        return text, ()
    text = _unglue_next_sentence(text, context.words)
    ranges = [
        removable
        for start, end in url_spans(text)
        if (removable := _removable_span(text, start, end)) is not None
    ]
    if not ranges:
        return text, ()
    dropped = tuple(Dropped("furniture", text[s:e].strip(" ()[]:-–—")) for s, e in ranges)
    return delete_ranges(text, ranges), dropped


def drop_link_sentences(text: str, context: SectionContext) -> RuleResult:
    vocabulary = context.words
    if not (_may_hold_url(text) and URL.search(text)) and not vocabulary.has_link_phrase(text):
        return text, ()
    ranges = [match.span() for match in vocabulary.link_labels_in(text)]
    labelled = delete_ranges(text, ranges) if ranges else text
    dropped = [Dropped("furniture", text[s:e]) for s, e in ranges]
    ranges = []
    for start, end in split_sentences(labelled):
        ranges.extend(_furniture_in_unit(labelled, start, end, vocabulary))
    dropped += [Dropped("furniture", labelled[s:e]) for s, e in ranges]
    return (delete_ranges(labelled, ranges) if ranges else labelled), tuple(dropped)


def _furniture_in_unit(
    text: str, start: int, end: int, vocabulary: CleaningWords
) -> list[tuple[int, int]]:
    """The furniture in one unit; a list item is read sentence by sentence, and goes whole
    only when all of it is furniture."""
    marker = ITEM_MARKER.match(text, start, end)
    if marker is None:
        found = _furniture_span(text, start, end, vocabulary)
        return [found] if found else []
    sentences = [
        (marker.end() + s, marker.end() + e) for s, e in split_sentences(text[marker.end() : end])
    ]
    doomed = [span for s, e in sentences if (span := _furniture_span(text, s, e, vocabulary))]
    whole = doomed and sum(e - s for s, e in doomed) == sum(e - s for s, e in sentences)
    return [(start, end)] if whole else doomed


def _furniture_span(
    text: str, start: int, end: int, vocabulary: CleaningWords
) -> tuple[int, int] | None:
    """The part of the sentence at start:end that points at a link, if any: all of it, or,
    when it runs on past lost line breaks, from a capitalised link phrase ("Click on...") to
    the next visible sentence start."""
    sentence = text[start:end]
    url = URL.search(sentence)
    phrase = vocabulary.link_phrase_in(sentence)
    if url is None and phrase is None:
        return None
    first = min(m.start() for m in (url, phrase) if m is not None)
    last = max(m.end() for m in (url, phrase) if m is not None)
    begin = (
        first
        if phrase is not None
        and phrase.start() == first
        and first > 0
        and (sentence[first].isupper() and not SENTENCE_END.search(sentence[:first].rstrip()))
        else 0
    )
    words_after = tokens(sentence[last:])
    glued = first_glued_start(words_after, vocabulary)
    if url is not None and url.end() == last and words_after and words_after[0].bare[:1].isupper():
        glued = 0  # a capitalised word right after a URL starts the next sentence
    finish = last + words_after[glued].start if glued >= 0 and words_after else len(sentence)
    return start + begin, start + finish


def _may_hold_url(text: str) -> bool:
    """A quick look before the URL pattern, which is slow to run over every passage."""
    return "://" in text or "www." in text.lower()


def _unglue_next_sentence(text: str, vocabulary: CleaningWords) -> str:
    """ "visit www.x.gov/Go4Life.If you..." -> "...Go4Life. If you...": a URL ends at the period
    before a capitalised sentence starter glued to it, which gets the space it lost, so the
    URL's sentence can go without the next one."""
    pieces: list[str] = []
    cursor = 0
    for match in URL.finditer(text):
        glued = _GLUED_WORD.search(match.group())
        if glued and vocabulary.is_starter(glued.group(2)):
            cut = match.start() + glued.start(2)
            pieces.append(text[cursor:cut])
            cursor = cut
    if not pieces:
        return text
    return " ".join([*pieces, text[cursor:]])


def _removable_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range to delete for the URL at start:end, if it can go without its sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    aside = _aside_around(text, line_start, start, end, line_end)
    if aside is not None:
        return aside
    last_before = before.split()[-1] if before.split() else ""
    stands_after = (
        not last_before or bool(SENTENCE_END.search(last_before)) or _is_value(last_before)
    )
    rest = after.lstrip(_URL_TRAILING + " ")
    stands_before = not rest or rest[0].isupper() or bool(URL.match(rest))
    if stands_after and stands_before:
        return start, end + (len(after) - len(rest) if not rest else 0)
    separator = _LABEL_SEPARATOR.search(before)
    if separator and stands_before and _ends_with_label(before[: separator.start()]):
        return line_start + separator.start(), end
    return None


def _aside_around(
    text: str, line_start: int, start: int, end: int, line_end: int
) -> tuple[int, int] | None:
    """The bracketed aside holding the URL at start:end, with the space before it."""
    opening = max(text.rfind("(", line_start, start), text.rfind("[", line_start, start))
    if opening < 0 or max(text.rfind(")", opening, start), text.rfind("]", opening, start)) >= 0:
        return None
    closing = min(
        (i for i in (text.find(")", end, line_end), text.find("]", end, line_end)) if i >= 0),
        default=-1,
    )
    if closing < 0 or len(text[opening:closing].split()) > ASIDE_MAX_WORDS:
        return None
    while opening > line_start and text[opening - 1] == " ":
        opening -= 1
    return opening, closing + 1


def _is_value(word: str) -> bool:
    """A phone number or an e-mail address, as contact blocks list them before a URL."""
    return "@" in word or sum(c.isdigit() for c in word) >= 3


def _ends_with_label(text: str) -> bool:
    """A short name before a URL ("Trisomy 18 Foundation", "- Bronchitis", "Fax: 555 0100
    Internet"), not a clause that leads to it ("...through their Web site at")."""
    label: list[str] = []
    for word in reversed(re.sub(r"^\s*[-*•]\s+", "", text).split()):
        if SENTENCE_END.search(word) or word.endswith(":") or _is_value(word) or URL.match(word):
            break  # a sentence or a label ends, or a value or URL stands before this label
        label.insert(0, word)
    return (
        0 < len(label) <= LABEL_MAX_WORDS
        and label[-1].lower() not in STOPWORDS
        and label[0][:1].isupper()
    )
