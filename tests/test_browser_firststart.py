"""`make run` always opens the app: from a clone with no articles and no network it answers from
the team's demo articles, saying they are not vetted; with the shared data it answers from a
small first sample within a minute while the rest is indexed in the background, one generation
per batch, with progress on the page."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from healthqa.firststart.status import process_alive, read_status, status_path
from index.generations import current_generation
from tests.conftest import SHARED_DATA
from tests.test_browser import (
    CHROMIUM,
    ask,
    chromium,
    foreign,
    free_port,
    record_figure,
    record_requests,
    wait_for_answer,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium"),
]

PROJECT = Path(__file__).resolve().parents[1]
FIRST_ANSWER_BUDGET_SECONDS = 60.0


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def make_run(env: Mapping[str, str], log: Path) -> Iterator[tuple[str, float]]:
    """`make run` on a free port (the install step is taken as done: `-o` skips it); yields the
    URL once the app answers health checks, and when make was started."""
    port = free_port()
    data_dir = Path(env["HEALTHQA_DATA_DIR"])
    started = time.monotonic()
    with log.open("wb") as output:
        make = subprocess.Popen(
            ["make", "--no-print-directory", "-o", ".venv/.installed", "run", f"PORT={port}"],
            cwd=PROJECT,
            env=dict(env),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the server stops with it
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while not healthy(url):
                assert make.poll() is None, f"make run exited: {log.read_text()[-2000:]}"
                assert time.monotonic() < deadline, "the app did not start"
                time.sleep(0.2)
            yield url, started
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            try:
                make.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(make.pid, signal.SIGKILL)
            status = read_status(status_path(data_dir))
            if status is not None and status.running and process_alive(status.pid):
                # The job stops by itself once the app is gone; do not leave it running here.
                os.kill(status.pid, signal.SIGTERM)


def offline_env(tmp_path: Path) -> dict[str, str]:
    """A clone beside no shared data, on a machine without a network."""
    closed = f"http://127.0.0.1:{free_port()}"
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "https_proxy")}
    (tmp_path / "no-shared-data").mkdir()
    env.update(
        HEALTHQA_DATA_DIR=str(tmp_path / "data"),
        HEALTHQA_SHARED_DATA=str(tmp_path / "no-shared-data"),
        HEALTHQA_INDEX=str(tmp_path / "data" / "index"),
        https_proxy=closed,
        HTTPS_PROXY=closed,
        HF_HUB_OFFLINE="1",
    )
    return env


def test_without_articles_or_network_the_demo_articles_answer_and_say_they_are_not_vetted(
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    env = offline_env(tmp_path)
    with make_run(env, tmp_path / "make.log") as (url, started), chromium() as browser:
        page = browser.new_page()
        requests = record_requests(page)
        page.goto(url)
        banner = page.get_by_text("demo articles the team wrote")
        expect(banner).to_be_visible(timeout=FIRST_ANSWER_BUDGET_SECONDS * 1000)
        expect(banner).to_contain_text("not vetted")
        expect(page.get_by_text("make ingest ARTICLES=path/to/your/articles").first).to_be_visible()
        ask(page, "What are the symptoms of the flu?")
        wait_for_answer(page, 1)
        record_figure("offline-first-answer-seconds", time.monotonic() - started)
        reply = page.get_by_test_id("stChatMessage").nth(1)
        expect(reply).to_contain_text("[1]")
        expect(reply.get_by_test_id("stExpander").first).to_contain_text("HealthQA demo article")
        assert foreign(requests, url) == []
    made = (tmp_path / "make.log").read_text()
    assert "PORT=8502 make run" in made
    log = (tmp_path / "data" / "firststart.log").read_text()
    # Nothing is fetched unless asked; the log says how to get the sample.
    assert "There are no sample articles in" in log
    assert "HEALTHQA_DOWNLOAD_SAMPLE=1" in log
    assert "Could not download" not in log
    assert "demo articles" in log
    assert "Traceback" not in log


@pytest.mark.shared_data
def test_with_the_shared_data_the_chat_answers_within_a_minute(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    env = {
        **os.environ,
        "HEALTHQA_DATA_DIR": str(tmp_path / "data"),
        "HEALTHQA_INDEX": str(tmp_path / "data" / "index"),
        "HEALTHQA_SHARED_DATA": str(SHARED_DATA),
        "HF_HUB_OFFLINE": "1",
    }
    index_dir = tmp_path / "data" / "index"
    figures: dict[str, object] = {}
    with make_run(env, tmp_path / "make.log") as (url, started), chromium() as browser:
        figures["app_healthy_s"] = round(time.monotonic() - started, 1)
        page = browser.new_page()
        page.goto(url)
        ask(page, "Why get a second opinion?")
        wait_for_answer(page, 1, timeout=120_000)
        first_answer = time.monotonic() - started
        figures["first_answer_s"] = round(first_answer, 1)
        answer = page.get_by_test_id("stChatMessage").nth(1)
        expect(answer.get_by_test_id("stExpander").first).to_be_visible()
        first_generation = current_generation(index_dir)
        status = read_status(status_path(tmp_path / "data"))
        assert status is not None
        figures["first_documents"] = status.first_documents
        figures["documents_total"] = status.documents_total

        # The rest arrives in the background while the chat keeps answering.
        expect(page.get_by_text("Adding more articles in the background")).to_be_visible(
            timeout=60_000
        )
        ask(page, "Who is at risk for age-related macular degeneration?")
        wait_for_answer(page, 2, timeout=120_000)
        deadline = time.monotonic() + 900
        while (status := read_status(status_path(tmp_path / "data"))) and status.running:
            assert time.monotonic() < deadline, "the background indexing did not finish"
            time.sleep(2)
        figures["all_indexed_s"] = round(time.monotonic() - started, 1)
        assert status is not None
        assert status.state == "done", status.message
        assert status.documents_done == status.documents_total
        last_generation = current_generation(index_dir)
        assert first_generation is not None
        assert last_generation is not None
        figures["generations"] = last_generation - first_generation + 1
        assert last_generation > first_generation + 1  # published batch by batch
        page.reload()
        expect(page.get_by_text("Adding more articles")).to_have_count(0, timeout=30_000)
        ask(page, "What is age-related macular degeneration?")
        wait_for_answer(page, 1, timeout=120_000)
    figures["load_average"] = os.getloadavg()[0]
    record_figure("first-start.json", figures)
    assert first_answer <= FIRST_ANSWER_BUDGET_SECONDS
