"""What a loader produces: an article made of sections, before chunking."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A run of article text under one heading (a MedQuAD question, an HTML h2, a PDF page part)."""

    heading: str
    text: str
    page: int | None = None  # 1-based PDF page the text comes from
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    doc_id: str
    title: str
    sections: tuple[Section, ...]
    url: str | None = None
    source: str | None = None  # collection or publisher, e.g. "GARD", "CancerGov", "webmd.com"
    reviewed: str | None = None  # ISO date the page says it was published or reviewed
    path: str | None = None  # the file it came from, as given to ingest (used by --prune)
    metadata: Mapping[str, str] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Hash of everything that ends up in the index, so an unchanged article is skipped."""
        payload = {
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "reviewed": self.reviewed,
            "metadata": dict(sorted(self.metadata.items())),
            "sections": [
                [s.heading, s.text, s.page, dict(sorted(s.metadata.items()))] for s in self.sections
            ],
        }
        encoded = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()
