"""Everything the pages show from an article (or a visitor) as Markdown that shows it literally.

Article text is untrusted: a page can carry `<script>`, raw HTML, `javascript:` links, Markdown
images that fetch from another host, or Streamlit directives (`:red[...]`) that would restyle the
app. Streamlit reads Markdown in almost every widget (buttons, captions, titles, expander labels,
radio options, toasts), so everything taken from an article passes through one of the functions
here exactly once, and the pages never need `unsafe_allow_html`:

- `escape_markdown` / `escape_block` / `inline`: text, a passage with line breaks, a one-line label;
- `escape_stream`: text arriving in pieces for `st.write_stream`;
- `answer_markdown`, `highlighted_passage`, `source_heading`, `source_details`, `source_labels`:
  the answer parts;
- `cell`: a value for a dataframe, which shows text as text and only needs it on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote, urlsplit

from assistant.answer import Answer, Citation
from assistant.understanding.injection import looks_like_instruction
from healthqa.text.sentences import split_sentences
from healthqa.text.urls import is_web_url
from healthqa.web.headings import short_section
from index.records import Span

MARKER = re.compile(r"\[(\d+)\]")

# Every ASCII character that can start Markdown, HTML, LaTeX ($) or a Streamlit directive (:),
# plus "." (list numbers such as "1.").
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-=!|~$:&.@])")
# Streamlit's Markdown (remark-gfm) turns URLs and e-mail addresses in plain text into links after
# parsing, so escaping cannot stop it; an invisible word joiner inside "http:", "www." and before
# "@" breaks the patterns it looks for while the text reads and wraps the same.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=\\:)|\bwww(?=\\\.)|(?=\\@)")
_BULLET = re.compile(r"^- ")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_ANY_SPACE = re.compile(r"\s+")

HIGHLIGHT = "yellow-background"  # a Streamlit text directive: `:yellow-background[...]`
HIDDEN_INSTRUCTION = "[instruction-like text hidden]"
# Private-use characters mark highlight boundaries and hidden sentences through escaping; article
# text cannot forge them because they are blanked out of the passage first.
_SENTINEL_OPEN = "\ue000"
_SENTINEL_CLOSE = "\ue001"
_SENTINEL_HIDDEN = "\ue002"
_SENTINELS = (_SENTINEL_OPEN, _SENTINEL_CLOSE, _SENTINEL_HIDDEN)
LABEL_TITLE_CHARS = 60
LABEL_SECTION_CHARS = 40


def escape_markdown(text: str) -> str:
    """`text` shown as written: no markup, HTML, links, maths or directives take effect."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda match: match.group(0) + WORD_JOINER, escaped)


def inline(text: str) -> str:
    """A one-line label (button, expander, caption, title): whitespace runs become one space."""
    return escape_markdown(_ANY_SPACE.sub(" ", text).strip())


def escape_stream(pieces: Iterable[str]) -> Iterator[str]:
    """Pieces of text for `st.write_stream`, each shown as written. Text is passed on a whole
    word at a time, because a URL split between two pieces must still be recognised."""
    pending = ""
    for piece in pieces:
        pending += piece
        cut = max(pending.rfind(" "), pending.rfind("\n")) + 1
        if cut:
            yield escape_markdown(pending[:cut])
            pending = pending[cut:]
    if pending:
        yield escape_markdown(pending)


def cell(text: str | None) -> str:
    """A dataframe value. Dataframes draw text as text (no Markdown), so nothing is escaped; line
    breaks and control characters are flattened so a row stays one line."""
    return _ANY_SPACE.sub(" ", "".join(ch for ch in text or "" if ch.isprintable() or ch.isspace()))


def escape_block(text: str) -> str:
    """Escaped text whose line breaks survive: single breaks stay breaks, blank lines paragraphs."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = (
        "  \n".join(_SPACES.sub(" ", line).strip() for line in p.splitlines() if line.strip())
        for p in paragraphs
    )
    return "\n\n".join(escape_markdown(p) for p in lines)


def link(label: str, url: str | None) -> str:
    """A Markdown link when `url` is http(s); otherwise the label and url as plain text."""
    shown = escape_markdown(label)
    if url is None or not is_web_url(url):
        return shown if not url else f"{shown} ({escape_markdown(url)})"
    # Percent-encode everything that could end or break the link destination.
    target = quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")
    return f"[{shown}]({target})"


def sources_anchor(turn: int) -> str:
    """The "Sources" heading of one answer."""
    return f"sources-{turn}"


def source_anchor(turn: int, n: int) -> str:
    """The heading inside source n's expander: following a link to an element inside a closed
    <details> opens it (Chromium, Firefox, Safari), so a marker opens its own passage."""
    return f"{sources_anchor(turn)}-{n}"


def answer_body(answer: Answer) -> str:
    """The answer text without what the page shows apart: the safety notice (an alert above it)
    and, when abstaining, the suggested topics together with the line that introduces them (the
    page shows them once, as buttons under its own heading)."""
    text = answer.body
    if not (answer.abstained and answer.suggestions):
        return text.strip()
    shown_as_buttons = {f"- {s}" for s in answer.suggestions}
    lines = text.splitlines()
    kept: list[str] = []
    for k, line in enumerate(lines):
        if line.strip() in shown_as_buttons:
            continue
        following = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if line.rstrip().endswith(":") and following in shown_as_buttons:
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def answer_markdown(text: str, citations: Sequence[Citation], *, turn: int) -> str:
    """Answer text with each [n] that names a shown source turned into a link that opens it.

    A marker naming no shown source stays visible as plain "[n]" rather than pointing nowhere.
    Lines starting with "- " stay bullets; everything else is escaped.
    """
    by_number = {c.n: c for c in citations}
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
                anchor = source_anchor(turn, citation.n)
                pieces.append(f'[\\[{citation.n}\\]](#{anchor} "{hover}")')
            last = match.end()
        pieces.append(escape_markdown(body[last:]))
        lines.append(("- " if bullet else "") + "".join(pieces))
    return _joined(lines)


def _joined(lines: list[str]) -> str:
    """Two spaces keep single line breaks as breaks in Markdown. A line after a list starts a
    paragraph of its own: after a hard break it would be read as more of the last bullet."""
    out = ""
    for n, line in enumerate(lines):
        if n:
            after_list = bool(_BULLET.match(lines[n - 1])) and not _BULLET.match(line)
            out += "\n\n" if after_list else "  \n"
        out += line
    return out


def _link_title(text: str) -> str:
    """A link title is quoted; drop what could close it and escape the rest."""
    flat = _SPACES.sub(" ", text.replace("\n", " ").replace('"', "'")).strip()
    return _SPECIAL.sub(r"\\\1", flat)


def highlighted_passage(passage: str, spans: Sequence[Span]) -> str:
    """The passage escaped, with the cited spans highlighted and every sentence that tries to
    instruct the assistant replaced by a short marker (article text is data, never commands).

    Spans are clipped to the passage, merged when they overlap, and split at line breaks
    (a highlight cannot cross a paragraph).
    """
    # Same-length replacement keeps the span offsets valid.
    for sentinel in _SENTINELS:
        passage = passage.replace(sentinel, " ")
    cited = _flags(len(passage), _merge(spans, passage))
    hidden = _flags(len(passage), instruction_spans(passage))
    out: list[str] = []
    inside = False
    for i, char in enumerate(passage):
        if hidden[i]:
            if inside:
                out.append(_SENTINEL_CLOSE)
                inside = False
            if i == 0 or not hidden[i - 1]:
                out.append(_SENTINEL_HIDDEN)
            continue
        if cited[i] != inside:
            out.append(_SENTINEL_OPEN if cited[i] else _SENTINEL_CLOSE)
            inside = cited[i]
        out.append(char)
    if inside:
        out.append(_SENTINEL_CLOSE)
    marked = _apply_highlights(escape_block("".join(out)))
    return marked.replace(_SENTINEL_HIDDEN, f"*{escape_markdown(HIDDEN_INSTRUCTION)}*")


def instruction_spans(passage: str) -> list[Span]:
    """The sentences of `passage` that read as instructions to the assistant."""
    return [
        (start, end)
        for start, end in split_sentences(passage)
        if looks_like_instruction(passage[start:end])
    ]


def _flags(length: int, spans: Sequence[Span]) -> list[bool]:
    flags = [False] * length
    for start, end in spans:
        for i in range(max(0, start), min(length, end)):
            flags[i] = True
    return flags


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


def source_heading(citation: Citation) -> str:
    """The cited article's title, heading its passage (and the target of its markers)."""
    return inline(citation.title)


def source_details(citation: Citation) -> str:
    """Where a cited passage comes from, one fact per line under its heading, all escaped."""
    facts: list[str] = []
    if citation.section and citation.section != citation.title:
        facts.append(f"Section: {inline(citation.section)}")
    if citation.page is not None:
        facts.append(f"Page {citation.page}")
    if citation.reviewed:
        facts.append(f"Last reviewed: {inline(citation.reviewed)}")
    if citation.source:
        facts.append(f"Source: {inline(citation.source)}")
    if citation.url:
        facts.append(link("Read the original article", citation.url))
    return "  \n".join(facts)


def source_labels(citations: Sequence[Citation]) -> list[str]:
    """Expander labels, escaped: "[n] Title", with a short section name added only where two
    sources share a title, and then the site where they share the section too."""
    parts = [[_shorten(_flat(c.title), LABEL_TITLE_CHARS)] for c in citations]
    extras = (
        [
            _shorten(short_section(_flat(c.section), _flat(c.title)), LABEL_SECTION_CHARS)
            for c in citations
        ],
        [site_of(c) for c in citations],
    )
    for extra in extras:
        for k in _repeated([" · ".join(p) for p in parts]):
            if extra[k] and extra[k] not in parts[k]:
                parts[k].append(extra[k])
    return [
        inline(f"[{c.n}] " + " · ".join(p for p in part if p))
        for c, part in zip(citations, parts, strict=True)
    ]


def source_label(citation: Citation) -> str:
    """The label of a source shown on its own."""
    return source_labels([citation])[0]


def site_of(citation: Citation) -> str:
    """The web site a source comes from (its host without "www."), else its named source."""
    if citation.url and is_web_url(citation.url):
        host = urlsplit(citation.url.strip()).hostname or ""
        return host.removeprefix("www.")
    return _flat(citation.source or "")


def _repeated(labels: Sequence[str]) -> list[int]:
    """Positions whose label also appears elsewhere in `labels`."""
    return [k for k, label in enumerate(labels) if labels.count(label) > 1]


def _flat(text: str) -> str:
    return _ANY_SPACE.sub(" ", text).strip()


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"
