"""The help lines in a safety notice as links a phone can follow: call 911 or 988, text HOME to
741741, chat at 988lifeline.org. On a phone, a number to copy by hand is a step too many for
someone in a crisis.

Only fixed notice texts (the deployment's own lines, `SafetyLines`) go through here; article text
never does, and its links stay http(s) only.
"""

from __future__ import annotations

import re

from healthqa.web.rendering import escape_markdown

_TEXT_TO = re.compile(r"\b(?:text|txt)\s+(?P<word>[A-Za-z]+)\s+to\s+(?P<number>\d{3,8})\b")
_PHONE = re.compile(r"(?<![\w.-])(?:\+?\d[\d -]{5,16}\d|\d{3})(?![\w-])")
_SITE = re.compile(r"(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:org|com|gov|net|uk|ca|au|nz|ie|info)\b")


def help_markdown(notice: str) -> str:
    """The notice as Markdown, escaped, with its numbers, text line and chat site linked."""
    pattern = re.compile("|".join(f"(?:{p.pattern})" for p in (_TEXT_TO, _PHONE, _SITE)))
    parts: list[str] = []
    position = 0
    for found in pattern.finditer(notice):
        parts.append(escape_markdown(notice[position : found.start()]))
        parts.append(_link(found.group(0)))
        position = found.end()
    parts.append(escape_markdown(notice[position:]))
    return "".join(parts)


def _link(token: str) -> str:
    label = escape_markdown(token)
    texted = _TEXT_TO.fullmatch(token)
    if texted:
        return f"[{label}](sms:{texted['number']}?&body={texted['word']})"
    if _SITE.fullmatch(token):
        return f"[{label}](https://{token})"
    return f"[{label}](tel:{re.sub(r'[^0-9+]', '', token)})"
