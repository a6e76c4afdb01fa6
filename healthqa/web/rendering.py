"""Answers and passages as Markdown that shows article text literally.

Article text is untrusted: a page can carry `<script>`, raw HTML, `javascript:` links or Markdown
that would restyle the app. Everything taken from it is escaped here, so the app renders these
strings with plain `st.markdown` and never needs `unsafe_allow_html`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote, urlsplit

from assistant.answer import Answer, Citation
from index.records import Span

MARKER = re.compile(r"\[(\d+)\]")

# Every ASCII character that can start Markdown, HTML, LaTeX ($) or a Streamlit directive (:).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-=!|~$:&])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_BULLET = re.compile(r"^- ")
_SPACES = re.compile(r"[ \t\r\f\v]+")

HIGHLIGHT = "yellow-background"  # a Streamlit text directive: `:yellow-background[...]`
# Private-use characters mark highlight boundaries through escaping; article text cannot forge
# them because they are blanked out of the passage first.
_SENTINEL_OPEN = "\ue000"
_SENTINEL_CLOSE = "\ue001"


def escape_markdown(text: str) -> str:
    """`text` shown as written: no markup, HTML, links, maths or directives take effect."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def escape_block(text: str) -> str:
    """Escaped text whose line breaks survive: single breaks stay breaks, blank lines paragraphs."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = (
        "  \n".join(_SPACES.sub(" ", line).strip() for line in p.splitlines() if line.strip())
        for p in paragraphs
    )
    return "\n\n".join(escape_markdown(p) for p in lines)


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def link(label: str, url: str | None) -> str:
    """A Markdown link when `url` is http(s); otherwise the label and url as plain text."""
    shown = escape_markdown(label)
    if url is None or not is_web_url(url):
        return shown if not url else f"{shown} ({escape_markdown(url)})"
    # Percent-encode everything that could end or break the link destination.
    target = quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")
    return f"[{shown}]({target})"


def sources_anchor(turn: int) -> str:
    return f"sources-{turn}"


def answer_body(answer: Answer) -> str:
    """The answer text without what the app shows elsewhere: the safety notice (shown as an alert
    above it) and, when abstaining, the bullet list of suggestions (shown as buttons)."""
    text = answer.body
    if answer.abstained and answer.suggestions:
        shown_as_buttons = {f"- {s}" for s in answer.suggestions}
        text = "\n".join(line for line in text.splitlines() if line.strip() not in shown_as_buttons)
    return text.strip()


def answer_markdown(text: str, citations: Sequence[Citation], *, turn: int) -> str:
    """Answer text with each [n] that names a shown source turned into a link to the sources list.

    A marker naming no shown source stays visible as plain "[n]" rather than pointing nowhere.
    Lines starting with "- " stay bullets; everything else is escaped.
    """
    by_number = {c.n: c for c in citations}
    anchor = sources_anchor(turn)
    lines = []
    for line in text.splitlines():
        bullet = _BULLET.match(line)
        body = line[2:] if bullet else line
        pieces = []
        last = 0
        for match in MARKER.finditer(body):
            pieces.append(escape_markdown(body[last : match.start()]))
            citation = by_number.get(int(match.group(1)))
            if citation is None:
                pieces.append(escape_markdown(match.group(0)))
            else:
                hover = _link_title(f"{citation.title} — {citation.section}")
                pieces.append(f'[\\[{citation.n}\\]](#{anchor} "{hover}")')
            last = match.end()
        pieces.append(escape_markdown(body[last:]))
        lines.append(("- " if bullet else "") + "".join(pieces))
    # Two spaces keep single line breaks as breaks in Markdown.
    return "  \n".join(lines)


def _link_title(text: str) -> str:
    """A link title is quoted; drop what could close it and escape the rest."""
    flat = _SPACES.sub(" ", text.replace("\n", " ").replace('"', "'")).strip()
    return _SPECIAL.sub(r"\\\1", flat)


def highlighted_passage(passage: str, spans: Sequence[Span]) -> str:
    """The passage escaped, with the cited spans highlighted.

    Spans are clipped to the passage, merged when they overlap, and split at line breaks
    (a highlight cannot cross a paragraph).
    """
    # Same-length replacement keeps the span offsets valid.
    passage = passage.replace(_SENTINEL_OPEN, " ").replace(_SENTINEL_CLOSE, " ")
    marks = _merge(spans, passage)
    out: list[str] = []
    last = 0
    for start, end in marks:
        out.append(passage[last:start])
        out.append(_SENTINEL_OPEN + passage[start:end] + _SENTINEL_CLOSE)
        last = end
    out.append(passage[last:])
    return _apply_highlights(escape_block("".join(out)))


def _merge(spans: Sequence[Span], passage: str) -> list[Span]:
    """Spans clipped to the passage, trimmed of surrounding whitespace, overlaps merged."""
    trimmed = []
    for span_start, span_end in spans:
        start, end = max(0, span_start), min(len(passage), span_end)
        while start < end and passage[start].isspace():
            start += 1
        while end > start and passage[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    merged: list[Span] = []
    for start, end in sorted(trimmed):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _apply_highlights(escaped: str) -> str:
    result: list[str] = []
    inside = False
    for part in re.split(f"([{_SENTINEL_OPEN}{_SENTINEL_CLOSE}\n])", escaped):
        if part == _SENTINEL_OPEN:
            inside = True
        elif part == _SENTINEL_CLOSE:
            inside = False
        elif part == "\n":
            result.append(part)
        elif inside and part.strip():
            # Keep spaces outside the directive; a trailing "  " is a line break marker.
            core = part.strip()
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            result.append(f"{lead}:{HIGHLIGHT}[{core}]{trail}")
        else:
            result.append(part)
    return "".join(result)


def source_details(citation: Citation) -> str:
    """Where a cited passage comes from, one fact per line, all escaped."""
    facts = [f"**{escape_markdown(citation.title)}**"]
    if citation.section and citation.section != citation.title:
        facts.append(f"Section: {escape_markdown(citation.section)}")
    if citation.page is not None:
        facts.append(f"Page {citation.page}")
    if citation.reviewed:
        facts.append(f"Last reviewed: {escape_markdown(citation.reviewed)}")
    if citation.source:
        facts.append(f"Source: {escape_markdown(citation.source)}")
    if citation.url:
        facts.append(link("Read the original article", citation.url))
    return "  \n".join(facts)


def source_label(citation: Citation) -> str:
    """An expander label: the number and title, escaped."""
    section = ""
    if citation.section and citation.section != citation.title:
        section = f" — {citation.section}"
    return escape_markdown(f"[{citation.n}] {citation.title}{section}")

