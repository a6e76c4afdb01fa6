"""The `healthqa` command run through click as a user runs it, and small articles to feed it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from healthqa.cli.main import healthqa


def article(topic: str, extra: str = "") -> str:
    return (
        f"# {topic.capitalize()}\n\n{topic.capitalize()} affects many people. {extra}"
        f"A doctor can tell you more about {topic}.\n"
    )


def write(folder: Path, topics: dict[str, str]) -> None:
    """One Markdown article per topic in `folder`; the value is a sentence added to it."""
    folder.mkdir(parents=True, exist_ok=True)
    for topic, extra in topics.items():
        (folder / f"{topic}.md").write_text(article(topic, extra), encoding="utf-8")


def run(*args: str) -> Result:
    """`healthqa ARGS`; an error the command does not turn into words is raised, not hidden."""
    return CliRunner().invoke(healthqa, list(args), catch_exceptions=False)


def run_json(*args: str) -> dict[str, object]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded
