"""What a line of page chrome looks like on its own: its shape, and a small fallback phrase list.

Shape carries across sites: an arrow or chevron marks a link, a row of short labels between
separators is a breadcrumb or a link bar, a copyright sign marks a legal notice. Some chrome has
the shape of body text ("Subscribe to our newsletter." is a sentence, "Previous article" a
heading); only for those does `ChromePhrases` hold words, read from `ingest/data/` (see the
README there for how to extend them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from healthqa.text.words import read_word_list

DATA_DIR = Path(__file__).resolve().parent / "data"
HEADING_MAX_WORDS = 12
# Longer than this, a line is writing, not a link, button or notice.
CHROME_MAX_WORDS = 15
NAV_ITEM_MAX_WORDS = 4
# A line that opens with a copyright mark is a notice up to this long.
NOTICE_MAX_WORDS = 40

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_NON_HEADING_END = re.compile(r"[.!…,;:][\"'”’)\]]*$")
BULLET = re.compile(r"^[-*•·‣◦▪–]\s+")
_ARROW_END = re.compile(r"[>›»→❯▸►](\s*[>›»→❯▸►])*\s*$")
_ARROW_START = re.compile(r"^[<‹«←❮◂◄]\s")
# Chevrons separate a breadcrumb trail; bars, dots and slashes separate a row of links.
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»→]\s+")
_BAR_SEPARATOR = re.compile(r"\s+[|·•/]\s+")
_NOTICE = re.compile(r"©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}", re.IGNORECASE)
# Trailing marks that do not change what a label says: "Next Article:", "Read more »".
_LABEL_MARKS = " \t:>›»→-–—|"


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_heading_like(text: str) -> bool:
    """Short, starts with a capital, and ends without sentence punctuation (a question may)."""
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or BULLET.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return text.endswith("?") or not _NON_HEADING_END.search(text)


def is_link_line(text: str) -> bool:
    """A link marked as one: "Read the X article > >", "See all →", "« Back to index"."""
    if len(text.split()) > CHROME_MAX_WORDS:
        return False
    return bool(_ARROW_END.search(text)) or (
        bool(_ARROW_START.match(text)) and not is_sentence(text)
    )


def is_nav_row(text: str) -> bool:
    """A breadcrumb ("Home > Health > Heart") or link bar ("About | Contact | Privacy")."""
    if is_sentence(text):
        return False
    crumbs = _CRUMB_SEPARATOR.split(text)
    if len(crumbs) >= 2 and all(_is_nav_item(crumb) for crumb in crumbs):
        return True
    links = _BAR_SEPARATOR.split(text)
    # Digits would make it a table row ("Adults | 2 tablets | 4 hours"), which is content.
    return len(links) >= 3 and not re.search(r"\d", text) and all(map(_is_nav_item, links))


def _is_nav_item(text: str) -> bool:
    return 1 <= len(text.split()) <= NAV_ITEM_MAX_WORDS


def is_notice(text: str) -> bool:
    """A copyright line: "© 2024 Example Media. All rights reserved.". One that opens with the
    mark may run on with company details and legal links ("... Registered in ... | Privacy")."""
    words = len(text.split())
    if words <= NOTICE_MAX_WORDS and _NOTICE.match(text):
        return True
    return words <= CHROME_MAX_WORDS and bool(_NOTICE.search(text))


def label_key(text: str) -> str:
    """A line as a reader would name it, to see that two lines are the same label."""
    return " ".join(BULLET.sub("", text).casefold().split()).strip(_LABEL_MARKS)


@dataclass(frozen=True)
class ChromePhrases:
    """Chrome that shape cannot tell from body text, named by its words."""

    # A line of at most CHROME_MAX_WORDS that starts with one of these is chrome.
    line_starts: frozenset[str] = frozenset()
    # A line that says only one of these ends the article: what follows is another page's.
    tail_markers: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> ChromePhrases:
        return cls(
            line_starts=read_word_list(directory / "chrome_phrases.txt"),
            tail_markers=read_word_list(directory / "tail_markers.txt"),
        )

    def is_chrome_line(self, text: str) -> bool:
        if len(text.split()) > CHROME_MAX_WORDS:
            return False
        key = label_key(text)
        return any(
            key.startswith(phrase) and not key[len(phrase) : len(phrase) + 1].isalnum()
            for phrase in self.line_starts
        )

    def ends_article(self, text: str) -> bool:
        return label_key(text) in self.tail_markers


NO_PHRASES = ChromePhrases()
DEFAULT_PHRASES = ChromePhrases.load()
