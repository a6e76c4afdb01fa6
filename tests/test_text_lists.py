"""Plain-text pages whose lists sit between paragraphs with single line breaks, as a page saved
as text often has them: the lead-in line, every item and the paragraph after are all kept."""

from __future__ import annotations

from pathlib import Path

from ingest.text import load_text

# The first paragraph is short, so the page's dense run of sentences starts at the list's block.
_PAGE = """Bunions | Example Foot Centre

Bunions

A bunion is a bony lump at the base of the big toe. It is more common in women.

Signs of a bunion

The main sign is a hard lump on the side of the foot that can grow over time. You may also notice:
- pain or swelling over the joint
- hard, red skin on the lump
- the big toe pointing towards the other toes
- pain when walking or wearing shoes
The lump can make it hard to find shoes that fit, and the skin over it may become sore.

Treatment

Wearing wide shoes with a low heel and soft sole can ease the pain. Bunion pads and ice packs may
also help. Surgery is the only way to get rid of a bunion and is offered if the pain is severe.
"""


def test_list_between_paragraphs_on_single_line_breaks_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bunions.txt"
    path.write_text(_PAGE, encoding="utf-8")
    sections = {s.heading: s.text for s in load_text(path).sections}
    signs = sections["Signs of a bunion"].splitlines()
    assert any(line.endswith("You may also notice:") for line in signs)
    for item in ("- pain or swelling over the joint", "- hard, red skin on the lump",
                 "- the big toe pointing towards the other toes",
                 "- pain when walking or wearing shoes"):
        assert item in signs
    assert signs[-1].startswith("The lump can make it hard")
