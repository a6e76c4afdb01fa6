"""Cleaning a section's text and an article: the named rules, in order, until nothing changes.

Every rule is a pure function of the text (and the section's heading and word lists) that only
re-arranges whitespace and line breaks, adds list bullets, decodes entities, or removes text it
names in a `Dropped` record: a duplicate, page furniture, or a sentence that instructs an AI
assistant (`instructions`). So the words of the output, with
the words of what was dropped, are exactly the words of the input. A link's furniture is never
all a section loses: a passage that only says "More is available at www.example.gov." keeps it,
so every document still has text to index. A section can go whole as a repeat of an earlier
section, or when it holds nothing but the site around the article (a share bar, a form's error
text: `site_furniture`; reviewer credits) or is the page's apparatus under a heading of its own
("References", "Images": `apparatus_sections`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from healthqa.text.controls import strip_controls
from healthqa.text.urls import web_url_or_none
from ingest.cleaning.apparatus_sections import drop_apparatus_sections
from ingest.cleaning.capital_items import split_capitalised_items
from ingest.cleaning.characters import normalise_whitespace, unescape_entities
from ingest.cleaning.credits import drop_credits
from ingest.cleaning.doubled import drop_doubled_sentences
from ingest.cleaning.duplicates import block_shingles, drop_duplicate_blocks
from ingest.cleaning.edits import Dropped, Rule, SectionContext, Shingles
from ingest.cleaning.footnotes import drop_footnote_marks
from ingest.cleaning.furniture import drop_link_sentences, remove_urls
from ingest.cleaning.glued_sentences import space_glued_sentences
from ingest.cleaning.glued_words import split_glued_words
from ingest.cleaning.headings import drop_repeated_question, split_glued_headings
from ingest.cleaning.headings_said_again import split_headings_said_again
from ingest.cleaning.instructions import drop_instructions
from ingest.cleaning.lead_in_colons import colon_after_list_introductions
from ingest.cleaning.lists import restore_lists
from ingest.cleaning.sections import split_at_headings
from ingest.cleaning.site_furniture import drop_site_furniture
from ingest.cleaning.small_word_headings import split_small_word_headings
from ingest.cleaning.title_headings import split_title_case_headings
from ingest.cleaning.words import DEFAULT_WORDS, CleaningWords
from ingest.heading_paths import named_section
from ingest.model import Article, Section

RULES: tuple[tuple[str, Rule], ...] = (
    ("apparatus_sections", drop_apparatus_sections),
    ("html_entities", unescape_entities),
    ("whitespace", normalise_whitespace),
    # Early, on the text as written: a planted instruction goes before any rule reshapes it.
    ("instructions", drop_instructions),
    ("footnote_marks", drop_footnote_marks),
    # Before the list and heading rules cut a credit's line ("ABIM\nBoard Certified in ...").
    ("credits", drop_credits),
    # Before the list and heading rules, so that a bullet or heading it frees is read as one.
    ("glued_words", split_glued_words),
    # Before `lists`, whose item repairs then see the rebuilt items.
    ("capitalised_items", split_capitalised_items),
    ("lists", restore_lists),
    ("lead_in_colons", colon_after_list_introductions),
    ("glued_headings", split_glued_headings),
    ("glued_sentences", space_glued_sentences),
    # Before a sentence said twice reads as a heading said again (title_headings' signal).
    ("doubled_sentences", drop_doubled_sentences),
    # After the sentences are spaced: a Title Case heading can follow a sentence's period.
    ("title_headings", split_title_case_headings),
    ("small_word_headings", split_small_word_headings),
    ("headings_said_again", split_headings_said_again),
    ("repeated_question", drop_repeated_question),
    ("urls", remove_urls),
    ("links", drop_link_sentences),
    ("site_furniture", drop_site_furniture),
    ("duplicate_blocks", drop_duplicate_blocks),
)
RULE_NAMES = tuple(name for name, _ in RULES)
# One pass settles almost every text; a second catches a shape that an earlier rule's removal
# revealed. The cap only guards against a rule pair that undoes each other.
_MAX_PASSES = 3


@dataclass(frozen=True)
class CleanedText:
    text: str
    changed_by: tuple[str, ...] = ()  # names of the rules that changed something, in order
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class CleaningStats:
    sections: int = 0
    sections_changed: int = 0
    sections_dropped: int = (
        0  # every block of the section repeated an earlier one, or was furniture
    )
    # Rule name -> sections it changed.
    rule_changes: Mapping[str, int] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()


def clean_section_text(
    text: str, *, heading: str = "", words: CleaningWords = DEFAULT_WORDS
) -> CleanedText:
    return _clean(text, SectionContext(heading=heading, words=words))


def clean_article(
    article: Article, *, words: CleaningWords = DEFAULT_WORDS
) -> tuple[Article, CleaningStats]:
    """Every section cleaned; a block that repeats one of an earlier section goes, and so does a
    section left with no text. Title and headings get the character repairs only; a subsection
    is named with the group heading its loader recorded (`ingest.heading_paths`), and the
    opening section, when headed by the title itself, is headed "" as in every other format."""
    article = _without_controls(article)
    title = _clean_label(article.title, words)
    earlier: list[Shingles] = []
    sections: list[Section] = []
    changes: Counter[str] = Counter()
    dropped: list[Dropped] = []
    changed = 0
    for section in article.sections:
        context = SectionContext(
            heading=section.heading, words=words, earlier_blocks=tuple(earlier)
        )
        cleaned = _clean(section.text, context)
        changes.update(cleaned.changed_by)
        dropped.extend(cleaned.dropped)
        changed += bool(cleaned.changed_by)
        earlier.extend(block_shingles(cleaned.text))
        if cleaned.text:
            heading = _clean_label(section.heading, words)
            if not sections and heading.casefold() == title.casefold():
                heading = ""  # the opening text under the title heads nothing the title does not
            named = named_section(replace(section, heading=heading, text=cleaned.text))
            sections += split_at_headings(named)
    stats = CleaningStats(
        sections=len(article.sections),
        sections_changed=changed,
        sections_dropped=len(article.sections) - len(sections),
        rule_changes=dict(changes),
        dropped=tuple(dropped),
    )
    return replace(article, title=title, sections=tuple(sections)), stats


def _without_controls(article: Article) -> Article:
    """Every field an article shows without terminal escapes or control characters (see
    healthqa.text.controls), and its link only when it is a web address (a front matter's
    "javascript:" url is dropped here, for every consumer); body text keeps its line breaks and
    tabs. The id and path are its
    identity and stay as they are; they are escaped where printed."""

    def line(value: str | None) -> str | None:
        return None if value is None else strip_controls(value)

    def values(metadata: Mapping[str, str]) -> dict[str, str]:
        return {key: strip_controls(value) for key, value in metadata.items()}

    sections = tuple(
        replace(
            section,
            heading=strip_controls(section.heading),
            text=strip_controls(section.text, keep_layout=True),
            metadata=values(section.metadata),
        )
        for section in article.sections
    )
    return replace(
        article,
        title=strip_controls(article.title),
        url=web_url_or_none(line(article.url)),
        source=line(article.source),
        reviewed=line(article.reviewed),
        metadata=values(article.metadata),
        sections=sections,
    )


def _clean(text: str, context: SectionContext) -> CleanedText:
    changed_by: list[str] = []
    dropped: list[Dropped] = []
    # A rule is a pure function: given the very text it left unchanged before, it is skipped.
    settled: dict[str, str] = {}
    for _ in range(_MAX_PASSES):
        before_pass = text
        for name, rule in RULES:
            if settled.get(name) == text:
                continue
            result, removed = rule(text, context)
            if not result and all(drop.reason == "furniture" for drop in removed):
                result, removed = text, ()  # furniture is all there is: it stays, as the text
            dropped.extend(removed)
            if result == text:
                settled[name] = text
                continue
            if name not in changed_by:
                changed_by.append(name)
            text = result
        if text == before_pass:
            break
    return CleanedText(text=text, changed_by=tuple(changed_by), dropped=tuple(dropped))


def _clean_label(text: str, words: CleaningWords) -> str:
    context = SectionContext(heading="", words=words)
    unescaped, _ = unescape_entities(text, context)
    return " ".join(unescaped.split())
