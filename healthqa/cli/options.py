"""Options and settings shared by every `healthqa` subcommand."""

from __future__ import annotations

from pathlib import Path

import click

from healthqa.settings import Settings

index_option = click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Index directory (default: $HEALTHQA_INDEX or data/index).",
)


def settings_for(index_dir: Path | None) -> Settings:
    """Settings from the environment, with `--index` taking precedence when given."""
    settings = Settings.from_env()
    return settings if index_dir is None else settings.with_index(index_dir)
