"""Markdown article bodies: markdown-it's syntax tree reduced to sections of the words read.

Every heading, "#" to "######", starts a section (the first level-1 heading is the title): a
"### CPAP" under "## Treatment" heads its own passage, so what it says is found under its name.
Paragraphs stay paragraphs, each list item becomes one "- item" line ("1. item" in an ordered
list, indented two spaces per nesting level), a table becomes list lines that name their columns
(`ingest/tables.py`), and code keeps its lines. Link text is kept and images are dropped. HTML is
dropped too: the text is never rendered, so markup in it is data, not words.

An FAQ written as bold questions ("**Can it come back?**" on a line, its answer under it) is a
list of headed answers, as an HTML `<details>` FAQ is: each bold question on a line of its own
heads a subsection of the heading above it, so an answer is read with its own question and never
with its neighbours' (`_BOLD_QUESTION_LINE`, `_is_bold_question`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ingest.heading_paths import Heading, section_groups, with_group_recorded
from ingest.model import Section
from ingest.plain_conventions import is_capitals_heading, with_plain_conventions
from ingest.scraped.chrome import is_heading_like
from ingest.tables import Row, table_text

# A title-case line longer than this is more likely a short sentence without its full stop.
TITLE_HEADING_MAX_WORDS = 6
# A byline or a footer is a line, not a paragraph.
BYLINE_MAX_WORDS = 12
FOOTER_MAX_WORDS = 40
_FIELD_SEPARATOR = re.compile(r"\s[·|•]\s")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_LISTS = frozenset({"bullet_list", "ordered_list"})
# A line that is one bold question and nothing else: "**Can I swim with a verruca?**".
_BOLD_QUESTION_LINE = re.compile(r"^ {0,3}(\*\*|__)(?=\S)[^\n]*?\?\1[ \t]*$")
_DROPPED = frozenset({"html_block", "html_inline", "image", "hr"})
# CommonMark plus GitHub tables and ~~strikethrough~~; HTML is recognised only to drop it whole.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def has_headings(text: str) -> bool:
    """Whether the text has Markdown headings, the sign it is Markdown rather than plain text."""
    return any(token.type == "heading_open" for token in _PARSER.parse(text))


def markdown_sections(text: str) -> tuple[str | None, list[Section]]:
    """The title (first level-1 heading) and the sections, the first one headed "" if untitled.

    A line in capitals on its own heads a section too ("SYMPTOMS"), and so does a short title-case
    line over text when the page has no Markdown heading but its title: such a page is plain
    text that only underlined its title (`ingest.plain_conventions`)."""
    title: str | None = None
    sections: list[Section] = []
    heading, nodes = "", list[SyntaxTreeNode]()
    levels: list[int] = []  # of each heading, in order
    parsed = _PARSER.parse(_bold_questions_apart(with_plain_conventions(text)))
    children = _without_footer(SyntaxTreeNode(parsed).children)
    plain = sum(node.type == "heading" for node in children) <= 1
    for n, node in enumerate(children):
        if not nodes and heading and heading == title and _is_byline(node):
            continue
        level = _heading_level(node)
        if level is None and _is_bold_question(children, n):
            level = min((levels[-1] if levels else 1) + 1, 6)  # under the heading above it
        if level is None and _is_written_heading(children, n, plain=plain):
            level = 2
        if level is None:
            nodes.append(node)
            continue
        sections.append(Section(heading=heading, text="\n\n".join(_blocks(nodes))))
        heading, nodes = _words(node).rstrip(":").rstrip(), []
        levels.append(level)
        if title is None and level == 1 and heading:
            title = heading
    sections.append(Section(heading=heading, text="\n\n".join(_blocks(nodes))))
    headings = [
        Heading(level, s.heading, has_text=bool(s.text))
        for s, level in zip(sections[1:], levels, strict=True)
    ]
    groups = section_groups(headings, title=title or "")
    return title, [sections[0], *map(with_group_recorded, sections[1:], groups)]


def _is_byline(node: SyntaxTreeNode) -> bool:
    """A line set in italics or bold alone, not a sentence, straight under the title: who
    publishes the leaflet ("*Skin Trust — patient leaflet*"), not what it says."""
    if node.type != "paragraph" or not node.children:
        return False
    inline = node.children[0].children
    parts = [c for c in inline if not (c.type == "text" and not c.content.strip())]
    words = _words(node)
    emphasised = len(parts) == 1 and parts[0].type in {"em", "strong"}
    return emphasised and len(words.split()) <= BYLINE_MAX_WORDS and not _SENTENCE_END.search(words)


def _without_footer(children: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The nodes without a closing footer: after the page's last rule ("---"), a short row of
    fields set apart by dots or bars ("Skin Trust · Registered charity 1234 · Contact us")."""
    rules = [n for n, node in enumerate(children) if node.type == "hr"]
    if not rules:
        return children
    closing = children[rules[-1] + 1 :]
    texts = [_words(node) if node.type == "paragraph" else "" for node in closing]
    is_footer = (
        bool(texts)
        and all(_FIELD_SEPARATOR.search(text) for text in texts)
        and sum(len(text.split()) for text in texts) <= FOOTER_MAX_WORDS
    )
    return children[: rules[-1]] if is_footer else children


def _bold_questions_apart(text: str) -> str:
    """The text with a blank line after each line that is a bold question alone, so that the
    answer written straight under it is a paragraph of its own, not the question's."""
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        out.append(line)
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if _BOLD_QUESTION_LINE.match(line) and following.strip():
            out.append("")
    return "\n".join(out)


def _is_bold_question(children: Sequence[SyntaxTreeNode], n: int) -> bool:
    """A paragraph that is one bold question ending in "?", over text that answers it."""
    node = children[n]
    if node.type != "paragraph" or not node.children:
        return False
    parts = [c for c in node.children[0].children if not (c.type == "text" and not c.content)]
    bold = len(parts) == 1 and parts[0].type == "strong"
    answered = n + 1 < len(children) and children[n + 1].type != "heading"
    return bold and answered and _words(node).endswith("?")


def _is_written_heading(children: Sequence[SyntaxTreeNode], n: int, *, plain: bool) -> bool:
    """A one-line paragraph over more text that reads as a heading: in capitals, or (on a page
    of plain text) short and title-like ("Living with asthma"), never a sentence or a lead-in."""
    node = children[n]
    if node.type != "paragraph" or node.map is None or node.map[1] - node.map[0] != 1:
        return False
    if n + 1 >= len(children) or children[n + 1].type == "heading":
        return False  # a heading heads something
    words = _words(node)
    if is_capitals_heading(words):
        return True
    # Digits mark an instruction more often than a name: "Call 111", "Take 2 tablets".
    short = len(words.split()) <= TITLE_HEADING_MAX_WORDS and not any(c.isdigit() for c in words)
    return plain and short and is_heading_like(words)


def _heading_level(node: SyntaxTreeNode) -> int | None:
    return int(node.tag[1:]) if node.type == "heading" else None


def _blocks(nodes: Sequence[SyntaxTreeNode]) -> list[str]:
    """Paragraph-level texts; lists next to each other (e.g. "-" then "*" items) stay one block."""
    blocks: list[str] = []
    after_list = False
    for node in nodes:
        text = _block_text(node)
        if not text:
            continue
        is_list = node.type in _LISTS
        if is_list and after_list:
            blocks[-1] = f"{blocks[-1]}\n{text}"
        else:
            blocks.append(text)
        after_list = is_list
    return blocks


def _block_text(node: SyntaxTreeNode) -> str:
    if node.type in _DROPPED:
        return ""
    if node.type in {"heading", "paragraph"}:
        return _words(node)
    if node.type in _LISTS:
        return "\n".join(_list_lines(node, depth=0))
    if node.type in {"fence", "code_block"}:
        return "\n".join(line.rstrip() for line in node.content.splitlines() if line.strip())
    if node.type == "table":
        return table_text(
            [
                Row(tuple(_words(cell) for cell in row.children), header=in_head)
                for row, in_head in _rows(node)
            ]
        )
    return "\n\n".join(_blocks(node.children))  # a blockquote, or any other container


def _list_lines(node: SyntaxTreeNode, *, depth: int) -> Iterator[str]:
    start = int(node.attrs.get("start", 1))
    for number, item in enumerate(node.children, start=start):
        marker = f"{number}." if node.type == "ordered_list" else "-"
        own = [child for child in item.children if child.type not in _LISTS]
        words = " ".join(" ".join(_block_text(child).split()) for child in own).strip()
        if words:
            yield f"{'  ' * depth}{marker} {words}"
        for child in item.children:
            if child.type in _LISTS:
                yield from _list_lines(child, depth=depth + 1)


def _rows(table: SyntaxTreeNode) -> Iterator[tuple[SyntaxTreeNode, bool]]:
    for part in table.children:  # thead, tbody
        for row in part.children:
            yield row, part.type == "thead"


def _words(node: SyntaxTreeNode) -> str:
    """The visible words of a node's inline content, on one line."""
    return " ".join("".join(_visible(node)).split())


def _visible(node: SyntaxTreeNode) -> Iterator[str]:
    for child in node.children:
        if child.type in _DROPPED:
            continue
        if child.type in {"text", "code_inline"}:
            yield child.content
        elif child.type in {"softbreak", "hardbreak"}:
            yield " "
        else:  # inline, link, em, strong, s: only their text is seen
            yield from _visible(child)
