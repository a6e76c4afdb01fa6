"""A newcomer's first answer: `make run` in a fresh clone beside `../shared`, then a real browser
asks a question as soon as the page lets it. Reports the install time (until `make run` prints
the app's address), the time from there to the chat box being enabled, and to the first answer.

    .venv/bin/python -m bench.first_answer --clone /tmp/fresh-clone [--port 8599]

The clone must be a fresh `git clone` of this repository placed where `../shared` is reachable
(as `make run` expects); a clone that already has a .venv measures a warm install. Chromium is
Debian's, as in the tests. Results: bench/results/first-answer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import time
from pathlib import Path

from bench.common import write_results
from tests.test_browser import ask, chat_box, chromium, wait_for_answer

QUESTION = "What are the symptoms of shingles?"
ADDRESS_LINE = "HealthQA: http://"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clone", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8599)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("results") / "first-answer.json"
    )
    args = parser.parse_args()
    from playwright.sync_api import expect

    warm = (args.clone / ".venv").exists()
    log_path = args.clone.parent / f"{args.clone.name}-make-run.log"
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        make = subprocess.Popen(
            ["make", "run", f"PORT={args.port}"], cwd=args.clone, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        try:
            assert make.stdout is not None
            for line in make.stdout:
                log.write(line)
                if ADDRESS_LINE in line:
                    break
            installed = time.monotonic() - started
            with chromium() as browser:
                page = browser.new_page()
                deadline = time.monotonic() + 120
                while True:  # the server needs a moment after printing its address
                    try:
                        page.goto(f"http://localhost:{args.port}")
                        break
                    except Exception:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.5)
                expect(chat_box(page)).to_be_enabled(timeout=600_000)
                enabled = time.monotonic() - started
                ask(page, QUESTION)
                wait_for_answer(page, 1, timeout=300_000)
                answered = time.monotonic() - started
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=30)
    results = {
        "install": "warm (.venv present)" if warm else "cold (no .venv; this machine's pip cache)",
        "install_s": round(installed, 1),
        "chat_enabled_after_install_s": round(enabled - installed, 1),
        "first_answer_after_install_s": round(answered - installed, 1),
        "first_answer_after_make_run_s": round(answered, 1),
        "question": QUESTION,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(results, indent=2))
    write_results(args.out, results)


if __name__ == "__main__":
    main()
