"""Golden cases the shipped assistant is known to fail, each with its reason. They stay in the
golden file and are tested on their own with strict xfail: a fix shows up as an XPASS failure,
so this list cannot go stale."""

from __future__ import annotations

# Empty since the statement phrasings of 2026-12-03: "write me a poem about cars" after a glaucoma
# question, read as a crisis before, now gets its refusal.
KNOWN_GOLDEN_FAILURES: dict[str, str] = {}
