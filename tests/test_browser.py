"""End to end in a real browser: `streamlit run app.py` on a free port, driven by Playwright on
Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthqa.settings import Settings
from tests.support.kb import build_index

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[1]
ARTIFACTS = PROJECT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout:.0f} s")


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder) -> Settings:
    return build_index(tmp_path_factory.mktemp("browser-library"), embedder, [])


@pytest.fixture(scope="module")
def server_url(library: Settings, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "HEALTHQA_DATA_DIR": str(library.data_dir),
        "HEALTHQA_INDEX": str(library.index_dir),
        "HF_HUB_OFFLINE": "1",
    }
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(PROJECT / "app.py"),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.address", "127.0.0.1",
            "--server.port", str(port),
        ],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_ask_read_the_answer_and_open_a_source(server_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "chat-answer.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(server_url)
            box = page.get_by_test_id("stChatInputTextArea")
            expect(box).to_be_visible(timeout=120_000)
            box.fill("What causes gout?")
            box.press("Enter")

            sources = page.get_by_test_id("stExpander")
            expect(sources.first).to_be_visible(timeout=120_000)
            answer = page.get_by_test_id("stChatMessage").last
            expect(answer).to_contain_text("uric acid", ignore_case=True)
            expect(answer.locator('a[href^="#sources-"]').first).to_be_visible()

            sources.first.locator("summary").click()
            expect(sources.first.get_by_text("Read the original article")).to_be_visible()
            expect(sources.first.get_by_text("forms sharp crystals").first).to_be_in_viewport()
            page.wait_for_timeout(800)  # let the expander finish opening before the picture
            expect(page.locator("script:not([src])", has_text="alert")).to_have_count(0)
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    print(f"screenshot: {screenshot}")
    assert screenshot.stat().st_size > 10_000
