"""`python -m healthqa.firststart start|run [--shared DIR] [--watch-pid PID]`.

`start` (what `make run` calls) starts the job in the background when needed and returns at once;
`run` is the job itself. Neither ever fails `make run`: problems go to the status file and log.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from healthqa.errors import HealthQAError
from healthqa.firststart import job, launch
from healthqa.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m healthqa.firststart")
    parser.add_argument("command", choices=("start", "run"))
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument(
        "--watch-pid", type=int, default=None, help="stop when this process (the app) is gone"
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except HealthQAError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 0 if args.command == "start" else 2
    shared = args.shared or settings.shared_data
    if args.command == "start":
        print(launch.start(settings, shared, watch_pid=args.watch_pid))
        return 0
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    os.nice(10)  # the chat answering visitors comes first
    return job.run(settings, shared, watch_pid=args.watch_pid)


if __name__ == "__main__":
    sys.exit(main())
