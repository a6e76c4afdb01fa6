"""Section names, titles, tables and footers kept as documents write them (other topics)."""

from __future__ import annotations

from pathlib import Path

from ingest.aligned_tables import with_aligned_tables
from ingest.cleaning import clean_article
from ingest.cleaning.provenance import provenance_start
from ingest.heading_paths import Heading, section_groups, with_group
from ingest.html import load_html
from ingest.text import load_text

_ASTHMA_PAGE = """<!doctype html><html><head><title>Asthma</title></head><body><main><article>
<h1>Asthma</h1>
<p>Asthma is a common lung condition that causes occasional breathing difficulties. It affects
people of all ages and often starts in childhood, although it can also develop for the first
time in adults.</p>
<h2>Symptoms</h2>
<p>The main symptoms are wheezing, breathlessness, a tight chest and coughing. Symptoms often get
worse at night and early in the morning, or in response to a trigger such as exercise.</p>
<h2>Treatment</h2>
<h3>Reliever inhalers</h3>
<p>Reliever inhalers are used to treat symptoms when they happen. They usually work within a few
minutes and you should always carry yours with you.</p>
<h3>Preventer inhalers</h3>
<p>Preventer inhalers are used every day to reduce the swelling in the airways and stop symptoms
from starting. Rinse your mouth after using one.</p>
<h2>Living with asthma</h2>
<p>Most people can keep their asthma under control with the right treatment and a written
asthma action plan agreed with a nurse or doctor.</p>
</article></main></body></html>
"""


def _headings(path: Path) -> list[str]:
    article, _ = clean_article(load_html(path) if path.suffix == ".html" else load_text(path))
    return [s.heading for s in article.sections]


def test_an_html_heading_with_only_subsections_names_them(tmp_path: Path) -> None:
    path = tmp_path / "asthma.html"
    path.write_text(_ASTHMA_PAGE, encoding="utf-8")
    assert _headings(path) == [
        "",
        "Symptoms",
        "Reliever inhalers (Treatment)",
        "Preventer inhalers (Treatment)",
        "Living with asthma",
    ]


def test_a_markdown_heading_with_only_subsections_names_them(tmp_path: Path) -> None:
    path = tmp_path / "shingles.md"
    path.write_text(
        "# Shingles\n\nShingles is an infection that causes a painful rash.\n\n"
        "## Treatment\n\n### Antiviral medicine\n\nAntiviral tablets work best if started "
        "within 3 days of the rash appearing.\n\n### Painkillers\n\nParacetamol can ease the "
        "pain of the rash.\n\n## When to get help\n\nAsk for an urgent appointment if the rash "
        "is near your eye.\n",
        encoding="utf-8",
    )
    assert _headings(path) == [
        "",
        "Antiviral medicine (Treatment)",
        "Painkillers (Treatment)",
        "When to get help",
    ]


def test_a_group_is_the_nearest_heading_above_without_text() -> None:
    headings = [
        Heading(2, "Diagnosis", has_text=True),
        Heading(3, "Blood tests", has_text=True),  # its group has text: it stands alone
        Heading(2, "Treatment", has_text=False),
        Heading(3, "Medicines", has_text=True),
        Heading(3, "How is it treated in children?", has_text=True),
        Heading(2, "Outlook", has_text=True),
    ]
    groups = section_groups(headings)
    assert groups == ["", "", "", "Treatment", "Treatment", ""]
    assert with_group("Medicines", "Treatment") == "Medicines (Treatment)"
    assert with_group("How is it treated in children?", "Treatment") == (
        "How is it treated in children?"
    )  # a question heading says what it answers
    assert with_group("Other treatments", "Treatment") == "Other treatments"


def test_the_title_groups_nothing() -> None:
    headings = [Heading(2, "Migraine", has_text=False), Heading(3, "Symptoms", has_text=True)]
    assert section_groups(headings, title="Migraine") == ["", ""]
    assert section_groups([Heading(1, "Migraine", False), Heading(2, "Symptoms", True)]) == [
        "",
        "",
    ]


_CAFFEINE = """CAFFEINE: WHAT IT DOES AND HOW TO CUT DOWN
Heart Health Service - Patient information

WHAT IS CAFFEINE?

Caffeine is a stimulant found in coffee, tea, cola, energy drinks and chocolate. It makes you feel more alert, but too much can cause a fast heartbeat, shakiness and poor sleep.

HOW MUCH CAFFEINE IS SAFE?

Most adults can safely have up to 400 mg of caffeine a day. If you are pregnant, keep to 200 mg a day or less, because more may affect the baby's growth.

CAFFEINE IN COMMON DRINKS

Approximate caffeine content of common drinks:

  Drink                              Caffeine
  A mug of filter coffee             140 mg
  A mug of instant coffee            100 mg
  A mug of tea                       75 mg
  A can of cola                      40 mg

CUTTING DOWN

Cut down slowly over a week or two, because stopping suddenly can cause headaches and tiredness. Swap some drinks for decaffeinated versions or water.

Heart Health Service, Cardiology Department. Leaflet CH-12, reviewed March 2025.
"""  # noqa: E501


def test_a_capitals_leaflet_keeps_its_title_table_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "caffeine.txt"
    path.write_text(_CAFFEINE, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Caffeine: what it does and how to cut down"
    sections = {s.heading: s.text for s in article.sections}
    assert list(sections) == [
        "What is caffeine?",
        "How much caffeine is safe?",
        "Caffeine in common drinks",
        "Cutting down",
    ]
    table = sections["Caffeine in common drinks"]
    assert table.startswith("Approximate caffeine content of common drinks:")
    rows = [line for line in table.splitlines() if line.startswith("- ")]
    assert rows[1] == "- Drink: A mug of instant coffee; Caffeine: 100 mg"
    assert len(rows) == 4
    assert "140 mg" not in sections["How much caffeine is safe?"]
    last = sections["Cutting down"]
    assert last.endswith("decaffeinated versions or water."), last
    assert "CH-12" not in last
    assert article.reviewed == "2025-03"


def test_aligned_columns_need_three_rows_lined_up() -> None:
    prose = "One sentence ends here.  Another follows it.\nA wrapped line  with a gap.\n"
    assert with_aligned_tables(prose) == prose
    table = "Age      Dose\nAdults   2 tablets\nChildren 1 tablet\n"
    assert with_aligned_tables(table) == table  # "Children 1 tablet" has one cell


def test_a_closing_line_of_names_a_code_and_a_review_date_is_provenance() -> None:
    line = (
        "Cut down slowly. Diet Service, Community Health Department. "
        "Leaflet DS-3, reviewed May 2024."
    )
    start = provenance_start(line)
    assert start is not None
    assert line[:start].strip() == "Cut down slowly."
    assert provenance_start("Eat apples, pears and plums.") is None
    assert provenance_start("Drink water, reviewed daily by staff.") is None


_ROSACEA = """Rosacea
=======

*Skin Trust — patient leaflet*

Rosacea is a common long-term skin condition that mainly affects the face, causing redness and flushing.

Treatment
---------

Creams and gels such as ivermectin can reduce spots, and avoiding triggers helps.

-----
Skin Trust · Registered charity 123987 · Contact us · Last reviewed June 2024
"""  # noqa: E501


def test_a_setext_leaflet_drops_its_byline_footer_and_doubled_title(tmp_path: Path) -> None:
    path = tmp_path / "rosacea.md"
    path.write_text(_ROSACEA, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Rosacea"
    assert [s.heading for s in article.sections] == ["", "Treatment"]
    assert article.sections[0].text.startswith("Rosacea is a common")
    assert article.sections[1].text == (
        "Creams and gels such as ivermectin can reduce spots, and avoiding triggers helps."
    )
    assert article.reviewed == "2024-06"
