"""HTML pages that mark their content with no `<main>` or `<article>`: an encyclopedia page whose
body sits in a plain `<div>` of section blocks still keeps its headings and its lists."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Tonsillitis | Health Reference</title></head>
<body>
<div id="top-bar">
  <a href="/">Health Reference - answers you can trust</a>
  <div class="notice">This is a public service website run by the Department of Health.</div>
  <ul class="menu"><li><a href="/a">Conditions</a></li><li><a href="/b">Medicines</a></li>
  <li><a href="/c">Tests</a></li><li><a href="/d">About us</a></li></ul>
</div>
<div id="trail"><a href="/">Home</a> &gt; <a href="/ref">Reference</a> &gt; Tonsillitis</div>
<div id="ref-body">
  <h1>Tonsillitis</h1>
  <div class="block" id="intro">
    <p>Tonsillitis is swelling and soreness of the tonsils, the two pads of tissue at the back
    of the throat. It is common in children but can happen at any age.</p>
  </div>
  <div class="block" id="b1">
    <h2>Signs</h2>
    <p>The main sign is a sore throat that makes swallowing painful. Other signs are:</p>
    <ul>
      <li>a high temperature</li>
      <li>red, swollen tonsils, sometimes with white spots</li>
      <li>swollen glands in the neck</li>
      <li>a hoarse voice or bad breath</li>
    </ul>
    <p>Young children may not say their throat hurts, but may refuse to eat or drink.</p>
  </div>
  <div class="block" id="b2">
    <h2>Looking after yourself</h2>
    <p>Most cases get better on their own within a week. These things can help:</p>
    <ul>
      <li>rest and drink plenty of cool fluids</li>
      <li>gargle with warm salty water (not suitable for children)</li>
      <li>take paracetamol or ibuprofen for the pain</li>
    </ul>
  </div>
  <div class="block" id="b3">
    <h2>Seeing a doctor</h2>
    <p>See a doctor if the sore throat does not improve after a week, or if you often get
    tonsillitis. Get help at once if you have difficulty breathing or cannot swallow saliva.</p>
  </div>
</div>
<div id="bottom">
  <p><a href="/x">Contact</a> | <a href="/y">Accessibility</a> | <a href="/z">Site map</a></p>
</div>
</body></html>
"""


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "tonsillitis.html"
    path.write_text(_PAGE, encoding="utf-8")
    return path


def test_headings_in_a_plain_div_start_sections(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path))
    assert [s.heading for s in article.sections] == [
        "", "Signs", "Looking after yourself", "Seeing a doctor"
    ]


def test_lists_in_a_plain_div_are_kept_with_their_lead_in(tmp_path: Path) -> None:
    sections = {s.heading: s.text for s in load_html(_page(tmp_path)).sections}
    signs = sections["Signs"].splitlines()
    assert "Other signs are:" in sections["Signs"]
    assert "- red, swollen tonsils, sometimes with white spots" in signs
    assert "- swollen glands in the neck" in signs
    assert "- gargle with warm salty water (not suitable for children)" in (
        sections["Looking after yourself"].splitlines()
    )


def test_chrome_around_the_plain_div_stays_out(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path))
    text = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    for chrome in ("Medicines", "About us", "public service website", "Site map", "Reference >"):
        assert chrome not in text
    assert "Get help at once if you have difficulty breathing" in text
