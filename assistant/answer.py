"""What the assistant hands back: an answer, its citations and any safety notice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from index.records import Span

# crisis: suicide or self-harm; emergency: a medical emergency happening now;
# dosing / diagnosis: a request for a personal dose or diagnosis, answered only in general terms.
SafetyKind = Literal["crisis", "emergency", "dosing", "diagnosis", "animal"]

DISCLAIMER = (
    "General information from vetted articles, not medical advice. "
    "Talk to a clinician about your own situation."
)


@dataclass(frozen=True)
class SafetyNotice:
    kind: SafetyKind
    message: str  # fixed text shown before anything else (escalation) or beside the answer

    @property
    def escalates(self) -> bool:
        return self.kind in ("crisis", "emergency")


@dataclass(frozen=True)
class Citation:
    """Source [n]: the passage an answer sentence was taken from, and where in it."""

    n: int
    chunk_id: int
    doc_id: str
    title: str
    section: str
    passage: str
    spans: tuple[Span, ...]  # character spans of the cited sentences inside `passage`
    url: str | None = None
    page: int | None = None
    source: str | None = None
    reviewed: str | None = None


@dataclass(frozen=True)
class Answer:
    text: str  # plain text with [n] markers; fixed framing/safety text carries no marker
    citations: tuple[Citation, ...]
    abstained: bool
    safety: SafetyNotice | None
    query: str  # what was actually searched (after follow-up rewriting), "" if nothing was
    disclaimer: str = DISCLAIMER
    suggestions: tuple[str, ...] = ()  # closest covered topics, offered when abstaining
    # Where help is, under an answer whose articles speak of suicide or self-harm (fixed text).
    support: str = ""

    @property
    def body(self) -> str:
        """The answer without its leading safety message (shown apart, styled as a warning)."""
        if self.safety and self.text.startswith(self.safety.message):
            return self.text[len(self.safety.message) :].lstrip()
        return self.text

    def to_json(self) -> dict[str, object]:
        """The stable shape other tools read (`healthqa ask --json`)."""
        return {
            "answer": self.text,
            "citations": [
                {
                    "n": c.n,
                    "doc_id": c.doc_id,
                    "title": c.title,
                    "section": c.section,
                    "url": c.url,
                    "page": c.page,
                    "source": c.source,
                    "reviewed": c.reviewed,
                    "passage": c.passage,
                    "spans": [list(span) for span in c.spans],
                }
                for c in self.citations
            ],
            "abstained": self.abstained,
            "safety": None
            if self.safety is None
            else {"kind": self.safety.kind, "message": self.safety.message},
            "disclaimer": self.disclaimer,
            "query": self.query,
            "suggestions": list(self.suggestions),
            "support": self.support,
        }
