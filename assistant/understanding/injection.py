"""Text that tries to instruct the assistant. Article text and questions are data, never commands:
such sentences are dropped before searching and never quoted in an answer."""

from __future__ import annotations

import re

_INSTRUCTION = re.compile(
    r"""
    \b(ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}
        \b(previous|prior|above|earlier|all|your|the|these|any)\b[^.?!\n]{0,30}
        \b(instructions?|rules?|guidelines?|prompts?|directions?|polic(y|ies)|safety)\b
    | \byou\s+are\s+now\b
    | \b(pretend|imagine)\s+(that\s+)?you\s*(are|'re|were)\b
    | \b(act|pretend|behave)\s+(as|like)\s+(if\s+you\s+were\s+)?(a|an|my)\s+
        (doctor|physician|pharmacist|nurse|ai|assistant|unrestricted|different)
    | ^\s*(system|assistant|developer)\s*(prompt)?\s*:
    | \b(new|updated)\s+(system\s+)?instructions?\s*:
    | \bsystem\s+prompt\b
    | \bjailbreak\b | \bDAN\b(?:\s+mode)?
    | \bdo\s+anything\s+now\b
    | <\s*/?\s*(system|instructions?|im_start|im_end)\s*>
    | \[/?INST\]
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))


def strip_instructions(message: str) -> str:
    """The message without its sentences that address the assistant's rules or role."""
    parts = [p for p in _SENTENCE_BREAK.split(message) if p.strip()]
    kept = [p for p in parts if not looks_like_instruction(p)]
    return " ".join(kept).strip()
