"""HTML pages that mark their content with no `<main>` or `<article>`: an encyclopedia page whose
body sits in a plain `<div>` of section blocks still keeps its headings and its lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cleaning import clean_article
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


# A hospital CMS leaflet: the content column is a plain <div> holding the article's <div> (its
# h1, headings and nearly all its prose) and a sidebar <aside>, with a cookie bar, a header with
# a menu, breadcrumbs and a footer around it.
_CMS_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Gout | Patient leaflets | Riverside Hospitals</title></head>
<body>
<a class="skip" href="#content">Skip to main content</a>
<div class="cookie-bar"><p>We use cookies to make our website work and to see how it is used. You can choose which optional cookies we set.</p><a href="#" class="btn">Accept all</a></div>
<header><div class="logo"><a href="/">Riverside Hospitals NHS Trust</a></div>
<ul class="quick"><li><a href="/visit">Visiting</a></li><li><a href="/jobs">Jobs</a></li></ul>
<nav class="megamenu"><ul><li><a href="/services">Our services</a></li><li><a href="/leaflets">Patient leaflets</a></li></ul></nav></header>
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/leaflets">Patient leaflets</a></li><li>Gout</li></ol>
<div id="content" class="page">
{open_tag}
<h1>Gout</h1>
<p class="meta">Leaflet number: RH-112 | Department: Rheumatology</p>
<p>This leaflet explains what gout is and how it is treated. It is for adults who have had an attack of gout.</p>
<h2>What is gout?</h2>
<p>Gout is a type of arthritis that causes sudden attacks of severe joint pain. It usually affects the big toe first. You may have gout if:</p>
<ul><li>a joint suddenly becomes very painful, hot and swollen</li><li>the skin over the joint is red and shiny</li><li>the pain is worst in the first day</li></ul>
<p>An attack usually settles within a week or two, even without treatment.</p>
<h2>Treating an attack</h2>
<p>Start treatment as soon as an attack begins:</p>
<ul>
<li>Take ibuprofen (Advil) or naproxen for the pain and swelling. Take it with food to protect your stomach.</li>
<li>Rest the joint and raise it on a pillow.</li>
<li>Hold an ice pack wrapped in a towel on the joint for up to 20 minutes at a time.</li>
</ul>
<div class="callout warning"><p><strong>Taking blood thinners?</strong> Do not take ibuprofen or naproxen. Ask a pharmacist which painkiller is safe for you to take.</p></div>
<h2>Preventing attacks</h2>
<p>Attacks come back in most people. These changes lower the uric acid in your blood:</p>
<ul><li>drink less beer and fewer sugary drinks</li><li>eat less red meat and seafood</li><li>lose weight if you are overweight</li></ul>
<div class="callout urgent"><h3>Call 999 if:</h3><p>you have a painful, hot joint and you feel very unwell with a high temperature. The joint may be infected, which needs treatment straight away.</p></div>
<h2>Contact us</h2>
<p>Rheumatology Nurse Line: 01632 960000, Monday to Friday, 9am to 5pm.</p>
{close_tag}
<aside class="sidebar"><h3>Related leaflets</h3><ul><li><a href="/l/oa">Osteoarthritis</a></li><li><a href="/l/diet">Healthy eating</a></li></ul><div class="rate"><p>Was this leaflet helpful?</p><a href="#">Yes</a> <a href="#">No</a></div></aside>
</div>
<footer><div class="social"><a href="#">Follow us on Facebook</a></div><p>Riverside Hospitals NHS Trust, Mill Lane, Riverton RV1 1AA. Switchboard 01632 960001</p></footer>
</body></html>
"""  # noqa: E501 (one block per line, as pages have them)


@pytest.mark.parametrize(
    ("open_tag", "close_tag"), [('<div class="leaflet">', "</div>"), ("<main>", "</main>")]
)
def test_an_article_in_a_content_column_beside_a_sidebar_keeps_its_structure(
    tmp_path: Path, open_tag: str, close_tag: str
) -> None:
    path = tmp_path / "gout.html"
    path.write_text(_CMS_PAGE.format(open_tag=open_tag, close_tag=close_tag), encoding="utf-8")
    article, _ = clean_article(load_html(path))
    sections = {s.heading: s.text for s in article.sections}
    lines = {heading: [line for line in text.splitlines() if line] for heading, text in
             sections.items()}
    assert list(sections) == [
        "", "What is gout?", "Treating an attack", "Preventing attacks", "Contact us"
    ]
    what = lines["What is gout?"]
    # Each list stays under its introduction, in its place.
    assert what[:2] == [
        "Gout is a type of arthritis that causes sudden attacks of severe joint pain. It "
        "usually affects the big toe first. You may have gout if:",
        "- a joint suddenly becomes very painful, hot and swollen",
    ]
    assert what[-1] == "An attack usually settles within a week or two, even without treatment."
    treating = lines["Treating an attack"]
    # A bracket inside an item is part of it, not the start of a new paragraph.
    assert (
        "- Take ibuprofen (Advil) or naproxen for the pain and swelling. Take it with food to "
        "protect your stomach."
    ) in treating
    # The callouts keep their labels, in the section they stand in.
    assert treating[-2:] == [
        "Taking blood thinners?",
        "Do not take ibuprofen or naproxen. Ask a pharmacist which painkiller is safe for you "
        "to take.",
    ]
    assert lines["Preventing attacks"][-1].startswith(
        "Call 999 if: you have a painful, hot joint"
    )
    text = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    for chrome in ("cookies", "Our services", "Osteoarthritis", "helpful", "Facebook", "Mill Lane"):
        assert chrome not in text
