"""Ingest artifacts repaired by the shape of the text, before an article is hashed and chunked.

`clean_article` (every section, duplicates across sections) and `clean_section_text` apply the
named rules in `clean.RULES`: HTML entities, whitespace, run-in lists, glued headings and
sentences, a repeated question, URLs and link sentences, reviewer credits, repeated blocks. Word
lists they need are in `data/`.
"""

from ingest.cleaning.clean import (
    RULE_NAMES,
    CleanedText,
    CleaningStats,
    clean_article,
    clean_section_text,
)
from ingest.cleaning.edits import Dropped
from ingest.cleaning.words import DEFAULT_WORDS, CleaningWords

__all__ = [
    "DEFAULT_WORDS",
    "RULE_NAMES",
    "CleanedText",
    "CleaningStats",
    "CleaningWords",
    "Dropped",
    "clean_article",
    "clean_section_text",
]
