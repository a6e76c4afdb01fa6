"""Scraped-page cleaning: the seed article, a differently worded page, and the rules one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.boilerplate import CleanedText, clean_scraped_text


def body(cleaned: CleanedText) -> str:
    return "\n".join(block.text for block in cleaned.blocks)


def headings(cleaned: CleanedText) -> list[str]:
    return [block.text for block in cleaned.blocks if block.heading]


@pytest.mark.shared_data
def test_seed_article(shared_data: Path) -> None:
    cleaned = clean_scraped_text((shared_data / "seed" / "second-opinion-guide.txt").read_text())
    assert cleaned.title == "Cancer: When Do You Need a Second Opinion, and Why?"
    assert headings(cleaned) == ["Why Get a Second Opinion?"]
    text = body(cleaned)
    for chrome in ("Sign Up", "Font Size", "Pill Identifier", "What is prevention?",
                   "Cancer prevention is action taken", "Read the", "Next Article",
                   "What treatment concerns you most?", "Drugs & Supplements", "Get Answers",
                   "WebMD Feature"):
        assert chrome not in text
    for sentence in (
        "Getting a second opinion is your right as a patient.",
        "Getting a second opinion is your right as a cancer patient.",
        "After you’ve been diagnosed with cancer and your doctor has outlined your treatment",
        "“Not everybody is right every time,” he tells WebMD.",
        "He has seen cases in which a second opinion changed the treatment, prognosis, and even "
        "diagnosis.",
        "“Second opinions are often really helpful because they offer reassurance.”",
        "So what do you need to know about getting a second opinion? WebMD asked the experts.",
        "But while there’s always a chance that a second opinion will completely alter your "
        "treatment, experts say that such cases are in the minority.",
    ):
        assert sentence in text


def test_differently_worded_scraped_page(fixtures_dir: Path) -> None:
    page = fixtures_dir / "articles" / "scraped-sleep-apnea.txt"
    cleaned = clean_scraped_text(page.read_text())
    assert cleaned.title == "Sleep Apnea: Signs You Should Not Ignore"
    assert headings(cleaned) == ["How Is It Diagnosed?"]
    text = body(cleaned)
    for chrome in ("Skip to main content", "Menu", "Symptom Checker", "Try It Now",
                   "mailing list", "Subscribe", "Text size", "By the Health Desk",
                   "You Might Also Like", "teenagers", "Continue reading", "Previous Story",
                   "Stress and your heart", "All rights reserved", "Browse hundreds"):
        assert chrome not in text
    assert text.startswith("Loud snoring can be more than a nuisance.")
    assert "Untreated sleep apnea raises the risk of high blood pressure" in text
    assert text.endswith("keeps the airway open with gentle air pressure.")


def test_clean_text_passes_through() -> None:
    source = (
        "Washing Your Hands\n\n"
        "Wash for twenty seconds with soap. Rinse well.\n\n"
        "Why It Matters\n\n"
        "Clean hands stop germs spreading to others.\n"
    )
    cleaned = clean_scraped_text(source)
    assert cleaned.title == "Washing Your Hands"
    assert headings(cleaned) == ["Why It Matters"]
    assert body(cleaned) == (
        "Wash for twenty seconds with soap. Rinse well.\nWhy It Matters\n"
        "Clean hands stop germs spreading to others."
    )


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    source = (
        "Most colds get better within a week or two without any special treatment at\n"
        "all, and antibiotics do not help because colds are caused by viruses.\n"
    )
    assert body(clean_scraped_text(source)) == " ".join(source.split())


def test_list_after_a_colon_is_kept() -> None:
    source = (
        "Asthma should not stop a child enjoying the outdoors, but a little planning helps. "
        "Cold air and pollen are common triggers on trails.\n\n"
        "Pack these for a hike with a child who has asthma, and check them before you leave:\n\n"
        "Reliever inhaler\n\nSpacer\n\nWritten action plan\n\n"
        "Keep the inhaler somewhere you can reach it quickly rather than deep in a bag.\n"
    )
    cleaned = clean_scraped_text(source)
    assert cleaned.title is None
    for item in ("Reliever inhaler", "Spacer", "Written action plan", "Cold air", "Keep the"):
        assert item in body(cleaned)


def test_everything_after_a_previous_article_marker_goes() -> None:
    source = (
        "Iron helps red blood cells carry oxygen through the body to every organ. " * 5
        + "\n\nPrevious article\n\nA different story about vitamins that should not appear.\n"
    )
    assert "vitamins" not in body(clean_scraped_text(source))


def test_call_to_action_sentence_in_body_goes() -> None:
    source = (
        "Stretching before exercise warms the muscles and may lower the chance of strain. " * 4
        + "\n\nSubscribe to get weekly fitness tips in your inbox.\n\n"
        "Hold each stretch for about thirty seconds without bouncing.\n"
    )
    text = body(clean_scraped_text(source))
    assert "Subscribe" not in text
    assert "Hold each stretch for about thirty seconds without bouncing." in text
