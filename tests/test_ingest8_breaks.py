"""A sentence cut by a PDF page break, a list's lead-in and a table's title (other topics)."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article, clean_section_text
from ingest.html import load_html
from ingest.pdf import load_pdf
from ingest.pdf_sections import with_sentences_rejoined
from tests.support.leaflets import heading, new_leaflet, paragraph


def test_a_sentence_cut_by_a_page_break_is_whole_on_its_first_page(tmp_path: Path) -> None:
    pdf = new_leaflet("Hay fever")
    heading(pdf, "Treatments")
    paragraph(pdf, "Antihistamine tablets ease sneezing and itching.")
    paragraph(pdf, "- A steroid nasal spray used every day works best; start it 2 weeks before")
    pdf.add_page()
    paragraph(pdf, "the pollen season begins and keep using it until the season ends.")
    paragraph(pdf, "- Eye drops can help itchy eyes.")
    path = tmp_path / "hayfever.pdf"
    pdf.output(str(path))
    article = load_pdf(path)
    first = next(s for s in article.sections if s.page == 1 and s.heading == "Treatments")
    assert "start it 2 weeks before the pollen season begins and keep using it" in first.text
    later = " ".join(s.text for s in article.sections if s.page == 2)
    assert "pollen season begins" not in later
    assert "Eye drops can help itchy eyes." in later


def test_only_a_lower_case_continuation_after_an_unfinished_line_moves() -> None:
    pages = ["Wash your hands often.", "the virus spreads easily."]
    assert with_sentences_rejoined(pages) == pages  # the first page ended its sentence
    pages = ["Keep the window open", "Ventilation helps."]
    assert with_sentences_rejoined(pages) == pages  # the next page starts a sentence of its own
    pages = ["Drink about 2 litres of", "water a day.\nTea counts too."]
    assert with_sentences_rejoined(pages) == [
        "Drink about 2 litres of\nwater a day.",
        "Tea counts too.",
    ]


def test_a_lists_lead_in_under_its_heading_stays() -> None:
    text = "Call a GP if:\n\n- the rash spreads\n- you have a fever"
    assert clean_section_text(text, heading="When to call a GP").text.startswith("Call a GP if:")
    question = "When should I call a GP?\nCall if the rash spreads."
    cleaned = clean_section_text(question, heading="When should I call a GP?").text
    assert cleaned == "Call if the rash spreads."  # a heading said again still goes


_SPRAIN_PAGE = """<!doctype html><html><head><title>Sprained ankle</title></head><body><main>
<article><h1>Sprained ankle</h1>
<p>A sprained ankle happens when the ligaments that support the ankle stretch or tear, often
when the foot twists while walking or running on uneven ground.</p>
<h2>Getting treatment</h2>
<p>Most sprains get better on their own within a few weeks with rest, ice and gentle movement,
and you can usually look after yourself at home.</p>
<table><caption>Where should I go?</caption>
<tr><th>What you notice</th><th>Where to go</th></tr>
<tr><td>Pain and swelling, but you can walk</td><td>Look after it at home</td></tr>
<tr><td>You cannot put any weight on it</td><td>Go to an urgent treatment centre</td></tr>
</table>
<h2>Recovery</h2>
<p>Start moving the ankle gently as soon as the pain allows, because this helps it heal.</p>
<p><strong>Exercises by week</strong></p>
<table>
<tr><th>Week</th><th>Exercise</th></tr>
<tr><td>Week 1</td><td>Trace the alphabet with your toes</td></tr>
<tr><td>Week 2</td><td>Stand on the injured leg for 30 seconds</td></tr>
</table>
</article></main></body></html>
"""


def test_a_tables_heading_like_title_names_its_section(tmp_path: Path) -> None:
    path = tmp_path / "sprain.html"
    path.write_text(_SPRAIN_PAGE, encoding="utf-8")
    article, _ = clean_article(load_html(path))
    sections = {s.heading: s.text for s in article.sections}
    assert list(sections) == [
        "",
        "Getting treatment",
        "Where should I go?",
        "Recovery",
        "Exercises by week",
    ]
    assert "urgent treatment centre" in sections["Where should I go?"]
    assert "urgent treatment centre" not in sections["Getting treatment"]
    assert "Trace the alphabet" in sections["Exercises by week"]
