"""A Markdown FAQ of bold questions (`ingest/markdown.py`): each "**Question?**" line heads its own
answer, as an HTML `<details>` FAQ item does; bold that is not a question alone on its line
stays text."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article
from ingest.text import load_text

_FAQ = """# Gout

## Overview

Gout is a type of arthritis that causes sudden attacks of severe pain in a joint, most often the big toe.

## Common questions

**Can gout come back?**
Yes, attacks often come back. Medicine that lowers uric acid can prevent them.

**Do I have to stop drinking beer?**

Cutting down helps, because beer raises uric acid levels.

**Is gout hereditary?**
It can run in families.
"""  # noqa: E501


def _sections(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "gout.md"
    path.write_text(text, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    return {s.heading: s.text for s in article.sections}


def test_each_bold_question_heads_its_own_answer(tmp_path: Path) -> None:
    sections = _sections(tmp_path, _FAQ)
    assert sections["Can gout come back?"] == (
        "Yes, attacks often come back. Medicine that lowers uric acid can prevent them."
    )
    assert sections["Do I have to stop drinking beer?"] == (
        "Cutting down helps, because beer raises uric acid levels."
    )
    assert sections["Is gout hereditary?"] == "It can run in families."
    others = [text for heading, text in sections.items() if heading != "Can gout come back?"]
    assert all("Yes, attacks" not in text for text in others)


def test_bold_that_is_not_a_question_on_its_own_line_stays_text(tmp_path: Path) -> None:
    text = (
        "# Gout\n\n## Treatment\n\n**Important:** rest the joint and keep it cool.\n\n"
        "**Why does it hurt?** Crystals form in the joint and inflame it.\n"
    )
    sections = _sections(tmp_path, text)
    assert list(sections) == ["Treatment"]
    assert "Crystals form" in sections["Treatment"]
