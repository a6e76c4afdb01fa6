"""A callout box's label is not a section of the article (`ingest/html_callout_labels.py`): its
words stay in the section the box sits in, a label naming only the kind of box goes, a label
naming a subject leads in to the box's words, and a label over a list introduces it."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article
from ingest.html import load_html

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Head lice</title></head>
<body><main>
<h1>Head lice</h1>
<p>Head lice are tiny insects that live in hair. They are common in children.</p>
<h2>Treating head lice</h2>
<p>Comb wet hair with a fine-toothed detection comb every few days for 2 weeks.</p>
<aside class="callout callout--info"><h3>Important</h3><p>You do not need to keep a child off school because of head lice.</p></aside>
<div class="callout"><strong>Tip:</strong> <p>Use plenty of conditioner so the comb slides through easily.</p></div>
<aside class="note"><h3>Pregnancy</h3><p>Ask a pharmacist which lotions are safe to use when you are pregnant.</p></aside>
<aside class="callout warning"><h3>See a GP if</h3><ul><li>the scalp is red and sore</li><li>lotions have not worked</li></ul></aside>
<h2>Preventing head lice</h2>
<p>There is nothing you can do to stop head lice spreading, but checking hair regularly finds them early.</p>
<aside class="callout"><h3>How long do lice live off the head?</h3><p>Lice usually die within 2 days away from the scalp.</p></aside>
</main></body></html>
"""  # noqa: E501 (one block per line, as pages have them)


def _sections(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "head-lice.html"
    path.write_text(_PAGE, encoding="utf-8")
    article, _ = clean_article(load_html(path))
    return {s.heading: s.text for s in article.sections}


def test_a_callout_label_does_not_become_a_section(tmp_path: Path) -> None:
    sections = _sections(tmp_path)
    assert "Important" not in sections
    assert "Pregnancy" not in sections
    treating = sections["Treating head lice"]
    assert "You do not need to keep a child off school because of head lice." in treating


def test_a_label_naming_only_the_kind_of_box_goes(tmp_path: Path) -> None:
    paragraphs = _sections(tmp_path)["Treating head lice"].split("\n\n")
    assert "Use plenty of conditioner so the comb slides through easily." in paragraphs
    assert "You do not need to keep a child off school because of head lice." in paragraphs
    assert not any(p.startswith(("Tip", "Important")) for p in paragraphs)


def test_a_label_naming_a_subject_leads_in_to_the_box(tmp_path: Path) -> None:
    treating = _sections(tmp_path)["Treating head lice"]
    assert "Pregnancy: Ask a pharmacist which lotions are safe" in treating


def test_a_label_over_a_list_introduces_it(tmp_path: Path) -> None:
    paragraphs = _sections(tmp_path)["Treating head lice"].split("\n\n")
    at = paragraphs.index("See a GP if:")
    assert paragraphs[at + 1] == "- the scalp is red and sore\n- lotions have not worked"


def test_a_question_in_a_box_still_heads_its_answer(tmp_path: Path) -> None:
    sections = _sections(tmp_path)
    assert sections["How long do lice live off the head?"].startswith("Lice usually die")


def test_a_label_over_a_list_of_links_goes_with_the_list(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Nits</title></head><body><main>
<h1>Nits</h1><p>Nits are the empty egg cases of head lice, stuck to the hair.</p>
<h2>Removing nits</h2><p>Comb them out with a fine-toothed comb after washing the hair.</p>
<div class="callout"><h3>Read more</h3><ul><li><a href="/lice">Head lice</a></li><li><a href="/combs">Detection combs</a></li></ul></div>
</main></body></html>"""  # noqa: E501
    path = tmp_path / "nits.html"
    path.write_text(page, encoding="utf-8")
    article, _ = clean_article(load_html(path))
    text = "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)
    assert "Read more" not in text
    assert "Detection combs" not in text


def test_a_box_named_by_its_role_or_a_hyphenated_class_on_a_page_without_main(
    tmp_path: Path,
) -> None:
    page = """<!DOCTYPE html><html lang="en"><head><title>Croup</title></head><body>
<table><tr><td><div id="content"><h1>Croup</h1>
<div class='content-block'><h2>What is croup?</h2><p>Croup is a common childhood illness that causes a barking cough and a hoarse voice. It is usually mild and gets better within 48 hours.</p></div>
<div class='content-block'><h2>Treating croup at home</h2><p>Keep your child calm and sitting upright, and give them plenty of fluids. Paracetamol or ibuprofen can ease a fever.</p></div>
<div class='content-block'><h2>When to get emergency help</h2><div class='danger-panel' role='note'><h3>Immediate action required</h3><p>Call 999 if your child is struggling to breathe, their skin turns pale or blue, or they are very drowsy.</p></div></div>
<div class='content-block'><h2>Croup in babies</h2><div class='tip-box'><h3>Good to know</h3><p>Babies under 6 months with croup should always be seen by a doctor.</p></div></div>
</div></td></tr></table></body></html>"""  # noqa: E501 (one block per line, as pages have them)
    path = tmp_path / "croup.html"
    path.write_text(page, encoding="utf-8")
    article, _ = clean_article(load_html(path))
    sections = {s.heading: s.text for s in article.sections}
    assert "Immediate action required" not in sections
    assert sections["When to get emergency help"].startswith(
        "Immediate action required: Call 999 if your child is struggling to breathe"
    )
    assert sections["Croup in babies"].startswith("Babies under 6 months with croup")
