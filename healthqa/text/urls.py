"""Which links an article may carry: a web page's address, never a script, data or file link."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def web_url_or_none(url: str | None) -> str | None:
    """`url` when it is an http(s) address; None for "javascript:...", "data:...", "file:..." and
    anything else, which no consumer of the index should have to check again."""
    return url.strip() if url is not None and is_web_url(url) else None
