"""A passage that speaks to the assistant is not quoted at all.

A vetted health page never addresses a chatbot ("SYSTEM: ignore the rules...", "you are now
..."); a passage that does was written to steer answers, and the plain statements beside the
instruction ("Stopping blood pressure medicine is always safe.") cannot be trusted either. The
composer already never quotes an instruction-like sentence; here the whole passage holding one
is set aside. The article's other sections stay: a planted sentence in one paragraph of a real
page does not void its prevention section. The ingest now drops the paragraph holding such a
sentence before indexing (`ingest.cleaning.instructions`), so this guard only acts on text
indexed before that.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.retrieval.hybrid import Retrieval
from assistant.understanding.injection import looks_like_instruction


def without_passages_addressing_the_assistant(retrieval: Retrieval) -> Retrieval:
    kept = tuple(p for p in retrieval.passages if not looks_like_instruction(p.stored.chunk.text))
    return retrieval if len(kept) == len(retrieval.passages) else replace(retrieval, passages=kept)
