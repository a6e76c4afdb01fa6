"""Markdown and plain-text loader: front matter, headings, paragraphs, bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthqa.errors import IngestError
from ingest.model import Article
from ingest.text import load_text


def test_markdown_with_front_matter(fixtures_dir: Path) -> None:
    path = fixtures_dir / "articles" / "flu-vaccine.md"
    article = load_text(path, doc_id="flu-vaccine.md")
    assert article.doc_id == "flu-vaccine.md"
    assert article.title == "The Seasonal Flu Vaccine"
    assert article.url == "https://health.example.org/flu/vaccine"
    assert article.source == "Example Health Library"
    assert article.reviewed == "2024-09-02"
    assert article.metadata == {"audience": "adults"}
    assert article.path == str(path)
    assert [s.heading for s in article.sections] == [
        "The Seasonal Flu Vaccine",
        "Who Should Get It",
        "Timing",
        "Side Effects",
    ]
    intro, who, timing, side = (s.text for s in article.sections)
    assert "becoming seriously ill if you do catch it." in intro  # emphasis and wrapping undone
    assert "- adults aged 65 and older\n- people who are pregnant\n- people with asthma" in who
    assert timing.startswith("Early autumn is the best time")  # a ### heading is a section too
    assert "See the vaccine safety page for more." in side
    assert "](" not in side
    assert "---" not in intro


def test_plain_text_file(fixtures_dir: Path) -> None:
    article = load_text(fixtures_dir / "articles" / "scraped-sleep-apnea.txt")
    assert article.title == "Sleep Apnea: Signs You Should Not Ignore"
    assert [s.heading for s in article.sections] == ["", "How Is It Diagnosed?"]
    assert article.url is None


def test_title_from_file_name_when_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "iron-deficiency_notes.txt"
    path.write_text("Iron deficiency is common. Leafy greens and beans help.\n")
    article = load_text(path)
    assert article.title == "Iron deficiency notes"
    assert article.sections[0].text == "Iron deficiency is common. Leafy greens and beans help."


def test_front_matter_in_plain_text_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(
        b"---\ntitle: Caf\xe9 culture\nreviewed: 2021-03-04\n---\n"
        b"Too much coffee can cause jitters \x96 cut down slowly.\n"
    )
    article = load_text(path)
    assert article.title == "Café culture"
    assert article.reviewed == "2021-03-04"
    assert "jitters – cut down" in article.sections[0].text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00junk" * 20, "looks like binary data"),
        (b"---\ntitle: [unclosed\n---\nBody text here.\n", "malformed YAML front matter"),
        (b"---\n- a\n- b\n---\nBody text here.\n", "not a set of key: value fields"),
        (b"\n\n   \n", "contains no article text"),
    ],
)
def test_bad_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        load_text(path)


_VOCABULARY = ["blood", "pressure", "heart", "kidney", "doctor", "sleep", "water", "daily",
               "pain", "symptoms", "may", "often", "with", "after", "rest", "care", "the", "and"]
_sentence = st.lists(st.sampled_from(_VOCABULARY), min_size=3, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
_paragraph = st.lists(_sentence, min_size=1, max_size=4)
_heading = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=4).map(
    lambda words: " ".join(w.capitalize() for w in words)
)
_section = st.tuples(_heading, st.lists(_paragraph, min_size=1, max_size=3))


@settings(max_examples=60, deadline=None)
@given(title=_heading, sections=st.lists(_section, min_size=1, max_size=4))
def test_plain_text_keeps_every_sentence(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    sections: list[tuple[str, list[list[str]]]],
) -> None:
    parts = [title]
    for heading, paragraphs in sections:
        parts.append(heading)
        parts.extend(" ".join(p) for p in paragraphs)
    path = tmp_path_factory.mktemp("txt") / "generated.txt"
    path.write_text("\n\n".join(parts) + "\n")
    article = load_text(path)
    kept = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    for _, paragraphs in sections:
        for paragraph in paragraphs:
            for sentence in paragraph:
                assert sentence in kept
    assert article.title == title
    assert [s.heading for s in article.sections] == [h for h, _ in sections]


def load_markdown(tmp_path: Path, source: str) -> Article:
    path = tmp_path / "article.md"
    path.write_text(source)
    return load_text(path)


def test_setext_headings_start_sections(tmp_path: Path) -> None:
    source = (
        "Kidney Stones\n=============\n\n"
        "Kidney stones form when minerals crystallise in the urine.\n\n"
        "Prevention\n----------\n\n"
        "Drinking enough water is the simplest way to prevent them.\n\n"
        "Diet\n\n"
        "Cutting down on salt helps.\n"
    )
    article = load_markdown(tmp_path, source)
    assert article.title == "Kidney Stones"
    assert [s.heading for s in article.sections] == ["Kidney Stones", "Prevention"]
    assert article.sections[1].text == (
        "Drinking enough water is the simplest way to prevent them.\n\n"
        "Diet\n\nCutting down on salt helps."
    )
    assert all("===" not in s.text and "---" not in s.text for s in article.sections)


def test_every_heading_level_starts_a_section(tmp_path: Path) -> None:
    source = (
        "# Flu\n\nFlu is a virus.\n\n## Treatment\n\nMost people get better at home.\n\n"
        "### Antivirals\n\nThey shorten the illness if started early.\n\n"
        "#### For children\n\nAsk about the liquid form.\n\n"
        "## Timing\n### Early autumn\nGet the vaccine before flu starts to spread.\n"
    )
    article = load_markdown(tmp_path, source)
    assert [(s.heading, s.text) for s in article.sections] == [
        ("Flu", "Flu is a virus."),
        ("Treatment", "Most people get better at home."),
        ("Antivirals", "They shorten the illness if started early."),
        ("For children", "Ask about the liquid form."),
        ("Early autumn", "Get the vaccine before flu starts to spread."),
    ]


def test_nested_and_ordered_lists(tmp_path: Path) -> None:
    source = (
        "# Pain Relief\n\n"
        "Options:\n\n"
        "* Medicines\n"
        "  - paracetamol\n"
        "  - ibuprofen\n"
        "    + not on an empty stomach\n"
        "* Rest\n\n"
        "Steps:\n\n"
        "3. Cool the area\n"
        "4. Raise it\n"
        "   1. above the heart\n"
    )
    article = load_markdown(tmp_path, source)
    assert article.sections[0].text == (
        "Options:\n\n"
        "- Medicines\n"
        "  - paracetamol\n"
        "  - ibuprofen\n"
        "    - not on an empty stomach\n"
        "- Rest\n\n"
        "Steps:\n\n"
        "3. Cool the area\n"
        "4. Raise it\n"
        "  1. above the heart"
    )


def test_loose_list_item_is_one_line(tmp_path: Path) -> None:
    source = (
        "# Sunburn\n\n"
        "- Cool the skin\n  with a damp towel.\n\n  Do not use ice.\n\n"
        "- Drink water.\n"
    )
    article = load_markdown(tmp_path, source)
    assert article.sections[0].text == (
        "- Cool the skin with a damp towel. Do not use ice.\n- Drink water."
    )


def test_links_keep_their_text_and_images_go(tmp_path: Path) -> None:
    source = (
        "# Eczema\n\n"
        "![A rash on an arm](images/rash.png)\n\n"
        "Use an [emollient](https://example.org/emollients \"Emollients\") every day, see the "
        "[NHS page][nhs] or <https://example.org/eczema>. Keep ~~long~~ *nails* short and "
        "use `1%` **hydrocortisone** only as advised.\n\n"
        "[nhs]: https://www.nhs.uk/conditions/atopic-eczema/\n"
    )
    article = load_markdown(tmp_path, source)
    text = article.sections[0].text
    assert text == (
        "Use an emollient every day, see the NHS page or https://example.org/eczema. Keep "
        "long nails short and use 1% hydrocortisone only as advised."
    )
    assert "rash" not in text


def test_fence_with_hash_lines_is_text(tmp_path: Path) -> None:
    source = (
        "# Logging Blood Sugar\n\n"
        "Keep a log like this one:\n\n"
        "```text\n"
        "# Monday\n"
        "before breakfast: 5.4\n"
        "\n"
        "## after lunch\n"
        "7.9\n"
        "```\n\n"
        "    # an indented code line\n\n"
        "## Reading the Log\n\n"
        "Look for patterns over a week.\n"
    )
    article = load_markdown(tmp_path, source)
    assert [s.heading for s in article.sections] == ["Logging Blood Sugar", "Reading the Log"]
    assert article.sections[0].text == (
        "Keep a log like this one:\n\n"
        "# Monday\nbefore breakfast: 5.4\n## after lunch\n7.9\n\n"
        "# an indented code line"
    )


def test_html_blocks_are_dropped(tmp_path: Path) -> None:
    source = (
        "# Hay Fever\n\n"
        "<div class=\"advert\">\n"
        "Buy our allergy pills now\n"
        "</div>\n\n"
        "<!-- editor: check the pollen dates -->\n\n"
        "<script>track('page')</script>\n\n"
        "Pollen counts are highest on warm, dry mornings. Stay <em>indoors</em> then.\n"
    )
    article = load_markdown(tmp_path, source)
    assert article.sections[0].text == (
        "Pollen counts are highest on warm, dry mornings. Stay indoors then."
    )


def test_table_rows_become_items_that_name_their_columns(tmp_path: Path) -> None:
    source = (
        "# Paracetamol Doses\n\n"
        "| Age | Dose | How often |\n"
        "|-----|:----:|-----------|\n"
        "| Adults | 2 tablets | every **4 to 6** hours |\n"
        "| Children 10-11 | 1 tablet | |\n\n"
        "Do not take more than 4 doses in 24 hours.\n"
    )
    article = load_markdown(tmp_path, source)
    assert article.sections[0].text == (
        "- Age: Adults; Dose: 2 tablets; How often: every 4 to 6 hours\n"
        "- Age: Children 10-11; Dose: 1 tablet\n\n"
        "Do not take more than 4 doses in 24 hours."
    )


def test_text_without_markdown_headings_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "Skip to content\n\nMenu\n\nSign up\n\nGout\n\n" + "Gout is arthritis that flares. " * 9
    )
    article = load_text(path)
    assert article.title == "Gout"
    assert "Sign up" not in article.sections[0].text


_heading_style = st.sampled_from(["atx", "setext"])


@settings(max_examples=40, deadline=None)
@given(
    title=_heading,
    sections=st.lists(
        st.tuples(_heading, _heading_style, st.lists(_paragraph, min_size=1, max_size=3)),
        min_size=1,
        max_size=4,
    ),
)
def test_markdown_keeps_every_sentence(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    sections: list[tuple[str, str, list[list[str]]]],
) -> None:
    parts = [f"{title}\n{'=' * len(title)}"]
    for heading, style, paragraphs in sections:
        parts.append(f"## {heading}" if style == "atx" else f"{heading}\n{'-' * len(heading)}")
        parts.extend("\n".join(p) for p in paragraphs)  # one sentence a line: wrapped paragraphs
    path = tmp_path_factory.mktemp("md") / "generated.md"
    path.write_text("\n\n".join(parts) + "\n")
    article = load_text(path)
    assert article.title == title
    assert [s.heading for s in article.sections] == [h for h, _, _ in sections]
    for section, (_, _, paragraphs) in zip(article.sections, sections, strict=True):
        assert section.text == "\n\n".join(" ".join(p) for p in paragraphs)
