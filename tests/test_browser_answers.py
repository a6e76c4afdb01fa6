"""Three answers as a visitor reads them in a real browser, each kept as a screenshot: a
definition, a treatment question inside a long story, and a follow-up whose answer is a list.

Checked on the page itself: the first sentence answers what was asked, a list shows as a list,
no heading or source label repeats, and every citation marker opens its own passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from healthqa.settings import Settings
from tests.test_browser import (
    ARTIFACTS,
    CHROMIUM,
    app_env,
    ask,
    chromium,
    streamlit_server,
    wait_for_answer,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium"),
]

STORY = (
    "My dad is 70. Two days ago he felt a burning, tingling pain across one side of his back, "
    "and this morning a strip of small blisters came up there. His GP says it is shingles and "
    "he is miserable. What can be done to treat it?"
)
# (question, words the first sentence must hold, whether the answer must hold a list)
TURNS = [
    ("What is shingles?", ("shingles", "rash"), False),
    (STORY, ("antiviral",), False),
    ("And what are the symptoms?", ("burning", "tingling"), True),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder) -> Settings:
    from tests.support.kb import build_index

    return build_index(tmp_path_factory.mktemp("answers-library"), embedder, [])


@pytest.fixture(scope="module")
def server_url(library: Settings, tmp_path_factory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("answers-server") / "server.log"
    with streamlit_server(app_env(library), log) as (url, _):
        yield url


def first_sentence(text: str) -> str:
    """The answer's first sentence as read, without its citation marker."""
    flat = " ".join(text.split())
    return re.split(r"(?<=[.!?])\s", re.sub(r"\s*\[\d+\]", "", flat), maxsplit=1)[0]


def test_three_answers_read_well_and_every_marker_opens_its_passage(server_url: str) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.goto(server_url)
        for turn, (question, lead_words, has_list) in enumerate(TURNS, start=1):
            ask(page, question)
            wait_for_answer(page, turn)
            message = page.get_by_test_id("stChatMessage").nth(2 * turn - 1)
            body = message.get_by_test_id("stMarkdownContainer").first
            lead = first_sentence(body.inner_text()).lower()
            assert all(word in lead for word in lead_words), (question, lead)
            assert message.get_by_test_id("stAlert").count() == 0, "no notice for these questions"

            items = body.locator("li")
            if has_list:
                assert items.count() >= 3, body.inner_text()
            body_text = body.inner_text()
            assert not re.search(r"(?m)^\s*[-*•]\s", body_text), "bullets drawn as text"

            headings = [h.strip() for h in message.locator("h1, h2, h3, h4").all_inner_texts()]
            sources = message.get_by_test_id("stExpander")
            labels = [s.strip() for s in sources.locator("summary").all_inner_texts()]
            assert labels, question
            assert len(set(labels)) == len(labels), labels
            assert headings.count("Sources") == 1, headings

            markers = body.locator('a[href^="#sources-"]')
            numbers = sorted({int(t.strip("[] ")) for t in markers.all_inner_texts()})
            assert numbers == list(range(1, len(labels) + 1)), (numbers, labels)
            for n in numbers:
                markers.filter(has_text=f"[{n}]").first.click()
                details = sources.nth(n - 1).locator("details")
                expect(details).to_have_attribute("open", "", timeout=10_000)
                heading = sources.nth(n - 1).locator(f'[id="sources-{turn - 1}-{n}"]')
                expect(heading).to_be_in_viewport(timeout=10_000)
                expect(sources.nth(n - 1).get_by_text("Read the original article")).to_be_visible()
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / f"answer-{turn}.png"), full_page=True)
    for turn in range(1, len(TURNS) + 1):
        assert (ARTIFACTS / f"answer-{turn}.png").stat().st_size > 10_000
