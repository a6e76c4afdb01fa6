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


# A page of full chrome: a cookie notice, a newsletter box, references and a feedback block
# outside the content column hold more than a tenth of a short article's prose.
_CHROME_HEAVY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Plantar fasciitis - FootWise</title></head>
<body>
<div class="cookie"><p>We use cookies to make this site work and to understand how you use it, so we can make it better for everyone.</p><button>Accept</button></div>
<header><a href="/">FootWise</a><nav><ul><li><a href="/a">Conditions</a></li><li><a href="/b">Medicines</a></li></ul></nav></header>
<div class="wrap"><div class="col">
<h1>Plantar fasciitis</h1>
<p>Plantar fasciitis is pain on the bottom of the foot, around the heel and arch. It happens when the thick band of tissue that runs along the sole of the foot becomes irritated and swollen.</p>
<nav class="toc"><h2>On this page</h2><ol><li><a href="#s">Symptoms</a></li><li><a href="#t">Treatment</a></li></ol></nav>
<section id="s"><h2>Symptoms</h2>
<p>Signs include:</p>
<ul><li>pain in the heel when you take your first steps in the morning</li><li>pain that eases with gentle activity</li><li>tenderness under the arch of the foot</li></ul>
<p>The pain is often worse after standing for a long time or after exercise rather than during it. It usually affects one foot, but both feet can be painful at the same time.</p></section>
<section id="t"><h2>Treatment</h2>
<p>Try these for a few weeks:</p>
<ul><li>rest your foot and raise it when you can</li><li>wear shoes with a cushioned heel</li><li>do gentle stretches of the calf and foot</li></ul>
<p>Most people get better within a year. If the pain does not improve after a few weeks, a podiatrist can suggest exercises, insoles or strapping for the foot.</p>
<aside class="callout"><h3>Important</h3><p>Heel pads and insoles are sold in pharmacies. Most people need them for several weeks before the pain eases.</p></aside></section>
</div></div>
<section class="newsletter"><h2>Get our newsletter</h2><p>Sign up for monthly tips on keeping your feet healthy, delivered to your inbox every month.</p></section>
<section class="related"><h2>Related</h2><ul><li><a href="/x">Bunions</a></li><li><a href="/y">Gout</a></li><li><a href="/z">Flat feet</a></li></ul></section>
<section class="sources"><h2>Sources</h2><ol><li>National Foot Health Institute. Clinical summaries for heel pain. 2024.</li><li>Podiatry Society. Heel pain guidance for practitioners and patients. 2023.</li></ol></section>
<div class="feedback"><h2>Was this page helpful?</h2><button>Yes</button><p>Page last reviewed: 2 June 2025. Next review due: 2 June 2028.</p></div>
<footer><p>&copy; FootWise 2025.</p></footer>
</body></html>
"""  # noqa: E501 (one block per line, as pages have them)


def test_the_column_holding_the_title_is_the_content_on_a_page_of_chrome(tmp_path: Path) -> None:
    path = tmp_path / "plantar-fasciitis.html"
    path.write_text(_CHROME_HEAVY_PAGE, encoding="utf-8")
    sections = {s.heading: s.text for s in load_html(path).sections}
    assert list(sections) == ["", "Symptoms", "Treatment"]
    assert "- tenderness under the arch of the foot" in sections["Symptoms"].splitlines()
    assert "- wear shoes with a cushioned heel" in sections["Treatment"].splitlines()
    # The callout belongs to the section it sits in.
    assert "Most people need them for several weeks" in sections["Treatment"]
    text = "\n".join(sections.values())
    for chrome in ("cookies", "newsletter", "Podiatry Society", "Bunions", "helpful"):
        assert chrome not in text
